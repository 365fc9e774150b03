/**
 * Scoring one metric: the rule set's absolute curve, or a percentile among category peers.
 *
 * @module
 */
import {
  expectArrayArgument,
  expectMeasurement,
  expectObjectArgument,
  expectShapeArgument,
} from '../errors.js';
import type { MetricId } from '../metrics/catalogue.js';
import { getMetricDefinition } from '../metrics/catalogue.js';
import type { Measurement } from '../metrics/types.js';
import { defaultRuleSet, RULE_SET_SHAPE, type RuleSet } from '../ruleset/ruleSet.js';
import { scoreByCurve } from './curve.js';
import { peerMean, scoreAgainstPeers } from './percentile.js';

/**
 * One metric's value for one evaluation day with its score: a {@link Measurement} scored by the
 * scorecard.
 */
export interface MetricResult<Id extends string = MetricId | 'reviews.good-rate'>
  extends Measurement<Id> {
  /**
   * Score 0–10: by the rule set's absolute curve (`good` scores 9, `poor` 5), or, with peers,
   * by percentile among them; below the minimum sample (no data or too little), the score of
   * the supplied industry average, else of the peers' mean (`scoredAt` says which), else `null`;
   * `null` for a metric whose data was not provided.
   */
  readonly score: number | null;
  /**
   * What the score stands for when the store's own value could not be scored (below the
   * minimum sample): `'industry-average'`, the supplied 行业均值; `'peers-mean'`, the mean of
   * the peers' values. Absent when the score is the store's own (or there is none).
   */
  readonly scoredAt?: 'industry-average' | 'peers-mean';
  /** `'values'` when scored from values read off JD's back-end (`scoreValues`), not measured. */
  readonly source?: 'values';
  /** The supplied industry average (行业均值) of the metric, when one was given, in its unit. */
  readonly industryAverage?: number;
  /** Against the supplied industry average, when one was given and the metric has a value. */
  readonly versusAverage?: VersusAverage;
}

/** A value against a supplied industry average: better or worse, and by how much. */
export interface VersusAverage {
  /** The industry average, in the metric's unit. */
  readonly average: number;
  /** value − average, in the metric's unit. */
  readonly difference: number;
  /** Direction-aware: `'better'` when the value beats the average. */
  readonly comparison: 'better' | 'worse' | 'equal';
}

/**
 * How a metric score was obtained: `peers` (percentile among peers), `curve` (the rule set's
 * absolute curve), `industry-average` (below the minimum sample: the supplied industry average
 * scored instead), `peers-mean` (below the minimum sample, no average: the peers' mean scored
 * instead), `too-little-data` (too little data, nothing to stand in: no score, left out of its
 * module), `none` (no data and nothing to stand in, or data not provided).
 */
export type ScoreMethod =
  | 'peers'
  | 'curve'
  | 'industry-average'
  | 'peers-mean'
  | 'too-little-data'
  | 'none';

/** Options of {@link scoreMetric}. */
export interface ScoreMetricOptions {
  /** Rules (control points); {@link defaultRuleSet} by default. */
  readonly ruleSet?: RuleSet;
  /** Values of the same metric at category peers: when non-empty, the score is a percentile among them. */
  readonly peerValues?: readonly number[];
  /**
   * The industry average (行业均值) of the metric, in its unit: below the minimum sample the
   * metric is scored at it (`published`: JD gives stores with too little data the industry average).
   */
  readonly industryAverage?: number;
}

/** A metric's score and how it was obtained. */
export interface MetricScore {
  /** 0–10, or `null` when neither the store nor its peers have data. */
  readonly score: number | null;
  /** How the score was obtained (see {@link ScoreMethod}). */
  readonly method: ScoreMethod;
}

/**
 * Scores one metric result on 0–10. With peer values: 10 × the share of peers the store does
 * better than (ties half), direction-aware, except that the best attainable ratio (0 for a
 * lower-is-better ratio, 1 for a higher-is-better one) that no peer beats scores 10. Without
 * peers: the rule set's log-normal curve (`good` → 9, `poor` → 5). Below the minimum sample
 * (status `no-data` or `too-little-data`) the store's own value is not scored: the supplied
 * industry average is (`published`: JD gives such stores the industry average), else the
 * peers' mean (`assumption`), each scored as above; with neither, no score (its module shares
 * its weight). A metric whose data was not provided or not given (a `reason`) has no score.
 *
 * @example
 * ```ts
 * import { Decimal } from 'decimal.js';
 * const r = { ...responseRate30s(data, { asOf: '2026-11-23' }), value: new Decimal('0.95') };
 * scoreMetric(r).score; // the curve: good 95% scores 9
 * //=> 9
 * scoreMetric(r, { peerValues: [0.9, 0.96] }).score; // better than one of two peers
 * //=> 5
 * scoreMetric({ ...r, status: 'too-little-data' }, { industryAverage: 0.95 });
 * //=> { score: 9, method: 'industry-average' }
 * scoreMetric({ ...r, status: 'no-data', value: null }).method;
 * //=> 'none'
 * ```
 */
export function scoreMetric(result: Measurement, options: ScoreMetricOptions = {}): MetricScore {
  expectMeasurement('scoreMetric', result);
  expectObjectArgument('scoreMetric', 'the options', options);
  if (options.peerValues !== undefined)
    expectArrayArgument('scoreMetric', 'the peer values', options.peerValues);
  if (options.ruleSet !== undefined)
    expectShapeArgument('scoreMetric', 'the rule set', options.ruleSet, RULE_SET_SHAPE);
  const rules = options.ruleSet ?? defaultRuleSet;
  const peers = options.peerValues ?? [];
  const scoreValue = (value: number): number | null => {
    if (peers.length > 0) return scoreAgainstPeers(value, peers, result.direction, result.unit);
    const def = getMetricDefinition(result.id);
    if (def === undefined) return null;
    return scoreByCurve(value, rules.controlPoints[def.id].value, def.direction, def.unit);
  };
  if (result.value !== null && result.status === 'ok') {
    const score = scoreValue(result.value.toNumber());
    return { score, method: score === null ? 'none' : peers.length > 0 ? 'peers' : 'curve' };
  }
  if (result.reason === undefined) {
    // Below the minimum sample: the industry average, else the peers' mean, stands in.
    if (options.industryAverage !== undefined) {
      const score = scoreValue(options.industryAverage);
      if (score !== null) return { score, method: 'industry-average' };
    } else if (peers.length > 0) {
      return { score: scoreValue(peerMean(peers) as number), method: 'peers-mean' };
    }
  }
  return { score: null, method: result.status === 'too-little-data' ? 'too-little-data' : 'none' };
}

/**
 * A measured value against an industry average (行业均值), direction-aware; `undefined` when the
 * metric has no value.
 *
 * @example
 * ```ts
 * import { Decimal } from 'decimal.js';
 * versusAverage({ value: new Decimal('0.012'), direction: 'lower-is-better' }, 0.02);
 * //=> { average: 0.02, difference: -0.008, comparison: 'better' }
 * ```
 */
export function versusAverage(
  m: Pick<Measurement, 'value' | 'direction'>,
  average: number,
): VersusAverage | undefined {
  if (m.value === null) return undefined;
  const difference = m.value.minus(average);
  const sign = difference.isZero() ? 0 : difference.isPositive() ? 1 : -1;
  const better = m.direction === 'higher-is-better' ? sign > 0 : sign < 0;
  return {
    average,
    difference: difference.toNumber(),
    comparison: sign === 0 ? 'equal' : better ? 'better' : 'worse',
  };
}
