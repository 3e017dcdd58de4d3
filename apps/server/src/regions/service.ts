import { projects, regions } from '@manyi/db';
import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { isUniqueViolation } from '../http/db-errors';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { requirePermission } from '../policy/policy';

const duplicateName = () => fieldProblem('name', { 'zh-CN': '区域名称已存在', 'en-US': 'A region with this name exists' }, 409);

export async function listRegions(context: Context) {
  return context.db.select({ id: regions.id, name: regions.name }).from(regions)
    .where(eq(regions.tenantId, context.principal.tenantId)).orderBy(asc(regions.name));
}

export async function createRegion(context: Context, name: string) {
  requirePermission(context.principal, 'organisation.manage');
  try {
    return await context.db.transaction(async (tx) => {
      const [created] = await tx.insert(regions).values({ tenantId: context.principal.tenantId, name }).returning();
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
      const [before] = await tx.select().from(regions).where(and(eq(regions.tenantId, tenantId), eq(regions.id, id)));
      if (!before) throw notFound();
      const [after] = await tx.update(regions).set({ name, updatedAt: context.clock.now() })
        .where(and(eq(regions.tenantId, tenantId), eq(regions.id, id))).returning();
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
    const [before] = await tx.select().from(regions).where(and(eq(regions.tenantId, tenantId), eq(regions.id, id)));
    if (!before) throw notFound();
    const [used] = await tx.select({ id: projects.id }).from(projects).where(and(eq(projects.tenantId, tenantId), eq(projects.regionId, id))).limit(1);
    if (used) throw new HttpProblem(409, 'in_use');
    await tx.delete(regions).where(and(eq(regions.tenantId, tenantId), eq(regions.id, id)));
    await recordAudit(tx, context, { action: 'delete', entityType: 'region', entityId: id, summary: `删除区域 ${before.name}`, before });
  });
}
