import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import { settingsChanged } from '../company-version/cache';
import type { Context } from '../http/context';
import { notFound } from '../http/problem';
import { requirePermission } from '../policy/policy';
import type { Principal } from '../http/principal';
import { findCategoryRow, listCategories, updateCategoryRow } from './repository';
import type { categoryPatch, CategoryNode } from '@manyi/contracts/categories';
import { presentCategory } from './presenter';

/**
 * The company's category tree, parents before children in display order; inactive nodes only on
 * request. Owners read the same tree (active nodes) to pick what they report.
 */
export async function categoryTree(context: Pick<Context<Principal>, 'db' | 'principal'>, includeInactive: boolean): Promise<{ items: CategoryNode[] }> {
  const rows = (await listCategories(context.db, context.principal.tenantId)).filter((row) => includeInactive || row.active);
  const nodes = new Map<string, CategoryNode>(rows.map((row) => [row.code, { ...presentCategory(row), children: [] }]));
  const roots: CategoryNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.code)!;
    const parent = row.parentCode ? nodes.get(row.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else if (!row.parentCode) roots.push(node);
  }
  return { items: roots };
}

/** Renaming, re-posting or deactivating; codes never change because tickets and SLA policies store them. */
export async function updateCategory(context: Context, code: string, input: z.infer<typeof categoryPatch>) {
  requirePermission(context.principal, 'category.manage');
  const tenantId = context.principal.tenantId;
  const before = await findCategoryRow(context.db, tenantId, code);
  if (!before) throw notFound();
  const after = await context.db.transaction(async (tx) => {
    const row = await updateCategoryRow(tx, tenantId, code, input);
    await settingsChanged(tx, tenantId);
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'ticket_category',
      entityId: null,
      summary: `修改工单分类 ${before.nameZh}(${code})`,
      before,
      after: row,
    });
    return row;
  });
  return presentCategory(after);
}
