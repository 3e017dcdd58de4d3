import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import { idParams } from '@manyi/contracts/projects';
import { conversionReport, followupPage, followupQuery } from '@manyi/contracts/survey-followups';
import { detractorConversion, listFollowups } from './service';

export const surveyFollowupRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['surveys'];

  app.get(
    '/survey-followups',
    {
      schema: {
        tags,
        summary: 'Recovery follow-ups opened from detractor and dissatisfied answers, with ticket status and deadline',
        querystring: followupQuery,
        response: { 200: followupPage },
      },
    },
    async (request) => listFollowups(staffContext(request), request.query),
  );

  app.get(
    '/campaigns/:id/detractor-conversion',
    {
      schema: { tags, summary: "What the previous wave's detractors answered in this wave", params: idParams, response: { 200: conversionReport } },
    },
    async (request) => detractorConversion(staffContext(request), request.params.id),
  );
};
