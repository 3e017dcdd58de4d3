// The owner's phone pages (issue 15 §5) are budgeted at 150 KB of gzipped JavaScript each, like the
// answering page (scripts/answer-bundle-size.mjs). A page downloads the console entry's scripts, its
// own lazy chunk and everything those import statically; dynamic imports (other pages) are not
// downloaded until visited, so they are not counted. Run after `npm run build`:
//   node scripts/owner-bundle-size.mjs [dist folder] [--strict]   → with --strict, exits 1 when a page is over budget.
// Without --strict it reports only: the owner pages still share the console's antd bundle (issue 15 §5 open).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const budgetKb = 150;
export const ownerPages = ['OwnerLoginPage', 'OwnerInvitePage', 'OwnerHomePage', 'OwnerTicketsPage', 'OwnerTicketNewPage', 'OwnerTicketPage'];

const staticImports = (text) => [...text.matchAll(/(?:\bfrom\s*|\bimport\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)].map((match) => match[1]);

/** Gzipped sizes of the JS a page downloads: the entry, then the page chunk, with their static imports. */
export function pageChunks(dist, page) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((match) => match[1]);
  const pageChunk = readdirSync(join(dist, 'assets')).find((file) => file.startsWith(`${page}-`) && file.endsWith('.js'));
  if (!pageChunk) throw new Error(`no chunk for ${page}: was it built?`);
  queue.push(`assets/${pageChunk}`);
  const seen = new Map();
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    const code = readFileSync(join(dist, file));
    seen.set(file, gzipSync(code, { level: 9 }).length);
    for (const relative of staticImports(code.toString('utf8'))) queue.push(posix.normalize(posix.join(posix.dirname(file), relative)));
  }
  return [...seen.values()].reduce((sum, size) => sum + size, 0) / 1024;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  const strict = args.includes('--strict');
  const dist = args.find((arg) => !arg.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '../apps/web/dist');
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`no ${join(dist, 'index.html')}: run npm run build first`);
    process.exit(2);
  }
  let over = 0;
  for (const page of ownerPages) {
    const kb = pageChunks(dist, page);
    if (kb > budgetKb) over += 1;
    console.log(`owner page ${page}: ${kb.toFixed(1)} KB gzip JS (budget ${budgetKb} KB)${kb > budgetKb ? ' OVER BUDGET' : ''}`);
  }
  if (strict && over > 0) process.exit(1);
}
