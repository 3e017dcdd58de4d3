/**
 * Budget (issue 4 §10): campaign results for 1,000,000 responses in ≤ 1 s p95 — unfiltered, by one
 * project and by one building — on PostgreSQL.
 *
 *   createdb -h 127.0.0.1 -U postgres manyi_bench_results
 *   npx tsx bench/survey-results.ts      # DATABASE_URL, default postgres://postgres@127.0.0.1:5432/manyi_bench_results
 *
 * It creates its own company (20 projects × 10 buildings), a campaign of the built-in SERVQUAL
 * questionnaire (six 7-point pairs, overall, NPS) plus two Kano pairs against the built-in SERVQUAL
 * tree, 1,250,000 invitations and 1,000,000 complete responses generated in SQL (generate_series),
 * then runs TWO results aggregators at once (as two server instances would) and checks every
 * response was counted exactly once, then times 50 calls of GET /campaigns/:id/results through the
 * real app for each filter. Knobs: SURVEY_BENCH_RESPONSES, SURVEY_BENCH_CALLS, SURVEY_BENCH_BATCH (aggregator batch, 50,000),
 * SURVEY_BENCH_KEEP=1 (keep the company; its id is printed), SURVEY_BENCH_TENANT=<id> (time the calls again on a kept company).
 * Exits non-zero when a p95 is over budget or a response was counted twice or not at all.
 */
import { campaigns, indicatorSystems, indicatorSystemVersions, surveyResultCells, surveys, surveyVersions, uuidv7Sql, type Database } from '@manyi/db';
import { eq, sql } from 'drizzle-orm';
import { systemClock } from '../apps/server/src/clock';
import { runResultsAggregation } from '../apps/server/src/results/aggregator';
import { resultsDefinition, resultsTree } from '../apps/server/src/results/testing';
import { createBuilding, createProject, createStaff, createTenant } from '../apps/server/test/factories';
import { removeTenantRows, signIn, startBenchApp } from './bench-app';

const responseCount = Number(process.env.SURVEY_BENCH_RESPONSES ?? 1_000_000);
const calls = Number(process.env.SURVEY_BENCH_CALLS ?? 50);
const budgetMs = 1000;
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/manyi_bench_results';
const chunk = 100_000;

const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);

/** A 7-point rating around the row's mood m ∈ [0, 1). */
const rating7 = 'least(7, greatest(1, round(1 + 6 * (m + (random() - 0.5) * 0.8))))::int';

/** The answers jsonb of one generated response: pairs for every SERVQUAL and Kano question, overall following mean perception, NPS following mood. */
function answersSql(): string {
  const servqual = resultsDefinition.questions.filter((question) => question.type === 'servqual').map((question) => question.key);
  const kano = resultsDefinition.questions.filter((question) => question.type === 'kano').map((question) => question.key);
  const pairs = servqual.map(
    (key, index) => `'${key}', jsonb_build_object('expectation', greatest(p[${index + 1}], e[${index + 1}]), 'perception', p[${index + 1}])`,
  );
  const kanoPairs = kano.map(
    (key) =>
      `'${key}', jsonb_build_object('functional', (array['like','must_be','neutral'])[1 + floor(random() * 3)::int], 'dysfunctional', (array['neutral','live_with','dislike'])[1 + floor(random() * 3)::int])`,
  );
  const meanPerception = `((${servqual.map((_, index) => `p[${index + 1}]`).join(' + ')})::float / ${servqual.length})`;
  return `jsonb_build_object(${[
    ...pairs,
    ...kanoPairs,
    `'overall', least(5, greatest(1, round(1 + 4 * ((${meanPerception} - 1) / 6) + random() - 0.5)))::int`,
    `'nps', least(10, greatest(0, round(m * 10 + (random() - 0.5) * 6)))::int`,
  ].join(', ')})`;
}

