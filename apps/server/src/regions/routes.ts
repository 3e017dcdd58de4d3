import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { idParams } from '@manyi/contracts/projects';
import { region, regionBody } from '@manyi/contracts/regions';
import { createRegion, deleteRegion, listRegions, updateRegion } from './service';

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organisation'];
  app.get(
    '/regions',
    { schema: { tags, summary: 'All regions of the company', response: { 200: z.object({ items: z.array(region) }) } } },
    async (request) => ({ items: await listRegions(staffContext(request)) }),
  );
  app.post('/regions', { schema: { tags, summary: 'Create a region', body: regionBody, response: { 201: region } } }, async (request, reply) =>
    reply.code(201).send(await createRegion(staffContext(request), request.body.name)),
  );
  app.patch('/regions/:id', { schema: { tags, summary: 'Rename a region', params: idParams, body: regionBody, response: { 200: region } } }, async (request) =>
    updateRegion(staffContext(request), request.params.id, request.body.name),
  );
  app.delete(
    '/regions/:id',
    { schema: { tags, summary: 'Delete a region without projects', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteRegion(staffContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
