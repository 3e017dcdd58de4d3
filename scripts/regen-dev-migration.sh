#!/usr/bin/env bash
# While several people change the schema before a commit: drop the migrations not yet committed and
# generate one from the committed state, so parallel edits end up in a single new migration.
set -euo pipefail
cd "$(dirname "$0")/../packages/db"
git ls-files --others --exclude-standard migrations | xargs -r rm -f
git checkout -- migrations/meta/_journal.json
npx drizzle-kit generate --name "${1:-work_in_progress}"
