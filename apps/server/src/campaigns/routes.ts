import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { attachment, xlsxMimeType } from '../imports/template';
import { downloadLinks, listInvitations, posterPage, regenerateLink } from './distribution';
import { campaignProgress, sendReminders } from './progress';
import {
  campaignBody,
  campaignParams,
  campaignQuery,
  campaignView,
  invitationParams,
  invitationQuery,
  invitationView,
  linkView,
  planView,
  previewBody,
  progressView,
  optionalScope,
  reminderBody,
  reminderResult,
} from '@manyi/contracts/campaigns';
import { closeCampaign, createCampaign, getCampaign, launchCampaign, listCampaigns, previewCampaign } from './service';

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['campaigns'];
  app.get(
    '/campaigns',
    {
      schema: {
        tags,
        summary: "Survey campaigns the caller's projects take part in",
        querystring: campaignQuery,
        response: { 200: z.object({ items: z.array(campaignView) }) },
      },
    },
    async (request) => listCampaigns(staffContext(request), request.query),
  );
  app.post(
    '/campaigns/preview',
    {
      schema: {
        tags,
        summary: 'Population size, contact-rule exclusions and sample sizes per stratum for a plan, without creating anything',
        body: previewBody,
        response: { 200: planView },
      },
    },
    async (request) => previewCampaign(staffContext(request), request.body),
  );
  app.post(
    '/campaigns',
    { schema: { tags, summary: 'Create a draft campaign (freezes the survey version it uses)', body: campaignBody, response: { 201: campaignView } } },
    async (request, reply) => reply.code(201).send(await createCampaign(staffContext(request), request.body)),
  );
  app.get(
    '/campaigns/:id',
    { schema: { tags, summary: 'One campaign with its sampling plan', params: campaignParams, response: { 200: campaignView } } },
    async (request) => getCampaign(staffContext(request), request.params.id),
  );
  app.post(
    '/campaigns/:id/launch',
    {
      schema: {
        tags,
        summary: 'draft → open: draw the sample (seeded) and create one invitation per household',
        params: campaignParams,
        response: { 200: campaignView },
      },
    },
    async (request) => launchCampaign(staffContext(request), request.params.id),
  );
  app.post(
    '/campaigns/:id/close',
    { schema: { tags, summary: 'open → closed: unanswered invitations expire', params: campaignParams, response: { 200: campaignView } } },
    async (request) => closeCampaign(staffContext(request), request.params.id),
  );
  app.get(
    '/campaigns/:id/progress',
    {
      schema: {
        tags,
        summary: 'Invited / opened / partial / completed and response rate per project and building',
        params: campaignParams,
        response: { 200: progressView },
      },
    },
    async (request) => campaignProgress(staffContext(request), request.params.id),
  );
  app.post(
    '/campaigns/:id/reminders',
    {
      schema: {
        tags,
        summary: 'Reminder SMS to owners of households that have not completed (once per interval per household)',
        params: campaignParams,
        body: reminderBody,
        response: { 200: reminderResult },
      },
    },
    async (request) => sendReminders(staffContext(request), request.params.id, request.body),
  );
  app.get(
    '/campaigns/:id/invitations',
    {
      schema: {
        tags,
        summary: "Invitations of the campaign in the caller's projects (no tokens)",
        params: campaignParams,
        querystring: invitationQuery,
        response: { 200: z.object({ items: z.array(invitationView) }) },
      },
    },
    async (request) => listInvitations(staffContext(request), request.params.id, request.query),
  );
  app.post(
    '/campaigns/:id/invitations/:invitationId/link',
    {
      schema: {
        tags,
        summary: 'A new one-time link for one household; its previous link stops working',
        params: invitationParams,
        response: { 200: linkView },
      },
    },
    async (request) => regenerateLink(staffContext(request), request.params.id, request.params.invitationId),
  );
  app.post(
    '/campaigns/:id/links',
    {
      schema: {
        tags,
        summary: 'Per-household links of unanswered invitations as .xlsx; issues new tokens, earlier links stop working',
        params: campaignParams,
        body: optionalScope,
      },
    },
    async (request, reply) => {
      const { fileName, body } = await downloadLinks(staffContext(request), request.params.id, request.body);
      return reply.type(xlsxMimeType).header('content-disposition', attachment(fileName, 'survey-links.xlsx')).send(body);
    },
  );
  app.post(
    '/campaigns/:id/posters',
    {
      schema: {
        tags,
        summary: 'Printable QR posters, one per building (census campaigns); issues new poster tokens',
        params: campaignParams,
        body: optionalScope,
      },
    },
    async (request, reply) => reply.type('text/html; charset=utf-8').send(await posterPage(staffContext(request), request.params.id, request.body)),
  );
};
