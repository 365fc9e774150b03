/**
 * `npm run bench -- --many`: many small stores, end to end from files, three ways: the CLI
 * (`score <folder> --all`, worker threads on every core), DuckDB (`jd-weather-vane/sql`,
 * load the JSON Lines folders + every metric) and ClickHouse through chDB (the same in
 * ClickHouse's dialect; chdb as installed by `npm run test:clickhouse` in .tmp/chdb). Each
 * engine's numerators and denominators are checked equal to the CLI's scorecards. Results go
 * to `bench/results/many-stores.json`.
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStoreDir } from '../src/node/index.js';
import {
  baseUnits,
  clickHouseMetricTallies,
  createClickHouseTables,
  createTables,
  loadClickHouseJsonlFolders,
  loadJsonlFolders,
  metricTallies,
  openDuckDb,
  type SqlTally,
} from '../src/sql/index.js';
import { countRecords, generateStore } from './generate/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const STORES = 1000;
const DAYS = 120;
const ORDERS_PER_DAY = 8;
const AS_OF = '2026-11-23';
const FOLDER = join(ROOT, '.tmp', 'bench', `many-${STORES}`);
const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;
const log = (s: string) => process.stderr.write(`[many] ${s}\n`);

/** The stores' folders, generated once (a marker file says the folder is complete). */
async function storesFolder(): Promise<{ records: number; generateMs: number | null }> {
  const marker = join(FOLDER, '.complete.json');
  if (existsSync(marker)) return { ...JSON.parse(readFileSync(marker, 'utf8')), generateMs: null };
  rmSync(FOLDER, { recursive: true, force: true });
  mkdirSync(FOLDER, { recursive: true });
  const t0 = performance.now();
  let records = 0;
  for (let i = 0; i < STORES; i++) {
    const raw = generateStore({
      seed: 9000 + i,
      endDay: '2026-11-22',
      days: DAYS,
      ordersPerDay: ORDERS_PER_DAY,
      storeId: `m${String(i).padStart(4, '0')}`,
      instantFormat: i % 2 === 0 ? 'shanghai-local' : 'epoch-ms',
    });
    records += countRecords(raw);
    const level2 = ['厨房小电', '生活电器', '个护健康', '大家电'][i % 4] as string;
    await writeStoreDir(join(FOLDER, raw.store.id), {
      ...raw,
      store: { ...raw.store, category: { level1: '家用电器', level2 } },
    });
  }
  writeFileSync(marker, JSON.stringify({ records }));
  return { records, generateMs: round(performance.now() - t0) };
}

/** Every numerator and denominator of the SQL against the CLI's scorecards. */
function mismatches(tallies: readonly SqlTally[], cards: ReadonlyMap<string, Card>): number {
  let bad = 0;
  for (const t of tallies) {
    const card = cards.get(t.storeId);
    const m = t.metricId === 'reviews.good-rate' ? card?.goodReviewRate : card?.metrics[t.metricId];
    const lib = baseUnits(t.metricId, m?.numerator ?? null, m?.denominator ?? null);
    if (lib.numerator !== String(t.numerator) || lib.denominator !== String(t.denominator)) bad++;
  }
  return bad + (tallies.length === cards.size * 20 ? 0 : 1);
}

interface Measured {
  numerator: string | null;
  denominator: string | null;
}
interface Card {
  store: { id: string };
  metrics: Record<string, Measured>;
  goodReviewRate: Measured;
}

/** Runs the many-stores bench; returns its figures. */
export async function runManyStores(): Promise<Record<string, unknown>> {
  const { records, generateMs } = await storesFolder();
  log(
    `${STORES} stores, ${records} records (${round(records / STORES, 0)} per store) in ${FOLDER}`,
  );
  // The CLI as users run it: the built bin, worker threads on every core.
  const cliJs = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cliJs)) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const t0 = performance.now();
  const cli = spawnSync(
    process.execPath,
    [
      '-r',
      join(HERE, 'print-rss.cjs'),
      cliJs,
      'score',
      FOLDER,
      '--all',
      '--as-of',
      AS_OF,
      '--json',
      '--quiet',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const cliMs = round(performance.now() - t0);
  if (cli.status !== 0)
    throw new Error(`score --all failed (exit ${cli.status}): ${cli.stderr.slice(-800)}`);
  const rssKb = Number(/peak-rss-kb (\d+)/.exec(cli.stderr)?.[1]);
  const cards = new Map<string, Card>();
  for (const line of cli.stdout.trimEnd().split('\n')) {
    const card = JSON.parse(line) as Card;
    cards.set(card.store.id, card);
  }
  log(`CLI score --all: ${cliMs} ms, peak RSS ${round(rssKb / 1024)} MB, ${cards.size} scorecards`);

  const t1 = performance.now();
  const db = await openDuckDb();
  await createTables(db.connection);
  await loadJsonlFolders(db.connection, FOLDER);
  const duck = await metricTallies(db.connection, AS_OF);
  db.close();
  const duckdbMs = round(performance.now() - t1);
  const duckBad = mismatches(duck, cards);
  log(`DuckDB: ${duckdbMs} ms, ${duckBad} tallies unequal to the CLI's`);

  let clickhouseMs: number | null = null;
  let chBad: number | null = null;
  const chdbDir = join(ROOT, '.tmp', 'chdb');
  if (existsSync(join(chdbDir, 'node_modules', 'chdb'))) {
    const { Session } = createRequire(join(chdbDir, 'package.json'))('chdb') as {
      Session: new (
        path: string,
      ) => { query(sql: string, format: string): string; cleanup(): void };
    };
    const dir = mkdtempSync(join(tmpdir(), 'jwv-bench-chdb-'));
    const t2 = performance.now();
    const session = new Session(dir);
    const query = (sql: string) => session.query(sql, 'JSONEachRow');
    await createClickHouseTables(query);
    await loadClickHouseJsonlFolders(query, FOLDER);
    const ch = await clickHouseMetricTallies(query, AS_OF);
    clickhouseMs = round(performance.now() - t2);
    session.cleanup();
    rmSync(dir, { recursive: true, force: true });
    chBad = mismatches(ch, cards);
    log(`ClickHouse (chDB): ${clickhouseMs} ms, ${chBad} tallies unequal to the CLI's`);
  } else {
    log('ClickHouse (chDB): not installed in .tmp/chdb (npm run test:clickhouse installs it)');
  }
  const faster = Math.min(duckdbMs, clickhouseMs ?? Number.POSITIVE_INFINITY);
  return {
    manyStoresCount: STORES,
    manyStoresRecords: records,
    manyStoresGenerateMs: generateMs,
    manyStoresCliMs: cliMs,
    manyStoresCliPeakRssMb: round(rssKb / 1024),
    manyStoresDuckdbMs: duckdbMs,
    manyStoresClickhouseMs: clickhouseMs,
    manyStoresCliRatio: round(cliMs / faster, 2),
    manyStoresDuckdbMismatches: duckBad,
    manyStoresClickhouseMismatches: chBad,
  };
}
