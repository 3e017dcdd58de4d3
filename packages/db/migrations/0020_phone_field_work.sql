CREATE TABLE "ticket_completions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"technician_id" uuid NOT NULL,
	"result" text NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"photo_ids" uuid[] DEFAULT '{}' NOT NULL,
	"confirmation" text NOT NULL,
	"signature_attachment_id" uuid,
	"completed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_confirmation_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_praises" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "steward_id" uuid;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "photo_key" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "working_hours" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_categories" ADD COLUMN "requires_photo" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "appointment_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "appointment_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "ticket_completions_tenant_ticket_idx" ON "ticket_completions" USING btree ("tenant_id","ticket_id","completed_at");--> statement-breakpoint
CREATE INDEX "ticket_confirmation_codes_tenant_ticket_idx" ON "ticket_confirmation_codes" USING btree ("tenant_id","ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "staff_praises_tenant_staff_idx" ON "staff_praises" USING btree ("tenant_id","staff_id","created_at");--> statement-breakpoint
CREATE INDEX "staff_praises_tenant_person_idx" ON "staff_praises" USING btree ("tenant_id","person_id");