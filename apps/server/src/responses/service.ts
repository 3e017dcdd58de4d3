import { checkAnswers, householdLabel, type Answers, type SurveyDefinition } from '@manyi/core';
import { tokenDigest } from '../auth/session-repository';
import type { Context, PublicContext } from '../http/context';
import { HttpProblem } from '../http/problem';
import { messages } from '../http/messages';
import { requirePermission, requireProjectScope } from '../policy/policy';
import { recordAudit } from '../audit/record';
import { quotaFull, quotaOpen } from '../campaigns/service';
import { answerIssueMessages, responseMessages } from './messages';
import {
  completeResponse,
  findCampaign,
  findInvitationByDigest,
  findInvitationOfHousehold,
  householdAddress,
  markOpened,
  pinnedDefinition,
  saveDraftAnswers,
  type InvitationRow,
} from './repository';
import type { AnswerView, ResponseReceipt } from '@manyi/contracts/responses';

const problem = (status: number, code: keyof typeof responseMessages) => new HttpProblem(status, code, responseMessages[code]);

/** Campaign dates decide with the status: a campaign past its closing time is closed even before the sweep marks it. */
function campaignState(campaign: { status: string; opensAt: Date | null; closesAt: Date | null }, now: Date): 'open' | 'not_open' | 'closed' {
  if (campaign.status === 'closed' || (campaign.closesAt && campaign.closesAt <= now)) return 'closed';
  if (campaign.status !== 'open' || (campaign.opensAt && campaign.opensAt > now)) return 'not_open';
  return 'open';
}

/**
 * The owner's link, with the reason it cannot be answered as a problem of its own, so the page
 * can show a screen for each: unknown (404), not yet open (409), closed or expired (410), already
 * answered (410, code answer_completed).
 */
async function answerableInvitation(context: PublicContext, token: string): Promise<InvitationRow> {
  return answerable(context, await findInvitationByDigest(context.db, tokenDigest(token)));
}

function answerable(context: PublicContext, row: InvitationRow | undefined): InvitationRow {
  if (!row) throw problem(404, 'answer_link_unknown');
  if (row.response?.status === 'complete' || row.invitation.status === 'completed') throw problem(410, 'answer_completed');
  const state = campaignState(row.campaign, context.clock.now());
  if (state === 'closed' || row.invitation.status === 'expired') throw problem(410, 'answer_closed');
  if (state === 'not_open') throw problem(409, 'answer_not_open');
  return row;
}

async function definitionOf(context: PublicContext, row: { invitation: { tenantId: string }; campaign: { surveyId: string; surveyVersion: number } }) {
  const definition = await pinnedDefinition(context.db, row.invitation.tenantId, row.campaign.surveyId, row.campaign.surveyVersion);
  // A campaign always pins an existing version; a missing one is a broken campaign, not the owner's fault.
  if (!definition) throw new HttpProblem(500, 'internal');
  return definition;
}

/** Every problem of the answers at once, each with its question key as the field. */
function checked(definition: SurveyDefinition, answers: Record<string, unknown>, complete: boolean): Answers {
  const check = checkAnswers(definition, answers as Answers, complete);
  if (check.issues.length > 0) {
    throw new HttpProblem(
      422,
      'validation',
      messages.validation,
      check.issues.map((issue) => ({ field: issue.questionKey, messages: answerIssueMessages[issue.code] })),
    );
  }
  return check.answers;
}

const responseTarget = (row: InvitationRow) => ({
  tenantId: row.invitation.tenantId,
  campaignId: row.invitation.campaignId,
  surveyVersion: row.campaign.surveyVersion,
  invitationId: row.invitation.id,
  projectId: row.invitation.projectId,
  buildingId: row.invitation.buildingId,
  householdId: row.invitation.householdId,
});

export async function openAnswerLink(context: PublicContext, token: string): Promise<AnswerView> {
  const row = await answerableInvitation(context, token);
  const [definition, address] = await Promise.all([
    definitionOf(context, row),
    householdAddress(context.db, row.invitation.tenantId, row.invitation.householdId),
  ]);
  await markOpened(context.db, row.invitation, context.clock.now());
  const saved = row.response?.status === 'partial' ? row.response : null;
  return {
    campaign: { name: row.campaign.name, closesAt: row.campaign.closesAt?.toISOString() ?? null },
    definition,
    household: { label: address ? householdLabel(address.buildingName, address.unitName, address.room) : '', projectName: address?.projectName ?? '' },
    answers: (saved?.answers as Answers | undefined) ?? {},
    status: saved ? 'partial' : 'opened',
    savedAt: saved?.updatedAt?.toISOString() ?? null,
  };
}

