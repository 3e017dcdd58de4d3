import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { isUniqueViolation } from '../http/db-errors';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { inScope, requirePermission, requireProjectScope, scopedProjectIds } from '../policy/policy';
import { findProjectRow } from '../projects/repository';
import { findAssignableStaff } from '../staff/repository';
import {
  deleteBuildingWithUnits,
  deleteUnitRow,
  findBuilding,
  findUnit,
  hasHouseholds,
  insertBuilding,
  insertUnit,
  listBuildings,
  refreshSortKeys,
  updateBuildingRow,
  updateUnitRow,
} from './repository';
import type { buildingBody, buildingPatch, BuildingView, unitBody } from '@manyi/contracts/buildings';

const duplicateBuilding = () => fieldProblem('name', { 'zh-CN': '该项目下已有同名楼栋', 'en-US': 'A building with this name exists in the project' }, 409);
const duplicateUnit = () => fieldProblem('name', { 'zh-CN': '该楼栋下已有同名单元', 'en-US': 'A unit with this name exists in the building' }, 409);

async function rethrowDuplicate<T>(work: Promise<T>, problem: () => HttpProblem): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isUniqueViolation(error)) throw problem();
    throw error;
  }
}

export async function searchBuildings(context: Context, projectId?: string): Promise<BuildingView[]> {
  return listBuildings(context.db, context.principal.tenantId, scopedProjectIds(context.principal, projectId));
}

async function viewOf(context: Context, buildingId: string): Promise<BuildingView> {
  const building = await findBuilding(context.db, context.principal.tenantId, buildingId);
  if (!building) throw notFound();
  const views = await listBuildings(context.db, context.principal.tenantId, [building.projectId]);
  const view = views.find((item) => item.id === buildingId);
  if (!view) throw notFound();
  return view;
}

/** The building, if it exists and the caller serves its project; 404 otherwise. */
export async function buildingInScope(context: Context, buildingId: string) {
  const building = await findBuilding(context.db, context.principal.tenantId, buildingId);
  if (!building || !inScope(context.principal, building.projectId)) throw notFound();
  return building;
}

export async function createBuilding(context: Context, input: z.infer<typeof buildingBody>): Promise<BuildingView> {
  requirePermission(context.principal, 'building.write');
  requireProjectScope(context.principal, input.projectId);
  const tenantId = context.principal.tenantId;
  if (!(await findProjectRow(context.db, tenantId, input.projectId))) throw fieldProblem('projectId', { 'zh-CN': '项目不存在', 'en-US': 'Unknown project' });
  const id = await rethrowDuplicate(
    context.db.transaction(async (tx) => {
      const created = await insertBuilding(tx, { tenantId, projectId: input.projectId, name: input.name, floors: input.floors ?? null });
      await recordAudit(tx, context, { action: 'create', entityType: 'building', entityId: created.id, summary: `新建楼栋 ${input.name}`, after: created });
      return created.id;
    }),
    duplicateBuilding,
  );
  return viewOf(context, id);
}

export async function updateBuilding(context: Context, id: string, input: z.infer<typeof buildingPatch>): Promise<BuildingView> {
  requirePermission(context.principal, 'building.write');
  const before = await buildingInScope(context, id);
  const tenantId = context.principal.tenantId;
  if (input.stewardId && !(await findAssignableStaff(context.db, tenantId, input.stewardId, before.projectId))) {
    throw fieldProblem('stewardId', {
      'zh-CN': '员工不存在、已停用或不负责该项目',
      'en-US': 'Unknown or inactive staff member, or not assigned to this project',
    });
  }
  await rethrowDuplicate(
    context.db.transaction(async (tx) => {
      const after = await updateBuildingRow(tx, tenantId, id, { ...input, updatedAt: context.clock.now() });
      if (input.name && input.name !== before.name) await refreshSortKeys(tx, tenantId, id);
      await recordAudit(tx, context, { action: 'update', entityType: 'building', entityId: id, summary: `修改楼栋 ${before.name}`, before, after });
    }),
    duplicateBuilding,
  );
  return viewOf(context, id);
}

export async function deleteBuilding(context: Context, id: string): Promise<void> {
  requirePermission(context.principal, 'building.write');
  const before = await buildingInScope(context, id);
  const tenantId = context.principal.tenantId;
  await context.db.transaction(async (tx) => {
    if (await hasHouseholds(tx, tenantId, 'buildingId', id)) throw new HttpProblem(409, 'in_use');
    await deleteBuildingWithUnits(tx, tenantId, id);
    await recordAudit(tx, context, { action: 'delete', entityType: 'building', entityId: id, summary: `删除楼栋 ${before.name}`, before });
  });
}

export async function createUnit(context: Context, input: z.infer<typeof unitBody>) {
  requirePermission(context.principal, 'building.write');
  const building = await buildingInScope(context, input.buildingId).catch(() => {
    throw fieldProblem('buildingId', { 'zh-CN': '楼栋不存在', 'en-US': 'Unknown building' });
  });
  return rethrowDuplicate(
    context.db.transaction(async (tx) => {
      const created = await insertUnit(tx, { tenantId: building.tenantId, projectId: building.projectId, buildingId: building.id, name: input.name });
      await recordAudit(tx, context, {
        action: 'create',
        entityType: 'unit',
        entityId: created.id,
        summary: `新建单元 ${building.name} ${input.name}`,
        after: created,
      });
      return { id: created.id, name: created.name, buildingId: building.id };
    }),
    duplicateUnit,
  );
}

async function unitInScope(context: Context, id: string) {
  const unit = await findUnit(context.db, context.principal.tenantId, id);
  if (!unit || !inScope(context.principal, unit.projectId)) throw notFound();
  return unit;
}

export async function updateUnit(context: Context, id: string, name: string) {
  requirePermission(context.principal, 'building.write');
  const before = await unitInScope(context, id);
  const tenantId = context.principal.tenantId;
  return rethrowDuplicate(
    context.db.transaction(async (tx) => {
      const after = await updateUnitRow(tx, tenantId, id, { name, updatedAt: context.clock.now() });
      await refreshSortKeys(tx, tenantId, before.buildingId);
      await recordAudit(tx, context, { action: 'update', entityType: 'unit', entityId: id, summary: `单元 ${before.name} 改名为 ${name}`, before, after });
      return { id, name, buildingId: before.buildingId };
    }),
    duplicateUnit,
  );
}

export async function deleteUnit(context: Context, id: string): Promise<void> {
  requirePermission(context.principal, 'building.write');
  const before = await unitInScope(context, id);
  const tenantId = context.principal.tenantId;
  await context.db.transaction(async (tx) => {
    if (await hasHouseholds(tx, tenantId, 'unitId', id)) throw new HttpProblem(409, 'in_use');
    await deleteUnitRow(tx, tenantId, id);
    await recordAudit(tx, context, { action: 'delete', entityType: 'unit', entityId: id, summary: `删除单元 ${before.name}`, before });
  });
}
