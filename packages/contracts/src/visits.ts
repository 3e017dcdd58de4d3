import { z } from 'zod';

export const csatField = z.number().int().min(1).max(5);
const moment = z.string().trim().max(200).nullable().optional();
/** How the owner rates the peak and the end themselves (1–5): their mean is the peak-end score beside the average (core peakEndFromAnswers). */
const momentRating = csatField.nullable().optional();

/**
 * 回访 by a staff member. A confirmed visit needs the owner's rating (CSAT 1–5); the peak and
 * the end are the two moments the peak-end rule says the owner remembers (seed 001 第三讲).
 */
export const visitBody = z
  .object({
    method: z.enum(['phone', 'visit']),
    outcome: z.enum(['confirmed', 'rejected', 'no_answer']),
    csat: csatField.nullable().optional(),
    peakMoment: moment,
    endMoment: moment,
    peakRating: momentRating,
    endRating: momentRating,
    comment: z.string().trim().max(2000).default(''),
  })
  .refine((visit) => visit.outcome !== 'confirmed' || (visit.csat !== null && visit.csat !== undefined), {
    path: ['csat'],
    error: 'required',
  });
export type VisitInput = z.infer<typeof visitBody>;

/** The owner confirms on the H5 page with a rating… */
export const ownerConfirmBody = z.object({
  csat: csatField,
  peakMoment: moment,
  endMoment: moment,
  peakRating: momentRating,
  endRating: momentRating,
  comment: z.string().trim().max(2000).default(''),
});
/** …or says the problem is not solved, with a reason that goes to the person who redoes the work. */
export const ownerRejectBody = z.object({ comment: z.string().trim().min(1).max(2000) });

const share = z.number().min(0).max(1);

/**
 * The company's return-visit policy (issue 3 §8): the share of resolved tickets of each kind that
 * owe a 回访, between 0 and 1. Complaints always owe one; the field is shown so the rule is visible.
 */
export const visitSettings = z.object({ complaintShare: share, repairShare: share, otherShare: share });
export type VisitSettings = z.infer<typeof visitSettings>;

/** complaintShare may be left out; anything below 1 is refused with its own message (settings.ts). */
export const visitSettingsBody = visitSettings.extend({ complaintShare: share.optional() });
export type VisitSettingsInput = z.infer<typeof visitSettingsBody>;
