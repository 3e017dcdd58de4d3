/**
 * Grading a quiz and checking one before it is saved. A question is right when exactly its correct
 * options are chosen (all-or-nothing, the usual rule for multiple-answer questions: partial credit would
 * reward ticking everything). The score is the share of questions right, 0–100, rounded.
 */
import type { QuizQuestion } from './courses';

export type QuizResult = { score: number; passed: boolean; questions: { id: string; correct: boolean; expected: string[] }[] };

/** A course is passed at 80 out of 100 (four in five questions right). */
export const quizPassMark = 80;

export function gradeQuiz(questions: readonly QuizQuestion[], answers: Record<string, readonly string[]>): QuizResult {
  const graded = questions.map((question) => {
    const chosen = new Set(answers[question.id] ?? []);
    const expected = new Set(question.correct);
    const correct = chosen.size === expected.size && [...chosen].every((id) => expected.has(id));
    return { id: question.id, correct, expected: question.correct };
  });
  const right = graded.filter((question) => question.correct).length;
  const score = questions.length === 0 ? 0 : Math.round((100 * right) / questions.length);
  return { score, passed: score >= quizPassMark, questions: graded };
}

export type QuizIssue = { path: (string | number)[]; code: 'no_correct_option' | 'unknown_correct_option' | 'duplicate_option' | 'duplicate_question' };

/** What is wrong with a quiz as written: every question needs at least one correct option among its own. */
export function quizIssues(questions: readonly { id: string; options: readonly { id: string }[]; correct: readonly string[] }[]): QuizIssue[] {
  const issues: QuizIssue[] = [];
  const seen = new Set<string>();
  questions.forEach((question, index) => {
    if (seen.has(question.id)) issues.push({ path: [index, 'id'], code: 'duplicate_question' });
    seen.add(question.id);
    const optionIds = question.options.map((option) => option.id);
    if (new Set(optionIds).size !== optionIds.length) issues.push({ path: [index, 'options'], code: 'duplicate_option' });
    if (question.correct.length === 0) issues.push({ path: [index, 'correct'], code: 'no_correct_option' });
    else if (question.correct.some((id) => !optionIds.includes(id))) issues.push({ path: [index, 'correct'], code: 'unknown_correct_option' });
  });
  return issues;
}
