/**
 * The scorecard stage: a day's measurements scored (by peers or the rule set's curves),
 * aggregated into modules and the composite, with the 放心购 bonus and the total. Pure: it
 * measures nothing.
 *
 * @module
 */
import {
  expectArrayArgument,
  expectMeasurement,
  expectObjectArgument,
  expectShapeArgument,
} from '../errors.js';
import { MODULE_IDS, type ModuleId } from '../ids.js';
import { type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import type { Measurement } from '../metrics/types.js';
import type { AssuredService, Store, StoreDataCollection } from '../model.js';
import { ruleSetFingerprint } from '../ruleset/fingerprint.js';
import { defaultRuleSet, RULE_SET_SHAPE, type RuleSet } from '../ruleset/ruleSet.js';
import { compositeScore } from '../scoring/aggregate.js';
import { type AssuredBonus, assuredBonus, totalScore } from '../scoring/bonus.js';
import {
  type MetricResult,
  type ScoreMethod,
  scoreMetric,
  versusAverage,
} from '../scoring/metric.js';
import { type ModuleScore, scoreModules } from '../scoring/modules.js';
import { type DayNumber, dayKeyOf, dayStartMs, parseDayKey } from '../time/shanghai.js';
import type { IndustryAverages } from './industryAverages.js';
import type { PeerData } from './peers.js';

/**
 * Something the reader of a scorecard must know to trust it, JSON-friendly. `'not-provided'`: a
 * collection of the store data was not provided (unknown, not none), so the metrics that read
 * it are `no-data` and their modules are scored without them.
 */
export interface ScorecardWarning {
  /** What kind of warning. */
  readonly code: 'not-provided';
  /** The collection not provided. */
  readonly collection: StoreDataCollection;
  /** The metrics that read it, `no-data` for that reason (none for `assuredServices`: the bonus). */
  readonly metrics: readonly MetricId[];
  /** One sentence for people. */
  readonly message: string;
}

/** A store's scores for one evaluation day: everything but the standing. */
export interface ScorecardScores {
  /** The store evaluated. */
  readonly store: Store;
  /** The evaluation day, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Id of the rule set applied. */
  readonly ruleSetId: string;
  /** What the card was scored with: `whatIf` and `pathToTarget` check their options against it. */
  readonly scoredWith: ScoredWith;
  /** Every metric of the catalogue, by id, with its score. */
  readonly metrics: Readonly<Record<MetricId, MetricResult<MetricId>>>;
  /** Each module's score and what makes it up. */
  readonly modules: Readonly<Record<ModuleId, ModuleScore>>;
  /** Weighted mean of the module scores, 2 decimals; `null` when no module has a score. */
  readonly composite: number | null;
  /** The 放心购 bonus. */
  readonly bonus: AssuredBonus;
  /** Composite plus bonus, at most 10; `null` without a composite. */
  readonly total: number | null;
  /** 好评率, the good review rate (supplementary: never scored, `score` is `null`; the 放心购 tag needs it). */
  readonly goodReviewRate: MetricResult<'reviews.good-rate'>;
  /** What the reader must know to trust the card (a collection not provided…); absent when nothing. */
  readonly warnings?: readonly ScorecardWarning[];
}

/**
 * What a scorecard was scored with: the rule set (its id and {@link ruleSetFingerprint}), and
 * whether peers, a ranking or industry averages took part. A re-scoring (`whatIf`,
 * `pathToTarget`) needs the same: the card carries the ranking and the averages, not the rule
 * set or the peers.
 */
export interface ScoredWith {
  /** The rule set's id and the fingerprint of its rules. */
  readonly ruleSet: { readonly id: string; readonly fingerprint: string };
  /** Whether category peers were given (any list): metric percentiles, or the ranking among them. */
  readonly peers: boolean;
  /** Whether a ranking read from JD was given. */
  readonly ranking: boolean;
  /** Whether industry averages (行业均值) were given. */
  readonly industryAverages: boolean;
}

/**
 * Whether peer data holds any list: only then can peers change a score or rank a store.
 *
 * @internal
 */
export function hasPeerLists(peers: Partial<PeerData> | undefined): boolean {
  if (peers === undefined) return false;
  const some = (o: object | undefined) =>
    Object.values(o ?? {}).some((l) => Array.isArray(l) && l.length > 0);
  return (peers.composites?.length ?? 0) > 0 || some(peers.modules) || some(peers.metrics);
}

/** What {@link scoreStore} scores. */
export interface ScoreStoreInput {
  /** The store the measurements are of. */
  readonly store: Store;
  /** The evaluation day D, `YYYY-MM-DD` (Shanghai). */
  readonly asOf: string;
  /** Rules to score by; the default rule set by default. */
  readonly ruleSet?: RuleSet;
  /** The day's measurement of every metric of the catalogue. */
  readonly measurements: Readonly<Record<MetricId, Measurement<MetricId>>>;
  readonly goodReviewRate: Measurement<'reviews.good-rate'>;
  /** The store's 放心购 service records (none by default). */
  readonly services?: readonly AssuredService[];
  /** Peers' metric values: a metric scores by percentile among them when given. */
  readonly peers?: Pick<PeerData, 'metrics'> | undefined;
  /**
   * What else took part, for `scoredWith` (the standing's peers' totals, a ranking, industry
   * averages); by default only the peers given here.
   */
  readonly scoredWith?: Partial<Pick<ScoredWith, 'peers' | 'ranking' | 'industryAverages'>>;
  /**
   * Industry averages (行业均值) by metric id: a metric below its minimum sample is scored at its
   * average, and each metric with one says better or worse (`versusAverage`).
   */
  readonly industryAverages?: IndustryAverages | undefined;
  /** Warnings to carry on the card (the evaluators' not-provided collections). */
  readonly warnings?: readonly ScorecardWarning[] | undefined;
}

/**
 * Scores a day's measurements (from the calculators, or tallied elsewhere, e.g. in SQL): each
 * metric by percentile among peers (when given) or by the rule set's curve, then the modules,
 * the composite, the 放心购 bonus at the as-of instant and the total. The very stage
 * `evaluateStore` uses after measuring.
 *
 * @throws {ArgumentError} on a malformed `asOf`.
 *
 * @example
 * ```ts
 * const card = evaluateStore(data, { asOf: '2026-11-23' });
 * // The same measurements scored again under other module weights, without measuring again:
 * const rescored = scoreStore({
 *   store: card.store,
 *   asOf: card.asOf,
 *   measurements: card.metrics,
 *   goodReviewRate: card.goodReviewRate,
 *   ruleSet: defineRuleSet({ moduleWeights: { logistics: 22 } }),
 * });
 * rescored.metrics['reviews.negative-rate'].score === card.metrics['reviews.negative-rate'].score;
 * //=> true
 * ```
 */
export function scoreStore(input: ScoreStoreInput): ScorecardScores {
  expectObjectArgument(
    'scoreStore',
    'the input { store, asOf, measurements, goodReviewRate }',
    input,
  );
  expectObjectArgument('scoreStore', 'the measurements by metric id', input.measurements);
  for (const def of metricCatalogue)
    expectMeasurement('scoreStore', input.measurements[def.id], `measurements.${def.id}`);
  expectMeasurement('scoreStore', input.goodReviewRate, 'goodReviewRate');
  expectObjectArgument('scoreStore', 'the store', input.store);
  if (input.ruleSet !== undefined)
    expectShapeArgument('scoreStore', 'the rule set', input.ruleSet, RULE_SET_SHAPE);
  if (input.services !== undefined)
    expectArrayArgument('scoreStore', 'the services', input.services);
  return scoreDay({ ...input, day: parseDayKey(input?.asOf, 'asOf') });
}

/**
 * {@link scoreStore} for a day number.
 *
 * @internal
 */
export function scoreDay(
  input: Omit<ScoreStoreInput, 'asOf'> & { readonly day: DayNumber },
): ScorecardScores {
  const ruleSet = input.ruleSet ?? defaultRuleSet;
  const metrics = {} as Record<MetricId, MetricResult<MetricId>>;
  const methods: Partial<Record<MetricId, ScoreMethod>> = {};
  for (const def of metricCatalogue) {
    const m = input.measurements[def.id];
    const peerValues = input.peers?.metrics?.[def.id];
    const average = input.industryAverages?.[def.id];
    const { score, method } = scoreMetric(m, {
      ruleSet,
      ...(peerValues === undefined ? {} : { peerValues }),
      ...(average === undefined ? {} : { industryAverage: average }),
    });
    const vs = average === undefined ? undefined : versusAverage(m, average);
    // What an earlier scoring added (a card's metrics scored again) is decided afresh here.
    const {
      scoredAt: _at,
      industryAverage: _avg,
      versusAverage: _vs,
      ...own
    } = m as MetricResult<MetricId>;
    metrics[def.id] = {
      ...own,
      score,
      ...(method === 'industry-average' || method === 'peers-mean' ? { scoredAt: method } : {}),
      ...(average === undefined ? {} : { industryAverage: average }),
      ...(vs === undefined ? {} : { versusAverage: vs }),
    };
    methods[def.id] = method;
  }
  const modules = scoreModules(metrics, ruleSet, methods);
  const moduleScores: Partial<Record<ModuleId, number | null>> = {};
  for (const m of MODULE_IDS) moduleScores[m] = modules[m].score;
  const composite = compositeScore(moduleScores, ruleSet.moduleWeights);
  const bonus = assuredBonus(input.services ?? [], dayStartMs(input.day), ruleSet.bonus);
  return {
    store: input.store,
    asOf: dayKeyOf(input.day),
    ruleSetId: ruleSet.id,
    scoredWith: {
      ruleSet: { id: ruleSet.id, fingerprint: ruleSetFingerprint(ruleSet) },
      peers: input.scoredWith?.peers ?? hasPeerLists(input.peers),
      ranking: input.scoredWith?.ranking ?? false,
      industryAverages: input.scoredWith?.industryAverages ?? false,
    },
    metrics,
    modules,
    composite,
    bonus,
    total: totalScore(composite, bonus.points, ruleSet.totalCap.value),
    goodReviewRate: { ...input.goodReviewRate, score: null },
    ...(input.warnings === undefined || input.warnings.length === 0
      ? {}
      : { warnings: input.warnings }),
  };
}
