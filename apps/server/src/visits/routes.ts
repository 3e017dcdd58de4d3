import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import { ticketParams, ticketSummary } from '@manyi/contracts/tickets';
import { visitBody, visitSettings, visitSettingsBody } from '@manyi/contracts/visits';
import { createVisit } from './service';
import { getVisitSettings, saveVisitSettings } from '../company-settings/return-visits';

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/tickets/:id/visits',
    {
      schema: {
        tags: ['tickets'],
        summary: "Record a return visit (回访) with the owner's rating",
        params: ticketParams,
        body: visitBody,
        response: { 201: ticketSummary },
      },
    },
    async (request, reply) => reply.code(201).send(await createVisit(staffContext(request), request.params.id, request.body)),
  );
  app.get(
    '/visit-settings',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Return-visit policy: the share of resolved complaints, repairs and other tickets that owe a 回访',
        response: { 200: visitSettings },
      },
    },
    async (request) => getVisitSettings(staffContext(request)),
  );
  app.put(
    '/visit-settings',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Change the return-visit shares (admin, quality); complaints always stay at 1',
        body: visitSettingsBody,
        response: { 200: visitSettings },
      },
    },
    async (request) => saveVisitSettings(staffContext(request), request.body),
  );
};
