import { normalisePhone, parseOwnerQuery } from '@manyi/core';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import { deleteOwnerSessions, newToken, tokenDigest } from '../auth/session-repository';
import type { Context } from '../http/context';
import { decodeCursor, toPage } from '../http/pagination';
import { fieldProblem, notFound } from '../http/problem';
import { getHousehold } from '../households/service';
import { findHouseholdRow } from '../households/repository';
import { inScope, requirePermission, scopedProjectIds } from '../policy/policy';
import { addTimelineEvent, timelineOf } from '../timeline/repository';
import {
  deletePersonWithInvites,
  findPerson,
  findPersonRow,
  householdMembers,
  insertOwnerInvite,
  insertPerson,
  listPersons,
  lookupPersons,
  updatePersonRow,
} from './repository';
import type { personBody, personLookupQuery, personPatch, personQuery, PersonView } from '@manyi/contracts/persons';

/** Invite links stay valid for a week: long enough for a steward to send one and the owner to open it. */
const inviteTtlMs = 7 * 24 * 3_600_000;

export async function searchPersons(context: Context, query: z.infer<typeof personQuery>) {
  const { cursor, limit, projectId, ...filter } = query;
  const [after] = decodeCursor(cursor, 1) ?? [];
  const rows = await listPersons(
    context.db,
    context.principal.tenantId,
    scopedProjectIds(context.principal, projectId),
    filter,
    after === undefined ? null : String(after),
    limit,
  );
  return toPage(rows, limit, (row) => [row.id]);
}

/** The hotline's owner search: what the caller said, read by core, matched and ranked by the repository. */
export async function lookupOwners(context: Context, query: z.infer<typeof personLookupQuery>) {
  const items = await lookupPersons(context.db, context.principal.tenantId, scopedProjectIds(context.principal, query.projectId), parseOwnerQuery(query.q), 20);
  return { items };
}

export async function getPerson(context: Context, id: string): Promise<PersonView> {
  const person = await findPerson(context.db, context.principal.tenantId, id);
  if (!person || !inScope(context.principal, person.projectId)) throw notFound();
  return person;
}

export async function getProfile(context: Context, id: string) {
  const person = await getPerson(context, id);
  const [household, members, timeline] = await Promise.all([
    getHousehold(context, person.householdId),
    householdMembers(context.db, context.principal.tenantId, person.householdId),
    timelineOf(context.db, context.principal.tenantId, person.id, person.householdId),
  ]);
  return { person, household, members: members.filter((member) => member.id !== person.id), timeline };
}

async function householdInScope(context: Context, householdId: string) {
  const household = await findHouseholdRow(context.db, context.principal.tenantId, householdId);
  if (!household || !inScope(context.principal, household.projectId)) {
    throw fieldProblem('householdId', { 'zh-CN': '房屋不存在', 'en-US': 'Unknown household' });
  }
  return household;
}

const phoneOf = (phone: string | null | undefined) => (phone ? normalisePhone(phone) : null);

export async function createPerson(context: Context, input: z.infer<typeof personBody>): Promise<PersonView> {
  requirePermission(context.principal, 'person.write');
  const household = await householdInScope(context, input.householdId);
  const now = context.clock.now();
  const id = await context.db.transaction(async (tx) => {
    const created = await insertPerson(tx, {
      tenantId: household.tenantId,
      projectId: household.projectId,
      householdId: household.id,
      name: input.name,
      role: input.role,
      phone: phoneOf(input.phone),
      isVip: input.isVip ?? false,
      discStyle: input.discStyle ?? null,
      tags: input.tags ?? [],
      note: input.note ?? '',
    });
    await addTimelineEvent(tx, {
      tenantId: household.tenantId,
      personId: created.id,
      householdId: household.id,
      kind: 'created',
      title: '住户档案建立',
      actorName: context.principal.name,
      occurredAt: now,
    });
    await recordAudit(tx, context, { action: 'create', entityType: 'person', entityId: created.id, summary: `新建住户 ${input.name}`, after: created });
    return created.id;
  });
  return getPerson(context, id);
}

export async function updatePerson(context: Context, id: string, input: z.infer<typeof personPatch>): Promise<PersonView> {
  requirePermission(context.principal, 'person.write');
  const tenantId = context.principal.tenantId;
  const before = await findPersonRow(context.db, tenantId, id);
  if (!before || !inScope(context.principal, before.projectId)) throw notFound();
  const household = input.householdId ? await householdInScope(context, input.householdId) : undefined;
  if (household && household.projectId !== before.projectId) {
    throw fieldProblem('householdId', { 'zh-CN': '不能把住户移到其他项目', 'en-US': 'A resident cannot move to another project' });
  }
  await context.db.transaction(async (tx) => {
    const after = await updatePersonRow(tx, tenantId, id, {
      ...input,
      ...(input.phone !== undefined && { phone: phoneOf(input.phone) }),
      updatedAt: context.clock.now(),
    });
    const changed = Object.keys(input).filter(
      (key) => JSON.stringify((before as Record<string, unknown>)[key]) !== JSON.stringify((after as Record<string, unknown>)[key]),
    );
    if (changed.includes('phone') || changed.includes('householdId')) await deleteOwnerSessions(tx, tenantId, id);
    if (changed.length > 0) {
      await addTimelineEvent(tx, {
        tenantId,
        personId: id,
        householdId: after!.householdId,
        kind: 'updated',
        title: '住户档案更新',
        detail: { fields: changed },
        actorName: context.principal.name,
        occurredAt: context.clock.now(),
      });
    }
    await recordAudit(tx, context, { action: 'update', entityType: 'person', entityId: id, summary: `修改住户 ${before.name}`, before, after });
  });
  return getPerson(context, id);
}

export async function deletePerson(context: Context, id: string): Promise<void> {
  requirePermission(context.principal, 'person.write');
  const tenantId = context.principal.tenantId;
  const before = await findPersonRow(context.db, tenantId, id);
  if (!before || !inScope(context.principal, before.projectId)) throw notFound();
  await context.db.transaction(async (tx) => {
    await deleteOwnerSessions(tx, tenantId, id);
    await deletePersonWithInvites(tx, tenantId, id);
    await recordAudit(tx, context, { action: 'delete', entityType: 'person', entityId: id, summary: `删除住户 ${before.name}`, before });
  });
}

/** A one-time sign-in link for the owner's phone, e.g. sent by WeChat by the steward. */
export async function createInvite(context: Context, personId: string): Promise<{ url: string; expiresAt: Date }> {
  requirePermission(context.principal, 'person.invite');
  const person = await getPerson(context, personId);
  const token = newToken();
  const expiresAt = new Date(context.clock.now().getTime() + inviteTtlMs);
  await context.db.transaction(async (tx) => {
    const inviteId = await insertOwnerInvite(tx, {
      tenantId: context.principal.tenantId,
      personId,
      tokenHash: tokenDigest(token),
      createdBy: context.principal.staffId,
      expiresAt,
    });
    await addTimelineEvent(tx, {
      tenantId: context.principal.tenantId,
      personId,
      householdId: person.householdId,
      kind: 'invited',
      title: '发送业主端邀请链接',
      actorName: context.principal.name,
      occurredAt: context.clock.now(),
    });
    await recordAudit(tx, context, {
      action: 'invite',
      entityType: 'person',
      entityId: personId,
      summary: `为 ${person.name} 生成业主端邀请`,
      after: { inviteId, expiresAt },
    });
  });
  return { url: `${context.config.publicUrl}/h5/invite/${token}`, expiresAt };
}
