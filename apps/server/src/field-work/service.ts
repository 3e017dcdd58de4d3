import { createHash, randomInt } from 'node:crypto';
import { addLocalDays, maskPhone, shanghaiDate, shanghaiMidnight } from '@manyi/core';
import { tickets } from '@manyi/db';
import { and, gte, inArray, lt, or } from 'drizzle-orm';
import type { CompleteInput, FieldTask } from '@manyi/contracts/field-work';
import { recordAudit } from '../audit/record';
import { listRules } from '../dispatch/repository';
import type { Context } from '../http/context';
import { fieldProblem, HttpProblem, notFound } from '../http/problem';
import { scopedProjectIds } from '../policy/policy';
import { requireVersion, staffActor, ticketInScope } from '../tickets/access';
import { actorOf, recordTicketEvent } from '../tickets/events';
import { findTicketListRow, listTickets, attachmentRowsOf, type TicketListRow, type TicketRow } from '../tickets/repository';
import { requireResolutionEvidence } from '../tickets/resolution-evidence';
import { presentRows } from '../tickets/service';
import { transition } from '../tickets/transition';
import { overdueCondition } from '../tickets/conditions';
import { fieldMessages } from './messages';
import { recordStaffText } from '../text-qa/record';
import {
  countCodeAttempt,
  insertCompletion,
  insertConfirmationCode,
  latestConfirmationCode,
  mineCondition,
  ownerPhoneOf,
  poolCondition,
  setAppointment,
  useConfirmationCode,
} from './repository';

/** Codes as for owner sign-in: 6 digits, 5 tries; valid 10 minutes, long enough to read out on the doorstep. */
const codeTtlMs = 10 * 60_000;
const codeMaxAttempts = 5;
const codeResendMs = 60_000;
const codeDigest = (ticketId: string, code: string) => createHash('sha256').update(`${ticketId}:${code}`).digest('hex');

async function present(context: Context, rows: TicketListRow[]): Promise<FieldTask[]> {
  const summaries = await presentRows(context.db, context.principal.tenantId, rows, context.clock.now());
  return summaries.map((summary, index) => ({
    ...summary,
    appointmentAt: rows[index]!.ticket.appointmentAt,
    appointmentNote: rows[index]!.ticket.appointmentNote,
  }));
}

export async function fieldTaskOf(context: Context, id: string): Promise<FieldTask> {
  // A ticket of another project is "not found", as everywhere else.
  await ticketInScope(context, id);
  const row = await findTicketListRow(context.db, context.principal.tenantId, id);
  if (!row) throw notFound();
  const [task] = await present(context, [row]);
  return task!;
}

/**
 * 我的任务 on the phone. mine: what is assigned to me and still needs me; pool: what I may grab;
 * today: my work with a visit agreed for today or a deadline today or already missed, soonest first.
 */
export async function listFieldTasks(context: Context, view: 'mine' | 'pool' | 'today'): Promise<{ items: FieldTask[] }> {
  const { tenantId, staffId } = context.principal;
  const now = context.clock.now();
  const projectIds = scopedProjectIds(context.principal);
  const scope = projectIds ? inArray(tickets.projectId, projectIds) : undefined;
  let condition;
  if (view === 'pool') {
    const rules = (await listRules(context.db, tenantId, projectIds)).filter((rule) => rule.mode === 'grab' && rule.memberIds.includes(staffId));
    condition = poolCondition(tenantId, rules);
    if (!condition) return { items: [] };
  } else if (view === 'today') {
    const tomorrow = shanghaiMidnight(addLocalDays(shanghaiDate(now), 1));
    const today = shanghaiMidnight(shanghaiDate(now));
    condition = and(
      mineCondition(tenantId, staffId),
      or(
        and(gte(tickets.appointmentAt, today), lt(tickets.appointmentAt, tomorrow)),
        lt(tickets.arrivalDueAt, tomorrow),
        lt(tickets.resolutionDueAt, tomorrow),
        overdueCondition(now),
      ),
    );
  } else {
    condition = mineCondition(tenantId, staffId);
  }
  const rows = await listTickets(context.db, and(condition, scope), null, 100);
  const items = await present(context, rows.slice(0, 100));
  if (view === 'today') {
    const when = (task: FieldTask) => (task.appointmentAt ?? task.sla.find((target) => !target.metAt)?.dueAt ?? task.reportedAt).getTime();
    items.sort((a, b) => when(a) - when(b));
  }
  return { items };
}

