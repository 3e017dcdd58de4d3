/** Test data only: a questionnaire with every question type, its indicator tree, and seeded random answers. */
import { kanoAnswers } from '../../metrics/vocabulary';
import { notExperienced, type Answers, type SurveyDefinition } from '../definition';
import type { IndicatorTreeNode } from '../templates/indicator-trees';

const text = (zh: string) => ({ 'zh-CN': zh });

export const analysisTree: IndicatorTreeNode[] = [
  {
    code: 'tangibles',
    name: text('有形度'),
    weight: 40,
    children: [
      { code: 'tangibles.cleaning', name: text('保洁'), weight: 60, post: 'cleaning' },
      { code: 'tangibles.facilities', name: text('设施'), weight: 40, post: 'engineering' },
    ],
  },
  {
    code: 'responsiveness',
    name: text('反应度'),
    weight: 60,
    children: [
      { code: 'responsiveness.repair', name: text('报修'), weight: 70, post: 'engineering' },
      { code: 'responsiveness.reply', name: text('答复'), weight: 30, post: 'steward' },
    ],
  },
];

export const analysisDefinition: SurveyDefinition = {
  title: text('测试问卷'),
  questions: [
    { key: 'clean', type: 'satisfaction', required: false, allowNotExperienced: true, indicatorCode: 'tangibles.cleaning', title: text('保洁') },
    {
      key: 'posts',
      type: 'matrix',
      required: false,
      allowNotExperienced: true,
      indicatorCode: 'responsiveness',
      title: text('岗位'),
      rows: [
        { key: 'repair', label: text('报修'), indicatorCode: 'responsiveness.repair' },
        { key: 'reply', label: text('答复'), indicatorCode: 'responsiveness.reply' },
      ],
    },
    { key: 'facilities', type: 'servqual', scalePoints: 7, required: true, indicatorCode: 'tangibles.facilities', title: text('设施') },
    { key: 'concierge', type: 'kano', required: false, title: text('代收快递'), functional: text('有'), dysfunctional: text('没有') },
    {
      key: 'channel',
      type: 'single',
      required: false,
      title: text('渠道'),
      options: [
        { value: 'app', label: text('App') },
        { value: 'phone', label: text('电话') },
      ],
    },
    {
      key: 'topics',
      type: 'multiple',
      required: false,
      title: text('话题'),
      options: [
        { value: 'a', label: text('A') },
        { value: 'b', label: text('B') },
        { value: 'c', label: text('C') },
      ],
    },
    { key: 'overall', type: 'satisfaction', required: true, overall: true, allowNotExperienced: false, title: text('总体') },
    { key: 'nps', type: 'nps', required: true, title: text('推荐') },
    { key: 'why', type: 'text', required: false, maxLength: 200, title: text('原因') },
  ],
};

/** Park–Miller generator: the same answers on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

/** `count` answer sets; overall loosely follows the other ratings so the regression has signal. */
export function randomAnswers(count: number, seed: number): Answers[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const rating = () => 1 + Math.floor(next() * 5);
  return Array.from({ length: count }, () => {
    const clean = next() < 0.1 ? notExperienced : rating();
    const repair = rating();
    const answers: Answers = {
      posts: next() < 0.1 ? { repair, reply: notExperienced } : { repair, reply: rating() },
      facilities: { expectation: 1 + Math.floor(next() * 7), perception: 1 + Math.floor(next() * 7) },
      overall: Math.max(1, Math.min(5, Math.round((repair + (typeof clean === 'number' ? clean : 3)) / 2 + (next() - 0.5) * 2))),
      nps: Math.floor(next() * 11),
    };
    if (next() < 0.9) answers['clean'] = clean;
    if (next() < 0.8) answers['concierge'] = { functional: pick(kanoAnswers.values), dysfunctional: pick(kanoAnswers.values) };
    if (next() < 0.7) answers['channel'] = pick(['app', 'phone']);
    answers['topics'] = ['a', 'b', 'c'].filter(() => next() < 0.5);
    return answers;
  });
}
