/**
 * Which answers of a complete response call for service recovery (issue 4 §7; seed 001 第一讲
 * "让贬损业主转化为推荐业主" and 第三讲 服务补救策略): an NPS of 0–6 (a detractor, Reichheld's
 * definition, DESIGN §4) and a 5-point satisfaction rating of 1 非常不满意 or 2 不满意, matrix rows
 * included. 未体验 is not dissatisfaction and never counts. Pure, so the pass and its tests agree.
 */
import { localText, type Answers, type SurveyDefinition } from '@manyi/core';

export type LowAnswerReason = 'detractor' | 'dissatisfied';

export type LowAnswer = {
  questionKey: string;
  /** '' for a single rating; the row key of a matrix. */
  item: string;
  value: number;
  reason: LowAnswerReason;
  /** The question title (and matrix row label) in Chinese, for the ticket a steward reads. */
  label: string;
};

/** NPS 0–6 is a detractor (Reichheld 2003). */
export const detractorMaximum = 6;
/** 1 非常不满意, 2 不满意 on the 5-point scale. */
export const dissatisfiedMaximum = 2;

const satisfactionLabels: Record<number, string> = { 1: '非常不满意', 2: '不满意' };

/** The low answers among the (already checked) answers, in questionnaire order. */
export function lowAnswers(definition: SurveyDefinition, answers: Answers): LowAnswer[] {
  const found: LowAnswer[] = [];
  for (const question of definition.questions) {
    const answer = answers[question.key];
    const title = localText(question.title, 'zh-CN');
    if (question.type === 'nps' && typeof answer === 'number' && answer <= detractorMaximum) {
      found.push({ questionKey: question.key, item: '', value: answer, reason: 'detractor', label: title });
    } else if (question.type === 'satisfaction' && typeof answer === 'number' && answer <= dissatisfiedMaximum) {
      found.push({ questionKey: question.key, item: '', value: answer, reason: 'dissatisfied', label: title });
    } else if (question.type === 'matrix' && typeof answer === 'object' && answer !== null && !Array.isArray(answer)) {
      const ratings = answer as Record<string, unknown>;
      for (const row of question.rows) {
        const rating = ratings[row.key];
        if (typeof rating === 'number' && rating <= dissatisfiedMaximum) {
          found.push({ questionKey: question.key, item: row.key, value: rating, reason: 'dissatisfied', label: `${title}(${localText(row.label, 'zh-CN')})` });
        }
      }
    }
  }
  return found;
}

/** "推荐意愿 3分" or "保洁 不满意": how a low answer reads in a ticket. */
export function describeLowAnswer(low: LowAnswer): string {
  return low.reason === 'detractor' ? `${low.label} ${low.value}分` : `${low.label} ${satisfactionLabels[low.value] ?? low.value}`;
}

const titleLimit = 100; // the ticket title's limit (tickets/schemas.ts)

/** 【调查回访】2026年度满意度调查:推荐意愿 3分;保洁 不满意 … cut to the ticket title's length. */
export function followupTitle(campaignName: string, lows: readonly LowAnswer[]): string {
  const title = `【调查回访】${campaignName}:${lows.map(describeLowAnswer).join(';')}`;
  return title.length <= titleLimit ? title : `${title.slice(0, titleLimit - 1)}…`;
}

/** What the owner wrote in the questionnaire's open questions, "title：text" each: the reason in their own words. */
export function ownerWords(definition: SurveyDefinition, answers: Answers): string[] {
  return definition.questions.flatMap((question) => {
    const answer = answers[question.key];
    return question.type === 'text' && typeof answer === 'string' && answer.trim() ? [`${localText(question.title, 'zh-CN')}：${answer.trim()}`] : [];
  });
}
