import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import {
  surveyCreate,
  surveyDetail,
  surveyList,
  surveyListQuery,
  surveyParams,
  surveyTemplateList,
  surveyUpdate,
  surveyVersionParams,
} from '@manyi/contracts/surveys';
import { archiveSurvey, createSurvey, getSurvey, listSurveys, listSurveyTemplates, publishSurvey, updateSurvey } from './service';

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['surveys'];
  app.get(
    '/survey-templates',
    { schema: { tags, summary: 'Built-in questionnaires (servqual-property, satisfaction-annual, kano-services)', response: { 200: surveyTemplateList } } },
    async (request) => {
      staffContext(request);
      return listSurveyTemplates();
    },
  );
  app.get(
    '/surveys',
    { schema: { tags, summary: "The company's questionnaires", querystring: surveyListQuery, response: { 200: surveyList } } },
    async (request) => listSurveys(staffContext(request), request.query.status),
  );
  app.post(
    '/surveys',
    { schema: { tags, summary: 'Create a questionnaire from a template or blank', body: surveyCreate, response: { 201: surveyDetail } } },
    async (request, reply) => reply.code(201).send(await createSurvey(staffContext(request), request.body)),
  );
  app.get(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: "A questionnaire's current version, item count, warnings and version history",
        params: surveyParams,
        response: { 200: surveyDetail },
      },
    },
    async (request) => getSurvey(staffContext(request), request.params.id),
  );
  app.get(
    '/surveys/:id/versions/:version',
    { schema: { tags, summary: 'One version of a questionnaire (the one a campaign pinned)', params: surveyVersionParams, response: { 200: surveyDetail } } },
    async (request) => getSurvey(staffContext(request), request.params.id, request.params.version),
  );
  app.put(
    '/surveys/:id',
    {
      schema: {
        tags,
        summary: 'Save the questionnaire (a frozen version is never changed: a new version is started)',
        params: surveyParams,
        body: surveyUpdate,
        response: { 200: surveyDetail },
      },
    },
    async (request) => updateSurvey(staffContext(request), request.params.id, request.body),
  );
  app.post(
    '/surveys/:id/publish',
    { schema: { tags, summary: 'Publish: campaigns may use it', params: surveyParams, response: { 200: surveyDetail } } },
    async (request) => publishSurvey(staffContext(request), request.params.id),
  );
  app.post(
    '/surveys/:id/archive',
    { schema: { tags, summary: 'Archive: kept for old results, no further edits', params: surveyParams, response: { 200: surveyDetail } } },
    async (request) => archiveSurvey(staffContext(request), request.params.id),
  );
};
