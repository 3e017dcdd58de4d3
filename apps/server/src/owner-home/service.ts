import { householdLabel } from '@manyi/core';
import type { z } from 'zod';
import type { ownerSteward, ownerSurvey } from '@manyi/contracts/owner-home';
import { recordAudit } from '../audit/record';
import { newToken, tokenDigest } from '../auth/session-repository';
import { setInvitationDigest } from '../campaigns/repository';
import type { Context } from '../http/context';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import type { OwnerPrincipal } from '../http/principal';
import { addTimelineEvent } from '../timeline/repository';
import { insertDelight } from '../delight-moments/repository';
import { activeStaffByIds, homesWithSteward, insertPraise, invitationsOf, projectStewards, staffInProjects } from './repository';

type OwnerContext = Context<OwnerPrincipal>;

const messages = {
  survey_closed: { 'zh-CN': '该问卷已结束或已提交，感谢您的参与', 'en-US': 'This survey is closed or already answered. Thank you' },
  staff_unknown: { 'zh-CN': '请选择为您小区服务的工作人员', 'en-US': 'Choose a staff member who serves your community' },
};

const homesOf = (context: OwnerContext) =>
  homesWithSteward(context.db, context.principal.tenantId, { personId: context.principal.personId, phone: context.principal.phone });

/**
 * 我的管家: the steward of each of my buildings, or, where the building names none, the project's
 * stewards. One card per steward with the homes they look after.
 */
export async function myStewards(context: OwnerContext): Promise<{ items: z.infer<typeof ownerSteward>[] }> {
  const tenantId = context.principal.tenantId;
  const homes = await homesOf(context);
  const named = await activeStaffByIds(context.db, tenantId, [...new Set(homes.flatMap((home) => (home.stewardId ? [home.stewardId] : [])))]);
  const uncovered = homes.filter((home) => !named.some((staff) => staff.id === home.stewardId));
  const fallback = await projectStewards(context.db, tenantId, [...new Set(uncovered.map((home) => home.projectId))]);
  const cards = new Map<string, z.infer<typeof ownerSteward>>();
  const add = (staff: (typeof named)[number], label: string) => {
    const card = cards.get(staff.id) ?? {
      id: staff.id,
      name: staff.name,
      phone: staff.phone,
      workingHours: staff.workingHours,
      photoUrl: staff.photoKey ? `/api/v1/owner/stewards/${staff.id}/photo` : null,
      households: [],
    };
    if (!card.households.includes(label)) card.households.push(label);
    cards.set(staff.id, card);
  };
  for (const home of homes) {
    const label = householdLabel(home.buildingName, home.unitName, home.room);
    const steward = named.find((staff) => staff.id === home.stewardId) ?? fallback.find((staff) => staff.projectId === home.projectId);
    if (steward) add(steward, label);
  }
  return { items: [...cards.values()] };
}

/** The storage key of a steward's photo, only for a steward of one of my homes. */
export async function stewardPhotoKey(context: OwnerContext, staffId: string): Promise<string> {
  const card = (await myStewards(context)).items.find((item) => item.id === staffId);
  if (!card?.photoUrl) throw notFound();
  const [staff] = await activeStaffByIds(context.db, context.principal.tenantId, [staffId]);
  if (!staff?.photoKey) throw notFound();
  return staff.photoKey;
}

const isOpen = (row: { campaignStatus: string; opensAt: Date | null; closesAt: Date | null }, now: Date) =>
  row.campaignStatus === 'open' && !(row.opensAt && row.opensAt > now) && !(row.closesAt && row.closesAt <= now);

/** 我的调查: the invitations of my households, the open and unanswered ones first. */
export async function mySurveys(context: OwnerContext): Promise<{ items: z.infer<typeof ownerSurvey>[] }> {
  const now = context.clock.now();
  const homes = await homesOf(context);
  const labels = new Map(homes.map((home) => [home.householdId, householdLabel(home.buildingName, home.unitName, home.room)]));
  const rows = await invitationsOf(context.db, context.principal.tenantId, [...labels.keys()]);
  const items = rows.map((row) => ({
    invitationId: row.invitation.id,
    campaignName: row.campaignName,
    householdLabel: labels.get(row.invitation.householdId) ?? '',
    status: row.invitation.status as z.infer<typeof ownerSurvey>['status'],
    closesAt: row.closesAt,
    canAnswer: isOpen(row, now) && row.invitation.status !== 'completed' && row.invitation.status !== 'expired',
  }));
  return { items: items.sort((a, b) => Number(b.canAnswer) - Number(a.canAnswer)) };
}

/**
 * Opens one of my invitations on the answering page. Only digests are stored, so the earlier link
 * (SMS, WeChat) cannot be shown again: the signed-in owner gets a fresh one and the old one stops
 * working, as when a poster is claimed. Answers already saved stay with the invitation.
 */
export async function openSurvey(context: OwnerContext, invitationId: string): Promise<{ answerToken: string }> {
  const survey = (await mySurveys(context)).items.find((item) => item.invitationId === invitationId);
  if (!survey) throw notFound();
  if (!survey.canAnswer) throw new HttpProblem(410, 'survey_closed', messages.survey_closed);
  const answerToken = newToken();
  await context.db.transaction(async (tx) => {
    await setInvitationDigest(tx, context.principal.tenantId, invitationId, tokenDigest(answerToken));
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'survey_invitation',
      entityId: invitationId,
      summary: `业主从手机首页打开问卷:${survey.campaignName}(${survey.householdLabel})`,
    });
  });
  return { answerToken };
}

/**
 * 表扬: kept as its own record, on the owner's timeline, and in the 感动点 log (issue 19 §3) as a moment of the
 * staff member praised (source owner_praise), which a manager places at a touchpoint and rewards.
 */
export async function praiseStaff(context: OwnerContext, input: { staffId: string; text: string }) {
  const { tenantId, personId } = context.principal;
  const now = context.clock.now();
  const homes = await homesOf(context);
  const staff = await staffInProjects(context.db, tenantId, input.staffId, [...new Set(homes.map((home) => home.projectId))]);
  if (!staff) throw fieldProblem('staffId', messages.staff_unknown);
  const home = homes.find((item) => item.projectId === staff.projectId)!;
  const row = await context.db.transaction(async (tx) => {
    const saved = await insertPraise(tx, {
      tenantId,
      projectId: staff.projectId,
      staffId: staff.id,
      personId,
      householdId: home.householdId,
      text: input.text,
      createdAt: now,
    });
    await insertDelight(tx, {
      tenantId,
      projectId: staff.projectId,
      staffId: staff.id,
      recordedById: null,
      personId,
      householdId: home.householdId,
      description: input.text,
      source: 'owner_praise',
      praiseId: saved.id,
      occurredAt: now,
    });
    await addTimelineEvent(tx, {
      tenantId,
      personId,
      householdId: home.householdId,
      kind: 'praise',
      title: `表扬了${staff.name}`,
      detail: { praiseId: saved.id, staffId: staff.id, text: input.text },
      actorName: context.principal.name,
      occurredAt: now,
    });
    await recordAudit(tx, context, { action: 'create', entityType: 'staff_praise', entityId: saved.id, summary: `业主表扬${staff.name}`, after: saved });
    return saved;
  });
  return { id: row.id, staffId: staff.id, staffName: staff.name, text: row.text, createdAt: row.createdAt };
}
