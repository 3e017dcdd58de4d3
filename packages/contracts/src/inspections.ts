import { staffPosts } from '@manyi/core';
import { z } from 'zod';

/** Quality inspections (品质巡检, issue 18 §1): rounds on a phone, items pass/deduct with photos, rectifications and 复查. */
const post = z.enum(staffPosts.values);
const note = z.string().trim().max(500);

export const inspectionKinds = ['scheduled', 'ad_hoc'] as const;
export const inspectionStatuses = ['planned', 'in_progress', 'submitted'] as const;
export const rectificationStatuses = ['open', 'fixed', 'closed'] as const;

export const inspectionCreate = z.object({
  projectId: z.uuid(),
  post,
  kind: z.enum(inspectionKinds),
  /** A scheduled round's day; an ad-hoc round starts now. */
  scheduledFor: z.coerce.date().optional(),
  /** Who inspects; the caller when absent. */
  inspectorId: z.uuid().optional(),
  /** The indicator system the checklist comes from; the company's SERVQUAL system (else the built-in template) when absent. */
  indicatorSystemId: z.uuid().optional(),
});

export const inspectionStart = z.object({
  location: z.string().trim().max(200).default(''),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
});

export const inspectionItemPatch = z.object({
  result: z.enum(['pass', 'deduct']),
  deduction: z.number().min(0).max(100).default(0),
  bonus: z.number().min(0).max(20).default(0),
  note: note.default(''),
  responsibleStaffId: z.uuid().nullable().optional(),
});

export const inspectionSubmit = z.object({
  /** Days a failed item's rectification has, from submission (整改期限). */
  rectifyWithinDays: z.number().int().min(1).max(60).default(3),
});

export const inspectionQuery = z.object({
  projectId: z.uuid().optional(),
  status: z.enum(inspectionStatuses).optional(),
  mine: z.coerce.boolean().optional(),
});

export const inspectionItem = z.object({
  id: z.uuid(),
  position: z.number().int(),
  indicatorCode: z.string(),
  dimensionCode: z.string(),
  name: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  dimensionName: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  points: z.number(),
  result: z.enum(['pass', 'deduct']).nullable(),
  deduction: z.number(),
  bonus: z.number(),
  note: z.string(),
  responsibleStaffId: z.uuid().nullable(),
  photoCount: z.number().int(),
});

export const inspectionSummary = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  post,
  kind: z.enum(inspectionKinds),
  status: z.enum(inspectionStatuses),
  scheduledFor: z.date().nullable(),
  inspectorId: z.uuid(),
  inspectorName: z.string(),
  location: z.string(),
  score: z.number().nullable(),
  submittedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const inspectionRecord = inspectionSummary.extend({
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  items: z.array(inspectionItem),
});

export const rectificationRecord = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  post,
  roundId: z.uuid(),
  itemId: z.uuid(),
  itemName: z.string(),
  inspectionNote: z.string(),
  deduction: z.number(),
  status: z.enum(rectificationStatuses),
  dueAt: z.date(),
  overdue: z.boolean(),
  fixNote: z.string(),
  fixedAt: z.date().nullable(),
  reInspectionCount: z.number().int(),
  reInspectedAt: z.date().nullable(),
  reInspectionNote: z.string(),
  closedAt: z.date().nullable(),
});

export const rectificationQuery = z.object({ projectId: z.uuid().optional(), status: z.enum(rectificationStatuses).optional() });
export const rectificationFix = z.object({ note: z.string().trim().min(1).max(500) });
export const reInspection = z.object({
  passed: z.boolean(),
  note: note.default(''),
  /** When 复查 fails: the new deadline in days from now. */
  rectifyWithinDays: z.number().int().min(1).max(60).default(3),
});

export const scoreQuery = z.object({ from: z.coerce.date().optional(), to: z.coerce.date().optional(), projectId: z.uuid().optional() });
const scoreRow = z.object({ rounds: z.number().int(), score: z.number().nullable(), deductions: z.number() });
export const inspectionScores = z.object({
  projects: z.array(scoreRow.extend({ projectId: z.uuid(), projectName: z.string() })),
  posts: z.array(scoreRow.extend({ post })),
  /** A team is the staff of one post in one project (dispatch's category → post → team). */
  teams: z.array(scoreRow.extend({ projectId: z.uuid(), projectName: z.string(), post })),
});
