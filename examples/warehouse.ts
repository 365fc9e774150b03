/**
 * `npx tsx examples/warehouse.ts [root] [--as-of YYYY-MM-DD]`: scores many stores in one
 * DuckDB run. `root` holds one folder per store (docs/files.md: `store.json` and one JSON
 * Lines file per collection); without it, 12 generated stores in two categories are written
 * to a scratch folder first.
 *
 * The numerators and denominators come from SQL (`jd-weather-vane/sql`: `sql/duckdb/metrics.sql`,
 * loaded by `sql/duckdb/load_jsonl.sql`); everything after is the library's own stages: each metric scored
 * against the other stores of its category (scoreMetric), the modules (scoreModules), the
 * composite, the 放心购 bonus and the total, then the standing from the ranking among the
 * category (computeStanding). See docs/warehouse.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  type AssuredService,
  computeStanding,
  defaultRuleSet,
  type Measurement,
  type MetricId,
  MODULE_IDS,
  type ModuleId,
  type Store,
  scoreStore,
} from 'jd-weather-vane';
import { writeStoreDir } from 'jd-weather-vane/node';
import {
  createTables,
  loadJsonlFolders,
  metricTallies,
  openDuckDb,
  resultFromTally,
  type SqlTally,
} from 'jd-weather-vane/sql';
import { generateStore } from '../bench/generate/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'as-of': { type: 'string', default: '2026-11-23' } },
});
const asOf = values['as-of'] as string;
const ruleSet = defaultRuleSet;

let root = positionals[0];
const scratch = root === undefined;
if (root === undefined) {
  root = mkdtempSync(join(tmpdir(), 'jwv-warehouse-'));
  for (let i = 0; i < 12; i++) {
    const raw = generateStore({
      seed: 100 + i,
      endDay: '2026-11-22',
      days: 120,
      ordersPerDay: 4 + i,
      storeId: `store-${String(i + 1).padStart(2, '0')}`,
    });
    const level2 = i % 2 === 0 ? '厨房小电' : '生活电器';
    await writeStoreDir(join(root, raw.store.id), {
      ...raw,
      store: { ...raw.store, category: { level1: '家用电器', level2 } },
    });
  }
}

// 1. SQL: load every store folder and compute every tally in one DuckDB run.
const started = performance.now();
const db = await openDuckDb();
const conn = db.connection;
await createTables(conn);
await loadJsonlFolders(conn, root);
const tallies = await metricTallies(conn, asOf, ruleSet);
const storeRows = (
  await conn.runAndReadAll('SELECT * FROM stores ORDER BY store_id')
).getRowObjects();
const serviceRows = (await conn.runAndReadAll('SELECT * FROM assured_services')).getRowObjects();
const sqlMs = performance.now() - started;
db.close();
if (scratch) rmSync(root, { recursive: true, force: true });

// 2. The library's stages, per category.
interface StoreFigures {
  readonly store: Store;
  readonly category: string;
  readonly metrics: Record<MetricId, Measurement<MetricId>>;
  readonly goodReviewRate: Measurement<'reviews.good-rate'>;
  readonly services: AssuredService[];
}
const figures = new Map<string, StoreFigures>();
for (const r of storeRows) {
  const id = r.store_id as string;
  const level1 = (r.category_level1 as string | null) ?? undefined;
  const level2 = (r.category_level2 as string | null) ?? undefined;
  figures.set(id, {
    store: { id, name: (r.name as string | null) ?? undefined, category: { level1, level2 } },
    category: level2 ?? '(none)',
    metrics: {} as Record<MetricId, Measurement<MetricId>>,
    goodReviewRate: undefined as unknown as Measurement<'reviews.good-rate'>,
    services: [],
  });
}
for (const t of tallies as SqlTally[]) {
  const f = figures.get(t.storeId) as StoreFigures;
  const result = resultFromTally(t, asOf, ruleSet);
  if (t.metricId === 'reviews.good-rate')
    (f as { goodReviewRate: Measurement }).goodReviewRate = result;
  else f.metrics[t.metricId] = result as Measurement<MetricId>;
}
for (const r of serviceRows) {
  const ms = (v: unknown) => (v === null ? undefined : Number(v as bigint));
  figures.get(r.store_id as string)?.services.push({
    service: r.service as AssuredService['service'],
    enabledAt: ms(r.enabled_at_ms) as number,
    disabledAt: ms(r.disabled_at_ms),
  });
}

const others = (f: StoreFigures) =>
  [...figures.values()].filter((o) => o.category === f.category && o.store.id !== f.store.id);

// Metric scores against the category's other stores, then modules, composite, bonus, total:
// the library's scorecard stage, fed with the SQL measurements.
const scored = [...figures.values()].map((f) => {
  const peerMetrics: Partial<Record<MetricId, number[]>> = {};
  for (const id of Object.keys(f.metrics) as MetricId[]) {
    peerMetrics[id] = others(f)
      .map((o) => o.metrics[id])
      .filter((m) => m.status === 'ok' && m.value !== null)
      .map((m) => (m.value as NonNullable<Measurement['value']>).toNumber());
  }
  const card = scoreStore({
    store: f.store,
    asOf,
    ruleSet,
    measurements: f.metrics,
    goodReviewRate: f.goodReviewRate,
    services: f.services,
    peers: { metrics: peerMetrics },
  });
  return { f, card };
});

// Standing: ranked by total among the category, module by module score.
console.log(
  `京东风向标 · ${scored.length} stores as of ${asOf} · SQL (load + all metrics) ${Math.round(sqlMs)} ms\n`,
);
console.log(
  'store      category  composite  total  ranking  stars  modules (consult/reviews/after-sales/logistics/disputes)',
);
for (const s of scored.sort((a, b) => (b.card.total ?? -1) - (a.card.total ?? -1))) {
  const peers = scored.filter((o) => o.f.category === s.f.category && o !== s);
  const peerModules = {} as Record<ModuleId, number[]>;
  for (const m of MODULE_IDS) {
    peerModules[m] = peers
      .map((p) => p.card.modules[m].score)
      .filter((x): x is number => x !== null);
  }
  // The monthly chat penalty reads the chat records themselves: not computed in SQL here, so
  // no chat figures are given (the penalty has nothing to assess).
  const standing = computeStanding(s.card, {
    ruleSet,
    peers: {
      category: s.f.category,
      composites: peers.map((p) => p.card.total).filter((x): x is number => x !== null),
      modules: peerModules,
    },
  });
  const rate = standing.rankingRate === null ? '—' : `${(standing.rankingRate * 100).toFixed(1)}%`;
  console.log(
    [
      s.f.store.id.padEnd(10),
      s.f.category.padEnd(8),
      String(s.card.composite ?? '—').padStart(9),
      String(s.card.total ?? '—').padStart(6),
      rate.padStart(8),
      String(standing.stars ?? '—').padStart(6),
      ` ${MODULE_IDS.map((m) => s.card.modules[m].score ?? '—').join(' / ')}`,
    ].join(' '),
  );
}
