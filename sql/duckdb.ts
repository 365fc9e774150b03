/**
 * Runs the metric SQL (`sql/metrics.sql`) in DuckDB, embedded through `@duckdb/node-api` (a
 * dev dependency: the library itself never needs it). Used by the equality test, the
 * warehouse example and the benchmark.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { Dec } from '../src/decimal.js';
import { windowOf } from '../src/metrics/_calculate.js';
import { getMetricDefinition, type MetricId, metricCatalogue } from '../src/metrics/catalogue.js';
import { goodReviewRateDefinition } from '../src/metrics/reviews/goodReviewRate.js';
import type { Measurement, MetricDefinition } from '../src/metrics/types.js';
import type { StoreData } from '../src/model.js';
import { defaultRuleSet, type RuleSet } from '../src/ruleset/ruleSet.js';
import { HOUR_MS, parseDayKey, SHANGHAI_OFFSET_MS } from '../src/time/shanghai.js';
import { asOfInstant, resolveWindow } from '../src/time/window.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The statements of a script: separated by a line holding only `;`, comments kept. */
export function statementsOf(file: string): string[] {
  return readFileSync(join(HERE, file), 'utf8')
    .split(/^;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.replace(/--.*$/gm, '').trim() !== '');
}

/**
 * Loads every store folder under `root` (one sub-folder per store, JSON Lines, every
 * collection file present) through `sql/load_jsonl.sql`, after {@link createTables}.
 */
export async function loadJsonlFolders(conn: DuckDBConnection, root: string): Promise<void> {
  const quoted = root.replaceAll("'", "''").replace(/\/+$/, '');
  for (const s of statementsOf('load_jsonl.sql')) await conn.run(s.replaceAll('{{root}}', quoted));
}

/** Creates the tables of `sql/schema.sql`. */
export async function createTables(conn: DuckDBConnection): Promise<void> {
  for (const s of statementsOf('schema.sql')) await conn.run(s);
}

/** One metric's tally for one store, in integer base units (see `sql/metrics.sql`). */
export interface SqlTally {
  readonly storeId: string;
  /** A metric of the catalogue, or the supplementary `reviews.good-rate`. */
  readonly metricId: MetricId | 'reviews.good-rate';
  readonly numerator: bigint;
  readonly denominator: bigint;
}

/**
 * Fills `params` and `metric_windows` from the rule set for the as-of day (`YYYY-MM-DD`),
 * runs `sql/metrics.sql`, and returns every store's tally of every metric.
 */
