import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import { requestLocale } from '../http/locale';
import { backgroundWork } from '../imports/background';
import { maxImportBytes } from '../imports/limits';
import { idParams } from '@manyi/contracts/projects';
import { mappingBody, surveyImportJob } from '@manyi/contracts/survey-imports';
import { numberTitleConflicts, type ColumnMapping } from './mapping';
import { presentImport } from './presenter';
import { commitSurveyImport, confirmMapping, getSurveyImport, questionChoices, startSurveyImport } from './service';

export const surveyImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['surveys'];
  const work = backgroundWork();
  app.addHook('onClose', () => work.drain());
  const present = (result: Awaited<ReturnType<typeof getSurveyImport>>, locale: ReturnType<typeof requestLocale>) => {
    // Conflicting columns staff have not placed yet: the mapping step says why they are empty.
    const mapping = result.job.mapping as ColumnMapping[];
    const conflicts = numberTitleConflicts(result.job.headers as string[], result.definition).filter((conflict) => !mapping[conflict.column]?.target);
    return presentImport(result.job, questionChoices(result.definition), locale, conflicts);
  };

  app.post(
    '/survey-imports',
    {
      schema: {
        tags,
        summary:
          'Upload responses collected elsewhere (.xlsx/.csv; multipart: campaignId, or surveyId + campaignName, then file); answers the proposed column mapping',
        consumes: ['multipart/form-data'],
        response: { 201: surveyImportJob },
      },
    },
    async (request, reply) => {
      const result = await startSurveyImport(staffContext(request), () => request.file({ limits: { fileSize: maxImportBytes } }));
      return reply.code(201).send(present(result, requestLocale(request)));
    },
  );

  app.get(
    '/survey-imports/:id',
    {
      schema: { tags, summary: 'A survey import: mapping, progress, row errors (first 1,000)', params: idParams, response: { 200: surveyImportJob } },
    },
    async (request) => present(await getSurveyImport(staffContext(request), request.params.id), requestLocale(request)),
  );

  app.post(
    '/survey-imports/:id/mapping',
    {
      schema: {
        tags,
        summary: 'Confirm the column mapping; every row is validated in the background',
        params: idParams,
        body: mappingBody,
        response: { 202: surveyImportJob },
      },
    },
    async (request, reply) => {
      const result = await confirmMapping(staffContext(request), work, request.params.id, request.body.mapping);
      return reply.code(202).send(present(result, requestLocale(request)));
    },
  );

  app.post(
    '/survey-imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Import the valid rows (source import); follow-ups are opened right after',
        params: idParams,
        response: { 202: surveyImportJob },
      },
    },
    async (request, reply) => {
      const result = await commitSurveyImport(staffContext(request), work, request.params.id);
      return reply.code(202).send(present(result, requestLocale(request)));
    },
  );
};
