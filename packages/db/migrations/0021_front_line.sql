ALTER TABLE "persons" ADD COLUMN "name_initials" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "hotline" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "households_tenant_room_idx" ON "households" USING btree ("tenant_id","room");--> statement-breakpoint
CREATE INDEX "persons_tenant_name_prefix_idx" ON "persons" USING btree ("tenant_id","name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_tenant_initials_idx" ON "persons" USING btree ("tenant_id","name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_tenant_phone_tail_idx" ON "persons" USING btree ("tenant_id",right("phone", 4));--> statement-breakpoint
-- Issue 15 §8: the default routine-repair and complaint policies ran their deadlines on the working-hours
-- calendar, so a repair reported on Sunday waited until Monday for its 30-minute answer. The defaults now
-- run round the clock. A company's policy is moved only where its targets are still exactly the old
-- default (never edited); one a company changed keeps its own numbers. Deadlines already computed for
-- open tickets are left as they are; the next recomputation (an action on the ticket) uses the new targets.
UPDATE "sla_policies" SET "targets" = '{"first_response":{"minutes":30,"calendar":"24x7"},"resolution":{"minutes":1440,"calendar":"24x7"},"return_visit":{"minutes":1440,"calendar":"24x7"}}'::jsonb
WHERE "code" = 'routine_repair'
  AND "targets" = '{"first_response":{"minutes":30,"calendar":"working_hours"},"resolution":{"minutes":480,"calendar":"working_hours"},"return_visit":{"minutes":1440,"calendar":"24x7"}}'::jsonb;--> statement-breakpoint
UPDATE "sla_policies" SET "targets" = '{"first_response":{"minutes":30,"calendar":"24x7"},"owner_update":{"minutes":1440,"calendar":"24x7"},"resolution":{"minutes":4320,"calendar":"24x7"},"return_visit":{"minutes":4320,"calendar":"24x7"}}'::jsonb
WHERE "code" = 'complaint'
  AND "targets" = '{"first_response":{"minutes":30,"calendar":"24x7"},"owner_update":{"minutes":1440,"calendar":"24x7"},"resolution":{"minutes":1440,"calendar":"working_hours"},"return_visit":{"minutes":4320,"calendar":"24x7"}}'::jsonb;--> statement-breakpoint
-- The configuration cache (company-version/) keys on settings_version: moving it everywhere only costs one reload.
UPDATE "tenants" SET "settings_version" = "settings_version" + 1;
