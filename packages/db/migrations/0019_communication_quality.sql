CREATE TABLE "owner_voice_texts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"project_id" uuid,
	"building_id" uuid,
	"campaign_id" uuid,
	"post" text,
	"nps_group" text,
	"body" text NOT NULL,
	"polarity" text NOT NULL,
	"sentiment" real NOT NULL,
	"topics" text[] NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"text_id" uuid NOT NULL,
	"rule_id" text NOT NULL,
	"red_line" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"excerpt" text NOT NULL,
	"why" jsonb NOT NULL,
	"severity" text NOT NULL,
	"auto_fail" boolean NOT NULL,
	"rewrite" text,
	"status" text DEFAULT 'open' NOT NULL,
	"reviewed_by_id" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"text_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"rubric" jsonb NOT NULL,
	"total" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qa_texts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"ticket_id" uuid,
	"project_id" uuid,
	"author_id" uuid,
	"body" text NOT NULL,
	"score" smallint NOT NULL,
	"warmth" smallint NOT NULL,
	"auto_failed" boolean NOT NULL,
	"red_lines" text[] NOT NULL,
	"sampled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "owner_voice_source_uq" ON "owner_voice_texts" USING btree ("tenant_id","source_type","source_id");--> statement-breakpoint
CREATE INDEX "owner_voice_tenant_time_idx" ON "owner_voice_texts" USING btree ("tenant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "qa_findings_tenant_status_idx" ON "qa_findings" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "qa_findings_text_idx" ON "qa_findings" USING btree ("tenant_id","text_id");--> statement-breakpoint
CREATE UNIQUE INDEX "qa_reviews_text_reviewer_uq" ON "qa_reviews" USING btree ("tenant_id","text_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "qa_texts_tenant_created_idx" ON "qa_texts" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "qa_texts_author_idx" ON "qa_texts" USING btree ("tenant_id","author_id");--> statement-breakpoint
CREATE INDEX "qa_texts_source_idx" ON "qa_texts" USING btree ("tenant_id","source_type","source_id");