async function insertRows(db: Database, tenantId: string, campaignId: string, places: { projectId: string; buildingId: string }[]): Promise<void> {
  const projectIds = `{${places.map((place) => place.projectId).join(',')}}`;
  const buildingIds = `{${places.map((place) => place.buildingId).join(',')}}`;
  const servqualCount = resultsDefinition.questions.filter((question) => question.type === 'servqual').length;
  const invitations = Math.round(responseCount * 1.25);
  for (let start = 1; start <= invitations; start += chunk) {
    const end = Math.min(invitations, start + chunk - 1);
    await db.execute(sql`
      insert into survey_invitations (id, tenant_id, campaign_id, project_id, building_id, household_id, token_digest, status, invited_at, completed_at)
      select ${sql.raw(uuidv7Sql)}, ${tenantId}::uuid, ${campaignId}::uuid, (${projectIds}::uuid[])[1 + i % ${places.length}], (${buildingIds}::uuid[])[1 + i % ${places.length}],
        gen_random_uuid(), md5(${campaignId} || i), case when i <= ${responseCount} then 'completed' else 'invited' end, now(), case when i <= ${responseCount} then now() end
      from generate_series(${start}::int, ${end}::int) as i`);
  }
  const answers = sql.raw(answersSql());
  for (let start = 1; start <= responseCount; start += chunk) {
    const end = Math.min(responseCount, start + chunk - 1);
    // mood m per response; p and e arrays of 7-point perceptions and expectations (the correlated subqueries re-run per row).
    await db.execute(sql`
      insert into survey_responses (id, tenant_id, campaign_id, survey_version, project_id, building_id, household_id, source, status, answers, started_at, submitted_at)
      select ${sql.raw(uuidv7Sql)}, ${tenantId}::uuid, ${campaignId}::uuid, 1, (${projectIds}::uuid[])[1 + i % ${places.length}], (${buildingIds}::uuid[])[1 + i % ${places.length}],
        gen_random_uuid(), case when i % 20 = 0 then 'paper' else 'h5' end, 'complete', ${answers}, now(), now()
      from (select i, m,
              array(select ${sql.raw(rating7)} from generate_series(1, ${servqualCount}) where m >= 0) as p,
              array(select ${sql.raw(rating7)} from generate_series(1, ${servqualCount}) where m >= 0) as e
            from (select i, random() as m from generate_series(${start}::int, ${end}::int) as i) g) s`);
  }
  // Written as the submit statement would: each complete response queued for the aggregator.
  await db.execute(sql`
    insert into survey_response_queue (consumer, tenant_id, campaign_id, response_id)
    select 'results', tenant_id, campaign_id, id from survey_responses where tenant_id = ${tenantId}::uuid and campaign_id = ${campaignId}::uuid`);
  await db.execute(sql`analyze survey_responses`);
  await db.execute(sql`analyze survey_response_queue`);
  await db.execute(sql`analyze survey_invitations`);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

/** The company's projects, buildings, survey, campaign and rows, then the two concurrent aggregators; returns whether every response was counted once. */
async function generate(
  db: Database,
  tenantId: string,
): Promise<{ campaignId: string; places: { projectId: string; buildingId: string }[]; countedOnce: boolean }> {
  const places: { projectId: string; buildingId: string }[] = [];
  for (let project = 1; project <= 20; project += 1) {
    const row = await createProject(db, tenantId, { name: `压测项目${project}`, code: `SRB${project}` });
    for (let building = 1; building <= 10; building += 1)
      places.push({ projectId: row.id, buildingId: (await createBuilding(db, tenantId, row.id, String(building))).id });
  }
  const [survey] = await db.insert(surveys).values({ tenantId, name: '压测问卷', status: 'published' }).returning();
  const [system] = await db.insert(indicatorSystems).values({ tenantId, name: '压测指标' }).returning();
  await db.insert(indicatorSystemVersions).values({ tenantId, systemId: system!.id, version: 1, tree: resultsTree });
  await db.update(surveys).set({ indicatorSystemId: system!.id }).where(eq(surveys.id, survey!.id));
  await db
    .insert(surveyVersions)
    .values({ tenantId, surveyId: survey!.id, version: 1, definition: resultsDefinition, indicatorSystemVersion: 1, frozenAt: new Date() });
  const [campaign] = await db
    .insert(campaigns)
    .values({
      tenantId,
      surveyId: survey!.id,
      surveyVersion: 1,
      name: '压测调查',
      status: 'open',
      opensAt: new Date(),
      population: {},
      sampling: { kind: 'census' },
    })
    .returning();

  let started = performance.now();
  await insertRows(db, tenantId, campaign!.id, places);
  console.log(
    `generated ${responseCount.toLocaleString('en-US')} complete responses and ${Math.round(responseCount * 1.25).toLocaleString('en-US')} invitations in ${seconds(started)} s`,
  );

  started = performance.now();
  const runs = await Promise.all(
    [1, 2].map(() => runResultsAggregation(db, systemClock, { tenantIds: [tenantId], batchSize: Number(process.env.SURVEY_BENCH_BATCH ?? 50_000) })),
  );
  const aggregateSeconds = seconds(started);
  const counted = runs.reduce((total, run) => total + run.counted, 0);
  const [cells] = await db
    .select({ responses: sql<number>`sum(${surveyResultCells.responses})::int`, cells: sql<number>`count(*)::int` })
    .from(surveyResultCells)
    .where(eq(surveyResultCells.tenantId, tenantId));
  console.log(
    `aggregation, two aggregators at once: ${aggregateSeconds} s (counted ${runs.map((run) => run.counted).join(' + ')} = ${counted}; ${cells!.cells} cells holding ${cells!.responses} responses)`,
  );
  const countedOnce = counted === responseCount && cells!.responses === responseCount;
  // What autovacuum does after a million deletes: without it the planner still believes a million responses wait in the queue.
  await db.execute(sql`analyze survey_response_queue`);
  if (!countedOnce) console.log(`FAIL: every response must be counted exactly once (expected ${responseCount})`);
  return { campaignId: campaign!.id, places, countedOnce };
}

async function main(): Promise<void> {
  const bench = await startBenchApp(databaseUrl, 10);
  const db = bench.db;
  // SURVEY_BENCH_TENANT=<id> re-times the calls on a company kept by an earlier run (SURVEY_BENCH_KEEP=1).
  const reuse = process.env.SURVEY_BENCH_TENANT;
  const tenant = reuse ? { id: reuse } : await createTenant(db, '压测物业-调查结果');
  let failed = false;
  try {
    let campaignId: string;
    let places: { projectId: string; buildingId: string }[];
    if (reuse) {
      const [campaign] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.tenantId, reuse));
      campaignId = campaign!.id;
      places = await db
        .select({ projectId: surveyResultCells.projectId, buildingId: surveyResultCells.buildingId })
        .from(surveyResultCells)
        .where(eq(surveyResultCells.tenantId, reuse));
    } else {
      const generated = await generate(db, tenant.id);
      ({ campaignId, places } = generated);
      if (!generated.countedOnce) failed = true;
    }
    console.log(`company ${tenant.id}`);

    const quality = await createStaff(db, tenant.id, { roles: ['quality'], name: '品质部压测' });
    const cookie = await signIn(bench.app, quality.login, quality.password);
    const filters: [string, string][] = [
      ['unfiltered', ''],
      ['project', `?projectId=${places[0]!.projectId}`],
      ['building', `?buildingId=${places[0]!.buildingId}`],
    ];
    for (const [name, query] of filters) {
      const times: number[] = [];
      let responses = 0;
      for (let call = 0; call < calls + 3; call += 1) {
        const callStarted = performance.now();
        const response = await bench.app.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}/results${query}`, headers: { cookie } });
        if (response.statusCode !== 200) throw new Error(`results ${name}: ${response.statusCode} ${response.body.slice(0, 300)}`);
        if (call >= 3) times.push(performance.now() - callStarted); // the first three warm the caches and the JIT
        responses = response.json<{ analysis: { responses: number } }>().analysis.responses;
      }
      const p95 = percentile(times, 0.95);
      console.log(
        `survey results ${name} (${responses.toLocaleString('en-US')} responses): p95 ${p95.toFixed(0)} ms, p50 ${percentile(times, 0.5).toFixed(0)} ms (budget ${budgetMs} ms)`,
      );
      if (p95 > budgetMs) failed = true;
    }
  } finally {
    if (process.env.SURVEY_BENCH_KEEP !== '1' && !reuse) await removeTenantRows(db, tenant.id);
    await bench.close();
  }
  if (failed) process.exitCode = 1;
}

await main();
