/**
 * Budget: a 100,000-row household roster (.xlsx) is validated and committed through the API in
 * under 60 s on PostgreSQL on a 2-core machine (issue: household import and export).
 *
 *   npx tsx bench/import-households.ts            # DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test
 *
 * It builds the real app on that database, creates its own company (removed again at the end),
 * uploads the file with app.inject, polls the job as the console does, and prints the time split
 * and the peak resident memory of the import.
 */
import { households, persons } from '@manyi/db';
import { eq } from 'drizzle-orm';
import { removeTenantRows, signIn, startBenchApp } from './bench-app';
import { streamedXlsxFile, uploadImport, waitForJob, type Cells } from '../apps/server/src/imports/testing';
import { createBuilding, createProject, createStaff, createTenant } from '../apps/server/test/factories';

const rowCount = 100_000;
const budgetSeconds = 60;
const buildingCount = 40;
const unitsPerBuilding = 4;
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Five rows make three households: two with two residents, one with one; units are created by the import. */
function rowAt(index: number): Cells {
  const household = Math.floor(index / 5) * 3 + [0, 0, 1, 1, 2][index % 5]!;
  const place = household % (buildingCount * unitsPerBuilding);
  const inPlace = Math.floor(household / (buildingCount * unitsPerBuilding));
  const building = String(Math.floor(place / unitsPerBuilding) + 1);
  const unit = String((place % unitsPerBuilding) + 1);
  const room = `${Math.floor(inPlace / 4) + 1}${String((inPlace % 4) + 1).padStart(2, '0')}`;
  const first = index % 5 !== 1 && index % 5 !== 3;
  return [
    building,
    unit,
    room,
    first ? 80 + (household % 70) : null,
    first ? '已入住' : null,
    `住户${index}`,
    first ? '业主' : '家属',
    `139${String(index).padStart(8, '0')}`,
    index % 50 === 0 ? '是' : '否',
    index % 7 === 0 ? '老人、独居' : '',
    index % 11 === 0 ? '周末上门' : '',
  ];
}

async function main(): Promise<void> {
  const bench = await startBenchApp(databaseUrl, 10);
  const { db, app } = bench;
  await app.ready();

  const tenant = await createTenant(db, '基准测试物业');
  try {
    const project = await createProject(db, tenant.id, { name: '基准花园' });
    for (let number = 1; number <= buildingCount; number += 1) await createBuilding(db, tenant.id, project.id, String(number));
    const admin = await createStaff(db, tenant.id, { roles: ['admin'], name: '基准管理员' });
    const cookie = await signIn(app, admin.login, admin.password);

    const generated = performance.now();
    const file = await streamedXlsxFile(rowCount, rowAt);
    console.log(
      `generated ${rowCount.toLocaleString('en-US')} rows, ${(file.length / 1_048_576).toFixed(1)} MB .xlsx in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
    );

    const startRss = process.memoryUsage().rss;
    let peakRss = startRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const started = performance.now();
    const uploaded = await uploadImport(app, cookie, project.id, { name: 'bench-100k.xlsx', content: file });
    if (uploaded.statusCode !== 202) throw new Error(`upload: ${uploaded.statusCode} ${uploaded.body}`);
    const accepted = performance.now();
    const validated = await waitForJob(app, cookie, uploaded.json().id, {}, 300_000);
    if (validated.status !== 'validated') throw new Error(`validation: ${JSON.stringify(validated).slice(0, 500)}`);
    const validatedAt = performance.now();
    const commit = await app.inject({ method: 'POST', url: `/api/v1/household-imports/${validated.id}/commit`, headers: { cookie } });
    if (commit.statusCode !== 202) throw new Error(`commit: ${commit.statusCode} ${commit.body}`);
    const committed = await waitForJob(app, cookie, validated.id, {}, 300_000);
    const finished = performance.now();
    clearInterval(sampler);
    if (committed.status !== 'committed') throw new Error(`commit: ${JSON.stringify(committed).slice(0, 500)}`);

    const [householdCount, personCount] = await Promise.all([
      db.$count(households, eq(households.tenantId, tenant.id)),
      db.$count(persons, eq(persons.tenantId, tenant.id)),
    ]);
    const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    console.log(`household import 100k rows: ${seconds(started, finished)} s (budget ${budgetSeconds} s)`);
    console.log(
      `  upload + header check ${seconds(started, accepted)} s, validate ${seconds(accepted, validatedAt)} s, commit ${seconds(validatedAt, finished)} s`,
    );
    console.log(
      `  wrote ${householdCount.toLocaleString('en-US')} households, ${personCount.toLocaleString('en-US')} persons; peak RSS ${(peakRss / 1_048_576).toFixed(0)} MB (${(startRss / 1_048_576).toFixed(0)} MB before the upload)`,
    );
    if ((finished - started) / 1000 > budgetSeconds) process.exitCode = 1;
  } finally {
    await removeTenantRows(db, tenant.id);
    await bench.close();
  }
}

await main();
