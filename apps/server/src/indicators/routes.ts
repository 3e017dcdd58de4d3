import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import {
  indicatorSystemCreate,
  indicatorSystemDetail,
  indicatorSystemList,
  indicatorSystemParams,
  indicatorSystemUpdate,
  indicatorTemplateList,
  indicatorVersionParams,
} from '@manyi/contracts/indicators';
import {
  archiveIndicatorSystem,
  createIndicatorSystem,
  getIndicatorSystem,
  listIndicatorSystems,
  listIndicatorTemplates,
  reviseIndicatorSystem,
} from './service';

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['indicator-systems'];
  app.get(
    '/indicator-templates',
    {
      schema: {
        tags,
        summary: 'Built-in indicator trees (SERVQUAL five dimensions, per-post satisfaction, eight factors, Kano services)',
        response: { 200: indicatorTemplateList },
      },
    },
    async (request) => {
      staffContext(request);
      return listIndicatorTemplates();
    },
  );
  app.get('/indicator-systems', { schema: { tags, summary: "The company's indicator systems", response: { 200: indicatorSystemList } } }, async (request) =>
    listIndicatorSystems(staffContext(request)),
  );
  app.post(
    '/indicator-systems',
    {
      schema: {
        tags,
        summary: 'Create an indicator system from a template or blank; weights must sum to 100 per level',
        body: indicatorSystemCreate,
        response: { 201: indicatorSystemDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await createIndicatorSystem(staffContext(request), request.body)),
  );
  app.get(
    '/indicator-systems/:id',
    {
      schema: {
        tags,
        summary: 'An indicator system with its current tree and version history',
        params: indicatorSystemParams,
        response: { 200: indicatorSystemDetail },
      },
    },
    async (request) => getIndicatorSystem(staffContext(request), request.params.id),
  );
  app.get(
    '/indicator-systems/:id/versions/:version',
    { schema: { tags, summary: 'One (immutable) version of an indicator system', params: indicatorVersionParams, response: { 200: indicatorSystemDetail } } },
    async (request) => getIndicatorSystem(staffContext(request), request.params.id, request.params.version),
  );
  app.put(
    '/indicator-systems/:id',
    {
      schema: {
        tags,
        summary: 'Edit the tree: writes a new version, older versions stay unchanged',
        params: indicatorSystemParams,
        body: indicatorSystemUpdate,
        response: { 200: indicatorSystemDetail },
      },
    },
    async (request) => reviseIndicatorSystem(staffContext(request), request.params.id, request.body),
  );
  app.post(
    '/indicator-systems/:id/archive',
    { schema: { tags, summary: 'Archive an indicator system (no further edits)', params: indicatorSystemParams, response: { 200: indicatorSystemDetail } } },
    async (request) => archiveIndicatorSystem(staffContext(request), request.params.id),
  );
};
