CREATE TABLE "notice_deliveries" (
	"tenant_id" uuid NOT NULL,
	"notice_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "notice_deliveries_tenant_id_notice_id_person_id_pk" PRIMARY KEY("tenant_id","notice_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"template_key" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"audience" text NOT NULL,
	"building_ids" uuid[] DEFAULT '{}' NOT NULL,
	"household_ids" uuid[] DEFAULT '{}' NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"status" text NOT NULL,
	"remind_after_hours" integer DEFAULT 24 NOT NULL,
	"created_by_id" uuid NOT NULL,
	"published_by_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notices_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "delight_moments" ALTER COLUMN "recorded_by_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "delight_moments" ADD COLUMN "praise_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "meeting_flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "meeting_flagged_by_id" uuid;--> statement-breakpoint
CREATE INDEX "notice_deliveries_person_idx" ON "notice_deliveries" USING btree ("tenant_id","person_id","delivered_at");--> statement-breakpoint
CREATE INDEX "notice_deliveries_unread_idx" ON "notice_deliveries" USING btree ("tenant_id","delivered_at") WHERE read_at is null and reminded_at is null;--> statement-breakpoint
CREATE INDEX "notices_tenant_project_idx" ON "notices" USING btree ("tenant_id","project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "delight_moments_praise_uq" ON "delight_moments" USING btree ("tenant_id","praise_id");--> statement-breakpoint
-- Owners' praise already given on the phone enters the 感动点 log (issue 19 §3), as new praise does.
INSERT INTO "delight_moments" ("id", "tenant_id", "project_id", "staff_id", "recorded_by_id", "person_id", "household_id", "description", "source", "praise_id", "occurred_at", "created_at")
SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid,
  p."tenant_id", p."project_id", p."staff_id", NULL, p."person_id", p."household_id", p."text", 'owner_praise', p."id", p."created_at", p."created_at"
FROM "staff_praises" p
ON CONFLICT DO NOTHING;
