/**
 * Budget (issue 4 §10): a kill -9 of the server in the middle of a load loses no response that
 * was acknowledged (0 lost).
 *
 *   createdb -h 127.0.0.1 -U postgres manyi_bench_kill
 *   npx tsx bench/survey-kill.ts       # DATABASE_URL, default postgres://postgres@127.0.0.1:5432/manyi_bench_kill
 *
 * The server runs as a child process (`manyi serve --no-demo`, as in production, with the
 * background timers on). 32 clients submit complete 30-question answers, each to its own one-time
 * link (bench/survey-fixture.ts), and note every link whose 2xx they received. After
 * SURVEY_KILL_AFTER seconds (default 4) the server gets SIGKILL mid-load; the clients keep
 * trying (and fail) until it is started again, then run 2 s more. Every acknowledged link must
 * then have its complete response in the database, and the aggregator of the restarted server must
 * have counted each exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { connect, queryRows, surveyResponses, surveyResultCells } from '@manyi/db';
import { and, eq, sql } from 'drizzle-orm';
import { tokenDigest } from '../apps/server/src/auth/session-repository';
import { queuedCount } from '../apps/server/src/responses/queue';
import { createTenant } from '../apps/server/test/factories';
import { removeTenantRows } from './bench-app';
import { openIngestCampaign, thirtyAnswers } from './survey-fixture';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/manyi_bench_kill';
const clients = 32;
const killAfterSeconds = Number(process.env.SURVEY_KILL_AFTER ?? 4);
const cli = fileURLToPath(new URL('../apps/server/src/cli.ts', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function startServer(port: number): ChildProcess {
  // node itself (not npx), so the pid we SIGKILL is the server's.
  return spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--no-demo'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '10000000' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitReady(base: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become ready');
}

async function main(): Promise<void> {
  const connection = await connect({ databaseUrl, poolSize: 4 });
  await connection.migrate();
  const db = connection.db;
  const tenant = await createTenant(db, '压测物业-断电');
  let server: ChildProcess | null = null;
  let failed = false;
  try {
    const { campaignId, tokens } = await openIngestCampaign(db, tenant.id, 60_000);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startServer(port);
    await waitReady(base);

    const acknowledged: string[] = [];
    let next = 0;
    let refused = 0;
    let stop = false;
    const worker = async () => {
      while (!stop && next < tokens.length) {
        const index = next++;
        const token = tokens[index]!;
        try {
          const response = await fetch(`${base}/api/v1/answer/${token}/submit`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ answers: thirtyAnswers(index) }),
          });
          await response.arrayBuffer();
          if (response.ok) acknowledged.push(token);
          else refused += 1;
        } catch {
          refused += 1; // connection reset or refused: never acknowledged, the owner's page would retry
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
    };
    const load = Promise.all(Array.from({ length: clients }, worker));
    await new Promise((resolve) => setTimeout(resolve, killAfterSeconds * 1000));
    const beforeKill = acknowledged.length;
    server.kill('SIGKILL');
    await new Promise((resolve) => server!.once('exit', resolve));
    console.log(`killed the server (SIGKILL) after ${killAfterSeconds} s and ${beforeKill} acknowledged responses`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    server = startServer(port);
    await waitReady(base);
    console.log('restarted');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    stop = true;
    await load;

    const digests = acknowledged.map(tokenDigest);
    const stored = await queryRows<{ count: number }>(
      db,
      sql`
      select count(*)::int as count from survey_invitations i
      join survey_responses r on r.tenant_id = i.tenant_id and r.invitation_id = i.id and r.status = 'complete'
      where i.tenant_id = ${tenant.id} and i.token_digest = any(${`{${digests.join(',')}}`}::text[])`,
    );
    const lost = acknowledged.length - (stored[0]?.count ?? 0);
    console.log(
      `${acknowledged.length} acknowledged, ${refused} refused or cut off by the kill; ${stored[0]?.count ?? 0} of the acknowledged are in the database`,
    );

    // The restarted server's aggregator (5 s timer) counts what the killed one had not, each once.
    for (let attempt = 0; attempt < 60; attempt += 1) {
      if ((await queuedCount(db, 'results', { tenantId: tenant.id, campaignId, projectIds: null })) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const [complete] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.tenantId, tenant.id), eq(surveyResponses.campaignId, campaignId), eq(surveyResponses.status, 'complete')));
    const [counted] = await db
      .select({ count: sql<number>`coalesce(sum(${surveyResultCells.responses}), 0)::int` })
      .from(surveyResultCells)
      .where(eq(surveyResultCells.tenantId, tenant.id));
    console.log(`results rollup after restart: ${counted!.count} counted of ${complete!.count} complete responses`);
    console.log(`survey kill -9 mid-load: ${lost} acknowledged responses lost (budget 0)`);
    if (lost !== 0 || counted!.count !== complete!.count) failed = true;
  } finally {
    server?.kill('SIGKILL');
    if (process.env.SURVEY_BENCH_KEEP !== '1') await removeTenantRows(db, tenant.id);
    await connection.close();
  }
  if (failed) process.exitCode = 1;
}

await main();
