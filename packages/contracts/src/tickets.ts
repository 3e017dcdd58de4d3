import { complaintScopes, slaStates, slaTargetKinds, ticketActions, ticketChannels, ticketPriorities, ticketStatuses, ticketTypes } from '@manyi/core';
import { z } from 'zod';
import { pageQuery } from './pagination';

const label = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
/** Hotline callers give landlines and extensions too, so this is looser than a resident's mobile. */
const contactPhone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9+\-() ]*$/, { error: 'phone' });
const csv = <T extends z.ZodType>(item: T) => z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(item));

export const ticketBody = z.object({
  projectId: z.uuid(),
  type: z.enum(ticketTypes.values),
  channel: z.enum(ticketChannels.values),
  categoryCode: z.string().trim().min(1).max(100).nullable().optional(),
  priority: z.enum(ticketPriorities.values).default('normal'),
  complaintScope: z.enum(complaintScopes.values).nullable().optional(),
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().max(5000).default(''),
  householdId: z.uuid().nullable().optional(),
  reporterPersonId: z.uuid().nullable().optional(),
  reporterName: z.string().trim().max(50).optional(),
  reporterPhone: contactPhone.nullable().optional(),
  location: z.string().trim().max(200).optional(),
});
export type TicketInput = z.infer<typeof ticketBody>;

/** Type and project are fixed at receipt: the readable number says both. */
export const ticketPatch = ticketBody
  .omit({ projectId: true, type: true, channel: true })
  .partial()
  .extend({
    version: z.number().int().min(0).optional(),
  });
export type TicketPatch = z.infer<typeof ticketPatch>;

export const ticketQuery = z.object({
  ...pageQuery,
  status: csv(z.enum(ticketStatuses.values)).optional(),
  type: z.enum(ticketTypes.values).optional(),
  projectId: z.uuid().optional(),
  categoryCode: z.string().trim().max(100).optional(),
  assigneeId: z.uuid().optional(),
  reporterPersonId: z.uuid().optional(),
  householdId: z.uuid().optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** A missed deadline on a running ticket, as the console's overdue tile counts it (conditions.ts). */
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** A resolution or on-site deadline still to come today (Shanghai), as the due-today tile counts it. */
  dueToday: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  q: z.string().trim().max(50).optional(),
  /** The building of the ticket's household; the nil UUID for tickets without one (as the analytics drill-down groups them). */
  buildingId: z.uuid().optional(),
  /** Reported in this Shanghai month (YYYY-MM), as the analytics figures of a month count tickets. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
    .optional(),
  channel: z.enum(ticketChannels.values).optional(),
  /** Flagged as a repeat at receipt (same household and category within the window). */
  repeat: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  /** With a return visit rated (CSAT given) in this Shanghai month (YYYY-MM), as the analytics visit-rating figure counts visits. */
  ratedMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
    .optional(),
});
export type TicketFilter = Omit<z.infer<typeof ticketQuery>, 'cursor' | 'limit'>;

const staffRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const slaTarget = z.object({
  target: z.enum(slaTargetKinds.values),
  dueAt: z.date(),
  /** When the target was met (responded, on site, resolved, visited); null while it is still running. */
  metAt: z.date().nullable(),
  state: z.enum(slaStates.values),
});

export const ticketSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  projectId: z.uuid(),
  projectName: z.string(),
  type: z.enum(ticketTypes.values),
  channel: z.enum(ticketChannels.values),
  categoryCode: z.string().nullable(),
  categoryName: label.nullable(),
  priority: z.enum(ticketPriorities.values),
  complaintScope: z.enum(complaintScopes.values).nullable(),
  status: z.enum(ticketStatuses.values),
  title: z.string(),
  householdId: z.uuid().nullable(),
  householdLabel: z.string().nullable(),
  reporterPersonId: z.uuid().nullable(),
  reporterName: z.string(),
  reporterPhone: z.string().nullable(),
  location: z.string(),
  firstReceiver: staffRef,
  accountable: staffRef,
  handoverTo: staffRef,
  assignee: staffRef,
  assignedPost: z.string().nullable(),
  reopenCount: z.number(),
  isRepeat: z.boolean(),
  escalationLevel: z.number(),
  holdReason: z.string().nullable(),
  holdUntil: z.date().nullable(),
  mergedIntoId: z.uuid().nullable(),
  /** The group, planned or emergency incident (issue 3 §9) the ticket is linked to. */
  incidentId: z.uuid().nullable(),
  slaPolicyCode: z.string().nullable(),
  sla: z.array(slaTarget),
  reportedAt: z.date(),
  firstResponseAt: z.date().nullable(),
  arrivedAt: z.date().nullable(),
  lastOwnerUpdateAt: z.date().nullable(),
  resolvedAt: z.date().nullable(),
  visitedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  updatedAt: z.date(),
  version: z.number(),
});
export type TicketSummary = z.infer<typeof ticketSummary>;

