/**
 * The return-visit policy of a company, stored under `returnVisit` in tenant_settings.data beside
 * the group-detection thresholds (incidents/settings.ts). It is read when a ticket resolves
 * (tickets/transition.ts) to decide, once and for good, whether that ticket owes a 回访.
 */
import { defaultReturnVisitPolicy, type Label } from '@manyi/core';
import type { Executor } from '@manyi/db';
import { recordAudit } from '../audit/record';
import { mergeSettingsData, readSettingsData } from './repository';
import type { Context } from '../http/context';
import { fieldProblem } from '../http/problem';
import { requirePermission } from '../policy/policy';
import { visitSettings, type VisitSettings, type VisitSettingsInput } from '@manyi/contracts/visits';

export const visitMessages = {
  complaint_share_fixed: {
    'zh-CN': '投诉必须全部回访,回访比例不能低于 100%',
    'en-US': 'Every complaint gets a return visit; its share cannot be lower than 100%',
  },
} satisfies Record<string, Label>;

/** The company's shares; a missing or malformed stored value falls back to the default, field by field. */
export async function readVisitSettings(db: Executor, tenantId: string): Promise<VisitSettings> {
  const stored = (await readSettingsData(db, tenantId))?.returnVisit;
  const parsed = visitSettings.partial().safeParse(stored ?? {});
  // Complaints owe a visit whatever was stored (core requiresReturnVisit agrees).
  return { ...defaultReturnVisitPolicy, ...(parsed.success ? parsed.data : {}), complaintShare: 1 };
}

export async function getVisitSettings(context: Context): Promise<VisitSettings> {
  return readVisitSettings(context.db, context.principal.tenantId);
}

/**
 * A company-wide rule beside the SLA policies, so the same roles (admin, quality) change it. A new
 * share applies to tickets resolved from now on; tickets already resolved keep their decision.
 */
export async function saveVisitSettings(context: Context, input: VisitSettingsInput): Promise<VisitSettings> {
  requirePermission(context.principal, 'sla.manage');
  if (input.complaintShare !== undefined && input.complaintShare < 1) throw fieldProblem('complaintShare', visitMessages.complaint_share_fixed);
  const tenantId = context.principal.tenantId;
  const settings: VisitSettings = { complaintShare: 1, repairShare: input.repairShare, otherShare: input.otherShare };
  await context.db.transaction(async (tx) => {
    const before = await readVisitSettings(tx, tenantId);
    const patch = { returnVisit: settings };
    await mergeSettingsData(tx, tenantId, patch, context.clock.now());
    await recordAudit(tx, context, { action: 'update', entityType: 'tenant_settings', entityId: tenantId, summary: '修改回访比例', before, after: settings });
  });
  return readVisitSettings(context.db, tenantId);
}
