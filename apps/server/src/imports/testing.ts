import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
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
