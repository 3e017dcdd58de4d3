CREATE TABLE "action_plans" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"post" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"gap_key" text,
	"target_id" uuid,
	"status" text NOT NULL,
	"owner_id" uuid,
	"claimed_at" timestamp with time zone,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"evidence" text DEFAULT '' NOT NULL,
	"photo_keys" text[] DEFAULT '{}' NOT NULL,
	"metric_before" numeric(8, 2),
	"metric_after" numeric(8, 2),
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plans_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "meeting_questions" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"asked_by_id" uuid NOT NULL,
	"question" text NOT NULL,
	"answer" text,
	"answered_by_id" uuid,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_questions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "plan_meetings" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"orid" jsonb NOT NULL,
	"wrap_up" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_meetings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE INDEX "action_plans_tenant_project_idx" ON "action_plans" USING btree ("tenant_id","project_id","due_on");--> statement-breakpoint
CREATE INDEX "action_plans_tenant_target_idx" ON "action_plans" USING btree ("tenant_id","target_id");--> statement-breakpoint
CREATE INDEX "meeting_questions_tenant_project_idx" ON "meeting_questions" USING btree ("tenant_id","project_id","created_at");--> statement-breakpoint
CREATE INDEX "plan_meetings_tenant_project_idx" ON "plan_meetings" USING btree ("tenant_id","project_id","held_on");