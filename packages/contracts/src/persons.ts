import { discStyles, normalisePhone, personRoles } from '@manyi/core';
import { z } from 'zod';
import { pageQuery } from './pagination';
import { household } from './households';

export const phoneField = z
  .string()
  .trim()
  .max(20)
  .refine((value) => normalisePhone(value) !== null, { error: 'phone' });

export const personBody = z.object({
  householdId: z.uuid(),
  name: z.string().trim().min(1).max(50),
  role: z.enum(personRoles.values),
  phone: phoneField.nullable().optional(),
  isVip: z.boolean().optional(),
  discStyle: z.enum(discStyles.values).nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
  note: z.string().max(1000).optional(),
});
export const personPatch = personBody.partial();

export const personQuery = z.object({
  ...pageQuery,
  projectId: z.uuid().optional(),
  householdId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  role: z.enum(personRoles.values).optional(),
  isVip: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  discStyle: z.enum(discStyles.values).optional(),
  tag: z.string().trim().max(20).optional(),
});

export const person = z.object({
  id: z.uuid(),
  householdId: z.uuid(),
  householdLabel: z.string(),
  projectId: z.uuid(),
  projectName: z.string(),
  name: z.string(),
  role: z.enum(personRoles.values),
  phone: z.string().nullable(),
  isVip: z.boolean(),
  discStyle: z.enum(discStyles.values).nullable(),
  tags: z.array(z.string()),
  note: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PersonView = z.infer<typeof person>;

export const timelineEntry = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  occurredAt: z.date(),
  actorName: z.string(),
  detail: z.unknown(),
});

export const profile = z.object({
  person,
  household,
  members: z.array(person),
  timeline: z.array(timelineEntry),
});

export const invite = z.object({ url: z.string(), expiresAt: z.date() });

/**
 * The hotline's owner search (GET /persons/lookup): q as the caller says it — "11栋1单元301",
 * "11-1-301", "11栋301", "1101", a phone number or its last four digits, a name or its pinyin
 * initials (read by core parseOwnerQuery); the best matches first, at most 20.
 */
export const personLookupQuery = z.object({
  q: z.string().trim().min(1).max(50),
  projectId: z.uuid().optional(),
});
export const personLookup = z.object({ items: z.array(person) });
