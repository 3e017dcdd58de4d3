import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { householdFilter } from '@manyi/contracts/households';
import { staffContext } from '../http/context';
import { requestLocale } from '../http/locale';
import { idParams } from '@manyi/contracts/projects';
import { backgroundWork } from './background';
import { recordAudit } from '../audit/record';
import { exportHouseholds } from './export';
import { maxImportBytes } from './limits';
import { importJob, templateQuery } from '@manyi/contracts/imports';
import { presentJob } from './presenter';
import { getImport, startCommit, startImport } from './service';
import { attachment, templateCsv, templateWorkbook, xlsxMimeType } from './template';

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['households'];
  const work = backgroundWork();
  app.addHook('onClose', () => work.drain());

  app.get(
    '/household-imports/template',
    {
      schema: { tags, summary: 'Download the household import template (.xlsx or .csv)', querystring: templateQuery },
    },
    async (request, reply) => {
      const format = request.query.format;
      const body = format === 'xlsx' ? await templateWorkbook() : templateCsv();
      return reply
        .type(format === 'xlsx' ? xlsxMimeType : 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(`住户导入模板.${format}`, `household-import-template.${format}`))
        .send(body);
    },
  );

  app.post(
    '/household-imports',
    {
      schema: {
        tags,
        summary: 'Upload a household roster (.xlsx/.csv, multipart: projectId then file); validation runs in the background',
        consumes: ['multipart/form-data'],
        response: { 202: importJob },
      },
    },
    async (request, reply) => {
      const job = await startImport(staffContext(request), work, () => request.file({ limits: { fileSize: maxImportBytes } }));
      return reply.code(202).send(presentJob(job, requestLocale(request)));
    },
  );

  app.get(
    '/household-imports/:id',
    {
      schema: { tags, summary: 'An import job: progress and the first 1,000 row errors', params: idParams, response: { 200: importJob } },
    },
    async (request) => presentJob(await getImport(staffContext(request), request.params.id), requestLocale(request)),
  );

  app.post(
    '/household-imports/:id/commit',
    {
      schema: { tags, summary: 'Commit a validated import, all or nothing, in the background', params: idParams, response: { 202: importJob } },
    },
    async (request, reply) => {
      const job = await startCommit(staffContext(request), work, request.params.id);
      return reply.code(202).send(presentJob(job, requestLocale(request)));
    },
  );

  app.get(
    '/households/export',
    {
      schema: { tags, summary: 'The filtered household list as .xlsx, one row per resident', querystring: householdFilter },
    },
    async (request, reply) => {
      const context = staffContext(request);
      const result = exportHouseholds(context, request.query);
      // Residents' names and phone numbers leaving the system in bulk: who took them, and with which filter.
      await recordAudit(context.db, context, {
        action: 'export',
        entityType: 'household',
        entityId: null,
        summary: `导出住户名单 ${result.fileName}`,
        after: { filter: request.query },
      });
      return reply.type(xlsxMimeType).header('content-disposition', result.contentDisposition).send(result.stream);
    },
  );
};
