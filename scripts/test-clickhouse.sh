#!/usr/bin/env bash
# `npm run test:clickhouse`: installs the pinned chDB (ClickHouse in process, ~540 MB) into its
# own folder, .tmp/chdb/, kept out of the project's node_modules so that `npm install` stays
# light, then runs the ClickHouse equality test (vitest.clickhouse.config.ts), which loads chdb
# from there. Where chdb cannot be installed, the test runs anyway and fails: it never skips.
set -uo pipefail
cd "$(dirname "$0")/.."
CHDB_VERSION=3.4.0
dir=.tmp/chdb
if [ "$(node -p "try { require('./$dir/node_modules/chdb/package.json').version } catch { '' }" 2>/dev/null)" != "$CHDB_VERSION" ]; then
  mkdir -p "$dir"
  [ -f "$dir/package.json" ] || echo '{ "name": "jwv-chdb", "private": true }' > "$dir/package.json"
  npm install --prefix "$dir" --no-audit --no-fund --no-save "chdb@$CHDB_VERSION" \
    || echo "could not install chdb@$CHDB_VERSION: the ClickHouse test will fail" >&2
fi
TZ=America/Los_Angeles npx vitest run --config vitest.clickhouse.config.ts
