/**
 * Which column of an exported questionnaire (one row per respondent, one column per question,
 * issue 4 §8) holds which question. Shared by the console import and `manyi analyze`; pure.
 *
 * 问卷星 (wjx.cn) headers number the questions in order — "1、您对物业服务的总体满意度", "Q1",
 * "第1题" — and give each row of a matrix its own column: "5、(保洁)". So a numbered header goes to
 * the question at that position; a header without a number goes to the question whose title it
 * resembles most (normalised, then by edit distance). A numbered header whose title resembles
 * another question is left unmapped and reported. Staff confirm or correct the proposal.
 */
import { localText, type Question, type SurveyDefinition } from '@manyi/core';
import { distance } from 'fastest-levenshtein';

/** Where a column's values go: a question (and for pairs and matrices, the part), the household, or nowhere. */
export type ColumnTarget =
  | { kind: 'question'; questionKey: string; item?: string | undefined }
  | { kind: 'room' } // 房号 such as "3-2-1201" or "3栋2单元1201"
  | { kind: 'phone' };

export type ColumnMapping = { column: number; header: string; target: ColumnTarget | null };

/** What 问卷星 and most survey tools add around the answers: never mapped to a question. */
const metadataHeaders =
  /^(序号|编号|id|提交答卷时间|提交时间|开始时间|结束时间|所用时间|答题时长|来源|来源详情|来自ip|ip|ip地址|总分|微信昵称|用户名|填写设备|操作系统|浏览器)$/i;
const roomHeaders = /^(房号|房间号|房屋|房屋编号|门牌号|住址|户号|room)$/i;
const phoneHeaders = /^(手机|手机号|手机号码|电话|联系电话|联系方式|phone|mobile)$/i;

/** "1、…", "1. …", "Q1 …", "Q1.", "第1题 …" → 1 and the rest. */
const numberedHeader = /^\s*(?:q|Q|第)?\s*(\d{1,3})\s*(?:题)?\s*(?:[、.．:：)\]]|\s|$|(?=[(（]))\s*(.*)$/;
/** "(保洁)" "（保洁）" "-保洁" "_保洁" at the end: the part of a matrix or pair question. */
const partSuffix = /^(.*?)[\s]*(?:[(（]([^()（）]+)[)）]|[-—_:：]([^-—_:：]+))\s*$/;

export type ParsedHeader = { number: number | null; text: string; part: string | null };

export function parseHeader(header: string): ParsedHeader {
  const trimmed = header.trim();
  const numbered = numberedHeader.exec(trimmed);
  const number = numbered ? Number(numbered[1]) : null;
  const rest = numbered ? numbered[2]!.trim() : trimmed;
  const part = partSuffix.exec(rest);
  if (part) return { number, text: part[1]!.trim(), part: (part[2] ?? part[3])!.trim() };
  return { number, text: rest, part: null };
}

/** Punctuation, spaces and the politeness around a question do not tell titles apart. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(/^(请问|请|您认为|您对|你对)/u, '');
}

const pairParts: Record<string, Record<string, string[]>> = {
  servqual: { expectation: ['期望', 'expectation', '期望值'], perception: ['感知', '实际', '感受', 'perception'] },
  kano: { functional: ['具备', '正向', '有', 'functional'], dysfunctional: ['不具备', '反向', '没有', 'dysfunctional'] },
};

/** The item of a question a header part names: a matrix row by label or key, a pair's side; by position among the question's columns when it names none. */
function itemOf(question: Question, part: string | null, position: number): string | undefined {
  if (question.type === 'matrix') {
    const wanted = part ? normalise(part) : null;
    const row =
      wanted === null
        ? question.rows[position]
        : question.rows.find(
            (candidate) =>
              normalise(localText(candidate.label, 'zh-CN')) === wanted ||
              normalise(candidate.label['en-US'] ?? '') === wanted ||
              normalise(candidate.key) === wanted,
          );
    return row?.key;
  }
  const sides = pairParts[question.type];
  if (!sides) return undefined;
  const wanted = part ? normalise(part) : null;
  // Longest label first, so 不具备 is not read as 具备.
  const labelled = Object.entries(sides)
    .flatMap(([item, labels]) => labels.map((label) => ({ item, label: normalise(label) })))
    .sort((a, b) => b.label.length - a.label.length);
  if (wanted !== null) return labelled.find((entry) => wanted.includes(entry.label))?.item;
  return Object.keys(sides)[position];
}

/** How far a header's text is from a question: 0 the same, 0.1 one contains the other, else the edit distance over the length. */
function titleScore(question: Question, wanted: string, withRows = false): number {
  const titles = [localText(question.title, 'zh-CN'), question.title['en-US'] ?? '', question.key];
  if (withRows && question.type === 'matrix')
    titles.push(...question.rows.flatMap((row) => [localText(row.label, 'zh-CN'), row.label['en-US'] ?? '', row.key]));
  let best = Infinity;
  for (const title of titles) {
    const candidate = normalise(title);
    if (candidate === '') continue;
    const score =
      candidate === wanted
        ? 0
        : candidate.includes(wanted) || wanted.includes(candidate)
          ? 0.1
          : distance(candidate, wanted) / Math.max(candidate.length, wanted.length);
    best = Math.min(best, score);
  }
  return best;
}

