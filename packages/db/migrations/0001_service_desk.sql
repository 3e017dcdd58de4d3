CREATE TABLE "calendar_days" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	CONSTRAINT "calendar_days_tenant_id_day_pk" PRIMARY KEY("tenant_id","day")
);
--> statement-breakpoint
CREATE TABLE "canned_replies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ticket_type" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clear_records" (
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"control_note" text,
	"listen_summary" text,
	"empathy_statement" text,
	"apology" text,
	"resolve_plan" text,
	"promised_at" timestamp with time zone,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clear_records_tenant_id_ticket_id_pk" PRIMARY KEY("tenant_id","ticket_id")
);
--> statement-breakpoint
CREATE TABLE "dispatch_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"post" text NOT NULL,
	"mode" text NOT NULL,
	"default_assignee_id" uuid,
	"member_ids" uuid[] DEFAULT '{}' NOT NULL,
	"round_robin_cursor" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"title" text NOT NULL,
	"category_code" text,
	"call_script" text DEFAULT '' NOT NULL,
	"notice_text" text DEFAULT '' NOT NULL,
	"building_ids" uuid[] DEFAULT '{}' NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"detection_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recovery_records" (
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"emotional_recovery" text,
	"problem_recovery" text,
	"compensation" text,
	"lesson_learned" text,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recovery_records_tenant_id_ticket_id_pk" PRIMARY KEY("tenant_id","ticket_id")
);
--> statement-breakpoint
CREATE TABLE "return_visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"method" text NOT NULL,
	"outcome" text NOT NULL,
	"csat" smallint,
	"peak_moment" text,
	"end_moment" text,
	"comment" text DEFAULT '' NOT NULL,
	"visitor_kind" text NOT NULL,
	"visitor_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"match" jsonb NOT NULL,
	"targets" jsonb NOT NULL,
	"warn_share" double precision DEFAULT 0.8 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"target" text NOT NULL,
	"level" smallint NOT NULL,
	"due_at" timestamp with time zone,
	"recipient_role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ticket_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by_kind" text NOT NULL,
	"uploaded_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_categories" (
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"parent_code" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"default_post" text,
	"safety_critical" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ticket_categories_tenant_id_code_pk" PRIMARY KEY("tenant_id","code")
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"visible_to_owner" boolean DEFAULT false NOT NULL,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_sequences" (
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"day" date NOT NULL,
	"last_value" integer NOT NULL,
	CONSTRAINT "ticket_sequences_tenant_id_project_id_day_pk" PRIMARY KEY("tenant_id","project_id","day")
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"number" text NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	"category_code" text,
	"priority" text NOT NULL,
	"complaint_scope" text,
	"status" text NOT NULL,
	"status_before_hold" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"household_id" uuid,
	"reporter_person_id" uuid,
	"reporter_name" text DEFAULT '' NOT NULL,
	"reporter_phone" text,
	"location" text DEFAULT '' NOT NULL,
	"first_receiver_id" uuid,
	"accountable_id" uuid,
	"handover_to_id" uuid,
	"assignee_id" uuid,
	"assigned_post" text,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"is_repeat" boolean DEFAULT false NOT NULL,
	"hold_reason" text,
	"hold_until" timestamp with time zone,
	"cancel_reason" text,
	"merged_into_id" uuid,
	"incident_id" uuid,
	"sla_policy_code" text,
	"response_due_at" timestamp with time zone,
	"arrival_due_at" timestamp with time zone,
	"resolution_due_at" timestamp with time zone,
	"next_update_due_at" timestamp with time zone,
	"visit_due_at" timestamp with time zone,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"arrived_at" timestamp with time zone,
	"last_owner_update_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"visited_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"idempotency_key" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"webhook_id" uuid NOT NULL,
	"body" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid,
	"format" text NOT NULL,
	"url" text NOT NULL,
	"minimum_level" smallint DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "canned_replies_tenant_idx" ON "canned_replies" USING btree ("tenant_id","ticket_type");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_rules_tenant_project_post_uq" ON "dispatch_rules" USING btree ("tenant_id","project_id","post");--> statement-breakpoint
CREATE INDEX "incidents_tenant_project_idx" ON "incidents" USING btree ("tenant_id","project_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_tenant_detection_uq" ON "incidents" USING btree ("tenant_id","detection_key");--> statement-breakpoint
CREATE INDEX "return_visits_tenant_ticket_idx" ON "return_visits" USING btree ("tenant_id","ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_policies_tenant_code_uq" ON "sla_policies" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_alerts_once_uq" ON "ticket_alerts" USING btree ("tenant_id","ticket_id","kind","target","level");--> statement-breakpoint
CREATE INDEX "ticket_alerts_tenant_project_idx" ON "ticket_alerts" USING btree ("tenant_id","project_id","created_at");--> statement-breakpoint
CREATE INDEX "ticket_attachments_tenant_ticket_idx" ON "ticket_attachments" USING btree ("tenant_id","ticket_id");--> statement-breakpoint
CREATE INDEX "ticket_events_tenant_ticket_idx" ON "ticket_events" USING btree ("tenant_id","ticket_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_tenant_number_uq" ON "tickets" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE INDEX "tickets_tenant_project_status_idx" ON "tickets" USING btree ("tenant_id","project_id","status","id");--> statement-breakpoint
CREATE INDEX "tickets_tenant_household_idx" ON "tickets" USING btree ("tenant_id","household_id","reported_at");--> statement-breakpoint
CREATE INDEX "tickets_tenant_reporter_idx" ON "tickets" USING btree ("tenant_id","reporter_person_id","reported_at");--> statement-breakpoint
CREATE INDEX "tickets_tenant_assignee_idx" ON "tickets" USING btree ("tenant_id","assignee_id","status");--> statement-breakpoint
CREATE INDEX "tickets_tenant_open_due_idx" ON "tickets" USING btree ("tenant_id","status","resolution_due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_once_uq" ON "webhook_deliveries" USING btree ("tenant_id","alert_id","webhook_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_tenant_due_idx" ON "webhook_deliveries" USING btree ("tenant_id","status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhooks_tenant_idx" ON "webhooks" USING btree ("tenant_id","project_id");