/** Field actions are the assignee's own: a colleague's task is theirs, whatever roles one holds. */
async function myTicket(context: Context, id: string, db = context.db): Promise<TicketRow> {
  const ticket = await ticketInScope(context, id, db);
  if (ticket.assigneeId !== context.principal.staffId) throw new HttpProblem(403, 'not_assignee', fieldMessages.not_assignee);
  return ticket;
}

/** 到场: the on-site time the SLA's arrival target measures (the state machine's start records it). */
export async function arrive(context: Context, id: string, version: number | undefined): Promise<FieldTask> {
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const ticket = await myTicket(context, id, tx);
    requireVersion(ticket, version);
    if (ticket.status === 'in_progress') throw new HttpProblem(409, 'already_arrived', fieldMessages.already_arrived);
    await transition(tx, context, ticket, { action: 'start' }, staffActor(context.principal), now, { note: '师傅已到场' });
  });
  return fieldTaskOf(context, id);
}

/** 预约: the visit time agreed with the owner, on the ticket and on the owner's page. */
export async function agreeAppointment(context: Context, id: string, input: { at: string; note: string }): Promise<FieldTask> {
  const now = context.clock.now();
  const at = new Date(input.at);
  if (at.getTime() <= now.getTime()) throw fieldProblem('at', fieldMessages.appointment_past);
  await context.db.transaction(async (tx) => {
    const ticket = await myTicket(context, id, tx);
    if (!['assigned', 'in_progress', 'reopened', 'on_hold'].includes(ticket.status)) throw new HttpProblem(409, 'not_working', fieldMessages.not_working);
    const updated = await setAppointment(tx, ticket.tenantId, ticket.id, at, input.note, now);
    const shown = at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    await recordTicketEvent(
      tx,
      updated!,
      actorOf(context),
      {
        kind: 'appointment',
        note: `已与您约定上门时间：${shown}${input.note ? `（${input.note}）` : ''}`,
        visibleToOwner: true,
        data: { at, note: input.note },
      },
      now,
    );
    if (input.note.trim())
      await recordStaffText(tx, context, {
        sourceType: 'ticket_update',
        sourceId: ticket.id,
        text: input.note,
        ticketId: ticket.id,
        projectId: ticket.projectId,
      });
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'ticket',
      entityId: ticket.id,
      summary: `预约上门 ${ticket.number}`,
      before: { appointmentAt: ticket.appointmentAt },
      after: { appointmentAt: at, appointmentNote: input.note },
    });
  });
  return fieldTaskOf(context, id);
}

/** Sends the owner the code that confirms the work on site; in development the SMS sink writes it to the log. */
export async function sendConfirmationCode(context: Context, id: string): Promise<{ phone: string; expiresAt: Date }> {
  const now = context.clock.now();
  const ticket = await myTicket(context, id);
  if (ticket.status !== 'in_progress') throw new HttpProblem(409, 'not_arrived', fieldMessages.not_arrived);
  const phone = await ownerPhoneOf(context.db, ticket);
  if (!phone) throw new HttpProblem(422, 'no_owner_phone', fieldMessages.no_owner_phone);
  const last = await latestConfirmationCode(context.db, ticket.tenantId, ticket.id);
  if (last && !last.usedAt && now.getTime() - last.createdAt.getTime() < codeResendMs) throw new HttpProblem(429, 'code_too_soon', fieldMessages.code_too_soon);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const expiresAt = new Date(now.getTime() + codeTtlMs);
  await insertConfirmationCode(context.db, {
    tenantId: ticket.tenantId,
    ticketId: ticket.id,
    phone,
    codeHash: codeDigest(ticket.id, code),
    expiresAt,
    createdAt: now,
  });
  await context.sms.send({
    phone,
    purpose: 'notice',
    text: `您的报修 ${ticket.number} 师傅已处理完毕。确认无误请将确认码 ${code} 告诉师傅，10 分钟内有效；如有问题请勿提供。`,
  });
  return { phone: maskPhone(phone), expiresAt };
}

