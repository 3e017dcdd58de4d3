import { z } from 'zod';

export const delightBody = z.object({
  projectId: z.uuid(),
  staffId: z.uuid(),
  description: z.string().trim().min(1).max(1000),
  personId: z.uuid().nullable().default(null),
  householdId: z.uuid().nullable().default(null),
  journeyId: z.uuid().nullable().default(null),
  touchpointId: z.string().trim().max(40).nullable().default(null),
  occurredAt: z.coerce.date().optional(),
});

/** An owner's praise ticket becomes a moment for the staff member the praise was about. */
export const delightFromPraiseBody = z.object({ ticketId: z.uuid(), staffId: z.uuid(), description: z.string().trim().max(1000).optional() });

export const rewardBody = z.object({ points: z.number().int().min(1).max(20), note: z.string().trim().max(300).default('') });

export const delightQuery = z.object({ projectId: z.uuid().optional(), staffId: z.uuid().optional(), rewarded: z.enum(['yes', 'no']).optional() });

export const delightMoment = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  staffId: z.uuid(),
  staffName: z.string(),
  recordedByName: z.string(),
  personId: z.uuid().nullable(),
  householdId: z.uuid().nullable(),
  journeyId: z.uuid().nullable(),
  touchpointId: z.string().nullable(),
  description: z.string(),
  source: z.enum(['staff', 'praise_ticket']),
  ticketId: z.uuid().nullable(),
  ticketNumber: z.string().nullable(),
  occurredAt: z.date(),
  rewardPoints: z.number().int().nullable(),
  rewardNote: z.string().nullable(),
  rewardedAt: z.date().nullable(),
});

export const praiseCandidate = z.object({
  ticketId: z.uuid(),
  number: z.string(),
  projectId: z.uuid(),
  title: z.string(),
  description: z.string(),
  reportedAt: z.date(),
});
