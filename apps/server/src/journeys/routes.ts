import {
  journeyBody,
  journeyDetail,
  journeyLive,
  journeyParams,
  journeySummary,
  liveQuery,
  newVersionBody,
  versionBody,
  versionParams,
} from '@manyi/contracts/journeys';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { createJourney, getJourney, journeyLiveData, listJourneys, publishVersion, saveDraft, startVersion } from './service';

/** Owner journey maps (issue 19 §1–2): stages, touchpoints per post, designed peak and end, versions, live data. */
export const journeyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['experience'];
  app.get('/journeys', { schema: { tags, summary: 'Journey maps', response: { 200: z.object({ items: z.array(journeySummary) }) } } }, async (request) =>
    listJourneys(staffContext(request)),
  );
  app.post(
    '/journeys',
    {
      schema: {
        tags,
        summary: 'Start a journey map (version 1.0, a draft from the starter map of its project type)',
        body: journeyBody,
        response: { 201: journeyDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await createJourney(staffContext(request), request.body)),
  );
  app.get(
    '/journeys/:id',
    { schema: { tags, summary: 'A journey map with its versions', params: journeyParams, response: { 200: journeyDetail } } },
    async (request) => getJourney(staffContext(request), request.params.id),
  );
  app.put(
    '/journeys/:id/versions/:number',
    {
      schema: {
        tags,
        summary: 'Edit a draft version (a published one is refused)',
        params: versionParams,
        body: versionBody,
        response: { 200: journeyDetail },
      },
    },
    async (request) => saveDraft(staffContext(request), request.params.id, request.params.number, request.body),
  );
  app.post(
    '/journeys/:id/versions/:number/publish',
    { schema: { tags, summary: 'Publish a draft version; it cannot change afterwards', params: versionParams, response: { 200: journeyDetail } } },
    async (request) => publishVersion(staffContext(request), request.params.id, request.params.number),
  );
  app.post(
    '/journeys/:id/versions',
    {
      schema: {
        tags,
        summary: 'Start the next version from the latest, with the reason for the change',
        params: journeyParams,
        body: newVersionBody,
        response: { 201: journeyDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await startVersion(staffContext(request), request.params.id, request.body.changeNote)),
  );
  app.get(
    '/journeys/:id/versions/:number/live',
    {
      schema: {
        tags,
        summary: "Each touchpoint's tickets, visits, peak-end score and survey 满意率 over a period",
        params: versionParams,
        querystring: liveQuery,
        response: { 200: journeyLive },
      },
    },
    async (request) => journeyLiveData(staffContext(request), request.params.id, request.params.number, request.query),
  );
};
