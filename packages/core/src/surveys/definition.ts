/**
 * The questionnaire as the designer saves it, the answering page renders it, the server validates
 * answers against it and the analysis reads it (issue 4 §2; DESIGN §3 "survey (versioned
 * questions)"). A campaign pins one version, so answers are always read with the definition they
 * were given against.
 *
 * Plain types and functions, no zod: the owner's answering page imports this file and must stay
 * small (≤ 150 KB gzipped JavaScript, issue 4 §4). The server's zod schema for the shape lives in
 * definition-schema.ts.
 */
import type { KanoAnswer } from '../metrics/vocabulary';

/** Chinese is required; English is optional and falls back to Chinese. */
export type LocalText = { 'zh-CN': string; 'en-US'?: string | undefined };

export const questionTypes = ['satisfaction', 'nps', 'servqual', 'kano', 'single', 'multiple', 'matrix', 'text'] as const;
export type QuestionType = (typeof questionTypes)[number];

/**
 * Skip logic: the question is shown only when the condition on an earlier question holds.
 * `in` compares a single choice or a rating with the listed values; `any_of` holds when a multiple
 * choice includes one of them; `lte`/`gte` compare a rating (e.g. show "why?" when NPS ≤ 6).
 */
export type ShowIf =
  | { questionKey: string; operator: 'in' | 'any_of'; values: (string | number)[] }
  | { questionKey: string; operator: 'lte' | 'gte'; value: number }
  | { questionKey: string; operator: 'answered' };

type QuestionBase = {
  /** Stable within the survey across versions: answers, rollups and imports are keyed by it. */
  key: string;
  title: LocalText;
  help?: LocalText | undefined;
  required: boolean;
  showIf?: ShowIf | undefined;
  /** The indicator-tree node (indicator or sub-indicator code) this question measures, for the weighted index, SERVQUAL dimensions and per-post filters. */
  indicatorCode?: string | undefined;
  /** The overall-satisfaction question that key-driver analysis and correlation-based importance regress on. At most one per survey. */
  overall?: boolean | undefined;
};

export type ChoiceOption = { value: string; label: LocalText };

/** 1 非常不满意 … 5 非常满意; 未体验 (not experienced) is an answer, excluded from every rate (DESIGN §4). */
export type SatisfactionQuestion = QuestionBase & { type: 'satisfaction'; allowNotExperienced: boolean };
/** 0–10 likelihood to recommend (seed 001 第一讲). */
export type NpsQuestion = QuestionBase & { type: 'nps' };
/** Expectation and perception of the same item on one scale (seed 004; Parasuraman et al. 1988 used 7 points). */
export type ServqualQuestion = QuestionBase & { type: 'servqual'; scalePoints: 5 | 7 };
/** The functional ("if it has…") and dysfunctional ("if it does not have…") pair (seed 004). */
export type KanoQuestion = QuestionBase & { type: 'kano'; functional: LocalText; dysfunctional: LocalText };
export type SingleChoiceQuestion = QuestionBase & { type: 'single'; options: ChoiceOption[] };
export type MultipleChoiceQuestion = QuestionBase & { type: 'multiple'; options: ChoiceOption[]; maxSelections?: number | undefined };
/** Rows rated on the satisfaction scale, e.g. one row per indicator of a post. */
export type MatrixRow = { key: string; label: LocalText; indicatorCode?: string | undefined };
export type MatrixQuestion = QuestionBase & { type: 'matrix'; rows: MatrixRow[]; allowNotExperienced: boolean };
export type TextQuestion = QuestionBase & { type: 'text'; maxLength: number };

export type Question =
  SatisfactionQuestion | NpsQuestion | ServqualQuestion | KanoQuestion | SingleChoiceQuestion | MultipleChoiceQuestion | MatrixQuestion | TextQuestion;

export type SurveyDefinition = {
  title: LocalText;
  /** Shown above the first question: who asks, why, how long it takes. */
  intro?: LocalText | undefined;
  questions: Question[];
};

export const notExperienced = 'not_experienced';
export type SatisfactionAnswer = 1 | 2 | 3 | 4 | 5 | typeof notExperienced;

/** One answer per question key; the shape follows the question type. */
export type AnswerValue =
  | number // satisfaction 1–5, nps 0–10
  | typeof notExperienced
  | string // single choice value, text
  | string[] // multiple choice values
  | { expectation: number; perception: number } // servqual
  | { functional: KanoAnswer; dysfunctional: KanoAnswer } // kano
  | Record<string, number | typeof notExperienced>; // matrix: row key → rating

export type Answers = Record<string, AnswerValue>;

/**
 * The industry keeps an owner questionnaire to about 15 items (issue 4 §2); past that, completion
 * drops. A matrix counts one item per row, a SERVQUAL or Kano pair two.
 */
export const recommendedItemLimit = 15;

export function itemCount(definition: SurveyDefinition): number {
  return definition.questions.reduce((total, question) => {
    if (question.type === 'matrix') return total + question.rows.length;
    if (question.type === 'servqual' || question.type === 'kano') return total + 2;
    return total + 1;
  }, 0);
}

export function localText(text: LocalText, locale: 'zh-CN' | 'en-US'): string {
  return (locale === 'en-US' ? text['en-US'] : undefined) || text['zh-CN'];
}
