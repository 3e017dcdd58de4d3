import { householdSortKey, type SurveyDefinition } from '@manyi/core';
import { households, surveys, surveyVersions, type Database } from '@manyi/db';
import { sampleDefinition } from '../../test/survey-definition';

/** A survey with one version that no campaign has frozen yet (what the designer leaves behind). */
export async function draftSurvey(db: Database, tenantId: string, options: { definition?: SurveyDefinition; templateCode?: string; name?: string } = {}) {
  const [survey] = await db
    .insert(surveys)
    .values({ tenantId, name: options.name ?? '年度满意度调查', status: 'published', templateCode: options.templateCode ?? null })
    .returning();
  await db.insert(surveyVersions).values({ tenantId, surveyId: survey!.id, version: 1, definition: options.definition ?? sampleDefinition });
  return survey!;
}

/** `count` households in one building, inserted in slices (thousands of rows, for sample-size tests). */
export async function fillBuilding(
  db: Database,
  tenantId: string,
  building: { id: string; projectId: string; name: string },
  count: number,
  status = 'occupied',
) {
  const rows = Array.from({ length: count }, (_, index) => {
    const room = String(index + 1).padStart(4, '0');
    return { tenantId, projectId: building.projectId, buildingId: building.id, room, status, sortKey: householdSortKey(building.name, null, room) };
  });
  for (let start = 0; start < rows.length; start += 1000) await db.insert(households).values(rows.slice(start, start + 1000));
}

/** A census campaign body for the API, open for two weeks from `now`. */
export const campaignInput = (surveyId: string, now: Date, extra: object = {}) => ({
  surveyId,
  surveyVersion: 1,
  name: '2026 年度满意度调查',
  sampling: { kind: 'census' },
  contactIntervalDays: 0,
  opensAt: now.toISOString(),
  closesAt: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
  ...extra,
});
