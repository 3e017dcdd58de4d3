import { addLocalDays, shanghaiDate, shanghaiInstant } from '@manyi/core';
import type { z } from 'zod';
import { saveClear, saveRecovery } from '../complaints/service';
import type { clearBody, recoveryBody } from '@manyi/contracts/complaints';
import type { OwnerPrincipal, StaffPrincipal } from '../http/principal';
import { performAction } from '../ticket-desk/actions';
import { answerHandover, requestHandover } from '../tickets/handover';
import { addNote } from '../tickets/notes';
import { answerResolution } from '../ticket-desk/owner-service';
import { createTicket } from '../receipts/console';
import { reportIssue } from '../receipts/owner';
import type { ActionInput, TicketInput } from '@manyi/contracts/tickets';
import type { ownerConfirmBody, VisitInput } from '@manyi/contracts/visits';
import { createVisit } from '../visits/service';
import type { Story } from './story-context';

/**
 * A small script language for the demo's tickets: who reported what, when, and what each person
 * did to it afterwards. The runner replays a script through the real services with the story's
 * clock set to each moment, so the story cannot write anything the product itself would refuse
 * (a complaint resolved without CLEAR, a hold without a resume time …).
 */

const minuteMs = 60_000;

/** Moments relative to the demo's "now", so that the demo looks alive whenever it is seeded. */
export type Moments = {
  now: Date;
  hoursAgo(hours: number): Date;
  /** A Shanghai wall-clock time on the day `days` from today (negative: in the past). */
  day(days: number, time: string): Date;
  /** `minutes` after an instant. */
  after(from: Date, minutes: number): Date;
};

export function momentsFrom(now: Date): Moments {
  const today = shanghaiDate(now);
  return {
    now,
    hoursAgo: (hours) => new Date(now.getTime() - hours * 60 * minuteMs),
    day: (days, time) => shanghaiInstant(addLocalDays(today, days), time),
    after: (from, minutes) => new Date(from.getTime() + minutes * minuteMs),
  };
}

type StaffStep =
  | { act: ActionInput }
  | { mergeInto: string }
  | { note: string; visible?: boolean }
  | { clear: z.infer<typeof clearBody> }
  | { recovery: z.infer<typeof recoveryBody> }
  | { visit: VisitInput }
  | { handoverTo: StaffPrincipal; note?: string }
  | { acceptHandover: true };

type OwnerStep = { confirm: z.infer<typeof ownerConfirmBody> } | { reject: { comment: string } };

export type Step = { at: Date } & (({ by: StaffPrincipal } & StaffStep) | ({ owner: OwnerPrincipal } & OwnerStep));

export type TicketScript = {
  /** How other scripts refer to this ticket (a duplicate merged into it). */
  key: string;
  projectId: string;
  reportedAt: Date;
  /** A staff member logging a call or a patrol finding, or the owner on the H5 page. */
  by: StaffPrincipal | OwnerPrincipal;
  ticket: Omit<TicketInput, 'projectId'>;
  steps?: Step[];
};

export type ReplayResult = { ids: Map<string, string> };

/**
 * Replays the scripts in order of report, so ticket numbers run in time order within each day
 * and repeat detection sees the earlier reports. A step dated after the demo's now is a mistake
 * in the story, not something to write.
 */
export async function replay(story: Story, now: Date, scripts: readonly TicketScript[]): Promise<ReplayResult> {
  const ids = new Map<string, string>();
  const ordered = [...scripts].sort((a, b) => a.reportedAt.getTime() - b.reportedAt.getTime());
  for (const script of ordered) {
    const moments = [script.reportedAt, ...(script.steps ?? []).map((step) => step.at)];
    moments.forEach((moment, index) => {
      if (moment > now) throw new Error(`demo story: ${script.key} step ${index} is in the future`);
      if (index > 0 && moment < moments[index - 1]!) throw new Error(`demo story: ${script.key} step ${index} goes back in time`);
    });
    story.clock.set(script.reportedAt);
    const id = await receive(story, script);
    ids.set(script.key, id);
    for (const step of script.steps ?? []) {
      story.clock.set(step.at);
      await perform(story, id, step, ids);
    }
  }
  return { ids };
}

