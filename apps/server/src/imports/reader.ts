import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { maxImportRows } from './limits';
import { checkXlsxLimits, defaultXlsxLimits, SheetLimitError, SheetReadError, type XlsxLimits } from './xlsx-limits';

export { SheetLimitError, SheetReadError, type XlsxLimits } from './xlsx-limits';

export type ImportFormat = 'xlsx' | 'csv';

/** One sheet row as text cells, numbered as Excel shows it (the header is usually row 1). */
export type SheetRow = { row: number; cells: string[] };

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const oleMagic = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/**
 * What a file is, by its first bytes and whatever its name: people send an .xlsx named .xls or
 * .csv (问卷星 downloads, renamed attachments) and a CSV named .txt. A zip is an .xlsx (exceljs
 * refuses one that is not a workbook), an OLE compound file is the old .xls, a file with NUL
 * bytes is binary, anything else is read as CSV.
 */
export function formatOfContent(head: Buffer, sawNul: boolean): ImportFormat | 'legacy_xls' | 'binary' {
  if (head.subarray(0, 4).equals(zipMagic)) return 'xlsx';
  if (head.subarray(0, 4).equals(oleMagic)) return 'legacy_xls';
  return sawNul ? 'binary' : 'csv';
}

/** formatOfContent for a file on disk: its first 64 KiB decide. */
export async function formatOfFile(path: string): Promise<ReturnType<typeof formatOfContent>> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const head = buffer.subarray(0, bytesRead);
    return formatOfContent(head, head.includes(0));
  } finally {
    await handle.close();
  }
}

/** Cell text as a clerk sees it: numbers without float noise, formulas by their result, rich text flattened. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) {
      return value.richText
        .map((part: { text?: unknown }) => String(part.text ?? ''))
        .join('')
        .trim();
    }
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return cellText(value.text);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/**
 * Rows past the household import's limit (plus its header and the one row that tells it the limit
 * was passed) are not read at all, whatever reads the sheet.
 */
const maxSheetRows = maxImportRows + 2;

/** Cells as text, refusing a row that spreads past the column limit; empty cells past it are dropped. */
function boundedCells(cells: string[], row: number, limits: XlsxLimits): string[] {
  if (cells.length <= limits.columns) return cells;
  if (cells.slice(limits.columns).some((cell) => cell !== '')) throw new SheetLimitError('columns', `row ${row} has more than ${limits.columns} columns`, row);
  return cells.slice(0, limits.columns);
}

type SheetIdentity = { id?: number; name?: string; iterator?: { destroy?: () => void } };
type WorkbookModel = { model?: { sheets?: SheetIdentity[] } };

/** A sheet that is skipped may hold an open temporary file; close it without parsing. */
function release(worksheet: unknown): void {
  (worksheet as SheetIdentity).iterator?.destroy?.();
}

/**
 * Streams the first sheet (in tab order) of an .xlsx: rows are parsed as the zip is read, so a
 * 100,000-row file never sits in memory. Other sheets, such as the template's 说明, are skipped.
 *
 * When a sheet comes before the shared strings in the zip (as Excel writes it), exceljs parks it
 * in a temporary file and removes that only when its iteration runs to the end. So a reader that
 * is stopped early (a refused header, too many rows) still runs the workbook iteration out,
 * skipping what is left unparsed, rather than leave a copy of the roster in the temp folder.
 */
async function* readXlsx(path: string, limits: XlsxLimits): AsyncGenerator<SheetRow> {
  try {
    await checkXlsxLimits(path, limits);
  } catch (error) {
    throw error instanceof SheetLimitError ? error : new SheetReadError(1, error);
  }
  const source = createReadStream(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  const worksheets = workbook[Symbol.asyncIterator]();
  let lastRow = 0;
  let dataRows = 0;
  let chosen = false;
  try {
    for (;;) {
      const next = await worksheets.next();
      if (next.done) return;
      const worksheet = next.value;
      const first = (workbook as unknown as WorkbookModel).model?.sheets?.[0];
      const identity = worksheet as unknown as SheetIdentity;
      if (chosen || (first && identity.name !== undefined && identity.name !== first.name)) {
        release(worksheet);
        continue;
      }
      chosen = true;
      for await (const row of worksheet) {
        lastRow = row.number;
        dataRows += 1;
        if (dataRows > maxSheetRows) throw new SheetLimitError('rows', `more than ${maxSheetRows} rows`, row.number);
        const values = Array.isArray(row.values) ? row.values : [];
        // exceljs numbers cells from 1; slot 0 is always empty.
        const cells = Array.from({ length: Math.max(values.length - 1, 0) }, (_, index) => cellText(values[index + 1]));
        yield { row: row.number, cells: boundedCells(cells, row.number, limits) };
      }
    }
  } catch (error) {
    throw error instanceof SheetLimitError ? error : new SheetReadError(lastRow + 1, error);
  } finally {
    try {
      for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) release(next.value);
    } catch {
      // The file is broken or already closed; there is nothing left to clean up.
    }
    source.destroy();
  }
}

/**
 * Office on a Chinese Windows saves "CSV (逗号分隔)" in GB18030, newer versions offer UTF-8 with
 * a BOM. The whole file decides, in a first pass that keeps nothing: valid UTF-8 from the first
 * byte to the last is read as UTF-8, anything else as GB18030 (a superset of GBK). A prefix is
 * not enough: a GBK roster whose first Chinese character comes after 64 KiB of ASCII (ids, phone
 * numbers) is valid UTF-8 up to there.
 */
export async function csvEncoding(path: string): Promise<'utf-8' | 'gb18030'> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const source = createReadStream(path);
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) decoder.decode(chunk, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch (error) {
    if (error instanceof TypeError) return 'gb18030';
    throw error;
  } finally {
    source.destroy();
  }
}

class CsvDecoder extends Transform {
  readonly #decoder: TextDecoder;

  constructor(encoding: string) {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
    this.#decoder = new TextDecoder(encoding);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    done(null, this.#decoder.decode(chunk, { stream: true }));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.#decoder.decode());
  }
}

async function* readCsv(path: string, limits: XlsxLimits): AsyncGenerator<SheetRow> {
  let encoding: string;
  try {
    encoding = await csvEncoding(path);
  } catch (error) {
    throw new SheetReadError(1, error);
  }
  const source = createReadStream(path);
  const records = source.pipe(new CsvDecoder(encoding)).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
  let row = 0;
  try {
    for await (const record of records as AsyncIterable<string[]>) {
      row += 1;
      if (row > maxSheetRows) throw new SheetLimitError('rows', `more than ${maxSheetRows} rows`, row);
      yield {
        row,
        cells: boundedCells(
          record.map((cell) => cell.trim()),
          row,
          limits,
        ),
      };
    }
  } catch (error) {
    throw error instanceof SheetLimitError ? error : new SheetReadError(row + 1, error);
  } finally {
    source.destroy();
    records.destroy();
  }
}

/** Reads with the default limits; tests pass smaller ones. A SheetLimitError is a SheetReadError too. */
export function readSheetRows(path: string, format: ImportFormat, limits: XlsxLimits = defaultXlsxLimits): AsyncGenerator<SheetRow> {
  return format === 'xlsx' ? readXlsx(path, limits) : readCsv(path, limits);
}

export const isBlankRow = (cells: readonly string[]) => cells.every((cell) => cell === '');
