import { slaTargetKinds, ticketChannels, ticketPriorities, ticketTypes } from '@manyi/core';
import { z } from 'zod';
import { pageQuery } from './pagination';
import { alertKinds, alertTargets } from './sla-alerts';

const label = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

// ---------------------------------------------------------------- SLA policies

const target = z.strictObject({
  minutes: z
    .number()
    .int()
    .min(1)
    .max(60 * 24 * 90),
  calendar: z.enum(['24x7', 'working_hours']),
});

export const slaTargets = z
  .strictObject({
    first_response: target.optional(),
    on_site: target.optional(),
    owner_update: target.optional(),
    resolution: target.optional(),
    return_visit: target.optional(),
  })
  .refine((targets) => slaTargetKinds.values.some((kind) => targets[kind] !== undefined), { error: 'sla_targets_required' });

export const slaMatch = z.strictObject({
  types: z.array(z.enum(ticketTypes.values)).max(ticketTypes.values.length).optional(),
  categoryPrefixes: z
    .array(
      z
        .string()
        .trim()
        .max(100)
        .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, { error: 'sla_category_prefix' }),
    )
    .max(100)
    .optional(),
  priorities: z.array(z.enum(ticketPriorities.values)).max(ticketPriorities.values.length).optional(),
  channels: z.array(z.enum(ticketChannels.values)).max(ticketChannels.values.length).optional(),
  /** Must be projects of the caller's company (checked by the service: 422 otherwise). */
  projectIds: z.array(z.uuid()).max(500).optional(),
});

export const slaPolicyInput = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z][a-z0-9_]*$/, { error: 'sla_code' }),
  name: z.object({ 'zh-CN': z.string().trim().min(1).max(60), 'en-US': z.string().trim().min(1).max(80) }),
  match: slaMatch,
  targets: slaTargets,
  warnShare: z.number().min(0.5).max(0.95).default(0.8),
  active: z.boolean().default(true),
});

/** The whole ordered list; first match wins, so order is meaning. */
export const slaPoliciesBody = z.object({ policies: z.array(slaPolicyInput).min(1).max(100) }).superRefine((body, context) => {
  const seen = new Set<string>();
  body.policies.forEach((policy, index) => {
    if (seen.has(policy.code)) context.addIssue({ code: 'custom', message: 'sla_code_duplicate', path: ['policies', index, 'code'] });
    seen.add(policy.code);
  });
});
export type SlaPoliciesInput = z.infer<typeof slaPoliciesBody>;

export const slaPolicy = z.object({
  code: z.string(),
  position: z.number().int(),
  name: label,
  match: slaMatch,
  targets: z.partialRecord(z.enum(slaTargetKinds.values), target),
  warnShare: z.number(),
  active: z.boolean(),
  /** Where the default numbers come from; empty for a policy the company wrote itself. */
  rationale: label,
});
export type SlaPolicyView = z.infer<typeof slaPolicy>;

export const slaPolicyList = z.object({ items: z.array(slaPolicy) });
export const slaPolicySaved = slaPolicyList.extend({
  /** Tickets not yet settled whose deadlines were recomputed against the new policies. */
  recomputedTickets: z.number().int(),
});

// ---------------------------------------------------------------- calendar

/** A real calendar date: 2026-02-30 is refused, not rolled over to March. */
const isCalendarDate = (day: string) => {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
};
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'calendar_day_format' })
  .refine(isCalendarDate, { error: 'calendar_day_format' });

export const calendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const calendarDaysBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    days: z
      .array(
        z.object({
          day: localDate,
          kind: z.enum(['holiday', 'workday']),
          name: z.string().trim().max(40).default(''),
        }),
      )
      .max(366),
  })
  .superRefine((body, context) => {
    const seen = new Set<string>();
    body.days.forEach((item, index) => {
      if (!item.day.startsWith(`${body.year}-`)) context.addIssue({ code: 'custom', message: 'calendar_day_year', path: ['days', index, 'day'] });
      else if (seen.has(item.day)) context.addIssue({ code: 'custom', message: 'calendar_day_duplicate', path: ['days', index, 'day'] });
      seen.add(item.day);
    });
  });
export type CalendarDaysInput = z.infer<typeof calendarDaysBody>;

const calendarDay = z.object({ day: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() });
export const calendarYear = z.object({
  year: z.number().int(),
  /** The company's own overrides for the year; they win over the national table. */
  days: z.array(calendarDay),
  /** The national table shipped with the product (国务院 schedule) for the year, for reference. */
  national: z.object({ holidays: z.array(z.string()), workdays: z.array(z.string()) }),
});
export const calendarSaved = calendarYear.extend({ recomputedTickets: z.number().int() });

// ---------------------------------------------------------------- alerts

export const alertQuery = z.object({
  ...pageQuery,
  projectId: z.uuid().optional(),
  unread: z.enum(['true', 'false']).optional(),
});

export const alertParams = z.object({ id: z.uuid() });
export const readAllQuery = z.object({ projectId: z.uuid().optional() });

export const alert = z.object({
  id: z.uuid(),
  ticketId: z.uuid(),
  ticketNumber: z.string(),
  ticketTitle: z.string(),
  projectId: z.uuid(),
  projectName: z.string(),
  kind: z.enum(alertKinds.values),
  kindLabel: label,
  target: z.enum(alertTargets.values),
  targetLabel: label,
  /** Escalation: rung 1–3 (project manager, quality/region, company); reminders and expired holds: their count; else 0. */
  level: z.number().int(),
  recipientRole: z.string().nullable(),
  dueAt: z.date().nullable(),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type AlertView = z.infer<typeof alert>;

export const alertPage = z.object({ items: z.array(alert), nextCursor: z.string().nullable(), unreadCount: z.number().int() });
export const readAllResult = z.object({ updated: z.number().int() });

// ---------------------------------------------------------------- webhooks

/** https anywhere; plain http only to this machine, for tests and a local relay. */
export function isAllowedWebhookUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return url.hostname.length > 0;
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
}

const webhookUrl = z.string().trim().min(1).max(1000).refine(isAllowedWebhookUrl, { error: 'webhook_url' });

export const webhookBody = z.object({
  format: z.enum(['wecom', 'dingtalk']),
  url: webhookUrl,
  /** Only this project's escalations; null or absent for the whole company. */
  projectId: z.uuid().nullable().optional(),
  minimumLevel: z.number().int().min(0).max(3).default(1),
  active: z.boolean().default(true),
});
export const webhookPatch = z.object({
  format: z.enum(['wecom', 'dingtalk']).optional(),
  url: webhookUrl.optional(),
  projectId: z.uuid().nullable().optional(),
  minimumLevel: z.number().int().min(0).max(3).optional(),
  active: z.boolean().optional(),
});
export type WebhookInput = z.infer<typeof webhookBody>;
export type WebhookPatch = z.infer<typeof webhookPatch>;

export const webhookParams = z.object({ id: z.uuid() });

export const webhook = z.object({
  id: z.uuid(),
  format: z.enum(['wecom', 'dingtalk']),
  /** The bot address with its secret (key=…, access_token=…) masked. */
  url: z.string(),
  projectId: z.uuid().nullable(),
  projectName: z.string().nullable(),
  minimumLevel: z.number().int(),
  active: z.boolean(),
  createdAt: z.date(),
});
export type WebhookView = z.infer<typeof webhook>;
export const webhookList = z.object({ items: z.array(webhook) });
export const webhookTestResult = z.object({ ok: z.boolean(), error: z.enum(['address_not_allowed', 'delivery_failed']).nullable() });