/** Checks the owner's code; a wrong try is counted even though the completion fails, so guessing runs out. */
async function checkCode(context: Context, ticket: TicketRow, code: string): Promise<NonNullable<Awaited<ReturnType<typeof latestConfirmationCode>>>> {
  const now = context.clock.now();
  const row = await latestConfirmationCode(context.db, ticket.tenantId, ticket.id);
  if (!row || row.usedAt) throw fieldProblem('confirmation.code', fieldMessages.code_missing);
  if (row.expiresAt.getTime() <= now.getTime() || row.attempts >= codeMaxAttempts) throw fieldProblem('confirmation.code', fieldMessages.code_expired);
  if (row.codeHash !== codeDigest(ticket.id, code)) {
    await countCodeAttempt(context.db, row);
    throw fieldProblem('confirmation.code', fieldMessages.code_wrong);
  }
  return row;
}

/**
 * 完工: the result, materials and photos, confirmed by the owner on site (signature or code); resolves the
 * ticket through the state machine, so the return visit and SLA outcome follow as from the console.
 */
export async function completeTask(context: Context, id: string, input: CompleteInput): Promise<FieldTask> {
  const now = context.clock.now();
  const ticket = await myTicket(context, id);
  requireVersion(ticket, input.version);
  if (ticket.status !== 'in_progress') throw new HttpProblem(409, 'not_arrived', fieldMessages.not_arrived);
  const attachments = await attachmentRowsOf(context.db, ticket.tenantId, ticket.id);
  const images = new Map(attachments.filter((row) => row.contentType.startsWith('image/')).map((row) => [row.id, row]));
  input.photoIds.forEach((photoId, index) => {
    if (!images.has(photoId)) throw fieldProblem(`photoIds.${index}`, fieldMessages.photo_unknown);
  });
  const confirmation = input.confirmation;
  if (confirmation.kind === 'signature' && !images.has(confirmation.attachmentId))
    throw fieldProblem('confirmation.attachmentId', fieldMessages.signature_unknown);
  const code = confirmation.kind === 'code' ? await checkCode(context, ticket, confirmation.code) : null;
  await context.db.transaction(async (tx) => {
    const current = await myTicket(context, id, tx);
    await requireResolutionEvidence(tx, current, { text: input.result, field: 'result' }, input.photoIds);
    if (code && !(await useConfirmationCode(tx, code, now))) throw fieldProblem('confirmation.code', fieldMessages.code_missing);
    const completion = await insertCompletion(tx, {
      tenantId: ticket.tenantId,
      ticketId: ticket.id,
      technicianId: context.principal.staffId,
      result: input.result,
      materials: input.materials,
      photoIds: input.photoIds,
      confirmation: confirmation.kind,
      signatureAttachmentId: confirmation.kind === 'signature' ? confirmation.attachmentId : null,
      completedAt: now,
    });
    const materials = input.materials.map((item) => `${item.name} ${item.quantity}${item.unit}`).join('、');
    await transition(tx, context, current, { action: 'resolve' }, staffActor(context.principal), now, {
      note: materials ? `${input.result}（用料：${materials}）` : input.result,
      data: { completionId: completion.id, confirmation: confirmation.kind, photoIds: input.photoIds, materials: input.materials },
    });
    // The technician's result is on the owner's progress page: checked against the red lines and scored (issue 17).
    await recordStaffText(tx, context, {
      sourceType: 'ticket_update',
      sourceId: ticket.id,
      text: input.result,
      ticketId: ticket.id,
      projectId: ticket.projectId,
    });
  });
  return fieldTaskOf(context, id);
}
