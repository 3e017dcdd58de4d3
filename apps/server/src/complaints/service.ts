import { clearSteps, type Label } from '@manyi/core';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { HttpProblem } from '../http/problem';
import { requirePermission } from '../policy/policy';
import { requireEditable, ticketInScope } from '../tickets/access';
import { actorOf, recordTicketEvent } from '../tickets/events';
import { staffNames, ticketEventsOf, type TicketRow } from '../tickets/repository';
import { presentClear, presentRecovery, stepsTouched } from './presenter';
import { saveClearRecord, saveRecoveryRecord } from './repository';
import type { clearBody, recoveryBody } from '@manyi/contracts/complaints';

const notAComplaint: Label = { 'zh-CN': '只有投诉工单需要 CLEAR 与服务补救记录', 'en-US': 'Only complaints have CLEAR and service-recovery records' };

async function complaintInScope(context: Context, id: string): Promise<TicketRow> {
  requirePermission(context.principal, 'complaint.record');
  const ticket = await ticketInScope(context, id);
  if (ticket.type !== 'complaint') throw new HttpProblem(422, 'not_a_complaint', notAComplaint);
  requireEditable(ticket);
  return ticket;
}

/** Only the fields present in the body change; `null` clears one. */
function given<T extends Record<string, unknown>>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Saves the CLEAR steps given (seed 001 第三讲), noting per step who saved it and when. */
export async function saveClear(context: Context, id: string, input: z.infer<typeof clearBody>) {
  const ticket = await complaintInScope(context, id);
  const now = context.clock.now();
  const fields = given({ ...input, promisedAt: input.promisedAt === undefined ? undefined : input.promisedAt === null ? null : new Date(input.promisedAt) });
  const steps = stepsTouched(fields);
  const row = await context.db.transaction(async (tx) => {
    const saved = await saveClearRecord(tx, ticket.tenantId, ticket.id, fields, context.principal.staffId, now);
    await recordTicketEvent(
      tx,
      ticket,
      actorOf(context),
      {
        kind: 'clear_saved',
        note: steps.map((step) => clearSteps.labels[step]['zh-CN']).join('、'),
        data: { steps },
      },
      now,
    );
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'clear_record',
      entityId: ticket.id,
      summary: `保存投诉 ${ticket.number} 的 CLEAR 记录`,
      after: saved,
    });
    return saved;
  });
  return presentClear(row, await ticketEventsOf(context.db, ticket.tenantId, ticket.id));
}

/** Emotional and problem recovery, compensation and the lesson learned (服务补救). */
export async function saveRecovery(context: Context, id: string, input: z.infer<typeof recoveryBody>) {
  const ticket = await complaintInScope(context, id);
  const now = context.clock.now();
  const row = await context.db.transaction(async (tx) => {
    const saved = await saveRecoveryRecord(tx, ticket.tenantId, ticket.id, given(input), context.principal.staffId, now);
    await recordTicketEvent(tx, ticket, actorOf(context), { kind: 'recovery_saved', data: { fields: Object.keys(given(input)) } }, now);
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'recovery_record',
      entityId: ticket.id,
      summary: `保存投诉 ${ticket.number} 的服务补救记录`,
      after: saved,
    });
    return saved;
  });
  return presentRecovery(row, await staffNames(context.db, ticket.tenantId, [row.updatedById]));
}
