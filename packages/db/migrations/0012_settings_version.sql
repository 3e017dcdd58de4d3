ALTER TABLE "tenants" ADD COLUMN "settings_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Every change to what a ticket receipt reads as company configuration moves the company's
-- settings_version, in the same transaction as the change: an instance that sees the version of
-- a session unchanged knows its in-memory copy is current (apps/server/src/company-version).
CREATE FUNCTION "manyi_bump_settings_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "tenants" SET "settings_version" = "settings_version" + 1 WHERE "id" = OLD."tenant_id";
  ELSE
    UPDATE "tenants" SET "settings_version" = "settings_version" + 1 WHERE "id" = NEW."tenant_id";
    IF TG_OP = 'UPDATE' AND OLD."tenant_id" IS DISTINCT FROM NEW."tenant_id" THEN
      UPDATE "tenants" SET "settings_version" = "settings_version" + 1 WHERE "id" = OLD."tenant_id";
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "ticket_categories_settings_version" AFTER INSERT OR UPDATE OR DELETE ON "ticket_categories" FOR EACH ROW EXECUTE FUNCTION "manyi_bump_settings_version"();
--> statement-breakpoint
CREATE TRIGGER "sla_policies_settings_version" AFTER INSERT OR UPDATE OR DELETE ON "sla_policies" FOR EACH ROW EXECUTE FUNCTION "manyi_bump_settings_version"();
--> statement-breakpoint
CREATE TRIGGER "calendar_days_settings_version" AFTER INSERT OR UPDATE OR DELETE ON "calendar_days" FOR EACH ROW EXECUTE FUNCTION "manyi_bump_settings_version"();
--> statement-breakpoint
CREATE TRIGGER "tenant_settings_settings_version" AFTER INSERT OR UPDATE OR DELETE ON "tenant_settings" FOR EACH ROW EXECUTE FUNCTION "manyi_bump_settings_version"();
--> statement-breakpoint
CREATE TRIGGER "incidents_settings_version" AFTER INSERT OR UPDATE OR DELETE ON "incidents" FOR EACH ROW EXECUTE FUNCTION "manyi_bump_settings_version"();
