import { householdLabel } from '@manyi/core';
import ExcelJS from 'exceljs';
import QRCode from 'qrcode';
import { recordAudit } from '../audit/record';
import { newToken, tokenDigest } from '../auth/session-repository';
import type { Context } from '../http/context';
import { HttpProblem, notFound } from '../http/problem';
import { inScope, requirePermission } from '../policy/policy';
import { campaignMessages } from './messages';
import { buildingRows, invitationRows, replaceDigests, setInvitationDigest, tenantName, upsertPosterDigest } from './repository';
import type { InvitationQuery, InvitationStatus, ScopeFilter } from '@manyi/contracts/campaigns';
import { readCampaign } from './presenter';
import { campaignInScope } from './service';

/**
 * Handing the campaign out (issue 4 §3): per-household links and building posters. Only token
 * digests are stored, so a link can be shown exactly once — producing links again issues new
 * tokens and the earlier ones stop working (audited). Everything is limited to the caller's projects.
 */
const answerLink = (context: Context, token: string) => `${context.config.publicUrl}/s/${token}`;
const posterLink = (context: Context, token: string) => `${context.config.publicUrl}/s/poster/${token}`;

async function distributable(context: Context, id: string, filter: ScopeFilter) {
  requirePermission(context.principal, 'campaign.distribute');
  const row = await campaignInScope(context, id);
  if (row.campaign.status === 'closed') throw new HttpProblem(409, 'campaign_closed', campaignMessages.campaign_closed);
  if (filter.projectId && !inScope(context.principal, filter.projectId)) throw notFound();
  return row;
}

/** The campaign's invitations the caller may see (their projects), narrowed by the filter. */
const visibleInvitations = (context: Context, campaignId: string, filter: InvitationQuery, unanswered: boolean, invitationId?: string) =>
  invitationRows(context.db, context.principal.tenantId, campaignId, context.principal.projectIds, filter, unanswered, invitationId);

export async function listInvitations(context: Context, id: string, filter: InvitationQuery) {
  const { campaign } = await campaignInScope(context, id);
  const rows = await visibleInvitations(context, campaign.id, filter, false).limit(1000);
  return {
    items: rows.map(({ invitation, room, buildingName, unitName }) => ({
      id: invitation.id,
      householdId: invitation.householdId,
      householdLabel: householdLabel(buildingName, unitName, room),
      projectId: invitation.projectId,
      buildingId: invitation.buildingId,
      status: invitation.status as InvitationStatus,
      invitedAt: invitation.invitedAt,
      openedAt: invitation.openedAt,
      completedAt: invitation.completedAt,
      remindedAt: invitation.remindedAt,
      reminderCount: invitation.reminderCount,
    })),
  };
}

/**
 * The per-household links of the unanswered invitations as .xlsx (project, household, owner, link):
 * new tokens for every row, so links handed out before stop working.
 */
export async function downloadLinks(context: Context, id: string, filter: ScopeFilter): Promise<{ fileName: string; body: Buffer }> {
  const { campaign } = await distributable(context, id, filter);
  const rows = await visibleInvitations(context, campaign.id, filter, true);
  const issued = rows.map((row) => ({ row, token: newToken() }));
  await context.db.transaction(async (tx) => {
    await replaceDigests(
      tx,
      campaign.tenantId,
      issued.map(({ row, token }) => ({ id: row.invitation.id, digest: tokenDigest(token) })),
    );
    await recordAudit(tx, context, {
      action: 'export',
      entityType: 'campaign',
      entityId: campaign.id,
      summary: `下载逐户问卷链接:${campaign.name},${issued.length} 户(此前的链接失效)`,
      after: { households: issued.length, ...filter },
    });
  });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '满意 Manyi';
  const sheet = workbook.addWorksheet('问卷链接', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '房屋', key: 'household', width: 18 },
    { header: '业主', key: 'owner', width: 22 },
    { header: '状态', key: 'status', width: 10 },
    { header: '问卷链接', key: 'link', width: 70 },
  ];
  sheet.getRow(1).font = { bold: true };
  const statusLabel: Record<string, string> = { invited: '未打开', opened: '已打开', partial: '答了一部分' };
  for (const { row, token } of issued) {
    sheet.addRow({
      household: householdLabel(row.buildingName, row.unitName, row.room),
      owner: row.owner ?? '',
      status: statusLabel[row.invitation.status] ?? row.invitation.status,
      link: answerLink(context, token),
    });
  }
  return { fileName: `${campaign.name}-问卷链接.xlsx`, body: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

/** A fresh link for one household (its previous link stops working); shown once. */
export async function regenerateLink(context: Context, id: string, invitationId: string) {
  const { campaign } = await distributable(context, id, {});
  const [row] = await visibleInvitations(context, campaign.id, {}, false, invitationId);
  if (!row) throw notFound();
  if (row.invitation.status === 'completed' || row.invitation.status === 'expired') {
    throw new HttpProblem(409, 'invitation_completed', campaignMessages.invitation_completed);
  }
  const token = newToken();
  await context.db.transaction(async (tx) => {
    await setInvitationDigest(tx, campaign.tenantId, invitationId, tokenDigest(token));
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'survey_invitation',
      entityId: invitationId,
      summary: `重新生成问卷链接:${householdLabel(row.buildingName, row.unitName, row.room)}(旧链接失效)`,
      after: { campaignId: campaign.id },
    });
  });
  return { invitationId, link: answerLink(context, token) };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * A print page with one A4 poster per building of a census campaign in the caller's projects. A
 * sampled campaign has none: owners choosing themselves by scanning would break the random sample.
 * Printing issues new poster tokens, so earlier printouts stop working (audited).
 */
