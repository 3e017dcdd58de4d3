/**
 * Budget (issue 4 §10): sustained ingestion of ≥ 1,000 complete 30-question responses per second
 * with p99 ≤ 100 ms at 32 concurrent clients, on PostgreSQL, through the real submit API
 * (POST /api/v1/answer/:token/submit).
 *
 *   npx tsx bench/survey-ingest.ts     # DATABASE_URL, default a fresh database on postgres://postgres@127.0.0.1:5432
 *
 * It creates its own company with one open campaign of a 30-question questionnaire
 * (bench/survey-fixture.ts) and one invitation per household, listens on a free port, and drives
 * it with autocannon from a separate process (bench/load-client.ts) at 32 connections, every
 * request a distinct one-time token with a complete answer set and its own Idempotency-Key (as
 * the answering page sends): 3 s warm-up, then SURVEY_BENCH_SECONDS (default 20) measured. The
 * results aggregator (every 5 s) and the closed-loop pass (every 60 s) run beside it as in
 * production. The per-address rate limit of the answer endpoints is raised: in
 * production the answers come from thousands of phones, here from one address.
 * Knobs: SURVEY_BENCH_CONNECTIONS (32), SURVEY_BENCH_SECONDS, SURVEY_BENCH_POOL (20), SURVEY_BENCH_KEEP=1,
 * SURVEY_BENCH_AGGREGATOR=in-process (default: the API process runs it, as `manyi serve` does) | process (a separate
 * process, as an instance dedicated to it would) | off (none, to see its cost).
 * Exits non-zero when the rate or p99 misses its budget or a request fails.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { queryRows, surveyResponses } from '@manyi/db';
import { and, eq, sql } from 'drizzle-orm';
import { systemClock } from '../apps/server/src/clock';
import { startResultsTimer } from '../apps/server/src/results/aggregator';
import { startFollowupTimer } from '../apps/server/src/survey-followups/timer';
import { createTenant } from '../apps/server/test/factories';
import { freshDatabase, removeTenantRows, startBenchApp } from './bench-app';
import type { LoadJob, LoadResult } from './load-client';
import { openIngestCampaign, thirtyAnswers } from './survey-fixture';

/** DATABASE_URL when given; otherwise a fresh database on the local server for this run (freshDatabase). */
const givenUrl = process.env.DATABASE_URL;
const connections = Number(process.env.SURVEY_BENCH_CONNECTIONS ?? 32);
const seconds = Number(process.env.SURVEY_BENCH_SECONDS ?? 20);
const warmupSeconds = 3;
const rateBudget = 1000;
const p99Budget = 100;

/** One load phase in the forked autocannon process; paths and bodies are used once each, in order. */
function runPhase(child: ReturnType<typeof fork>, job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    child.once('message', (message: { result?: LoadResult; error?: string }) =>
      message.result ? resolve(message.result) : reject(new Error(`load client: ${message.error}`)),
    );
    child.send({ job });
  });
}

