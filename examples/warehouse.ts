/**
 * `npx tsx examples/warehouse.ts [root] [--as-of YYYY-MM-DD]`: scores many stores in one
 * DuckDB run. `root` holds one folder per store (docs/files.md: `store.json` and one JSON
 * Lines file per collection); without it, 12 generated stores in two categories are written
 * to a scratch folder first.
 *
 * The numerators and denominators come from SQL (`sql/metrics.sql`, loaded by
 * `sql/load_jsonl.sql`); everything after is the library's own stages: each metric scored
 * against the other stores of its category (scoreMetric), the modules (scoreModules), the
 * composite, the 放心购 bonus and the total, then the standing from the ranking among the
 * category (computeStanding). See docs/warehouse.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { generateStore } from '../bench/generate/index.js';
import {
  createTables,
  loadJsonlFolders,
  metricTallies,
  resultFromTally,
  type SqlTally,
} from '../sql/duckdb.js';
import {
  type AssuredService,
  assuredBonus,
  compositeOf,
  computeStanding,
  defaultRuleSet,
  type MetricId,
  type MetricResult,
  MODULE_IDS,
  type ModuleId,
  parseDayKey,
  parseStoreData,
  type ScoreMethod,
  type Store,
  scoreMetric,
  scoreModules,
  totalScore,
} from '../src/index.js';
import { writeStoreDir } from '../src/node/index.js';
import { asOfInstant } from '../src/time/window.js';

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
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
await createTables(conn);
await loadJsonlFolders(conn, root);
const tallies = await metricTallies(conn, asOf, ruleSet);
const storeRows = (
  await conn.runAndReadAll('SELECT * FROM stores ORDER BY store_id')
).getRowObjects();
const serviceRows = (await conn.runAndReadAll('SELECT * FROM assured_services')).getRowObjects();
const sqlMs = performance.now() - started;
conn.closeSync();
instance.closeSync();
if (scratch) rmSync(root, { recursive: true, force: true });

// 2. The library's stages, per category.
interface StoreFigures {
  readonly store: Store;
  readonly category: string;
  readonly metrics: Record<MetricId, MetricResult>;
  readonly goodReviewRate: MetricResult;
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
    metrics: {} as Record<MetricId, MetricResult>,
    goodReviewRate: undefined as unknown as MetricResult,
    services: [],
  });
}
for (const t of tallies as SqlTally[]) {
  const f = figures.get(t.storeId) as StoreFigures;
  const result = resultFromTally(t, asOf, ruleSet);
  if (t.metricId === 'reviews.good-rate')
    (f as { goodReviewRate: MetricResult }).goodReviewRate = result;
  else f.metrics[t.metricId] = result;
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
const asOfMs = asOfInstant(parseDayKey(asOf));

// Metric scores against the category's other stores, then modules, composite, bonus, total.
const scored = [...figures.values()].map((f) => {
  const metrics = {} as Record<MetricId, MetricResult>;
  const methods: Partial<Record<MetricId, ScoreMethod>> = {};
  for (const [id, raw] of Object.entries(f.metrics) as [MetricId, MetricResult][]) {
    const peerValues = others(f)
      .map((o) => o.metrics[id])
      .filter((m) => m.status === 'ok' && m.value !== null)
      .map((m) => (m.value as NonNullable<MetricResult['value']>).toNumber());
    const { score, method } = scoreMetric(raw, { ruleSet, peerValues });
    metrics[id] = { ...raw, score };
    methods[id] = method;
  }
  const modules = scoreModules(metrics, ruleSet, methods);
  const composite = compositeOf(modules, ruleSet);
  const bonus = assuredBonus(f.services, asOfMs, ruleSet.bonus);
  const total = totalScore(composite, bonus.points, ruleSet.totalCap.value);
  return { f, metrics, modules, composite, bonus, total };
});

// Standing: ranked by total among the category, module by module score.
console.log(
  `京东风向标 · ${scored.length} stores as of ${asOf} · SQL (load + all metrics) ${Math.round(sqlMs)} ms\n`,
);
console.log(
  'store      category  composite  total  ranking  stars  modules (consult/reviews/after-sales/logistics/disputes)',
);
for (const s of scored.sort((a, b) => (b.total ?? -1) - (a.total ?? -1))) {
  const peers = scored.filter((o) => o.f.category === s.f.category && o !== s);
  const moduleScores = {} as Record<ModuleId, number | null>;
  for (const m of MODULE_IDS) moduleScores[m] = s.modules[m].score;
  const peerModules = {} as Record<ModuleId, number[]>;
  for (const m of MODULE_IDS) {
    peerModules[m] = peers.map((p) => p.modules[m].score).filter((x): x is number => x !== null);
  }
  const standing = computeStanding({
    // The monthly chat penalty reads the chat records themselves: not computed in SQL here
    // (no chat records given, so it reads as not assessed).
    data: parseStoreData({ store: { id: s.f.store.id }, assuredServices: s.f.services }),
    asOf,
    ruleSet,
    total: s.total,
    moduleScores,
    metrics: s.metrics,
    goodReviewRate: s.f.goodReviewRate,
    openServices: s.bonus.active,
    peers: {
      category: s.f.category,
      composites: peers.map((p) => p.total).filter((x): x is number => x !== null),
      modules: peerModules,
    },
  });
  const rate = standing.rankingRate === null ? '—' : `${(standing.rankingRate * 100).toFixed(1)}%`;
  console.log(
    [
      s.f.store.id.padEnd(10),
      s.f.category.padEnd(8),
      String(s.composite ?? '—').padStart(9),
      String(s.total ?? '—').padStart(6),
      rate.padStart(8),
      String(standing.stars ?? '—').padStart(6),
      ` ${MODULE_IDS.map((m) => s.modules[m].score ?? '—').join(' / ')}`,
    ].join(' '),
  );
}
