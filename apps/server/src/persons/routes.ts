import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { pageOf } from '@manyi/contracts/pagination';
import { idParams } from '@manyi/contracts/projects';
import { invite, person, personBody, personLookup, personLookupQuery, personPatch, personQuery, profile } from '@manyi/contracts/persons';
import { createInvite, createPerson, deletePerson, getPerson, getProfile, lookupOwners, searchPersons, updatePerson } from './service';

export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['residents'];
  app.get('/persons', { schema: { tags, summary: 'Search residents', querystring: personQuery, response: { 200: pageOf(person) } } }, async (request) =>
    searchPersons(staffContext(request), request.query),
  );
  app.get(
    '/persons/lookup',
    {
      schema: {
        tags,
        summary: 'Find a resident the way a caller says it (address, phone, name, initials)',
        querystring: personLookupQuery,
        response: { 200: personLookup },
      },
    },
    async (request) => lookupOwners(staffContext(request), request.query),
  );
  app.post('/persons', { schema: { tags, summary: 'Add a resident to a household', body: personBody, response: { 201: person } } }, async (request, reply) =>
    reply.code(201).send(await createPerson(staffContext(request), request.body)),
  );
  app.get('/persons/:id', { schema: { tags, summary: 'One resident', params: idParams, response: { 200: person } } }, async (request) =>
    getPerson(staffContext(request), request.params.id),
  );
  app.get(
    '/persons/:id/profile',
    { schema: { tags, summary: 'Owner profile: resident, household, members, timeline', params: idParams, response: { 200: profile } } },
    async (request) => getProfile(staffContext(request), request.params.id),
  );
  app.patch('/persons/:id', { schema: { tags, summary: 'Edit a resident', params: idParams, body: personPatch, response: { 200: person } } }, async (request) =>
    updatePerson(staffContext(request), request.params.id, request.body),
  );
  app.delete('/persons/:id', { schema: { tags, summary: 'Remove a resident', params: idParams, response: { 204: z.null() } } }, async (request, reply) => {
    await deletePerson(staffContext(request), request.params.id);
    return reply.code(204).send(null);
  });
  app.post(
    '/persons/:id/invites',
    { schema: { tags, summary: 'One-time owner sign-in link', params: idParams, response: { 201: invite } } },
    async (request, reply) => reply.code(201).send(await createInvite(staffContext(request), request.params.id)),
  );
};