const resembles = (score: number) => score <= 1 / 3;

/** The question whose title a header resembles: containment first, else the smallest edit distance within a third of the length. */
function questionByTitle(definition: SurveyDefinition, text: string): Question | undefined {
  const wanted = normalise(text);
  if (wanted === '') return undefined;
  let best: { question: Question; score: number } | undefined;
  for (const question of definition.questions) {
    const score = titleScore(question, wanted);
    if (!best || score < best.score) best = { question, score };
  }
  return best && resembles(best.score) ? best.question : undefined;
}

/** A numbered header whose title names another question than its number: "3、总体满意度" where question 3 is about cleaning. */
export type NumberTitleConflict = { column: number; header: string; byNumber: string | null; byTitle: string };

/**
 * The question a numbered header's title points at when its number points elsewhere (or nowhere):
 * a column added or removed in the other tool shifts every number after it, and mapping by number
 * alone would then put answers under the wrong question without a word. Null when they agree, or
 * the title resembles no question (then the number decides).
 */
function conflictOf(parsed: ParsedHeader, definition: SurveyDefinition): { byNumber: Question | undefined; byTitle: Question } | null {
  if (parsed.number === null) return null;
  const wanted = normalise(parsed.text);
  if (wanted === '') return null;
  const byNumber = definition.questions[parsed.number - 1];
  if (byNumber && resembles(titleScore(byNumber, wanted, true))) return null;
  const byTitle = questionByTitle(definition, parsed.text);
  return byTitle && byTitle !== byNumber ? { byNumber, byTitle } : null;
}

/** Every column whose number and title disagree; such a column is proposed unmapped, for staff (or --mapping) to decide. */
export function numberTitleConflicts(headers: readonly string[], definition: SurveyDefinition): NumberTitleConflict[] {
  return headers.flatMap((header, column) => {
    const conflict = conflictOf(parseHeader(header), definition);
    return conflict ? [{ column, header, byNumber: conflict.byNumber?.key ?? null, byTitle: conflict.byTitle.key }] : [];
  });
}

const multiColumn = new Set(['matrix', 'servqual', 'kano']);

/**
 * The proposed mapping for a header row. Columns that look like metadata, or that match nothing,
 * map to null; a column never takes a question (or matrix row) another column already took.
 */
export function proposeMapping(headers: readonly string[], definition: SurveyDefinition): ColumnMapping[] {
  const taken = new Set<string>();
  const partsSeen = new Map<string, number>();
  return headers.map((header, column) => {
    const parsed = parseHeader(header);
    const plain = normalise(header);
    if (roomHeaders.test(plain)) return { column, header, target: { kind: 'room' } };
    if (phoneHeaders.test(plain)) return { column, header, target: { kind: 'phone' } };
    if (plain === '' || metadataHeaders.test(plain)) return { column, header, target: null };
    if (conflictOf(parsed, definition)) return { column, header, target: null };
    const question = parsed.number !== null ? definition.questions[parsed.number - 1] : questionByTitle(definition, parsed.text || parsed.part || '');
    if (!question) return { column, header, target: null };
    let item: string | undefined;
    if (multiColumn.has(question.type)) {
      const position = partsSeen.get(question.key) ?? 0;
      partsSeen.set(question.key, position + 1);
      item = itemOf(question, parsed.part, position);
      if (item === undefined) return { column, header, target: null };
    }
    const slot = `${question.key}\u0000${item ?? ''}`;
    if (taken.has(slot)) return { column, header, target: null };
    taken.add(slot);
    return { column, header, target: { kind: 'question', questionKey: question.key, ...(item !== undefined && { item }) } };
  });
}

export type MappingProblem = { column: number; code: 'unknown_question' | 'unknown_item' | 'duplicate' | 'out_of_range' };

/** A mapping sent back by staff (or given to the CLI) must refer to this questionnaire, once per slot. */
export function checkMapping(mapping: readonly ColumnMapping[], headers: readonly string[], definition: SurveyDefinition): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const taken = new Set<string>();
  for (const entry of mapping) {
    if (entry.column < 0 || entry.column >= headers.length) problems.push({ column: entry.column, code: 'out_of_range' });
    const target = entry.target;
    if (!target) continue;
    const slot = target.kind === 'question' ? `${target.questionKey}\u0000${target.item ?? ''}` : target.kind;
    if (taken.has(slot)) problems.push({ column: entry.column, code: 'duplicate' });
    taken.add(slot);
    if (target.kind !== 'question') continue;
    const question = definition.questions.find((candidate) => candidate.key === target.questionKey);
    if (!question) problems.push({ column: entry.column, code: 'unknown_question' });
    else if (multiColumn.has(question.type) !== (target.item !== undefined)) problems.push({ column: entry.column, code: 'unknown_item' });
    else if (question.type === 'matrix' && !question.rows.some((row) => row.key === target.item)) problems.push({ column: entry.column, code: 'unknown_item' });
    else if (question.type !== 'matrix' && target.item !== undefined && !Object.keys(pairParts[question.type] ?? {}).includes(target.item))
      problems.push({ column: entry.column, code: 'unknown_item' });
  }
  return problems;
}
