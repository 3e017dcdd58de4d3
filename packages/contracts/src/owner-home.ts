import { z } from 'zod';

/** The owner's phone home (issue 15 §5): their steward, their survey invitations, praise. */
export const ownerSteward = z.object({
  id: z.uuid(),
  name: z.string(),
  phone: z.string().nullable(),
  /** e.g. 周一至周六 8:30–17:30; empty when the company has not said. */
  workingHours: z.string(),
  /** GET it with the owner's session; null without a photo. */
  photoUrl: z.string().nullable(),
  /** The households of mine this steward looks after (1栋1单元101). */
  households: z.array(z.string()),
});
export const ownerStewards = z.object({ items: z.array(ownerSteward) });
export const stewardParams = z.object({ id: z.uuid() });

export const invitationStatuses = ['invited', 'opened', 'partial', 'completed', 'expired'] as const;
export const ownerSurvey = z.object({
  invitationId: z.uuid(),
  campaignName: z.string(),
  householdLabel: z.string(),
  status: z.enum(invitationStatuses),
  closesAt: z.date().nullable(),
  /** Open campaigns not yet answered can be answered from the home. */
  canAnswer: z.boolean(),
});
export const ownerSurveys = z.object({ items: z.array(ownerSurvey) });
export const invitationParams = z.object({ invitationId: z.uuid() });
/** A fresh answer link (/s/<token>): only digests are kept, so opening from the home issues a new one. */
export const ownerSurveyLink = z.object({ answerToken: z.string() });

export const praiseBody = z.object({
  staffId: z.uuid(),
  text: z.string().trim().min(2).max(500),
});
export const praise = z.object({ id: z.uuid(), staffId: z.uuid(), staffName: z.string(), text: z.string(), createdAt: z.date() });
