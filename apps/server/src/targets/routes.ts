import { idParams } from '@manyi/contracts/projects';
import { targetCommit, targetCreate, targetDecompose, targetQuery, targetRecord } from '@manyi/contracts/targets';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { commitTarget, createTarget, decomposeTarget, listTargetsOf } from './service';

/** SMART targets (issue 18 §3): set with the SMART check, decomposed with the add-up check, live progress, 当众承诺. */
export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['targets'];
  app.get(
    '/targets',
    {
      schema: { tags, summary: 'Targets in scope with live progress', querystring: targetQuery, response: { 200: z.object({ items: z.array(targetRecord) }) } },
    },
    async (request) => listTargetsOf(staffContext(request), request.query),
  );
  app.post('/targets', { schema: { tags, summary: 'Set a SMART target', body: targetCreate, response: { 201: targetRecord } } }, async (request, reply) =>
    reply.code(201).send(await createTarget(staffContext(request), request.body)),
  );
  app.post(
    '/targets/:id/decompose',
    {
      schema: {
        tags,
        summary: 'Decompose a target into children that add up',
        params: idParams,
        body: targetDecompose,
        response: { 201: z.object({ items: z.array(targetRecord) }) },
      },
    },
    async (request, reply) => reply.code(201).send(await decomposeTarget(staffContext(request), request.params.id, request.body)),
  );
  app.post(
    '/targets/:id/commit',
    { schema: { tags, summary: 'Record the public commitment (当众承诺)', params: idParams, body: targetCommit, response: { 200: targetRecord } } },
    async (request) => commitTarget(staffContext(request), request.params.id, request.body),
  );
};
