/**
 * Action plans, ORID reviews and the 5-3-1 wrap-up (issue 18 §5). Seed 001 第四讲:
 * "团队共创：写出关键行动，用ORID总结 / 行动计划：行动策略自发认领 / 城镇会议：组员展示并介绍";
 * "课程5-3-1总结：1、印象深刻的5个收获点 2、落地应用的3个工具 3、立刻执行的1个行动计划".
 */
import { higherIsBetter, type TargetMetric } from './targets';

export const actionStatuses = ['open', 'claimed', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
/** What people see: the stored status, or overdue when the due day has passed and the action is not done. */
export const actionStates = ['open', 'claimed', 'done', 'overdue'] as const;
export type ActionState = (typeof actionStates)[number];

/** `today` and `dueOn` are calendar days (YYYY-MM-DD, Shanghai); an action is due at the end of its day. */
export function actionState(status: ActionStatus, dueOn: string, today: string): ActionState {
  if (status === 'done') return 'done';
  return dueOn < today ? 'overdue' : status;
}

export type ActionMove = 'claim' | 'complete';
/**
 * Who may move an action, and from where: 自发认领 — anyone in the project claims an action nobody holds;
 * only its owner completes it, so an action can never be done without an owner. A refusal names why.
 */
export function actionMoveProblem(
  move: ActionMove,
  action: { status: ActionStatus; ownerId: string | null },
  actorId: string,
): 'already_claimed' | 'already_done' | 'no_owner' | 'not_owner' | null {
  if (action.status === 'done') return 'already_done';
  if (move === 'claim') return action.ownerId === null ? null : 'already_claimed';
  if (action.ownerId === null) return 'no_owner';
  return action.ownerId === actorId ? null : 'not_owner';
}

/** The action's effect: the metric after minus before, and whether that is the good direction for the metric. */
export function actionEffect(metric: TargetMetric | null, before: number | null, after: number | null): { change: number; improved: boolean } | null {
  if (metric === null || before === null || after === null) return null;
  const change = Math.round((after - before) * 100) / 100;
  return { change, improved: change !== 0 && (higherIsBetter(metric) ? change > 0 : change < 0) };
}

/** ORID (焦点呈现法): Objective facts, Reflective feelings, Interpretive meaning, Decisional next steps. */
export type OridNotes = { objective: string; reflective: string; interpretive: string; decisional: string };
export const oridLevels = ['objective', 'reflective', 'interpretive', 'decisional'] as const;
export const emptyOrid: OridNotes = { objective: '', reflective: '', interpretive: '', decisional: '' };

/** The levels still empty; a review is complete when it ends in a decision and rests on the facts before it. */
export function oridMissing(notes: OridNotes): (typeof oridLevels)[number][] {
  return oridLevels.filter((level) => notes[level].trim() === '');
}

/** The 5-3-1 wrap-up: five take-aways, three tools to apply, one action to do at once. */
export type WrapUp = { takeaways: string[]; tools: string[]; action: string };
export const emptyWrapUp: WrapUp = { takeaways: [], tools: [], action: '' };
export const wrapUpShape = { takeaways: 5, tools: 3, action: 1 } as const;

/** Where a wrap-up departs from 5-3-1: each list must hold exactly its count of non-empty, distinct entries. */
export function wrapUpProblems(wrapUp: WrapUp): { field: 'takeaways' | 'tools' | 'action'; expected: number; got: number }[] {
  const problems: { field: 'takeaways' | 'tools' | 'action'; expected: number; got: number }[] = [];
  for (const field of ['takeaways', 'tools'] as const) {
    const entries = new Set(wrapUp[field].map((entry) => entry.trim()).filter((entry) => entry !== ''));
    if (entries.size !== wrapUpShape[field] || wrapUp[field].length !== wrapUpShape[field])
      problems.push({ field, expected: wrapUpShape[field], got: entries.size });
  }
  if (wrapUp.action.trim() === '') problems.push({ field: 'action', expected: 1, got: 0 });
  return problems;
}

/** A team's plan at the town hall: its actions by state and the share done. */
export function teamProgress(states: readonly ActionState[]): { total: number; done: number; overdue: number; share: number | null } {
  const done = states.filter((state) => state === 'done').length;
  const overdue = states.filter((state) => state === 'overdue').length;
  return { total: states.length, done, overdue, share: states.length === 0 ? null : Math.round((done / states.length) * 100) / 100 };
}

/** The gap key the 5-GAP workspace gives a gap: project, period (YYYY-Qn or YYYY-MM) and gap number 1–5. */
export const gapKeyPattern = /^[0-9a-f-]{36}:\d{4}-(Q[1-4]|\d{2}):[1-5]$/;
