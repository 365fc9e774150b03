#!/usr/bin/env bash
# Builds nothing: checks the built package the way users install it. Packs the tarball, runs
# publint and attw on it, then installs it into a scratch project outside the repository and
# imports it from ESM and CJS (the SQL entry too, running DuckDB), checks that errors and parsed data are recognised across the two
# copies, runs and typechecks the README's examples (and the input guide's ERP mapping) as
# written, runs the CLI on the shipped samples, and checks that no packaged file names a file
# the repository does not have.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .tmp/pack && mkdir -p .tmp/pack
# Pack as from a fresh clone: no dist/ before `npm pack`, whose prepack builds it.
rm -rf dist
tarball=$(npm pack --silent --pack-destination .tmp/pack | tail -n 1)
tarball=".tmp/pack/$tarball"
echo "packed $tarball ($(wc -c < "$tarball") bytes)"
npx publint run "$tarball" --strict
npx attw "$tarball" --profile node16
repo=$(pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/jwv-consumer-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cat > "$scratch/package.json" <<'JSON'
{ "name": "scratch", "private": true, "version": "0.0.0" }
JSON
# Install the tarball with its dependencies (zod is a peer dependency: install it too; and
# @duckdb/node-api, the optional peer dependency of jd-weather-vane/sql's DuckDB runner).
(cd "$scratch" && npm install --no-audit --no-fund --silent "$repo/$tarball" zod@4 \
  @duckdb/node-api@1.5.6-r.1 >/dev/null)
pkg="$scratch/node_modules/jd-weather-vane"
# readStoreDir's worker threads start from these (beside node.js and cli.js); without them a
# folder would silently be read in one thread.
for f in dist/read-worker.js dist/read-worker.cjs; do
  test -f "$pkg/$f" || { echo "the package lacks $f" >&2; exit 1; }
done
for f in README.md README.zh-CN.md CHANGELOG.md docs/input.md docs/metrics.md docs/scoring.md docs/sources.md \
  docs/windows-and-time.md docs/performance.md docs/zh-CN/input.md docs/zh-CN/daily-routine.md \
  docs/api/README.md docs/warehouse.md examples/sample-store.json examples/sample-peers.json \
  sql/duckdb/metrics.sql sql/clickhouse/metrics.sql; do
  [ -f "$pkg/$f" ] || { echo "the package lacks $f (a README link or example needs it)"; exit 1; }
done
node scripts/check-names.mjs "$pkg"
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
cat > "$scratch/copies.mjs" <<'JS'
// The ESM and CJS copies of the library in one process recognise each other's errors and data.
import { createRequire } from 'node:module';
import * as esm from 'jd-weather-vane';
const cjs = createRequire(import.meta.url)('jd-weather-vane');
if (esm.InvalidInputError === cjs.InvalidInputError) throw new Error('expected two copies');
let caught;
try { cjs.parseStoreData({ store: {} }); } catch (e) { caught = e; }
if (!(caught instanceof esm.InvalidInputError) || !esm.isInvalidInputError(caught) || !(caught instanceof esm.WeatherVaneError))
  throw new Error('an InvalidInputError of the CJS copy is not recognised by the ESM copy');
const card = esm.evaluateStore(cjs.parseStoreData({ store: { id: 's' } }), { asOf: '2026-11-23' });
if (card.composite !== null) throw new Error('data parsed by the CJS copy not evaluated by the ESM copy');
console.log('ESM and CJS copies recognise each other: ok');
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
// Worker threads start from the package's dist/read-worker.js, and the columns they give are
// read by the core entry (its own copy of the module): nothing built as arrays.
const { evaluateStore } = await import('jd-weather-vane');
const threaded = await readStoreDir(dir, { threads: 2 });
const card = evaluateStore(threaded, { asOf: '2026-11-23' });
if (Object.getOwnPropertyDescriptor(threaded, 'orders').get === undefined)
  throw new Error('evaluateStore built the columns of a store read by jd-weather-vane/node');
if (JSON.stringify(card) !== JSON.stringify(evaluateStore(data, { asOf: '2026-11-23' })))
  throw new Error('a store read on worker threads scores differently');
if (threaded.orders[0].amountFen !== 990) throw new Error('worker threads of jd-weather-vane/node broken');
console.log('ESM import of jd-weather-vane/node ok, on worker threads too');
JS
cat > "$scratch/node-cjs.cjs" <<'JS'
const { readStoreDir, writeStoreDir } = require('jd-weather-vane/node');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
readStoreDir('no-such-folder').then(
  () => { throw new Error('expected a rejection'); },
  async (e) => {
    if (e.code !== 'invalid_argument') throw e;
    // Worker threads start from dist/read-worker.cjs.
    const dir = join(mkdtempSync(join(tmpdir(), 'jwv-')), 's');
    await writeStoreDir(dir, { store: { id: 's' }, orders: [{ id: 'o1', customerId: 'c', placedAt: '2026-11-01 10:00:00', amount: '9.90' }] });
    const data = await readStoreDir(dir, { threads: 2 });
    if (data.orders[0].amountFen !== 990) throw new Error('worker threads of the CJS jd-weather-vane/node broken');
    console.log('CJS require of jd-weather-vane/node ok, on worker threads too');
  },
);
JS
cat > "$scratch/sql-esm.mjs" <<'JS'
// The SQL path from the installed package: store folders → DuckDB → the library's numbers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateStore, parseStoreData } from 'jd-weather-vane';
import { writeStoreDir } from 'jd-weather-vane/node';
import { createTables, loadJsonlFolders, metricTallies, openDuckDb, resultFromTally } from 'jd-weather-vane/sql';
const root = mkdtempSync(join(tmpdir(), 'jwv-sql-'));
const raw = { store: { id: 's1' }, orders: [{ id: 'o1', customerId: 'c', placedAt: '2026-11-01 10:00:00', paidAt: '2026-11-01 10:01:00', amount: '9.90' }],
  reviews: [{ id: 'r1', customerId: 'c', createdAt: '2026-11-20 09:00:00', stars: 1 }, { id: 'r2', customerId: 'd', createdAt: '2026-11-21 09:00:00', stars: 5 }],
  // Every collection given: SQL measures what is loaded and cannot tell one not provided from an empty one.
  chatSessions: [], serviceOrders: [], disputes: [], assuredServices: [] };
await writeStoreDir(join(root, 's1'), raw);
const db = await openDuckDb();
await createTables(db.connection);
await loadJsonlFolders(db.connection, root);
const tallies = await metricTallies(db.connection, '2026-11-23');
db.close();
const card = evaluateStore(parseStoreData(raw), { asOf: '2026-11-23' });
if (tallies.length !== 20) throw new Error(`expected 20 tallies, found ${tallies.length}`);
for (const t of tallies) {
  const m = t.metricId === 'reviews.good-rate' ? card.goodReviewRate : card.metrics[t.metricId];
  const r = resultFromTally(t, '2026-11-23');
  // Numerator and denominator of every metric are equal; the facilitated share's status rests on
  // its consultations, which the SQL does not tally (docs/warehouse.md), so only its sums compare.
  if (String(r.numerator) !== String(m.numerator) || String(r.denominator) !== String(m.denominator))
    throw new Error(`${t.metricId}: SQL ${r.numerator}/${r.denominator}, library ${m.numerator}/${m.denominator}`);
  if (t.metricId === 'consultation.facilitated-amount-share') continue;
  if (String(r.value) !== String(m.value) || r.status !== m.status) throw new Error(`${t.metricId}: SQL ${r.value}, library ${m.value}`);
}
console.log('jd-weather-vane/sql runs DuckDB from the installed package: 20 tallies = library');
JS
cat > "$scratch/sql-cjs.cjs" <<'JS'
const { sqlScripts, sqlStatements, openDuckDb } = require('jd-weather-vane/sql');
if (sqlStatements(sqlScripts.clickhouse.metrics).length < 10 || typeof openDuckDb !== 'function') throw new Error('CJS require of jd-weather-vane/sql broken');
console.log('CJS require of jd-weather-vane/sql ok');
JS
cat > "$scratch/report-esm.mjs" <<'JS'
import { parseStoreData } from 'jd-weather-vane';
import { prepareReport, renderReport } from 'jd-weather-vane/report';
const html = renderReport(prepareReport(parseStoreData({ store: { id: 's', name: '<b>' } }), { asOf: '2026-11-23', days: 2 }));
if (!html.startsWith('<!doctype html>') || !html.includes('&lt;b&gt;') || !html.includes('echarts')) throw new Error('ESM import of jd-weather-vane/report broken');
console.log(`ESM import of jd-weather-vane/report ok (${html.length} characters)`);
JS
cat > "$scratch/report-cjs.cjs" <<'JS'
const { parseStoreData } = require('jd-weather-vane');
const { prepareReport, renderReport } = require('jd-weather-vane/report');
const html = renderReport(prepareReport(parseStoreData({ store: { id: 's' } }), { asOf: '2026-11-23', days: 2 }), { lang: 'en' });
if (!html.includes('<html lang="en">')) throw new Error('CJS require of jd-weather-vane/report broken');
console.log('CJS require of jd-weather-vane/report ok');
JS
(cd "$scratch" && node esm.mjs && node cjs.cjs && node copies.mjs && node node-esm.mjs && node node-cjs.cjs \
  && node sql-esm.mjs && node sql-cjs.cjs && node report-esm.mjs && node report-cjs.cjs)
# The main entry never loads the SQL path's optional peer dependency.
if grep -q "duckdb" dist/index.js dist/index.cjs; then echo "dist/index names @duckdb/node-api" >&2; exit 1; fi
# The main entry and the report's must not need Node built-ins (the Node-only entry holds them):
# an ISV serves the report from wherever it runs.
for f in dist/index.js dist/index.cjs dist/report.js dist/report.cjs; do
  if grep -qE "from ['\"]node:|require\(['\"]node:" "$f"; then echo "$f imports a Node built-in" >&2; exit 1; fi
done
# The READMEs' TypeScript examples, and the input guides' ERP mapping, as written.
node - "$pkg" "$scratch" <<'JS'
const { readFileSync, writeFileSync } = require('node:fs');
const [pkg, scratch] = process.argv.slice(2);
const blocks = (file) => [...readFileSync(`${pkg}/${file}`, 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const readme = [...blocks('README.md'), ...blocks('README.zh-CN.md')];
if (readme.length < 3) throw new Error('expected the READMEs to have their TypeScript examples');
readme.forEach((b, i) => writeFileSync(`${scratch}/readme-${i + 1}.mts`, b));
// To run them, each `expression; //=> literal` line also checks its result: a quoted string or a
// number (ending in … : a prefix), or an object or array literal (deep equality); a description
// that is not a literal is not checked.
const CHECK = `import { isDeepStrictEqual as __eq } from 'node:util';
const __check = (line: string, got: unknown, literal: string) => {
  const prefix = /^'([^']*)…'/.exec(literal) ?? /^(-?[0-9.]+)…/.exec(literal);
  if (prefix) { if (!String(got).startsWith(prefix[1] as string)) throw new Error(\`\${line}: got \${String(got)}\`); return 1; }
  const exact = /^('[^'…]*'|-?[0-9.]+|null|true|false)(?:\\s|$)/.exec(literal);
  const source = exact ? exact[1] : literal.replace(/\\s+\\(.*\\)$/, '');
  let want: unknown;
  try { want = new Function(\`return (\${source});\`)(); } catch { return 0; }
  if (!__eq(got, want) && !(typeof got === 'object' && got !== null && __eq(JSON.parse(JSON.stringify(got)), want)))
    throw new Error(\`\${line}: got \${JSON.stringify(got)}, the README says \${source}\`);
  return 1;
};
let __checked = 0;
`;
readme.forEach((b, i) => {
  const run = b.split('\n').map((line) => {
    const m = /^([^/]+?);\s*\/\/=> (.+)$/.exec(line);
    return m ? `__checked += __check(${JSON.stringify(m[1].trim())}, ${m[1]}, ${JSON.stringify(m[2])});` : line;
  });
  const body = run.join('\n');
  // Imports stay first.
  const imports = body.split('\n').filter((l) => l.startsWith('import ')).join('\n');
  const rest = body.split('\n').filter((l) => !l.startsWith('import ')).join('\n');
  writeFileSync(`${scratch}/run-readme-${i + 1}.mts`, `${imports}\n${CHECK}${rest}\nconsole.log(\`\${__checked} results as the README says\`);\n`);
});
for (const [page, out] of [['docs/input.md', 'input-erp.mts'], ['docs/zh-CN/input.md', 'input-erp-zh.mts']]) {
  const erp = blocks(page).filter((b) => b.includes('orderRows'));
  if (erp.length !== 1) throw new Error(`expected the ERP mapping in ${page}`);
  writeFileSync(`${scratch}/${out}`, `${erp[0]}\nconsole.log(evaluateStore(data, { asOf: '2026-11-23' }).metrics['logistics.next-day-arrival-rate'].value?.toString());\n`);
}
JS
cat > "$scratch/tsconfig.json" <<JSON
{ "compilerOptions": { "target": "ES2022", "module": "NodeNext", "moduleResolution": "NodeNext",
  "strict": true, "exactOptionalPropertyTypes": true, "noUncheckedIndexedAccess": true,
  "noEmit": true, "skipLibCheck": true, "allowUnusedLabels": false,
  "typeRoots": ["$repo/node_modules/@types"], "types": ["node"] }, "include": ["readme-*.mts", "input-*.mts"] }
JSON
(cd "$scratch" && "$repo/node_modules/.bin/tsc" -p tsconfig.json && echo "README examples typecheck against the installed types")
# Declarations named by source file, never a hashed chunk; what an editor shows on hovering an
# import is the named declaration with its documentation, from ESM and CJS alike.
if find "$pkg/dist" -name '*.d.*ts' | grep -E -- '-[A-Za-z0-9_-]{8}\.d\.c?ts$'; then
  echo "the package has a hashed declaration chunk" >&2; exit 1
fi
cat > "$scratch/hover.mts" <<'TS'
import { parseStoreData, type StoreDataInput } from 'jd-weather-vane';
import { readStoreDir } from 'jd-weather-vane/node';
export const x: StoreDataInput = { store: { id: 's' } };
export const y = [parseStoreData, readStoreDir];
TS
cat > "$scratch/hover.cts" <<'TS'
import { parseStoreData, type StoreDataInput } from 'jd-weather-vane';
export const x: StoreDataInput = { store: { id: 's' } };
export const y = parseStoreData;
TS
(cd "$scratch" && NODE_PATH="$repo/node_modules" node - <<'JS'
const ts = require('typescript');
const options = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022, strict: true, noEmit: true, skipLibCheck: true, types: [] };
const files = ['hover.mts', 'hover.cts'];
const host = ts.createCompilerHost(options);
const service = ts.createLanguageService({
  getScriptFileNames: () => files, getScriptVersion: () => '1',
  getScriptSnapshot: (f) => (ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(f)) : undefined),
  getCurrentDirectory: () => process.cwd(), getCompilationSettings: () => options,
  getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o), fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile, readDirectory: ts.sys.readDirectory, directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
});
const hover = (file, name, nth = 0) => {
  const text = ts.sys.readFile(file);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(name, at + 1);
  const info = service.getQuickInfoAtPosition(file, at);
  const def = service.getDefinitionAtPosition(file, at)?.[0];
  return { shown: ts.displayPartsToString(info?.displayParts), docs: ts.displayPartsToString(info?.documentation), at: def?.fileName ?? '' };
};
for (const file of files) {
  const errors = service.getSemanticDiagnostics(file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  if (errors.length > 0) throw new Error(`${file}: ${errors.join('; ')}`);
  const fn = hover(file, 'parseStoreData', 1);
  const type = hover(file, 'StoreDataInput', 1);
  const field = hover(file, 'store:', 0);
  const folder = file.endsWith('.cts') ? 'types-cjs' : 'types';
  if (!fn.at.endsWith(`dist/${folder}/schemas/parse.d.ts`) || !/StoreData\b/.test(fn.shown) || fn.docs === '')
    throw new Error(`${file}: parseStoreData shows ${JSON.stringify(fn)}`);
  if (!type.at.endsWith(`dist/${folder}/schemas/storeData.d.ts`) || !/\binterface StoreDataInput\b/.test(type.shown) || type.docs === '')
    throw new Error(`${file}: StoreDataInput shows ${JSON.stringify(type)}`);
  if (!/StoreInput/.test(field.shown) || field.docs === '')
    throw new Error(`${file}: StoreDataInput.store shows ${JSON.stringify(field)}`);
  console.log(`${file}: hovering shows ${fn.shown.split('\n')[0]} and ${type.shown.split('\n')[0]}, each with its documentation`);
}
JS
)
for i in $(seq 1 "$(ls "$scratch"/readme-*.mts | wc -l)"); do
  out=$(cd "$scratch" && "$repo/node_modules/.bin/tsx" "run-readme-$i.mts")
  echo "README example $i: $out"
done
for page in input zh-CN/input; do
  erp=$(cd "$scratch" && "$repo/node_modules/.bin/tsx" "input-erp$([ "$page" = input ] || echo -zh).mts")
  [ "$erp" = "1" ] || { echo "docs/$page.md's ERP mapping gave $erp, expected 1"; exit 1; }
  echo "docs/$page.md's ERP mapping runs: next-day arrival rate $erp"
done
(cd "$scratch" && npx --no-install jd-weather-vane --version >/dev/null \
  && npx --no-install jd-weather-vane score node_modules/jd-weather-vane/examples/sample-store.json \
     --as-of 2026-11-23 --peers node_modules/jd-weather-vane/examples/sample-peers.json >/dev/null \
  && echo "CLI runs on the shipped samples")

