import { staffPosts, ticketStatuses } from '@manyi/core';
import { z } from 'zod';

export const dispatchModes = ['assign', 'round_robin', 'grab'] as const;

export const ruleQuery = z.object({ projectId: z.uuid().optional() });

/** One rule per project and post; PUT replaces it. */
export const ruleBody = z.object({
  projectId: z.uuid(),
  post: z.enum(staffPosts.values),
  mode: z.enum(dispatchModes),
  defaultAssigneeId: z.uuid().nullable().optional(),
  memberIds: z.array(z.uuid()).max(100).default([]),
});

const staffRef = z.object({ id: z.uuid(), name: z.string() });

export const rule = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  post: z.enum(staffPosts.values),
  mode: z.enum(dispatchModes),
  defaultAssignee: staffRef.nullable(),
  members: z.array(staffRef),
});

export const workloadQuery = z.object({ projectId: z.uuid().optional() });
export const workload = z.object({
  items: z.array(
    z.object({
      staffId: z.uuid(),
      name: z.string(),
      post: z.string().nullable(),
      total: z.number(),
      byStatus: z.partialRecord(z.enum(ticketStatuses.values), z.number()),
    }),
  ),
});
