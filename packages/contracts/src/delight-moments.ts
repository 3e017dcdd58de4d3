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

/**
 * A manager rewards a moment with points; the touchpoint it happened at may be named here (an owner's praise
 * arrives without one). The points stay on delight_moments.reward_points for the scorecards (docs/scores-inputs.md).
 */
export const rewardBody = z
  .object({
    points: z.number().int().min(1).max(20),
    note: z.string().trim().max(300).default(''),
    journeyId: z.uuid().optional(),
    touchpointId: z.string().trim().min(1).max(40).optional(),
  })
  .refine((body) => (body.journeyId === undefined) === (body.touchpointId === undefined), {
    path: ['touchpointId'],
    message: 'touchpoint_needs_journey',
  });

export const delightQuery = z.object({ projectId: z.uuid().optional(), staffId: z.uuid().optional(), rewarded: z.enum(['yes', 'no']).optional() });

export const delightMoment = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  staffId: z.uuid(),
  staffName: z.string(),
  /** Null when the owner's praise on the phone recorded it. */
  recordedByName: z.string().nullable(),
  personName: z.string().nullable(),
  personId: z.uuid().nullable(),
  householdId: z.uuid().nullable(),
  journeyId: z.uuid().nullable(),
  touchpointId: z.string().nullable(),
  description: z.string(),
  source: z.enum(['staff', 'praise_ticket', 'owner_praise']),
  ticketId: z.uuid().nullable(),
  praiseId: z.uuid().nullable(),
  ticketNumber: z.string().nullable(),
  occurredAt: z.date(),
  rewardPoints: z.number().int().nullable(),
  rewardNote: z.string().nullable(),
  rewardedAt: z.date().nullable(),
  rewardedByName: z.string().nullable(),
});

export const praiseCandidate = z.object({
  ticketId: z.uuid(),
  number: z.string(),
  projectId: z.uuid(),
  title: z.string(),
  description: z.string(),
  reportedAt: z.date(),
});
