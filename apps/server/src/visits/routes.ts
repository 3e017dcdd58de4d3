import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import { ticketParams, ticketSummary } from '../tickets/schemas';
import { visitBody } from './schemas';
import { createVisit } from './service';

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/tickets/:id/visits', {
    schema: { tags: ['tickets'], summary: 'Record a return visit (回访) with the owner\'s rating', params: ticketParams, body: visitBody, response: { 201: ticketSummary } },
  }, async (request, reply) => reply.code(201).send(await createVisit(staffContext(request), request.params.id, request.body)));
};
