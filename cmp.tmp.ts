import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { parseStoreData } from './src/schemas/parse.js';
import { evaluateStore } from './src/scorecard/evaluateStore.js';
import { createTables, loadStores, metricTallies } from './sql/duckdb.js';
import { Dec } from './src/decimal.js';
const d = parseStoreData(JSON.parse(readFileSync('examples/sample-store.json', 'utf8')));
const inst = await DuckDBInstance.create(':memory:');
const conn = await inst.connect();
await createTables(conn);
await loadStores(conn, [d]);
const FACTOR: Record<string, number> = { seconds: 1000, hours: 3600000, yuan: 100 };
for (const asOf of ['2026-11-23', '2026-09-01', '2026-07-15']) {
  const t0 = Date.now();
  const rows = await metricTallies(conn, asOf);
  const card = evaluateStore(d, { asOf });
  console.log(asOf, Date.now() - t0, 'ms');
  for (const r of rows) {
    const m = card.metrics[r.metricId];
    const unit = m.unit;
    const f = r.metricId === 'consultation.facilitated-amount-share' ? 100 : (FACTOR[unit] ?? 1);
    const ln = Dec(String(m.numerator ?? 0)).times(f).toSignificantDigits(30).toString();
    const ld = Dec(String(m.denominator ?? 0)).times(r.metricId === 'consultation.facilitated-amount-share' ? 100 : 1).toString();
    const ok = ln === String(r.numerator) && ld === String(r.denominator);
    if (!ok) console.log('  DIFF', r.metricId, 'lib', ln, ld, 'sql', String(r.numerator), String(r.denominator));
  }
}
