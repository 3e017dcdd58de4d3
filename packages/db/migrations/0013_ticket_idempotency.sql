ALTER TABLE "tickets" ADD COLUMN "idempotency_hash" text;--> statement-breakpoint
-- Keys kept so far were the bare header, unscoped and without their request: not replayable, and two staff may have sent the same one.
UPDATE "tickets" SET "idempotency_key" = NULL WHERE "idempotency_key" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_tenant_idempotency_uq" ON "tickets" USING btree ("tenant_id","idempotency_key") WHERE "tickets"."idempotency_key" is not null;