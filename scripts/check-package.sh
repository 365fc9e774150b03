#!/usr/bin/env bash
# Builds nothing: checks the built package the way users install it. Packs the tarball, runs
# publint and attw on it, then installs it into a scratch project and imports it from ESM and CJS.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .tmp/pack && mkdir -p .tmp/pack
tarball=$(npm pack --silent --pack-destination .tmp/pack | tail -n 1)
tarball=".tmp/pack/$tarball"
echo "packed $tarball ($(wc -c < "$tarball") bytes)"
npx publint run "$tarball" --strict
npx attw "$tarball" --profile node16
scratch=.tmp/pack/scratch
mkdir -p "$scratch"
cat > "$scratch/package.json" <<'JSON'
{ "name": "scratch", "private": true, "version": "0.0.0" }
JSON
# Install the tarball with its dependencies (zod is a peer dependency: install it too).
(cd "$scratch" && npm install --no-audit --no-fund --silent "../$(basename "$tarball")" zod@4 >/dev/null)
cat > "$scratch/esm.mjs" <<'JS'
import { evaluateStore, parseStoreData, metricCatalogue } from 'jd-weather-vane';
const data = parseStoreData({ store: { id: 's' }, orders: [{ id: 'o1', customerId: 'c', placedAt: '2026-11-01 10:00:00', paidAt: '2026-11-01 10:01:00', amount: '9.90' }] });
const card = evaluateStore(data, { asOf: '2026-11-23' });
if (metricCatalogue.length !== 19 || !card.metrics['disputes.dispute-rate']) throw new Error('ESM import broken');
console.log('ESM import ok:', card.metrics['disputes.dispute-rate'].value?.toString());
JS
cat > "$scratch/cjs.cjs" <<'JS'
const { evaluateStore, parseStoreData, metricCatalogue } = require('jd-weather-vane');
const data = parseStoreData({ store: { id: 's' } });
const card = evaluateStore(data, { asOf: '2026-11-23' });
if (metricCatalogue.length !== 19 || card.metrics['reviews.negative-rate'].status !== 'no-data') throw new Error('CJS require broken');
console.log('CJS require ok:', card.metrics['reviews.negative-rate'].status);
JS
cat > "$scratch/node-esm.mjs" <<'JS'
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoreDir, writeStoreDir } from 'jd-weather-vane/node';
const dir = join(mkdtempSync(join(tmpdir(), 'jwv-')), 's');
await writeStoreDir(dir, { store: { id: 's' }, orders: [{ id: 'o1', customerId: 'c', placedAt: '2026-11-01 10:00:00', amount: '9.90' }] });
const data = await readStoreDir(dir);
if (data.orders[0].amountFen !== 990) throw new Error('ESM import of jd-weather-vane/node broken');
console.log('ESM import of jd-weather-vane/node ok');
JS
cat > "$scratch/node-cjs.cjs" <<'JS'
const { readStoreDir } = require('jd-weather-vane/node');
readStoreDir('no-such-folder').then(
  () => { throw new Error('expected a rejection'); },
  (e) => { if (e.code !== 'invalid_argument') throw e; console.log('CJS require of jd-weather-vane/node ok'); },
);
JS
(cd "$scratch" && node esm.mjs && node cjs.cjs && node node-esm.mjs && node node-cjs.cjs)
# The main entry must not need Node built-ins (the Node-only entry holds them).
if grep -qE "from ['\"]node:|require\(['\"]node:" dist/index.js dist/index.cjs; then echo "dist/index imports a Node built-in" >&2; exit 1; fi
if [ -f dist/cli.js ]; then (cd "$scratch" && npx --no-install jd-weather-vane --help >/dev/null && echo "CLI bin ok"); fi
