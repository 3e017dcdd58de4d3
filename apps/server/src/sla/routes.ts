import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { listAlerts, readAlert, readAllAlerts } from './alerts-service';
import { getCalendarYear, replaceCalendarYear } from './calendar-service';
import { listSlaPolicies, replaceSlaPolicies, resetSlaPolicies } from './policies-service';
import {
  alert,
  alertPage,
  alertParams,
  alertQuery,
  calendarDaysBody,
  calendarQuery,
  calendarSaved,
  calendarYear,
  readAllQuery,
  readAllResult,
  slaPoliciesBody,
  slaPolicyList,
  slaPolicySaved,
  webhook,
  webhookBody,
  webhookList,
  webhookParams,
  webhookPatch,
  webhookTestResult,
} from '@manyi/contracts/sla';
import { createWebhook, deleteWebhook, listWebhooks, testWebhook, updateWebhook } from './webhooks-service';

export const slaRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['sla'];
  app.get(
    '/sla-policies',
    { schema: { tags, summary: "The company's SLA policies in match order (defaults seeded on first use)", response: { 200: slaPolicyList } } },
    async (request) => listSlaPolicies(staffContext(request)),
  );
  app.put(
    '/sla-policies',
    {
      schema: {
        tags,
        summary: 'Replace the ordered list of SLA policies; deadlines of unsettled tickets are recomputed',
        body: slaPoliciesBody,
        response: { 200: slaPolicySaved },
      },
    },
    async (request) => replaceSlaPolicies(staffContext(request), request.body),
  );
  app.post(
    '/sla-policies/reset',
    { schema: { tags, summary: 'Restore the shipped default SLA policies', response: { 200: slaPolicySaved } } },
    async (request) => resetSlaPolicies(staffContext(request)),
  );

  app.get(
    '/calendar-days',
    {
      schema: {
        tags,
        summary: "The company's holidays and 调休 working days of a year, beside the national table",
        querystring: calendarQuery,
        response: { 200: calendarYear },
      },
    },
    async (request) => getCalendarYear(staffContext(request), request.query.year),
  );
  app.put(
    '/calendar-days',
    { schema: { tags, summary: "Replace the company's holidays and 调休 working days of a year", body: calendarDaysBody, response: { 200: calendarSaved } } },
    async (request) => replaceCalendarYear(staffContext(request), request.body),
  );

  app.get(
    '/alerts',
    { schema: { tags, summary: 'SLA alerts of my projects, newest first (the console bell)', querystring: alertQuery, response: { 200: alertPage } } },
    async (request) => listAlerts(staffContext(request), request.query),
  );
  app.post(
    '/alerts/read-all',
    { schema: { tags, summary: 'Mark every alert of my projects (or one project) read', querystring: readAllQuery, response: { 200: readAllResult } } },
    async (request) => readAllAlerts(staffContext(request), request.query.projectId),
  );
  app.post('/alerts/:id/read', { schema: { tags, summary: 'Mark one alert read', params: alertParams, response: { 200: alert } } }, async (request) =>
    readAlert(staffContext(request), request.params.id),
  );

  app.get('/webhooks', { schema: { tags, summary: 'Group-bot webhooks (secrets masked)', response: { 200: webhookList } } }, async (request) =>
    listWebhooks(staffContext(request)),
  );
  app.post(
    '/webhooks',
    { schema: { tags, summary: 'Add a WeCom or DingTalk group-bot webhook', body: webhookBody, response: { 201: webhook } } },
    async (request, reply) => reply.code(201).send(await createWebhook(staffContext(request), request.body)),
  );
  app.patch(
    '/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Edit a webhook (sending the masked address back keeps the real one)',
        params: webhookParams,
        body: webhookPatch,
        response: { 200: webhook },
      },
    },
    async (request) => updateWebhook(staffContext(request), request.params.id, request.body),
  );
  app.delete(
    '/webhooks/:id',
    { schema: { tags, summary: 'Remove a webhook and its outbox', params: webhookParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteWebhook(staffContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/webhooks/:id/test',
    { schema: { tags, summary: 'Send a test message to the bot now and report its answer', params: webhookParams, response: { 200: webhookTestResult } } },
    async (request) => testWebhook(staffContext(request), request.params.id),
  );
};
