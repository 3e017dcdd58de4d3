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
CREATE TABLE "household_arrears" (
	"tenant_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"months" integer DEFAULT 0 NOT NULL,
	"reason" text DEFAULT 'unknown' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_arrears_tenant_id_household_id_pk" PRIMARY KEY("tenant_id","household_id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "analytics_reports_period_uq" ON "analytics_reports" USING btree ("tenant_id","kind","project_id","period");--> statement-breakpoint
CREATE INDEX "analytics_reports_status_idx" ON "analytics_reports" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "household_arrears_project_idx" ON "household_arrears" USING btree ("tenant_id","project_id");