const percentile = (sorted: Float64Array, share: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? Number.NaN;

async function main(): Promise<void> {
  const fresh = givenUrl ? null : await freshDatabase('postgres://postgres@127.0.0.1:5432/postgres', 'manyi_bench_ingest');
  const databaseUrl = givenUrl ?? fresh!.url;
  const bench = await startBenchApp(databaseUrl, Number(process.env.SURVEY_BENCH_POOL ?? 20), { rateLimitPerMinute: 10_000_000 });
  const db = bench.db;
  const tenant = await createTenant(db, '压测物业-答卷');
  const aggregator = process.env.SURVEY_BENCH_AGGREGATOR ?? 'in-process';
  const timer = aggregator === 'in-process' ? startResultsTimer(db, systemClock, bench.app.log) : null;
  // The closed-loop pass runs beside it as in `manyi serve` (every 60 s; longer runs see it work).
  const followups = startFollowupTimer(bench.app.deps, bench.app.log);
  const worker =
    aggregator === 'process'
      ? fork(fileURLToPath(new URL('./results-aggregator-process.ts', import.meta.url)), {
          stdio: 'inherit',
          env: { ...process.env, DATABASE_URL: databaseUrl },
        })
      : null;
  let failed = false;
  try {
    // Enough one-time links for the whole run at twice the budget.
    const needed = Math.ceil((seconds + warmupSeconds) * rateBudget * 2.5);
    const started = performance.now();
    const { campaignId, tokens } = await openIngestCampaign(db, tenant.id, needed);
    console.log(`${tokens.length.toLocaleString('en-US')} households invited in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // Invitations are drawn at launch, days before the answers come in: by then autovacuum has
    // visited the freshly loaded tables. And on a machine whose PostgreSQL runs without autovacuum
    // (this one's test server), earlier runs leave their deleted rows behind; clear them first.
    const [autovacuum] = await queryRows<{ autovacuum: string }>(db, sql`show autovacuum`);
    if (autovacuum?.autovacuum !== 'on')
      console.log('note: autovacuum is off on this server; the touched tables are vacuumed before the run, and dead rows of the run itself stay');
    for (const table of ['households', 'survey_invitations', 'survey_responses', 'survey_response_queue', 'survey_result_counts', 'survey_result_cells']) {
      await db.execute(sql.raw(`vacuum analyze ${table}`));
    }
    // And every run starts from the same WAL state: no checkpoint of the setup's writes mid-measurement.
    await db.execute(sql`checkpoint`);

    const address = await bench.app.listen({ port: 0, host: '127.0.0.1' });
    const child = fork(fileURLToPath(new URL('./load-client.ts', import.meta.url)), { stdio: 'inherit' });
    child.send({ paths: tokens.map((token) => `/api/v1/answer/${token}/submit`) });
    child.send({ bodies: tokens.map((_, index) => JSON.stringify({ answers: thirtyAnswers(index) })) });
    const url = `${address}/api/v1/answer/x/submit`;
    await runPhase(child, { url, headers: {}, connections, seconds: warmupSeconds, idempotencyKeys: true });
    // Statistics of a campaign that is being answered, as autovacuum would keep them: planned while
    // survey_responses looked empty, the link lookup reads the campaign's responses instead of the household's one.
    await db.execute(sql`analyze survey_responses`);
    const result = await runPhase(child, { url, headers: {}, connections, seconds, idempotencyKeys: true });
    child.disconnect();

    const sorted = Float64Array.from(result.latencies).sort();
    const rate = result.ok / result.seconds;
    const [stored] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.tenantId, tenant.id), eq(surveyResponses.campaignId, campaignId)));
    console.log(
      `measured ${result.seconds.toFixed(1)} s at ${connections} connections: ${result.ok} responses stored (${stored!.count} in the table incl. warm-up), ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts${result.firstFailure ? `; first failure: ${result.firstFailure}` : ''}`,
    );
    console.log(
      `latency p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p95 ${percentile(sorted, 0.95).toFixed(0)} ms, p99 ${percentile(sorted, 0.99).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`,
    );
    console.log(
      `survey ingestion (30 questions, ${connections} clients, aggregator ${aggregator}): ${rate.toFixed(0)} responses/s (budget ≥ ${rateBudget}), p99 ${percentile(sorted, 0.99).toFixed(0)} ms (budget ≤ ${p99Budget} ms)`,
    );
    if (rate < rateBudget || percentile(sorted, 0.99) > p99Budget || result.non2xx + result.errors + result.timeouts > 0) failed = true;
  } finally {
    await timer?.stop();
    await followups.stop();
    worker?.disconnect();
    if (process.env.SURVEY_BENCH_KEEP !== '1') await removeTenantRows(db, tenant.id);
    await bench.close();
    await fresh?.drop();
  }
  if (failed) process.exitCode = 1;
}

await main();
