import { z } from 'zod';

/** The notices centre's own kinds (incident notices are the other kind, announced from incidents). */
export const noticeKinds = ['works', 'fee', 'seasonal', 'general'] as const;
export const noticeAudiences = ['buildings', 'households'] as const;

const label = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

export const noticeBody = z.object({
  projectId: z.uuid(),
  kind: z.enum(noticeKinds),
  templateKey: z.string().trim().max(40).nullable().default(null),
  title: z.string().trim().min(1).max(80),
  body: z.string().trim().min(1).max(5000),
  audience: z.enum(noticeAudiences),
  /** For audience buildings: the chosen buildings (at least one). */
  buildingIds: z.array(z.uuid()).max(500).default([]),
  /** For audience households: the chosen households (at least one). */
  householdIds: z.array(z.uuid()).max(5000).default([]),
  startsAt: z.coerce.date().nullable().default(null),
  endsAt: z.coerce.date().nullable().default(null),
  remindAfterHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(24),
  /** false keeps a draft; true sends it now. */
  publish: z.boolean().default(false),
});

export const noticePatch = noticeBody.omit({ projectId: true, publish: true }).partial();

export const noticeQuery = z.object({ projectId: z.uuid().optional(), status: z.enum(['draft', 'published']).optional() });

export const noticeSummary = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  kind: z.enum(noticeKinds),
  templateKey: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  audience: z.enum(noticeAudiences),
  buildingIds: z.array(z.uuid()),
  householdIds: z.array(z.uuid()),
  startsAt: z.date().nullable(),
  endsAt: z.date().nullable(),
  status: z.enum(['draft', 'published']),
  remindAfterHours: z.number().int(),
  createdByName: z.string(),
  publishedAt: z.date().nullable(),
  delivered: z.number().int(),
  read: z.number().int(),
  reminded: z.number().int(),
  createdAt: z.date(),
});

export const noticeReceipt = z.object({
  personId: z.uuid(),
  personName: z.string(),
  householdLabel: z.string(),
  deliveredAt: z.date(),
  readAt: z.date().nullable(),
  remindedAt: z.date().nullable(),
});

export const noticeDetail = noticeSummary.extend({ receipts: z.array(noticeReceipt) });

export const noticeTemplate = z.object({
  key: z.string(),
  kind: z.enum(noticeKinds),
  name: label,
  title: z.string(),
  body: z.string(),
});

export const remindResult = z.object({ reminded: z.number().int() });
