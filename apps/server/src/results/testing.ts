/**
 * Test and benchmark helpers for results: a campaign whose survey is tied to an indicator tree,
 * and complete responses written straight to the table (the answering flow has its own tests; here
 * the subject is what happens to responses once they exist).
 */
import { indicatorTemplate, kanoAnswers, surveyTemplate, type Answers, type IndicatorTreeNode, type SurveyDefinition } from '@manyi/core';
import { indicatorSystems, indicatorSystemVersions, surveyResponses, surveys, surveyVersions, type Database } from '@manyi/db';
import { and, eq } from 'drizzle-orm';
import { enqueueResponses } from '../responses/queue';
import { openCampaign } from '../responses/testing';

type Place = { id: string; projectId: string; buildingId: string };

/**
 * The built-in SERVQUAL questionnaire (six 7-point expectation/perception pairs, overall, NPS) with
 * two Kano pairs from the built-in Kano questionnaire, against the built-in SERVQUAL tree: every
 * chart of the results page has something to draw.
 */
export const resultsTree: IndicatorTreeNode[] = indicatorTemplate('servqual-property')!.roots;
export const resultsDefinition: SurveyDefinition = {
  ...surveyTemplate('servqual-property')!.definition,
  questions: [
    ...surveyTemplate('servqual-property')!.definition.questions,
    ...surveyTemplate('kano-services')!
      .definition.questions.filter((question) => question.type === 'kano')
      .slice(0, 2),
  ],
};

/** Park–Miller generator: the same answers for the same seed. */
function random(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

/**
 * `count` complete answer sets to resultsDefinition. `mood` in [0, 1] shifts every rating up
 * (0.5 ≈ middling); overall follows the mean perception so key drivers have signal.
 */
export function resultsAnswers(count: number, seed: number, mood = 0.5): Answers[] {
  const next = random(seed);
  const scale = (points: number) => Math.max(1, Math.min(points, Math.round(1 + (points - 1) * (mood + (next() - 0.5) * 0.8))));
  return Array.from({ length: count }, () => {
    const answers: Answers = {};
    let perceived = 0;
    let pairs = 0;
    for (const question of resultsDefinition.questions) {
      if (question.type === 'servqual') {
        const perception = scale(7);
        answers[question.key] = { expectation: Math.max(perception, scale(7)), perception };
        perceived += perception;
        pairs += 1;
      }
      if (question.type === 'kano') {
        answers[question.key] = { functional: kanoAnswers.values[Math.floor(next() * 3)]!, dysfunctional: kanoAnswers.values[2 + Math.floor(next() * 3)]! };
      }
    }
    answers['overall'] = Math.max(1, Math.min(5, Math.round(1 + ((perceived / pairs - 1) / 6) * 4 + (next() - 0.5))));
    answers['nps'] = Math.max(0, Math.min(10, Math.round(mood * 10 + (next() - 0.5) * 6)));
    return answers;
  });
}

/** An open campaign of `definition` whose pinned version refers to version 1 of an indicator system holding `tree`. */
export async function campaignWithTree(
  db: Database,
  now: Date,
  tenantId: string,
  invited: Place[],
  options: { definition?: SurveyDefinition; tree?: IndicatorTreeNode[]; previousCampaignId?: string; name?: string } = {},
) {
  const opened = await openCampaign(db, now, tenantId, invited, {
    definition: options.definition ?? resultsDefinition,
    ...(options.name && { name: options.name }),
    ...(options.previousCampaignId && { previousCampaignId: options.previousCampaignId }),
  });
  const [system] = await db.insert(indicatorSystems).values({ tenantId, name: '测试指标体系' }).returning();
  await db.insert(indicatorSystemVersions).values({ tenantId, systemId: system!.id, version: 1, tree: options.tree ?? resultsTree });
  await db
    .update(surveys)
    .set({ indicatorSystemId: system!.id })
    .where(and(eq(surveys.tenantId, tenantId), eq(surveys.id, opened.survey.id)));
  await db
    .update(surveyVersions)
    .set({ indicatorSystemVersion: 1 })
    .where(and(eq(surveyVersions.tenantId, tenantId), eq(surveyVersions.surveyId, opened.survey.id)));
  return opened;
}

/** Complete responses, one per household (or none for imported rows), inserted in slices. */
export async function insertCompleteResponses(
  db: Database,
  now: Date,
  campaign: { id: string; tenantId: string },
  rows: { household?: Place | null; answers: Answers; source?: 'h5' | 'paper' | 'import' }[],
): Promise<void> {
  const values = rows.map((row) => ({
    tenantId: campaign.tenantId,
    campaignId: campaign.id,
    surveyVersion: 1,
    source: row.source ?? 'h5',
    status: 'complete',
    answers: row.answers,
    householdId: row.household?.id ?? null,
    projectId: row.household?.projectId ?? null,
    buildingId: row.household?.buildingId ?? null,
    startedAt: now,
    submittedAt: now,
  }));
  for (let start = 0; start < values.length; start += 500) {
    await enqueueResponses(
      db,
      await db
        .insert(surveyResponses)
        .values(values.slice(start, start + 500))
        .returning(),
    );
  }
}
