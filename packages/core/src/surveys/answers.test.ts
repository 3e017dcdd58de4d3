import { describe, expect, it } from 'vitest';
import { analyticValues, checkAnswers, visibleQuestions } from './answers';
import type { SurveyDefinition } from './definition';
import { surveyDefinitionSchema } from './definition-schema';
import { itemCount } from './definition';

const text = (zh: string) => ({ 'zh-CN': zh });

const survey: SurveyDefinition = {
  title: text('2026年业主满意度调查'),
  questions: [
    { key: 'overall', type: 'satisfaction', title: text('总体满意度'), required: true, allowNotExperienced: false, overall: true },
    { key: 'nps', type: 'nps', title: text('推荐意愿'), required: true },
    { key: 'why', type: 'text', title: text('哪些方面让您不满意?'), required: true, maxLength: 200, showIf: { questionKey: 'nps', operator: 'lte', value: 6 } },
    { key: 'repair', type: 'servqual', title: text('维修及时'), required: false, scalePoints: 7, indicatorCode: 'responsiveness.repair' },
    { key: 'parcel', type: 'kano', title: text('代收快递'), required: false, functional: text('如果提供'), dysfunctional: text('如果不提供') },
    {
      key: 'posts',
      type: 'matrix',
      title: text('各岗位'),
      required: true,
      allowNotExperienced: true,
      rows: [
        { key: 'cleaning', label: text('保洁') },
        { key: 'security', label: text('秩序') },
      ],
    },
    {
      key: 'channels',
      type: 'multiple',
      title: text('您常用的报事渠道'),
      required: false,
      maxSelections: 2,
      options: [
        { value: 'hotline', label: text('400热线') },
        { value: 'h5', label: text('线上') },
        { value: 'desk', label: text('前台') },
      ],
    },
  ],
};

describe('skip logic', () => {
  it('shows the follow-up question only to detractors, and hides it before NPS is answered', () => {
    expect(visibleQuestions(survey, {}).map((question) => question.key)).not.toContain('why');
    expect(visibleQuestions(survey, { nps: 9 }).map((question) => question.key)).not.toContain('why');
    expect(visibleQuestions(survey, { nps: 6 }).map((question) => question.key)).toContain('why');
  });
});

describe('checkAnswers', () => {
  it('accepts a complete response and drops the answer to a hidden question', () => {
    const answers = { overall: 4, nps: 9, why: '不该出现', posts: { cleaning: 5, security: 'not_experienced' as const } };
    const check = checkAnswers(survey, answers, true);
    expect(check.issues).toEqual([]);
    expect(check.answers).not.toHaveProperty('why');
  });

  it('names every problem: required, range, unknown option, too many, unknown question, 未体验 where not allowed', () => {
    const check = checkAnswers(
      survey,
      {
        overall: 'not_experienced',
        nps: 11,
        channels: ['hotline', 'h5', 'desk'],
        repair: { expectation: 8, perception: 3 },
        extra: 1,
        posts: { cleaning: 5 },
      },
      true,
    );
    expect(check.issues).toEqual(
      expect.arrayContaining([
        { questionKey: 'extra', code: 'unknown_question' },
        { questionKey: 'overall', code: 'not_experienced_not_allowed' },
        { questionKey: 'overall', code: 'required' },
        { questionKey: 'nps', code: 'out_of_range' },
        { questionKey: 'nps', code: 'required' },
        { questionKey: 'repair', code: 'out_of_range' },
        { questionKey: 'channels', code: 'too_many_options' },
        { questionKey: 'posts', code: 'required' },
      ]),
    );
  });

  it('a partial save checks shapes but not missing answers', () => {
    expect(checkAnswers(survey, { overall: 5 }, false).issues).toEqual([]);
    expect(checkAnswers(survey, { overall: 5 }, true).issues.map((issue) => issue.questionKey)).toEqual(['nps', 'posts']);
  });
});

describe('analyticValues', () => {
  it('gives one number per rating, pair half, matrix row and chosen option; 未体验 and text give none', () => {
    const answers = {
      overall: 5,
      nps: 3,
      why: '维修太慢',
      repair: { expectation: 7, perception: 4 },
      parcel: { functional: 'like' as const, dysfunctional: 'live_with' as const },
      posts: { cleaning: 2, security: 'not_experienced' as const },
      channels: ['hotline', 'desk'],
    };
    expect(analyticValues(survey, answers)).toEqual([
      { questionKey: 'overall', item: '', value: 5 },
      { questionKey: 'nps', item: '', value: 3 },
      { questionKey: 'repair', item: 'expectation', value: 7 },
      { questionKey: 'repair', item: 'perception', value: 4 },
      { questionKey: 'parcel', item: 'functional', value: 1 },
      { questionKey: 'parcel', item: 'dysfunctional', value: 4 },
      { questionKey: 'posts', item: 'cleaning', value: 2 },
      { questionKey: 'channels', item: 'hotline', value: 1 },
      { questionKey: 'channels', item: 'desk', value: 1 },
    ]);
  });
});

describe('surveyDefinitionSchema', () => {
  it('accepts the sample and counts its items (matrix rows and pairs count per item)', () => {
    expect(surveyDefinitionSchema.safeParse(survey).success).toBe(true);
    expect(itemCount(survey)).toBe(1 + 1 + 1 + 2 + 2 + 2 + 1);
  });

  it('refuses duplicate keys, forward skip logic and two overall questions', () => {
    const broken = {
      ...survey,
      questions: [
        { ...survey.questions[0]!, showIf: { questionKey: 'nps', operator: 'answered' } },
        { ...survey.questions[1]!, key: 'overall', overall: true },
      ],
    };
    const result = surveyDefinitionSchema.safeParse(broken);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'questions.0.showIf.questionKey: skip logic may only refer to an earlier question',
        'questions.1.key: duplicate question key overall',
        'questions: at most one overall question',
      ]),
    );
  });
});

describe('pairs while the owner is still answering (issue 15 §6)', () => {
  const pairs: SurveyDefinition = {
    ...survey,
    questions: [
      { key: 'repair', type: 'servqual', title: text('维修及时'), required: true, scalePoints: 7, indicatorCode: 'responsiveness.repair' },
      { key: 'lift', type: 'kano', title: text('电梯'), required: true, functional: text('如果有'), dysfunctional: text('如果没有') },
    ],
  };

  it('keeps half a pair in a draft and asks for the other half only on submit', () => {
    const half = { repair: { expectation: 6 }, lift: { functional: 'like' } };
    expect(checkAnswers(pairs, half as never, false)).toEqual({ issues: [], answers: half });
    expect(checkAnswers(pairs, half as never, true).issues).toEqual([
      { questionKey: 'repair', code: 'required' },
      { questionKey: 'lift', code: 'required' },
    ]);
  });

  it('still refuses a half out of range or a pair with a stray key, draft or not', () => {
    expect(checkAnswers(pairs, { repair: { expectation: 9 } } as never, false).issues).toEqual([{ questionKey: 'repair', code: 'out_of_range' }]);
    expect(checkAnswers(pairs, { repair: { expectation: 3, other: 1 } } as never, false).issues).toEqual([{ questionKey: 'repair', code: 'wrong_shape' }]);
    expect(checkAnswers(pairs, { repair: {} } as never, false).issues).toEqual([{ questionKey: 'repair', code: 'wrong_shape' }]);
  });
});
