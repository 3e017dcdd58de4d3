CREATE TABLE "analytics_reports" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"project_id" uuid NOT NULL,
	"period" date NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"step" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"empty" boolean DEFAULT false NOT NULL,
	"pdf_bytes" integer,
	"xlsx_bytes" integer,
	"failure" text,
	"requested_by" uuid,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "analytics_reports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_reports_period_uq" ON "analytics_reports" USING btree ("tenant_id","kind","project_id","period");--> statement-breakpoint
CREATE INDEX "analytics_reports_status_idx" ON "analytics_reports" USING btree ("tenant_id","status","created_at");