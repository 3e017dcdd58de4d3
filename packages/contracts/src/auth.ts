import { staffPosts, staffRoles } from '@manyi/core';
import { z } from 'zod';
import { abilities } from './abilities';

export const loginBody = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
  /** The company's code (as in the owner pages' ?c=): needed only when the same login and password exist in two companies. */
  company: z.string().trim().min(1).max(50).optional(),
});

export const passwordChangeBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(128),
});

const projectRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const staffMe = z.object({
  kind: z.literal('staff'),
  id: z.uuid(),
  login: z.string(),
  name: z.string(),
  roles: z.array(z.enum(staffRoles.values)),
  post: z.enum(staffPosts.values).nullable(),
  tenant: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  allProjects: z.boolean(),
  projects: z.array(projectRef),
  /** What this user may do, from the server's policy: the console checks these, never role names. */
  abilities,
});
export type StaffMe = z.infer<typeof staffMe>;
