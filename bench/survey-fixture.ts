/**
 * Shared set-up of the survey ingestion benchmarks (bench/survey-ingest.ts, bench/survey-kill.ts):
 * a 30-question questionnaire, an open campaign with one invitation per household, the raw
 * one-time tokens (only their SHA-256 is stored, as in production), and complete answers.
 */
import type { Answers, Question, SurveyDefinition } from '@manyi/core';
import { queryRows, surveyInvitations, uuidv7Sql, type Database } from '@manyi/db';
import { sql } from 'drizzle-orm';
import { newToken, tokenDigest } from '../apps/server/src/auth/session-repository';
import { createBuilding, createProject } from '../apps/server/test/factories';
import { openCampaign } from '../apps/server/src/responses/testing';

const text = (zh: string) => ({ 'zh-CN': zh });

/** 30 questions: 22 five-point ratings, 4 SERVQUAL pairs, overall, NPS, one single and one multiple choice. */
export const thirtyQuestions: SurveyDefinition = {
  title: text('压测问卷（30 题）'),
  questions: [
    ...Array.from({ length: 22 }, (_, index): Question => ({
      key: `rating_${index + 1}`,
      type: 'satisfaction',
      required: true,
      allowNotExperienced: true,
      title: text(`评价 ${index + 1}`),
    })),
    ...Array.from({ length: 4 }, (_, index): Question => ({
      key: `servqual_${index + 1}`,
      type: 'servqual',
      scalePoints: 7,
      required: true,
      title: text(`期望与感知 ${index + 1}`),
    })),
    { key: 'overall', type: 'satisfaction', required: true, overall: true, allowNotExperienced: false, title: text('总体满意') },
    { key: 'nps', type: 'nps', required: true, title: text('推荐意愿') },
    {
      key: 'channel',
      type: 'single',
      required: true,
      title: text('报事渠道'),
      options: [
        { value: 'phone', label: text('电话') },
        { value: 'app', label: text('App') },
      ],
    },
    { key: 'topics', type: 'multiple', required: false, title: text('关注'), options: ['a', 'b', 'c', 'd'].map((value) => ({ value, label: text(value) })) },
  ],
};

/** A complete, valid answer set; `seed` varies the values. */
export function thirtyAnswers(seed: number): Answers {
  const answers: Answers = {};
  for (let index = 1; index <= 22; index += 1) answers[`rating_${index}`] = (seed + index) % 11 === 0 ? 'not_experienced' : 1 + ((seed * 7 + index) % 5);
  for (let index = 1; index <= 4; index += 1)
    answers[`servqual_${index}`] = { expectation: 1 + ((seed + index) % 7), perception: 1 + ((seed * 3 + index) % 7) };
  answers['overall'] = 1 + (seed % 5);
  answers['nps'] = seed % 11;
  answers['channel'] = seed % 2 === 0 ? 'phone' : 'app';
  answers['topics'] = ['a', 'b', 'c', 'd'].filter((_, index) => (seed >> index) % 2 === 1);
  return answers;
}

/**
 * An open campaign of thirtyQuestions over `households` new households (generated in SQL in one
 * project of 50 buildings), each invited with its own token; returns the raw tokens.
 */
export async function openIngestCampaign(db: Database, tenantId: string, households: number): Promise<{ campaignId: string; tokens: string[] }> {
  const project = await createProject(db, tenantId, { name: '压测小区', code: `ING${Date.now().toString(36).toUpperCase()}` });
  const buildingIds: string[] = [];
  for (let building = 1; building <= 50; building += 1) buildingIds.push((await createBuilding(db, tenantId, project.id, String(building))).id);
  const buildingArray = `{${buildingIds.join(',')}}`;
  await db.execute(sql`
    insert into households (id, tenant_id, project_id, building_id, room, status, sort_key)
    select ${sql.raw(uuidv7Sql)}, ${tenantId}::uuid, ${project.id}::uuid, (${buildingArray}::uuid[])[1 + i % 50], 'R' || i, 'occupied', lpad(i::text, 8, '0')
    from generate_series(1, ${households}::int) as i`);
  const { campaign } = await openCampaign(db, new Date(Date.now() - 60_000), tenantId, [], { definition: thirtyQuestions, name: '压测调查' });
  const list = await queryRows<{ id: string; building_id: string }>(
    db,
    sql`select id, building_id from households where tenant_id = ${tenantId} and project_id = ${project.id} order by sort_key`,
  );
  const tokens: string[] = [];
  for (let start = 0; start < list.length; start += 1000) {
    const slice = list.slice(start, start + 1000);
    const values = slice.map((household) => {
      const token = newToken();
      tokens.push(token);
      return {
        tenantId,
        campaignId: campaign.id,
        projectId: project.id,
        buildingId: household.building_id,
        householdId: household.id,
        tokenDigest: tokenDigest(token),
        invitedAt: new Date(),
      };
    });
    await db.insert(surveyInvitations).values(values);
  }
  await db.execute(sql`analyze households`);
  await db.execute(sql`analyze survey_invitations`);
  return { campaignId: campaign.id, tokens };
}
