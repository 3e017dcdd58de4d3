import { z } from 'zod';
import { pageQuery } from './pagination';

export const auditQuery = z.object({
  ...pageQuery,
  entityType: z.string().max(40).optional(),
  entityId: z.uuid().optional(),
  action: z.string().max(40).optional(),
  actorId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().max(100).optional(),
});

export const auditEntry = z.object({
  id: z.uuid(),
  actorKind: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.uuid().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  at: z.date(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
