import { actionStates, gapKeyPattern, staffPosts, targetMetrics } from '@manyi/core';
import { z } from 'zod';

/** Action plans (issue 18 §5): key actions co-created by the team (团队共创), claimed by whoever takes them on (自发认领). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const actionCreate = z.object({
  projectId: z.uuid(),
  /** The team (post) whose plan this belongs to; null for the whole project. */
  post: z.enum(staffPosts.values).nullable().optional(),
  title: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).optional(),
  /** The 5-GAP workspace's gap: `${projectId}:${period}:${gapNumber}` (period 2026-Q4 or 2026-11, gap 1–5). */
  gapKey: z.string().regex(gapKeyPattern).nullable().optional(),
  targetId: z.uuid().nullable().optional(),
  dueOn: day,
});

export const actionComplete = z.object({ evidence: z.string().trim().min(1).max(2000) });
export const actionQuery = z.object({
  projectId: z.uuid().optional(),
  state: z.enum(actionStates).optional(),
  targetId: z.uuid().optional(),
  mine: z.enum(['yes']).optional(),
});
export const actionPhotoParams = z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(20) });

export const actionRecord = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  post: z.enum(staffPosts.values).nullable(),
  title: z.string(),
  description: z.string(),
  gapKey: z.string().nullable(),
  targetId: z.uuid().nullable(),
  targetLabel: z.string().nullable(),
  metric: z.enum(targetMetrics).nullable(),
  status: z.enum(['open', 'claimed', 'done']),
  /** The status with overdue read from the due day. */
  state: z.enum(actionStates),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  claimedAt: z.date().nullable(),
  dueOn: z.string(),
  doneAt: z.date().nullable(),
  evidence: z.string(),
  photoCount: z.number().int(),
  /** The linked target's live value when the action was set, when it was done, and the change (improved in the metric's direction). */
  metricBefore: z.number().nullable(),
  metricAfter: z.number().nullable(),
  effect: z.object({ change: z.number(), improved: z.boolean() }).nullable(),
  createdAt: z.date(),
});
