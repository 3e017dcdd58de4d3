/**
 * Budgets of the Chinese text engine (issue 17): loading the engine ≤ 1 s; checking one reply ≤ 5 ms p95 in
 * process; analysing 1,000,000 comments ≤ 120 s on 2 cores.
 *
 *   npx tsx bench/text-engine.ts          # TEXT_BENCH_COMMENTS (default 1,000,000), TEXT_BENCH_WORKERS (default 2)
 *
 * Load: a fresh process imports @manyi/text and checks one reply (bench/text-load.ts), median of three. Check:
 * every labelled staff reply of packages/text/data, 20 rounds, after one warm-up round. Comments: the labelled
 * owner comments cycled to the count, split over worker threads (each loads its own engine, counted in the
 * time). Prints each figure with its budget; exits non-zero when one is missed.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkReply, loadComments, loadReplies } from '@manyi/text';

const commentCount = Number(process.env.TEXT_BENCH_COMMENTS ?? 1_000_000);
const workerCount = Number(process.env.TEXT_BENCH_WORKERS ?? 2);
const replyFiles = ['replies.dev.tsv', 'replies.dev2.tsv', 'replies.dev3.tsv', 'replies.test.tsv'];
const commentFiles = ['comments.dev.tsv', 'comments.dev2.tsv', 'comments.dev3.tsv', 'comments.test.tsv'];
let failed = false;

function report(figure: string, value: number, unit: string, budget: number, setup: string): void {
  const met = value <= budget;
  if (!met) failed = true;
  process.stdout.write(
    `${figure}: ${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${unit} (budget ≤ ${budget.toLocaleString('en-US')} ${unit}; ${met ? 'met' : 'FAIL'}; ${setup})\n`,
  );
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}

function measureLoad(): void {
  const script = fileURLToPath(new URL('./text-load.ts', import.meta.url));
  const runs = [0, 1, 2].map(
    () =>
      JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' })) as {
        importMs: number;
        readyMs: number;
        tfIdfMs: number;
        cpuMs: number;
      },
  );
  const cpu = runs.map((run) => run.cpuMs).sort((left, right) => left - right);
  const ready = runs.map((run) => run.readyMs).sort((left, right) => left - right);
  const tfIdf = runs.map((run) => run.tfIdfMs).sort((left, right) => left - right);
  const imported = runs.map((run) => run.importMs).sort((left, right) => left - right);
  report(
    'text engine load',
    Math.round(ready[1] ?? Number.NaN),
    'ms',
    1_000,
    `fresh Node process, import @manyi/text (TypeScript through tsx, ${Math.round(imported[1] ?? 0)} ms of it) + jieba dictionary + first checkReply and analyseComment, median of 3: ${ready.map((value) => Math.round(value)).join(' / ')} ms; CPU time of the whole process by then ${Math.round(cpu[1] ?? 0)} ms; the TF-IDF table loads on the first keyword call, +${Math.round(tfIdf[1] ?? 0)} ms`,
  );
}

function measureCheck(): void {
  const texts = replyFiles.flatMap(loadReplies).map((item) => item.text);
  for (const text of texts) checkReply(text);
  const timings: number[] = [];
  for (let round = 0; round < 20; round += 1) {
    for (const text of texts) {
      const started = performance.now();
      checkReply(text);
      timings.push(performance.now() - started);
    }
  }
  timings.sort((left, right) => left - right);
  report(
    'text checkReply p95',
    Math.round(percentile(timings, 0.95) * 1000) / 1000,
    'ms',
    5,
    `${timings.length.toLocaleString('en-US')} calls over the ${texts.length} labelled replies × 20 rounds, in process; p50 ${percentile(timings, 0.5).toFixed(3)} ms, p99 ${percentile(timings, 0.99).toFixed(3)} ms, max ${(timings[timings.length - 1] ?? 0).toFixed(1)} ms`,
  );
}

const workerUrl = new URL('./text-comments-worker.ts', import.meta.url);

async function measureComments(): Promise<void> {
  const texts = commentFiles.flatMap(loadComments).map((item) => item.text);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const share = Math.ceil(commentCount / workerCount);
  const results = await Promise.all(
    Array.from(
      { length: workerCount },
      (_, index) =>
        new Promise<{ polarity: Record<string, number>; topics: number }>((resolve, reject) => {
          const count = Math.max(0, Math.min(share, commentCount - index * share));
          // A worker does not inherit tsx's loader; it registers it before importing the TypeScript worker.
          const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(workerUrl.href)}); })`;
          const worker = new Worker(bootstrap, { eval: true, workerData: { texts, count, offset: index * share } });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const polarity = { positive: 0, negative: 0, neutral: 0 };
  for (const result of results) for (const key of Object.keys(polarity) as (keyof typeof polarity)[]) polarity[key] += result.polarity[key] ?? 0;
  const analysed = polarity.positive + polarity.negative + polarity.neutral;
  if (analysed !== commentCount) throw new Error(`analysed ${analysed} comments, expected ${commentCount}`);
  report(
    `text analyse ${commentCount.toLocaleString('en-US')} comments`,
    Math.round(seconds * 10) / 10,
    's',
    120,
    `${workerCount} worker threads, each loading its own engine (counted); the ${texts.length} labelled comments cycled; ${Math.round(commentCount / seconds).toLocaleString('en-US')} comments/s; CPU time of the process ${cpuSeconds.toFixed(1)} s, i.e. ≈ ${(cpuSeconds / workerCount).toFixed(1)} s on ${workerCount} cores of its own; ${polarity.positive} positive, ${polarity.negative} negative, ${polarity.neutral} neutral`,
  );
}

measureLoad();
measureCheck();
await measureComments();
process.stdout.write(
  `machine: ${(await import('node:os')).cpus().length} cores, load average ${(await import('node:os'))
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')}, Node ${process.version}\n`,
);
process.exitCode = failed ? 1 : 0;
