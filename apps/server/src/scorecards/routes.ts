import {
  companyRanking,
  objection,
  objectionBody,
  objectionsQuery,
  pointsQuery,
  projectRanking,
  rankingQuery,
  resolveObjectionBody,
  scorecard,
  scorecardQuery,
  scorePoint,
  scoreRules,
  scoreRulesBody,
} from '@manyi/contracts/scorecards';
import { idParams } from '@manyi/contracts/projects';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import {
  getCompanyRanking,
  getProjectRanking,
  getScoreRules,
  getScorecard,
  listObjections,
  listPoints,
  raiseObjection,
  resolveObjection,
  saveScoreRules,
} from './service';

/** Scorecards (积分, issue 18 §4): my card, others' cards and their records, objections, rankings, the company's weights. */
export const scorecardRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['scorecards'];
  app.get(
    '/scorecards/me',
    { schema: { tags, summary: 'My scorecard for a month', querystring: scorecardQuery, response: { 200: scorecard } } },
    async (request) => {
      const context = staffContext(request);
      return getScorecard(context, context.principal.staffId, request.query.month);
    },
  );
  app.get(
    '/scorecards/staff/:id',
    {
      schema: {
        tags,
        summary: "A person's scorecard (oneself, or with scorecard.review in scope)",
        params: idParams,
        querystring: scorecardQuery,
        response: { 200: scorecard },
      },
    },
    async (request) => getScorecard(staffContext(request), request.params.id, request.query.month),
  );
  app.get(
    '/scorecards/staff/:id/points',
    {
      schema: {
        tags,
        summary: "The records behind a person's points of a month",
        params: idParams,
        querystring: pointsQuery,
        response: { 200: z.object({ items: z.array(scorePoint) }) },
      },
    },
    async (request) => listPoints(staffContext(request), request.params.id, request.query),
  );
  app.get(
    '/scorecards/objections',
    {
      schema: {
        tags,
        summary: 'Objections (mine, or in my projects with scorecard.review)',
        querystring: objectionsQuery,
        response: { 200: z.object({ items: z.array(objection) }) },
      },
    },
    async (request) => listObjections(staffContext(request), request.query),
  );
  app.post(
    '/scorecards/objections',
    { schema: { tags, summary: 'Object to one of my points (once per point)', body: objectionBody, response: { 201: objection } } },
    async (request, reply) => reply.code(201).send(await raiseObjection(staffContext(request), request.body)),
  );
  app.post(
    '/scorecards/objections/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve an objection (upheld: the point no longer counts)',
        params: idParams,
        body: resolveObjectionBody,
        response: { 200: objection },
      },
    },
    async (request) => resolveObjection(staffContext(request), request.params.id, request.body),
  );
  app.get(
    '/scorecards/projects/:id/ranking',
    {
      schema: { tags, summary: "A project's people or teams ranked by points", params: idParams, querystring: rankingQuery, response: { 200: projectRanking } },
    },
    async (request) => getProjectRanking(staffContext(request), request.params.id, request.query),
  );
  app.get(
    '/scorecards/ranking',
    { schema: { tags, summary: 'Projects ranked by points per person', querystring: scorecardQuery, response: { 200: companyRanking } } },
    async (request) => getCompanyRanking(staffContext(request), request.query),
  );
  app.get('/scorecards/rules', { schema: { tags, summary: "The company's points per event", response: { 200: scoreRules } } }, async (request) =>
    getScoreRules(staffContext(request)),
  );
  app.put(
    '/scorecards/rules',
    { schema: { tags, summary: "Change the company's points per event", body: scoreRulesBody, response: { 200: scoreRules } } },
    async (request) => saveScoreRules(staffContext(request), request.body),
  );
};
