import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { HttpProblem, notFound } from '../http/problem';
import { inScope, requirePermission } from '../policy/policy';
import { campaignMessages, reminderText } from './messages';
import {
  buildingRows,
  invitationStatusCounts,
  markReminded,
  ownerPhones,
  projectNames,
  tenantName,
  unansweredInvitations,
  type ReminderScope,
  type StatusCount,
} from './repository';
import type { ProgressRow, ProgressView, ScopeFilter } from '@manyi/contracts/campaigns';
import { readCampaign } from './presenter';
import { campaignInScope } from './service';

type Counts = Record<'invited' | 'opened' | 'partial' | 'completed' | 'expired', number>;

const zero = (): Counts => ({ invited: 0, opened: 0, partial: 0, completed: 0, expired: 0 });

/**
 * Every invitation counts as invited; opened, partial and completed count the furthest step each
 * reached, so the funnel reads invited ≥ opened ≥ partial ≥ completed. Response rate = completed ÷ invited.
 */
function add(counts: Counts, row: StatusCount): void {
  counts.invited += row.count;
  if (row.status === 'expired') counts.expired += row.count;
  if (row.status === 'opened' || row.status === 'partial' || row.status === 'completed') counts.opened += row.count;
  if (row.status === 'partial' || row.status === 'completed') counts.partial += row.count;
  if (row.status === 'completed') counts.completed += row.count;
}

const withRate = (counts: Counts) => ({ ...counts, responseRate: counts.invited === 0 ? null : counts.completed / counts.invited });

/** The caller's projects only: a project manager sees their own project's progress of a company-wide campaign. */
const visibleProjects = (context: Context) => context.principal.projectIds;

/** Invited / opened / partial / completed per project and building, with the plan's target and any quota. */
export async function campaignProgress(context: Context, id: string): Promise<ProgressView> {
  const { campaign } = await campaignInScope(context, id);
  const tenantId = campaign.tenantId;
  const { plan, quotas } = readCampaign(campaign);
  const rows = await invitationStatusCounts(context.db, tenantId, campaign.id, visibleProjects(context));
  const byProject = new Map<string, Counts>();
  const byBuilding = new Map<string, Counts>();
  const total = zero();
  for (const row of rows) {
    add(total, row);
    add(byProject.get(row.projectId) ?? byProject.set(row.projectId, zero()).get(row.projectId)!, row);
    if (row.buildingId) add(byBuilding.get(row.buildingId) ?? byBuilding.set(row.buildingId, zero()).get(row.buildingId)!, row);
  }
  const [projects, buildings] = await Promise.all([
    byProject.size ? projectNames(context.db, tenantId, [...byProject.keys()]) : new Map<string, string>(),
    byBuilding.size ? buildingRows(context.db, tenantId, [...byBuilding.keys()]) : [],
  ]);
  const target = (level: 'project' | 'building', rowId: string) =>
    plan?.kind === 'stratified' && plan.by === level ? (plan.strata.find((stratum) => stratum.id === rowId)?.sample ?? 0) : null;
  const quotaOf = (level: 'project' | 'building', rowId: string) => quotas.find((item) => item.level === level && item.id === rowId)?.maxCompleted ?? null;
  const byName = (a: ProgressRow, b: ProgressRow) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true });
  /**
   * The plan's n for company-wide staff; for staff of some projects, their share of it: the strata
   * they serve, or (census, simple random) their invitations times the plan's completes-per-invitation.
   */
  const visibleTarget = (): number => {
    if (!plan) return 0;
    if (visibleProjects(context) === null) return plan.sampleSize;
    if (plan.kind === 'stratified') {
      const level = plan.by === 'building' ? 'building' : 'project';
      return [...(level === 'building' ? byBuilding : byProject).keys()].reduce((sum, rowId) => sum + (target(level, rowId) ?? 0), 0);
    }
    return plan.invitations === 0 ? 0 : Math.round((total.invited * plan.sampleSize) / plan.invitations);
  };
  return {
    total: { ...withRate(total), target: visibleTarget() },
    projects: [...byProject.entries()]
      .map(([projectId, counts]) => ({
        id: projectId,
        name: projects.get(projectId) ?? '',
        projectId,
        ...withRate(counts),
        target: target('project', projectId),
        quota: quotaOf('project', projectId),
      }))
      .sort(byName),
    buildings: buildings
      .map((building) => ({
        id: building.id,
        name: `${building.projectName} · ${building.name}`,
        projectId: building.projectId,
        ...withRate(byBuilding.get(building.id)!),
        target: target('building', building.id),
        quota: quotaOf('building', building.id),
      }))
      .sort(byName),
  };
}

