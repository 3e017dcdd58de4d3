DROP INDEX "tickets_tenant_number_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_tenant_project_number_uq" ON "tickets" USING btree ("tenant_id","project_id","number");