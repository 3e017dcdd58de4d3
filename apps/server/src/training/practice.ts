/**
 * Script practice (话术练习, issue 19 §5; packages/core training/practice.ts): a steward picks a scenario of the
 * company's script library (scripts/, the built-in scenarios with the company's edits and additions) and a
 * situation, writes what they would say, and gets it scored by the red-line QA with the company's rules and the
 * warmth checks, set beside the library's phrasing (packages/text scorePractice). Every attempt is a row of the
 * learning record (kind `practice`, the scenario's key, the situation as item), so a passed practice counts on
 * the scorecards like a passed drill (scorecards/sources.ts).
 *
 * A practice is training, not service: the reply is not stored as an owner-facing text (qa_texts), so it neither
 * enters the review queue nor weighs on the steward's service QA score.
 */
import { practiceModel, practiceOpening, type PracticeSituation } from '@manyi/core';
import type { practiceResult, practiceScript } from '@manyi/contracts/training';
import { scorePractice } from '@manyi/text';
import type { z } from 'zod';
import type { Context } from '../http/context';
import { notFound } from '../http/problem';
import { searchScripts } from '../scripts/service';
import { checkWithCompanyRules } from '../text-qa/record';
import { companyTextConfig } from '../text-qa/config';
import { practiceStanding } from './progress';
import { insertLearningRecord, learningRecordsOf } from './repository';

/** The script library with the caller's standing in each scenario. */
export async function listPractice(context: Context): Promise<{ items: z.output<typeof practiceScript>[] }> {
  const { tenantId, staffId } = context.principal;
  const [library, records] = await Promise.all([searchScripts(context, undefined), learningRecordsOf(context.db, tenantId, staffId)]);
  return {
    items: library.map((scenario) => {
      const standing = practiceStanding(scenario.key, records);
      return {
        key: scenario.key,
        title: scenario.title,
        categoryCode: scenario.categoryCode,
        companyOwned: scenario.companyOwned,
        opening: practiceOpening(scenario),
        attempts: standing.attempts,
        bestScore: standing.bestScore,
        passedSituations: standing.passedSituations as PracticeSituation[],
      };
    }),
  };
}

export async function practiseScript(
  context: Context,
  key: string,
  input: { situation: PracticeSituation; reply: string; seconds: number },
): Promise<z.output<typeof practiceResult>> {
  const { tenantId, staffId } = context.principal;
  const scenario = (await searchScripts(context, undefined)).find((item) => item.key === key);
  if (!scenario) throw notFound();
  const model = practiceModel(scenario, input.situation);
  const [config, check] = await Promise.all([companyTextConfig(context.db, tenantId), checkWithCompanyRules(context.db, tenantId, input.reply)]);
  const score = scorePractice({ reply: input.reply, model, check }, config);
  await insertLearningRecord(context.db, {
    tenantId,
    staffId,
    kind: 'practice',
    subjectKey: key,
    itemKey: input.situation,
    score: score.total,
    passed: score.passed,
    seconds: input.seconds,
    detail: {
      reply: input.reply,
      qaScore: score.qaScore,
      warmth: score.warmth,
      redLines: score.findings.map((finding) => finding.redLine),
      techniqueShare: score.techniqueShare,
      pointShare: score.pointShare,
    },
    createdAt: context.clock.now(),
  });
  return {
    situation: input.situation,
    model,
    ...score,
    findings: score.findings.map(({ ruleId: _rule, ...finding }) => ({ ...finding, severity: String(finding.severity) })),
  };
}