export async function saveDraft(context: PublicContext, token: string, answers: Record<string, unknown>): Promise<{ savedAt: string }> {
  const row = await answerableInvitation(context, token);
  const kept = checked(await definitionOf(context, row), answers, false);
  const savedAt = await saveDraftAnswers(context.db, responseTarget(row), kept, context.clock.now());
  if (!savedAt) throw problem(410, 'answer_completed');
  return { savedAt: savedAt.toISOString() };
}

/** Quotas (issue 4 §3) cost queries, so they are counted only for a campaign that has any. */
async function requireQuotaOpen(
  context: PublicContext,
  target: { tenantId: string; campaignId: string; projectId: string; buildingId: string | null },
  quotas: unknown,
): Promise<void> {
  if (!Array.isArray(quotas) || quotas.length === 0) return;
  if (!(await quotaOpen(context.db, target.tenantId, target.campaignId, target.projectId, target.buildingId))) throw quotaFull();
}

/**
 * The owner's submission: the link must still be answerable, the answers complete, the quota open.
 * One statement completes the response, marks the invitation and queues the response for the
 * background readers. A retry with the same Idempotency-Key gets the first receipt from the
 * idempotency plugin without coming here; two submissions racing without a key meet on the
 * household's unique response, and the second is told the link was answered (410).
 */
export async function submitAnswers(
  context: PublicContext,
  token: string,
  input: { answers: Record<string, unknown>; startedAt?: string | undefined },
): Promise<ResponseReceipt> {
  const row = await answerableInvitation(context, token);
  const kept = checked(await definitionOf(context, row), input.answers, true);
  const target = responseTarget(row);
  await requireQuotaOpen(context, target, row.campaign.quotas);
  const now = context.clock.now();
  const startedAt = input.startedAt ? new Date(Math.min(Date.parse(input.startedAt), now.getTime())) : now;
  const saved = await completeResponse(context.db, target, { answers: kept, source: 'h5', enteredById: null, startedAt, submittedAt: now });
  if (!saved) throw problem(410, 'answer_completed');
  return { responseId: saved.id, submittedAt: saved.submittedAt.toISOString(), source: 'h5' };
}

/**
 * A paper questionnaire typed in by staff (issue 4 §3): the household must be one the campaign
 * invited, the same answer checks apply, and the household still answers only once, on paper or
 * on the phone. The row is flagged source 'paper' with the clerk as enteredById.
 */
export async function enterPaperResponse(
  context: Context,
  campaignId: string,
  input: { householdId: string; answers: Record<string, unknown> },
): Promise<ResponseReceipt> {
  requirePermission(context.principal, 'survey.paper_entry');
  const tenantId = context.principal.tenantId;
  const campaign = await findCampaign(context.db, tenantId, campaignId);
  if (!campaign) throw problem(404, 'campaign_unknown');
  const invitation = await findInvitationOfHousehold(context.db, tenantId, campaignId, input.householdId);
  if (!invitation)
    throw new HttpProblem(422, 'validation', messages.validation, [{ field: 'householdId', messages: responseMessages.household_not_in_campaign }]);
  requireProjectScope(context.principal, invitation.projectId);
  const state = campaignState(campaign, context.clock.now());
  if (state !== 'open') throw problem(state === 'closed' ? 410 : 409, state === 'closed' ? 'answer_closed' : 'answer_not_open');
  const definition = await pinnedDefinition(context.db, tenantId, campaign.surveyId, campaign.surveyVersion);
  if (!definition) throw new HttpProblem(500, 'internal');
  const kept = checked(definition, input.answers, true);
  const target = {
    tenantId,
    campaignId,
    surveyVersion: campaign.surveyVersion,
    invitationId: invitation.id,
    projectId: invitation.projectId,
    buildingId: invitation.buildingId,
    householdId: invitation.householdId,
  };
  await requireQuotaOpen(context, target, campaign.quotas);
  const now = context.clock.now();
  return context.db.transaction(async (tx) => {
    const saved = await completeResponse(tx, target, {
      answers: kept,
      source: 'paper',
      enteredById: context.principal.staffId,
      startedAt: now,
      submittedAt: now,
    });
    if (!saved) throw problem(409, 'answer_completed');
    await recordAudit(tx, context, {
      action: 'create',
      entityType: 'survey_response',
      entityId: saved.id,
      summary: `录入纸质问卷:${campaign.name}`,
      after: { campaignId, householdId: invitation.householdId, source: 'paper' },
    });
    return { responseId: saved.id, submittedAt: saved.submittedAt.toISOString(), source: 'paper' as const };
  });
}
