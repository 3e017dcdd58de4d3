import { clearSteps, courseTopics, discStyles, practiceSituations, quizIssues } from '@manyi/core';
import { z } from 'zod';

const label = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
/** A course or drill key: a built-in slug or the id of a company course. */
export const trainingKey = z.string().trim().min(1).max(64);
export const courseParams = z.object({ key: trainingKey });
export const lessonParams = z.object({ key: trainingKey, lessonId: z.string().trim().min(1).max(64) });
export const drillParams = z.object({ key: trainingKey });
/** Time spent, as the page measured it; capped so a tab left open all night does not count. */
const seconds = z
  .number()
  .int()
  .min(0)
  .max(4 * 3600)
  .default(0);

export const courseProgress = z.object({
  lessonsDone: z.number().int(),
  bestScore: z.number().int().nullable(),
  passed: z.boolean(),
  /** Every lesson read and the quiz passed. */
  completed: z.boolean(),
});

export const courseSummary = z.object({
  key: z.string(),
  builtIn: z.boolean(),
  topic: z.enum(courseTopics),
  title: label,
  summary: label,
  lessonCount: z.number().int(),
  questionCount: z.number().int(),
  minutes: z.number().int(),
  progress: courseProgress,
  dueOn: z.string().nullable(),
});

export const courseDetail = courseSummary.extend({
  lessons: z.array(z.object({ id: z.string(), title: label, body: label, minutes: z.number().int(), done: z.boolean() })),
  /** The quiz without its answers; `multiple` tells the page to offer check boxes. */
  quiz: z.array(z.object({ id: z.string(), text: label, options: z.array(z.object({ id: z.string(), text: label })), multiple: z.boolean() })),
});

const optionInput = z.object({ id: z.string().trim().min(1).max(8), text: z.string().trim().min(1).max(200) });
const questionInput = z.object({
  id: z.string().trim().min(1).max(16),
  text: z.string().trim().min(1).max(500),
  options: z.array(optionInput).min(2).max(8),
  correct: z.array(z.string().trim().min(1).max(8)).max(8),
  explanation: z.string().trim().max(500).default(''),
});

/** A company's own course, written in the company's language (shown as is in both locales). */
export const courseBody = z
  .object({
    title: z.string().trim().min(1).max(60),
    summary: z.string().trim().max(300).default(''),
    lessons: z
      .array(
        z.object({ title: z.string().trim().min(1).max(60), body: z.string().trim().min(1).max(5000), minutes: z.number().int().min(1).max(120).default(5) }),
      )
      .min(1)
      .max(30),
    quiz: z.array(questionInput).min(1).max(50),
  })
  .superRefine((body, context) => {
    for (const issue of quizIssues(body.quiz)) context.addIssue({ code: 'custom', message: `quiz_${issue.code}`, path: ['quiz', ...issue.path] });
  });

export const lessonDone = z.object({ seconds });

export const quizAnswers = z.object({ answers: z.record(z.string().max(16), z.array(z.string().max(8)).max(8)), seconds });
export const quizResult = z.object({
  score: z.number().int(),
  passed: z.boolean(),
  questions: z.array(z.object({ id: z.string(), correct: z.boolean(), expected: z.array(z.string()), explanation: label })),
});

export const drillSummary = z.object({
  key: z.string(),
  title: label,
  source: z.string(),
  ownerStyle: z.enum(discStyles.values),
  turnCount: z.number().int(),
  bestScore: z.number().int().nullable(),
  attempts: z.number().int(),
});
export const drillDetail = drillSummary.extend({
  scene: label,
  ownerTurns: z.array(label),
  /** How to talk with this owner (DISC, seed 001 第二讲). */
  styleTip: label,
});

export const drillAnswer = z.object({ replies: z.array(z.string().trim().min(1).max(2000)).min(1).max(10), seconds });

