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
import { peerMedian, scoreAgainstPeers } from './percentile.js';

/**
 * One metric's value for one evaluation day with its score: a {@link Measurement} scored by the
 * scorecard.
 */
export interface MetricResult<Id extends string = MetricId | 'reviews.good-rate'>
  extends Measurement<Id> {
  /**
   * Score 0–10: by the rule set's absolute curve (`good` scores 9, `poor` 5), or, with peers,
   * by percentile among them; `null` without data or with too little data (with peers: the
   * peers' median score instead).
   */
  readonly score: number | null;
  /** `'values'` when scored from values read off JD's back-end (`scoreValues`), not measured. */
  readonly source?: 'values';
  /** Against a supplied industry average (行业均值), when one was given (`scoreValues`). */
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
 * How a metric score was obtained: `peers` (percentile among peers), `peer-median` (no data or
 * too little data of its own: scored as the peers' median), `curve` (the rule set's absolute
 * curve), `too-little-data` (too little data and no peers: no score, left out of its module),
 * `none` (no data, no peers).
 */
export type ScoreMethod = 'peers' | 'peer-median' | 'curve' | 'too-little-data' | 'none';

/** Options of {@link scoreMetric}. */
export interface ScoreMetricOptions {
  /** Rules (control points); {@link defaultRuleSet} by default. */
  readonly ruleSet?: RuleSet;
  /** Values of the same metric at category peers: when non-empty, the score is a percentile among them. */
  readonly peerValues?: readonly number[];
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
 * lower-is-better ratio, 1 for a higher-is-better one) that no peer beats scores 10; a metric
 * without data, or with too little data (status `too-little-data`), of its own scores as the
 * peers' median (`published`: stores with too little data get the industry average). Without
 * peers: the rule set's log-normal curve (`good` → 9, `poor` → 5); too little data: no score
 * (its module shares its weight). No data and no peers: `null`.
 *
 * @example
 * ```ts
 * import { Decimal } from 'decimal.js';
 * const r = { ...responseRate30s(data, { asOf: '2026-11-23' }), value: new Decimal('0.95') };
 * scoreMetric(r).score; // the curve: good 95% scores 9
 * //=> 9
 * scoreMetric(r, { peerValues: [0.9, 0.96] }).score; // better than one of two peers
 * //=> 5
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
  if (peers.length > 0) {
    if (result.value === null || result.status !== 'ok') {
      const median = peerMedian(peers) as number;
      return {
        score: scoreAgainstPeers(median, peers, result.direction, result.unit),
        method: 'peer-median',
      };
    }
    return {
      score: scoreAgainstPeers(result.value.toNumber(), peers, result.direction, result.unit),
      method: 'peers',
    };
  }
  if (result.value === null) return { score: null, method: 'none' };
  if (result.status === 'too-little-data') return { score: null, method: 'too-little-data' };
  const def = getMetricDefinition(result.id);
  if (def === undefined) return { score: null, method: 'none' };
  return {
    score: scoreByCurve(
      result.value.toNumber(),
      rules.controlPoints[def.id].value,
      def.direction,
      def.unit,
    ),
    method: 'curve',
  };
}
