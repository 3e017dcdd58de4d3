CREATE TABLE "learning_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_key" text NOT NULL,
	"item_key" text,
	"score" smallint,
	"passed" boolean,
	"seconds" integer DEFAULT 0 NOT NULL,
	"detail" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"course_key" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"assigned_by_id" uuid NOT NULL,
	"due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"created_by_id" uuid NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delight_moments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"recorded_by_id" uuid NOT NULL,
	"person_id" uuid,
	"household_id" uuid,
	"journey_id" uuid,
	"touchpoint_id" text,
	"description" text NOT NULL,
	"source" text NOT NULL,
	"ticket_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"reward_points" integer,
	"reward_note" text,
	"rewarded_by_id" uuid,
	"rewarded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journey_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"change_note" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"project_type" text NOT NULL,
	"project_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"category_code" text,
	"disc_style" text,
	"red_lines" text[] DEFAULT '{}' NOT NULL,
	"outcome" text NOT NULL,
	"content" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"published_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "return_visits" ADD COLUMN "peak_rating" smallint;--> statement-breakpoint
ALTER TABLE "return_visits" ADD COLUMN "end_rating" smallint;--> statement-breakpoint
CREATE INDEX "learning_records_staff_idx" ON "learning_records" USING btree ("tenant_id","staff_id","created_at");--> statement-breakpoint
CREATE INDEX "learning_records_subject_idx" ON "learning_records" USING btree ("tenant_id","subject_key");--> statement-breakpoint
CREATE UNIQUE INDEX "training_assignments_course_staff_uq" ON "training_assignments" USING btree ("tenant_id","course_key","staff_id");--> statement-breakpoint
CREATE INDEX "training_assignments_staff_idx" ON "training_assignments" USING btree ("tenant_id","staff_id");--> statement-breakpoint
CREATE INDEX "training_courses_tenant_idx" ON "training_courses" USING btree ("tenant_id","archived");--> statement-breakpoint
CREATE INDEX "delight_moments_project_idx" ON "delight_moments" USING btree ("tenant_id","project_id","occurred_at");--> statement-breakpoint
CREATE INDEX "delight_moments_staff_idx" ON "delight_moments" USING btree ("tenant_id","staff_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "delight_moments_ticket_uq" ON "delight_moments" USING btree ("tenant_id","ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "journey_versions_number_uq" ON "journey_versions" USING btree ("tenant_id","journey_id","number");--> statement-breakpoint
CREATE INDEX "journeys_tenant_idx" ON "journeys" USING btree ("tenant_id","project_type");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_ticket_uq" ON "cases" USING btree ("tenant_id","ticket_id");--> statement-breakpoint
CREATE INDEX "cases_tenant_status_idx" ON "cases" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "tickets_tenant_project_reported_idx" ON "tickets" USING btree ("tenant_id","project_id","reported_at");