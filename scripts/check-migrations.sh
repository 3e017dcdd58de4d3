#!/usr/bin/env bash
# Fails when the Drizzle schema has changes that no committed migration contains (STYLE: stale generated files fail CI).
set -euo pipefail
cd "$(dirname "$0")/../packages/db"
scratch=.migrations-check
rm -rf "$scratch"; mkdir -p "$scratch"; trap 'rm -rf "$scratch"' EXIT
cp -r migrations/. "$scratch/"
before=$(find "$scratch" -type f | wc -l)
npx drizzle-kit generate --dialect postgresql --schema ./src/schema/index.ts --out "$scratch" >/dev/null
after=$(find "$scratch" -type f | wc -l)
if [ "$before" != "$after" ]; then
  echo "packages/db: the schema changed but no migration was generated; run 'npm run generate -w @manyi/db' and commit it" >&2
  exit 1
fi
echo "migrations are up to date with the schema"
