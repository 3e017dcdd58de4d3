import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { invitationParams, ownerStewards, ownerSurveyLink, ownerSurveys, praise, praiseBody, stewardParams } from '@manyi/contracts/owner-home';
import { ownerContext } from '../http/context';
import { ownerWriteLimit } from '../ticket-desk/owner-routes';
import { photoContentType } from '../staff/photo';
import { myStewards, mySurveys, openSurvey, praiseStaff, stewardPhotoKey } from './service';

/** The owner's phone home (issue 15 §5): my steward, my surveys, praise. */
export const ownerHomeRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['owner'];
  const config = { access: 'owner' as const };
  app.get(
    '/owner/stewards',
    { schema: { tags, summary: 'My steward (管家): name, photo, phone, working hours', response: { 200: ownerStewards } }, config },
    async (request) => myStewards(ownerContext(request)),
  );
  app.get('/owner/stewards/:id/photo', { schema: { tags, summary: "My steward's photo", params: stewardParams }, config }, async (request, reply) => {
    const context = ownerContext(request);
    const key = await stewardPhotoKey(context, request.params.id);
    return reply
      .type(photoContentType(key))
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(context.storage.pathOf(key)));
  });
  app.get(
    '/owner/surveys',
    { schema: { tags, summary: "My households' survey invitations, open ones first", response: { 200: ownerSurveys } }, config },
    async (request) => mySurveys(ownerContext(request)),
  );
  app.post(
    '/owner/surveys/:invitationId/open',
    {
      schema: { tags, summary: 'A fresh answer link for one of my invitations', params: invitationParams, response: { 200: ownerSurveyLink } },
      config: { ...config, rateLimit: ownerWriteLimit },
    },
    async (request) => openSurvey(ownerContext(request), request.params.invitationId),
  );
  app.post(
    '/owner/praises',
    {
      schema: { tags, summary: 'Praise a staff member (表扬)', body: praiseBody, response: { 201: praise } },
      config: { ...config, rateLimit: ownerWriteLimit },
    },
    async (request, reply) => reply.code(201).send(await praiseStaff(ownerContext(request), request.body)),
  );
};
