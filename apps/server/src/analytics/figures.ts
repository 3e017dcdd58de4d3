/**
 * One definition of every home figure (issue 16 §1, §7), from the rollup rows of one key (a
 * region, project, building or the whole scope). The homes, the drill-down rows and the rankings
 * all build their figures here from the same rows, so they cannot disagree.
 *
 * - 满意率: answers 4–5 of the wave's overall satisfaction question ÷ its valid answers (未体验
 *   and skipped excluded) — satisfactionRateFromCounts, as the results page computes it.
 * - NPS: the wave's first NPS question, (promoters − detractors)/valid × 100, with the
 *   adjusted-Wald 95 % band (netPromoterScoreFromCounts).
 * - SLA compliance: tickets resolved in the month whose recorded targets were all met ÷ (those
 *   judged + open tickets overdue now); the overdue ones count as missed in the current month only,
 *   since a past month's open backlog is not known any more.
 * - Complaints per 1,000 households: complaints received in the month ÷ households × 1,000.
 * - Repeat-complaint rate: complaints flagged repeat at receipt (same household and category within
 *   30 days, receipts/checks.ts) ÷ complaints.
 * - 收缴率: received ÷ receivable of the month's fee entries.
 */
import { netPromoterScoreFromCounts, satisfactionRateFromCounts, type NpsCounts } from '@manyi/core';
import type { Figures } from '@manyi/contracts/analytics';
import type { AnswerCountRow, FeeRow, PlaceRow, TicketMonthRow } from './repository';

export type SurveyCounts = { satisfaction: Record<string, number>; nps: NpsCounts };

export type KeyRows = {
  tickets: TicketMonthRow | undefined;
  place: PlaceRow | undefined;
  survey: SurveyCounts | undefined;
  fee: FeeRow | undefined;
};

export const emptySurvey = (): SurveyCounts => ({ satisfaction: {}, nps: { promoters: 0, passives: 0, detractors: 0 } });

/** The headline questions of a wave: its overall satisfaction question and its first NPS question. */
export type WaveQuestions = { campaignId: string; satisfactionKey: string | null; npsKey: string | null };

/** Answer counts grouped by key into the two headline distributions. */
export function surveyByKey(rows: readonly AnswerCountRow[], wave: WaveQuestions): Map<string, SurveyCounts> {
  const byKey = new Map<string, SurveyCounts>();
  for (const row of rows) {
    if (row.campaignId !== wave.campaignId) continue;
    const counts = byKey.get(row.key) ?? byKey.set(row.key, emptySurvey()).get(row.key)!;
    if (row.questionKey === wave.satisfactionKey && row.value >= 1 && row.value <= 5) {
      counts.satisfaction[String(row.value)] = (counts.satisfaction[String(row.value)] ?? 0) + row.count;
    }
    if (row.questionKey === wave.npsKey) {
      if (row.value >= 9) counts.nps.promoters += row.count;
      else if (row.value >= 7) counts.nps.passives += row.count;
      else counts.nps.detractors += row.count;
    }
  }
  return byKey;
}

const ratio = (count: number, base: number) => (base === 0 ? null : count / base);

export function figuresOf(rows: KeyRows, currentMonth: boolean): Figures {
  const t = rows.tickets;
  const place = rows.place;
  const survey = rows.survey ?? emptySurvey();
  const satisfaction = satisfactionRateFromCounts(survey.satisfaction);
  const nps = netPromoterScoreFromCounts(survey.nps);
  const overdueNow = currentMonth ? (place?.overdue ?? 0) : 0;
  const judged = t?.slaJudged ?? 0;
  const met = t?.slaMet ?? 0;
  const complaints = t?.complaints ?? 0;
  const households = place?.households ?? 0;
  const receivable = rows.fee?.receivable ?? 0;
  const received = rows.fee?.received ?? 0;
  return {
    satisfaction: { count: satisfaction.satisfied, base: satisfaction.valid, rate: satisfaction.rate },
    nps: {
      ...survey.nps,
      score: nps.score,
      lower: nps.adjustedWald?.lower ?? null,
      upper: nps.adjustedWald?.upper ?? null,
    },
    sla: { met, judged, overdueNow, rate: ratio(met, judged + overdueNow) },
    complaints: { count: complaints, households, per1000: households === 0 ? null : (complaints / households) * 1000 },
    repeatComplaints: { count: t?.repeatComplaints ?? 0, base: complaints, rate: ratio(t?.repeatComplaints ?? 0, complaints) },
    referrals: t?.referrals ?? 0,
    received: t?.received ?? 0,
    visits: { count: t?.visitsSatisfied ?? 0, base: t?.visitsRated ?? 0, rate: ratio(t?.visitsSatisfied ?? 0, t?.visitsRated ?? 0) },
    feeCollection: { received, receivable, rate: receivable === 0 ? null : received / receivable },
    open: place?.open ?? 0,
    overdue: place?.overdue ?? 0,
    dueToday: place?.dueToday ?? 0,
  };
}

/** Rows of several keys added together (a scope's total from its children). */
export function sumRows(all: readonly KeyRows[]): KeyRows {
  const tickets: TicketMonthRow = {
    key: 'total',
    month: '',
    received: 0,
    complaints: 0,
    repeatComplaints: 0,
    referrals: 0,
    slaJudged: 0,
    slaMet: 0,
    visitsRated: 0,
    visitsSatisfied: 0,
  };
  const place: PlaceRow = { key: 'total', households: 0, open: 0, overdue: 0, dueToday: 0, openComplaints: 0 };
  const survey = emptySurvey();
  const fee: FeeRow = { key: 'total', receivable: 0, received: 0 };
  for (const rows of all) {
    if (rows.tickets) for (const field of ticketFields) tickets[field] += rows.tickets[field];
    if (rows.place) for (const field of placeFields) place[field] += rows.place[field];
    if (rows.survey) {
      for (const [value, count] of Object.entries(rows.survey.satisfaction)) survey.satisfaction[value] = (survey.satisfaction[value] ?? 0) + count;
      survey.nps.promoters += rows.survey.nps.promoters;
      survey.nps.passives += rows.survey.nps.passives;
      survey.nps.detractors += rows.survey.nps.detractors;
    }
    if (rows.fee) {
      fee.receivable += rows.fee.receivable;
      fee.received += rows.fee.received;
    }
  }
  return { tickets, place, survey, fee };
}

const ticketFields = ['received', 'complaints', 'repeatComplaints', 'referrals', 'slaJudged', 'slaMet', 'visitsRated', 'visitsSatisfied'] as const;
const placeFields = ['households', 'open', 'overdue', 'dueToday', 'openComplaints'] as const;
