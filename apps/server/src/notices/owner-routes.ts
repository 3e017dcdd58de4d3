import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ownerContext } from '../http/context';
import { listOwnerNotices, markNoticeRead } from './owner';
import { incidentParams, ownerNoticeList, ownerNoticeRead } from '@manyi/contracts/incidents';

export const ownerNoticeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['owner'];
  const config = { access: 'owner' as const };
  app.get(
    '/owner/notices',
    { schema: { tags, summary: 'Notices sent to me (incidents and the notices centre), unread first', response: { 200: ownerNoticeList } }, config },
    async (request) => listOwnerNotices(ownerContext(request)),
  );
  app.post(
    '/owner/notices/:id/read',
    {
      schema: { tags, summary: 'Mark a notice as read (the read receipt)', params: incidentParams, response: { 200: ownerNoticeRead } },
      config: { ...config, rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => markNoticeRead(ownerContext(request), request.params.id),
  );
};
