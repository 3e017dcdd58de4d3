import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max).nullable().optional();

/** Any subset of the CLEAR steps: the handler saves each step as the conversation goes. */
export const clearBody = z.object({
  controlNote: text(2000),
  listenSummary: text(4000),
  empathyStatement: text(2000),
  apology: text(2000),
  resolvePlan: text(4000),
  promisedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});

export const recoveryBody = z.object({
  emotionalRecovery: text(4000),
  problemRecovery: text(4000),
  compensation: text(2000),
  lessonLearned: text(4000),
});
