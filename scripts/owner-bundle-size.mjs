// Every page of the owner's light entries stays at or under 150 KB of gzipped JavaScript (issue 4 §4 for the
// answering page, issue 15 §5 for the owner's phone pages). For each entry HTML named below, a page is the
// entry's own scripts (its script tag and everything it imports statically) plus one of the entry's lazy
// chunks (a route, `import()`) with its static imports: what a phone downloads to show that page. Pages are
// found in the build manifest, so a new lazy route in src/owner/main.tsx is measured without listing it here.
// Run after `vite build` (the build writes .vite/manifest.json):
//   node scripts/owner-bundle-size.mjs [dist folder] [--json]   → exits 1 when a page is over budget.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const budgetKb = 150;
/** The light entries: every page of each is budgeted. */
export const lightEntries = ['owner.html', 'answer.html'];

/** The manifest keys a chunk pulls in statically, itself included. */
function staticClosure(manifest, key, into = new Set()) {
  if (into.has(key)) return into;
  into.add(key);
  for (const imported of manifest[key]?.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

/** [{ entry, page, kb }] for every page of every light entry, gzipped at level 9. */
export function lightPages(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
  const gzipKb = new Map();
  const size = (keys) =>
    [...keys].reduce((sum, key) => {
      const file = manifest[key].file;
      if (!gzipKb.has(file)) gzipKb.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024);
      return sum + gzipKb.get(file);
    }, 0);
  const pages = [];
  for (const entry of lightEntries) {
    if (!manifest[entry]) throw new Error(`${entry} is not in the build manifest: was it built?`);
    const shell = staticClosure(manifest, entry);
    const lazy = manifest[entry].dynamicImports ?? [];
    if (lazy.length === 0) pages.push({ entry, page: entry, kb: size(shell) });
    for (const key of lazy) {
      const keys = new Set(shell);
      staticClosure(manifest, key, keys);
      pages.push({ entry, page: manifest[key].name ?? key, kb: size(keys) });
    }
  }
  return pages;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const args = process.argv.slice(2);
  const dist = args.find((arg) => !arg.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '../apps/web/dist');
  if (!existsSync(join(dist, '.vite/manifest.json'))) {
    console.error(`no ${join(dist, '.vite/manifest.json')}: run npm run build first`);
    process.exit(2);
  }
  const pages = lightPages(dist);
  if (args.includes('--json')) console.log(JSON.stringify(pages));
  else
    for (const { entry, page, kb } of pages)
      console.log(`${entry} ${page}: ${kb.toFixed(1)} KB gzip JS (budget ${budgetKb} KB)${kb > budgetKb ? ' OVER BUDGET' : ''}`);
  if (pages.some((page) => page.kb > budgetKb)) process.exit(1);
}
