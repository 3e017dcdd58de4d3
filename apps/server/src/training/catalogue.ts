/**
 * What can be learned: the built-in courses and drills of @manyi/core and the company's own courses,
 * under one key each (a built-in slug or a company course's id).
 */
import { builtInCourses, builtInDrills, type Course, type Drill, type Label } from '@manyi/core';
import type { courseBody } from '@manyi/contracts/training';
import type { z } from 'zod';
import type { Executor } from '@manyi/db';
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

export function drillByKey(key: string): Drill | undefined {
  return builtInDrills.find((drill) => drill.key === key);
}

/** Titles of every course and drill, for naming learning records. */
export function titlesOf(courses: readonly CatalogueCourse[]): Map<string, Label> {
  return new Map<string, Label>([
    ...courses.map((course) => [course.key, course.title] as const),
    ...builtInDrills.map((drill) => [drill.key, drill.title] as const),
  ]);
}
