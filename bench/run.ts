/**
 * `npm run bench [-- --size small|medium|large | --many]`: the library against the hand-written
 * baseline, at three generated store sizes. Without `--size`, each size runs in its own child
 * process (so that peak RSS is per size), then one table of all three is printed.
 *
 * Per size: generation time, parse throughput (median of warm runs, and the cold first run),
 * `evaluateStore` (median after a warm-up), the
 * baseline (same day, same median), the check that both give the same numerator and
 * denominator for every metric (it throws otherwise), a 180-day history, memory, and for small
 * and medium the HTML report (its size, the time to write it, and the time Chromium takes to
 * open it, which must show no console error and make no request). Results go to
 * `bench/results/<size>.json`. Then, in its own child process (or alone with `--many`), 1 000
 * small stores scored by `score --all`, DuckDB and chDB (bench/many-stores.ts).
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { DuckDBInstance } from '@duckdb/node-api';
import { recordsOf } from '../src/_packed.js';
import { forecast } from '../src/advice/forecast.js';
import { evaluateHistory, evaluateStore, type Scorecard } from '../src/evaluate/evaluate.js';
import { collectionLength, markParsed, type StoreData } from '../src/model.js';
import { type readStoreDir, writeStoreDir } from '../src/node/index.js';
import { prepareReport, renderReport } from '../src/report/index.js';
import { parseStoreData } from '../src/schemas/parse.js';
import {
  baseUnits,
  createTables,
  loadJsonlFolders,
  metricTallies,
  type SqlTally,
} from '../src/sql/index.js';
import { dayKeyOf, parseDayKey } from '../src/time/shanghai.js';
import { baselineMetrics } from './baseline.js';
import { launchChromium } from './chromium.js';
import { compareWithLibrary } from './compare.js';
import { countRecords, generateStore, ordersPerDayFor } from './generate/index.js';
import { runManyStores } from './many-stores.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(HERE, 'results');
/** Where the end-to-end figures' files are written (git-ignored). */
const FILES = join(HERE, '..', '.tmp', 'bench');

interface SizeSpec {
  readonly records: number;
  readonly days: number;
  readonly instantFormat: 'shanghai-local' | 'epoch-ms';
  /** Measured runs after one warm-up. */
  readonly runs: number;
  /** End-to-end runs (files → scorecard, files → SQL tallies), median reported. */
  readonly endToEndRuns: number;
  /** Whether the store is also written and read as one JSON file (V8 cannot hold 5 M records' text). */
  readonly jsonFile: boolean;
  /** Whether DuckDB computes the 180-day history (180 runs of every metric query). */
  readonly duckdbHistory: boolean;
  /** Whether the HTML report is written and opened in Chromium. */
  readonly report: boolean;
}

const SIZES: Record<string, SizeSpec> = {
  small: {
    records: 10_000,
    days: 400,
    instantFormat: 'shanghai-local',
    runs: 9,
    endToEndRuns: 5,
    jsonFile: true,
    duckdbHistory: true,
    report: true,
  },
  medium: {
    records: 1_000_000,
    days: 400,
    instantFormat: 'epoch-ms',
    runs: 5,
    endToEndRuns: 3,
    jsonFile: true,
    duckdbHistory: true,
    report: true,
  },
  large: {
    records: 5_000_000,
    days: 400,
    instantFormat: 'epoch-ms',
    runs: 3,
    endToEndRuns: 1,
    jsonFile: false,
    duckdbHistory: false,
    report: false,
  },
};
const END_DAY = '2026-11-22';
const AS_OF = '2026-11-23'; // the day after the generated data's last day
const HISTORY_FROM = '2026-05-28'; // D − 179
const HISTORY_DAYS = 180;
const SEED = 20_261_122;

const gc = (): void => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g === undefined) throw new Error('run with node --expose-gc (npm run bench)');
  g();
  g();
};
const heapUsed = (): number => process.memoryUsage().heapUsed;
/** The heap and the array buffers (typed arrays' memory, outside the heap): all the data held. */
const dataBytes = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const round = (x: number, d = 1): number => Math.round(x * 10 ** d) / 10 ** d;

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

/** Median wall time of `runs` calls after one warm-up call. */
function medianMs(runs: number, fn: () => unknown): { ms: number; all: number[] } {
  fn();
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    all.push(time(fn).ms);
  }
  return { ms: median(all), all: all.map((x) => round(x)) };
}

