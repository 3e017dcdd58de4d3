CREATE TABLE "gap_expectation_answers" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"period" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gap_expectation_answers_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "gap_swot_notes" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"period" text NOT NULL,
	"gap" smallint NOT NULL,
	"strengths" text DEFAULT '' NOT NULL,
	"weaknesses" text DEFAULT '' NOT NULL,
	"opportunities" text DEFAULT '' NOT NULL,
	"threats" text DEFAULT '' NOT NULL,
	"created_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gap_swot_notes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "gap_expectation_answers_staff_uq" ON "gap_expectation_answers" USING btree ("tenant_id","project_id","period","staff_id");--> statement-breakpoint
CREATE UNIQUE INDEX "gap_swot_notes_gap_uq" ON "gap_swot_notes" USING btree ("tenant_id","project_id","period","gap");