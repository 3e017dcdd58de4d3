import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ownerContext, staffContext } from '../http/context';
import { ownerTicketBody, ownerTicketDetail } from '@manyi/contracts/owner-tickets';
import { ownerWriteLimit } from '../ticket-desk/owner-routes';
import { ticketBody, ticketSummary } from '@manyi/contracts/tickets';
import { createTicket } from './console';
import { reportIssue } from './owner';

/** The ways into the service desk over HTTP: the console's receipt and the owner's report (receive.ts). */
export const receiptRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Receive a ticket (the caller becomes its first receiver; send an Idempotency-Key: a retry with it returns the same answer)',
        body: ticketBody,
        response: { 201: ticketSummary },
      },
    },
    async (request, reply) => reply.code(201).send(await createTicket(staffContext(request), request.body)),
  );
  app.post(
    '/owner/tickets',
    {
      schema: { tags: ['owner'], summary: 'Report an issue from the owner H5 page', body: ownerTicketBody, response: { 201: ownerTicketDetail } },
      config: { access: 'owner', rateLimit: ownerWriteLimit },
    },
    async (request, reply) => reply.code(201).send(await reportIssue(ownerContext(request), request.body)),
  );
};
