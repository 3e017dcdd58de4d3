import {
  calibration,
  checkBody,
  checkResult,
  findingParams,
  findingQuery,
  findingReview,
  qaSampling,
  reviewBody,
  reviewParams,
  reviewQueueItem,
  scorecard,
  scorecardQuery,
  storedFinding,
  textRules,
} from '@manyi/contracts/text-qa';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import {
  checkText,
  getCalibration,
  getFindings,
  getReviewQueue,
  getRules,
  getSampling,
  getScorecard,
  reviewFinding,
  saveRules,
  saveSampling,
  submitReview,
} from './service';

/** Communication quality (issue 17): the typing check, findings and their review, company rules, scorecards, the manual review queue. */
export const textQaRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['text-qa'];
  app.post(
    '/text-qa/check',
    { schema: { tags, summary: 'Red-line check of a text being typed (nothing stored)', body: checkBody, response: { 200: checkResult } } },
    async (request) => checkText(staffContext(request), request.body.text),
  );
  app.get(
    '/text-qa/findings',
    {
      schema: {
        tags,
        summary: 'Red lines found in saved owner-facing texts',
        querystring: findingQuery,
        response: { 200: z.object({ items: z.array(storedFinding) }) },
      },
    },
    async (request) => getFindings(staffContext(request), request.query),
  );
  app.post(
    '/text-qa/findings/:id/review',
    {
      schema: {
        tags,
        summary: 'Accept or reject a finding (rejected ones become counter-examples)',
        params: findingParams,
        body: findingReview,
        response: { 200: storedFinding },
      },
    },
    async (request) => reviewFinding(staffContext(request), request.params.id, request.body),
  );
  app.get('/text-qa/rules', { schema: { tags, summary: "The company's additions to the text engine", response: { 200: textRules } } }, async (request) =>
    getRules(staffContext(request)),
  );
  app.put(
    '/text-qa/rules',
    { schema: { tags, summary: "Replace the company's additions (a broken regex is refused with the reason)", body: textRules, response: { 200: textRules } } },
    async (request) => saveRules(staffContext(request), request.body),
  );
  app.get(
    '/text-qa/scorecard',
    {
      schema: {
        tags,
        summary: 'Automatic QA scores per staff member, team or project, and the monthly trend',
        querystring: scorecardQuery,
        response: { 200: scorecard },
      },
    },
    async (request) => getScorecard(staffContext(request), request.query),
  );
  app.get(
    '/text-qa/reviews',
    { schema: { tags, summary: 'The sampled manual review queue', response: { 200: z.object({ items: z.array(reviewQueueItem) }) } } },
    async (request) => getReviewQueue(staffContext(request)),
  );
  app.post(
    '/text-qa/reviews/:textId',
    {
      schema: { tags, summary: 'Score a text by the rubric', params: reviewParams, body: reviewBody, response: { 200: z.object({ total: z.number().int() }) } },
    },
    async (request) => submitReview(staffContext(request), request.params.textId, request.body),
  );
  app.get('/text-qa/calibration', { schema: { tags, summary: 'Agreement between reviewers', response: { 200: calibration } } }, async (request) =>
    getCalibration(staffContext(request)),
  );
  app.get(
    '/text-qa/sampling',
    { schema: { tags, summary: 'The manual review sample: rates per company, team and staff member', response: { 200: qaSampling } } },
    async (request) => getSampling(staffContext(request)),
  );
  app.put(
    '/text-qa/sampling',
    { schema: { tags, summary: 'Set the manual review sample rates', body: qaSampling, response: { 200: qaSampling } } },
    async (request) => saveSampling(staffContext(request), request.body),
  );
};
