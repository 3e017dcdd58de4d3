import { gapQuery, gapQuestionnaireInput, gapSwot, gapSwotInput, gapWorkspace } from '@manyi/contracts/gaps';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { gapWorkspaceOf, saveGapQuestionnaire, saveGapSwot } from './service';

/** The 5-GAP workspace (issue 18 §2): the five gaps of a project and quarter, the SWOT beside each, gap 1's questionnaire. */
export const gapRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['gaps'];
  app.get(
    '/gaps',
    {
      schema: {
        tags,
        summary: 'The five gaps of a project in a quarter, with trend, evidence and SWOT',
        querystring: gapQuery,
        response: { 200: gapWorkspace },
      },
    },
    async (request) => gapWorkspaceOf(staffContext(request), request.query),
  );
  app.put(
    '/gaps/swot',
    { schema: { tags, summary: 'Write the SWOT analysis beside one gap', body: gapSwotInput, response: { 200: gapSwot } } },
    async (request) => saveGapSwot(staffContext(request), request.body),
  );
  app.put(
    '/gaps/questionnaire',
    {
      schema: {
        tags,
        summary: 'Answer gap 1’s questionnaire: what owners expect per SERVQUAL dimension (1–7)',
        body: gapQuestionnaireInput,
        response: { 200: z.object({ answers: z.record(z.string(), z.number()), updatedAt: z.date() }) },
      },
    },
    async (request) => saveGapQuestionnaire(staffContext(request), request.body),
  );
};
