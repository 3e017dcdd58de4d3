/**
 * What a complaint handler must write down before a complaint may be resolved. Seed 001 (第三讲
 * 服务有法、投诉化解) teaches the CLEAR method (Control 控制情绪, Listen 聆听诉说, Establish 同理链接,
 * Apologize 表达歉意, Resolve 提出方案) and service recovery (服务补救) in two halves: emotional
 * recovery (情感补救: act fast, keep talking, treat fairly, build the relationship) and problem
 * recovery (问题补救: track the complaint, learn the lesson, prevent a repeat). Making the records
 * a gate on resolution turns the training into a habit the quality department can audit.
 */
import { type Label } from '../organisation/vocabulary';
import { vocabulary } from '../organisation/vocabulary';

export const clearSteps = vocabulary({
  control: { 'zh-CN': '控制情绪', 'en-US': 'Control emotions' },
  listen: { 'zh-CN': '聆听诉说', 'en-US': 'Listen' },
  establish: { 'zh-CN': '同理链接', 'en-US': 'Establish empathy' },
  apologize: { 'zh-CN': '表达歉意', 'en-US': 'Apologise' },
  resolve: { 'zh-CN': '提出方案', 'en-US': 'Resolve: plan and promised time' },
});
export type ClearStep = (typeof clearSteps.values)[number];

export type ClearRecord = {
  /** How the handler kept calm and let the owner's emotion settle before discussing facts. */
  controlNote: string | null;
  /** The owner's account in a few sentences, as confirmed back to the owner. */
  listenSummary: string | null;
  /** The sentence of empathy actually said to the owner. */
  empathyStatement: string | null;
  apology: string | null;
  resolvePlan: string | null;
  /** A promise without a time cannot be kept or checked (seed 001: 承诺兑现). */
  promisedAt: Date | null;
};

export const recoveryParts = vocabulary({
  emotional: { 'zh-CN': '情感补救', 'en-US': 'Emotional recovery' },
  problem: { 'zh-CN': '问题补救', 'en-US': 'Problem recovery' },
});
export type RecoveryPart = (typeof recoveryParts.values)[number];

export type RecoveryRecord = {
  /** What was done for the owner as a person: a visit, a call, a gesture, fair treatment. */
  emotionalRecovery: string | null;
  /** Root cause fixed and the lesson that prevents a repeat (吸取教训, 避免再次失误). */
  problemRecovery: string | null;
};

function isBlank(text: string | null | undefined): boolean {
  return !text || text.trim().length === 0;
}

/** The CLEAR steps still missing; an empty list means the record is complete. */
export function missingClearSteps(record: ClearRecord | null | undefined): ClearStep[] {
  if (!record) return [...clearSteps.values];
  const missing: ClearStep[] = [];
  if (isBlank(record.controlNote)) missing.push('control');
  if (isBlank(record.listenSummary)) missing.push('listen');
  if (isBlank(record.empathyStatement)) missing.push('establish');
  if (isBlank(record.apology)) missing.push('apologize');
  if (isBlank(record.resolvePlan) || !record.promisedAt || Number.isNaN(record.promisedAt.getTime())) missing.push('resolve');
  return missing;
}

export function missingRecoveryParts(record: RecoveryRecord | null | undefined): RecoveryPart[] {
  const missing: RecoveryPart[] = [];
  if (isBlank(record?.emotionalRecovery)) missing.push('emotional');
  if (isBlank(record?.problemRecovery)) missing.push('problem');
  return missing;
}

/** '聆听诉说、表达歉意' / 'Listen, Apologise': the list a refusal message shows. */
export function listLabels<T extends string>(values: readonly T[], labels: Record<T, Label>): Label {
  return {
    'zh-CN': values.map((value) => labels[value]['zh-CN']).join('、'),
    'en-US': values.map((value) => labels[value]['en-US']).join(', '),
  };
}
