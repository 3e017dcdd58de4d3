#!/usr/bin/env node
// The `manyi` command. Production runs the compiled JavaScript (`npm run build` writes dist/);
// a development checkout without a build runs the TypeScript sources through tsx's loader.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
