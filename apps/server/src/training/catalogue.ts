/**
 * What can be learned: the built-in courses and drills of @manyi/core and the company's own courses,
 * under one key each (a built-in slug or a company course's id).
 */
import { builtInCourses, builtInDrills, type CaseContent, type Course, type DiscStyle, type Drill, type Label } from '@manyi/core';
import type { courseBody } from '@manyi/contracts/training';
import type { z } from 'zod';
import type { Executor } from '@manyi/db';
import { findCaseRow, publishedCases, type CaseRow } from '../cases/repository';
import { companyCourses, findCompanyCourse, type CourseRow } from './repository';

export type CatalogueCourse = Course & { builtIn: boolean };

const same = (text: string): Label => ({ 'zh-CN': text, 'en-US': text });
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A company course is written in one language; both locales show it as written. */
export function companyCourse(row: CourseRow): CatalogueCourse {
  const content = row.content as z.output<typeof courseBody>;
  return {
    key: row.id,
    builtIn: false,
    topic: 'custom',
    title: same(content.title),
    summary: same(content.summary),
    lessons: content.lessons.map((lesson, index) => ({ id: `l${index + 1}`, title: same(lesson.title), body: same(lesson.body), minutes: lesson.minutes })),
    quiz: content.quiz.map((question) => ({
      id: question.id,
      text: same(question.text),
      options: question.options.map((option) => ({ id: option.id, text: same(option.text) })),
      correct: question.correct,
      explanation: same(question.explanation),
    })),
  };
}

export async function allCourses(db: Executor, tenantId: string): Promise<CatalogueCourse[]> {
  const own = await companyCourses(db, tenantId);
  return [...builtInCourses.map((course) => ({ ...course, builtIn: true })), ...own.map(companyCourse)];
}

export async function courseByKey(db: Executor, tenantId: string, key: string): Promise<CatalogueCourse | undefined> {
  const builtIn = builtInCourses.find((course) => course.key === key);
  if (builtIn) return { ...builtIn, builtIn: true };
  if (!uuidPattern.test(key)) return undefined;
  const row = await findCompanyCourse(db, tenantId, key);
  return row ? companyCourse(row) : undefined;
}

const casePrefix = 'case-';

/**
 * A published case of the company's library as a drill (issue 19 §5: any published case can become one):
 * the owner says what they said, then asks what will be done; the model answer is the case's own CLEAR steps.
 * A case whose owner's style was not recorded is played as an owl (facts and details), the style that
 * asks most of the steward.
 */
export function caseDrill(row: CaseRow): Drill {
  const content = row.content as CaseContent;
  const join = (...parts: string[]) => parts.filter((part) => part.trim()).join('');
  return {
    key: `${casePrefix}${row.id}`,
    title: same(row.title),
    source: '案例金典',
    ownerStyle: (row.discStyle as DiscStyle | null) ?? 'owl',
    scene: same(content.background),
    ownerTurns: [same(content.ownerWords || content.background), same('那你们到底打算怎么处理？什么时候能解决？')],
    modelReplies: [join(content.clear.control, content.clear.listen), join(content.clear.establish, content.clear.apologize, content.clear.resolve)],
  };
}

export async function allDrills(db: Executor, tenantId: string): Promise<Drill[]> {
  return [...builtInDrills, ...(await publishedCases(db, tenantId)).map(caseDrill)];
}

export async function drillByKey(db: Executor, tenantId: string, key: string): Promise<Drill | undefined> {
  const builtIn = builtInDrills.find((drill) => drill.key === key);
  if (builtIn) return builtIn;
  const id = key.startsWith(casePrefix) ? key.slice(casePrefix.length) : '';
  if (!uuidPattern.test(id)) return undefined;
  const row = await findCaseRow(db, tenantId, id);
  return row && row.record.status === 'published' ? caseDrill(row.record) : undefined;
}

/** Titles of every course and drill, for naming learning records. */
export function titlesOf(courses: readonly CatalogueCourse[], drills: readonly Drill[]): Map<string, Label> {
  return new Map<string, Label>([...courses.map((course) => [course.key, course.title] as const), ...drills.map((drill) => [drill.key, drill.title] as const)]);
}
