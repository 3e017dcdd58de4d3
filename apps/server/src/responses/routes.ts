import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ownerContext, publicContext, staffContext } from '../http/context';
import { claimPoster, describePoster } from './posters';
import {
  answerTokenParams,
  answerView,
  campaignParams,
  draftBody,
  draftSaved,
  paperResponseBody,
  posterClaim,
  posterParams,
  posterView,
  responseReceipt,
  submitBody,
} from '@manyi/contracts/responses';
import { enterPaperResponse, openAnswerLink, saveDraft, submitAnswers } from './service';

/**
 * Public answer links are limited per address like the other public owner endpoints, but more
 * loosely than sign-in: a 256-bit token cannot be guessed anyway, the page saves a draft every few
 * seconds while someone answers, and a whole compound may share one carrier NAT address.
 */
const answerRateLimit = { max: (request: FastifyRequest) => request.server.deps.config.rateLimitPerMinute * 30, timeWindow: '1 minute' };

export const responseRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['answering'];
  const config = { access: 'public' as const, rateLimit: answerRateLimit };

  app.get(
    '/answer/:token',
    {
      schema: {
        tags,
        summary: 'Open an answer link: the questionnaire, the household and any saved draft (marks the invitation opened)',
        params: answerTokenParams,
        response: { 200: answerView },
      },
      config,
    },
    async (request) => openAnswerLink(publicContext(request), request.params.token),
  );

  app.put(
    '/answer/:token/draft',
    {
      schema: {
        tags,
        summary: 'Save unfinished answers (partial save; required questions are not checked)',
        params: answerTokenParams,
        body: draftBody,
        response: { 200: draftSaved },
      },
      config,
    },
    async (request) => saveDraft(publicContext(request), request.params.token, request.body.answers),
  );

  app.post(
    '/answer/:token/submit',
    {
      schema: {
        tags,
        summary: 'Submit the answers (send an Idempotency-Key; a retry with it returns the first receipt)',
        params: answerTokenParams,
        body: submitBody,
        response: { 201: responseReceipt },
      },
      config,
    },
    async (request, reply) => reply.code(201).send(await submitAnswers(publicContext(request), request.params.token, request.body)),
  );

  app.get(
    '/survey-posters/:token',
    {
      schema: { tags, summary: 'A building poster: which company to sign in with before answering', params: posterParams, response: { 200: posterView } },
      config,
    },
    async (request) => describePoster(publicContext(request), request.params.token),
  );

  app.post(
    '/owner/survey-posters/:token/claim',
    {
      schema: { tags, summary: "Get the answer link of my household in the poster's building", params: posterParams, response: { 200: posterClaim } },
      config: { access: 'owner', rateLimit: answerRateLimit },
    },
    async (request) => claimPoster(ownerContext(request), request.params.token),
  );

  app.post(
    '/campaigns/:campaignId/paper-responses',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Enter a paper questionnaire for a household of the campaign (source paper)',
        params: campaignParams,
        body: paperResponseBody,
        response: { 201: responseReceipt },
      },
    },
    async (request, reply) => reply.code(201).send(await enterPaperResponse(staffContext(request), request.params.campaignId, request.body)),
  );
};
