DROP INDEX "survey_invitations_tenant_campaign_status_idx";--> statement-breakpoint
-- Room on each page for the status updates of opening and completing, so they stay HOT (no index touched).
ALTER TABLE "survey_invitations" SET (fillfactor = 80);