/**
 * Heap used by `fn` above what was live before it: heapUsed sampled by V8 before and after
 * every garbage collection during the call (v8.GCProfiler), and at its end.
 */
function heapDuring(fn: () => unknown): {
  peakLiveBytes: number;
  peakUsedBytes: number;
  gcs: number;
} {
  gc();
  const before = heapUsed();
  const profiler = new v8.GCProfiler();
  profiler.start();
  fn();
  const end = heapUsed();
  const stats = profiler.stop()?.statistics ?? [];
  let peakLive = end;
  let peakUsed = end;
  for (const s of stats) {
    peakLive = Math.max(peakLive, s.afterGC.heapStatistics.usedHeapSize);
    peakUsed = Math.max(peakUsed, s.beforeGC.heapStatistics.usedHeapSize);
  }
  return { peakLiveBytes: peakLive - before, peakUsedBytes: peakUsed - before, gcs: stats.length };
}

/** `data` with plain arrays built from its columns, `data` itself untouched. */
function plainCopy(data: StoreData): StoreData {
  // Not a spread: a spread would read (and so build, in `data`) every collection.
  return markParsed({
    store: data.store,
    chatSessions: recordsOf(data, 'chatSessions'),
    orders: recordsOf(data, 'orders'),
    reviews: recordsOf(data, 'reviews'),
    serviceOrders: data.serviceOrders,
    disputes: data.disputes,
    assuredServices: data.assuredServices,
  });
}

