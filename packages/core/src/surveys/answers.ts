/**
 * Checking an owner's answers against the questionnaire, and turning them into the numeric rows the
 * analysis counts. Shared by the answering page (to point at a missing answer before sending) and
 * the server (which decides). No zod here, see definition.ts.
 */
import { kanoAnswers, type KanoAnswer } from '../metrics/vocabulary';
import { notExperienced, type AnswerValue, type Answers, type Question, type ShowIf, type SurveyDefinition } from './definition';

export type AnswerIssueCode =
  | 'required' // a visible required question has no answer (only when the response is submitted as complete)
  | 'unknown_question'
  | 'wrong_shape' // e.g. a list for a rating question
  | 'out_of_range'
  | 'unknown_option'
  | 'too_many_options'
  | 'too_long'
  | 'not_experienced_not_allowed';

export type AnswerIssue = { questionKey: string; code: AnswerIssueCode; rowKey?: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInteger = (value: unknown, minimum: number, maximum: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= minimum && value <= maximum;
const isKanoAnswer = (value: unknown): value is KanoAnswer => typeof value === 'string' && (kanoAnswers.values as readonly string[]).includes(value);

function conditionHolds(condition: ShowIf, answers: Answers): boolean {
  const answer = answers[condition.questionKey];
  if (answer === undefined) return false;
  switch (condition.operator) {
    case 'answered':
      return true;
    case 'in':
      return (typeof answer === 'string' || typeof answer === 'number') && condition.values.includes(answer);
    case 'any_of':
      return Array.isArray(answer) && answer.some((value) => condition.values.includes(value));
    case 'lte':
      return typeof answer === 'number' && answer <= condition.value;
    case 'gte':
      return typeof answer === 'number' && answer >= condition.value;
  }
}

/**
 * The questions the owner sees with these answers, in order. A condition may only refer to an
 * earlier question (definition-schema.ts checks that), so one pass suffices; a question hidden by
 * a hidden question stays hidden.
 */
export function visibleQuestions(definition: SurveyDefinition, answers: Answers): Question[] {
  const shown = new Set<string>();
  const visible: Question[] = [];
  for (const question of definition.questions) {
    const condition = question.showIf;
    if (condition && !(shown.has(condition.questionKey) && conditionHolds(condition, answers))) continue;
    shown.add(question.key);
    visible.push(question);
  }
  return visible;
}

/**
 * One half of a pair (expectation or perception, functional or dysfunctional) is fine while the owner
 * is still answering (issue 15 §6: a draft does not scold); the halves given must be valid, and a
 * complete answer needs both (isEmpty counts half a pair as unanswered, so submit marks it required).
 */
function pairIssue(answer: AnswerValue, halves: readonly [string, string], valid: (value: unknown) => boolean): 'wrong_shape' | 'bad_value' | null {
  if (!isRecord(answer) || Array.isArray(answer)) return 'wrong_shape';
  if (Object.keys(answer).some((key) => !halves.includes(key))) return 'wrong_shape';
  const present = halves.filter((half) => half in answer);
  if (present.length === 0) return 'wrong_shape';
  return present.every((half) => valid((answer as Record<string, unknown>)[half])) ? null : 'bad_value';
}

const pairHalves: Partial<Record<Question['type'], readonly [string, string]>> = {
  servqual: ['expectation', 'perception'],
  kano: ['functional', 'dysfunctional'],
};

function answerIssue(question: Question, answer: AnswerValue): AnswerIssue | null {
  const issue = (code: AnswerIssueCode, rowKey?: string): AnswerIssue =>
    rowKey ? { questionKey: question.key, code, rowKey } : { questionKey: question.key, code };
  switch (question.type) {
    case 'satisfaction':
      if (answer === notExperienced) return question.allowNotExperienced ? null : issue('not_experienced_not_allowed');
      if (typeof answer !== 'number') return issue('wrong_shape');
      return isInteger(answer, 1, 5) ? null : issue('out_of_range');
    case 'nps':
      if (typeof answer !== 'number') return issue('wrong_shape');
      return isInteger(answer, 0, 10) ? null : issue('out_of_range');
    case 'servqual': {
      const found = pairIssue(answer, ['expectation', 'perception'], (value) => isInteger(value, 1, question.scalePoints));
      return found === null ? null : issue(found === 'bad_value' ? 'out_of_range' : 'wrong_shape');
    }
    case 'kano': {
      const found = pairIssue(answer, ['functional', 'dysfunctional'], isKanoAnswer);
      return found === null ? null : issue(found === 'bad_value' ? 'unknown_option' : 'wrong_shape');
    }
    case 'single':
      if (typeof answer !== 'string') return issue('wrong_shape');
      return question.options.some((option) => option.value === answer) ? null : issue('unknown_option');
    case 'multiple': {
      if (!Array.isArray(answer) || !answer.every((value) => typeof value === 'string')) return issue('wrong_shape');
      if (new Set(answer).size !== answer.length || !answer.every((value) => question.options.some((option) => option.value === value)))
        return issue('unknown_option');
      return question.maxSelections !== undefined && answer.length > question.maxSelections ? issue('too_many_options') : null;
    }
    case 'matrix': {
      if (!isRecord(answer) || Array.isArray(answer)) return issue('wrong_shape');
      for (const [rowKey, rating] of Object.entries(answer)) {
        if (!question.rows.some((row) => row.key === rowKey)) return issue('unknown_option', rowKey);
        if (rating === notExperienced) {
          if (!question.allowNotExperienced) return issue('not_experienced_not_allowed', rowKey);
        } else if (!isInteger(rating, 1, 5)) return issue('out_of_range', rowKey);
      }
      return null;
    }
    case 'text':
      if (typeof answer !== 'string') return issue('wrong_shape');
      return answer.length > question.maxLength ? issue('too_long') : null;
  }
}

function isEmpty(question: Question, answer: AnswerValue | undefined): boolean {
  if (answer === undefined) return true;
  if (question.type === 'text') return typeof answer === 'string' && answer.trim() === '';
  if (question.type === 'multiple') return Array.isArray(answer) && answer.length === 0;
  if (question.type === 'matrix') return isRecord(answer) && question.rows.some((row) => !(row.key in answer));
  const halves = pairHalves[question.type];
  if (halves) return isRecord(answer) && halves.some((half) => !(half in answer));
  return false;
}

export type AnswerCheck = {
  issues: AnswerIssue[];
  /** The answers to keep: answers to questions the skip logic hides are dropped, not stored. */
  answers: Answers;
};

/**
 * Every problem at once, so the page can mark each question. `complete` false is a partial save
 * (issue 4 §3 "partial save and resume"): shapes and ranges are checked, missing answers are not.
 */
export function checkAnswers(definition: SurveyDefinition, answers: Answers, complete: boolean): AnswerCheck {
  const issues: AnswerIssue[] = [];
  const known = new Set(definition.questions.map((question) => question.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) issues.push({ questionKey: key, code: 'unknown_question' });
  const visible = visibleQuestions(definition, answers);
  const kept: Answers = {};
  for (const question of visible) {
    const answer = answers[question.key];
    if (answer !== undefined) {
      const issue = answerIssue(question, answer);
      if (issue) issues.push(issue);
      else kept[question.key] = answer;
    }
    if (complete && question.required && isEmpty(question, kept[question.key])) issues.push({ questionKey: question.key, code: 'required' });
  }
  return { issues, answers: kept };
}

/**
 * One number the analysis counts: `item` is '' for single ratings, the row key of a matrix,
 * 'expectation'/'perception' of a SERVQUAL pair, 'functional'/'dysfunctional' of a Kano pair
 * (the answer's position 1–5 in the standard table), or the chosen option of a choice question
 * (value 1). 未体验 becomes no row: excluded from every base (DESIGN §4).
 */
export type AnalyticValue = { questionKey: string; item: string; value: number };

/** The analytic rows of checked answers (checkAnswers' `answers`); text answers have none. */
export function analyticValues(definition: SurveyDefinition, answers: Answers): AnalyticValue[] {
  const rows: AnalyticValue[] = [];
  for (const question of definition.questions) {
    const answer = answers[question.key];
    if (answer === undefined) continue;
    const key = question.key;
    switch (question.type) {
      case 'satisfaction':
      case 'nps':
        if (typeof answer === 'number') rows.push({ questionKey: key, item: '', value: answer });
        break;
      case 'servqual':
        if (isRecord(answer) && 'expectation' in answer) {
          rows.push(
            { questionKey: key, item: 'expectation', value: answer.expectation as number },
            { questionKey: key, item: 'perception', value: answer.perception as number },
          );
        }
        break;
      case 'kano':
        if (isRecord(answer) && 'functional' in answer) {
          rows.push(
            { questionKey: key, item: 'functional', value: kanoAnswers.values.indexOf(answer.functional as KanoAnswer) + 1 },
            { questionKey: key, item: 'dysfunctional', value: kanoAnswers.values.indexOf(answer.dysfunctional as KanoAnswer) + 1 },
          );
        }
        break;
      case 'single':
        if (typeof answer === 'string') rows.push({ questionKey: key, item: answer, value: 1 });
        break;
      case 'multiple':
        if (Array.isArray(answer)) for (const value of answer) rows.push({ questionKey: key, item: value, value: 1 });
        break;
      case 'matrix':
        if (isRecord(answer)) {
          for (const row of question.rows) {
            const rating = (answer as Record<string, unknown>)[row.key];
            if (typeof rating === 'number') rows.push({ questionKey: key, item: row.key, value: rating });
          }
        }
        break;
      case 'text':
        break;
    }
  }
  return rows;
}
