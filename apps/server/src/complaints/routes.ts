import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import { clearView, recoveryView, ticketParams } from '@manyi/contracts/tickets';
import { clearBody, recoveryBody } from '@manyi/contracts/complaints';
import { saveClear, saveRecovery } from './service';

export const complaintRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['complaints'];
  app.put(
    '/tickets/:id/clear',
    {
      schema: { tags, summary: 'Save CLEAR steps of a complaint (partial saves allowed)', params: ticketParams, body: clearBody, response: { 200: clearView } },
    },
    async (request) => saveClear(staffContext(request), request.params.id, request.body),
  );
  app.put(
    '/tickets/:id/recovery',
    { schema: { tags, summary: 'Save the service-recovery record of a complaint', params: ticketParams, body: recoveryBody, response: { 200: recoveryView } } },
    async (request) => saveRecovery(staffContext(request), request.params.id, request.body),
  );
};
