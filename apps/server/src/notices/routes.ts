import { idParams } from '@manyi/contracts/projects';
import { noticeBody, noticeDetail, noticePatch, noticeQuery, noticeSummary, noticeTemplate, remindResult } from '@manyi/contracts/notices';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { requirePermission } from '../policy/policy';
import { createNotice, editNotice, getNotice, listNotices, publishNotice, remindUnread } from './service';
import { noticeTemplates } from './templates';

/** The notices centre (提前告知, issue 19 §4): works, fees, seasonal reminders; read receipts and reminders. */
export const noticeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notices'];
  app.get(
    '/notices',
    {
      schema: {
        tags,
        summary: 'Notices of my projects with read counts',
        querystring: noticeQuery,
        response: { 200: z.object({ items: z.array(noticeSummary) }) },
      },
    },
    async (request) => listNotices(staffContext(request), request.query),
  );
  app.get(
    '/notices/templates',
    { schema: { tags, summary: 'Starting texts: 高考, 暴雨, 供暖, works, fees', response: { 200: z.object({ items: z.array(noticeTemplate) }) } } },
    async (request) => {
      requirePermission(staffContext(request).principal, 'notice.manage');
      return { items: noticeTemplates };
    },
  );
  app.post(
    '/notices',
    { schema: { tags, summary: 'Write a notice for chosen buildings or households; publish sends it', body: noticeBody, response: { 201: noticeDetail } } },
    async (request, reply) => reply.code(201).send(await createNotice(staffContext(request), request.body)),
  );
  app.get(
    '/notices/:id',
    { schema: { tags, summary: 'A notice with its read receipts (who read, when)', params: idParams, response: { 200: noticeDetail } } },
    async (request) => getNotice(staffContext(request), request.params.id),
  );
  app.patch(
    '/notices/:id',
    { schema: { tags, summary: 'Edit a draft notice', params: idParams, body: noticePatch, response: { 200: noticeDetail } } },
    async (request) => editNotice(staffContext(request), request.params.id, request.body),
  );
  app.post(
    '/notices/:id/publish',
    { schema: { tags, summary: 'Publish a draft: deliver it to the chosen homes', params: idParams, response: { 200: noticeDetail } } },
    async (request) => publishNotice(staffContext(request), request.params.id),
  );
  app.post(
    '/notices/:id/remind',
    { schema: { tags, summary: 'Remind the unread now (each person once)', params: idParams, response: { 200: remindResult } } },
    async (request) => remindUnread(staffContext(request), request.params.id),
  );
};
