/**
 * From the cells of one exported row to Answers (@manyi/core), row by row, with a reason for
 * every cell that cannot be read (issue 4 §9: a clear error for each malformed row, the valid rows
 * kept). Then checkAnswers decides as it does for an owner's submission. Pure; shared with the CLI.
 */
import { checkAnswers, kanoAnswers, localText, notExperienced, type AnswerValue, type Answers, type Question, type SurveyDefinition } from '@manyi/core';
import type { ColumnMapping } from './mapping';

export type CellProblemCode =
  | 'unknown_label'
  | 'not_a_number'
  | 'unknown_option'
  | 'required'
  | 'out_of_range'
  | 'wrong_shape'
  | 'too_many_options'
  | 'too_long'
  | 'not_experienced_not_allowed'
  | 'unknown_question'
  | 'unknown_household'
  | 'duplicate_household';

export type RowProblem = { row: number; column: string | null; value: string; code: CellProblemCode };

/** How 问卷星 and paper forms write the 5-point scale; 比较满意 / 较满意 are common variants of 满意. */
const satisfactionLabels = new Map<string, number | typeof notExperienced>([
  ['非常满意', 5],
  ['很满意', 5],
  ['满意', 4],
  ['比较满意', 4],
  ['较满意', 4],
  ['一般', 3],
  ['基本满意', 3],
  ['不满意', 2],
  ['比较不满意', 2],
  ['较不满意', 2],
  ['非常不满意', 1],
  ['很不满意', 1],
  ['verysatisfied', 5],
  ['satisfied', 4],
  ['neutral', 3],
  ['dissatisfied', 2],
  ['verydissatisfied', 1],
  ['未体验', notExperienced],
  ['未接触', notExperienced],
  ['不清楚', notExperienced],
  ['不了解', notExperienced],
  ['notexperienced', notExperienced],
  ['not_experienced', notExperienced],
  ['na', notExperienced],
  ['n/a', notExperienced],
]);

/** 问卷星 writes a question the skip logic hid as "(跳过)" or -3, an unanswered one as -2 or empty. */
const skipped = new Set(['', '(跳过)', '（跳过）', '跳过', '-3', '-2', '(空)', '（空）']);

const compact = (text: string) => text.toLowerCase().replace(/\s+/g, '');

/** "9分" "9.0" → 9; anything that is not a whole number → null. */
function integerOf(text: string): number | null {
  const match = /^(-?\d+)(?:\.0+)?\s*分?$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}

type Cell = { ok: true; value: number | string | string[] } | { ok: false; code: CellProblemCode };

function rating(text: string): Cell {
  const labelled = satisfactionLabels.get(compact(text));
  if (labelled !== undefined) return { ok: true, value: labelled };
  // "5 非常满意" / "非常满意(5)": a number and a label together, the number decides.
  const number = integerOf(text) ?? integerOf(/\d+/.exec(text)?.[0] ?? '');
  return number === null ? { ok: false, code: 'unknown_label' } : { ok: true, value: number };
}

function choice(question: Question & { options: { value: string; label: { 'zh-CN': string; 'en-US'?: string | undefined } }[] }, text: string): string | null {
  const wanted = compact(text);
  return (
    question.options.find(
      (option) => compact(option.value) === wanted || compact(localText(option.label, 'zh-CN')) === wanted || compact(option.label['en-US'] ?? '') === wanted,
    )?.value ?? null
  );
}

function cellValue(question: Question, text: string): Cell {
  switch (question.type) {
    case 'satisfaction':
    case 'matrix':
      return rating(text);
    case 'nps':
    case 'servqual': {
      const number = integerOf(text);
      return number === null ? { ok: false, code: 'not_a_number' } : { ok: true, value: number };
    }
    case 'kano': {
      const wanted = compact(text);
      const answer = kanoAnswers.values.find(
        (value) => value === wanted || compact(kanoAnswers.labels[value]['zh-CN']) === wanted || compact(kanoAnswers.labels[value]['en-US']) === wanted,
      );
      return answer ? { ok: true, value: answer } : { ok: false, code: 'unknown_label' };
    }
    case 'single': {
      const value = choice(question, text);
      return value === null ? { ok: false, code: 'unknown_option' } : { ok: true, value };
    }
    case 'multiple': {
      // 问卷星 joins the chosen options with ┋; people use 、 ; , | too.
      const values = text
        .split(/[┋|;；,，、]/)
        .map((part) => part.trim())
        .filter((part) => part !== '')
        .map((part) => choice(question, part));
      return values.some((value) => value === null) ? { ok: false, code: 'unknown_option' } : { ok: true, value: values as string[] };
    }
    case 'text':
      return { ok: true, value: text };
  }
}