async function runSize(size: string): Promise<Record<string, unknown>> {
  const spec = SIZES[size];
  if (spec === undefined) throw new Error(`unknown size ${size}: small, medium or large`);
  const log = (s: string): void => {
    process.stderr.write(`[${size}] ${s}\n`);
  };

  gc();
  const heap0 = dataBytes();
  const generated = time(() =>
    generateStore({
      seed: SEED,
      endDay: END_DAY,
      days: spec.days,
      ordersPerDay: ordersPerDayFor(spec.records, spec.days),
      instantFormat: spec.instantFormat,
    }),
  );
  let raw: ReturnType<typeof generateStore> | undefined = generated.value;
  // Only `raw` holds the generated store from here on (dropped below, before the parsed data is
  // weighed).
  (generated as { value: unknown }).value = undefined;
  const records = countRecords(raw);
  log(`generated ${records} records in ${round(generated.ms)} ms`);
  // The files the end-to-end figures read: a JSON Lines store folder, and one JSON file.
  const dir = join(FILES, size);
  rmSync(dir, { recursive: true, force: true });
  const storesRoot = join(dir, 'stores');
  const storeDir = join(storesRoot, raw.store.id);
  await writeStoreDir(storeDir, raw);
  const jsonFile = join(dir, 'store.json');
  if (spec.jsonFile) writeFileSync(jsonFile, JSON.stringify(raw));
  log(`wrote ${storeDir}${spec.jsonFile ? ` and ${jsonFile}` : ''}`);

  const parsed = time(() => parseStoreData(raw));
  const data: StoreData = parsed.value;
  // Throughput like evaluateStore's: the median of warm runs (the first, cold run is reported too).
  const parseRuns = Math.min(spec.runs, 3);
  const warmParse = medianMs(parseRuns, () => parseStoreData(raw));
  log(
    `parse median ${round(warmParse.ms)} ms (${warmParse.all.join(', ')}), cold ${round(parsed.ms)} ms`,
  );
  raw = undefined; // the raw input is not part of what evaluateStore needs
  gc();
  const parsedHeapBytes = dataBytes() - heap0;
  log(
    `parsed in ${round(parsed.ms)} ms, ${mb(parsedHeapBytes)} MB of heap and array buffers (${Math.round(parsedHeapBytes / records)} bytes a record)`,
  );

  // Memory first, on a cold call: heap live during evaluateStore above the parsed input.
  let card: Scorecard | undefined;
  const heap = heapDuring(() => {
    card = evaluateStore(data, { asOf: AS_OF });
  });
  log(
    `evaluateStore heap: peak live +${mb(heap.peakLiveBytes)} MB, peak used +${mb(heap.peakUsedBytes)} MB`,
  );

  // The baseline walks plain arrays: it gets its own, built from the columns without keeping
  // them in `data` (which the library goes on reading column-wise); dropped after the history.
  let plain: StoreData | undefined = plainCopy(data);
  // Correctness: the library and the baseline agree on every numerator and denominator.
  const mismatches = compareWithLibrary(baselineMetrics(plain, AS_OF), card as Scorecard);
  if (mismatches.length > 0) {
    throw new Error(`[${size}] library and baseline disagree:\n${mismatches.join('\n')}`);
  }
  log('library = baseline on all 19 metrics');

  const evaluate = medianMs(spec.runs, () => evaluateStore(data, { asOf: AS_OF }));
  log(`evaluateStore median ${round(evaluate.ms)} ms (${evaluate.all.join(', ')})`);
  const baseline = medianMs(spec.runs, () => baselineMetrics(plain as StoreData, AS_OF));
  log(`baseline median ${round(baseline.ms)} ms (${baseline.all.join(', ')})`);

  // One history call, timed, with its heap sampled at every GC (the profiler costs next to nothing).
  let historyMs = 0;
  let historyCards: Scorecard[] = [];
  const historyHeap = heapDuring(() => {
    const h = time(() => evaluateHistory(data, { from: HISTORY_FROM, to: AS_OF }));
    historyMs = h.ms;
    historyCards = h.value;
  });
  if (historyCards.length !== HISTORY_DAYS) throw new Error('history length');
  const lastDay = compareWithLibrary(
    baselineMetrics(plain, AS_OF),
    historyCards[HISTORY_DAYS - 1] as Scorecard,
  );
  plain = undefined;
  if (lastDay.length > 0)
    throw new Error(`[${size}] history's last day disagrees:\n${lastDay.join('\n')}`);
  log(`history of ${HISTORY_DAYS} days in ${round(historyMs)} ms`);
  historyCards = [];

  // A 30-day forecast from the as-of instant against a 30-day history of the same days:
  // after a warm-up of each, interleaved pairs (the order alternating, a collection before
  // each run), so that the machine's load falls on both alike. Reported: the medians, and the
  // median of the pairs' differences (a single run of either varies by 10–20%).
  const history = () =>
    evaluateHistory(data, { from: AS_OF, to: dayKeyOf(parseDayKey(AS_OF) + 29) });
  const forecastNow = () => forecast(data, { knownAt: `${AS_OF} 00:00`, days: 30 });
  history();
  forecastNow();
  const h30: number[] = [];
  const f30: number[] = [];
  for (let r = 0; r < 9; r++) {
    const h = () => {
      gc();
      h30.push(time(history).ms);
    };
    const f = () => {
      gc();
      f30.push(time(forecastNow).ms);
    };
    if (r % 2 === 0) {
      h();
      f();
    } else {
      f();
      h();
    }
  }
  const history30 = { ms: median(h30) };
  const forecast30 = { ms: median(f30) };
  const forecastMinusHistory = median(f30.map((f, i) => f - (h30[i] as number)));
  log(
    `30-day history ${round(history30.ms)} ms (${h30.map(round).join(', ')}), 30-day forecast ${round(forecast30.ms)} ms (${f30.map(round).join(', ')}), forecast − history per pair: median ${round(forecastMinusHistory)} ms`,
  );

  const e2e = await endToEnd(spec, { storesRoot, storeDir, jsonFile }, card as Scorecard, log);
  const report = spec.report ? await reportFigures(data, join(dir, 'report.html'), log) : {};

  return {
    size,
    records,
    days: spec.days,
    instantFormat: spec.instantFormat,
    asOf: AS_OF,
    collections: {
      chatSessions: collectionLength(data, 'chatSessions'),
      orders: collectionLength(data, 'orders'),
      reviews: collectionLength(data, 'reviews'),
      serviceOrders: data.serviceOrders.length,
      disputes: data.disputes.length,
      assuredServices: data.assuredServices.length,
    },
    generateMs: round(generated.ms),
    parseMs: round(warmParse.ms),
    parseRunsMs: warmParse.all,
    parseRecordsPerSecond: Math.round(records / (warmParse.ms / 1000)),
    parseColdMs: round(parsed.ms),
    parseColdRecordsPerSecond: Math.round(records / (parsed.ms / 1000)),
    runs: spec.runs,
    evaluateMs: round(evaluate.ms),
    evaluateRunsMs: evaluate.all,
    baselineMs: round(baseline.ms),
    baselineRunsMs: baseline.all,
    ratio: round(evaluate.ms / baseline.ms, 2),
    historyDays: HISTORY_DAYS,
    historyMs: round(historyMs),
    historyRatio: round(historyMs / evaluate.ms, 2),
    parsedHeapMb: mb(parsedHeapBytes),
    parsedHeapBytesPerRecord: Math.round(parsedHeapBytes / records),
    evaluatePeakLiveHeapMb: mb(heap.peakLiveBytes),
    evaluatePeakUsedHeapMb: mb(heap.peakUsedBytes),
    evaluateHeapShare: round(heap.peakLiveBytes / parsedHeapBytes, 3),
    evaluateGcs: heap.gcs,
    historyPeakLiveHeapMb: mb(historyHeap.peakLiveBytes),
    history30Ms: round(history30.ms),
    forecast30Ms: round(forecast30.ms),
    forecastMinusHistory30Ms: round(forecastMinusHistory),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    ...e2e,
    ...report,
    ...(size === 'large' ? { largeCliPeakRssMb: e2e.cliPeakRssMb } : {}),
    machine: machine(),
  };
}

