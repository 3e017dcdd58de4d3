/**
 * Budget of the training academy (issue 19): scoring one drill answer ≤ 200 ms p95. A script practice (话术练习)
 * is a one-reply answer scored the same way (red-line QA, warmth, the model's keywords), held to the same budget.
 *
 *   npx tsx bench/drill-score.ts          # DATABASE_URL, default a fresh database on postgres://postgres@127.0.0.1:5432
 *
 * In process: scoreDrillAnswer (CLEAR checklist + red-line QA of every reply) over the six built-in drills,
 * each answered four ways (the model answer, a plan without a time, a cold opening, and every reply ten times
 * as long), 50 rounds after a warm-up. Through the API on PostgreSQL: POST /training/drills/:key/attempts,
 * one request at a time as a steward answers (scored and stored in the learning record), 300 requests
 * rotating the same answers. Script practice: scorePractice over the eight built-in scenarios × five situations ×
 * three replies (the model, a plain reply, the cold script), and POST /training/practice/:key/attempts (the company's
 * rules, counter-examples and library read, scored and stored), 300 requests after 20 warm-up.
 * Prints each figure with its budget; exits non-zero when one is missed.
 */
import { builtInDrills, practiceModel, practiceSituations, scriptScenarios } from '@manyi/core';
import { scoreDrillAnswer, scorePractice } from '@manyi/text';
import { freshDatabase, signIn, startBenchApp } from './bench-app';
import { createProject, createStaff, createTenant } from '../apps/server/test/factories';

const budgetMs = 200;
let failed = false;

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

function report(figure: string, samples: number[], setup: string): void {
  const sorted = [...samples].sort((left, right) => left - right);
  const p95 = percentile(sorted, 0.95);
  const met = p95 <= budgetMs;
  if (!met) failed = true;
  process.stdout.write(
    `${figure}: ${p95.toFixed(2)} ms p95 (budget ≤ ${budgetMs} ms; ${met ? 'met' : 'FAIL'}; p50 ${percentile(sorted, 0.5).toFixed(2)} ms, n=${sorted.length}; ${setup})\n`,
  );
}

const answers = builtInDrills.flatMap((drill) => {
  const model = [...drill.modelReplies];
  return [
    { key: drill.key, replies: model },
    { key: drill.key, replies: [...model.slice(0, -1), '好的，我会安排师傅去处理，您放心。'] },
    { key: drill.key, replies: ['知道了。', ...model.slice(1)] },
    { key: drill.key, replies: model.map((reply) => reply.repeat(10)) },
  ];
});

const practices = scriptScenarios.flatMap((scenario) =>
  practiceSituations.values.flatMap((situation) => {
    const model = practiceModel(scenario, situation);
    return [model, '好的，我们会尽快处理，请您稍等。', scenario.cold].map((reply) => ({ key: scenario.key, situation, reply, model }));
  }),
);

function inProcess(): void {
  for (const answer of answers) scoreDrillAnswer(answer.replies);
  const samples: number[] = [];
  for (let round = 0; round < 50; round += 1) {
    for (const answer of answers) {
      const started = performance.now();
      scoreDrillAnswer(answer.replies);
      samples.push(performance.now() - started);
    }
  }
  report('drill answer scoring, in process', samples, `${answers.length} answers × 50 rounds, ${process.version}`);
  for (const practice of practices) scorePractice(practice);
  const practiceSamples: number[] = [];
  for (let round = 0; round < 20; round += 1) {
    for (const practice of practices) {
      const started = performance.now();
      scorePractice(practice);
      practiceSamples.push(performance.now() - started);
    }
  }
  report('script practice scoring, in process', practiceSamples, `${practices.length} replies × 20 rounds, ${process.version}`);
}

async function throughApi(): Promise<void> {
  const given = process.env.DATABASE_URL;
  const fresh = given ? undefined : await freshDatabase('postgres://postgres@127.0.0.1:5432/postgres', 'bench_drill');
  const bench = await startBenchApp(given ?? fresh!.url, 10);
  try {
    const tenant = await createTenant(bench.db, '压测物业-培训');
    const project = await createProject(bench.db, tenant.id, { name: '压测花园' });
    const steward = await createStaff(bench.db, tenant.id, { roles: ['steward'], projectIds: [project.id], name: '演练管家' });
    const cookie = await signIn(bench.app, steward.login, steward.password);
    const samples: number[] = [];
    for (let index = 0; index < 320; index += 1) {
      const answer = answers[index % answers.length]!;
      const started = performance.now();
      const response = await bench.app.inject({
        method: 'POST',
        url: `/api/v1/training/drills/${answer.key}/attempts`,
        headers: { cookie },
        payload: { replies: answer.replies, seconds: 300 },
      });
      const elapsed = performance.now() - started;
      if (response.statusCode !== 200) throw new Error(`attempt: ${response.statusCode} ${response.body}`);
      if (index >= 20) samples.push(elapsed);
    }
    report(
      'drill answer scoring, API round trip (PostgreSQL)',
      samples,
      'POST /training/drills/:key/attempts through app.inject, scored and stored, one at a time after 20 warm-up requests, app pool of 10',
    );
    const practiceSamples: number[] = [];
    for (let index = 0; index < 320; index += 1) {
      const practice = practices[index % practices.length]!;
      const started = performance.now();
      const response = await bench.app.inject({
        method: 'POST',
        url: `/api/v1/training/practice/${practice.key}/attempts`,
        headers: { cookie },
        payload: { situation: practice.situation, reply: practice.reply, seconds: 120 },
      });
      const elapsed = performance.now() - started;
      if (response.statusCode !== 200) throw new Error(`practice: ${response.statusCode} ${response.body}`);
      if (index >= 20) practiceSamples.push(elapsed);
    }
    report(
      'script practice scoring, API round trip (PostgreSQL)',
      practiceSamples,
      'POST /training/practice/:key/attempts through app.inject, scored with the company rules and stored, one at a time after 20 warm-up requests, app pool of 10',
    );
  } finally {
    await bench.close();
    await fresh?.drop();
  }
}

inProcess();
await throughApi();
if (failed) process.exitCode = 1;
