DROP INDEX "tickets_tenant_idempotency_uq";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "idempotency_key";--> statement-breakpoint
ALTER TABLE "tickets" DROP COLUMN "idempotency_hash";--> statement-breakpoint
ALTER TABLE "survey_responses" DROP COLUMN "submit_key";--> statement-breakpoint
-- The settings version is moved by the code that changes company configuration (company-version/cache.ts settingsChanged), not by triggers on business tables.
DROP TRIGGER "ticket_categories_settings_version" ON "ticket_categories";--> statement-breakpoint
DROP TRIGGER "sla_policies_settings_version" ON "sla_policies";--> statement-breakpoint
DROP TRIGGER "calendar_days_settings_version" ON "calendar_days";--> statement-breakpoint
DROP TRIGGER "tenant_settings_settings_version" ON "tenant_settings";--> statement-breakpoint
DROP TRIGGER "incidents_settings_version" ON "incidents";--> statement-breakpoint
DROP FUNCTION "manyi_bump_settings_version"();