/**
 * The HTML report of the store: the time to prepare, render and write it (one cold run, as a
 * user's `report` command does it), its size, and the time Chromium takes to open it until its
 * charts are drawn. Opening it fails the bench on any console error, any request leaving the
 * page or a chart whose points are not one a day.
 */
async function reportFigures(
  data: StoreData,
  file: string,
  log: (s: string) => void,
): Promise<Record<string, number>> {
  gc();
  const t0 = performance.now();
  const html = renderReport(prepareReport(data, { asOf: AS_OF, days: HISTORY_DAYS }));
  writeFileSync(file, html);
  const reportWriteMs = performance.now() - t0;
  const reportBytes = Buffer.byteLength(html);
  log(`report: ${reportBytes} bytes written in ${round(reportWriteMs)} ms (${file})`);
  const profile = mkdtempSync(join(tmpdir(), 'jwv-bench-chromium-'));
  const context = await launchChromium(profile, 1280);
  try {
    const page = await context.newPage();
    const url = pathToFileURL(file).href;
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      problems.push(`request: ${route.request().url()}`);
      return route.abort();
    });
    const b0 = performance.now();
    await page.goto(url);
    await page.waitForFunction(
      () =>
        (globalThis as { jdWeatherVaneReport?: { ready?: boolean } }).jdWeatherVaneReport?.ready,
    );
    const reportBrowserMs = performance.now() - b0;
    const points = await page.evaluate(() => {
      type Chart = { getOption(): { series: { data: unknown[] }[] } };
      const charts = (
        globalThis as unknown as { jdWeatherVaneReport: { charts: Record<string, Chart> } }
      ).jdWeatherVaneReport.charts;
      return ['history', 'metric'].flatMap(
        (k) => charts[k]?.getOption().series.map((x) => x.data.length) ?? [0],
      );
    });
    if (points.some((n) => n !== HISTORY_DAYS)) problems.push(`chart points ${points.join(', ')}`);
    if (problems.length > 0)
      throw new Error(`the report does not open cleanly:\n${problems.join('\n')}`);
    log(`report opens in Chromium in ${round(reportBrowserMs)} ms: no console error, no request`);
    return {
      reportBytes,
      reportWriteMs: round(reportWriteMs),
      reportBrowserMs: round(reportBrowserMs),
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function medianAsync(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ ms: number; all: number[] }> {
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const t0 = performance.now();
    await fn();
    all.push(performance.now() - t0);
  }
  return { ms: median(all), all: all.map((x) => round(x)) };
}

/** Every SQL tally against the library's scorecard; the disagreements, as lines. */
function compareSql(tallies: readonly SqlTally[], card: Scorecard): string[] {
  const out: string[] = [];
  for (const t of tallies) {
    const m = t.metricId === 'reviews.good-rate' ? card.goodReviewRate : card.metrics[t.metricId];
    const lib = baseUnits(t.metricId, m.numerator, m.denominator);
    if (lib.numerator !== String(t.numerator) || lib.denominator !== String(t.denominator)) {
      out.push(
        `${t.metricId}: library ${lib.numerator}/${lib.denominator}, SQL ${t.numerator}/${t.denominator}`,
      );
    }
  }
  return out;
}

