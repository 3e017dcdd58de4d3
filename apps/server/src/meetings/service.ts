import { emptyOrid, emptyWrapUp, oridMissing, teamProgress, wrapUpProblems, type OridNotes, type WrapUp } from '@manyi/core';
import type {
  meetingCreate,
  meetingPatch,
  meetingQuery,
  meetingRecord,
  questionAnswer,
  questionCreate,
  questionRecord,
  townHall,
} from '@manyi/contracts/meetings';
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import { actionsOf } from '../actions/service';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { HttpProblem, notFound } from '../http/problem';
import { inScope, requirePermission, scopedProjectIds } from '../policy/policy';
import { projectTargets } from '../targets/service';
import {
  answerQuestion,
  findMeeting,
  findQuestion,
  insertMeeting,
  insertQuestion,
  listMeetings,
  projectName,
  staffNames,
  updateMeeting,
  type MeetingRow,
  type QuestionRow,
} from './repository';

type MeetingRecord = z.output<typeof meetingRecord>;
type QuestionRecord = z.output<typeof questionRecord>;

/** A project of the caller's company and scope: to company-wide roles every id is "in scope", so the row must exist in this tenant. */
export async function requireOwnProject(context: Context, projectId: string): Promise<string> {
  const name = inScope(context.principal, projectId) ? await projectName(context.db, context.principal.tenantId, projectId) : undefined;
  if (name === undefined) throw notFound();
  return name;
}

async function present(context: Context, row: MeetingRow): Promise<MeetingRecord> {
  return {
    id: row.id,
    projectId: row.projectId,
    projectName: (await projectName(context.db, row.tenantId, row.projectId)) ?? '',
    kind: row.kind as MeetingRecord['kind'],
    title: row.title,
    heldOn: row.heldOn,
    orid: { ...emptyOrid, ...(row.orid as Partial<OridNotes>) },
    wrapUp: { ...emptyWrapUp, ...(row.wrapUp as Partial<WrapUp>) },
    createdAt: row.createdAt,
  };
}

async function requireMeeting(context: Context, id: string): Promise<MeetingRow> {
  const row = await findMeeting(context.db, context.principal.tenantId, id);
  if (!row || !inScope(context.principal, row.projectId)) throw notFound();
  return row;
}

export async function listMeetingsOf(context: Context, query: z.output<typeof meetingQuery>): Promise<{ items: MeetingRecord[] }> {
  const rows = await listMeetings(context.db, context.principal.tenantId, scopedProjectIds(context.principal, query.projectId));
  return { items: await Promise.all(rows.map((row) => present(context, row))) };
}

export async function getMeeting(context: Context, id: string): Promise<MeetingRecord> {
  return present(context, await requireMeeting(context, id));
}