export type ConvertedRow = {
  row: number;
  answers: Answers;
  room: string | null;
  phone: string | null;
  problems: RowProblem[];
};

/** Puts one cell's value where it belongs in the answers; pairs and matrices are built up cell by cell. */
function place(answers: Answers, question: Question, item: string | undefined, value: number | string | string[]): void {
  if (item === undefined) {
    answers[question.key] = value as AnswerValue;
    return;
  }
  const existing = answers[question.key];
  const parts = typeof existing === 'object' && existing !== null && !Array.isArray(existing) ? (existing as Record<string, unknown>) : {};
  answers[question.key] = { ...parts, [item]: value } as AnswerValue;
}

/**
 * One row: each mapped cell converted, then the answers checked as a complete submission. A
 * required question no column is mapped to is not held against the row (the other tool may not
 * have asked it); everything else checkAnswers reports is, at the column it came from.
 */
export function convertRow(definition: SurveyDefinition, mapping: readonly ColumnMapping[], row: number, cells: readonly string[]): ConvertedRow {
  const questions = new Map(definition.questions.map((question) => [question.key, question]));
  const answers: Answers = {};
  const problems: RowProblem[] = [];
  const columnOf = new Map<string, ColumnMapping>();
  let room: string | null = null;
  let phone: string | null = null;
  for (const entry of mapping) {
    const text = (cells[entry.column] ?? '').trim();
    const target = entry.target;
    if (!target) continue;
    if (target.kind === 'room') room = text || null;
    if (target.kind === 'phone') phone = text.replace(/[\s-]/g, '') || null;
    if (target.kind !== 'question') continue;
    const question = questions.get(target.questionKey);
    if (!question) continue;
    columnOf.set(`${question.key}\u0000${target.item ?? ''}`, entry);
    columnOf.set(`${question.key}\u0000`, columnOf.get(`${question.key}\u0000`) ?? entry);
    if (skipped.has(text)) continue;
    const cell = cellValue(question, text);
    if (cell.ok) place(answers, question, target.item, cell.value);
    else problems.push({ row, column: entry.header, value: text, code: cell.code });
  }
  if (problems.length === 0) {
    const check = checkAnswers(definition, answers, true);
    for (const issue of check.issues) {
      let entry = columnOf.get(`${issue.questionKey}\u0000${issue.rowKey ?? ''}`) ?? columnOf.get(`${issue.questionKey}\u0000`);
      const question = questions.get(issue.questionKey);
      if (issue.code === 'required' && question?.type === 'matrix') {
        // A matrix is complete when every row a column maps is answered: rows the other tool did not ask are not missing.
        const answer = (check.answers[question.key] ?? {}) as Record<string, unknown>;
        const missing = question.rows.find((item) => columnOf.has(`${question.key}\u0000${item.key}`) && !(item.key in answer));
        if (!missing) continue;
        entry = columnOf.get(`${question.key}\u0000${missing.key}`);
      }
      // Unmapped: the other tool did not ask it. Already reported: a bad value is not also a missing one.
      if (issue.code === 'required' && (!entry || check.issues.some((other) => other !== issue && other.questionKey === issue.questionKey))) continue;
      const value = entry ? (cells[entry.column] ?? '').trim() : '';
      problems.push({ row, column: entry?.header ?? null, value, code: issue.code });
    }
    return { row, answers: check.answers, room, phone, problems };
  }
  return { row, answers, room, phone, problems };
}
