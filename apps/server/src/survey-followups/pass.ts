/**
 * The closed loop of issue 4 §7, as a background pass over complete responses not yet read —
 * whatever their source (owner H5, paper entered by staff, file import) — so that the owner's
 * submit stays one fast insert. Every detractor (NPS 0–6) and every 不满意/非常不满意 answer from a
 * known household opens ONE recovery ticket for the response, linked in survey_followups with the
 * reasons. Idempotent: the response is marked read in the same transaction that writes its
 * follow-up, the follow-up is unique per response, and claims skip what another instance holds.
 *
 * Why a complaint: seed 001 (第一讲 "预见投诉贬损点,贯彻服务补救策略", 第三讲 服务补救:快速行动、
 * 及时沟通 … 跟踪抱怨) treats a dissatisfied owner as a complaint that was not voiced yet. Filing it as
 * a complaint (individual scope) puts it through the desk's complaint handling — CLEAR steps and a
 * recovery record before it may be resolved, a return visit, closure only when the owner confirms
 * (seed 003 闭环) — with its own clock from the 'survey_followup' SLA policy (channel 'survey').
 */
import { defaultSlaPolicies, householdLabel, type Answers } from '@manyi/core';
import type { FastifyBaseLogger } from 'fastify';
import type { Dependencies } from '../http/context';
import { receiveTicket } from '../receipts/receive';
import type { Actor } from '../tickets/events';
import { describeLowAnswer, followupTitle, lowAnswers, ownerWords, type LowAnswer } from './detect';
import { claimQueued, dequeue, type QueuedResponse } from '../responses/queue';
import { campaignDefinition, followupExists, followupHousehold, insertFollowup, type CampaignDefinition } from './repository';
import type { Executor } from '@manyi/db';

export type FollowupPassOptions = {
  /** Only these companies (tests); default every company. */
  tenantIds?: readonly string[];
  batchSize?: number;
};

export type FollowupPassResult = { checked: number; opened: number };

const minuteMs = 60_000;
/** A follow-up without a ticket (nobody on file to call) is due when a ticket would have been. */
const surveyResolutionMinutes = defaultSlaPolicies.find((policy) => policy.code === 'survey_followup')?.targets.resolution?.minutes ?? 3 * 24 * 60;

export type FollowupRuntime = Dependencies & { log: FastifyBaseLogger };
type Runtime = FollowupRuntime;

const systemReceiver: Actor = { kind: 'system', id: null, name: '系统' };

/** The recovery ticket's description: the items rated low, then what the owner wrote, then what to do. */
function describe(campaign: CampaignDefinition, label: string, lows: readonly LowAnswer[], source: string, words: readonly string[]): string {
  const sourceName = source === 'paper' ? '纸质问卷' : source === 'import' ? '导入问卷' : '业主线上问卷';
  return [
    `${campaign.name}（${sourceName}）中 ${label} 的以下回答需服务补救：`,
    ...lows.map((low) => `· ${describeLowAnswer(low)}`),
    ...(words.length > 0 ? ['业主原话：', ...words.map((text) => `· ${text}`)] : []),
    '请24小时内联系业主了解原因、致歉并提出补救方案（CLEAR），处理后回访确认。',
  ].join('\n');
}

/** Reads one response; opens its follow-up if it has low answers from a known household. Returns whether it opened one. */
async function followUp(tx: Executor, runtime: Runtime, response: QueuedResponse, campaign: CampaignDefinition): Promise<boolean> {
  if (!response.householdId) return false;
  const lows = lowAnswers(campaign.definition, response.answers as Answers);
  if (lows.length === 0) return false;
  // A response read again (its mark cleared by hand) must not open a second ticket.
  if (await followupExists(tx, response.tenantId, response.id)) return false;
  const household = await followupHousehold(tx, response.tenantId, response.householdId);
  if (!household) return false;
  const now = runtime.clock.now();
  const reasons = lows.map(({ questionKey, item, value, reason, label }) => ({ questionKey, item, value, reason, label }));
  const base = { tenantId: response.tenantId, campaignId: response.campaignId, responseId: response.id, householdId: household.id, reasons, createdAt: now };
  if (!household.contact) {
    // Nobody on file to call: the follow-up waits in the list as a task until someone finds the owner.
    return insertFollowup(tx, { ...base, ticketId: null, dueAt: new Date(now.getTime() + surveyResolutionMinutes * minuteMs) });
  }
  const contact = household.contact;
  const label = householdLabel(household.buildingName, household.unitName, household.room);
  // Received by 系统: the server opened it from the owner's answers; the owner is its reporter.
  const { ticket } = await receiveTicket(
    {
      db: tx,
      clock: runtime.clock,
      tenantId: response.tenantId,
      receiver: systemReceiver,
      requestId: `survey-followup:${response.id}`,
      ip: '',
    },
    {
      projectId: household.projectId,
      type: 'complaint',
      channel: 'survey',
      priority: 'normal',
      categoryCode: null,
      complaintScope: 'individual',
      title: followupTitle(campaign.name, lows),
      description: describe(campaign, label, lows, response.source, ownerWords(campaign.definition, response.answers as Answers)),
      location: label,
      householdId: household.id,
      reporterPersonId: contact.id,
    },
  );
  const linked = await insertFollowup(tx, {
    ...base,
    ticketId: ticket.id,
    dueAt: ticket.resolutionDueAt ?? new Date(now.getTime() + surveyResolutionMinutes * minuteMs),
  });
  if (!linked) throw new Error(`survey response ${response.id} already has a follow-up`); // rolls the ticket back with the savepoint
  return true;
}

/**
 * Runs batches until nothing is left. Each response runs in its own savepoint: one that fails
 * (logged) stays unread and is tried again next time, without holding back the rest.
 */
export async function runFollowupPass(runtime: Runtime, options: FollowupPassOptions = {}): Promise<FollowupPassResult> {
  const batchSize = options.batchSize ?? 100;
  const result: FollowupPassResult = { checked: 0, opened: 0 };
  for (;;) {
    const batch = await runtime.db.transaction(async (tx) => {
      const claimed = await claimQueued(tx, 'followups', batchSize, { tenantIds: options.tenantIds });
      const definitions = new Map<string, CampaignDefinition | undefined>();
      const done: QueuedResponse[] = [];
      let opened = 0;
      for (const response of claimed) {
        const key = `${response.campaignId}:${response.surveyVersion}`;
        if (!definitions.has(key)) definitions.set(key, await campaignDefinition(tx, response.tenantId, response.campaignId, response.surveyVersion));
        const campaign = definitions.get(key);
        try {
          if (campaign && (await tx.transaction((savepoint) => followUp(savepoint, runtime, response, campaign)))) opened += 1;
          done.push(response);
        } catch (error) {
          runtime.log.error({ err: error, responseId: response.id }, 'survey follow-up failed');
        }
      }
      await dequeue(tx, 'followups', done);
      return { claimed: claimed.length, checked: done.length, opened };
    });
    result.checked += batch.checked;
    result.opened += batch.opened;
    if (batch.claimed < batchSize || batch.checked === 0) return result;
  }
}
