import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@manyi/db';
import { buildApp, webDist } from '@manyi/server/app';
import { ShiftedClock } from '@manyi/server/clock';
import { runSlaSweep } from '@manyi/server/sla';
import { draftClosedComplaintCases } from '@manyi/server/cases/drafting';
import { deliverWebhooks } from '@manyi/server/sla/delivery';
import { webhookFetch } from '@manyi/server/sla/webhook-target';
import { loadConfig } from '@manyi/server/config';
import { memorySmsSender } from '@manyi/server/sms';
import { seedDemo } from '@manyi/server/demo';
import { localFileStorage } from '@manyi/server/storage';
import { demoAnswerLink } from '@manyi/server/responses/testing';
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { TestProject } from 'vitest/node';

/**
 * Starts the real product once for all browser tests: the built console served by the server,
 * on a fresh database with the demo company (PGlite in a temp dir, or a fresh PostgreSQL
 * database `manyi_e2e` when DATABASE_URL is set), on a free port.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(join(webDist, 'index.html'))) throw new Error('apps/web/dist is missing: run `npm run build -w @manyi/web` first');
  const dataDir = await mkdtemp(join(tmpdir(), 'manyi-e2e-'));
  let databaseUrl: string | undefined;
  if (process.env.DATABASE_URL) {
    const admin = await connect({ databaseUrl: process.env.DATABASE_URL });
    await admin.db.execute(sql`drop database if exists manyi_e2e with (force)`);
    await admin.db.execute(sql`create database manyi_e2e`);
    await admin.close();
    databaseUrl = process.env.DATABASE_URL.replace(/\/[^/]*$/, '/manyi_e2e');
  }
  const connection = await connect({ databaseUrl, dataDir: databaseUrl ? undefined : join(dataDir, 'pglite') });
  await connection.migrate();
  const { logins } = await seedDemo(connection.db, { log: () => undefined });
  const sms = memorySmsSender();
  // Every browser test signs in from 127.0.0.1; the production limit of 10 a minute would throttle the suite itself.
  const config = {
    ...loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      PORT: '0',
      RATE_LIMIT_PER_MINUTE: '120',
      WEBHOOK_INTERNAL_ALLOWED: '127.0.0.1',
      WEBHOOK_ALLOWED_PORTS: 'any',
    }),
  };
  const clock = new ShiftedClock();
  const app = await buildApp({ deps: { db: connection.db, clock, config, sms, storage: localFileStorage(join(dataDir, 'uploads')) } });
  // Test-only routes of the e2e server: the SMS codes an owner would receive, moving time forward, running the SLA sweep and the webhook outbox now.
  app.get('/e2e/sms', { config: { access: 'public' } }, async () => sms.sent);
  app.post<{ Querystring: { minutes?: string } }>('/e2e/clock/advance', { config: { access: 'public' } }, async (request) => {
    clock.advance(Number(request.query.minutes ?? '0') * 60_000);
    return { now: clock.now().toISOString() };
  });
  app.post('/e2e/sla/sweep', { config: { access: 'public' } }, async () => runSlaSweep(connection.db, clock.now()));
  // The case-drafting pass that follows the sweep on a server's timer: closed complaints become draft cases.
  app.post('/e2e/cases/draft', { config: { access: 'public' } }, async () => ({ drafted: await draftClosedComplaintCases(connection.db, clock.now()) }));
  // The webhook outbox, sent now as the server's SLA timer would (the e2e server runs no timer), to the bots the test configured.
  app.post('/e2e/webhooks/deliver', { config: { access: 'public' } }, async () =>
    deliverWebhooks(connection.db, webhookFetch(config.webhookTargets), clock.now()),
  );
  // An owner's survey link in the demo company (the answering page's test), one new campaign per call.
  app.post('/e2e/answer-link', { config: { access: 'public' } }, async () => demoAnswerLink(connection.db, clock.now()));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  project.provide('baseUrl', `http://127.0.0.1:${port}`);
  project.provide('logins', logins);
  return async () => {
    await app.close();
    await connection.close();
    await rm(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    logins: { login: string; password: string; role: string }[];
  }
}
