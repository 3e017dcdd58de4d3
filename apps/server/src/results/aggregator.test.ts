import { tallyResponses } from '@manyi/core';
import { surveyResponses, surveyResultCells, surveyResultCounts } from '@manyi/db';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createBuilding, createCompany, createHousehold, signIn, testAppPerFile, type TestApp } from '../../test';
import { queuedCount } from '../responses/queue';
import { runResultsAggregation } from './aggregator';
import { tallyRows } from './cells';
import { markCellStale, type CellKey } from './repository';
import { campaignWithTree, insertCompleteResponses, resultsAnswers, resultsDefinition, resultsTree } from './testing';

describe('results aggregator', () => {
  let t: TestApp;
  testAppPerFile((app) => {
    t = app;
  });

  /** A company with two buildings of 25 households and an open campaign to all of them. */
  async function setUp() {
    const db = t.connection.db;
    const company = await createCompany(db);
    const tenantId = company.tenant.id;
    const second = await createBuilding(db, tenantId, company.project.id, '2');
    const households = [];
    for (const building of [company.building, second])
      for (let index = 0; index < 25; index += 1) households.push(await createHousehold(db, tenantId, building, `${201 + index}`));
    const { campaign } = await campaignWithTree(db, t.clock.now(), tenantId, households);
    return { company, tenantId, households, campaign };
  }

  /** What the cells hold, as comparable rows: the counts summed over the campaign, and the response total. */
  async function cellTotals(campaignId: string) {
    const db = t.connection.db;
    const counts = await db
      .select({
        questionKey: surveyResultCounts.questionKey,
        item: surveyResultCounts.item,
        value: surveyResultCounts.value,
        count: sql<number>`sum(${surveyResultCounts.count})::int`,
      })
      .from(surveyResultCounts)
      .where(eq(surveyResultCounts.campaignId, campaignId))
      .groupBy(surveyResultCounts.questionKey, surveyResultCounts.item, surveyResultCounts.value);
    const [cells] = await db
      .select({ responses: sql<number>`coalesce(sum(${surveyResultCells.responses}), 0)::int` })
      .from(surveyResultCells)
      .where(eq(surveyResultCells.campaignId, campaignId));
    const key = (row: { questionKey: string; item: string; value: number }) => `${row.questionKey}/${row.item}/${row.value}`;
    return { responses: cells!.responses, counts: Object.fromEntries(counts.map((row) => [key(row), row.count])) };
  }

  const expectedCounts = (answers: Parameters<typeof tallyResponses>[1]) =>
    Object.fromEntries(
      tallyRows(tallyResponses(resultsDefinition, answers, resultsTree)).counts.map((row) => [`${row.questionKey}/${row.item}/${row.value}`, row.count]),
    );

  it('counts each response once, incrementally, and a second run adds nothing', async () => {
    const { tenantId, households, campaign } = await setUp();
    const db = t.connection.db;
    const answers = resultsAnswers(50, 3);
    await insertCompleteResponses(
      db,
      t.clock.now(),
      campaign,
      answers.slice(0, 30).map((item, index) => ({ household: households[index]!, answers: item })),
    );
    expect(await runResultsAggregation(db, t.clock, { tenantIds: [tenantId], batchSize: 7 })).toMatchObject({ counted: 30, batches: 5 });
    await insertCompleteResponses(
      db,
      t.clock.now(),
      campaign,
      answers.slice(30, 49).map((item, index) => ({ household: households[30 + index]!, answers: item })),
    );
    // A partial response (a saved draft: never queued) is not counted.
    const last = households[49]!;
    await db.insert(surveyResponses).values({
      tenantId,
      campaignId: campaign.id,
      surveyVersion: 1,
      householdId: last.id,
      projectId: last.projectId,
      buildingId: last.buildingId,
      source: 'h5',
      status: 'partial',
      answers: answers[49]!,
      startedAt: t.clock.now(),
    });
    expect(await runResultsAggregation(db, t.clock, { tenantIds: [tenantId] })).toMatchObject({ counted: 19 });
    expect(await runResultsAggregation(db, t.clock, { tenantIds: [tenantId] })).toMatchObject({ counted: 0 });
    const totals = await cellTotals(campaign.id);
    expect(totals.responses).toBe(49);
    expect(totals.counts).toEqual(expectedCounts(answers.slice(0, 49)));
    const cells = await db.select().from(surveyResultCells).where(eq(surveyResultCells.campaignId, campaign.id));
    expect(cells.map((cell) => cell.responses).sort()).toEqual([24, 25]);
  });

  it('two aggregators at once never count a response twice (truly concurrent on PostgreSQL)', async () => {
    const { tenantId, households, campaign } = await setUp();
    const db = t.connection.db;
    const answers = resultsAnswers(50, 4);
    await insertCompleteResponses(
      db,
      t.clock.now(),
      campaign,
      answers.map((item, index) => ({ household: households[index]!, answers: item })),
    );
    const runs = await Promise.all([1, 2, 3].map(() => runResultsAggregation(db, t.clock, { tenantIds: [tenantId], batchSize: 5 })));
    expect(runs.reduce((total, run) => total + run.counted, 0)).toBe(50);
    expect((await cellTotals(campaign.id)).counts).toEqual(expectedCounts(answers));
    expect(await queuedCount(db, 'results', { tenantId, campaignId: campaign.id, projectIds: null })).toBe(0);
  });

  it('recounts a stale cell from its responses after answers were replaced, leaving the still queued ones to their batch', async () => {
    const { company, tenantId, households, campaign } = await setUp();
    const db = t.connection.db;
    const answers = resultsAnswers(50, 5);
    await insertCompleteResponses(
      db,
      t.clock.now(),
      campaign,
      answers.slice(0, 45).map((item, index) => ({ household: households[index]!, answers: item })),
    );
    await runResultsAggregation(db, t.clock, { tenantIds: [tenantId] });
    // Five more arrive after the last count: queued, so the recount must leave them to the batch that follows it.
    await insertCompleteResponses(
      db,
      t.clock.now(),
      campaign,
      answers.slice(45).map((item, index) => ({ household: households[45 + index]!, answers: item })),
    );
    // An import re-run replaces one household's answers: the writer marks the cell stale.
    const replaced = resultsAnswers(1, 99, 1)[0]!;
    await db.update(surveyResponses).set({ answers: replaced }).where(eq(surveyResponses.householdId, households[0]!.id));
    const key: CellKey = { tenantId, campaignId: campaign.id, projectId: company.project.id, buildingId: company.building.id };
    await markCellStale(db, key);
    expect(await runResultsAggregation(db, t.clock, { tenantIds: [tenantId] })).toMatchObject({ recounted: 1, counted: 5 });
    expect((await cellTotals(campaign.id)).counts).toEqual(expectedCounts([replaced, ...answers.slice(1)]));
    expect((await cellTotals(campaign.id)).responses).toBe(50);
  });

  it('counts on demand through the refresh route, for quality staff in scope', async () => {
    const { company, households, campaign } = await setUp();
    const db = t.connection.db;
    await insertCompleteResponses(
      db,
      t.clock.now(),
      campaign,
      resultsAnswers(3, 6).map((item, index) => ({ household: households[index]!, answers: item, source: 'paper' as const })),
    );
    const cookie = await signIn(t.app, company.admin.login, company.admin.password);
    const response = await t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${campaign.id}/results/refresh`, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ counted: 3 });
    expect((await cellTotals(campaign.id)).responses).toBe(3);
  });
});
