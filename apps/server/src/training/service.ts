import { clearSteps, discGuides, gradeQuiz, type Course, type Label } from '@manyi/core';
import type {
  assignmentBody,
  courseBody,
  courseDetail,
  courseSummary,
  drillDetail,
  drillResult,
  drillSummary,
  learningRecord,
  teamProgress,
} from '@manyi/contracts/training';
import { scoreDrillAnswer } from '@manyi/text';
import type { z } from 'zod';
import { recordAudit } from '../audit/record';
import type { Context } from '../http/context';
import { messageFor } from '../http/messages';
import { fieldProblem, notFound } from '../http/problem';
import { can, requirePermission, scopedProjectIds } from '../policy/policy';
import { searchScripts } from '../scripts/service';
import { activeAssignments } from '../staff/repository';
import { allCourses, allDrills, companyCourse, courseByKey, drillByKey, titlesOf, type CatalogueCourse } from './catalogue';
import { courseProgress, drillStanding, learningTotals } from './progress';
import {
  assignmentsOf,
  insertCourse,
  insertLearningRecord,
  learningRecordsOf,
  learningRecordsOfMany,
  rolesOfStaff,
  staffNameAndRoles,
  upsertAssignments,
  type AssignmentRow,
  type LearningRow,
} from './repository';

type Summary = z.output<typeof courseSummary>;

function summaryOf(course: CatalogueCourse, records: readonly LearningRow[], assignment: AssignmentRow | undefined): Summary & { doneLessons: Set<string> } {
  const progress = courseProgress(course, records);
  return {
    key: course.key,
    builtIn: course.builtIn,
    topic: course.topic,
    title: course.title,
    summary: course.summary,
    lessonCount: course.lessons.length,
    questionCount: course.quiz.length,
    minutes: course.lessons.reduce((sum, lesson) => sum + lesson.minutes, 0),
    progress: { lessonsDone: progress.lessonsDone, bestScore: progress.bestScore, passed: progress.passed, completed: progress.completed },
    dueOn: assignment?.dueOn ?? null,
    doneLessons: progress.doneLessons,
  };
}

const withoutDone = ({ doneLessons: _done, ...summary }: Summary & { doneLessons: Set<string> }): Summary => summary;

async function requireCourse(context: Context, key: string): Promise<CatalogueCourse> {
  const course = await courseByKey(context.db, context.principal.tenantId, key);
  if (!course) throw notFound();
  return course;
}

/** The courses with the caller's own progress; assigned courses first, by due date. */
export async function listCourses(context: Context): Promise<{ items: Summary[] }> {
  const { tenantId, staffId } = context.principal;
  const [courses, records, assignments] = await Promise.all([
    allCourses(context.db, tenantId),
    learningRecordsOf(context.db, tenantId, staffId),
    assignmentsOf(context.db, tenantId, [staffId]),
  ]);
  const items = courses.map((course) =>
    withoutDone(
      summaryOf(
        course,
        records,
        assignments.find((assignment) => assignment.courseKey === course.key),
      ),
    ),
  );
  const rank = (item: Summary) => (item.dueOn && !item.progress.completed ? 0 : 1);
  items.sort((left, right) => rank(left) - rank(right) || (left.dueOn ?? '').localeCompare(right.dueOn ?? ''));
  return { items };
}

export async function getCourse(context: Context, key: string): Promise<z.output<typeof courseDetail>> {
  const { tenantId, staffId } = context.principal;
  const course = await requireCourse(context, key);
  const [records, assignments] = await Promise.all([learningRecordsOf(context.db, tenantId, staffId), assignmentsOf(context.db, tenantId, [staffId])]);
  const summary = summaryOf(
    course,
    records,
    assignments.find((assignment) => assignment.courseKey === key),
  );
  return {
    ...withoutDone(summary),
    lessons: course.lessons.map((lesson) => ({ ...lesson, done: summary.doneLessons.has(lesson.id) })),
    quiz: course.quiz.map((question) => ({ id: question.id, text: question.text, options: question.options, multiple: question.correct.length > 1 })),
  };
}

