CREATE TABLE "inspection_items" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"indicator_code" text NOT NULL,
	"dimension_code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"dimension_zh" text NOT NULL,
	"dimension_en" text DEFAULT '' NOT NULL,
	"points" numeric(5, 1) NOT NULL,
	"result" text,
	"deduction" numeric(5, 1) DEFAULT 0 NOT NULL,
	"bonus" numeric(5, 1) DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"responsible_staff_id" uuid,
	"photo_keys" text[] DEFAULT '{}' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "inspection_rounds" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"post" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"scheduled_for" timestamp with time zone,
	"inspector_id" uuid NOT NULL,
	"indicator_system_id" uuid,
	"indicator_version" integer,
	"location" text DEFAULT '' NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"score" numeric(5, 1),
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_rounds_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "rectifications" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"post" text NOT NULL,
	"round_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"status" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"fix_note" text DEFAULT '' NOT NULL,
	"fix_photo_keys" text[] DEFAULT '{}' NOT NULL,
	"fixed_at" timestamp with time zone,
	"fixed_by_id" uuid,
	"re_inspection_count" integer DEFAULT 0 NOT NULL,
	"re_inspected_at" timestamp with time zone,
	"re_inspected_by_id" uuid,
	"re_inspection_note" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	"parent_id" uuid,
	"metric" text NOT NULL,
	"scope_kind" text NOT NULL,
	"region_id" uuid,
	"project_id" uuid,
	"post" text,
	"staff_id" uuid,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" numeric(8, 2) NOT NULL,
	"baseline" numeric(8, 2),
	"basis" text,
	"weight" numeric(12, 2),
	"commitment" text DEFAULT '' NOT NULL,
	"committed_at" timestamp with time zone,
	"committed_by_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_items_round_indicator_uq" ON "inspection_items" USING btree ("tenant_id","round_id","indicator_code");--> statement-breakpoint
CREATE INDEX "inspection_rounds_tenant_project_idx" ON "inspection_rounds" USING btree ("tenant_id","project_id","submitted_at");--> statement-breakpoint
CREATE INDEX "inspection_rounds_tenant_inspector_idx" ON "inspection_rounds" USING btree ("tenant_id","inspector_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "rectifications_item_uq" ON "rectifications" USING btree ("tenant_id","item_id");--> statement-breakpoint
CREATE INDEX "rectifications_tenant_project_idx" ON "rectifications" USING btree ("tenant_id","project_id","status","due_at");--> statement-breakpoint
CREATE INDEX "targets_tenant_metric_idx" ON "targets" USING btree ("tenant_id","metric","scope_kind","period_start");--> statement-breakpoint
CREATE INDEX "targets_tenant_parent_idx" ON "targets" USING btree ("tenant_id","parent_id");