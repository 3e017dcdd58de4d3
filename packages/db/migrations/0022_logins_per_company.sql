DROP INDEX "staff_users_login_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_tenant_login_uq" ON "staff_users" USING btree ("tenant_id","login");--> statement-breakpoint
CREATE INDEX "staff_users_login_idx" ON "staff_users" USING btree ("login");