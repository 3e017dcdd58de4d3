import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../audit/record';
import { staffContext } from '../http/context';
import { xlsxMimeType } from '../imports/template';
import { exportResults } from './export';
import { aggregationView, campaignParams, resultsQuery, resultsView } from '@manyi/contracts/results';
import { campaignResults, refreshResults } from './service';

export const resultsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['results'];
  app.get(
    '/campaigns/:id/results',
    {
      schema: {
        tags,
        summary: 'Campaign results: metrics of issue 4 §5 under project/building/post/owner-tag filters, response rates, previous-wave comparison, trend',
        params: campaignParams,
        querystring: resultsQuery,
        response: { 200: resultsView },
      },
    },
    async (request) => campaignResults(staffContext(request), request.params.id, request.query),
  );

  app.post(
    '/campaigns/:id/results/refresh',
    {
      schema: {
        tags,
        summary: "Count the campaign's new responses into the rollups now (the background aggregator does it every few seconds)",
        params: campaignParams,
        response: { 200: aggregationView },
      },
    },
    async (request) => refreshResults(staffContext(request), request.params.id),
  );

  app.get(
    '/campaigns/:id/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Raw responses (one row per response; 纸质 flag) and the results sheets as .xlsx',
        params: campaignParams,
        querystring: resultsQuery,
      },
    },
    async (request, reply) => {
      const context = staffContext(request);
      const result = await exportResults(context, request.params.id, request.query);
      // Owners' answers leaving the system in bulk: who took them, and with which filter.
      await recordAudit(context.db, context, {
        action: 'export',
        entityType: 'campaign',
        entityId: request.params.id,
        summary: `导出调查结果 ${result.fileName}`,
        after: { filter: request.query },
      });
      return reply.type(xlsxMimeType).header('content-disposition', result.contentDisposition).send(result.stream);
    },
  );
};
