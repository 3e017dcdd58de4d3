import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { actionComplete, actionCreate, actionPhotoParams, actionQuery, actionRecord } from '@manyi/contracts/actions';
import { idParams } from '@manyi/contracts/projects';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { maxAttachmentBytes, sniffContentType } from '../tickets/attachments';
import { addPhoto, claim, complete, createAction, listActionsOf, photoKey } from './service';

/** Action plans (issue 18 §5): key actions, 自发认领, completion with evidence and the effect on the metric. */
export const actionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['actions'];
  app.get(
    '/actions',
    {
      schema: {
        tags,
        summary: 'Actions in scope, with state and effect',
        querystring: actionQuery,
        response: { 200: z.object({ items: z.array(actionRecord) }) },
      },
    },
    async (request) => listActionsOf(staffContext(request), request.query),
  );
  app.post(
    '/actions',
    { schema: { tags, summary: 'Write down a key action (团队共创)', body: actionCreate, response: { 201: actionRecord } } },
    async (request, reply) => reply.code(201).send(await createAction(staffContext(request), request.body)),
  );
  app.post(
    '/actions/:id/claim',
    { schema: { tags, summary: 'Claim an unclaimed action (自发认领)', params: idParams, response: { 200: actionRecord } } },
    async (request) => claim(staffContext(request), request.params.id),
  );
  app.post(
    '/actions/:id/complete',
    { schema: { tags, summary: 'Complete one’s action with its evidence', params: idParams, body: actionComplete, response: { 200: actionRecord } } },
    async (request) => complete(staffContext(request), request.params.id, request.body),
  );
  app.post(
    '/actions/:id/photos',
    { schema: { tags, summary: 'Add a photo of the evidence (multipart field "file")', params: idParams, response: { 201: actionRecord } } },
    async (request, reply) => {
      const context = staffContext(request);
      const file = await request.file({ limits: { fileSize: maxAttachmentBytes, files: 1 } });
      return reply.code(201).send(await addPhoto(context, request.params.id, file));
    },
  );
  app.get('/actions/:id/photos/:index', { schema: { tags, summary: 'One photo of the evidence', params: actionPhotoParams } }, async (request, reply) => {
    const context = staffContext(request);
    const path = context.storage.pathOf(await photoKey(context, request.params.id, request.params.index));
    const handle = await open(path);
    const head = Buffer.alloc(16);
    await handle.read(head, 0, 16, 0);
    await handle.close();
    return reply
      .type(sniffContentType(head) ?? 'application/octet-stream')
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(path));
  });
};