export async function createMeeting(context: Context, input: z.output<typeof meetingCreate>): Promise<MeetingRecord> {
  requirePermission(context.principal, 'action.manage');
  await requireOwnProject(context, input.projectId);
  const id = uuidv7();
  const now = context.clock.now();
  await context.db.transaction(async (tx) => {
    const row = await insertMeeting(tx, {
      id,
      tenantId: context.principal.tenantId,
      projectId: input.projectId,
      kind: input.kind,
      title: input.title,
      heldOn: input.heldOn,
      orid: emptyOrid,
      wrapUp: emptyWrapUp,
      createdById: context.principal.staffId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, context, { action: 'create', entityType: 'meeting', entityId: id, summary: `会议「${input.title}」`, after: row });
  });
  return getMeeting(context, id);
}

/**
 * Writes the ORID review or the 5-3-1 wrap-up. An ORID review may be written level by level, but a
 * decision needs the facts under it (seed 001: 用ORID总结 — from what we saw to what we will do);
 * a 5-3-1 wrap-up is saved only whole: five take-aways, three tools, one action.
 */
export async function updateMeetingNotes(context: Context, id: string, input: z.output<typeof meetingPatch>): Promise<MeetingRecord> {
  requirePermission(context.principal, 'action.manage');
  const row = await requireMeeting(context, id);
  if (input.orid && input.orid.decisional.trim() !== '' && oridMissing(input.orid).length > 0) {
    throw new HttpProblem(
      422,
      'orid_incomplete',
      { 'zh-CN': 'ORID 须由事实到决定逐层写出', 'en-US': 'ORID goes from the facts to the decision, level by level' },
      oridMissing(input.orid).map((level) => ({
        field: `orid.${level}`,
        messages: { 'zh-CN': '写出决定之前，请先填写这一层', 'en-US': 'Fill in this level before the decision' },
      })),
    );
  }
  if (input.wrapUp) {
    const problems = wrapUpProblems(input.wrapUp);
    if (problems.length > 0)
      throw new HttpProblem(
        422,
        'wrap_up_not_531',
        { 'zh-CN': '5-3-1 总结须为 5 个收获、3 个工具、1 个行动', 'en-US': 'A 5-3-1 wrap-up has 5 take-aways, 3 tools and 1 action' },
        problems.map((problem) => ({
          field: `wrapUp.${problem.field}`,
          messages: {
            'zh-CN': `需要 ${problem.expected} 项不重复的内容，现有 ${problem.got} 项`,
            'en-US': `Needs ${problem.expected} distinct entries, has ${problem.got}`,
          },
        })),
      );
  }
  const set = {
    ...(input.orid && { orid: input.orid }),
    ...(input.wrapUp && {
      wrapUp: {
        takeaways: input.wrapUp.takeaways.map((entry) => entry.trim()),
        tools: input.wrapUp.tools.map((entry) => entry.trim()),
        action: input.wrapUp.action,
      },
    }),
    updatedAt: context.clock.now(),
  };
  await context.db.transaction(async (tx) => {
    await updateMeeting(tx, row.tenantId, id, set);
    await recordAudit(tx, context, {
      action: 'update',
      entityType: 'meeting',
      entityId: id,
      summary: input.wrapUp ? `5-3-1 总结「${row.title}」` : `ORID 复盘「${row.title}」`,
      before: { orid: row.orid, wrapUp: row.wrapUp },
      after: set,
    });
  });
  return getMeeting(context, id);
}

/** 城镇会议: each team of the project shows its plan — its targets and actions — and how far it has got. */
export async function townHallOf(context: Context, id: string): Promise<z.output<typeof townHall>> {
  const meeting = await getMeeting(context, id);
  const [targets, actions] = await Promise.all([projectTargets(context, meeting.projectId), actionsOf(context, { projectIds: [meeting.projectId] })]);
  const posts = [...new Set([...targets.filter((target) => target.post !== null).map((target) => target.post), ...actions.map((action) => action.post)])];
  const order = (post: string | null) => (post === null ? 1 : 0);
  return {
    meeting,
    teams: posts
      .sort((a, b) => order(a) - order(b) || String(a).localeCompare(String(b)))
      .map((post) => {
        const own = actions.filter((action) => action.post === post);
        return {
          post,
          targets: targets.filter((target) => target.post === post && post !== null),
          actions: own,
          progress: teamProgress(own.map((action) => action.state)),
        };
      }),
  };
}

export async function presentQuestions(context: Context, rows: QuestionRow[]): Promise<QuestionRecord[]> {
  const names = await staffNames(context.db, context.principal.tenantId);
  return rows.map((row) => ({
    id: row.id,
    projectId: row.projectId,
    question: row.question,
    askedByName: names.get(row.askedById) ?? '',
    answer: row.answer,
    answeredByName: row.answeredById ? (names.get(row.answeredById) ?? null) : null,
    answeredAt: row.answeredAt,
    createdAt: row.createdAt,
  }));
}

/** Any staff member of the project brings a question to the weekly meeting (seed 002: 由各位提出问题). */
export async function askQuestion(context: Context, input: z.output<typeof questionCreate>): Promise<QuestionRecord> {
  await requireOwnProject(context, input.projectId);
  const id = uuidv7();
  let row: QuestionRow | undefined;
  await context.db.transaction(async (tx) => {
    row = await insertQuestion(tx, {
      id,
      tenantId: context.principal.tenantId,
      projectId: input.projectId,
      askedById: context.principal.staffId,
      question: input.question,
      createdAt: context.clock.now(),
    });
    await recordAudit(tx, context, { action: 'create', entityType: 'meeting_question', entityId: id, summary: `例会问题：${input.question}` });
  });
  return (await presentQuestions(context, [row!]))[0]!;
}

/** The manager answers with the measure to take and why (seed 002: 给出采取的措施 … 为什么要如此做的简单理由), once. */
export async function answer(context: Context, id: string, input: z.output<typeof questionAnswer>): Promise<QuestionRecord> {
  requirePermission(context.principal, 'action.manage');
  const row = await findQuestion(context.db, context.principal.tenantId, id);
  if (!row || !inScope(context.principal, row.projectId)) throw notFound();
  await context.db.transaction(async (tx) => {
    const set = { answer: input.answer, answeredById: context.principal.staffId, answeredAt: context.clock.now() };
    if (!(await answerQuestion(tx, row.tenantId, id, set)))
      throw new HttpProblem(409, 'question_answered', { 'zh-CN': '该问题已答复', 'en-US': 'This question has already been answered' });
    await recordAudit(tx, context, { action: 'update', entityType: 'meeting_question', entityId: id, summary: `答复例会问题：${input.answer}` });
  });
  return (await presentQuestions(context, [(await findQuestion(context.db, row.tenantId, id))!]))[0]!;
}
