import {
  agenda,
  agendaQuery,
  meetingCreate,
  meetingPatch,
  meetingQuery,
  meetingRecord,
  questionAnswer,
  questionCreate,
  questionRecord,
  townHall,
} from '@manyi/contracts/meetings';
import { idParams } from '@manyi/contracts/projects';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerWeeklySection } from '../analytics/report-sections';
import { staffContext } from '../http/context';
import { agendaOf, agendaSections } from './agenda';
import { answer, askQuestion, createMeeting, getMeeting, listMeetingsOf, townHallOf, updateMeetingNotes } from './service';

// The weekly meeting's agenda goes into every weekly report of the project (issue 18 §7).
registerWeeklySection('meeting-agenda', agendaSections);

/** Meetings (issue 18 §5, §7): the town hall with ORID and 5-3-1, staff questions and the weekly agenda. */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['meetings'];
  app.get(
    '/meetings',
    { schema: { tags, summary: 'Meetings in scope', querystring: meetingQuery, response: { 200: z.object({ items: z.array(meetingRecord) }) } } },
    async (request) => listMeetingsOf(staffContext(request), request.query),
  );
  app.post('/meetings', { schema: { tags, summary: 'Hold a meeting', body: meetingCreate, response: { 201: meetingRecord } } }, async (request, reply) =>
    reply.code(201).send(await createMeeting(staffContext(request), request.body)),
  );
  app.get('/meetings/:id', { schema: { tags, summary: 'One meeting', params: idParams, response: { 200: meetingRecord } } }, async (request) =>
    getMeeting(staffContext(request), request.params.id),
  );
  app.patch(
    '/meetings/:id',
    { schema: { tags, summary: 'Write the ORID review or the 5-3-1 wrap-up', params: idParams, body: meetingPatch, response: { 200: meetingRecord } } },
    async (request) => updateMeetingNotes(staffContext(request), request.params.id, request.body),
  );
  app.get(
    '/meetings/:id/town-hall',
    { schema: { tags, summary: 'The town-hall view: each team’s plan and progress', params: idParams, response: { 200: townHall } } },
    async (request) => townHallOf(staffContext(request), request.params.id),
  );
  app.get(
    '/meeting-agenda',
    { schema: { tags, summary: 'The weekly meeting’s agenda, from data', querystring: agendaQuery, response: { 200: agenda } } },
    async (request) => agendaOf(staffContext(request), request.query.projectId),
  );
  app.post(
    '/meeting-questions',
    { schema: { tags, summary: 'Bring a question to the weekly meeting', body: questionCreate, response: { 201: questionRecord } } },
    async (request, reply) => reply.code(201).send(await askQuestion(staffContext(request), request.body)),
  );
  app.post(
    '/meeting-questions/:id/answer',
    {
      schema: { tags, summary: 'Answer a question with the measure and its reason', params: idParams, body: questionAnswer, response: { 200: questionRecord } },
    },
    async (request) => answer(staffContext(request), request.params.id, request.body),
  );
};
