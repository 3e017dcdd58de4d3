CREATE TABLE "score_months" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"staff_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"events" integer NOT NULL,
	"amount" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_months_tenant_id_month_staff_id_project_id_kind_pk" PRIMARY KEY("tenant_id","month","staff_id","project_id","kind")
);
--> statement-breakpoint
CREATE TABLE "score_objections" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"points" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by_id" uuid,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_objections_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "score_months_staff_idx" ON "score_months" USING btree ("tenant_id","staff_id","month");--> statement-breakpoint
CREATE INDEX "score_months_project_idx" ON "score_months" USING btree ("tenant_id","project_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "score_objections_point_uq" ON "score_objections" USING btree ("tenant_id","staff_id","kind","record_id");--> statement-breakpoint
CREATE INDEX "score_objections_project_status_idx" ON "score_objections" USING btree ("tenant_id","project_id","status","created_at");