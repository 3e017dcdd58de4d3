import type { LocalText, Question, QuestionType, ShowIf } from '@manyi/core';

const text = (zh: string, en: string): LocalText => ({ 'zh-CN': zh, 'en-US': en });

/** A key not yet used in the survey (q1, q2 …): keys are how answers are stored, so they never repeat. */
export function freshKey(taken: readonly string[], prefix = 'q'): string {
  let index = taken.length + 1;
  while (taken.includes(`${prefix}${index}`)) index += 1;
  return `${prefix}${index}`;
}

/** A new question of `type` with the defaults a property questionnaire usually wants. */
export function newQuestion(type: QuestionType, key: string): Question {
  const base = { key, required: true, title: text('', '') };
  switch (type) {
    case 'satisfaction':
      return { ...base, type, allowNotExperienced: true };
    case 'nps':
      return { ...base, type };
    case 'servqual':
      return { ...base, type, scalePoints: 7 };
    case 'kano':
      return {
        ...base,
        type,
        functional: text('如果提供该服务，您觉得如何？', 'If we offered this, how would you feel?'),
        dysfunctional: text('如果不提供该服务，您觉得如何？', 'If we did not offer this, how would you feel?'),
      };
    case 'single':
    case 'multiple':
      return {
        ...base,
        type,
        options: [
          { value: 'a', label: text('选项一', 'Option 1') },
          { value: 'b', label: text('选项二', 'Option 2') },
        ],
      };
    case 'matrix':
      return { ...base, type, allowNotExperienced: true, rows: [{ key: 'r1', label: text('', '') }] };
    case 'text':
      return { ...base, type, required: false, maxLength: 500 };
  }
}

/** Which skip-logic operators make sense for the answer of a question of this type. */
export function showIfOperators(type: QuestionType): ShowIf['operator'][] {
  if (type === 'nps' || type === 'satisfaction') return ['lte', 'gte', 'in', 'answered'];
  if (type === 'single') return ['in', 'answered'];
  if (type === 'multiple') return ['any_of', 'answered'];
  return ['answered'];
}

/** The condition to start from when the designer picks a source question. */
export function defaultShowIf(source: Question): ShowIf {
  if (source.type === 'nps') return { questionKey: source.key, operator: 'lte', value: 6 };
  if (source.type === 'satisfaction') return { questionKey: source.key, operator: 'lte', value: 2 };
  if (source.type === 'single') return { questionKey: source.key, operator: 'in', values: [source.options[0]?.value ?? ''] };
  if (source.type === 'multiple') return { questionKey: source.key, operator: 'any_of', values: [source.options[0]?.value ?? ''] };
  return { questionKey: source.key, operator: 'answered' };
}

/** Moves the item at `from` by `step` (−1 up, +1 down), if it stays in the list. */
export function move<T>(items: readonly T[], from: number, step: number): T[] {
  const to = from + step;
  if (to < 0 || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Server field errors ("definition.questions.3.showIf.questionKey") grouped by question index. */
export function errorsByQuestion(errors: readonly { field: string; message: string }[]): {
  byIndex: Map<number, { field: string; message: string }[]>;
  general: string[];
} {
  const byIndex = new Map<number, { field: string; message: string }[]>();
  const general: string[] = [];
  for (const error of errors) {
    const match = /^definition\.questions\.(\d+)\.?(.*)$/.exec(error.field);
    if (!match) {
      general.push(error.message);
      continue;
    }
    const index = Number(match[1]);
    byIndex.set(index, [...(byIndex.get(index) ?? []), { field: match[2] ?? '', message: error.message }]);
  }
  return { byIndex, general };
}
