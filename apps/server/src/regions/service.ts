import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { isUniqueViolation } from '../http/db-errors';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { requirePermission } from '../policy/policy';
import { deleteRegionRow, findRegion, insertRegion, listRegionRows, regionHasProjects, updateRegionRow } from './repository';

const duplicateName = () => fieldProblem('name', { 'zh-CN': '区域名称已存在', 'en-US': 'A region with this name exists' }, 409);

export async function listRegions(context: Context) {
  return listRegionRows(context.db, context.principal.tenantId);
}

export async function createRegion(context: Context, name: string) {
  requirePermission(context.principal, 'organisation.manage');
  try {
    return await context.db.transaction(async (tx) => {
      const created = await insertRegion(tx, { tenantId: context.principal.tenantId, name });
      if (!created) throw new HttpProblem(500, 'internal');
      await recordAudit(tx, context, { action: 'create', entityType: 'region', entityId: created.id, summary: `新建区域 ${name}`, after: created });
      return { id: created.id, name: created.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

export async function updateRegion(context: Context, id: string, name: string) {
  requirePermission(context.principal, 'organisation.manage');
  const tenantId = context.principal.tenantId;
  try {
    return await context.db.transaction(async (tx) => {
      const before = await findRegion(tx, tenantId, id);
      if (!before) throw notFound();
      const after = await updateRegionRow(tx, tenantId, id, { name, updatedAt: context.clock.now() });
      await recordAudit(tx, context, { action: 'update', entityType: 'region', entityId: id, summary: `区域 ${before.name} 改名为 ${name}`, before, after });
      return { id, name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateName();
    throw error;
  }
}

export async function deleteRegion(context: Context, id: string) {
  requirePermission(context.principal, 'organisation.manage');
  const tenantId = context.principal.tenantId;
  await context.db.transaction(async (tx) => {
    const before = await findRegion(tx, tenantId, id);
    if (!before) throw notFound();
    if (await regionHasProjects(tx, tenantId, id)) throw new HttpProblem(409, 'in_use');
    await deleteRegionRow(tx, tenantId, id);
    await recordAudit(tx, context, { action: 'delete', entityType: 'region', entityId: id, summary: `删除区域 ${before.name}`, before });
  });
}
