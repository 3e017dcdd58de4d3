/** The company's ordered SLA policies: read, replace as a whole, reset to the shipped defaults. */
import type { Executor } from '@manyi/db';
import { recordAudit } from '../audit/record';
import { settingsChanged } from '../company-version/cache';
import type { Context } from '../http/context';
import { messageFor } from '../http/messages';
import { fieldProblem } from '../http/problem';
import { requirePermission } from '../policy/policy';
import { ownProjectIds } from '../projects/repository';
import { defaultPolicyRows, loadTenantPolicies, replacePolicyRows, type PolicyRow } from './policy-store';
import { presentPolicy } from './presenter';
import { recomputeTenantDeadlines } from './recompute';
import type { SlaPoliciesInput, SlaPolicyView } from '@manyi/contracts/sla';

async function currentPolicies(db: Executor, tenantId: string): Promise<SlaPolicyView[]> {
  return (await loadTenantPolicies(db, tenantId)).map(presentPolicy);
}

export async function listSlaPolicies(context: Context): Promise<{ items: SlaPolicyView[] }> {
  requirePermission(context.principal, 'sla.manage');
  return { items: await currentPolicies(context.db, context.principal.tenantId) };
}

/** Every project a policy names must be the company's own: a 422 on the first stranger, never a silent drop. */
async function requireOwnProjects(db: Executor, tenantId: string, input: SlaPoliciesInput): Promise<void> {
  const named = [...new Set(input.policies.flatMap((policy) => policy.match.projectIds ?? []))];
  if (named.length === 0) return;
  const own = await ownProjectIds(db, tenantId, named);
  input.policies.forEach((policy, index) => {
    const position = (policy.match.projectIds ?? []).findIndex((id) => !own.has(id));
    if (position >= 0) throw fieldProblem(`policies.${index}.match.projectIds.${position}`, messageFor('sla_project_unknown'));
  });
}

/** Deletes and re-inserts the list in one transaction with its audit row, then recomputes deadlines (recompute.ts). */
async function replaceRows(context: Context, rows: (tenantId: string) => PolicyRow[], summary: string) {
  const tenantId = context.principal.tenantId;
  const now = context.clock.now();
  const items = await context.db.transaction(async (tx) => {
    const before = await currentPolicies(tx, tenantId);
    await replacePolicyRows(
      tx,
      tenantId,
      rows(tenantId).map((row) => ({ ...row, updatedAt: now })),
    );
    await settingsChanged(tx, tenantId);
    const after = await currentPolicies(tx, tenantId);
    await recordAudit(tx, context, { action: 'update', entityType: 'sla_policies', entityId: null, summary, before, after });
    return after;
  });
  const recomputedTickets = await recomputeTenantDeadlines(context.db, tenantId, now);
  return { items, recomputedTickets };
}

export async function replaceSlaPolicies(context: Context, input: SlaPoliciesInput) {
  requirePermission(context.principal, 'sla.manage');
  await requireOwnProjects(context.db, context.principal.tenantId, input);
  return replaceRows(
    context,
    (tenantId) =>
      input.policies.map((policy, position) => ({
        tenantId,
        code: policy.code,
        position,
        nameZh: policy.name['zh-CN'],
        nameEn: policy.name['en-US'],
        match: policy.match,
        targets: policy.targets,
        warnShare: policy.warnShare,
        active: policy.active,
      })),
    `修改服务时限规则(${input.policies.length} 条)`,
  );
}

export async function resetSlaPolicies(context: Context) {
  requirePermission(context.principal, 'sla.manage');
  return replaceRows(context, defaultPolicyRows, '服务时限规则恢复为默认');
}