const finding = z.object({
  turn: z.number().int(),
  redLine: z.string(),
  labels: label,
  excerpt: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  why: label,
  severity: z.string(),
  autoFail: z.boolean(),
});
export const drillResult = z.object({
  steps: z.array(
    z.object({
      step: z.enum(clearSteps.values),
      name: label,
      present: z.boolean(),
      turn: z.number().int().nullable(),
      excerpt: z.string().nullable(),
      points: z.number(),
      maxPoints: z.number(),
      feedback: label,
    }),
  ),
  inOrder: z.boolean(),
  orderFeedback: label,
  clearScore: z.number(),
  findings: z.array(finding),
  /** A warm rewrite per reply that crossed a red line (null where nothing needed rewriting). */
  rewrites: z.array(z.string().nullable()),
  autoFail: z.boolean(),
  total: z.number(),
  passed: z.boolean(),
  modelReplies: z.array(z.string()),
});

/**
 * Script practice (话术练习): a scenario of the script library (话术库) in one situation, an owner of no particular
 * type or of one DISC type. The library's phrasing for it is the model, shown only after an attempt.
 */
export const practiceParams = z.object({ key: z.string().trim().min(1).max(64) });
export const practiceScript = z.object({
  key: z.string(),
  title: label,
  categoryCode: z.string().nullable(),
  companyOwned: z.boolean(),
  /** What the owner says when the scene starts. */
  opening: label,
  attempts: z.number().int(),
  bestScore: z.number().int().nullable(),
  /** The situations practised and passed. */
  passedSituations: z.array(z.enum(practiceSituations.values)),
});
export const practiceAttempt = z.object({
  situation: z.enum(practiceSituations.values),
  reply: z.string().trim().min(1).max(2000),
  seconds,
});
export const practiceResult = z.object({
  situation: z.enum(practiceSituations.values),
  /** The library's phrasing for the situation. */
  model: z.string(),
  qaScore: z.number().int(),
  warmth: z.number().int(),
  findings: z.array(finding.omit({ turn: true })),
  autoFail: z.boolean(),
  rewrite: z.string().nullable(),
  techniques: z.array(z.object({ code: z.string(), labels: label, inModel: z.boolean(), inReply: z.boolean(), suggestion: z.string() })),
  techniqueShare: z.number(),
  points: z.array(z.object({ point: z.string(), kind: z.enum(['keyword', 'time']), covered: z.boolean() })),
  pointShare: z.number(),
  total: z.number().int(),
  passed: z.boolean(),
  feedback: z.array(label),
});

export const learningEntry = z.object({
  id: z.uuid(),
  kind: z.enum(['lesson', 'quiz', 'drill', 'practice']),
  subjectKey: z.string(),
  subjectTitle: label,
  itemKey: z.string().nullable(),
  score: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  seconds: z.number().int(),
  createdAt: z.date(),
});
export const learningRecordQuery = z.object({ staffId: z.uuid().optional() });
export const learningRecord = z.object({
  staffId: z.uuid(),
  staffName: z.string(),
  coursesCompleted: z.number().int(),
  drillsPassed: z.number().int(),
  averageDrillScore: z.number().nullable(),
  /** Script practices passed (a scenario and situation counted once). */
  practicesPassed: z.number().int(),
  minutes: z.number().int(),
  entries: z.array(learningEntry),
});

export const assignmentBody = z.object({
  courseKey: trainingKey,
  staffIds: z.array(z.uuid()).min(1).max(200),
  dueOn: z.iso.date().nullable().default(null),
});
export const assignmentResult = z.object({ assigned: z.number().int() });

export const teamQuery = z.object({ projectId: z.uuid().optional() });
export const teamProgress = z.object({
  items: z.array(
    z.object({
      staffId: z.uuid(),
      name: z.string(),
      roles: z.array(z.string()),
      assigned: z.number().int(),
      completedAssigned: z.number().int(),
      overdue: z.number().int(),
      coursesCompleted: z.number().int(),
      drillsPassed: z.number().int(),
      averageDrillScore: z.number().nullable(),
      practicesPassed: z.number().int(),
      lastActivityAt: z.date().nullable(),
    }),
  ),
});
