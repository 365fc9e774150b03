/**
 * The two parameter tables of the metric SQL, filled from a rule set: no rule-set number is a
 * literal in the SQL itself.
 *
 * @module
 */
import { windowOf } from '../metrics/_calculate.js';
import { metricCatalogue } from '../metrics/catalogue.js';
import { goodReviewRateDefinition } from '../metrics/reviews/goodReviewRate.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import { HOUR_MS, parseDayKey, SHANGHAI_OFFSET_MS } from '../time/shanghai.js';
import { asOfInstant } from '../time/window.js';
import type { SqlDialect } from './scripts.js';

/** The one row of the `params` table (column names in snake_case in SQL). */
export interface MetricSqlParams {
  /** The as-of instant: the as-of day's 00:00 Shanghai, epoch milliseconds. */
  readonly asOfMs: number;
  /** Shanghai's offset from UTC: a day number is `floor((ms + tzOffsetMs) / 86 400 000)`. */
  readonly tzOffsetMs: number;
  /** Chat assessment hours: a session counts when its start hour is in `[from, to)`. */
  readonly assessmentFromHour: number;
  /** End of the chat assessment hours (exclusive). */
  readonly assessmentToHour: number;
  /** Chat records of one customer closer than this are one session. */
  readonly mergeGapMs: number;
  /** A first reply within this counts for the 30-second response rate. */
  readonly responseMs: number;
  /** Whether a robot's reply counts as the first reply. */
  readonly robotRepliesCount: boolean;
  /** Orders placed up to this long after a consultation starts are attributed to it. */
  readonly attributionMs: number;
  /** Each customer's latest reviews that count. */
  readonly latestPerCustomer: number;
  /** A negative review replied to within this is handled. */
  readonly handlingMs: number;
  /** Orders shippable at or after this hour are due for collection the next day. */
  readonly cutoffHour: number;
  /** Days after the shippable day by which a delivery is on time. */
  readonly arrivalDays: number;
}

/** One row of the `metric_windows` table: a metric's window as Shanghai day numbers. */
export interface MetricSqlWindow {
  /** A metric of the catalogue, or the supplementary `reviews.good-rate`. */
  readonly metricId: string;
  /** First day of the window (a day number), inclusive. */
  readonly fromDay: number;
  /** Last day of the window (a day number), inclusive. */
  readonly toDay: number;
}

/** What the metric SQL reads besides the data: `params` and `metric_windows`. */
export interface MetricSqlParameters {
  readonly params: MetricSqlParams;
  readonly windows: readonly MetricSqlWindow[];
}

/**
 * The parameter tables' contents for an as-of day (`YYYY-MM-DD`) under a rule set: the chat,
 * review and logistics values, and every metric's window as day numbers.
 *
 * @example
 * ```ts
 * import { metricSqlParameters } from 'jd-weather-vane/sql';
 * const { params, windows } = metricSqlParameters('2026-11-23');
 * params.asOfMs;
 * //=> 1795363200000
 * windows.find((w) => w.metricId === 'consultation.response-rate-30s');
 * //=> { metricId: 'consultation.response-rate-30s', fromDay: 20745, toDay: 20774 }
 * ```
 */
export function metricSqlParameters(
  asOf: string,
  ruleSet: RuleSet = defaultRuleSet,
): MetricSqlParameters {
  const day = parseDayKey(asOf, 'asOf');
  const params: MetricSqlParams = {
    asOfMs: asOfInstant(day),
    tzOffsetMs: SHANGHAI_OFFSET_MS,
    assessmentFromHour: ruleSet.chat.assessmentHours.value.fromHour,
    assessmentToHour: ruleSet.chat.assessmentHours.value.toHour,
    mergeGapMs: ruleSet.chat.sessionMergeGapMinutes.value * 60_000,
    responseMs: ruleSet.chat.responseThresholdSeconds.value * 1000,
    robotRepliesCount: ruleSet.chat.robotRepliesCount.value,
    attributionMs: ruleSet.chat.attributionHours.value * HOUR_MS,
    latestPerCustomer: ruleSet.reviews.latestPerCustomer.value,
    handlingMs: ruleSet.reviews.handlingHours.value * HOUR_MS,
    cutoffHour: ruleSet.logistics.collectionCutoffHour.value,
    arrivalDays: ruleSet.logistics.arrivalDays.value,
  };
  const windows = [...metricCatalogue, goodReviewRateDefinition].map((m) => {
    const w = windowOf(m, ruleSet);
    return { metricId: m.id, fromDay: day - w.fromDaysBack, toDay: day - w.toDaysBack };
  });
  return { params, windows };
}

/**
 * The statements that create and fill `params` and `metric_windows` in a dialect, to run
 * before the metric SQL (DuckDB: temporary tables; ClickHouse: `Memory` tables, replaced).
 *
 * @example
 * ```ts
 * import { parameterStatements } from 'jd-weather-vane/sql';
 * const [params] = parameterStatements('clickhouse', '2026-11-23');
 * params?.includes('toInt64(1795363200000) AS as_of_ms');
 * //=> true
 * ```
 */
export function parameterStatements(
  dialect: SqlDialect,
  asOf: string,
  ruleSet: RuleSet = defaultRuleSet,
): string[] {
  const { params: p, windows } = metricSqlParameters(asOf, ruleSet);
  const big = (v: number) => (dialect === 'duckdb' ? `${v}::BIGINT` : `toInt64(${v})`);
  const int = (v: number) => (dialect === 'duckdb' ? `${v}::INTEGER` : `toInt64(${v})`);
  const columns = [
    `${big(p.asOfMs)} AS as_of_ms`,
    `${big(p.tzOffsetMs)} AS tz_offset_ms`,
    `${int(p.assessmentFromHour)} AS assessment_from_hour`,
    `${int(p.assessmentToHour)} AS assessment_to_hour`,
    `${big(p.mergeGapMs)} AS merge_gap_ms`,
    `${big(p.responseMs)} AS response_ms`,
    `${p.robotRepliesCount ? 'TRUE' : 'FALSE'} AS robot_replies_count`,
    `${big(p.attributionMs)} AS attribution_ms`,
    `${int(p.latestPerCustomer)} AS latest_per_customer`,
    `${big(p.handlingMs)} AS handling_ms`,
    `${int(p.cutoffHour)} AS cutoff_hour`,
    `${int(p.arrivalDays)} AS arrival_days`,
  ].join(', ');
  // Metric ids are the catalogue's kebab-case literals: nothing to escape.
  const rows = windows.map((w) => `('${w.metricId}', ${w.fromDay}, ${w.toDay})`).join(', ');
  if (dialect === 'duckdb') {
    return [
      `CREATE OR REPLACE TEMP TABLE params AS SELECT ${columns}`,
      'CREATE OR REPLACE TEMP TABLE metric_windows (metric_id VARCHAR, from_day INTEGER, to_day INTEGER)',
      `INSERT INTO metric_windows VALUES ${rows}`,
    ];
  }
  return [
    `CREATE OR REPLACE TABLE params ENGINE = Memory AS SELECT ${columns}`,
    'CREATE OR REPLACE TABLE metric_windows (metric_id String, from_day Int64, to_day Int64) ENGINE = Memory',
    `INSERT INTO metric_windows VALUES ${rows}`,
  ];
}
