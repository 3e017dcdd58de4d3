/**
 * Case library (案例金典, seed 002: 编制案例金典; issue 18 §6): a closed complaint becomes a case draft that a
 * person edits and publishes, so the weekly meeting and the training academy can learn from it. The draft
 * takes what the records already say — the owner's words, the CLEAR steps as the handler wrote them, the
 * service recovery, how the owner judged the result — and leaves cause and lesson for a person to write
 * where the records are silent.
 */
import type { DiscStyle } from '../organisation/vocabulary';
import { vocabulary } from '../organisation/vocabulary';

export const caseOutcomes = vocabulary({
  satisfied: { 'zh-CN': '业主满意', 'en-US': 'Owner satisfied' },
  accepted: { 'zh-CN': '业主接受', 'en-US': 'Owner accepted' },
  reopened: { 'zh-CN': '曾被退回重办', 'en-US': 'Reopened before closing' },
  unsatisfied: { 'zh-CN': '业主仍不满意', 'en-US': 'Owner still unsatisfied' },
});
export type CaseOutcome = (typeof caseOutcomes.values)[number];

export type CaseContent = {
  background: string;
  cause: string;
  ownerWords: string;
  clear: { control: string; listen: string; establish: string; apologize: string; resolve: string };
  recovery: string;
  result: string;
  lesson: string;
};

export type ClosedComplaint = {
  title: string;
  description: string;
  categoryName: string | null;
  householdLabel: string | null;
  reportedAt: Date;
  closedAt: Date | null;
  reopenCount: number;
  clear: {
    controlNote: string | null;
    listenSummary: string | null;
    empathyStatement: string | null;
    apology: string | null;
    resolvePlan: string | null;
  } | null;
  recovery: { emotionalRecovery: string | null; problemRecovery: string | null } | null;
  /** The last confirmed return visit's rating and comment. */
  visit: { csat: number | null; comment: string } | null;
  ownerStyle: DiscStyle | null;
};

/**
 * The outcome by how the owner judged it: reopened if the owner ever sent it back, else by the last
 * confirmed visit's rating (4–5 satisfied, 3 accepted, 1–2 unsatisfied; no rating: accepted).
 */
export function caseOutcome(complaint: Pick<ClosedComplaint, 'reopenCount' | 'visit'>): CaseOutcome {
  if (complaint.reopenCount > 0) return 'reopened';
  const csat = complaint.visit?.csat ?? null;
  if (csat === null || csat === 3) return 'accepted';
  return csat >= 4 ? 'satisfied' : 'unsatisfied';
}

const days = (from: Date, to: Date | null) => (to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 86_400_000)) : null);

export function draftCase(complaint: ClosedComplaint): { title: string; outcome: CaseOutcome; content: CaseContent } {
  const took = days(complaint.reportedAt, complaint.closedAt);
  const where = [complaint.householdLabel, complaint.categoryName].filter(Boolean).join('，');
  const outcome = caseOutcome(complaint);
  const rating = complaint.visit?.csat ? `回访满意度 ${complaint.visit.csat} 分` : '未评分';
  return {
    title: complaint.title,
    outcome,
    content: {
      background: `${where ? `${where}。` : ''}业主反映：${complaint.title}。`,
      cause: '',
      ownerWords: complaint.description,
      clear: {
        control: complaint.clear?.controlNote ?? '',
        listen: complaint.clear?.listenSummary ?? '',
        establish: complaint.clear?.empathyStatement ?? '',
        apologize: complaint.clear?.apology ?? '',
        resolve: complaint.clear?.resolvePlan ?? '',
      },
      recovery: [complaint.recovery?.emotionalRecovery, complaint.recovery?.problemRecovery].filter(Boolean).join('；'),
      result: `${took !== null ? `${took} 天办结，` : ''}${caseOutcomes.labels[outcome]['zh-CN']}（${rating}）${complaint.visit?.comment ? `：${complaint.visit.comment}` : ''}。`,
      lesson: '',
    },
  };
}
