/**
 * Budgets (issue 13, on the simple receipt): ticket creation through the API on PostgreSQL with 64
 * closed-loop clients reaches ≥ 45% of the saturated throughput of a bare Fastify route doing the
 * same writes in the same run; and the API's p99 ≤ 100 ms measured open-loop, at a fixed arrival
 * rate of half the bare route's saturated throughput (at saturation a p99 mostly measures queueing).
 *
 *   npx tsx bench/ticket-create.ts        # DATABASE_URL, default a fresh database on postgres://postgres@127.0.0.1:5432
 *
 * It builds the real app on that database and listens on 127.0.0.1 (a free port), creates its own
 * company (one project, 40,000 households each with its owner, a hotline agent scoped to the project;
 * removed again at the end) and signs the agent in. On the same app instance it registers
 * POST /bench/bare-tickets: public, no validation, no service: the day's number in its own statement,
 * then in one transaction the ticket and what a receipt writes with it (ticket_events, timeline_events, audit_logs) through
 * the receipt's own repository functions. The comparison therefore isolates what the framework,
 * session, idempotency, validation, reference checks, repeat and incident checks and SLA clocks add.
 *
 * The load comes from autocannon in a separate process (bench/load-client.ts): 64 connections,
 * a 3 s warm-up, a checkpoint (see checkpoint()), then 15 s measured; bare first, then the API,
 * repeated (BENCH_ROUNDS, default 3) so both see the same machine state; the ratio is the median of
 * the rounds' API/bare ratios. Then the open-loop phase: the API at half the median bare throughput.
 * Every request is a hotline repair for one of the residents (round-robin, the category rotating each
 * time round) with its own Idempotency-Key, as the console sends it.
 * Knobs: BENCH_HOUSEHOLDS, BENCH_CONNECTIONS, BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_ROUNDS, BENCH_POOL_SIZE,
 * BENCH_PROJECTS (default 1: every receipt takes the same project's daily number), BENCH_ONLY, BENCH_KEEP.
 * Exits non-zero when a budget is missed or a request failed.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { formatTicketNumber, householdSortKey, shanghaiDate, type TicketType } from '@manyi/core';
import { buildings, households, persons, type Database } from '@manyi/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { freshDatabase, removeTenantRows, signIn, startBenchApp } from './bench-app';
import { insertReceiptRecords, insertTicketRow, nextSequence } from '../apps/server/src/receipts/repository';
import { createProject, createStaff, createTenant } from '../apps/server/test/factories';
import type { LoadJob, LoadResult, Rotation } from './load-client';

/** DATABASE_URL when given; otherwise a fresh database on the local server for this run (freshDatabase). */
const givenUrl = process.env.DATABASE_URL;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 64);
const measureSeconds = Number(process.env.BENCH_SECONDS ?? 15);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 10);
const projectCount = Number(process.env.BENCH_PROJECTS ?? 1);
/**
 * Households of the company, 200 to a building. Every call is a distinct (household, category) pair
 * for the first households × categories calls of a run (a run of three rounds makes ~300,000 with
 * both routes), so repeat detection finds a report of the same thing by the same household as
 * rarely as on a real hotline; with 2,000 households, every call after the first 24,000 was a
 * repeat of one made seconds before.
 */
const householdCount = Number(process.env.BENCH_HOUSEHOLDS ?? 40_000);
const householdsPerBuilding = 200;
/** Repair categories the calls rotate through, so a household rarely reports the same thing twice (repeat detection). */
const categoryCodes = [
  'engineering.leak',
  'engineering.water_electric',
  'engineering.drain',
  'engineering.access_control',
  'engineering.public_lighting',
  'engineering.elevator.fault',
  'environment.cleaning',
  'environment.greening',
  'environment.garbage',
  'environment.pests',
  'order.parking',
  'order.noise',
];
/** Stands for the category in each household's body; the load client puts the next category in its place each time round. */
const rotateToken = '__CATEGORY__';
/** For profiling one side alone (node --cpu-prof): 'bare' or 'api'; the ratio is then not judged. */
const only = process.env.BENCH_ONLY;
/** BENCH_KEEP=1 keeps the database and the company, for EXPLAIN of the receipt's statements. */
const keep = process.env.BENCH_KEEP === '1';
const budgetRatio = 0.45;
const budgetP99Ms = 100;

type Company = {
  tenantId: string;
  agent: { id: string; name: string; login: string; password: string };
  households: { id: string; projectId: string; personId: string; name: string }[];
};

