CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"survey_version" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"population" jsonb NOT NULL,
	"sampling" jsonb NOT NULL,
	"contact_interval_days" integer DEFAULT 90 NOT NULL,
	"quotas" jsonb,
	"reminders" jsonb,
	"previous_campaign_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_system_versions" (
	"tenant_id" uuid NOT NULL,
	"system_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"tree" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_system_versions_tenant_id_system_id_version_pk" PRIMARY KEY("tenant_id","system_id","version")
);
--> statement-breakpoint
CREATE TABLE "indicator_systems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"post" text,
	"template_code" text,
	"current_version" integer DEFAULT 1 NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_followups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"ticket_id" uuid,
	"reasons" jsonb NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"building_id" uuid,
	"household_id" uuid NOT NULL,
	"token_digest" text NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"reminder_count" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_posters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"token_digest" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"survey_version" integer NOT NULL,
	"invitation_id" uuid,
	"project_id" uuid,
	"building_id" uuid,
	"household_id" uuid,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"answers" jsonb NOT NULL,
	"entered_by_id" uuid,
	"import_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_versions" (
	"tenant_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"indicator_system_version" integer,
	"frozen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_versions_tenant_id_survey_id_version_pk" PRIMARY KEY("tenant_id","survey_id","version")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"indicator_system_id" uuid,
	"template_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "campaigns_tenant_status_idx" ON "campaigns" USING btree ("tenant_id","status","closes_at");--> statement-breakpoint
CREATE INDEX "indicator_systems_tenant_idx" ON "indicator_systems" USING btree ("tenant_id","post");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_followups_response_uq" ON "survey_followups" USING btree ("tenant_id","response_id");--> statement-breakpoint
CREATE INDEX "survey_followups_tenant_campaign_idx" ON "survey_followups" USING btree ("tenant_id","campaign_id");--> statement-breakpoint
CREATE INDEX "survey_followups_tenant_household_idx" ON "survey_followups" USING btree ("tenant_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_uq" ON "survey_invitations" USING btree ("token_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_campaign_household_uq" ON "survey_invitations" USING btree ("tenant_id","campaign_id","household_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_tenant_household_idx" ON "survey_invitations" USING btree ("tenant_id","household_id","invited_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_tenant_campaign_status_idx" ON "survey_invitations" USING btree ("tenant_id","campaign_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_posters_token_uq" ON "survey_posters" USING btree ("token_digest");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_posters_campaign_building_uq" ON "survey_posters" USING btree ("tenant_id","campaign_id","building_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_campaign_household_uq" ON "survey_responses" USING btree ("tenant_id","campaign_id","household_id") WHERE "survey_responses"."household_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_responses_tenant_campaign_idx" ON "survey_responses" USING btree ("tenant_id","campaign_id","status","project_id","building_id");--> statement-breakpoint
CREATE INDEX "surveys_tenant_idx" ON "surveys" USING btree ("tenant_id","status");