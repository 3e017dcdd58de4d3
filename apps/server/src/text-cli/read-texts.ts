/**
 * The texts of a file for `manyi text`: .jsonl (one JSON object a line with a `text` string, optionally an `id`)
 * or .csv (UTF-8, a header row with a `text` column, optionally `id`). A line that is not such an object is
 * reported and skipped; a file without any usable shape is refused.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';

export class TextFileError extends Error {}

/** `row`: 1-based position among the file's records (a .jsonl line, a .csv data row). */
export type TextRow = { row: number; id: string | null; text: string };
export type RowProblem = { row: number; message: string };

function idOf(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

function fromJsonLines(content: string, problems: RowProblem[]): TextRow[] {
  const rows: TextRow[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    if (line.trim().length === 0) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ row: index + 1, message: 'not valid JSON' });
      return;
    }
    if (typeof value !== 'object' || value === null || typeof (value as { text?: unknown }).text !== 'string') {
      problems.push({ row: index + 1, message: 'no "text" string' });
      return;
    }
    const record = value as { text: string; id?: unknown };
    rows.push({ row: index + 1, id: idOf(record.id), text: record.text });
  });
  return rows;
}

function fromCsv(content: string, file: string): TextRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(content, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new TextFileError(`${file}: not a readable CSV file (${error instanceof Error ? error.message : String(error)})`);
  }
  if (records.length > 0 && !('text' in (records[0] ?? {}))) throw new TextFileError(`${file}: no "text" column in the header`);
  return records.map((record, index) => ({ row: index + 1, id: record.id ?? null, text: record.text ?? '' }));
}

export async function readTexts(file: string): Promise<{ rows: TextRow[]; problems: RowProblem[] }> {
  const extension = extname(file).toLowerCase();
  if (extension !== '.jsonl' && extension !== '.csv') throw new TextFileError(`${file}: not a .jsonl or .csv file`);
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new TextFileError(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  const problems: RowProblem[] = [];
  const rows = extension === '.csv' ? fromCsv(content, file) : fromJsonLines(content, problems);
  return { rows, problems };
}
