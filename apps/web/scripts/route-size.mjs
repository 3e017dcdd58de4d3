// What one route downloads: the entry chunk, the lazy chunks of the given page modules, and
// everything they import statically, summed raw and gzipped from the build manifest.
// Usage (from apps/web): npm run size -- src/owner/OwnerLoginPage.tsx
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
const pages = process.argv.slice(2);
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const unknown = pages.filter((page) => !manifest[page]);
if (!entry || unknown.length > 0) throw new Error(`not in the manifest: ${unknown.join(', ') || 'an entry'}`);

const chunks = new Set();
const visit = (key) => {
  if (chunks.has(key)) return;
  chunks.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
[entry, ...pages].forEach(visit);

const files = new Set([...chunks].flatMap((key) => [manifest[key].file, ...(manifest[key].css ?? [])]));
const sizes = [...files].map((file) => {
  const bytes = readFileSync(join(dist, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
});
sizes.sort((left, right) => right.gzip - left.gzip);
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`.padStart(9);
for (const { file, raw, gzip } of sizes) console.log(`${kB(raw)} ${kB(gzip)} gzip  ${file}`);
const total = (field) => sizes.reduce((sum, size) => sum + size[field], 0);
console.log(`${kB(total('raw'))} ${kB(total('gzip'))} gzip  total of ${sizes.length} files for ${pages.join(' + ') || 'the entry alone'}`);
