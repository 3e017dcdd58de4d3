-- Issue 14 §11, ready to shard by company: every company table's primary key and unique constraints
-- carry tenant_id (Citus requires the distribution column in them). Each table's old primary key on
-- "id" alone (PostgreSQL's default name <table>_pkey, from CREATE TABLE) is dropped and the composite
-- one added; rows keep their ids, and (tenant_id, id) is unique wherever id was, so a database that
-- already holds data migrates as it is. No foreign key exists between tables (checked by
-- packages/db/src/distribution.test.ts), so none has to be dropped and recreated around the swap.
-- Token lookups (sessions, owner invites, survey invitations and posters) keep their token first.
DROP INDEX "owner_invites_token_uq";--> statement-breakpoint
DROP INDEX "survey_invitations_token_uq";--> statement-breakpoint
DROP INDEX "survey_posters_token_uq";--> statement-breakpoint
ALTER TABLE "buildings" DROP CONSTRAINT "buildings_pkey";--> statement-breakpoint
ALTER TABLE "households" DROP CONSTRAINT "households_pkey";--> statement-breakpoint
ALTER TABLE "persons" DROP CONSTRAINT "persons_pkey";--> statement-breakpoint
ALTER TABLE "projects" DROP CONSTRAINT "projects_pkey";--> statement-breakpoint
ALTER TABLE "regions" DROP CONSTRAINT "regions_pkey";--> statement-breakpoint
ALTER TABLE "units" DROP CONSTRAINT "units_pkey";--> statement-breakpoint
ALTER TABLE "otp_codes" DROP CONSTRAINT "otp_codes_pkey";--> statement-breakpoint
ALTER TABLE "owner_invites" DROP CONSTRAINT "owner_invites_pkey";--> statement-breakpoint
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_pkey";--> statement-breakpoint
ALTER TABLE "staff_users" DROP CONSTRAINT "staff_users_pkey";--> statement-breakpoint
ALTER TABLE "audit_logs" DROP CONSTRAINT "audit_logs_pkey";--> statement-breakpoint
ALTER TABLE "import_jobs" DROP CONSTRAINT "import_jobs_pkey";--> statement-breakpoint
ALTER TABLE "timeline_events" DROP CONSTRAINT "timeline_events_pkey";--> statement-breakpoint
ALTER TABLE "canned_replies" DROP CONSTRAINT "canned_replies_pkey";--> statement-breakpoint
ALTER TABLE "dispatch_rules" DROP CONSTRAINT "dispatch_rules_pkey";--> statement-breakpoint
ALTER TABLE "incidents" DROP CONSTRAINT "incidents_pkey";--> statement-breakpoint
ALTER TABLE "return_visits" DROP CONSTRAINT "return_visits_pkey";--> statement-breakpoint
ALTER TABLE "sla_policies" DROP CONSTRAINT "sla_policies_pkey";--> statement-breakpoint
ALTER TABLE "ticket_alerts" DROP CONSTRAINT "ticket_alerts_pkey";--> statement-breakpoint
ALTER TABLE "ticket_attachments" DROP CONSTRAINT "ticket_attachments_pkey";--> statement-breakpoint
ALTER TABLE "ticket_completions" DROP CONSTRAINT "ticket_completions_pkey";--> statement-breakpoint
ALTER TABLE "ticket_confirmation_codes" DROP CONSTRAINT "ticket_confirmation_codes_pkey";--> statement-breakpoint
ALTER TABLE "ticket_events" DROP CONSTRAINT "ticket_events_pkey";--> statement-breakpoint
ALTER TABLE "tickets" DROP CONSTRAINT "tickets_pkey";--> statement-breakpoint
ALTER TABLE "webhook_deliveries" DROP CONSTRAINT "webhook_deliveries_pkey";--> statement-breakpoint
ALTER TABLE "webhooks" DROP CONSTRAINT "webhooks_pkey";--> statement-breakpoint
ALTER TABLE "incident_events" DROP CONSTRAINT "incident_events_pkey";--> statement-breakpoint
ALTER TABLE "campaigns" DROP CONSTRAINT "campaigns_pkey";--> statement-breakpoint
ALTER TABLE "indicator_systems" DROP CONSTRAINT "indicator_systems_pkey";--> statement-breakpoint
ALTER TABLE "survey_followups" DROP CONSTRAINT "survey_followups_pkey";--> statement-breakpoint
ALTER TABLE "survey_imports" DROP CONSTRAINT "survey_imports_pkey";--> statement-breakpoint
ALTER TABLE "survey_invitations" DROP CONSTRAINT "survey_invitations_pkey";--> statement-breakpoint
ALTER TABLE "survey_posters" DROP CONSTRAINT "survey_posters_pkey";--> statement-breakpoint
ALTER TABLE "survey_responses" DROP CONSTRAINT "survey_responses_pkey";--> statement-breakpoint
ALTER TABLE "surveys" DROP CONSTRAINT "surveys_pkey";--> statement-breakpoint
ALTER TABLE "learning_records" DROP CONSTRAINT "learning_records_pkey";--> statement-breakpoint
ALTER TABLE "training_assignments" DROP CONSTRAINT "training_assignments_pkey";--> statement-breakpoint
ALTER TABLE "training_courses" DROP CONSTRAINT "training_courses_pkey";--> statement-breakpoint
ALTER TABLE "delight_moments" DROP CONSTRAINT "delight_moments_pkey";--> statement-breakpoint
ALTER TABLE "journey_versions" DROP CONSTRAINT "journey_versions_pkey";--> statement-breakpoint
ALTER TABLE "journeys" DROP CONSTRAINT "journeys_pkey";--> statement-breakpoint
ALTER TABLE "staff_praises" DROP CONSTRAINT "staff_praises_pkey";--> statement-breakpoint
ALTER TABLE "cases" DROP CONSTRAINT "cases_pkey";--> statement-breakpoint
ALTER TABLE "owner_voice_texts" DROP CONSTRAINT "owner_voice_texts_pkey";--> statement-breakpoint
ALTER TABLE "qa_findings" DROP CONSTRAINT "qa_findings_pkey";--> statement-breakpoint
ALTER TABLE "qa_reviews" DROP CONSTRAINT "qa_reviews_pkey";--> statement-breakpoint
ALTER TABLE "qa_texts" DROP CONSTRAINT "qa_texts_pkey";--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "otp_codes" ADD CONSTRAINT "otp_codes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "owner_invites" ADD CONSTRAINT "owner_invites_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_id_tenant_id_pk" PRIMARY KEY("id","tenant_id");--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "canned_replies" ADD CONSTRAINT "canned_replies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "dispatch_rules" ADD CONSTRAINT "dispatch_rules_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "return_visits" ADD CONSTRAINT "return_visits_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "ticket_alerts" ADD CONSTRAINT "ticket_alerts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "ticket_completions" ADD CONSTRAINT "ticket_completions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "ticket_confirmation_codes" ADD CONSTRAINT "ticket_confirmation_codes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "indicator_systems" ADD CONSTRAINT "indicator_systems_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "survey_followups" ADD CONSTRAINT "survey_followups_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "survey_imports" ADD CONSTRAINT "survey_imports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "survey_posters" ADD CONSTRAINT "survey_posters_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "learning_records" ADD CONSTRAINT "learning_records_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "training_assignments" ADD CONSTRAINT "training_assignments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "delight_moments" ADD CONSTRAINT "delight_moments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "journey_versions" ADD CONSTRAINT "journey_versions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "staff_praises" ADD CONSTRAINT "staff_praises_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "owner_voice_texts" ADD CONSTRAINT "owner_voice_texts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "qa_findings" ADD CONSTRAINT "qa_findings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "qa_reviews" ADD CONSTRAINT "qa_reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
ALTER TABLE "qa_texts" ADD CONSTRAINT "qa_texts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "owner_invites_token_uq" ON "owner_invites" USING btree ("token_hash","tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_uq" ON "survey_invitations" USING btree ("token_digest","tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_posters_token_uq" ON "survey_posters" USING btree ("token_digest","tenant_id");