export const ticketEvent = z.object({
  id: z.uuid(),
  kind: z.string(),
  fromStatus: z.enum(ticketStatuses.values).nullable(),
  toStatus: z.enum(ticketStatuses.values).nullable(),
  actorKind: z.enum(['staff', 'owner', 'system']),
  actorName: z.string(),
  note: z.string(),
  visibleToOwner: z.boolean(),
  data: z.unknown(),
  at: z.date(),
});

export const attachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  uploadedByKind: z.enum(['staff', 'owner']),
  createdAt: z.date(),
});

export const returnVisit = z.object({
  id: z.uuid(),
  method: z.enum(['phone', 'visit', 'h5']),
  outcome: z.enum(['confirmed', 'rejected', 'no_answer']),
  csat: z.number().nullable(),
  peakMoment: z.string().nullable(),
  endMoment: z.string().nullable(),
  peakRating: z.number().nullable(),
  endRating: z.number().nullable(),
  comment: z.string(),
  visitorKind: z.enum(['staff', 'owner']),
  visitorName: z.string(),
  at: z.date(),
});

const stepState = z.object({ done: z.boolean(), savedBy: z.string().nullable(), savedAt: z.date().nullable() });

export const clearView = z.object({
  controlNote: z.string().nullable(),
  listenSummary: z.string().nullable(),
  empathyStatement: z.string().nullable(),
  apology: z.string().nullable(),
  resolvePlan: z.string().nullable(),
  promisedAt: z.date().nullable(),
  steps: z.object({ control: stepState, listen: stepState, establish: stepState, apologize: stepState, resolve: stepState }),
  complete: z.boolean(),
  updatedAt: z.date().nullable(),
});

export const recoveryView = z.object({
  emotionalRecovery: z.string().nullable(),
  problemRecovery: z.string().nullable(),
  compensation: z.string().nullable(),
  lessonLearned: z.string().nullable(),
  complete: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedAt: z.date().nullable(),
});

export const ticketDetail = ticketSummary.extend({
  description: z.string(),
  cancelReason: z.string().nullable(),
  events: z.array(ticketEvent),
  clear: clearView.nullable(),
  recovery: recoveryView.nullable(),
  visits: z.array(returnVisit),
  attachments: z.array(attachment),
  mergedFrom: z.array(z.object({ id: z.uuid(), number: z.string() })),
  availableActions: z.array(z.enum(ticketActions.values)),
  canGrab: z.boolean(),
  canAcceptHandover: z.boolean(),
});
export type TicketDetail = z.infer<typeof ticketDetail>;

export const ticketParams = z.object({ id: z.uuid() });
export const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const noteBody = z.object({
  body: z.string().trim().min(1).max(2000),
  /** An owner-visible progress update (进度告知) resets the update clock; an internal note does not. */
  visibleToOwner: z.boolean().default(false),
});

export const handoverBody = z.object({ toStaffId: z.uuid(), note: z.string().trim().max(500).optional() });

const commandFields = {
  /** The version the caller last saw; a stale one is refused with 409 so two people cannot overwrite each other. */
  version: z.number().int().min(0).optional(),
  /** What was done, for the timeline (e.g. 已更换厨房水龙头). */
  note: z.string().trim().max(2000).optional(),
};

/**
 * The commands of the core state machine, except `visit`, which is recorded with its rating
 * through POST /tickets/:id/visits. Reasons are optional here so that the state machine's own
 * bilingual refusal (挂起需要填写原因…) answers a missing one.
 */
export const actionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), ...commandFields }),
  z.object({ action: z.literal('assign'), assigneeId: z.uuid(), ...commandFields }),
  z.object({ action: z.literal('start'), ...commandFields }),
  z.object({
    action: z.literal('hold'),
    reason: z.string().trim().max(500).default(''),
    resumeAt: z.iso.datetime({ offset: true }).nullable().optional(),
    ...commandFields,
  }),
  z.object({ action: z.literal('resume'), ...commandFields }),
  z.object({ action: z.literal('resolve'), ...commandFields }),
  z.object({ action: z.literal('close'), ...commandFields }),
  z.object({ action: z.literal('reopen'), reason: z.enum(['owner_rejected', 'recurred']).default('recurred'), ...commandFields }),
  z.object({ action: z.literal('cancel'), reason: z.string().trim().max(500).default(''), ...commandFields }),
  z.object({ action: z.literal('merge'), intoTicketId: z.uuid(), ...commandFields }),
]);
export type ActionInput = z.infer<typeof actionBody>;

/** The four tiles of the service-desk console; how each is counted is said in the server's tickets/stats.ts. */
export const statsQuery = z.object({ projectId: z.uuid().optional() });

export const ticketStats = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  dueToday: z.number().int(),
  /**
   * met of total: tickets resolved this month with an SLA outcome (resolved, of them met) plus the open
   * tickets already overdue (overdueOpen), each counted as missed.
   */
  slaComplianceThisMonth: z.object({
    met: z.number().int(),
    total: z.number().int(),
    resolved: z.number().int(),
    overdueOpen: z.number().int(),
    rate: z.number().nullable(),
  }),
  /** The Shanghai month the compliance covers, e.g. '2026-11'. */
  month: z.string(),
  asOf: z.date(),
});
export type TicketStats = z.infer<typeof ticketStats>;
