CREATE TABLE "survey_response_queue" (
	"consumer" text NOT NULL,
	"tenant_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	CONSTRAINT "survey_response_queue_tenant_id_consumer_campaign_id_response_id_pk" PRIMARY KEY("tenant_id","consumer","campaign_id","response_id")
);
--> statement-breakpoint
-- Responses not yet read by a reader move into its queue before the "read at" columns go.
INSERT INTO "survey_response_queue" ("consumer", "tenant_id", "campaign_id", "response_id")
  SELECT 'results', "tenant_id", "campaign_id", "id" FROM "survey_responses" WHERE "status" = 'complete' AND "aggregated_at" IS NULL;--> statement-breakpoint
INSERT INTO "survey_response_queue" ("consumer", "tenant_id", "campaign_id", "response_id")
  SELECT 'followups', "tenant_id", "campaign_id", "id" FROM "survey_responses" WHERE "status" = 'complete' AND "followups_checked_at" IS NULL;--> statement-breakpoint
DROP INDEX "survey_responses_followup_pending_idx";--> statement-breakpoint
DROP INDEX "survey_responses_aggregate_pending_idx";--> statement-breakpoint
ALTER TABLE "survey_responses" DROP COLUMN "followups_checked_at";--> statement-breakpoint
ALTER TABLE "survey_responses" DROP COLUMN "aggregated_at";