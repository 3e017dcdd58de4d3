import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ownerContext } from '../http/context';
import { pageOf } from '@manyi/contracts/pagination';
import { ownerConfirmBody, ownerRejectBody } from '@manyi/contracts/visits';
import { attachFile, findAttachment, maxAttachmentBytes } from '../tickets/attachments';
import { sendAttachment } from '../tickets/download';
import { ownerTicketDetail, ownerTicketQuery, ownerTicketSummary } from '@manyi/contracts/owner-tickets';
import { answerResolution, getOwnerTicket, listOwnerTickets, ownerTicket } from './owner-service';
import { attachment, attachmentParams, ticketParams } from '@manyi/contracts/tickets';

/** Owners on their phones: a few submissions a minute per address on top of the daily cap per owner. */
export const ownerWriteLimit = { max: 20, timeWindow: '1 minute' };

export const ownerTicketRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['owner'];
  const config = { access: 'owner' as const };
  app.get(
    '/owner/tickets',
    { schema: { tags, summary: 'My tickets, newest first', querystring: ownerTicketQuery, response: { 200: pageOf(ownerTicketSummary) } }, config },
    async (request) => listOwnerTickets(ownerContext(request), request.query),
  );
  app.get(
    '/owner/tickets/:id',
    { schema: { tags, summary: 'Follow one of my tickets', params: ticketParams, response: { 200: ownerTicketDetail } }, config },
    async (request) => getOwnerTicket(ownerContext(request), request.params.id),
  );
  app.post(
    '/owner/tickets/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the result and rate it (CSAT 1–5, peak, end)',
        params: ticketParams,
        body: ownerConfirmBody,
        response: { 200: ownerTicketDetail },
      },
      config: { ...config, rateLimit: ownerWriteLimit },
    },
    async (request) => answerResolution(ownerContext(request), request.params.id, { confirm: request.body }),
  );
  app.post(
    '/owner/tickets/:id/reject',
    {
      schema: {
        tags,
        summary: 'Say the problem is not solved (reopens the ticket)',
        params: ticketParams,
        body: ownerRejectBody,
        response: { 200: ownerTicketDetail },
      },
      config: { ...config, rateLimit: ownerWriteLimit },
    },
    async (request) => answerResolution(ownerContext(request), request.params.id, { reject: request.body }),
  );
  app.post(
    '/owner/tickets/:id/attachments',
    {
      schema: { tags, summary: 'Add a photo (multipart field "file"; JPG/PNG/WebP/HEIC/PDF, ≤10 MB)', params: ticketParams, response: { 201: attachment } },
      config: { ...config, rateLimit: ownerWriteLimit },
    },
    async (request, reply) => {
      const context = ownerContext(request);
      const { ticket } = await ownerTicket(context, request.params.id);
      const file = await request.file({ limits: { fileSize: maxAttachmentBytes, files: 1 } });
      return reply.code(201).send(await attachFile(context, ticket, file));
    },
  );
  app.get(
    '/owner/tickets/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Download a photo of my ticket', params: attachmentParams }, config },
    async (request, reply) => {
      const context = ownerContext(request);
      const { ticket } = await ownerTicket(context, request.params.id);
      return sendAttachment(reply, context.storage, await findAttachment(context.db, ticket, request.params.attachmentId));
    },
  );
};
