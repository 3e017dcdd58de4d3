// Compiles the server and the `manyi` command to JavaScript in apps/server/dist, so production runs
// plain Node (no TypeScript loader). The workspace packages (@manyi/*, TypeScript sources) are
// bundled in; every other package stays an import from node_modules. Code splitting keeps each
// command's code in its own chunk, loaded only when that command runs (`manyi --help` loads none).
import { relative, dirname, join } from 'node:path';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
// `--outdir <dir>` for the test that times the compiled command without touching dist/.
const outArg = process.argv.indexOf('--outdir');
const outdir = outArg > 0 ? process.argv[outArg + 1] : join(root, 'dist');

/** Bundled files find their neighbours (migrations, web/dist, text data) from where their source was, not from dist/. */
const sourceUrls = {
  name: 'source-urls',
  setup(context) {
    context.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const fromDist = relative(outdir, args.path).split('\\').join('/');
      return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`), loader: 'ts' };
    });
  },
};

/** Packages from npm stay external; the workspace's own are compiled in. */
const externalPackages = {
  name: 'external-packages',
  setup(context) {
    context.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@manyi/') ? undefined : { path: args.path, external: true }));
  },
};

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: join(root, 'src/cli.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: true,
  // Chunks beside cli.js: the source-urls paths are relative to this one folder.
  chunkNames: '[name]-[hash]',
  plugins: [sourceUrls, externalPackages],
  logLevel: 'warning',
});
process.stdout.write(`server and CLI compiled to ${relative(process.cwd(), outdir) || '.'}\n`);