/** Peak RSS of the built CLI scoring `storeDir` (a child process), in MB, or its failure. */
function cliPeakRss(storeDir: string): number | { failure: string } {
  const cli = spawnSync(
    process.execPath,
    [
      '--require',
      join(HERE, 'print-rss.cjs'),
      join(HERE, '..', 'dist', 'cli.js'),
      'score',
      storeDir,
      '--as-of',
      AS_OF,
      '--json',
      '--quiet',
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  const rssKb = /peak-rss-kb (\d+)/.exec(cli.stderr)?.[1];
  if (cli.status !== 0 || rssKb === undefined)
    return { failure: `exit ${cli.status}: ${cli.stderr.slice(-500)}` };
  return round(Number(rssKb) / 1024);
}

/**
 * Files on disk → scorecard: the library from the JSON Lines folder (`endToEndMs`) and from
 * the JSON file; DuckDB loading the same folder and running every metric query
 * (`duckdbEndToEndMs`), checked equal to the library; DuckDB's 180-day history; the CLI's
 * peak RSS on the folder (a child process with Node's default heap limit).
 */
async function endToEnd(
  spec: SizeSpec,
  files: { storesRoot: string; storeDir: string; jsonFile: string },
  card: Scorecard,
  log: (s: string) => void,
): Promise<Record<string, unknown>> {
  // The built package, as a user runs it (`npm run bench` builds first): its worker threads
  // start from dist/read-worker.js, not through tsx's loader.
  const built = (await import(pathToFileURL(join(HERE, '..', 'dist', 'node.js')).href)) as {
    readStoreDir: typeof readStoreDir;
  };
  const builtCore = (await import(pathToFileURL(join(HERE, '..', 'dist', 'index.js')).href)) as {
    evaluateStore: typeof evaluateStore;
  };
  const lib = await medianAsync(spec.endToEndRuns, async () =>
    builtCore.evaluateStore(await built.readStoreDir(files.storeDir), { asOf: AS_OF }),
  );
  log(`end to end, JSON Lines folder → scorecard: ${round(lib.ms)} ms (${lib.all.join(', ')})`);
  let jsonFileMs: number | null = null;
  if (spec.jsonFile) {
    const j = await medianAsync(spec.endToEndRuns, async () =>
      evaluateStore(parseStoreData(JSON.parse(readFileSync(files.jsonFile, 'utf8'))), {
        asOf: AS_OF,
      }),
    );
    jsonFileMs = round(j.ms);
    log(`end to end, JSON file → scorecard: ${jsonFileMs} ms (${j.all.join(', ')})`);
  }
  let kept: { instance: DuckDBInstance; tallies: SqlTally[] } | undefined;
  const duck = await medianAsync(spec.endToEndRuns, async () => {
    kept?.instance.closeSync();
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    await createTables(conn);
    await loadJsonlFolders(conn, files.storesRoot);
    const tallies = await metricTallies(conn, AS_OF);
    kept = { instance, tallies };
  });
  const k = kept as { instance: DuckDBInstance; tallies: SqlTally[] };
  const mismatches = compareSql(k.tallies, card);
  if (mismatches.length > 0) throw new Error(`SQL and library disagree:\n${mismatches.join('\n')}`);
  log(
    `DuckDB end to end (load + every metric): ${round(duck.ms)} ms (${duck.all.join(', ')}); SQL = library`,
  );
  let duckdbHistoryMs: number | null = null;
  if (spec.duckdbHistory) {
    const conn = await k.instance.connect();
    const to = parseDayKey(AS_OF);
    const t0 = performance.now();
    for (let d = to - HISTORY_DAYS + 1; d <= to; d++) await metricTallies(conn, dayKeyOf(d));
    duckdbHistoryMs = round(performance.now() - t0);
    log(`DuckDB ${HISTORY_DAYS}-day history: ${duckdbHistoryMs} ms`);
  }
  k.instance.closeSync();
  // The built CLI (what a user runs; `npm run bench` builds first), its worker threads included.
  // Three runs: a peak depends on when the collector happens to run (reported: the median).
  const cliRuns: number[] = [];
  let cliFailure = '';
  for (let run = 0; run < 3; run++) {
    const r = cliPeakRss(files.storeDir);
    if (typeof r === 'number') cliRuns.push(r);
    else cliFailure = r.failure;
  }
  const cliPeakRssMb = cliRuns.length === 3 ? median(cliRuns) : null;
  log(
    cliPeakRssMb === null
      ? `CLI on the folder failed: ${cliFailure}`
      : `CLI on the folder: peak RSS ${cliPeakRssMb} MB (${cliRuns.join(', ')})`,
  );
  return {
    endToEndMs: round(lib.ms),
    endToEndRunsMs: lib.all,
    endToEndJsonFileMs: jsonFileMs,
    duckdbEndToEndMs: round(duck.ms),
    duckdbEndToEndRunsMs: duck.all,
    endToEndRatio: round(lib.ms / duck.ms, 2),
    duckdbHistoryMs,
    cliPeakRssMb,
    cliPeakRssRunsMb: cliRuns,
  };
}

function machine(): Record<string, unknown> {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGb: round(totalmem() / 1024 ** 3),
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
  };
}

function table(rows: Record<string, unknown>[]): string {
  const cols: [string, (r: Record<string, unknown>) => string][] = [
    ['size', (r) => String(r.size)],
    ['records', (r) => String(r.records)],
    ['gen ms', (r) => String(r.generateMs)],
    ['parse rec/s', (r) => String(r.parseRecordsPerSecond)],
    ['evaluate ms', (r) => String(r.evaluateMs)],
    ['baseline ms', (r) => String(r.baselineMs)],
    ['ratio', (r) => String(r.ratio)],
    ['180-d history ms', (r) => String(r.historyMs)],
    ['history ratio', (r) => String(r.historyRatio)],
    ['30-d history ms', (r) => String(r.history30Ms)],
    ['30-d forecast ms', (r) => String(r.forecast30Ms)],
    ['forecast − history ms (paired)', (r) => String(r.forecastMinusHistory30Ms)],
    ['parsed heap MB', (r) => String(r.parsedHeapMb)],
    ['eval peak +MB', (r) => String(r.evaluatePeakLiveHeapMb)],
    ['share', (r) => String(r.evaluateHeapShare)],
    ['peak RSS MB', (r) => String(r.peakRssMb)],
    ['e2e ms', (r) => String(r.endToEndMs)],
    ['DuckDB e2e ms', (r) => String(r.duckdbEndToEndMs)],
    ['e2e ratio', (r) => String(r.endToEndRatio)],
    ['DuckDB history ms', (r) => String(r.duckdbHistoryMs)],
    ['CLI RSS MB', (r) => String(r.cliPeakRssMb)],
    ['report bytes', (r) => String(r.reportBytes ?? '—')],
    ['report write ms', (r) => String(r.reportWriteMs ?? '—')],
    ['report browser ms', (r) => String(r.reportBrowserMs ?? '—')],
  ];
  const cells = [cols.map(([h]) => h), ...rows.map((r) => cols.map(([, f]) => f(r)))];
  const widths = cols.map((_, i) => Math.max(...cells.map((row) => (row[i] as string).length)));
  return cells
    .map((row, j) => {
      const line = `| ${row.map((c, i) => c.padStart(widths[i] as number)).join(' | ')} |`;
      return j === 0 ? `${line}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|` : line;
    })
    .join('\n');
}

/** The many-stores figures, in their own child process, to `bench/results/many-stores.json`. */
async function many(): Promise<Record<string, unknown>> {
  const result = { ...(await runManyStores()), machine: machine() };
  writeFileSync(join(RESULTS, 'many-stores.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

async function main(argv: readonly string[]): Promise<void> {
  const i = argv.indexOf('--size');
  mkdirSync(RESULTS, { recursive: true });
  if (argv.includes('--many')) {
    process.stdout.write(`${JSON.stringify(await many(), null, 2)}\n`);
    return;
  }
  if (i >= 0) {
    const size = argv[i + 1] ?? '';
    const result = await runSize(size);
    writeFileSync(join(RESULTS, `${size}.json`), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${table([result])}\n`);
    return;
  }
  const t0 = performance.now();
  const rows: Record<string, unknown>[] = [];
  for (const size of Object.keys(SIZES)) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--size', size],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    if (child.status !== 0) throw new Error(`bench of size ${size} failed (exit ${child.status})`);
    rows.push(
      JSON.parse(readFileSync(join(RESULTS, `${size}.json`), 'utf8')) as Record<string, unknown>,
    );
  }
  process.stdout.write(`${table(rows)}\n`);
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), '--many'],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`many-stores bench failed (exit ${child.status})`);
  const m = rows[0]?.machine as Record<string, unknown>;
  process.stdout.write(
    `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; total ${round((performance.now() - t0) / 1000)} s\n`,
  );
}

await main(process.argv.slice(2));
