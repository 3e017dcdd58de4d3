import { shanghaiDate } from '@manyi/core';
import {
  assignmentBody,
  assignmentResult,
  courseBody,
  courseDetail,
  courseParams,
  courseSummary,
  drillAnswer,
  drillDetail,
  drillParams,
  drillResult,
  drillSummary,
  learningRecord,
  learningRecordQuery,
  lessonDone,
  lessonParams,
  practiceAttempt,
  practiceParams,
  practiceResult,
  practiceScript,
  quizAnswers,
  quizResult,
  teamProgress,
  teamQuery,
} from '@manyi/contracts/training';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import {
  answerDrill,
  assignCourse,
  completeLesson,
  createCourse,
  getCourse,
  getDrill,
  getLearningRecord,
  getTeamProgress,
  listCourses,
  listDrills,
  takeQuiz,
} from './service';
import { listPractice, practiseScript } from './practice';

/** The training academy (issue 19 §5): courses with lessons and quizzes, case drills, learning records. */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['training'];
  app.get(
    '/training/courses',
    { schema: { tags, summary: 'Courses with my progress (assigned first)', response: { 200: z.object({ items: z.array(courseSummary) }) } } },
    async (request) => listCourses(staffContext(request)),
  );
  app.post(
    '/training/courses',
    { schema: { tags, summary: "Add a company's own course", body: courseBody, response: { 201: courseDetail } } },
    async (request, reply) => reply.code(201).send(await createCourse(staffContext(request), request.body)),
  );
  app.get(
    '/training/courses/:key',
    { schema: { tags, summary: 'A course: lessons, quiz (without answers), my progress', params: courseParams, response: { 200: courseDetail } } },
    async (request) => getCourse(staffContext(request), request.params.key),
  );
  app.post(
    '/training/courses/:key/lessons/:lessonId/done',
    { schema: { tags, summary: 'Mark a lesson read', params: lessonParams, body: lessonDone, response: { 200: courseDetail } } },
    async (request) => completeLesson(staffContext(request), request.params.key, request.params.lessonId, request.body.seconds),
  );
  app.post(
    '/training/courses/:key/quiz',
    {
      schema: { tags, summary: 'Take the quiz: graded and kept in my learning record', params: courseParams, body: quizAnswers, response: { 200: quizResult } },
    },
    async (request) => takeQuiz(staffContext(request), request.params.key, request.body.answers, request.body.seconds),
  );
  app.get(
    '/training/drills',
    { schema: { tags, summary: 'Case drills with my best score', response: { 200: z.object({ items: z.array(drillSummary) }) } } },
    async (request) => listDrills(staffContext(request)),
  );
  app.get(
    '/training/drills/:key',
    { schema: { tags, summary: "A drill: the scene and the owner's turns", params: drillParams, response: { 200: drillDetail } } },
    async (request) => getDrill(staffContext(request), request.params.key),
  );
  app.post(
    '/training/drills/:key/attempts',
    {
      schema: {
        tags,
        summary: 'Answer a drill: scored by the CLEAR checklist and the red-line QA, kept in my learning record',
        params: drillParams,
        body: drillAnswer,
        response: { 200: drillResult },
      },
    },
    async (request) => answerDrill(staffContext(request), request.params.key, request.body.replies, request.body.seconds),
  );
  app.get(
    '/training/practice',
    {
      schema: {
        tags,
        summary: 'Script practice: the script library with my attempts and the situations I passed',
        response: { 200: z.object({ items: z.array(practiceScript) }) },
      },
    },
    async (request) => listPractice(staffContext(request)),
  );
  app.post(
    '/training/practice/:key/attempts',
    {
      schema: {
        tags,
        summary: "Practise a script in a situation: scored by the red-line QA and the warmth checks against the library's phrasing, kept in my learning record",
        params: practiceParams,
        body: practiceAttempt,
        response: { 200: practiceResult },
      },
    },
    async (request) => practiseScript(staffContext(request), request.params.key, request.body),
  );
  app.get(
    '/training/records',
    {
      schema: {
        tags,
        summary: "My learning record, or a team member's (training.manage)",
        querystring: learningRecordQuery,
        response: { 200: learningRecord },
      },
    },
    async (request) => getLearningRecord(staffContext(request), request.query.staffId),
  );
  app.post(
    '/training/assignments',
    { schema: { tags, summary: 'Assign a course to team members by a date', body: assignmentBody, response: { 200: assignmentResult } } },
    async (request) => assignCourse(staffContext(request), request.body),
  );
  app.get(
    '/training/team',
    { schema: { tags, summary: "My team's training progress", querystring: teamQuery, response: { 200: teamProgress } } },
    async (request) => {
      const context = staffContext(request);
      return getTeamProgress(context, request.query.projectId, shanghaiDate(context.clock.now()));
    },
  );
};