/** What both routes receive: the console's body for a hotline repair call. */
type BenchBody = {
  projectId: string;
  type: TicketType;
  channel: string;
  categoryCode: string;
  priority: string;
  title: string;
  description: string;
  reporterPersonId: string;
  householdId: string;
  reporterName: string;
};

async function createCompany(db: Database): Promise<Company> {
  const tenant = await createTenant(db, '压测物业-工单');
  const projectIds: string[] = [];
  for (let index = 1; index <= projectCount; index += 1) projectIds.push((await createProject(db, tenant.id, { name: `压测花园${index}期` })).id);
  const buildingCount = Math.max(projectIds.length, Math.ceil(householdCount / householdsPerBuilding));
  const buildingRows = await db
    .insert(buildings)
    .values(
      Array.from({ length: buildingCount }, (_, index) => ({
        tenantId: tenant.id,
        projectId: projectIds[index % projectIds.length]!,
        name: String(Math.floor(index / projectIds.length) + 1),
      })),
    )
    .returning();
  const personRows: (typeof persons.$inferSelect)[] = [];
  // In batches: one statement may carry at most 65,535 parameters.
  for (let start = 0; start < householdCount; start += 5_000) {
    const batch = await db
      .insert(households)
      .values(
        Array.from({ length: Math.min(5_000, householdCount - start) }, (_, offset) => {
          const index = start + offset;
          const building = buildingRows[index % buildingRows.length]!;
          const inBuilding = Math.floor(index / buildingRows.length);
          const room = `${Math.floor(inBuilding / 10) + 1}${String((inBuilding % 10) + 1).padStart(2, '0')}`;
          return { tenantId: tenant.id, projectId: building.projectId, buildingId: building.id, room, sortKey: householdSortKey(building.name, null, room) };
        }),
      )
      .returning();
    personRows.push(
      ...(await db
        .insert(persons)
        .values(
          batch.map((household, offset) => ({
            tenantId: tenant.id,
            projectId: household.projectId,
            householdId: household.id,
            name: `业主${start + offset + 1}`,
            role: 'owner',
            phone: `139${String(start + offset).padStart(8, '0')}`,
          })),
        )
        .returning()),
    );
  }
  const agent = await createStaff(db, tenant.id, { roles: ['steward'], projectIds, name: '热线压测', post: 'steward' });
  return {
    tenantId: tenant.id,
    agent: { id: agent.id, name: agent.name, login: agent.login, password: agent.password },
    households: personRows.map((row) => ({ id: row.householdId, projectId: row.projectId, personId: row.id, name: row.name })),
  };
}

/**
 * The writes of a receipt (receipts/receive.ts), through the same repository functions and the same
 * way (the number, then one transaction), with nothing around them: no session, no idempotency, no validation, no reference
 * checks, no settings, no repeat or incident check, no SLA deadlines.
 */
