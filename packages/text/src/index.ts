/**
 * @manyi/text — the Chinese text engine of issue 17, offline and synchronous. How the server is meant to use it:
 * - settings route: `validateCompanyAdditions(body)` refuses malformed additions and broken regexes with reasons
 *   (zh-CN / en-US, field path); the valid value is stored per company;
 * - per company version: `mergeTextConfig(baseTextConfig, additions)` once, kept beside the company's other cached
 *   settings; passing the same object again reuses its compiled rules;
 * - while a steward types and when a text is saved: `checkReply(text, config)` (findings with spans, warmth, rewrite);
 * - owner voice: `analyseComment(text, config)` / `analyseComments(texts, config)`; `extractKeywords` for word clouds;
 * - at start: `warmUp()` loads jieba's dictionary so that the first request does not pay for it.
 */
export * from './config/types';
export { baseTextConfig } from './config/base';
export { mergeTextConfig } from './config/merge';
export { companyTextAdditionsSchema, regexProblem, validateCompanyAdditions, type AdditionsCheck, type AdditionsIssue } from './config/validate';
export { normaliseText, type NormalisedText } from './normalise';
export { type Notice } from './notices';
export { checkReply, type Finding, type ReplyCheck } from './qa/check-reply';
export { qaScore } from './qa/score';
export { drillPassMark, scoreDrillAnswer, type DrillScore, type DrillStepScore } from './drills/score-drill';
export { practicePassMark, scorePractice, type PracticePoint, type PracticeScore, type PracticeTechnique } from './drills/score-practice';
export { extractFacts } from './qa/facts';
export { type WarmthReport } from './qa/warmth';
export { warmUp } from './segmenter';
export { analyseComment, analyseComments, type CommentAnalysis, type CommentSummary } from './voice/analyse';
export { type Sentiment } from './voice/sentiment';
export { type TopicHit } from './voice/topics';
export {
  loadComments,
  loadReplies,
  microPrecisionRecall,
  precisionRecall,
  labelledSetFiles,
  type LabelledComment,
  type LabelledReply,
  type PrecisionRecall,
} from './evaluation/labelled-sets';
export { extractKeywords, type Keyword, type KeywordMethod } from './keywords';