async function receive(story: Story, script: TicketScript): Promise<string> {
  if (script.by.kind === 'owner') {
    const { type, categoryCode, title, description, location, householdId } = script.ticket;
    if (!householdId) throw new Error(`demo story: ${script.key} is reported on the H5 page without a household`);
    const ticket = await reportIssue(story.owner(script.by), {
      householdId,
      type,
      categoryCode,
      title,
      description: description || title,
      ...(location && { location }),
    });
    return ticket.id;
  }
  return (await createTicket(story.staff(script.by), { ...script.ticket, projectId: script.projectId })).id;
}

async function perform(story: Story, id: string, step: Step, ids: Map<string, string>): Promise<void> {
  if ('owner' in step) {
    const context = story.owner(step.owner);
    await answerResolution(context, id, 'confirm' in step ? { confirm: step.confirm } : { reject: step.reject });
    return;
  }
  const context = story.staff(step.by);
  if ('act' in step) await performAction(context, id, step.act);
  else if ('mergeInto' in step) {
    const into = ids.get(step.mergeInto);
    if (!into) throw new Error(`demo story: merge into ${step.mergeInto}, which is reported later or not at all`);
    await performAction(context, id, { action: 'merge', intoTicketId: into });
  } else if ('handoverTo' in step) await requestHandover(context, id, { toStaffId: step.handoverTo.staffId, note: step.note });
  else if ('note' in step) await addNote(context, id, { body: step.note, visibleToOwner: step.visible ?? true });
  else if ('clear' in step) await saveClear(context, id, step.clear);
  else if ('recovery' in step) await saveRecovery(context, id, step.recovery);
  else if ('visit' in step) await createVisit(context, id, step.visit);
  else await answerHandover(context, id, true);
}

/** Builds a script whose steps are timed in minutes after its report (t(90) = an hour and a half later). */
export function scripted(script: Omit<TicketScript, 'steps'>, steps: (t: (minutes: number) => Date) => Step[] = () => []): TicketScript {
  return { ...script, steps: steps((minutes) => new Date(script.reportedAt.getTime() + minutes * minuteMs)) };
}

/** The steps the story uses most, named as a steward would say them. */
export const say = {
  accept: (at: Date, by: StaffPrincipal): Step => ({ at, by, act: { action: 'accept' } }),
  assign: (at: Date, by: StaffPrincipal, to: StaffPrincipal, note?: string): Step => ({
    at,
    by,
    act: { action: 'assign', assigneeId: to.staffId, ...(note && { note }) },
  }),
  start: (at: Date, by: StaffPrincipal, note?: string): Step => ({ at, by, act: { action: 'start', ...(note && { note }) } }),
  resolve: (at: Date, by: StaffPrincipal, note: string): Step => ({ at, by, act: { action: 'resolve', note } }),
  close: (at: Date, by: StaffPrincipal): Step => ({ at, by, act: { action: 'close' } }),
  hold: (at: Date, by: StaffPrincipal, reason: string, resumeAt: Date): Step => ({ at, by, act: { action: 'hold', reason, resumeAt: resumeAt.toISOString() } }),
  cancel: (at: Date, by: StaffPrincipal, reason: string): Step => ({ at, by, act: { action: 'cancel', reason } }),
  /** An owner-visible progress update (进度告知) unless `visible` is false. */
  update: (at: Date, by: StaffPrincipal, note: string, visible = true): Step => ({ at, by, note, visible }),
  /** 回访 by phone with the owner's rating. */
  rated: (at: Date, by: StaffPrincipal, csat: number, peakMoment: string, endMoment: string, comment: string): Step => ({
    at,
    by,
    visit: { method: 'phone', outcome: 'confirmed', csat, peakMoment, endMoment, comment },
  }),
  rejected: (at: Date, by: StaffPrincipal, comment: string): Step => ({ at, by, visit: { method: 'phone', outcome: 'rejected', comment } }),
};
