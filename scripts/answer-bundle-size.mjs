// The owner's answering page must stay at or under 150 KB of gzipped JavaScript (issue 4 §4).
// Sums every JS chunk answer.html loads: its entry script and modulepreloads, then every chunk those
// import, statically or dynamically (counted as loaded, to be safe). Run after `npm run build`:
//   node scripts/answer-bundle-size.mjs [dist folder]   → exits 1 when over budget.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const budgetKb = 150;

/** Files (relative to dist) and gzipped sizes of every JavaScript chunk the answering page loads. */
export function answerPageChunks(dist) {
  const html = readFileSync(join(dist, 'answer.html'), 'utf8');
  const queue = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((match) => match[1]);
  if (queue.length === 0) throw new Error('answer.html loads no script: was it built?');
  const seen = new Map();
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    const code = readFileSync(join(dist, file));
    seen.set(file, gzipSync(code, { level: 9 }).length);
    const text = code.toString('utf8');
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) {
      queue.push(posix.normalize(posix.join(posix.dirname(file), match[1])));
    }
  }
  return [...seen].map(([file, gzip]) => ({ file, gzip })).sort((left, right) => right.gzip - left.gzip);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const dist = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '../apps/web/dist');
  if (!existsSync(join(dist, 'answer.html'))) {
    console.error(`no ${join(dist, 'answer.html')}: run npm run build first`);
    process.exit(2);
  }
  const chunks = answerPageChunks(dist);
  for (const chunk of chunks) console.log(`${(chunk.gzip / 1024).toFixed(1).padStart(7)} KB gzip  ${chunk.file}`);
  const totalKb = chunks.reduce((sum, chunk) => sum + chunk.gzip, 0) / 1024;
  console.log(`answer page JS: ${totalKb.toFixed(1)} KB gzip (budget ${budgetKb} KB)`);
  if (totalKb > budgetKb) process.exit(1);
}
