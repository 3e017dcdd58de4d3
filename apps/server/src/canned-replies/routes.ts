import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { idParams } from '@manyi/contracts/projects';
import { cannedReply, cannedReplyBody, cannedReplyPatch, cannedReplyQuery } from '@manyi/contracts/canned-replies';
import { createCannedReply, deleteCannedReply, listCannedReplies, updateCannedReply } from './service';

export const cannedReplyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['service desk'];
  app.get(
    '/canned-replies',
    {
      schema: {
        tags,
        summary: 'Canned replies (话术), optionally for one ticket type',
        querystring: cannedReplyQuery,
        response: { 200: z.object({ items: z.array(cannedReply) }) },
      },
    },
    async (request) => listCannedReplies(staffContext(request), request.query.ticketType),
  );
  app.post(
    '/canned-replies',
    { schema: { tags, summary: 'Add a canned reply', body: cannedReplyBody, response: { 201: cannedReply } } },
    async (request, reply) => reply.code(201).send(await createCannedReply(staffContext(request), request.body)),
  );
  app.patch(
    '/canned-replies/:id',
    { schema: { tags, summary: 'Edit a canned reply', params: idParams, body: cannedReplyPatch, response: { 200: cannedReply } } },
    async (request) => updateCannedReply(staffContext(request), request.params.id, request.body),
  );
  app.delete(
    '/canned-replies/:id',
    { schema: { tags, summary: 'Remove a canned reply', params: idParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteCannedReply(staffContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
