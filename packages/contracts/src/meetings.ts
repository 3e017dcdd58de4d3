import { staffPosts } from '@manyi/core';
import { z } from 'zod';
import { actionRecord } from './actions';
import { targetRecord } from './targets';

/** Meetings of the management loop (issue 18 §5, §7): the town hall (城镇会议) with ORID and 5-3-1, and the weekly agenda (周例会). */
export const meetingKinds = ['town_hall', 'weekly'] as const;
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const note = z.string().trim().max(2000);

export const oridNotes = z.object({ objective: note, reflective: note, interpretive: note, decisional: note });
export const wrapUp = z.object({
  takeaways: z.array(z.string().trim().max(200)).max(10),
  tools: z.array(z.string().trim().max(200)).max(10),
  action: z.string().trim().max(200),
});

export const meetingCreate = z.object({
  projectId: z.uuid(),
  kind: z.enum(meetingKinds),
  title: z.string().trim().min(1).max(80),
  heldOn: day,
});
export const meetingPatch = z.object({ orid: oridNotes.optional(), wrapUp: wrapUp.optional() });
export const meetingQuery = z.object({ projectId: z.uuid().optional() });

export const meetingRecord = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  kind: z.enum(meetingKinds),
  title: z.string(),
  heldOn: z.string(),
  orid: oridNotes,
  wrapUp: wrapUp,
  createdAt: z.date(),
});

/** The town-hall view: every team's plan (its targets and actions) and progress, for the projector. */
export const townHall = z.object({
  meeting: meetingRecord,
  teams: z.array(
    z.object({
      /** null: actions for the whole project. */
      post: z.enum(staffPosts.values).nullable(),
      targets: z.array(targetRecord),
      actions: z.array(actionRecord),
      progress: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int(), share: z.number().nullable() }),
    }),
  ),
});

export const questionCreate = z.object({ projectId: z.uuid(), question: z.string().trim().min(1).max(500) });
export const questionAnswer = z.object({ answer: z.string().trim().min(1).max(2000) });
export const questionRecord = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  question: z.string(),
  askedByName: z.string(),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.date().nullable(),
  createdAt: z.date(),
});

export const agendaQuery = z.object({ projectId: z.uuid() });
/** The weekly meeting's agenda, assembled from data (seed 002 周例会). `gapsWidened` is null for a reader who may not see the 5-GAP workspace. */
export const agenda = z.object({
  projectId: z.uuid(),
  projectName: z.string(),
  targetsOffTrack: z.array(targetRecord),
  gapsWidened: z
    .array(z.object({ gap: z.number().int().min(1).max(5), gapKey: z.string(), label: z.string(), before: z.number(), now: z.number(), change: z.number() }))
    .nullable(),
  overdueActions: z.array(actionRecord),
  newCases: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string(), flaggedAt: z.date() })),
  questions: z.array(questionRecord),
});
