import { vocabulary } from '../organisation/vocabulary';

/**
 * The closed vocabularies of the metrics, with Chinese and English labels, in the same shape as
 * organisation/vocabulary.ts so that server schemas and the console can share them.
 */
/**
 * Kano categories (Kano et al. 1984; Berger et al. 1993), named as seed 004 names them:
 * 必备因素 must-be, 期望因素 one-dimensional, 魅力因素 attractive, 无差异因素 indifferent,
 * 反向因素 reverse; plus 可疑 questionable for contradictory answer pairs.
 */
export const kanoCategories = vocabulary({
  must_be: { 'zh-CN': '必备因素', 'en-US': 'Must-be' },
  one_dimensional: { 'zh-CN': '期望因素', 'en-US': 'One-dimensional' },
  attractive: { 'zh-CN': '魅力因素', 'en-US': 'Attractive' },
  indifferent: { 'zh-CN': '无差异因素', 'en-US': 'Indifferent' },
  reverse: { 'zh-CN': '反向因素', 'en-US': 'Reverse' },
  questionable: { 'zh-CN': '可疑结果', 'en-US': 'Questionable' },
});
export type KanoCategory = (typeof kanoCategories.values)[number];

/** The five answers to each Kano question, in the order of the standard table (codes 1–5). */
export const kanoAnswers = vocabulary({
  like: { 'zh-CN': '喜欢', 'en-US': 'I like it' },
  must_be: { 'zh-CN': '理应如此', 'en-US': 'It must be that way' },
  neutral: { 'zh-CN': '无所谓', 'en-US': 'I am neutral' },
  live_with: { 'zh-CN': '能忍受', 'en-US': 'I can live with it' },
  dislike: { 'zh-CN': '不喜欢', 'en-US': 'I dislike it' },
});
export type KanoAnswer = (typeof kanoAnswers.values)[number];

/** Importance–performance quadrants (Martilla & James 1977), with the names used in 品质 reports. */
export const importancePerformanceQuadrants = vocabulary({
  keep_up: { 'zh-CN': '继续保持', 'en-US': 'Keep up the good work' },
  concentrate_here: { 'zh-CN': '重点改进', 'en-US': 'Concentrate here' },
  low_priority: { 'zh-CN': '低优先', 'en-US': 'Low priority' },
  possible_overkill: { 'zh-CN': '过度投入', 'en-US': 'Possible overkill' },
});
export type ImportancePerformanceQuadrant = (typeof importancePerformanceQuadrants.values)[number];
