import { caseMeetingBody, casePatch, caseQuery, caseRecord } from '@manyi/contracts/cases';
import { idParams } from '@manyi/contracts/projects';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { editCase, flagForMeeting, getCase, listCases, publishCase } from './service';

/** Case library (案例金典, issue 18 §6): closed complaints drafted into cases, edited, published, searched. */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['cases'];
  app.get(
    '/cases',
    {
      schema: {
        tags,
        summary: 'Cases by category, red line, DISC type, outcome or words',
        querystring: caseQuery,
        response: { 200: z.object({ items: z.array(caseRecord) }) },
      },
    },
    async (request) => listCases(staffContext(request), request.query),
  );
  app.get('/cases/:id', { schema: { tags, summary: 'A case', params: idParams, response: { 200: caseRecord } } }, async (request) =>
    getCase(staffContext(request), request.params.id),
  );
  app.patch(
    '/cases/:id',
    { schema: { tags, summary: 'Edit a draft case', params: idParams, body: casePatch, response: { 200: caseRecord } } },
    async (request) => editCase(staffContext(request), request.params.id, request.body),
  );
  app.post(
    '/cases/:id/publish',
    { schema: { tags, summary: 'Publish a case (cause and lesson written)', params: idParams, response: { 200: caseRecord } } },
    async (request) => publishCase(staffContext(request), request.params.id),
  );
  app.post(
    '/cases/:id/meeting',
    {
      schema: {
        tags,
        summary: 'Flag a case for the weekly meeting (or take the flag off)',
        params: idParams,
        body: caseMeetingBody,
        response: { 200: caseRecord },
      },
    },
    async (request) => flagForMeeting(staffContext(request), request.params.id, request.body.flagged),
  );
};
