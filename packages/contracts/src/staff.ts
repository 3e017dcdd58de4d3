import { staffPosts, staffRoles } from '@manyi/core';
import { z } from 'zod';
import { pageQuery } from './pagination';
import { phoneField } from './persons';

export const staffBody = z.object({
  login: z
    .string()
    .trim()
    .toLowerCase()
    .min(3)
    .max(60)
    .regex(/^[a-z0-9._@-]+$/, { error: 'login_format' }),
  name: z.string().trim().min(1).max(50),
  phone: phoneField.nullable().optional(),
  password: z.string().min(10).max(128),
  roles: z.array(z.enum(staffRoles.values)).min(1).max(6),
  post: z.enum(staffPosts.values).nullable().optional(),
  projectIds: z.array(z.uuid()).max(500).default([]),
});
export const staffPatch = staffBody
  .omit({ login: true, password: true })
  .partial()
  .extend({
    active: z.boolean().optional(),
    // Without this the create schema's default ([]) survives .partial(), so any edit would drop every project.
    projectIds: z.array(z.uuid()).max(500).optional(),
    /** Shown to owners on their steward card (issue 15 §5), e.g. 周一至周六 8:30–17:30. */
    workingHours: z.string().trim().max(60).optional(),
  });
export const passwordReset = z.object({ password: z.string().min(10).max(128) });

export const staffQuery = z.object({
  ...pageQuery,
  role: z.enum(staffRoles.values).optional(),
  post: z.enum(staffPosts.values).optional(),
  projectId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
});

export const staffView = z.object({
  id: z.uuid(),
  login: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  roles: z.array(z.enum(staffRoles.values)),
  post: z.enum(staffPosts.values).nullable(),
  active: z.boolean(),
  workingHours: z.string(),
  projectIds: z.array(z.uuid()),
  projects: z.array(z.object({ id: z.uuid(), name: z.string() })),
  createdAt: z.date(),
});
export type StaffView = z.infer<typeof staffView>;

export const directoryQuery = z.object({ projectId: z.uuid().optional() });
export const directoryEntry = z.object({ id: z.uuid(), name: z.string(), post: z.enum(staffPosts.values).nullable(), projectIds: z.array(z.uuid()) });
export type DirectoryEntry = z.infer<typeof directoryEntry>;
