import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { idParams } from '@manyi/contracts/projects';
import { building, buildingBody, buildingPatch, buildingQuery, unitBody, unitPatch, unitView } from '@manyi/contracts/buildings';
import { createBuilding, createUnit, deleteBuilding, deleteUnit, searchBuildings, updateBuilding, updateUnit } from './service';

export const buildingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organisation'];
  app.get(
    '/buildings',
    {
      schema: {
        tags,
        summary: 'Buildings (with units and counts) of the projects in scope',
        querystring: buildingQuery,
        response: { 200: z.object({ items: z.array(building) }) },
      },
    },
    async (request) => ({ items: await searchBuildings(staffContext(request), request.query.projectId) }),
  );
  app.post('/buildings', { schema: { tags, summary: 'Create a building', body: buildingBody, response: { 201: building } } }, async (request, reply) =>
    reply.code(201).send(await createBuilding(staffContext(request), request.body)),
  );
  app.patch(
    '/buildings/:id',
    { schema: { tags, summary: 'Edit a building', params: idParams, body: buildingPatch, response: { 200: building } } },
    async (request) => updateBuilding(staffContext(request), request.params.id, request.body),
  );
  app.delete(
    '/buildings/:id',
    { schema: { tags, summary: 'Delete a building without households', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteBuilding(staffContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post('/units', { schema: { tags, summary: 'Create a unit in a building', body: unitBody, response: { 201: unitView } } }, async (request, reply) =>
    reply.code(201).send(await createUnit(staffContext(request), request.body)),
  );
  app.patch('/units/:id', { schema: { tags, summary: 'Rename a unit', params: idParams, body: unitPatch, response: { 200: unitView } } }, async (request) =>
    updateUnit(staffContext(request), request.params.id, request.body.name),
  );
  app.delete(
    '/units/:id',
    { schema: { tags, summary: 'Delete a unit without households', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteUnit(staffContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
