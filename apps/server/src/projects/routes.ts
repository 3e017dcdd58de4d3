import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { pageOf } from '@manyi/contracts/pagination';
import { idParams, project, projectBody, projectPatch, projectQuery } from '@manyi/contracts/projects';
import { createProject, deleteProject, getProject, searchProjects, updateProject } from './service';

export const projectRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['organisation'];
  app.get('/projects', { schema: { tags, summary: 'Search projects', querystring: projectQuery, response: { 200: pageOf(project) } } }, async (request) =>
    searchProjects(staffContext(request), request.query),
  );
  app.post('/projects', { schema: { tags, summary: 'Create a project', body: projectBody, response: { 201: project } } }, async (request, reply) =>
    reply.code(201).send(await createProject(staffContext(request), request.body)),
  );
  app.get('/projects/:id', { schema: { tags, summary: 'One project', params: idParams, response: { 200: project } } }, async (request) =>
    getProject(staffContext(request), request.params.id),
  );
  app.patch(
    '/projects/:id',
    { schema: { tags, summary: 'Edit a project', params: idParams, body: projectPatch, response: { 200: project } } },
    async (request) => updateProject(staffContext(request), request.params.id, request.body),
  );
  app.delete(
    '/projects/:id',
    { schema: { tags, summary: 'Delete an empty project', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteProject(staffContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
