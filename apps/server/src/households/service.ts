import { householdSortKey } from '@manyi/core';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import { buildingInScope } from '../buildings/service';
import { findUnit } from '../buildings/repository';
import type { Context } from '../http/context';
import { isUniqueViolation } from '../http/db-errors';
import { decodeCursor, toPage } from '../http/pagination';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { inScope, requirePermission, scopedProjectIds } from '../policy/policy';
import { deleteHouseholdRow, findHousehold, findHouseholdRow, householdHasResidents, insertHousehold, listHouseholds, updateHouseholdRow } from './repository';
import type { householdBody, householdPatch, householdQuery, HouseholdView } from '@manyi/contracts/households';

const duplicateRoom = () => fieldProblem('room', { 'zh-CN': '该楼栋单元下已有此房号', 'en-US': 'This room already exists in the building/unit' }, 409);
const unknownBuilding = () => fieldProblem('buildingId', { 'zh-CN': '楼栋不存在', 'en-US': 'Unknown building' });
const unknownUnit = () => fieldProblem('unitId', { 'zh-CN': '单元不存在或不属于该楼栋', 'en-US': 'Unknown unit, or not in this building' });

export async function searchHouseholds(context: Context, query: z.infer<typeof householdQuery>) {
  const { cursor, limit, ...filter } = query;
  const after = decodeCursor(cursor, 3) as [string, string, string] | null;
  const projectIds = scopedProjectIds(context.principal, filter.projectId);
  const rows = await listHouseholds(context.db, context.principal.tenantId, projectIds, filter, after, limit);
  const page = toPage(rows, limit, (row) => [row.projectId, row.sortKey, row.id]);
  return { items: page.items.map(({ sortKey: _sortKey, ...view }) => view), nextCursor: page.nextCursor };
}

export async function getHousehold(context: Context, id: string): Promise<HouseholdView> {
  const view = await findHousehold(context.db, context.principal.tenantId, id);
  if (!view || !inScope(context.principal, view.projectId)) throw notFound();
  const { sortKey: _sortKey, ...household } = view;
  return household;
}

/** Resolves building and unit for a write: both must exist, be in scope and belong together. */
async function placement(context: Context, buildingId: string, unitId: string | null | undefined) {
  const building = await buildingInScope(context, buildingId).catch(() => {
    throw unknownBuilding();
  });
  if (!unitId) return { building, unit: null };
  const unit = await findUnit(context.db, context.principal.tenantId, unitId);
  if (!unit || unit.buildingId !== building.id) throw unknownUnit();
  return { building, unit };
}

async function rethrowDuplicateRoom<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateRoom();
    throw error;
  }
}

export async function createHousehold(context: Context, input: z.infer<typeof householdBody>): Promise<HouseholdView> {
  requirePermission(context.principal, 'household.write');
  const { building, unit } = await placement(context, input.buildingId, input.unitId);
  const id = await rethrowDuplicateRoom(
    context.db.transaction(async (tx) => {
      const created = await insertHousehold(tx, {
        tenantId: building.tenantId,
        projectId: building.projectId,
        buildingId: building.id,
        unitId: unit?.id ?? null,
        room: input.room,
        area: input.area ?? null,
        status: input.status ?? 'occupied',
        sortKey: householdSortKey(building.name, unit?.name, input.room),
      });
      await recordAudit(tx, context, {
        action: 'create',
        entityType: 'household',
        entityId: created.id,
        summary: `新建房屋 ${building.name} ${unit?.name ?? ''} ${input.room}`,
        after: created,
      });
      return created.id;
    }),
  );
  return getHousehold(context, id);
}

export async function updateHousehold(context: Context, id: string, input: z.infer<typeof householdPatch>): Promise<HouseholdView> {
  requirePermission(context.principal, 'household.write');
  const tenantId = context.principal.tenantId;
  const before = await findHouseholdRow(context.db, tenantId, id);
  if (!before || !inScope(context.principal, before.projectId)) throw notFound();
  const buildingId = input.buildingId ?? before.buildingId;
  const unitId = input.unitId === undefined ? (input.buildingId ? null : before.unitId) : input.unitId;
  const { building, unit } = await placement(context, buildingId, unitId);
  if (building.projectId !== before.projectId)
    throw fieldProblem('buildingId', { 'zh-CN': '不能把房屋移到其他项目', 'en-US': 'A household cannot move to another project' });
  const room = input.room ?? before.room;
  await rethrowDuplicateRoom(
    context.db.transaction(async (tx) => {
      const after = await updateHouseholdRow(tx, tenantId, id, {
        buildingId,
        unitId: unit?.id ?? null,
        room,
        ...(input.area !== undefined && { area: input.area }),
        ...(input.status && { status: input.status }),
        sortKey: householdSortKey(building.name, unit?.name, room),
        updatedAt: context.clock.now(),
      });
      await recordAudit(tx, context, { action: 'update', entityType: 'household', entityId: id, summary: `修改房屋 ${before.room}`, before, after });
    }),
  );
  return getHousehold(context, id);
}

export async function deleteHousehold(context: Context, id: string): Promise<void> {
  requirePermission(context.principal, 'household.write');
  const tenantId = context.principal.tenantId;
  const before = await findHouseholdRow(context.db, tenantId, id);
  if (!before || !inScope(context.principal, before.projectId)) throw notFound();
  await context.db.transaction(async (tx) => {
    if (await householdHasResidents(tx, tenantId, id))
      throw new HttpProblem(409, 'in_use', { 'zh-CN': '请先移除该房屋的住户', 'en-US': 'Remove the residents of this household first' });
    await deleteHouseholdRow(tx, tenantId, id);
    await recordAudit(tx, context, { action: 'delete', entityType: 'household', entityId: id, summary: `删除房屋 ${before.room}`, before });
  });
}
