/**
 * Scoring and aggregation of measured metric values (measure, score, aggregate; each
 * layer pure and exported, so stored values can be re-scored without measuring again).
 *
 * @module
 */
import { Dec } from '../decimal.js';
import { MODULE_IDS, MODULE_NAMES, type ModuleId } from '../ids.js';
import { getMetricDefinition, metricCatalogue } from '../metrics/catalogue.js';
import type { MetricId, MetricResult } from '../metrics/types.js';
import { defaultRuleSet, type RuleSet } from '../rules/ruleSet.js';
import { compositeScore } from '../scoring/aggregate.js';
import { scoreByCurve } from '../scoring/curve.js';
import { peerMedian, scoreAgainstPeers } from '../scoring/percentile.js';

/**
 * Values of stores of the same category (主营二级类目), to score and rank against. Each list
 * holds other stores' values, not the store's own.
 */
export interface PeerData {
  /** The category the peers belong to (informational). */
  readonly category?: string;
  /** The evaluation day the peers' values are for, `YYYY-MM-DD` (informational). */
  readonly asOf?: string;
  /**
   * Peers' weather-vane **totals** (composite plus 放心购 bonus, 0–10, what JD ranks by), for the
   * ranking rate; the name is kept from JD's 综合得分 for compatibility.
   */
  readonly composites?: readonly number[];
  /** Peers' module scores (0–10) by module id, for the module rankings. */
  readonly modules?: Partial<Record<ModuleId, readonly number[]>>;
  /**
   * Peers' metric values by metric id, in the metric's unit (ratios as fractions 0–1, so 3.2%
   * is `0.032`; seconds and hours ≥ 0; points 0–10), for percentile scores.
   */
  readonly metrics?: Partial<Record<MetricId, readonly number[]>>;
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
 * const r = responseRate30s(data, { asOf: '2026-11-23' }); // value 0.95
 * scoreMetric(r).score; // the curve: good 95% scores 9
 * //=> 9
 * scoreMetric(r, { peerValues: [0.9, 0.96] }).score; // better than one of two peers
 * //=> 5
 * scoreMetric({ ...r, status: 'no-data', value: null }).method;
 * //=> 'none'
 * ```
 */
export function scoreMetric(result: MetricResult, options: ScoreMetricOptions = {}): MetricScore {
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

/** One metric's part in its module score. */
export interface MetricContribution {
  readonly id: MetricId;
  readonly name: { readonly zh: string; readonly en: string };
  /** The metric's score (0–10) or `null`. */
  readonly score: number | null;
  /** How the score was obtained. */
  readonly method: ScoreMethod;
  /** Its share of the module (0–1): its weight over the weights of the metrics that have a score. */
  readonly weight: number;
  /** Points it costs the module against a perfect 10: weight × (10 − score), 2 decimals. */
  readonly pointsLost: number;
}

/** A module's score and what makes it up. */
export interface ModuleScore {
  readonly id: ModuleId;
  readonly name: { readonly zh: string; readonly en: string };
  /** Weighted mean of its metrics' scores, 2 decimals (half up); `null` when no metric has a score. */
  readonly score: number | null;
  /** Its share of the composite (0–1) among the modules that have a score. */
  readonly weight: number;
  /** Its metrics, the heaviest loss first. */
  readonly metrics: readonly MetricContribution[];
}

const round2 = (d: InstanceType<typeof Dec>) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber();

/** How a result's own score was obtained when the caller does not say. */
function methodOf(r: MetricResult | undefined): ScoreMethod {
  if (r?.score != null) return 'curve';
  return r?.status === 'too-little-data' ? 'too-little-data' : 'none';
}

/**
 * Module scores from scored metric results (with how each was scored, for the explanation):
 * each the weighted mean of its metrics' scores (the
 * rule set's metric weights; a metric without a score has its weight shared among the others),
 * rounded to 2 decimals, with each metric's share and the points it costs.
 *
 * @example
 * ```ts
 * const modules = scoreModules(card.metrics);
 * modules.logistics.score;
 * //=> 8.74
 * modules.logistics.metrics[0]; // the metric that costs the most
 * //=> { id: 'logistics.next-day-arrival-rate', …, weight: 0.3333, pointsLost: 0.81 }
 * ```
 */
export function scoreModules(
  metrics: Readonly<Record<MetricId, MetricResult>>,
  ruleSet: RuleSet = defaultRuleSet,
  methods: Partial<Record<MetricId, ScoreMethod>> = {},
): Record<ModuleId, ModuleScore> {
  const out = {} as Record<ModuleId, ModuleScore>;
  const moduleWeights = ruleSet.moduleWeights.value;
  const scored = MODULE_IDS.filter((m) =>
    metricCatalogue.some((d) => d.module === m && metrics[d.id]?.score != null),
  );
  const totalModuleWeight = scored.reduce((s, m) => s.plus(moduleWeights[m] ?? 0), new Dec(0));
  for (const m of MODULE_IDS) {
    const defs = metricCatalogue.filter((d) => d.module === m);
    let weightSum = new Dec(0);
    for (const d of defs)
      if (metrics[d.id]?.score != null)
        weightSum = weightSum.plus(ruleSet.metricWeights[d.id]?.value ?? 0);
    let mean = new Dec(0);
    const contributions: MetricContribution[] = defs.map((d) => {
      const r = metrics[d.id];
      const score = r?.score ?? null;
      const w =
        score === null || weightSum.isZero()
          ? new Dec(0)
          : new Dec(ruleSet.metricWeights[d.id]?.value ?? 0).div(weightSum);
      if (score !== null) mean = mean.plus(w.times(score));
      return {
        id: d.id,
        name: d.name,
        score,
        method: methods[d.id] ?? methodOf(r),
        weight: w.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toNumber(),
        pointsLost: score === null ? 0 : round2(w.times(new Dec(10).minus(score))),
      };
    });
    contributions.sort((a, b) => b.pointsLost - a.pointsLost);
    const has = !weightSum.isZero();
    out[m] = {
      id: m,
      name: MODULE_NAMES[m],
      score: has ? round2(mean) : null,
      weight:
        has && !totalModuleWeight.isZero()
          ? new Dec(moduleWeights[m] ?? 0)
              .div(totalModuleWeight)
              .toDecimalPlaces(4, Dec.ROUND_HALF_UP)
              .toNumber()
          : 0,
      metrics: contributions,
    };
  }
  return out;
}

/**
 * The composite (0–10, 2 decimals) from module scores with the rule set's module weights.
 * The composite is computed from the rounded module scores a merchant sees, so it can be checked by hand.
 *
 * @example
 * ```ts
 * compositeOf(scoreModules(card.metrics));
 * //=> 9.12
 * ```
 */
export function compositeOf(
  modules: Readonly<Record<ModuleId, ModuleScore>>,
  ruleSet: RuleSet = defaultRuleSet,
): number | null {
  const scores: Partial<Record<ModuleId, number | null>> = {};
  for (const m of MODULE_IDS) scores[m] = modules[m].score;
  return compositeScore(scores, ruleSet.moduleWeights.value);
}
