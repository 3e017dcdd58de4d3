import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { isUniqueViolation } from '../http/db-errors';
import { toPage } from '../http/pagination';
import { decodeCursor } from '../http/pagination';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { requirePermission, requireProjectScope } from '../policy/policy';
import { deleteProjectRow, findProject, findProjectRow, insertProject, listProjects, projectHasBuildings, regionExists, updateProjectRow } from './repository';
import type { projectBody, projectPatch, projectQuery, ProjectView } from '@manyi/contracts/projects';

const duplicateCode = () => fieldProblem('code', { 'zh-CN': '项目编码已存在', 'en-US': 'This project code is already used' }, 409);
const unknownRegion = () => fieldProblem('regionId', { 'zh-CN': '区域不存在', 'en-US': 'Unknown region' });

export async function searchProjects(context: Context, query: z.infer<typeof projectQuery>) {
  const [after] = decodeCursor(query.cursor, 1) ?? [];
  const rows = await listProjects(context.db, {
    tenantId: context.principal.tenantId,
    projectIds: context.principal.projectIds,
    q: query.q,
    type: query.type,
    stage: query.stage,
    regionId: query.regionId,
    after: after === undefined ? undefined : String(after),
    limit: query.limit,
  });
  return toPage(rows, query.limit, (row) => [row.code]);
}

export async function getProject(context: Context, id: string): Promise<ProjectView> {
  requireProjectScope(context.principal, id);
  const project = await findProject(context.db, context.principal.tenantId, id);
  if (!project) throw notFound();
  return project;
}

export async function createProject(context: Context, input: z.infer<typeof projectBody>): Promise<ProjectView> {
  requirePermission(context.principal, 'organisation.manage');
  const tenantId = context.principal.tenantId;
  if (input.regionId && !(await regionExists(context.db, tenantId, input.regionId))) throw unknownRegion();
  try {
    const id = await context.db.transaction(async (tx) => {
      const created = await insertProject(tx, { ...input, regionId: input.regionId ?? null, tenantId });
      if (!created) throw new HttpProblem(500, 'internal');
      await recordAudit(tx, context, { action: 'create', entityType: 'project', entityId: created.id, summary: `新建项目 ${created.name}`, after: created });
      return created.id;
    });
    return getProject(context, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode();
    throw error;
  }
}

export async function updateProject(context: Context, id: string, input: z.infer<typeof projectPatch>): Promise<ProjectView> {
  requirePermission(context.principal, 'organisation.manage');
  const tenantId = context.principal.tenantId;
  if (input.regionId && !(await regionExists(context.db, tenantId, input.regionId))) throw unknownRegion();
  try {
    await context.db.transaction(async (tx) => {
      const before = await findProjectRow(tx, tenantId, id);
      if (!before) throw notFound();
      const after = await updateProjectRow(tx, tenantId, id, { ...input, updatedAt: context.clock.now() });
      await recordAudit(tx, context, { action: 'update', entityType: 'project', entityId: id, summary: `修改项目 ${before.name}`, before, after });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode();
    throw error;
  }
  return getProject(context, id);
}

export async function deleteProject(context: Context, id: string): Promise<void> {
  requirePermission(context.principal, 'organisation.manage');
  const tenantId = context.principal.tenantId;
  await context.db.transaction(async (tx) => {
    const before = await findProjectRow(tx, tenantId, id);
    if (!before) throw notFound();
    if (await projectHasBuildings(tx, tenantId, id)) throw new HttpProblem(409, 'in_use');
    await deleteProjectRow(tx, tenantId, id);
    await recordAudit(tx, context, { action: 'delete', entityType: 'project', entityId: id, summary: `删除项目 ${before.name}`, before });
  });
}
