import { z } from 'zod';
import { ticketSummary } from './tickets';

/**
 * The technician's phone (issue 15 §4): my tasks, the grab pool, today's work; arrival, the visit
 * time agreed with the owner, and completion on site with the owner's signature or SMS code.
 */
export const fieldViews = ['mine', 'pool', 'today'] as const;
export const fieldTaskQuery = z.object({ view: z.enum(fieldViews).default('mine') });

export const fieldTask = ticketSummary.extend({
  appointmentAt: z.date().nullable(),
  appointmentNote: z.string(),
});
export type FieldTask = z.infer<typeof fieldTask>;
export const fieldTaskList = z.object({ items: z.array(fieldTask) });

export const arriveBody = z.object({ version: z.number().int().min(0).optional() });

export const appointmentBody = z.object({
  at: z.iso.datetime({ offset: true }),
  note: z.string().trim().max(200).default(''),
});

export const confirmationCodeSent = z.object({
  /** The number the code went to, masked (138****0001), so the technician can tell the owner where to look. */
  phone: z.string(),
  expiresAt: z.date(),
});

export const material = z.object({
  name: z.string().trim().min(1).max(50),
  quantity: z.number().positive().max(10_000),
  unit: z.string().trim().max(10).default('个'),
});
export type Material = z.infer<typeof material>;

export const completeBody = z.object({
  /** What was done (e.g. 更换角阀并试水无渗漏); the owner reads it on the phone. */
  result: z.string().trim().min(1).max(2000),
  materials: z.array(material).max(30).default([]),
  /** Ticket attachments (uploaded through POST /tickets/:id/attachments) showing the result. */
  photoIds: z.array(z.uuid()).max(9).default([]),
  confirmation: z.discriminatedUnion('kind', [
    /** The owner's signature drawn on the phone, uploaded as a PNG attachment. */
    z.object({ kind: z.literal('signature'), attachmentId: z.uuid() }),
    /** The code the owner received by SMS (POST /tickets/:id/confirmation-code). */
    z.object({
      kind: z.literal('code'),
      code: z
        .string()
        .trim()
        .regex(/^\d{6}$/),
    }),
  ]),
  version: z.number().int().min(0).optional(),
});
export type CompleteInput = z.infer<typeof completeBody>;
