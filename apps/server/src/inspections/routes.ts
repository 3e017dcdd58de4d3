import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import {
  inspectionCreate,
  inspectionItemPatch,
  inspectionQuery,
  inspectionRecord,
  inspectionScores,
  inspectionStart,
  inspectionSubmit,
  inspectionSummary,
  reInspection,
  rectificationFix,
  rectificationQuery,
  rectificationRecord,
  scoreQuery,
} from '@manyi/contracts/inspections';
import { idParams } from '@manyi/contracts/projects';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { staffContext } from '../http/context';
import { maxAttachmentBytes, sniffContentType } from '../tickets/attachments';
import {
  addItemPhoto,
  checkItem,
  createInspection,
  fixRectification,
  getInspection,
  inspectionScoresOf,
  itemPhotoKey,
  listInspections,
  listRectificationsOf,
  reInspect,
  startInspection,
  submitInspection,
} from './service';

const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const photoParams = itemParams.extend({ index: z.coerce.number().int().min(0).max(20) });

/** Quality inspections (品质巡检, issue 18 §1): rounds, items with photos, submission, rectifications and 复查, scores. */
export const inspectionRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['inspections'];
  app.get(
    '/inspections',
    {
      schema: { tags, summary: 'Inspection rounds in scope', querystring: inspectionQuery, response: { 200: z.object({ items: z.array(inspectionSummary) }) } },
    },
    async (request) => listInspections(staffContext(request), request.query),
  );
  app.post(
    '/inspections',
    { schema: { tags, summary: 'Plan a scheduled round or open an ad-hoc one', body: inspectionCreate, response: { 201: inspectionRecord } } },
    async (request, reply) => reply.code(201).send(await createInspection(staffContext(request), request.body)),
  );
  app.get(
    '/inspections/scores',
    { schema: { tags, summary: 'Scores per project, post and team', querystring: scoreQuery, response: { 200: inspectionScores } } },
    async (request) => inspectionScoresOf(staffContext(request), request.query),
  );
  app.get(
    '/inspections/:id',
    { schema: { tags, summary: 'A round with its checklist', params: idParams, response: { 200: inspectionRecord } } },
    async (request) => getInspection(staffContext(request), request.params.id),
  );
  app.post(
    '/inspections/:id/start',
    { schema: { tags, summary: 'Start the round where it takes place', params: idParams, body: inspectionStart, response: { 200: inspectionRecord } } },
    async (request) => startInspection(staffContext(request), request.params.id, request.body),
  );
  app.put(
    '/inspections/:id/items/:itemId',
    { schema: { tags, summary: 'Pass or deduct one item', params: itemParams, body: inspectionItemPatch, response: { 200: inspectionRecord } } },
    async (request) => checkItem(staffContext(request), request.params.id, request.params.itemId, request.body),
  );
  app.post(
    '/inspections/:id/items/:itemId/photos',
    { schema: { tags, summary: 'Add a photo to an item (multipart field "file")', params: itemParams, response: { 201: inspectionRecord } } },
    async (request, reply) => {
      const context = staffContext(request);
      const file = await request.file({ limits: { fileSize: maxAttachmentBytes, files: 1 } });
      return reply.code(201).send(await addItemPhoto(context, request.params.id, request.params.itemId, file));
    },
  );
  app.get(
    '/inspections/:id/items/:itemId/photos/:index',
    { schema: { tags, summary: 'One photo of an item', params: photoParams } },
    async (request, reply) => {
      const context = staffContext(request);
      const path = context.storage.pathOf(await itemPhotoKey(context, request.params.id, request.params.itemId, request.params.index));
      const handle = await open(path);
      const head = Buffer.alloc(16);
      await handle.read(head, 0, 16, 0);
      await handle.close();
      return reply
        .type(sniffContentType(head) ?? 'application/octet-stream')
        .header('x-content-type-options', 'nosniff')
        .send(createReadStream(path));
    },
  );
  app.post(
    '/inspections/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit: score, and a rectification per deducted item',
        params: idParams,
        body: inspectionSubmit,
        response: { 200: inspectionRecord },
      },
    },
    async (request) => submitInspection(staffContext(request), request.params.id, request.body),
  );
  app.get(
    '/rectifications',
    {
      schema: {
        tags,
        summary: 'Rectifications in scope',
        querystring: rectificationQuery,
        response: { 200: z.object({ items: z.array(rectificationRecord) }) },
      },
    },
    async (request) => listRectificationsOf(staffContext(request), request.query),
  );
  app.post(
    '/rectifications/:id/fix',
    { schema: { tags, summary: 'Report the fix (整改完成)', params: idParams, body: rectificationFix, response: { 200: rectificationRecord } } },
    async (request) => fixRectification(staffContext(request), request.params.id, request.body),
  );
  app.post(
    '/rectifications/:id/re-inspect',
    {
      schema: {
        tags,
        summary: 'Re-inspect (复查): pass closes, fail reopens with a new deadline',
        params: idParams,
        body: reInspection,
        response: { 200: rectificationRecord },
      },
    },
    async (request) => reInspect(staffContext(request), request.params.id, request.body),
  );
};
