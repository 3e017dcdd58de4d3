/**
 * `manyi analyze <file> --template <name>` (issue 4 §8): the metrics of an exported questionnaire
 * (.xlsx/.csv, UTF-8 or GBK, one row per respondent) as JSON, without a database. The same reader,
 * header mapping and answer checks as the console import (survey-imports/), so a file analyses
 * here exactly as it would import there. Field names are documented in the README.
 */
import { access, readFile } from 'node:fs/promises';
import { surveyTemplate, surveyTemplateNames, type Answers, type SurveyDefinition } from '@manyi/core';
import { formatOfFile, SheetReadError, type ImportFormat } from '../imports/reader';
import { convertRow, type RowProblem } from '../survey-imports/convert';
import { checkMapping, numberTitleConflicts, proposeMapping, type ColumnMapping, type ColumnTarget, type NumberTitleConflict } from '../survey-imports/mapping';
import { cellProblemMessages, mappingProblemMessages } from '../survey-imports/messages';
import { EmptyTableError, openTable } from '../survey-imports/table';
import { analyseAnswers } from './metrics';

/** A usage or file problem: reported on stderr, exit code 2 (1 stays for unexpected failures). */
export class AnalyzeError extends Error {}

export type AnalyzeOptions = { template: string; mapping?: string | undefined };

export type AnalyzeReport = {
  template: string;
  file: string;
  /** Data rows read (blank rows skipped), valid rows analysed, rows left out for a bad cell. */
  rows: number;
  validRows: number;
  invalidRows: number;
  /** Which column fed which question (item: matrix row or pair side). */
  mapping: { column: number; header: string; questionKey: string; item: string | null }[];
  unmappedColumns: string[];
  /** Numbered columns whose title names another question: left unmapped unless --mapping places them. */
  conflicts: NumberTitleConflict[];
  metrics: ReturnType<typeof analyseAnswers>;
};

/** By content, whatever the name: an export saved as .xls or .txt is read all the same. */
async function formatOf(file: string): Promise<ImportFormat> {
  const format = await formatOfFile(file);
  if (format === 'legacy_xls') throw new AnalyzeError(`${file}: an old .xls workbook; save it as .xlsx in Excel`);
  if (format === 'binary') throw new AnalyzeError(`${file}: not an .xlsx or .csv file`);
  return format;
}

function targetOf(text: string | null): ColumnTarget | null {
  if (text === null || text === '') return null;
  if (text === 'room' || text === 'phone') return { kind: text };
  const [questionKey, item] = text.split('.', 2);
  return { kind: 'question', questionKey: questionKey!, ...(item !== undefined && { item }) };
}

/**
 * --mapping: a JSON object (inline, or the path of a .json file) from a column — its header text
 * or its 0-based index — to "questionKey", "questionKey.item", "room", "phone" or null (ignore).
 * It overrides the proposal column by column.
 */
