ALTER TABLE "tickets" ADD COLUMN "resolution_met" boolean;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "arrival_met" boolean;--> statement-breakpoint
CREATE INDEX "tickets_tenant_resolved_idx" ON "tickets" USING btree ("tenant_id","resolved_at");--> statement-breakpoint
CREATE INDEX "tickets_tenant_hold_until_idx" ON "tickets" USING btree ("tenant_id","hold_until") WHERE "tickets"."status" = 'on_hold';