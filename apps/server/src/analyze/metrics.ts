/**
 * The metrics `manyi analyze` prints: the same analysis the console's results use
 * (tallyResponses + analyseTally, @manyi/core surveys/analysis), over the template's built-in
 * indicator tree so that the weighted index, SERVQUAL dimensions and key drivers come out too.
 */
import { analyseTally, indicatorTemplate, tallyResponses, type Answers, type SurveyAnalysis, type SurveyTemplate } from '@manyi/core';

export function analyseAnswers(template: SurveyTemplate, responses: readonly Answers[]): SurveyAnalysis {
  const tree = indicatorTemplate(template.indicatorTemplate)?.roots;
  return analyseTally(template.definition, tallyResponses(template.definition, responses, tree), tree);
}
