CREATE TABLE "survey_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_path" text NOT NULL,
	"format" text NOT NULL,
	"status" text NOT NULL,
	"headers" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"valid_rows" integer DEFAULT 0 NOT NULL,
	"imported_rows" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "survey_result_cells" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	"moments" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_result_cells_tenant_id_campaign_id_project_id_building_id_pk" PRIMARY KEY("tenant_id","campaign_id","project_id","building_id")
);
--> statement-breakpoint
CREATE TABLE "survey_result_counts" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"question_key" text NOT NULL,
	"item" text NOT NULL,
	"value" integer NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "survey_result_counts_tenant_id_campaign_id_project_id_building_id_question_key_item_value_pk" PRIMARY KEY("tenant_id","campaign_id","project_id","building_id","question_key","item","value")
);
--> statement-breakpoint
CREATE TABLE "survey_result_stale_cells" (
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_result_stale_cells_tenant_id_campaign_id_project_id_building_id_pk" PRIMARY KEY("tenant_id","campaign_id","project_id","building_id")
);
--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "followups_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD COLUMN "aggregated_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "survey_imports_tenant_campaign_idx" ON "survey_imports" USING btree ("tenant_id","campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "survey_responses_followup_pending_idx" ON "survey_responses" USING btree ("tenant_id","submitted_at") WHERE "survey_responses"."status" = 'complete' and "survey_responses"."followups_checked_at" is null;--> statement-breakpoint
CREATE INDEX "survey_responses_aggregate_pending_idx" ON "survey_responses" USING btree ("tenant_id","campaign_id","submitted_at") WHERE "survey_responses"."status" = 'complete' and "survey_responses"."aggregated_at" is null;