import { Transform, type TransformCallback } from 'node:stream';
import type { Readable } from 'node:stream';
import { HttpProblem, malformedUpload } from '../http/problem';
import type { FileStorage } from '../storage/file-storage';
import { maxImportRows } from './limits';
import { fileMessages } from './messages';
import { formatOfContent, type ImportFormat } from './reader';

const quoteByte = 0x22;
const newlineByte = 0x0a;
/** Bytes that do not make a CSV line count as data: separators, quotes, blanks. */
const fillerBytes = new Set([0x2c, 0x22, 0x20, 0x09, 0x0d, 0x3b]);

const unsupported = (key: keyof typeof fileMessages = 'not_a_spreadsheet') => new HttpProblem(415, key, fileMessages[key]);

/**
 * Watches an upload on its way to storage: keeps the first bytes for content sniffing and, for
 * CSV, counts the lines that hold data (quote-aware, so a line break inside a quoted note does
 * not count), so that a million-row CSV is refused without parsing it.
 */
class UploadInspector extends Transform {
  head = Buffer.alloc(0);
  dataLines = 0;
  sawNul = false;
  #inQuotes = false;
  #lineHasData = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.head.length < 8) this.head = Buffer.concat([this.head, chunk.subarray(0, 8 - this.head.length)]);
    // Lines are counted whatever the file turns out to be: the count only matters for a CSV.
    this.#scan(chunk);
    done(null, chunk);
  }

  #scan(chunk: Buffer): void {
    let inQuotes = this.#inQuotes;
    let lineHasData = this.#lineHasData;
    let lines = this.dataLines;
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index]!;
      if (byte === quoteByte) inQuotes = !inQuotes;
      else if (byte === newlineByte && !inQuotes) {
        if (lineHasData) lines += 1;
        lineHasData = false;
      } else if (byte === 0) this.sawNul = true;
      if (!lineHasData && !fillerBytes.has(byte) && byte !== newlineByte) lineHasData = true;
    }
    this.#inQuotes = inQuotes;
    this.#lineHasData = lineHasData;
    this.dataLines = lines;
  }

  override _flush(done: TransformCallback): void {
    if (this.#lineHasData) this.dataLines += 1;
    done();
  }
}

/**
 * Streams an upload to storage and tells its format by content. Refuses (and removes) empty
 * files, files whose bytes are not a spreadsheet, and CSVs with too many rows.
 */
export async function storeUpload(storage: FileStorage, key: string, source: Readable): Promise<{ bytes: number; format: ImportFormat }> {
  const inspector = new UploadInspector();
  // A body cut short may have failed the file while the target was being checked: piping a failed stream would wait forever.
  if (source.errored || source.destroyed) {
    source.resume();
    throw malformedUpload();
  }
  // pipe() does not forward errors; the multipart size limit surfaces as an error on the source.
  source.once('error', (error) => inspector.destroy(error));
  let bytes: number;
  try {
    bytes = await storage.write(key, source.pipe(inspector));
  } catch (error) {
    source.resume();
    await storage.remove(key);
    throw error;
  }
  // Past the multipart size limit busboy cuts the file short and marks it truncated.
  const truncated = (source as Readable & { truncated?: boolean }).truncated === true;
  const format = formatOfContent(inspector.head, inspector.sawNul);
  const refusal = truncated ? new HttpProblem(413, 'file_too_large', fileMessages.file_too_large) : refusalOf(inspector, format, bytes);
  if (refusal || (format !== 'xlsx' && format !== 'csv')) {
    await storage.remove(key);
    throw refusal ?? unsupported();
  }
  return { bytes, format };
}

function refusalOf(inspector: UploadInspector, format: ReturnType<typeof formatOfContent>, bytes: number): HttpProblem | null {
  if (bytes === 0) return new HttpProblem(400, 'empty_import', fileMessages.empty_import);
  if (format === 'legacy_xls') return unsupported('legacy_xls');
  if (format === 'binary') return unsupported();
  // The header line is one of the data lines.
  if (format === 'csv' && inspector.dataLines - 1 > maxImportRows) return new HttpProblem(413, 'too_many_rows', fileMessages.too_many_rows);
  return null;
}