async function overrideMapping(proposed: ColumnMapping[], headers: string[], option: string): Promise<ColumnMapping[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(option.trim().startsWith('{') ? option : await readFile(option, 'utf8'));
  } catch (error) {
    throw new AnalyzeError(`--mapping: not JSON or not a readable file (${error instanceof Error ? error.message : String(error)})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new AnalyzeError('--mapping: expected a JSON object {"column": "questionKey[.item]" | null}');
  const mapping = proposed.map((entry) => ({ ...entry }));
  for (const [column, value] of Object.entries(parsed)) {
    const index = /^\d+$/.test(column) ? Number(column) : headers.indexOf(column);
    if (index < 0 || index >= headers.length) throw new AnalyzeError(`--mapping: the file has no column "${column}"`);
    if (value !== null && typeof value !== 'string') throw new AnalyzeError(`--mapping: column "${column}" must map to a string or null`);
    // A column taken over here frees the question it was proposed for, so two columns may swap.
    const target = targetOf(value);
    for (const entry of mapping) {
      if (target && entry.column !== index && JSON.stringify(entry.target) === JSON.stringify(target)) entry.target = null;
    }
    mapping[index] = { column: index, header: headers[index]!, target };
  }
  return mapping;
}

export function describeProblem(problem: RowProblem): string {
  const where = problem.column === null ? `row ${problem.row}` : `row ${problem.row}, column "${problem.column}"`;
  return `${where}: value "${problem.value}": ${cellProblemMessages[problem.code]['en-US']} / ${cellProblemMessages[problem.code]['zh-CN']}`;
}

export async function analyzeFile(file: string, options: AnalyzeOptions, onProblem: (problem: RowProblem) => void): Promise<AnalyzeReport> {
  const template = surveyTemplate(options.template);
  if (!template) throw new AnalyzeError(`unknown template "${options.template}" (one of: ${surveyTemplateNames.join(', ')})`);
  const definition: SurveyDefinition = template.definition;
  // The streaming reader cannot report a missing file (the CSV pipe swallows the open error): ask first.
  await access(file).catch(() => {
    throw new AnalyzeError(`${file}: no such file or not readable`);
  });
  const format = await formatOf(file);
  let table;
  try {
    table = await openTable(file, format);
  } catch (error) {
    if (error instanceof AnalyzeError) throw error;
    if (error instanceof EmptyTableError) throw new AnalyzeError(`${file}: no header row`);
    const reason = error instanceof SheetReadError ? error.message : error instanceof Error ? error.message : String(error);
    throw new AnalyzeError(`${file}: unreadable (${reason})`);
  }
  const headers = table.headers;
  let mapping = proposeMapping(headers, definition);
  try {
    if (options.mapping) mapping = await overrideMapping(mapping, headers, options.mapping);
    const problems = checkMapping(mapping, headers, definition);
    if (problems.length > 0) {
      throw new AnalyzeError(problems.map((problem) => `--mapping: column ${problem.column}: ${mappingProblemMessages[problem.code]['en-US']}`).join('\n'));
    }
    const valid: Answers[] = [];
    let rows = 0;
    const reasons = new Map<string, number>();
    try {
      for await (const row of table.rows) {
        rows += 1;
        const converted = convertRow(definition, mapping, row.row, row.cells);
        if (converted.problems.length === 0) valid.push(converted.answers);
        else converted.problems.forEach(onProblem);
        for (const problem of converted.problems) reasons.set(problem.code, (reasons.get(problem.code) ?? 0) + 1);
      }
    } catch (error) {
      if (error instanceof SheetReadError) throw new AnalyzeError(`${file}: unreadable from row ${error.row} (${error.message})`);
      throw error;
    }
    // Metrics of nothing would read as a survey in which nobody answered: say why instead.
    if (rows === 0) throw new AnalyzeError(`${file}: no data rows under the header`);
    if (valid.length === 0) {
      const [code, count] = [...reasons].sort((a, b) => b[1] - a[1])[0] ?? ['unknown_label', 0];
      const reason = cellProblemMessages[code as keyof typeof cellProblemMessages];
      throw new AnalyzeError(`${file}: none of the ${rows} data rows is valid; most common problem (${count}×): ${reason['en-US']} / ${reason['zh-CN']}`);
    }
    const conflicts = numberTitleConflicts(headers, definition).filter((conflict) => mapping[conflict.column]?.target === null);
    return {
      template: template.name,
      file,
      rows,
      validRows: valid.length,
      invalidRows: rows - valid.length,
      mapping: mapping.flatMap((entry) =>
        entry.target?.kind === 'question'
          ? [{ column: entry.column, header: entry.header, questionKey: entry.target.questionKey, item: entry.target.item ?? null }]
          : [],
      ),
      unmappedColumns: mapping.filter((entry) => entry.target === null).map((entry) => entry.header),
      conflicts,
      metrics: analyseAnswers(template, valid),
    };
  } finally {
    await table.close();
  }
}