const formatDeadline = (date: Date | null) =>
  date
    ? new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(date)
    : null;

/**
 * Sends the reminder SMS to the owners of invited households that have not completed, in the
 * caller's projects (optionally one project or building). A household reminded within the
 * campaign's interval is skipped; when every one would be, the request is refused. The counters
 * are written with the audit row, then the messages go out through the SMS provider.
 */
export async function sendReminders(context: Context, id: string, filter: ScopeFilter) {
  requirePermission(context.principal, 'campaign.manage');
  const { campaign } = await campaignInScope(context, id);
  if (campaign.status !== 'open') throw new HttpProblem(409, 'campaign_transition', campaignMessages.campaign_transition);
  if (filter.projectId && !inScope(context.principal, filter.projectId)) throw notFound();
  const now = context.clock.now();
  // Past its closing time the links no longer open: no owner is asked to answer (closing.ts ends it soon).
  if (campaign.closesAt && campaign.closesAt <= now) throw new HttpProblem(410, 'campaign_closed', campaignMessages.campaign_closed);
  const { reminderIntervalHours } = readCampaign(campaign);
  const remindedBefore = new Date(now.getTime() - reminderIntervalHours * 3_600_000);
  const scope: ReminderScope = { tenantId: campaign.tenantId, campaignId: campaign.id, projectIds: visibleProjects(context), filter };
  const pending = await unansweredInvitations(context.db, scope);
  if (pending.length === 0) throw new HttpProblem(409, 'reminder_nobody', campaignMessages.reminder_nobody);
  const due = pending.filter((invitation) => !invitation.remindedAt || invitation.remindedAt <= remindedBefore);
  if (due.length === 0) throw new HttpProblem(429, 'reminder_too_soon', campaignMessages.reminder_too_soon);
  const phones = await ownerPhones(
    context.db,
    campaign.tenantId,
    due.map((invitation) => invitation.householdId),
  );
  const reachable = new Set(phones.map((phone) => phone.householdId));
  const reminded = due.filter((invitation) => reachable.has(invitation.householdId));
  const company = await tenantName(context.db, campaign.tenantId);

  await context.db.transaction(async (tx) => {
    if (reminded.length > 0) {
      await markReminded(
        tx,
        scope,
        reminded.map((invitation) => invitation.id),
        now,
        remindedBefore,
      );
    }
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'campaign',
      entityId: campaign.id,
      summary: `发送调查提醒:${campaign.name},${reminded.length} 户`,
      after: { reminded: reminded.length, skippedRecent: pending.length - due.length, withoutPhone: due.length - reminded.length, ...filter },
    });
  });
  const text = reminderText(company ?? '', campaign.name, formatDeadline(campaign.closesAt));
  const remindedHouseholds = new Set(reminded.map((invitation) => invitation.householdId));
  const targets = phones.filter((phone) => remindedHouseholds.has(phone.householdId));
  for (const target of targets) await context.sms.send({ phone: target.phone, text, purpose: 'notice' });
  return { households: reminded.length, messages: targets.length, skippedRecent: pending.length - due.length, withoutPhone: due.length - reminded.length };
}
