CREATE TABLE "analytics_place_now" (
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"open" integer DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL,
	"due_today" integer DEFAULT 0 NOT NULL,
	"open_complaints" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_place_now_tenant_id_project_id_building_id_pk" PRIMARY KEY("tenant_id","project_id","building_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_ticket_months" (
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"project_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"complaints" integer DEFAULT 0 NOT NULL,
	"repeat_complaints" integer DEFAULT 0 NOT NULL,
	"referrals" integer DEFAULT 0 NOT NULL,
	"sla_judged" integer DEFAULT 0 NOT NULL,
	"sla_met" integer DEFAULT 0 NOT NULL,
	"visits_rated" integer DEFAULT 0 NOT NULL,
	"visits_satisfied" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analytics_ticket_months_tenant_id_month_project_id_building_id_pk" PRIMARY KEY("tenant_id","month","project_id","building_id")
);
--> statement-breakpoint
CREATE TABLE "fee_collections" (
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"month" date NOT NULL,
	"receivable" numeric(14, 2) NOT NULL,
	"received" numeric(14, 2) NOT NULL,
	"households_in_arrears" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_collections_tenant_id_project_id_month_pk" PRIMARY KEY("tenant_id","project_id","month")
);
--> statement-breakpoint
CREATE TABLE "project_targets" (
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"satisfaction_rate" numeric(5, 4),
	"nps" numeric(6, 2),
	"sla_compliance" numeric(5, 4),
	"fee_collection_rate" numeric(5, 4),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_targets_tenant_id_project_id_pk" PRIMARY KEY("tenant_id","project_id")
);
--> statement-breakpoint
CREATE INDEX "analytics_ticket_months_project_idx" ON "analytics_ticket_months" USING btree ("tenant_id","project_id","month");