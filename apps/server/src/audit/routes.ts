import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import { auditEntry, auditQuery } from '@manyi/contracts/audit';
import { pageOf } from '@manyi/contracts/pagination';
import { searchAuditLogs } from './service';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit-logs',
    {
      schema: { tags: ['audit'], summary: 'Search the audit log (newest first)', querystring: auditQuery, response: { 200: pageOf(auditEntry) } },
    },
    async (request) => searchAuditLogs(staffContext(request), request.query),
  );
};
