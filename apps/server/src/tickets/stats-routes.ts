import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import { statsQuery, ticketStats } from '@manyi/contracts/tickets';
import { ticketStatsFor } from './stats';

export const ticketStatsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/tickets/stats',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Console tiles: open, overdue, due today, SLA compliance this month',
        querystring: statsQuery,
        response: { 200: ticketStats },
      },
    },
    async (request) => ticketStatsFor(staffContext(request), request.query.projectId),
  );
};
