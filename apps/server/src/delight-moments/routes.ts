import { delightBody, delightFromPraiseBody, delightMoment, delightQuery, praiseCandidate, rewardBody } from '@manyi/contracts/delight-moments';
import { idParams } from '@manyi/contracts/projects';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { delightFromPraise, listDelights, listPraiseCandidates, recordDelight, rewardMoment } from './service';

/** 感动点 log (issue 19 §3): moments beyond expectations, from staff or owners' praise, rewarded by managers. */
export const delightRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['experience'];
  app.get(
    '/delight-moments',
    { schema: { tags, summary: '感动点 in my projects', querystring: delightQuery, response: { 200: z.object({ items: z.array(delightMoment) }) } } },
    async (request) => listDelights(staffContext(request), request.query),
  );
  app.post('/delight-moments', { schema: { tags, summary: 'Record a 感动点', body: delightBody, response: { 201: delightMoment } } }, async (request, reply) =>
    reply.code(201).send(await recordDelight(staffContext(request), request.body)),
  );
  app.post(
    '/delight-moments/from-praise',
    {
      schema: {
        tags,
        summary: "Record an owner's praise ticket as a 感动点 of the staff member praised",
        body: delightFromPraiseBody,
        response: { 201: delightMoment },
      },
    },
    async (request, reply) => reply.code(201).send(await delightFromPraise(staffContext(request), request.body)),
  );
  app.post(
    '/delight-moments/:id/reward',
    { schema: { tags, summary: 'Reward a 感动点 with points (once)', params: idParams, body: rewardBody, response: { 200: delightMoment } } },
    async (request) => rewardMoment(staffContext(request), request.params.id, request.body),
  );
  app.get(
    '/delight-moments/praise-candidates',
    {
      schema: {
        tags,
        summary: "Owners' praise tickets not yet recorded as a 感动点",
        querystring: z.object({ projectId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(praiseCandidate) }) },
      },
    },
    async (request) => listPraiseCandidates(staffContext(request), request.query.projectId),
  );
};