/** A company's own course; built-in courses are part of the product and not edited. */
export async function createCourse(context: Context, input: z.output<typeof courseBody>): Promise<z.output<typeof courseDetail>> {
  requirePermission(context.principal, 'training.manage');
  const row = await context.db.transaction(async (tx) => {
    const created = await insertCourse(tx, { tenantId: context.principal.tenantId, content: input, createdById: context.principal.staffId });
    await recordAudit(tx, context, {
      action: 'create',
      entityType: 'training_course',
      entityId: created.id,
      summary: `新建培训课程「${input.title}」`,
      after: input,
    });
    return created;
  });
  return getCourse(context, companyCourse(row).key);
}

export async function completeLesson(context: Context, key: string, lessonId: string, seconds: number): Promise<z.output<typeof courseDetail>> {
  const course = await requireCourse(context, key);
  if (!course.lessons.some((lesson) => lesson.id === lessonId)) throw notFound();
  await insertLearningRecord(context.db, {
    tenantId: context.principal.tenantId,
    staffId: context.principal.staffId,
    kind: 'lesson',
    subjectKey: key,
    itemKey: lessonId,
    seconds,
  });
  return getCourse(context, key);
}

export async function takeQuiz(context: Context, key: string, answers: Record<string, string[]>, seconds: number) {
  const course: Course = await requireCourse(context, key);
  const result = gradeQuiz(course.quiz, answers);
  await insertLearningRecord(context.db, {
    tenantId: context.principal.tenantId,
    staffId: context.principal.staffId,
    kind: 'quiz',
    subjectKey: key,
    score: result.score,
    passed: result.passed,
    seconds,
    detail: { answers },
  });
  const explanations = new Map(course.quiz.map((question) => [question.id, question.explanation]));
  return { ...result, questions: result.questions.map((question) => ({ ...question, explanation: explanations.get(question.id)! })) };
}

export async function listDrills(context: Context): Promise<{ items: z.output<typeof drillSummary>[] }> {
  const [records, drills] = await Promise.all([
    learningRecordsOf(context.db, context.principal.tenantId, context.principal.staffId),
    allDrills(context.db, context.principal.tenantId),
  ]);
  return {
    items: drills.map((drill) => {
      const standing = drillStanding(drill.key, records);
      return {
        key: drill.key,
        title: drill.title,
        source: drill.source,
        ownerStyle: drill.ownerStyle,
        turnCount: drill.ownerTurns.length,
        bestScore: standing.bestScore,
        attempts: standing.attempts,
      };
    }),
  };
}

export async function getDrill(context: Context, key: string): Promise<z.output<typeof drillDetail>> {
  const drill = await drillByKey(context.db, context.principal.tenantId, key);
  if (!drill) throw notFound();
  const summary = (await listDrills(context)).items.find((item) => item.key === key)!;
  return { ...summary, scene: drill.scene, ownerTurns: drill.ownerTurns, styleTip: discGuides[drill.ownerStyle].key };
}

/**
 * Scores a drill answer (CLEAR checklist and red-line QA, packages/text scoreDrillAnswer) and keeps it in
 * the learning record; the model answer is shown only after an attempt.
 */
export async function answerDrill(context: Context, key: string, replies: string[], seconds: number): Promise<z.output<typeof drillResult>> {
  const drill = await drillByKey(context.db, context.principal.tenantId, key);
  if (!drill) throw notFound();
  if (replies.length !== drill.ownerTurns.length) throw fieldProblem('replies', messageFor('drill_reply_count'));
  const score = scoreDrillAnswer(replies);
  await insertLearningRecord(context.db, {
    tenantId: context.principal.tenantId,
    staffId: context.principal.staffId,
    kind: 'drill',
    subjectKey: key,
    score: score.total,
    passed: score.passed,
    seconds,
    detail: { replies, clearScore: score.clearScore, inOrder: score.inOrder, redLines: score.findings.map((finding) => finding.redLine) },
  });
  return {
    ...score,
    steps: score.steps.map((step) => ({ ...step, name: clearSteps.labels[step.step] })),
    findings: score.findings.map((finding) => ({ ...finding, severity: String(finding.severity) })),
    modelReplies: drill.modelReplies,
  };
}

