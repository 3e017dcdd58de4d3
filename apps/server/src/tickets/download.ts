import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { FileStorage } from '../storage/file-storage';
import type { findAttachment } from './attachments';

/** Sends a stored attachment; the file name is RFC 5987-encoded so Chinese names survive. */
export function sendAttachment(reply: FastifyReply, storage: FileStorage, row: Awaited<ReturnType<typeof findAttachment>>) {
  return reply
    .type(row.contentType)
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(createReadStream(storage.pathOf(row.storageKey)));
}
