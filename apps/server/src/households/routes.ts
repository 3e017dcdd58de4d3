import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { pageOf } from '@manyi/contracts/pagination';
import { idParams } from '@manyi/contracts/projects';
import { household, householdBody, householdPatch, householdQuery } from '@manyi/contracts/households';
import { createHousehold, deleteHousehold, getHousehold, searchHouseholds, updateHousehold } from './service';

export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['households'];
  app.get(
    '/households',
    { schema: { tags, summary: 'Search households (room, resident name or phone)', querystring: householdQuery, response: { 200: pageOf(household) } } },
    async (request) => searchHouseholds(staffContext(request), request.query),
  );
  app.post('/households', { schema: { tags, summary: 'Create a household', body: householdBody, response: { 201: household } } }, async (request, reply) =>
    reply.code(201).send(await createHousehold(staffContext(request), request.body)),
  );
  app.get(
    '/households/:id',
    { schema: { tags, summary: 'One household with its residents', params: idParams, response: { 200: household } } },
    async (request) => getHousehold(staffContext(request), request.params.id),
  );
  app.patch(
    '/households/:id',
    { schema: { tags, summary: 'Edit a household', params: idParams, body: householdPatch, response: { 200: household } } },
    async (request) => updateHousehold(staffContext(request), request.params.id, request.body),
  );
  app.delete(
    '/households/:id',
    { schema: { tags, summary: 'Delete a household without residents', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteHousehold(staffContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