function registerBareRoute(app: FastifyInstance, db: Database, company: Company): void {
  const actor = company.agent;
  app.post('/bench/bare-tickets', { schema: { hide: true }, config: { access: 'public' } }, async (request, reply) => {
    const body = request.body as BenchBody;
    const now = new Date();
    const sequence = await nextSequence(db, company.tenantId, body.projectId, shanghaiDate(now));
    const ticket = await db.transaction(async (tx) => {
      const number = formatTicketNumber(body.type, now, sequence);
      const row = await insertTicketRow(tx, {
        tenantId: company.tenantId,
        projectId: body.projectId,
        number,
        type: body.type,
        channel: body.channel,
        categoryCode: body.categoryCode,
        priority: body.priority,
        status: 'new',
        title: body.title,
        description: body.description,
        householdId: body.householdId,
        reporterPersonId: body.reporterPersonId,
        reporterName: body.reporterName,
        firstReceiverId: actor.id,
        accountableId: actor.id,
        reportedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await insertReceiptRecords(tx, {
        events: [
          {
            tenantId: company.tenantId,
            ticketId: row.id,
            kind: 'created',
            toStatus: 'new',
            actorKind: 'staff',
            actorId: actor.id,
            actorName: actor.name,
            visibleToOwner: true,
            data: { channel: body.channel },
            at: now,
          },
        ],
        timeline: [
          {
            tenantId: company.tenantId,
            personId: body.reporterPersonId,
            householdId: body.householdId,
            kind: 'ticket',
            title: `报修 ${number} 已登记`,
            detail: { ticketId: row.id, number, event: 'created', status: 'new' },
            actorName: actor.name,
            occurredAt: now,
          },
        ],
        audit: {
          tenantId: company.tenantId,
          actorKind: 'staff',
          actorId: actor.id,
          actorName: actor.name,
          action: 'create',
          entityType: 'ticket',
          entityId: row.id,
          summary: `登记工单 ${number} ${body.title}`,
          after: row,
          requestId: request.id,
          ip: request.ip,
          at: now,
        },
        incidentEvents: [],
      });
      return row;
    });
    return reply.code(201).send(ticket);
  });
}

/**
 * Each measured phase starts right after a checkpoint. At these rates the WAL reaches max_wal_size
 * every minute or so, and the checkpoint it sets off (and the full-page images after it) would
 * otherwise land on whichever phase happens to be running; a fresh one before each phase gives
 * both sides the same start. Needs a superuser or pg_checkpoint; without it the phases run as they come.
 */
let checkpointRefused = false;
async function checkpoint(db: Database): Promise<void> {
  if (checkpointRefused) return;
  try {
    await db.execute(sql`checkpoint`);
  } catch (error) {
    checkpointRefused = true;
    console.log(`no checkpoint before each phase (${error instanceof Error ? error.message : String(error)})`);
  }
}

class LoadClient {
  private readonly child: ChildProcess;

  constructor(bodies: string[], rotation: Rotation) {
    // Inherits the parent's execArgv, so tsx's loader runs the TypeScript child too.
    this.child = fork(fileURLToPath(new URL('./load-client.ts', import.meta.url)), { stdio: 'inherit' });
    this.child.send({ bodies });
    this.child.send({ rotation });
  }

  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      this.child.once('message', (message: { result?: LoadResult; error?: string }) => {
        if (message.result) resolve(message.result);
        else reject(new Error(`load client: ${message.error}`));
      });
      this.child.send({ job });
    });
  }

  close(): void {
    this.child.disconnect();
  }
}

type Figures = { rps: number; p50: number; p95: number; p99: number; max: number; ok: number; failed: number; firstFailure?: string | null };

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

