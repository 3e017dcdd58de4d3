import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { importHeaders } from './columns';
import { csvCell } from './template';

/** Test and benchmark helpers: roster files built in memory and uploaded through the real API. */
export type Cells = (string | number | null)[];

export async function xlsxFile(rows: Cells[], headers: string[] = importHeaders): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('住户');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A large .xlsx written with the streaming writer, as the benchmark needs. */
export async function streamedXlsxFile(rowCount: number, rowAt: (index: number) => Cells, headers: string[] = importHeaders): Promise<Buffer> {
  const { PassThrough } = await import('node:stream');
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: false });
  const sheet = workbook.addWorksheet('住户');
  sheet.addRow(headers).commit();
  for (let index = 0; index < rowCount; index += 1) sheet.addRow(rowAt(index)).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** The entries of a zip, inflated, in their order. */
export async function unzipEntries(zip: Buffer): Promise<Map<string, Buffer>> {
  const file = await promisify<Buffer, yauzl.Options, ZipFile>(yauzl.fromBuffer)(zip, { lazyEntries: false });
  const open = promisify(file.openReadStream.bind(file)) as (entry: Entry) => Promise<NodeJS.ReadableStream>;
  const entries: Entry[] = await new Promise((resolve, reject) => {
    const found: Entry[] = [];
    file.on('entry', (entry: Entry) => found.push(entry));
    file.on('end', () => resolve(found));
    file.on('error', reject);
  });
  const result = new Map<string, Buffer>();
  for (const entry of entries) {
    const chunks: Buffer[] = [];
    for await (const chunk of (await open(entry)) as AsyncIterable<Buffer>) chunks.push(chunk);
    result.set(entry.fileName, Buffer.concat(chunks));
  }
  return result;
}

/** A deflated zip of the given entries: enough of the format for a crafted .xlsx (no zip64, no data descriptors). */
export function zipOf(entries: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(content);
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A roster .xlsx whose shared-strings part is padded with `padding` bytes of one repeated
 * character inside the first string: a small upload that unpacks to a large part.
 */
export async function inflatingXlsxFile(rows: Cells[], padding: number): Promise<Buffer> {
  const entries = await unzipEntries(await xlsxFile(rows));
  const shared = entries.get('xl/sharedStrings.xml')!.toString('utf8');
  const at = shared.indexOf('<t>') + '<t>'.length;
  entries.set('xl/sharedStrings.xml', Buffer.concat([Buffer.from(shared.slice(0, at)), Buffer.alloc(padding, 'a'), Buffer.from(shared.slice(at))]));
  return zipOf(entries);
}

export function csvFile(rows: Cells[], headers: string[] = importHeaders): Buffer {
  const lines = [headers, ...rows].map((cells) => cells.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A multipart/form-data body with the fields first and the file last, as the console sends it. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = `----manyi${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    );
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function uploadImport(
  app: FastifyInstance,
  cookie: string,
  projectId: string,
  file: { name: string; content: Buffer },
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const body = multipart({ projectId }, file);
  return app.inject({ method: 'POST', url: '/api/v1/household-imports', headers: { cookie, ...body.headers, ...headers }, payload: body.payload });
}

const terminal = new Set(['validated', 'invalid', 'committed', 'failed']);

/** Polls the job as the console does until the background work reaches a resting state. */
export async function waitForJob(app: FastifyInstance, cookie: string, id: string, headers: Record<string, string> = {}, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await app.inject({ method: 'GET', url: `/api/v1/household-imports/${id}`, headers: { cookie, ...headers } });
    if (response.statusCode !== 200) throw new Error(`job ${id}: ${response.statusCode} ${response.body}`);
    const job = response.json();
    if (terminal.has(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
