/**
 * `npm run bench [-- --size small|medium|large]`: the library against the hand-written
 * baseline, at three generated store sizes. Without `--size`, each size runs in its own child
 * process (so that peak RSS is per size), then one table of all three is printed.
 *
 * Per size: generation time, parse throughput (median of warm runs, and the cold first run),
 * `evaluateStore` (median after a warm-up), the
 * baseline (same day, same median), the check that both give the same numerator and
 * denominator for every metric (it throws otherwise), a 180-day history, and memory. Results go
 * to `bench/results/<size>.json`.
 *
 * @module
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { countRecords, generateStore, ordersPerDayFor } from '../examples/generate.js';
import type { StoreData } from '../src/model.js';
import { parseStoreData } from '../src/schemas/parse.js';
import { evaluateHistory, evaluateStore, type Scorecard } from '../src/scorecard/evaluateStore.js';
import { baselineMetrics } from './baseline.js';
import { compareWithLibrary } from './compare.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(HERE, 'results');

interface SizeSpec {
  readonly records: number;
  readonly days: number;
  readonly instantFormat: 'shanghai-local' | 'epoch-ms';
  /** Measured runs after one warm-up. */
  readonly runs: number;
}

const SIZES: Record<string, SizeSpec> = {
  small: { records: 10_000, days: 400, instantFormat: 'shanghai-local', runs: 9 },
  medium: { records: 1_000_000, days: 400, instantFormat: 'epoch-ms', runs: 5 },
  large: { records: 5_000_000, days: 400, instantFormat: 'epoch-ms', runs: 3 },
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

function runSize(size: string): Record<string, unknown> {
  const spec = SIZES[size];
  if (spec === undefined) throw new Error(`unknown size ${size}: small, medium or large`);
  const log = (s: string): void => {
    process.stderr.write(`[${size}] ${s}\n`);
  };

  gc();
  const heap0 = heapUsed();
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
  const records = countRecords(raw);
  log(`generated ${records} records in ${round(generated.ms)} ms`);

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
  const parsedHeapBytes = heapUsed() - heap0;
  log(`parsed in ${round(parsed.ms)} ms, ${mb(parsedHeapBytes)} MB of heap`);

  // Memory first, on a cold call: heap live during evaluateStore above the parsed input.
  let card: Scorecard | undefined;
  const heap = heapDuring(() => {
    card = evaluateStore(data, { asOf: AS_OF });
  });
  log(
    `evaluateStore heap: peak live +${mb(heap.peakLiveBytes)} MB, peak used +${mb(heap.peakUsedBytes)} MB`,
  );

  // Correctness: the library and the baseline agree on every numerator and denominator.
  const mismatches = compareWithLibrary(baselineMetrics(data, AS_OF), card as Scorecard);
  if (mismatches.length > 0) {
    throw new Error(`[${size}] library and baseline disagree:\n${mismatches.join('\n')}`);
  }
  log('library = baseline on all 19 metrics');

  const evaluate = medianMs(spec.runs, () => evaluateStore(data, { asOf: AS_OF }));
  log(`evaluateStore median ${round(evaluate.ms)} ms (${evaluate.all.join(', ')})`);
  const baseline = medianMs(spec.runs, () => baselineMetrics(data, AS_OF));
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
    baselineMetrics(data, AS_OF),
    historyCards[HISTORY_DAYS - 1] as Scorecard,
  );
  if (lastDay.length > 0)
    throw new Error(`[${size}] history's last day disagrees:\n${lastDay.join('\n')}`);
  log(`history of ${HISTORY_DAYS} days in ${round(historyMs)} ms`);

  return {
    size,
    records,
    days: spec.days,
    instantFormat: spec.instantFormat,
    asOf: AS_OF,
    collections: {
      chatSessions: data.chatSessions.length,
      orders: data.orders.length,
      reviews: data.reviews.length,
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
    evaluatePeakLiveHeapMb: mb(heap.peakLiveBytes),
    evaluatePeakUsedHeapMb: mb(heap.peakUsedBytes),
    evaluateHeapShare: round(heap.peakLiveBytes / parsedHeapBytes, 3),
    evaluateGcs: heap.gcs,
    historyPeakLiveHeapMb: mb(historyHeap.peakLiveBytes),
    peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
    machine: machine(),
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
    ['parsed heap MB', (r) => String(r.parsedHeapMb)],
    ['eval peak +MB', (r) => String(r.evaluatePeakLiveHeapMb)],
    ['share', (r) => String(r.evaluateHeapShare)],
    ['peak RSS MB', (r) => String(r.peakRssMb)],
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

function main(argv: readonly string[]): void {
  const i = argv.indexOf('--size');
  mkdirSync(RESULTS, { recursive: true });
  if (i >= 0) {
    const size = argv[i + 1] ?? '';
    const result = runSize(size);
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
  const m = rows[0]?.machine as Record<string, unknown>;
  process.stdout.write(
    `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}; total ${round((performance.now() - t0) / 1000)} s\n`,
  );
}

main(process.argv.slice(2));