function figuresOf(result: LoadResult): Figures {
  const sorted = Float64Array.from(result.latencies).sort();
  const list = Array.from(sorted);
  return {
    rps: result.ok / result.seconds,
    p50: percentile(list, 0.5),
    p95: percentile(list, 0.95),
    p99: percentile(list, 0.99),
    max: list.at(-1) ?? Number.NaN,
    ok: result.ok,
    failed: result.non2xx + result.errors + result.timeouts,
    firstFailure: result.firstFailure,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function medianFigures(all: Figures[]): Figures {
  const of = (key: 'rps' | 'p50' | 'p95' | 'p99' | 'max' | 'ok') => median(all.map((figures) => figures[key]));
  return { rps: of('rps'), p50: of('p50'), p95: of('p95'), p99: of('p99'), max: of('max'), ok: of('ok'), failed: all.reduce((sum, f) => sum + f.failed, 0) };
}

const line = (label: string, f: Figures) =>
  `${label.padEnd(22)} ${f.rps.toFixed(0).padStart(6)} req/s   p50 ${f.p50.toFixed(1).padStart(6)} ms   p95 ${f.p95.toFixed(1).padStart(6)} ms   p99 ${f.p99.toFixed(1).padStart(6)} ms   max ${f.max.toFixed(0).padStart(5)} ms   (${f.ok} ok, ${f.failed} failed)`;

async function main(): Promise<void> {
  const fresh = givenUrl ? null : await freshDatabase('postgres://postgres@127.0.0.1:5432/postgres', 'manyi_bench_tickets');
  const bench = await startBenchApp(givenUrl ?? fresh!.url, poolSize);
  const { db, app } = bench;
  let client: LoadClient | undefined;
  let tenantId: string | undefined;
  try {
    const company = await createCompany(db);
    tenantId = company.tenantId;
    registerBareRoute(app, db, company);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const cookie = await signIn(app, company.agent.login, company.agent.password);
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    const origin = `http://127.0.0.1:${address.port}`;

    // Call i: household i mod the households, the next category each time round (load-client's rotation), so repeats are rare as on a real hotline.
    const bodies = company.households.map((household): string =>
      JSON.stringify({
        projectId: household.projectId,
        type: 'repair',
        channel: 'hotline',
        categoryCode: rotateToken,
        priority: 'normal',
        title: '业主来电报修',
        description: '业主来电,厨房水槽下方漏水,已关闭总阀',
        reporterPersonId: household.personId,
        householdId: household.id,
        reporterName: household.name,
      } satisfies BenchBody),
    );
    client = new LoadClient(bodies, { token: rotateToken, values: categoryCodes });
    const targets = {
      bare: { url: `${origin}/bench/bare-tickets`, headers: { cookie } },
      api: { url: `${origin}/api/v1/tickets`, headers: { cookie } },
    };
    // One request each first, so a broken route fails loudly rather than as a 0 req/s figure.
    for (const [name, target] of Object.entries(targets)) {
      const body = bodies.at(-1)!.replace(rotateToken, categoryCodes.at(-1)!);
      const response = await fetch(target.url, { method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, body });
      if (response.status !== 201) throw new Error(`${name}: ${response.status} ${await response.text()}`);
    }

    console.log(
      `ticket create, PostgreSQL, ${connections} connections, ${projectCount} project(s), pool ${poolSize}, warm-up ${warmupSeconds} s + ${measureSeconds} s measured, ${rounds} rounds (bare, then API)`,
    );
    const results: Record<'bare' | 'api', Figures[]> = { bare: [], api: [] };
    for (let round = 1; round <= rounds; round += 1) {
      for (const name of (['bare', 'api'] as const).filter((side) => !only || side === only)) {
        // API requests carry their own Idempotency-Key, as the console's create form sends them; the bare route has no idempotency, so it gets none.
        const job = { ...targets[name], connections, idempotencyKeys: name === 'api' };
        await client.run({ ...job, seconds: warmupSeconds });
        // Statistics of a desk that is taking calls, as autovacuum would keep them (planned on empty
        // tables, the receipt's repeat and incident checks would read every ticket of the project).
        if (round === 1)
          await db.execute(sql`analyze tickets, ticket_events, timeline_events, audit_logs, ticket_sequences, households, persons, idempotency_keys, sessions`);
        await checkpoint(db);
        const figures = figuresOf(await client.run({ ...job, seconds: measureSeconds }));
        results[name].push(figures);
        console.log(line(`round ${round} ${name}`, figures));
        if (figures.firstFailure) console.log(`  first failure: ${figures.firstFailure}`);
      }
    }
    if (only) return;
    const bare = medianFigures(results.bare);
    const closedApi = medianFigures(results.api);
    // Open loop: arrivals at a fixed rate, half of what the bare route sustains, as calls reach a desk.
    const rate = Math.round(bare.rps / 2);
    const openJob = { ...targets.api, connections, idempotencyKeys: true, overallRate: rate };
    await client.run({ ...openJob, seconds: warmupSeconds });
    await checkpoint(db);
    const api = figuresOf(await client.run({ ...openJob, seconds: measureSeconds }));
    console.log(line(`open loop API ${rate}/s`, api));
    // Each round's API run is paired with the bare run just before it (same machine state); the median of those ratios.
    const ratios = results.api.map((figures, index) => figures.rps / results.bare[index]!.rps);
    const ratio = median(ratios);
    const ratioOk = ratio >= budgetRatio;
    const p99Ok = api.p99 <= budgetP99Ms;
    const clean = bare.failed === 0 && closedApi.failed === 0 && api.failed === 0;
    console.log(line('median bare', bare));
    console.log(line('median API', closedApi));
    console.log(
      `ticket create throughput ratio API/bare (PostgreSQL, ${connections} clients): ${ratio.toFixed(2)} (budget ≥ ${budgetRatio.toFixed(2)}) ${ratioOk ? 'PASS' : 'FAIL'}; rounds ${ratios.map((value) => value.toFixed(2)).join(', ')}`,
    );
    console.log(
      `ticket create p99 (PostgreSQL, open loop at ${rate} req/s = half the bare throughput): ${api.p99.toFixed(0)} ms (budget ≤ ${budgetP99Ms} ms) ${p99Ok ? 'PASS' : 'FAIL'}`,
    );
    if (!clean) console.log(`FAIL: ${bare.failed + closedApi.failed + api.failed} requests failed`);
    if (!ratioOk || !p99Ok || !clean) process.exitCode = 1;
  } finally {
    client?.close();
    if (keep) console.log(`kept for EXPLAIN: ${givenUrl ?? fresh!.url}, company ${tenantId}`);
    else if (tenantId) await removeTenantRows(db, tenantId);
    await bench.close();
    if (!keep) await fresh?.drop();
  }
}

await main();
