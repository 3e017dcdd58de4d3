import { ageingBuckets, incidentKinds, incidentStatuses } from '@manyi/core';
import { z } from 'zod';
import { ticketSummary } from './tickets';

const label = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
const csv = <T extends z.ZodType>(item: T) => z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item));

export const incidentParams = z.object({ id: z.uuid() });

export const incidentQuery = z.object({
  projectId: z.uuid().optional(),
  status: csv(z.enum(incidentStatuses.values)).optional(),
  kind: z.enum(incidentKinds.values).optional(),
  /** The incident a ticket is linked to (the ticket page's "part of …" banner). */
  ticketId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type IncidentFilter = z.infer<typeof incidentQuery>;

export const activeQuery = z.object({
  projectId: z.uuid(),
  householdId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  categoryCode: z.string().trim().max(100).optional(),
});

const text = (max: number) => z.string().trim().max(max);

export const incidentBody = z.object({
  projectId: z.uuid(),
  kind: z.enum(['planned', 'emergency']),
  /** Fills title, category, call script and notice from a template where those are left out. */
  templateCode: z.string().trim().max(50).optional(),
  title: text(100).min(1).optional(),
  categoryCode: z.string().trim().min(1).max(100).nullable().optional(),
  /** The affected buildings; empty means the whole project. */
  buildingIds: z.array(z.uuid()).max(500).default([]),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date().nullable().optional(),
  /** Fills {原因} in a template. */
  reason: text(200).optional(),
  callScript: text(5000).optional(),
  noticeText: text(5000).optional(),
  /** false keeps it as a draft: no notice goes out until POST /incidents/:id/publish. */
  publish: z.boolean().default(true),
});
export type IncidentInput = z.infer<typeof incidentBody>;

export const incidentPatch = z.object({
  title: text(100).min(1).optional(),
  categoryCode: z.string().trim().min(1).max(100).nullable().optional(),
  buildingIds: z.array(z.uuid()).max(500).optional(),
  startsAt: z.coerce.date().optional(),
  endsAt: z.coerce.date().nullable().optional(),
  callScript: text(5000).optional(),
  noticeText: text(5000).optional(),
  version: z.number().int().min(0).optional(),
});
export type IncidentPatch = z.infer<typeof incidentPatch>;

export const reasonBody = z.object({ note: text(1000).default('') });

export const noticeStats = z.object({
  notified: z.number(),
  read: z.number(),
  /** read ÷ notified, 0–1; null before anyone was notified. */
  readRate: z.number().nullable(),
});

export const incidentSummary = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  kind: z.enum(incidentKinds.values),
  status: z.enum(incidentStatuses.values),
  title: z.string(),
  categoryCode: z.string().nullable(),
  categoryName: label.nullable(),
  buildings: z.array(z.object({ id: z.uuid(), name: z.string() })),
  startsAt: z.date().nullable(),
  endsAt: z.date().nullable(),
  callScript: z.string(),
  noticeText: z.string(),
  /** Proposed by group-complaint detection rather than created by a person. */
  detected: z.boolean(),
  /** Linking new tickets and showing its call script now. */
  active: z.boolean(),
  ticketCount: z.number(),
  householdCount: z.number(),
  notice: noticeStats,
  publishedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number(),
});
export type IncidentSummary = z.infer<typeof incidentSummary>;

export const incidentEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  actorKind: z.enum(['staff', 'system']),
  actorName: z.string(),
  note: z.string(),
  recipientRole: z.string().nullable(),
  data: z.unknown(),
  at: z.date(),
});

export const incidentDetail = incidentSummary.extend({
  tickets: z.array(ticketSummary),
  events: z.array(incidentEvent),
});
export type IncidentDetail = z.infer<typeof incidentDetail>;

export const incidentTemplate = z.object({
  code: z.string(),
  kind: z.enum(['planned', 'emergency']),
  name: label,
  categoryCode: z.string().nullable(),
  title: z.string(),
  callScript: z.string(),
  noticeText: z.string(),
});
export const templateList = z.object({ placeholders: z.array(z.string()), items: z.array(incidentTemplate) });

export const detectionSettings = z.object({
  /** K: distinct households that make a group complaint. */
  minimumHouseholds: z.number().int().min(2).max(1000),
  /** T: hours within which their reports fall. */
  windowHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
});
export type DetectionSettings = z.infer<typeof detectionSettings>;

/**
 * One notice in the owner's list (issue 19 §4): an incident's (停水, 停电: planned or emergency) or one of the
 * notices centre's (works, fee, seasonal, general); both read the same way and send the same read receipt.
 */
export const ownerNotice = z.object({
  id: z.uuid(),
  kind: z.enum(['planned', 'emergency', 'works', 'fee', 'seasonal', 'general']),
  title: z.string(),
  noticeText: z.string(),
  startsAt: z.date().nullable(),
  endsAt: z.date().nullable(),
  /** The outage is over (the incident was closed). */
  ended: z.boolean(),
  deliveredAt: z.date(),
  readAt: z.date().nullable(),
});
export const ownerNoticeList = z.object({ items: z.array(ownerNotice), unread: z.number() });
export const ownerNoticeRead = z.object({ id: z.uuid(), readAt: z.date() });

export const ageingQuery = z.object({
  projectId: z.uuid().optional(),
  categoryCode: z.string().trim().max(100).optional(),
  /** Oldest tickets listed per bucket. */
  oldest: z.coerce.number().int().min(0).max(50).default(5),
});

export const ageingReportView = z.object({
  total: z.number(),
  buckets: z.array(
    z.object({
      bucket: z.enum(ageingBuckets.values),
      label,
      count: z.number(),
      /** Oldest first. */
      oldest: z.array(ticketSummary),
    }),
  ),
});
