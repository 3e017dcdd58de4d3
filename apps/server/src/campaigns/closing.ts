/**
 * Campaigns end at their closing time (issue 4 §3 "open and close dates") without anyone pressing
 * 结束: a background pass closes every open campaign whose closesAt has passed, exactly as the
 * console's close does (unanswered invitations expire, partial answers are kept), audited as done
 * by 系统. Until the pass runs, the answer link already treats the campaign as closed and reminders
 * are refused. Safe on several instances: the status change is conditional (open → closed once).
 */
import type { Database } from '@manyi/db';
import { recordSystemAudit } from '../audit/record';
import { closeOpenCampaign, endedOpenCampaigns } from './repository';

export async function closeEndedCampaigns(db: Database, now: Date): Promise<number> {
  const ended = await endedOpenCampaigns(db, now);
  let closed = 0;
  for (const campaign of ended) {
    await db.transaction(async (tx) => {
      const expired = await closeOpenCampaign(tx, campaign, campaign.closesAt, now);
      if (expired === undefined) return; // another instance was first
      await recordSystemAudit(
        tx,
        campaign.tenantId,
        {
          action: 'update',
          entityType: 'campaign',
          entityId: campaign.id,
          summary: `调查到期自动结束:${campaign.name},${expired} 份邀请过期`,
          before: { status: 'open' },
          after: { status: 'closed', expiredInvitations: expired },
        },
        now,
      );
      closed += 1;
    });
  }
  return closed;
}
