import { surveyDefinitionSchema } from '@manyi/core';
import { z } from 'zod';

export const answerTokenParams = z.object({ token: z.string().trim().min(20).max(100) });
export const campaignParams = z.object({ campaignId: z.uuid() });

/**
 * Answers are checked against the pinned questionnaire by checkAnswers (@manyi/core), which knows
 * each question's shape; zod only bounds the envelope, so every problem comes back with its question key.
 */
const answersField = z.record(z.string().min(1).max(100), z.unknown()).refine((answers) => Object.keys(answers).length <= 200, { error: 'too_many_answers' });

export const draftBody = z.object({ answers: answersField });
export const submitBody = z.object({
  answers: answersField,
  /** When the owner first answered on the phone, for the time-to-complete figure; the server's clock when absent. */
  startedAt: z.iso.datetime({ offset: true }).optional(),
});
export const paperResponseBody = z.object({ householdId: z.uuid(), answers: answersField });

export const answerStatus = z.enum(['invited', 'opened', 'partial']);

export const answerView = z.object({
  campaign: z.object({ name: z.string(), closesAt: z.iso.datetime().nullable() }),
  definition: surveyDefinitionSchema,
  household: z.object({ label: z.string(), projectName: z.string() }),
  answers: z.record(z.string(), z.unknown()),
  status: answerStatus,
  savedAt: z.iso.datetime().nullable(),
});
export type AnswerView = z.infer<typeof answerView>;

export const draftSaved = z.object({ savedAt: z.iso.datetime() });
export const responseReceipt = z.object({ responseId: z.uuid(), submittedAt: z.iso.datetime(), source: z.enum(['h5', 'paper']) });
export type ResponseReceipt = z.infer<typeof responseReceipt>;

export const posterParams = z.object({ token: z.string().trim().min(20).max(100) });
/** A building poster: which company the owner signs in with before answering. */
export const posterView = z.object({ tenantCode: z.string(), tenantName: z.string(), campaignName: z.string() });
export const posterClaim = z.object({ answerToken: z.string(), householdLabel: z.string() });
