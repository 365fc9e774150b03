/**
 * Module scores from scored metrics: each the weighted mean of its metrics' scores (the rule
 * set's metric weights; a metric without a score has its weight shared among the others), with
 * each metric's share and the points it costs.
 *
 * @module
 */

import { Dec, round2, round4 } from '../decimal.js';
import { expectObjectArgument, expectShapeArgument } from '../errors.js';
import { MODULE_IDS, MODULE_NAMES, type ModuleId } from '../ids.js';
import { type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import { defaultRuleSet, RULE_SET_SHAPE, type RuleSet } from '../ruleset/ruleSet.js';
import { weightedShares } from './aggregate.js';
import type { MetricResult, ScoreMethod } from './metric.js';

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
  /**
   * `true` when the store has no data for any of its metrics (each `no-data`, its window empty
   * or its data not provided), whatever stands in for their scores: the module is then not
   * assessed by the every-module-≥-30% rule of the standing (`assumption`).
   */
  readonly noData?: true;
}

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
 * //=> 6.4
 * modules.logistics.metrics[0]; // the metric that costs the most
 * //=> { id: 'logistics.next-day-arrival-rate', …, weight: 0.5, pointsLost: 2.54 }
 * ```
 */
export function scoreModules(
  metrics: Readonly<Record<MetricId, MetricResult>>,
  ruleSet: RuleSet = defaultRuleSet,
  methods: Partial<Record<MetricId, ScoreMethod>> = {},
): Record<ModuleId, ModuleScore> {
  expectObjectArgument('scoreModules', 'the metric results by id', metrics);
  expectShapeArgument('scoreModules', 'the rule set', ruleSet, RULE_SET_SHAPE);
  expectObjectArgument('scoreModules', 'the methods', methods);
  const out = {} as Record<ModuleId, ModuleScore>;
  const moduleMeans: { score: number | null; weight: number }[] = [];
  for (const m of MODULE_IDS) {
    const defs = metricCatalogue.filter((d) => d.module === m);
    const { mean, shares } = weightedShares(
      'scoreModules',
      defs.map((d) => ({
        score: metrics[d.id]?.score ?? null,
        weight: ruleSet.metricWeights[d.id]?.value ?? 0,
      })),
    );
    const contributions: MetricContribution[] = defs.map((d, i) => {
      const r = metrics[d.id];
      const score = r?.score ?? null;
      const share = shares[i] as InstanceType<typeof Dec>;
      return {
        id: d.id,
        name: d.name,
        score,
        method: methods[d.id] ?? methodOf(r),
        weight: round4(share),
        pointsLost: score === null ? 0 : round2(share.times(new Dec(10).minus(score))),
      };
    });
    contributions.sort((a, b) => b.pointsLost - a.pointsLost);
    const score = mean === null ? null : round2(mean);
    moduleMeans.push({ score, weight: ruleSet.moduleWeights.value[m] ?? 0 });
    const noData = defs.every((d) => metrics[d.id]?.status === 'no-data');
    out[m] = {
      id: m,
      name: MODULE_NAMES[m],
      score,
      weight: 0,
      metrics: contributions,
      ...(noData ? { noData: true as const } : {}),
    };
  }
  // Each module's share of the composite, among the modules that have a score.
  const { shares } = weightedShares('scoreModules', moduleMeans);
  MODULE_IDS.forEach((m, i) => {
    out[m] = { ...out[m], weight: round4(shares[i] as InstanceType<typeof Dec>) };
  });
  return out;
}
