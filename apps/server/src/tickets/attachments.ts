import { Transform, type Readable, type TransformCallback } from 'node:stream';
import type { Executor } from '@manyi/db';
import type { MultipartFile } from '@fastify/multipart';
import { uuidv7 } from 'uuidv7';
import type { Context } from '../http/context';
import { HttpProblem, notFound } from '../http/problem';
import type { Principal } from '../http/principal';
import type { FileStorage } from '../storage/file-storage';
import { actorOf, recordTicketEvent } from './events';
import { ticketMessages } from './messages';
import { presentAttachment } from './presenter';
import { attachmentRowsOf, countAttachments, findAttachmentRow, insertAttachment, type TicketRow } from './repository';

export const maxAttachmentBytes = 10 * 1024 * 1024;
const maxAttachmentsPerTicket = 20;

/** The type a file really is, from its first bytes; the name and the browser's claim are not trusted. */
export function sniffContentType(head: Buffer): string | null {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1');
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'image/webp';
  // HEIF container (iPhone photos): an ftyp box whose brand is one of the HEIC/HEIF brands.
  if (ascii(4, 8) === 'ftyp' && ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(ascii(8, 12))) return 'image/heic';
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

class HeadKeeper extends Transform {
  head = Buffer.alloc(0);
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.head.length < 16) this.head = Buffer.concat([this.head, chunk.subarray(0, 16 - this.head.length)]);
    done(null, chunk);
  }
}

/** Streams to storage, then keeps the file only if it is an accepted type within the size limit. */
export async function storeChecked(storage: FileStorage, key: string, source: Readable): Promise<{ size: number; contentType: string }> {
  const keeper = new HeadKeeper();
  source.once('error', (error) => keeper.destroy(error));
  let size: number;
  try {
    size = await storage.write(key, source.pipe(keeper));
  } catch (error) {
    source.resume();
    await storage.remove(key);
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpProblem(413, 'file_too_large', ticketMessages.file_too_large);
    throw error;
  }
  const truncated = (source as Readable & { truncated?: boolean }).truncated === true;
  const contentType = sniffContentType(keeper.head);
  if (truncated || size > maxAttachmentBytes) {
    await storage.remove(key);
    throw new HttpProblem(413, 'file_too_large', ticketMessages.file_too_large);
  }
  if (!contentType || size === 0) {
    await storage.remove(key);
    throw new HttpProblem(415, 'file_type', ticketMessages.file_type);
  }
  return { size, contentType };
}

/** Path separators, quotes and control characters never reach a header or a file name. */
const safeName = (name: string) =>
  [...name]
    .map((character) => (character < ' ' || '\\/"'.includes(character) ? '_' : character))
    .join('')
    .slice(0, 120) || 'file';

/** Stores one uploaded file for a ticket the caller may see; nothing is kept if it is refused. */
export async function attachFile(context: Context<Principal>, ticket: TicketRow, file: MultipartFile | undefined) {
  if (!file) throw new HttpProblem(400, 'file_missing', ticketMessages.file_missing);
  if ((await countAttachments(context.db, ticket.tenantId, ticket.id)) >= maxAttachmentsPerTicket) {
    file.file.resume();
    throw new HttpProblem(409, 'too_many_attachments', ticketMessages.too_many_attachments);
  }
  const id = uuidv7();
  const storageKey = `tickets/${ticket.tenantId}/${ticket.id}/${id}`;
  const { size, contentType } = await storeChecked(context.storage, storageKey, file.file);
  const actor = actorOf(context);
  const now = context.clock.now();
  try {
    return await context.db.transaction(async (tx) => {
      const row = await insertAttachment(tx, {
        id,
        tenantId: ticket.tenantId,
        ticketId: ticket.id,
        storageKey,
        fileName: safeName(file.filename),
        contentType,
        size,
        uploadedByKind: actor.kind === 'owner' ? 'owner' : 'staff',
        uploadedById: actor.id,
        createdAt: now,
      });
      await recordTicketEvent(
        tx,
        ticket,
        actor,
        { kind: 'attachment', visibleToOwner: actor.kind === 'owner', data: { attachmentId: id, fileName: row.fileName } },
        now,
      );
      return presentAttachment(row);
    });
  } catch (error) {
    await context.storage.remove(storageKey);
    throw error;
  }
}

export async function attachmentsOf(db: Executor, ticket: TicketRow) {
  const rows = await attachmentRowsOf(db, ticket.tenantId, ticket.id);
  return rows.map(presentAttachment);
}

export async function findAttachment(db: Executor, ticket: TicketRow, attachmentId: string) {
  const row = await findAttachmentRow(db, ticket.tenantId, ticket.id, attachmentId);
  if (!row) throw notFound();
  return row;
}
