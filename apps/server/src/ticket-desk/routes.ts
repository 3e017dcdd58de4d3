import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import { pageOf } from '@manyi/contracts/pagination';
import { ticketInScope } from '../tickets/access';
import { performAction } from './actions';
import { attachFile, findAttachment, maxAttachmentBytes } from '../tickets/attachments';
import { getTicketDetail } from './detail';
import { sendAttachment } from '../tickets/download';
import { answerHandover, requestHandover } from '../tickets/handover';
import { addNote } from '../tickets/notes';
import {
  actionBody,
  attachment,
  attachmentParams,
  handoverBody,
  noteBody,
  ticketDetail,
  ticketParams,
  ticketPatch,
  ticketQuery,
  ticketSummary,
} from '@manyi/contracts/tickets';
import { searchTickets, updateTicket } from '../tickets/service';

export const ticketRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['tickets'];
  app.get(
    '/tickets',
    { schema: { tags, summary: 'The ticket queue with filters and SLA states', querystring: ticketQuery, response: { 200: pageOf(ticketSummary) } } },
    async (request) => searchTickets(staffContext(request), request.query),
  );
  app.get(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: 'One ticket: timeline, CLEAR, recovery, visits, attachments, available actions',
        params: ticketParams,
        response: { 200: ticketDetail },
      },
    },
    async (request) => getTicketDetail(staffContext(request), request.params.id),
  );
  app.patch(
    '/tickets/:id',
    {
      schema: {
        tags,
        summary: 'Correct a ticket (not once closed, cancelled or merged)',
        params: ticketParams,
        body: ticketPatch,
        response: { 200: ticketSummary },
      },
    },
    async (request) => updateTicket(staffContext(request), request.params.id, request.body),
  );
  app.post(
    '/tickets/:id/actions',
    { schema: { tags, summary: 'Apply a status-machine action', params: ticketParams, body: actionBody, response: { 200: ticketSummary } } },
    async (request) => performAction(staffContext(request), request.params.id, request.body),
  );
  app.post(
    '/tickets/:id/notes',
    { schema: { tags, summary: 'Internal note or owner-visible progress update', params: ticketParams, body: noteBody, response: { 201: ticketSummary } } },
    async (request, reply) => reply.code(201).send(await addNote(staffContext(request), request.params.id, request.body)),
  );
  app.post(
    '/tickets/:id/handover',
    {
      schema: {
        tags,
        summary: 'Offer the ticket to a colleague (首问负责: accountable until accepted)',
        params: ticketParams,
        body: handoverBody,
        response: { 200: ticketSummary },
      },
    },
    async (request) => requestHandover(staffContext(request), request.params.id, request.body),
  );
  app.post(
    '/tickets/:id/handover/accept',
    { schema: { tags, summary: 'Accept a handover offered to me', params: ticketParams, response: { 200: ticketSummary } } },
    async (request) => answerHandover(staffContext(request), request.params.id, true),
  );
  app.post(
    '/tickets/:id/handover/decline',
    { schema: { tags, summary: 'Decline a handover offered to me', params: ticketParams, response: { 200: ticketSummary } } },
    async (request) => answerHandover(staffContext(request), request.params.id, false),
  );
  app.post(
    '/tickets/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Upload a photo or PDF (multipart field "file"; JPG/PNG/WebP/HEIC/PDF, ≤10 MB)',
        params: ticketParams,
        response: { 201: attachment },
      },
    },
    async (request, reply) => {
      const context = staffContext(request);
      const ticket = await ticketInScope(context, request.params.id);
      const file = await request.file({ limits: { fileSize: maxAttachmentBytes, files: 1 } });
      return reply.code(201).send(await attachFile(context, ticket, file));
    },
  );
  app.get(
    '/tickets/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Download an attachment', params: attachmentParams } },
    async (request, reply) => {
      const context = staffContext(request);
      const ticket = await ticketInScope(context, request.params.id);
      return sendAttachment(reply, context.storage, await findAttachment(context.db, ticket, request.params.attachmentId));
    },
  );
};
