import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { directoryEntry, directoryQuery } from '@manyi/contracts/staff';
import { staffDirectory } from './directory';
import { pageOf } from '@manyi/contracts/pagination';
import { idParams } from '@manyi/contracts/projects';
import { passwordReset, staffBody, staffPatch, staffQuery, staffView } from '@manyi/contracts/staff';
import { createStaff, getStaff, resetPassword, searchStaff, updateStaff } from './service';
import { maxPhotoBytes, setStaffPhoto } from './photo';

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['staff'];
  app.get('/staff', { schema: { tags, summary: 'Search staff', querystring: staffQuery, response: { 200: pageOf(staffView) } } }, async (request) =>
    searchStaff(staffContext(request), request.query),
  );
  app.get(
    '/staff/directory',
    {
      schema: {
        tags,
        summary: 'Colleagues in my projects, for assignment pickers',
        querystring: directoryQuery,
        response: { 200: z.object({ items: z.array(directoryEntry) }) },
      },
    },
    async (request) => staffDirectory(staffContext(request), request.query.projectId),
  );
  app.post('/staff', { schema: { tags, summary: 'Create a staff user', body: staffBody, response: { 201: staffView } } }, async (request, reply) =>
    reply.code(201).send(await createStaff(staffContext(request), request.body)),
  );
  app.get('/staff/:id', { schema: { tags, summary: 'One staff user', params: idParams, response: { 200: staffView } } }, async (request) =>
    getStaff(staffContext(request), request.params.id),
  );
  app.patch(
    '/staff/:id',
    { schema: { tags, summary: 'Edit roles, post, projects, or disable', params: idParams, body: staffPatch, response: { 200: staffView } } },
    async (request) => updateStaff(staffContext(request), request.params.id, request.body),
  );
  app.post(
    '/staff/:id/reset-password',
    { schema: { tags, summary: 'Set a new password (signs the user out everywhere)', params: idParams, body: passwordReset, response: { 204: z.null() } } },
    async (request, reply) => {
      await resetPassword(staffContext(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/staff/:id/photo',
    {
      schema: {
        tags,
        summary: 'Set the photo owners see on their steward card (multipart field "file"; JPG/PNG/WebP, ≤2 MB)',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const context = staffContext(request);
      const file = await request.file({ limits: { fileSize: maxPhotoBytes, files: 1 } });
      await setStaffPhoto(context, request.params.id, file, context.storage);
      return reply.code(204).send(null);
    },
  );
};
