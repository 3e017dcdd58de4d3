/**
 * Budget (issue 4 §10): sustained ingestion of ≥ 1,000 complete 30-question responses per second
 * with p99 ≤ 100 ms at 32 concurrent clients, on PostgreSQL, through the real submit API
 * (POST /api/v1/answer/:token/submit).
 *
 *   createdb -h 127.0.0.1 -U postgres manyi_bench_ingest
 *   npx tsx bench/survey-ingest.ts     # DATABASE_URL, default postgres://postgres@127.0.0.1:5432/manyi_bench_ingest
 *
 * It creates its own company with one open campaign of a 30-question questionnaire
 * (bench/survey-fixture.ts) and one invitation per household, listens on a free port, and drives
 * it with autocannon from a separate process (bench/load-client.ts) at 32 connections, every
 * request a distinct one-time token with a complete answer set: 3 s warm-up, then
 * SURVEY_BENCH_SECONDS (default 20) measured. The results aggregator runs beside it as in
 * production (every 5 s). The per-address rate limit of the answer endpoints is raised: in
 * production the answers come from thousands of phones, here from one address.
 * Knobs: SURVEY_BENCH_CONNECTIONS (32), SURVEY_BENCH_SECONDS, SURVEY_BENCH_POOL (20), SURVEY_BENCH_KEEP=1,
 * SURVEY_BENCH_AGGREGATOR=in-process (default: the API process runs it, as `manyi serve` does) | process (a separate
 * process, as an instance dedicated to it would) | off (none, to see its cost).
 * Exits non-zero when the rate or p99 misses its budget or a request fails.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { surveyResponses } from '@manyi/db';
import { and, eq, sql } from 'drizzle-orm';
import { systemClock } from '../apps/server/src/clock';
import { startResultsTimer } from '../apps/server/src/results/aggregator';
import { createTenant } from '../apps/server/test/factories';
import { removeTenantRows, startBenchApp } from './bench-app';
import type { LoadJob, LoadResult } from './load-client';
import { openIngestCampaign, thirtyAnswers } from './survey-fixture';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/manyi_bench_ingest';
const connections = Number(process.env.SURVEY_BENCH_CONNECTIONS ?? 32);
const seconds = Number(process.env.SURVEY_BENCH_SECONDS ?? 20);
const warmupSeconds = 3;
const rateBudget = 1000;
const p99Budget = 100;

/** One load phase in the forked autocannon process; paths and bodies are used once each, in order. */
function runPhase(child: ReturnType<typeof fork>, job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    child.once('message', (message: { result?: LoadResult; error?: string }) => (message.result ? resolve(message.result) : reject(new Error(`load client: ${message.error}`))));
    child.send({ job });
  });
}

const percentile = (sorted: Float64Array, share: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? Number.NaN;

async function main(): Promise<void> {
  const bench = await startBenchApp(databaseUrl, Number(process.env.SURVEY_BENCH_POOL ?? 20), { rateLimitPerMinute: 10_000_000 });
  const db = bench.db;
  const tenant = await createTenant(db, '压测物业-答卷');
  const aggregator = process.env.SURVEY_BENCH_AGGREGATOR ?? 'in-process';
  const timer = aggregator === 'in-process' ? startResultsTimer(db, systemClock, bench.app.log) : null;
  const worker = aggregator === 'process'
    ? fork(fileURLToPath(new URL('./results-aggregator-process.ts', import.meta.url)), { stdio: 'inherit', env: { ...process.env, DATABASE_URL: databaseUrl } })
    : null;
  let failed = false;
  try {
    // Enough one-time links for the whole run at twice the budget.
    const needed = Math.ceil((seconds + warmupSeconds) * rateBudget * 2.5);
    const started = performance.now();
    const { campaignId, tokens } = await openIngestCampaign(db, tenant.id, needed);
    console.log(`${tokens.length.toLocaleString('en-US')} households invited in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const address = await bench.app.listen({ port: 0, host: '127.0.0.1' });
    const child = fork(fileURLToPath(new URL('./load-client.ts', import.meta.url)), { stdio: 'inherit' });
    child.send({ paths: tokens.map((token) => `/api/v1/answer/${token}/submit`) });
    child.send({ bodies: tokens.map((_, index) => JSON.stringify({ answers: thirtyAnswers(index) })) });
    const url = `${address}/api/v1/answer/x/submit`;
    await runPhase(child, { url, headers: {}, connections, seconds: warmupSeconds });
    const result = await runPhase(child, { url, headers: {}, connections, seconds });
    child.disconnect();

    const sorted = Float64Array.from(result.latencies).sort();
    const rate = result.ok / result.seconds;
    const [stored] = await db.select({ count: sql<number>`count(*)::int` }).from(surveyResponses).where(and(eq(surveyResponses.tenantId, tenant.id), eq(surveyResponses.campaignId, campaignId)));
    console.log(`measured ${result.seconds.toFixed(1)} s at ${connections} connections: ${result.ok} responses stored (${stored!.count} in the table incl. warm-up), ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts${result.firstFailure ? `; first failure: ${result.firstFailure}` : ''}`);
    console.log(`latency p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p95 ${percentile(sorted, 0.95).toFixed(0)} ms, p99 ${percentile(sorted, 0.99).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`);
    console.log(`survey ingestion (30 questions, ${connections} clients, aggregator ${aggregator}): ${rate.toFixed(0)} responses/s (budget ≥ ${rateBudget}), p99 ${percentile(sorted, 0.99).toFixed(0)} ms (budget ≤ ${p99Budget} ms)`);
    if (rate < rateBudget || percentile(sorted, 0.99) > p99Budget || result.non2xx + result.errors + result.timeouts > 0) failed = true;
  } finally {
    await timer?.stop();
    worker?.disconnect();
    if (process.env.SURVEY_BENCH_KEEP !== '1') await removeTenantRows(db, tenant.id);
    await bench.close();
  }
  if (failed) process.exitCode = 1;
}

await main();
