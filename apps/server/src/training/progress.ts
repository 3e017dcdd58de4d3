/**
 * A person's standing in a course or drill, read from their learning records (rows are never updated:
 * every lesson read, quiz taken and drill answered is its own row).
 * A course is completed when every lesson was read and the quiz passed at least once.
 */
import type { Course } from '@manyi/core';
import type { LearningRow } from './repository';

export type CourseProgress = { lessonsDone: number; bestScore: number | null; passed: boolean; completed: boolean; doneLessons: Set<string> };

export function courseProgress(course: Course, records: readonly LearningRow[]): CourseProgress {
  const mine = records.filter((record) => record.subjectKey === course.key);
  const lessonIds = new Set(course.lessons.map((lesson) => lesson.id));
  const doneLessons = new Set(
    mine.filter((record) => record.kind === 'lesson' && record.itemKey && lessonIds.has(record.itemKey)).map((record) => record.itemKey!),
  );
  const quizzes = mine.filter((record) => record.kind === 'quiz');
  const bestScore = quizzes.length === 0 ? null : Math.max(...quizzes.map((record) => record.score ?? 0));
  const passed = quizzes.some((record) => record.passed === true);
  return { lessonsDone: doneLessons.size, bestScore, passed, completed: passed && doneLessons.size === lessonIds.size, doneLessons };
}

export type DrillStanding = { attempts: number; bestScore: number | null; passed: boolean };

export function drillStanding(key: string, records: readonly LearningRow[]): DrillStanding {
  const attempts = records.filter((record) => record.kind === 'drill' && record.subjectKey === key);
  return {
    attempts: attempts.length,
    bestScore: attempts.length === 0 ? null : Math.max(...attempts.map((record) => record.score ?? 0)),
    passed: attempts.some((record) => record.passed === true),
  };
}

/** A person's script practice of one scenario: attempts, best score, the situations passed. */
export function practiceStanding(key: string, records: readonly LearningRow[]) {
  const attempts = records.filter((record) => record.kind === 'practice' && record.subjectKey === key);
  return {
    attempts: attempts.length,
    bestScore: attempts.length === 0 ? null : Math.max(...attempts.map((record) => record.score ?? 0)),
    passedSituations: [...new Set(attempts.filter((record) => record.passed === true).map((record) => record.itemKey ?? 'standard'))],
  };
}

/**
 * Totals over all of a person's records: courses completed, drills passed, average best drill score, script
 * practices passed (each scenario and situation once), minutes spent.
 */
export function learningTotals(courses: readonly Course[], records: readonly LearningRow[]) {
  const coursesCompleted = courses.filter((course) => courseProgress(course, records).completed).length;
  const drillKeys = [...new Set(records.filter((record) => record.kind === 'drill').map((record) => record.subjectKey))];
  const standings = drillKeys.map((key) => drillStanding(key, records));
  const scores = standings.map((standing) => standing.bestScore ?? 0);
  return {
    coursesCompleted,
    drillsPassed: standings.filter((standing) => standing.passed).length,
    averageDrillScore: scores.length === 0 ? null : Math.round(scores.reduce((sum, score) => sum + score, 0) / scores.length),
    practicesPassed: new Set(
      records.filter((record) => record.kind === 'practice' && record.passed === true).map((record) => `${record.subjectKey}\u0000${record.itemKey}`),
    ).size,
    minutes: Math.round(records.reduce((sum, record) => sum + record.seconds, 0) / 60),
  };
}
