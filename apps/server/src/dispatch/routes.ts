import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { ticketParams, ticketSummary } from '@manyi/contracts/tickets';
import { rule, ruleBody, ruleQuery, workload, workloadQuery } from '@manyi/contracts/dispatch';
import { deleteRule, grabTicket, putRule, searchRules, workloadOf } from './service';

export const dispatchRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['dispatch'];
  app.get(
    '/dispatch-rules',
    { schema: { tags, summary: 'Dispatch rules per project and post', querystring: ruleQuery, response: { 200: z.object({ items: z.array(rule) }) } } },
    async (request) => searchRules(staffContext(request), request.query.projectId),
  );
  app.put(
    '/dispatch-rules',
    { schema: { tags, summary: 'Set the rule for a project and post (assign, round_robin, grab)', body: ruleBody, response: { 200: rule } } },
    async (request) => putRule(staffContext(request), request.body),
  );
  app.delete(
    '/dispatch-rules/:id',
    { schema: { tags, summary: 'Remove a dispatch rule', params: ticketParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteRule(staffContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/tickets/:id/grab',
    { schema: { tags, summary: 'Take a ticket from the grab pool (first wins)', params: ticketParams, response: { 200: ticketSummary } } },
    async (request) => grabTicket(staffContext(request), request.params.id),
  );
  app.get(
    '/workload',
    { schema: { tags, summary: 'Open tickets per person and status', querystring: workloadQuery, response: { 200: workload } } },
    async (request) => workloadOf(staffContext(request), request.query.projectId),
  );
};
