CREATE TABLE "incident_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recipient_role" text,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notice_receipts" (
	"tenant_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notice_receipts_tenant_id_incident_id_person_id_pk" PRIMARY KEY("tenant_id","incident_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "tenant_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "created_by_id" uuid;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "incident_events_tenant_incident_idx" ON "incident_events" USING btree ("tenant_id","incident_id","at");--> statement-breakpoint
CREATE INDEX "notice_receipts_tenant_person_idx" ON "notice_receipts" USING btree ("tenant_id","person_id","delivered_at");--> statement-breakpoint
CREATE INDEX "tickets_tenant_unlinked_reported_idx" ON "tickets" USING btree ("tenant_id","reported_at") WHERE "tickets"."incident_id" is null;