// `manyi --help` start-up (issue 14 §10: ≤ 1 s; 8.6 s when every command's code loaded through tsx).
// Builds the compiled command first (npm run build -w @manyi/server), then times fresh processes.
// Run: npx tsx bench/cli-help.ts
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const server = join(import.meta.dirname, '../apps/server');
execFileSync(process.execPath, [join(server, 'scripts/build.mjs')], { stdio: 'inherit' });
const times: number[] = [];
for (let round = 0; round < 7; round += 1) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(server, 'bin/manyi.js'), '--help'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;
process.stdout.write(
  `manyi --help (compiled, fresh process, median of ${times.length}): ${median.toFixed(0)} ms (budget 1000 ms; ${median <= 1000 ? 'met' : 'FAIL'}; min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms)\n`,
);
