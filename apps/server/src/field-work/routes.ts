import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import { ticketParams } from '@manyi/contracts/tickets';
import { appointmentBody, arriveBody, completeBody, confirmationCodeSent, fieldTask, fieldTaskList, fieldTaskQuery } from '@manyi/contracts/field-work';
import { agreeAppointment, arrive, completeTask, fieldTaskOf, listFieldTasks, sendConfirmationCode } from './service';

/** The technician's phone (issue 15 §4). */
export const fieldWorkRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['field-work'];
  app.get(
    '/field/tasks',
    { schema: { tags, summary: 'My tasks: assigned to me (mine), my grab pool (pool), today', querystring: fieldTaskQuery, response: { 200: fieldTaskList } } },
    async (request) => listFieldTasks(staffContext(request), request.query.view),
  );
  app.get(
    '/field/tasks/:id',
    { schema: { tags, summary: 'One task with its appointment', params: ticketParams, response: { 200: fieldTask } } },
    async (request) => fieldTaskOf(staffContext(request), request.params.id),
  );
  app.post(
    '/tickets/:id/arrive',
    { schema: { tags, summary: 'Record arrival on site (the SLA on-site time); once', params: ticketParams, body: arriveBody, response: { 200: fieldTask } } },
    async (request) => arrive(staffContext(request), request.params.id, request.body.version),
  );
  app.put(
    '/tickets/:id/appointment',
    { schema: { tags, summary: 'The visit time agreed with the owner', params: ticketParams, body: appointmentBody, response: { 200: fieldTask } } },
    async (request) => agreeAppointment(staffContext(request), request.params.id, request.body),
  );
  app.post(
    '/tickets/:id/confirmation-code',
    {
      schema: { tags, summary: 'Send the owner a code by SMS to confirm the work on site', params: ticketParams, response: { 200: confirmationCodeSent } },
    },
    async (request) => sendConfirmationCode(staffContext(request), request.params.id),
  );
  app.post(
    '/tickets/:id/complete',
    {
      schema: {
        tags,
        summary: "Complete on site: result, materials, photos and the owner's signature or code (resolves the ticket)",
        params: ticketParams,
        body: completeBody,
        response: { 200: fieldTask },
      },
    },
    async (request) => completeTask(staffContext(request), request.params.id, request.body),
  );
};