/** The people a manager follows: active staff of the caller's projects (every project for company-wide roles). */
async function teamOf(context: Context, projectId?: string) {
  const projectIds = scopedProjectIds(context.principal, projectId);
  if (projectIds?.length === 0) return new Map<string, string>();
  const rows = await activeAssignments(context.db, context.principal.tenantId, projectIds);
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** One's own record, or — with training.manage — that of someone in one's team (anyone else is not found). */
export async function getLearningRecord(context: Context, staffId?: string): Promise<z.output<typeof learningRecord>> {
  const { tenantId } = context.principal;
  const target = staffId ?? context.principal.staffId;
  if (target !== context.principal.staffId) {
    if (!can(context.principal, 'training.manage')) throw notFound();
    if (!(await teamOf(context)).has(target)) throw notFound();
  }
  const person = await staffNameAndRoles(context.db, tenantId, target);
  if (!person) throw notFound();
  const [courses, records, drills, scripts] = await Promise.all([
    allCourses(context.db, tenantId),
    learningRecordsOf(context.db, tenantId, target),
    allDrills(context.db, tenantId),
    searchScripts(context, undefined),
  ]);
  const titles = titlesOf(courses, drills);
  // Script keys are the company's to choose and may repeat a course's: practice titles are looked up apart.
  const scriptTitles = new Map(scripts.map((script) => [script.key, script.title]));
  const unknown: Label = { 'zh-CN': '已删除的课程', 'en-US': 'A removed course' };
  return {
    staffId: target,
    staffName: person.name,
    ...learningTotals(courses, records),
    entries: records.map((record) => ({
      id: record.id,
      kind: record.kind as 'lesson' | 'quiz' | 'drill' | 'practice',
      subjectKey: record.subjectKey,
      subjectTitle: (record.kind === 'practice' ? scriptTitles : titles).get(record.subjectKey) ?? unknown,
      itemKey: record.itemKey,
      score: record.score,
      passed: record.passed,
      seconds: record.seconds,
      createdAt: record.createdAt,
    })),
  };
}

export async function assignCourse(context: Context, input: z.output<typeof assignmentBody>): Promise<{ assigned: number }> {
  requirePermission(context.principal, 'training.manage');
  const course = await courseByKey(context.db, context.principal.tenantId, input.courseKey);
  if (!course) throw fieldProblem('courseKey', messageFor('not_found'));
  const team = await teamOf(context);
  const outside = input.staffIds.findIndex((id) => !team.has(id));
  if (outside >= 0) throw fieldProblem(`staffIds.${outside}`, messageFor('not_found'));
  const staffIds = [...new Set(input.staffIds)];
  return context.db.transaction(async (tx) => {
    const assigned = await upsertAssignments(
      tx,
      staffIds.map((staffId) => ({
        tenantId: context.principal.tenantId,
        courseKey: course.key,
        staffId,
        assignedById: context.principal.staffId,
        dueOn: input.dueOn,
      })),
    );
    await recordAudit(tx, context, {
      action: 'create',
      entityType: 'training_assignment',
      entityId: null,
      summary: `指派课程「${course.title['zh-CN']}」给 ${staffIds.length} 人`,
      after: { courseKey: course.key, staffIds, dueOn: input.dueOn },
    });
    return { assigned };
  });
}

/** Each team member's assigned courses (done, overdue), courses completed, drills passed and last activity. */
export async function getTeamProgress(context: Context, projectId: string | undefined, today: string): Promise<z.output<typeof teamProgress>> {
  requirePermission(context.principal, 'training.manage');
  const { tenantId } = context.principal;
  const team = await teamOf(context, projectId);
  const staffIds = [...team.keys()];
  const [courses, records, assignments, roles] = await Promise.all([
    allCourses(context.db, tenantId),
    learningRecordsOfMany(context.db, tenantId, staffIds),
    assignmentsOf(context.db, tenantId, staffIds),
    rolesOfStaff(context.db, tenantId, staffIds),
  ]);
  const byKey = new Map(courses.map((course) => [course.key, course]));
  const items = staffIds.map((staffId) => {
    const mine = records.filter((record) => record.staffId === staffId);
    const assigned = assignments.filter((assignment) => assignment.staffId === staffId && byKey.has(assignment.courseKey));
    const done = assigned.filter((assignment) => courseProgress(byKey.get(assignment.courseKey)!, mine).completed);
    const last = mine.reduce<Date | null>((latest, record) => (!latest || record.createdAt > latest ? record.createdAt : latest), null);
    return {
      staffId,
      name: team.get(staffId)!,
      roles: roles.get(staffId) ?? [],
      assigned: assigned.length,
      completedAssigned: done.length,
      overdue: assigned.filter((assignment) => assignment.dueOn !== null && assignment.dueOn < today && !done.includes(assignment)).length,
      ...learningTotals(courses, mine),
      lastActivityAt: last,
    };
  });
  return { items };
}
