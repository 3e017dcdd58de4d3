import { staffPosts, targetMetrics } from '@manyi/core';
import { z } from 'zod';

/** SMART targets (issue 18 §3): metric, scope, period, value; decomposition; the public commitment (当众承诺). */
export const targetScopes = ['company', 'region', 'project', 'team', 'person'] as const;
export const decompositionBases = ['households', 'sample', 'weights'] as const;
const day = z.coerce.date();

const scope = {
  scopeKind: z.enum(targetScopes),
  regionId: z.uuid().nullable().optional(),
  projectId: z.uuid().nullable().optional(),
  post: z.enum(staffPosts.values).nullable().optional(),
  staffId: z.uuid().nullable().optional(),
};

export const targetCreate = z.object({
  metric: z.enum(targetMetrics),
  ...scope,
  periodStart: day,
  periodEnd: day,
  /** Rates and indices in percent (0–100), NPS in points, complaints per 1,000 households. */
  value: z.number().finite(),
  baseline: z.number().finite().nullable().optional(),
});

export const targetChild = z.object({ ...scope, value: z.number().finite(), weight: z.number().positive().optional() });
export const targetDecompose = z.object({
  /** What the children are averaged over: household counts, sample sizes or weights given here. */
  basis: z.enum(decompositionBases),
  children: z.array(targetChild).min(1).max(50),
});
export const targetCommit = z.object({ statement: z.string().trim().min(1).max(500) });
export const targetQuery = z.object({ projectId: z.uuid().optional() });

export const smartCriterion = z.object({
  criterion: z.enum(['specific', 'measurable', 'achievable', 'relevant', 'time_bound']),
  passed: z.boolean(),
  code: z.string(),
});

export const targetRecord = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  metric: z.enum(targetMetrics),
  scopeKind: z.enum(targetScopes),
  scopeName: z.string(),
  regionId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  post: z.enum(staffPosts.values).nullable(),
  staffId: z.uuid().nullable(),
  periodStart: z.date(),
  periodEnd: z.date(),
  value: z.number(),
  baseline: z.number().nullable(),
  basis: z.enum(decompositionBases).nullable(),
  weight: z.number().nullable(),
  /** Live value from the data (analytics rollups, inspections); null where no figure exists yet for the scope. */
  actual: z.number().nullable(),
  progress: z.number().nullable(),
  onTrack: z.boolean().nullable(),
  smart: z.array(smartCriterion),
  commitment: z.string(),
  committedAt: z.date().nullable(),
  committedByName: z.string().nullable(),
  createdAt: z.date(),
});
