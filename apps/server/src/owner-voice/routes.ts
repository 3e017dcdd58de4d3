import { verbatim, verbatimQuery, voiceQuery, voiceSummary } from '@manyi/contracts/text-qa';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { getVerbatims, getVoiceSummary } from './service';

/** Owner voice and the 贬损点 page (issue 17 §4). */
export const ownerVoiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['owner-voice'];
  app.get(
    '/owner-voice/summary',
    {
      schema: {
        tags,
        summary: 'Topics by NPS group with the NPS gain without them, word cloud, monthly trend',
        querystring: voiceQuery,
        response: { 200: voiceSummary },
      },
    },
    async (request) => getVoiceSummary(staffContext(request), request.query),
  );
  app.get(
    '/owner-voice/verbatims',
    { schema: { tags, summary: "Owners' own words on a topic", querystring: verbatimQuery, response: { 200: z.object({ items: z.array(verbatim) }) } } },
    async (request) => getVerbatims(staffContext(request), request.query),
  );
};