export async function metricTallies(
  conn: DuckDBConnection,
  asOf: string,
  ruleSet: RuleSet = defaultRuleSet,
): Promise<SqlTally[]> {
  const day = parseDayKey(asOf, 'asOf');
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE params AS SELECT
       $as_of_ms::BIGINT AS as_of_ms, $tz_offset_ms::BIGINT AS tz_offset_ms,
       $from_hour::INTEGER AS assessment_from_hour, $to_hour::INTEGER AS assessment_to_hour,
       $merge_gap_ms::BIGINT AS merge_gap_ms, $response_ms::BIGINT AS response_ms,
       $robot::BOOLEAN AS robot_replies_count, $attribution_ms::BIGINT AS attribution_ms,
       $latest::INTEGER AS latest_per_customer, $handling_ms::BIGINT AS handling_ms,
       $cutoff_hour::INTEGER AS cutoff_hour, $arrival_days::INTEGER AS arrival_days`,
    {
      as_of_ms: asOfInstant(day),
      tz_offset_ms: SHANGHAI_OFFSET_MS,
      from_hour: ruleSet.chat.assessmentHours.value.fromHour,
      to_hour: ruleSet.chat.assessmentHours.value.toHour,
      merge_gap_ms: ruleSet.chat.sessionMergeGapMinutes.value * 60_000,
      response_ms: ruleSet.chat.responseThresholdSeconds.value * 1000,
      robot: ruleSet.chat.robotRepliesCount.value,
      attribution_ms: ruleSet.chat.attributionHours.value * HOUR_MS,
      latest: ruleSet.reviews.latestPerCustomer.value,
      handling_ms: ruleSet.reviews.handlingHours.value * HOUR_MS,
      cutoff_hour: ruleSet.logistics.collectionCutoffHour.value,
      arrival_days: ruleSet.logistics.arrivalDays.value,
    },
  );
  await conn.run(
    'CREATE OR REPLACE TEMP TABLE metric_windows (metric_id VARCHAR, from_day INTEGER, to_day INTEGER)',
  );
  const windows = [...metricCatalogue, goodReviewRateDefinition].map((m) => {
    const w = windowOf(m, ruleSet);
    return `('${m.id}', ${day - w.fromDaysBack}, ${day - w.toDaysBack})`;
  });
  await conn.run(`INSERT INTO metric_windows VALUES ${windows.join(', ')}`);
  const statements = statementsOf('metrics.sql');
  for (const s of statements.slice(0, -1)) await conn.run(s);
  const reader = await conn.runAndReadAll(statements.at(-1) as string);
  return reader.getRowObjects().map((r) => ({
    storeId: r.store_id as string,
    metricId: r.metric_id as SqlTally['metricId'],
    numerator: r.numerator as bigint,
    denominator: r.denominator as bigint,
  }));
}

/**
 * A library result's numerator and denominator in the SQL's integer base units (the metric
 * definition's scales: milliseconds for seconds and hours, fen for yuan), as decimal strings.
 */
export function baseUnits(
  metricId: SqlTally['metricId'],
  numerator: { toString(): string } | null,
  denominator: { toString(): string } | null,
): { numerator: string; denominator: string } {
  const def =
    metricId === 'reviews.good-rate'
      ? goodReviewRateDefinition
      : (getMetricDefinition(metricId) as MetricDefinition);
  const base = (v: { toString(): string } | null, f: number) =>
    Dec(v === null ? '0' : v.toString())
      .times(f)
      .toDecimalPlaces(0, Dec.ROUND_HALF_UP)
      .toString();
  return {
    numerator: base(numerator, def.numeratorScale),
    denominator: base(denominator, def.denominatorScale),
  };
}

/**
 * The library's `Measurement` (unscored) from a SQL tally: the same value, status (the rule
 * set's minimum sample), window and units as `evaluateStore` gives before scoring.
 */
export function resultFromTally(
  tally: SqlTally,
  asOf: string,
  ruleSet: RuleSet = defaultRuleSet,
): Measurement {
  const def =
    tally.metricId === 'reviews.good-rate'
      ? goodReviewRateDefinition
      : (getMetricDefinition(tally.metricId) as MetricDefinition);
  const numerator = new Dec(tally.numerator.toString()).div(def.numeratorScale);
  const denominator = new Dec(tally.denominator.toString()).div(def.denominatorScale);
  const noData = tally.denominator === 0n;
  const minimum =
    (ruleSet.minimumSample as Partial<Record<string, { value: number }>>)[def.id]?.value ?? 0;
  return {
    id: def.id,
    module: def.module,
    unit: def.unit,
    direction: def.direction,
    // A metric whose sample is not its denominator (the facilitated share's consultations) is
    // not tallied with it here: no count, so no minimum-sample rule (`sample: null`).
    status: noData
      ? 'no-data'
      : def.sample === undefined && denominator.lt(minimum)
        ? 'too-little-data'
        : 'ok',
    value: noData ? null : numerator.div(denominator),
    numerator,
    denominator,
    window: resolveWindow(parseDayKey(asOf, 'asOf'), windowOf(def, ruleSet)),
    ...(def.sample === undefined ? {} : { sample: null }),
  };
}

type Cell = string | number | boolean | undefined;

function append(a: DuckDBAppender, cells: readonly Cell[], kinds: string): void {
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === undefined) a.appendNull();
    else if (kinds[i] === 'v') a.appendVarchar(v as string);
    else if (kinds[i] === 'b') a.appendBigInt(BigInt(v as number));
    else if (kinds[i] === 'i') a.appendInteger(v as number);
    else a.appendBoolean(v as boolean);
  }
  a.endRow();
}

/**
 * Appends parsed stores to the tables (created first with {@link createTables}). Inferred
 * `ratedAt`/`ruledAt` are written as NULL: the SQL dates them itself, from the raw facts.
 */
/** The tables of `sql/schema.sql`, in load order. */
export const TABLES = [
  'stores',
  'chat_sessions',
  'chat_messages',
  'orders',
  'reviews',
  'service_orders',
  'disputes',
  'assured_services',
] as const;

export async function loadStores(
  conn: DuckDBConnection,
  stores: readonly StoreData[],
): Promise<void> {
  const open = (t: string) => conn.createAppender(t);
  const [st, cs, cm, or, rv, so, dp, as] = await Promise.all(TABLES.map(open));
  for (const d of stores) {
    const id = d.store.id;
    append(
      st as DuckDBAppender,
      [id, d.store.name, d.store.category?.level1, d.store.category?.level2],
      'vvvv',
    );
    for (const s of d.chatSessions) {
      append(
        cs as DuckDBAppender,
        [id, s.id, s.customerId, s.kind, s.stage, s.rating, s.ratedAt],
        'vvvvvvb',
      );
      s.messages.forEach((m, i) => {
        append(cm as DuckDBAppender, [id, s.id, i, m.from, m.at], 'vvivb');
      });
    }
    for (const o of d.orders) {
      append(
        or as DuckDBAppender,
        [
          id,
          o.id,
          o.customerId,
          o.placedAt,
          o.paidAt,
          o.cashOnDelivery,
          o.amountFen,
          o.units,
          o.cancelledAt,
          o.outboundAt,
          o.collectedAt,
          o.deliveredAt,
        ],
        'vvvbbxbibbbb',
      );
    }
    for (const r of d.reviews) {
      append(
        rv as DuckDBAppender,
        [id, r.id, r.customerId, r.orderId, r.createdAt, r.stars, r.repliedAt, r.excluded],
        'vvvvbibx',
      );
    }
    for (const s of d.serviceOrders) {
      append(
        so as DuckDBAppender,
        [
          id,
          s.id,
          s.orderId,
          s.type,
          s.reason,
          s.appliedAt,
          s.approvedAt,
          s.rejectedAt,
          s.completedAt,
          s.rating,
          s.ratedAt,
        ],
        'vvvvvbbbbvb',
      );
    }
    for (const x of d.disputes) {
      append(
        dp as DuckDBAppender,
        [
          id,
          x.id,
          x.orderId,
          x.openedAt,
          x.ruling,
          x.ruledAtInferred ? undefined : x.ruledAt,
          x.appealUpheldAt,
        ],
        'vvvbvbb',
      );
    }
    for (const a of d.assuredServices) {
      append(as as DuckDBAppender, [id, a.service, a.enabledAt, a.disabledAt], 'vvbb');
    }
  }
  for (const a of [st, cs, cm, or, rv, so, dp, as]) (a as DuckDBAppender).closeSync();
}
