/**
 * Rule sets: every rule-set-specific number (windows, hours, weights, curves, tables, bonus
 * points) as data. A new JD rule generation is a new object, not new code.
 *
 * @module
 */
import { type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import type { MetricDefaults } from '../metrics/types.js';
import type { CurveControlPoints } from '../rules/curve.js';
import {
  DEFAULT_CHAT_RULES,
  DEFAULT_LOGISTICS_RULES,
  DEFAULT_REVIEW_RULES,
  type MeasurementParameters,
} from '../rules/measurement.js';
import { type Sourced, sourced } from '../rules/provenance.js';
import {
  type AssuredTagRules,
  type BonusRules,
  type ChatPenaltyRules,
  type ConsumerWarningRules,
  DEFAULT_ACTIVITY_GATE,
  DEFAULT_ASSURED_TAG_RULES,
  DEFAULT_BONUS,
  DEFAULT_CHAT_PENALTY_RULES,
  DEFAULT_CONSUMER_WARNING_RULES,
  DEFAULT_GOOD_SHOP_RULES,
  DEFAULT_MODULE_LABELS,
  DEFAULT_MODULE_WEIGHTS,
  DEFAULT_STAR_TABLE,
  DEFAULT_WARM_SHOPKEEPER_RULES,
  type GoodShopRules,
  type ModuleLabelRules,
  type ModuleWeights,
  type StarTable,
  type WarmShopkeeperRules,
} from '../rules/scoringDefaults.js';
import type { WindowSpec } from '../time/window.js';

/** The measurement half of a rule set: the parameters, and each metric's window and minimum sample. */
export interface MeasurementRules extends MeasurementParameters {
  /** Each metric's window `[D−a, D−b]`. */
  readonly windows: Readonly<Record<MetricId, Sourced<WindowSpec>>>;
  /**
   * Each metric's minimum sample: below this denominator (a count of cases, in the result's
   * unit; the facilitated amount share's received pre-sales consultations) the result has status
   * `'too-little-data'`, keeps its value, and is scored at the supplied industry average, else at
   * the peers' mean when peers are given, else left out of its module. 0: no minimum.
   */
  readonly minimumSample: Readonly<Record<MetricId, Sourced<number>>>;
}

/** The scoring and standing half of a rule set. */
export interface ScoringRules {
  /** Weights of the modules in the composite (relative; a module without a score shares its weight). */
  readonly moduleWeights: Sourced<ModuleWeights>;
  /** Weights of the metrics in their module (relative). */
  readonly metricWeights: Readonly<Record<MetricId, Sourced<number>>>;
  /** Control points of each metric's absolute curve (`good` scores 9, `poor` 5). */
  readonly controlPoints: Readonly<Record<MetricId, Sourced<CurveControlPoints>>>;
  /** The 放心购 bonus. */
  readonly bonus: BonusRules;
  /** The composite plus bonus never exceeds this. */
  readonly totalCap: Sourced<number>;
  /** Stars from the ranking rate. */
  readonly stars: StarTable;
  /** 京东好店 Good Shop. */
  readonly goodShop: GoodShopRules;
  /** The 放心购 tag. */
  readonly assuredTag: AssuredTagRules;
  /** The 热情掌柜 badge. */
  readonly warmShopkeeper: WarmShopkeeperRules;
  /** The monthly chat defect penalty (咚咚缺陷). */
  readonly chatPenalty: ChatPenaltyRules;
  /** Consumer warnings. */
  readonly consumerWarnings: ConsumerWarningRules;
  /** Lowest ranking rate that may report for activities. */
  readonly activityGate: Sourced<number>;
  /** Where a module's ranking turns its 高/中/低 label. */
  readonly moduleLabels: ModuleLabelRules;
}

/** A complete rule set: how to measure, score, aggregate and rank. */
export interface RuleSet extends MeasurementRules, ScoringRules {
  /** Stable id, like `jd-default`. */
  readonly id: string;
  /** Human-readable description of the rule generation. */
  readonly description: string;
}

/**
 * Freezes an object and everything reachable from it, so that no default can be changed by
 * assignment for the whole process (`DEFAULT_CHAT_RULES.responseThresholdSeconds = …` throws in
 * strict mode and changes nothing otherwise). Derive a rule set with `defineRuleSet` instead.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) Object.freeze(value);
  if (typeof value === 'object' && value !== null)
    for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v);
  return value;
}

/** One entry per metric of the catalogue, from its definition's defaults. */
function byMetric<K extends keyof MetricDefaults>(
  key: K,
): Readonly<Record<MetricId, MetricDefaults[K]>> {
  const out = {} as Record<MetricId, MetricDefaults[K]>;
  for (const d of metricCatalogue) out[d.id] = d.defaults[key];
  return out;
}

/**
 * The default rule set: the source articles' rules, with published notices where the articles are
 * silent and documented assumptions where both are. Each metric's window, curve, weight and
 * minimum sample come from its definition (`metricCatalogue`); the rest from the rule tables.
 *
 * @example
 * ```ts
 * defaultRuleSet.windows['consultation.response-rate-30s'].value;
 * //=> { fromDaysBack: 35, toDaysBack: 6 }
 * defaultRuleSet.moduleWeights.value.logistics;
 * //=> 12
 * ```
 */
export const defaultRuleSet: RuleSet = deepFreeze({
  id: 'jd-default',
  description:
    'JD weather vane as described by the seed articles, completed by published JD rule notices (2018–2023) and documented assumptions',
  windows: byMetric('window'),
  minimumSample: byMetric('minimumSample'),
  chat: DEFAULT_CHAT_RULES,
  reviews: DEFAULT_REVIEW_RULES,
  logistics: DEFAULT_LOGISTICS_RULES,
  moduleWeights: DEFAULT_MODULE_WEIGHTS,
  metricWeights: byMetric('weight'),
  controlPoints: byMetric('controlPoints'),
  bonus: DEFAULT_BONUS,
  totalCap: sourced(10, {
    tag: 'assumption',
    note: 'the composite plus bonus stays on the 10-point scale',
  }),
  stars: DEFAULT_STAR_TABLE,
  goodShop: DEFAULT_GOOD_SHOP_RULES,
  assuredTag: DEFAULT_ASSURED_TAG_RULES,
  warmShopkeeper: DEFAULT_WARM_SHOPKEEPER_RULES,
  chatPenalty: DEFAULT_CHAT_PENALTY_RULES,
  consumerWarnings: DEFAULT_CONSUMER_WARNING_RULES,
  activityGate: DEFAULT_ACTIVITY_GATE,
  moduleLabels: DEFAULT_MODULE_LABELS,
});

/**
 * The sections of a rule set and the values the scoring stages open, as a template for
 * `expectShapeArgument`: a rule set from a JavaScript caller without one of them is an argument
 * of the wrong shape (an ArgumentError), not a `TypeError` from deep inside.
 *
 * @internal
 */
export const RULE_SET_SHAPE = {
  windows: {},
  minimumSample: {},
  controlPoints: {},
  metricWeights: {},
  moduleWeights: { value: {} },
  chat: {
    assessmentHours: { value: {} },
    sessionMergeGapMinutes: {},
    responseThresholdSeconds: {},
    robotRepliesCount: {},
    attributionHours: {},
  },
  reviews: { latestPerCustomer: {}, handlingHours: {} },
  logistics: { arrivalDays: {}, collectionCutoffHour: {} },
  bonus: { pointsPerService: {}, cap: {}, servicePoints: {} },
  totalCap: {},
  stars: {},
  goodShop: {},
  assuredTag: {},
  warmShopkeeper: {},
  chatPenalty: {},
  consumerWarnings: {},
  activityGate: {},
  moduleLabels: { high: {}, low: {} },
} as const;
