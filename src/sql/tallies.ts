/**
 * The metric SQL's output, one tally per store and metric in integer base units, and its way
 * back into the library's measurements.
 *
 * @module
 */
import { Dec } from '../decimal.js';
import { windowOf } from '../metrics/_calculate.js';
import { getMetricDefinition, type MetricId } from '../metrics/catalogue.js';
import { goodReviewRateDefinition } from '../metrics/reviews/goodReviewRate.js';
import type { Measurement, MetricDefinition } from '../metrics/types.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import { parseDayKey } from '../time/shanghai.js';
import { resolveWindow } from '../time/window.js';

/** One metric's tally for one store, in integer base units (docs/warehouse.md, "Output"). */
export interface SqlTally {
  readonly storeId: string;
  /** A metric of the catalogue, or the supplementary `reviews.good-rate`. */
  readonly metricId: MetricId | 'reviews.good-rate';
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function definitionOf(metricId: SqlTally['metricId']) {
  return metricId === 'reviews.good-rate'
    ? goodReviewRateDefinition
    : (getMetricDefinition(metricId) as MetricDefinition);
}

/**
 * A library numerator and denominator in the SQL's integer base units (the metric definition's
 * scales: milliseconds for seconds and hours, fen for yuan), as decimal strings: what a
 * {@link SqlTally} of the same store and metric holds.
 *
 * @example
 * ```ts
 * import { baseUnits } from 'jd-weather-vane/sql';
 * baseUnits('consultation.average-response-time', '12.5', 2);
 * //=> { numerator: '12500', denominator: '2' }
 * baseUnits('reviews.negative-rate', null, null);
 * //=> { numerator: '0', denominator: '0' }
 * ```
 */
export function baseUnits(
  metricId: SqlTally['metricId'],
  numerator: { toString(): string } | null,
  denominator: { toString(): string } | null,
): { numerator: string; denominator: string } {
  const def = definitionOf(metricId);
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
 * The library's unscored `Measurement` from a SQL tally: the same value, status (the rule
 * set's minimum sample), window and units as `evaluateStore` gives before scoring; feed it to
 * `scoreStore`.
 *
 * @example
 * ```ts
 * import { resultFromTally } from 'jd-weather-vane/sql';
 * const m = resultFromTally(
 *   { storeId: 's1', metricId: 'consultation.average-response-time', numerator: 12500n, denominator: 2n },
 *   '2026-11-23',
 * );
 * m.value?.toString();
 * //=> '6.25'
 * m.window;
 * //=> { from: '2026-10-19', to: '2026-11-17' }
 * ```
 */
export function resultFromTally(
  tally: SqlTally,
  asOf: string,
  ruleSet: RuleSet = defaultRuleSet,
): Measurement {
  const def = definitionOf(tally.metricId);
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

/** @internal A tally from an engine's row (integers as bigint, number or decimal string). */
export function tallyFromRow(row: Readonly<Record<string, unknown>>): SqlTally {
  return {
    storeId: String(row.store_id),
    metricId: row.metric_id as SqlTally['metricId'],
    numerator: BigInt(row.numerator as bigint | number | string),
    denominator: BigInt(row.denominator as bigint | number | string),
  };
}
