import { companyScriptBody, companyScriptParams, homeworkBody, homeworkItem, scriptParams, scriptQuery, scriptScenario } from '@manyi/contracts/scripts';
import { checkResult } from '@manyi/contracts/text-qa';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { deleteCompanyScript, listHomework, saveCompanyScript, searchScripts, submitHomework } from './service';

/** The script library (话术库) and its homework (issue 17 §5). */
export const scriptRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['scripts'];
  app.get(
    '/scripts',
    {
      schema: {
        tags,
        summary: 'Scenarios with the standard phrasing and DISC variants; search by words or pinyin initials',
        querystring: scriptQuery,
        response: { 200: z.object({ items: z.array(scriptScenario) }) },
      },
    },
    async (request) => ({ items: await searchScripts(staffContext(request), request.query.q) }),
  );
  app.post(
    '/scripts/:key/homework',
    {
      schema: {
        tags,
        summary: "Submit a warm rewrite of the scenario's cold script; scored by the red-line QA",
        params: scriptParams,
        body: homeworkBody,
        response: { 200: checkResult },
      },
    },
    async (request) => submitHomework(staffContext(request), request.params.key, request.body.text),
  );
  app.get(
    '/scripts/homework',
    { schema: { tags, summary: 'Homework with reviewer comments', response: { 200: z.object({ items: z.array(homeworkItem) }) } } },
    async (request) => listHomework(staffContext(request)),
  );
  app.put(
    '/scripts/:key',
    {
      schema: {
        tags,
        summary: "Add or edit one of the company's scripts; every phrasing must pass the red-line QA",
        params: companyScriptParams,
        body: companyScriptBody,
        response: { 200: scriptScenario },
      },
    },
    async (request) => saveCompanyScript(staffContext(request), request.params.key, request.body),
  );
  app.delete(
    '/scripts/:key',
    {
      schema: {
        tags,
        summary: 'Remove a company script (an edited built-in one comes back as shipped)',
        params: companyScriptParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteCompanyScript(staffContext(request), request.params.key);
      return reply.code(204).send(null);
    },
  );
};