export async function posterPage(context: Context, id: string, filter: ScopeFilter): Promise<string> {
  const { campaign } = await distributable(context, id, filter);
  const { population, sampling } = readCampaign(campaign);
  if (sampling.kind !== 'census') throw new HttpProblem(422, 'posters_census_only', campaignMessages.posters_census_only);
  const scope = context.principal.projectIds;
  const projectIds = [population.projectIds.length ? population.projectIds : null, scope, filter.projectId ? [filter.projectId] : null].reduce<string[] | null>(
    (acc, list) => (list === null ? acc : acc === null ? list : acc.filter((item) => list.includes(item))),
    null,
  );
  const targets = (await buildingRows(context.db, campaign.tenantId, population.buildingIds.length ? population.buildingIds : null, projectIds))
    .filter((building) => !filter.buildingId || building.id === filter.buildingId)
    .sort((a, b) => `${a.projectName}${a.name}`.localeCompare(`${b.projectName}${b.name}`, 'zh-CN', { numeric: true }));
  const issued = targets.map((building) => ({ building, token: newToken() }));
  await context.db.transaction(async (tx) => {
    for (const { building, token } of issued) {
      await upsertPosterDigest(tx, campaign.tenantId, campaign.id, building.id, tokenDigest(token));
    }
    await recordAudit(tx, context, {
      action: 'export',
      entityType: 'campaign',
      entityId: campaign.id,
      summary: `打印楼栋海报:${campaign.name},${issued.length} 栋(此前的海报失效)`,
      after: { buildings: issued.length, ...filter },
    });
  });
  const company = await tenantName(context.db, campaign.tenantId);
  const closes = campaign.closesAt
    ? new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(campaign.closesAt)
    : null;
  const pages = await Promise.all(
    issued.map(async ({ building, token }) => {
      const svg = await QRCode.toString(posterLink(context, token), { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
      return `<section class="poster"><p class="company">${escapeHtml(company ?? '')}</p><h1>${escapeHtml(campaign.name)}</h1>
<p class="lead">诚邀您为我们的服务打分 · Tell us how we are doing</p><div class="qr">${svg}</div>
<p class="how">微信或手机相机扫码 → 手机号验证 → 为您家作答(每户一份,约 3 分钟)</p>
<p class="building">${escapeHtml(building.projectName)} · ${escapeHtml(building.name)}</p>${closes ? `<p class="closes">${escapeHtml(closes)} 截止</p>` : ''}</section>`;
    }),
  );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(campaign.name)} · 楼栋海报</title><style>
@page { size: A4; margin: 18mm; }
body { font-family: "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1f1f1f; }
.poster { page-break-after: always; text-align: center; padding: 24px 0; }
.company { font-size: 20px; color: #595959; } h1 { font-size: 34px; margin: 8px 0 4px; } .lead { font-size: 20px; }
.qr svg { width: 110mm; height: 110mm; } .how { font-size: 18px; } .building { font-size: 28px; font-weight: 600; } .closes { color: #595959; }
</style></head><body>${pages.join('\n') || '<p>没有楼栋 / No buildings</p>'}</body></html>`;
}
