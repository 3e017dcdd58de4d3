import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { ticketAgeing } from './ageing';
import {
  activeQuery,
  ageingQuery,
  ageingReportView,
  detectionSettings,
  incidentBody,
  incidentDetail,
  incidentParams,
  incidentPatch,
  incidentQuery,
  incidentSummary,
  reasonBody,
  templateList,
} from '@manyi/contracts/incidents';
import {
  activeIncidents,
  closeIncident,
  confirmIncident,
  createIncident,
  dismissIncident,
  getIncident,
  listIncidents,
  publishIncident,
  updateIncident,
} from './service';
import { getDetectionSettings, saveDetectionSettings } from './settings';
import { incidentTemplates, templatePlaceholders } from './templates';

const list = z.object({ items: z.array(incidentSummary) });
/** The note is optional, and so is the body itself (a bare POST closes without a note). */
const optionalNote = z.preprocess((value) => value ?? {}, reasonBody);

export const incidentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['incidents'];
  app.get(
    '/incidents',
    {
      schema: {
        tags,
        summary: "Group, planned and emergency incidents; status=proposed is the project manager's alert list",
        querystring: incidentQuery,
        response: { 200: list },
      },
    },
    async (request) => listIncidents(staffContext(request), request.query),
  );
  app.get(
    '/incidents/active',
    {
      schema: {
        tags,
        summary: "Incidents in effect (or announced) for a caller's project, building or household and category, with call scripts",
        querystring: activeQuery,
        response: { 200: list },
      },
    },
    async (request) => activeIncidents(staffContext(request), request.query),
  );
  app.get(
    '/incidents/:id',
    { schema: { tags, summary: 'One incident: linked tickets, notice read-rate, history', params: incidentParams, response: { 200: incidentDetail } } },
    async (request) => getIncident(staffContext(request), request.params.id),
  );
  app.post(
    '/incidents',
    {
      schema: {
        tags,
        summary: 'Announce a planned or emergency incident (停水, 停电, 电梯停运); publishing sends the notice',
        body: incidentBody,
        response: { 201: incidentDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await createIncident(staffContext(request), request.body)),
  );
  app.patch(
    '/incidents/:id',
    {
      schema: {
        tags,
        summary: 'Correct an incident; added buildings of a published one are notified',
        params: incidentParams,
        body: incidentPatch,
        response: { 200: incidentDetail },
      },
    },
    async (request) => updateIncident(staffContext(request), request.params.id, request.body),
  );
  app.post(
    '/incidents/:id/publish',
    { schema: { tags, summary: 'Publish a draft: send the notice to the affected buildings', params: incidentParams, response: { 200: incidentDetail } } },
    async (request) => publishIncident(staffContext(request), request.params.id),
  );
  app.post(
    '/incidents/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a proposed group incident: its complaints become 群体投诉',
        params: incidentParams,
        body: optionalNote,
        response: { 200: incidentDetail },
      },
    },
    async (request) => confirmIncident(staffContext(request), request.params.id, request.body.note),
  );
  app.post(
    '/incidents/:id/dismiss',
    { schema: { tags, summary: 'Dismiss a proposed group incident', params: incidentParams, body: optionalNote, response: { 200: incidentDetail } } },
    async (request) => dismissIncident(staffContext(request), request.params.id, request.body.note),
  );
  app.post(
    '/incidents/:id/close',
    {
      schema: {
        tags,
        summary: 'Close an incident (the outage is over, the group issue is handled)',
        params: incidentParams,
        body: optionalNote,
        response: { 200: incidentDetail },
      },
    },
    async (request) => closeIncident(staffContext(request), request.params.id, request.body.note),
  );
  app.get(
    '/incident-templates',
    { schema: { tags, summary: 'Default call scripts and notices per incident type', response: { 200: templateList } } },
    async () => ({ placeholders: [...templatePlaceholders], items: incidentTemplates.map((template) => ({ ...template })) }),
  );
  app.get(
    '/incident-settings',
    { schema: { tags, summary: 'Group-complaint detection thresholds: K households within T hours', response: { 200: detectionSettings } } },
    async (request) => getDetectionSettings(staffContext(request)),
  );
  app.put(
    '/incident-settings',
    { schema: { tags, summary: 'Change K and T (admin, quality)', body: detectionSettings, response: { 200: detectionSettings } } },
    async (request) => saveDetectionSettings(staffContext(request), request.body),
  );
  app.get(
    '/tickets/ageing',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Open tickets by age (>3, >7, >15, >30 days) with the oldest of each bucket',
        querystring: ageingQuery,
        response: { 200: ageingReportView },
      },
    },
    async (request) => ticketAgeing(staffContext(request), request.query),
  );
};
