/**
 * `evaluateStore` and `evaluateHistory`: every metric of the catalogue, scored and aggregated,
 * for one evaluation day or for every day of a range from one pass.
 *
 * @module
 */
import { didYouMean } from '../_suggest.js';
import { ArgumentError } from '../errors.js';
import { MODULE_IDS, type ModuleId } from '../ids.js';
import { resultFromSums } from '../metrics/_calculate.js';
import { type EngineResult, runEngine } from '../metrics/_engine.js';
import { metricCatalogue } from '../metrics/catalogue.js';
import { goodReviewRateDefinition } from '../metrics/reviews/goodReviewRate.js';
import type { MetricId, MetricResult } from '../metrics/types.js';
import type { Store, StoreData } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../rules/ruleSet.js';
import { parsePeerData } from '../schemas/peers.js';
import { type AssuredBonus, assuredBonus, totalScore } from '../scoring/bonus.js';
import { dayKeyOf, dayStartMs, parseDayKey } from '../time/shanghai.js';
import {
  compositeOf,
  type ModuleScore,
  type PeerData,
  type ScoreMethod,
  scoreMetric,
  scoreModules,
} from './scoring.js';
import {
  computeStanding,
  type GoodShopFacts,
  type RankingInput,
  type Standing,
} from './standing.js';

/** Options of {@link evaluateStore}. */
export interface EvaluateStoreOptions {
  /** The evaluation day D, `YYYY-MM-DD` (Shanghai). Nothing stamped at or after D 00:00 counts. */
  readonly asOf: string;
  /** Rules to apply; {@link defaultRuleSet} by default. */
  readonly ruleSet?: RuleSet;
  /**
   * Category peers: metric values score by percentile among them; their totals (`composites`)
   * and module scores rank the store. Checked as {@link parsePeerData} checks a peers file.
   */
  readonly peers?: PeerData;
  /** A ranking read from JD instead of computed from peers. */
  readonly ranking?: RankingInput;
  /** Good Shop facts the library cannot measure. */
  readonly goodShop?: GoodShopFacts;
}

/** A store's weather vane for one evaluation day. */
export interface Scorecard {
  /** The store evaluated. */
  readonly store: Store;
  /** The evaluation day, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Id of the rule set applied. */
  readonly ruleSetId: string;
  /** Every metric of the catalogue, by id, with its score. */
  readonly metrics: Readonly<Record<MetricId, MetricResult>>;
  /** Each module's score and what makes it up. */
  readonly modules: Readonly<Record<ModuleId, ModuleScore>>;
  /** Weighted mean of the module scores, 2 decimals; `null` when no module has a score. */
  readonly composite: number | null;
  /** The 放心购 bonus. */
  readonly bonus: AssuredBonus;
  /** Composite plus bonus, at most 10; `null` without a composite. */
  readonly total: number | null;
  /** 好评率, the good review rate (supplementary; the 放心购 tag needs it). */
  readonly goodReviewRate: MetricResult;
  /** What the ranking decides: present when peers' composites or a ranking were given. */
  readonly standing?: Standing;
}

/**
 * Evaluates a store for one day: every metric of the catalogue (measured, then scored against
 * peers or by the rule set's curves), the module scores, the composite, the 放心购 bonus, the
 * total, and, given peers or a ranking, the standing.
 *
 * @example
 * ```ts
 * const card = evaluateStore(parseStoreData(json), { asOf: '2026-11-23' });
 * card.metrics['consultation.response-rate-30s'].window;
 * //=> { from: '2026-10-19', to: '2026-11-17' }
 * // A store with no data at all: every metric is no-data, nothing throws.
 * const empty = evaluateStore(parseStoreData({ store: { id: 's' } }), { asOf: '2026-11-23' });
 * empty.metrics['reviews.negative-rate'].status;
 * //=> 'no-data'
 * empty.composite;
 * //=> null
 * ```
 */
export function evaluateStore(data: StoreData, options: EvaluateStoreOptions): Scorecard {
  const day = parseDayKey(options?.asOf, 'asOf');
  checkOptionKeys('evaluateStore', options, STORE_OPTION_KEYS);
  checkOptionKeys('evaluateStore', options.ranking, ['rate', 'modules'], 'ranking');
  checkOptionKeys('evaluateStore', options.goodShop, ['certified', 'baseline'], 'goodShop');
  if (options.peers !== undefined) parsePeerData(options.peers);
  const ruleSet = options.ruleSet ?? defaultRuleSet;
  const run = runEngine(data, DEFINITIONS, ruleSet, day, day);
  return scorecardOf(data, run, 0, ruleSet, options);
}

/** Options of {@link evaluateHistory}. */
export interface EvaluateHistoryOptions {
  /** First evaluation day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last evaluation day, `YYYY-MM-DD`, inclusive. */
  readonly to: string;
  /** Rules to apply; {@link defaultRuleSet} by default. */
  readonly ruleSet?: RuleSet;
  /** Peers' metric values to score against (the same every day); no standing is computed. */
  readonly peers?: Pick<PeerData, 'metrics'>;
}

const STORE_OPTION_KEYS = ['asOf', 'ruleSet', 'peers', 'ranking', 'goodShop'] as const;

/** An options object with a key the function does not know throws, naming the key it resembles. */
function checkOptionKeys(
  fn: string,
  options: object | undefined,
  known: readonly string[],
  path?: string,
): void {
  if (typeof options !== 'object' || options === null) return;
  for (const k of Object.keys(options)) {
    if (!known.includes(k)) {
      const where = path === undefined ? k : `${path}.${k}`;
      throw new ArgumentError(
        `Expected options of ${fn} (${known.join(', ')}), found unknown ${JSON.stringify(where)}${didYouMean(k, known)}`,
      );
    }
  }
}

/** Longest history accepted in one call (about 27 years). */
const MAX_HISTORY_DAYS = 10_000;

const DEFINITIONS = [...metricCatalogue, goodReviewRateDefinition];
const GOOD_RATE_SLOT = metricCatalogue.length;

/**
 * One scorecard for every evaluation day from `from` to `to` (inclusive), computed in one pass
 * over the data: each day's scorecard equals `evaluateStore(data, { asOf: day })` exactly
 * (without standing), facts that became known later (a cancellation, a ruling, an approval)
 * included.
 *
 * @example
 * ```ts
 * const days = evaluateHistory(data, { from: '2026-05-27', to: '2026-11-22' });
 * days.length;
 * //=> 180
 * days[179].asOf;
 * //=> '2026-11-22'
 * evaluateHistory(data, { from: '2026-11-02', to: '2026-11-01' }); // throws ArgumentError
 * ```
 */
export function evaluateHistory(data: StoreData, options: EvaluateHistoryOptions): Scorecard[] {
  const from = parseDayKey(options?.from, 'from');
  const to = parseDayKey(options.to, 'to');
  if (to < from)
    throw new ArgumentError(
      `Expected from ≤ to, found from ${options.from} after to ${options.to}`,
    );
  if (to - from + 1 > MAX_HISTORY_DAYS) {
    throw new ArgumentError(
      `Expected at most ${MAX_HISTORY_DAYS} days of history, found ${to - from + 1}`,
    );
  }
  checkOptionKeys('evaluateHistory', options, ['from', 'to', 'ruleSet', 'peers']);
  if (options.peers !== undefined) parsePeerData(options.peers);
  const ruleSet = options.ruleSet ?? defaultRuleSet;
  const run = runEngine(data, DEFINITIONS, ruleSet, from, to);
  const scoreOptions = options.peers ? { peers: options.peers } : {};
  const out: Scorecard[] = [];
  for (let i = 0; i < run.days; i++) out.push(scorecardOf(data, run, i, ruleSet, scoreOptions));
  return out;
}

function scorecardOf(
  data: StoreData,
  run: EngineResult,
  i: number,
  ruleSet: RuleSet,
  options: Omit<EvaluateStoreOptions, 'asOf' | 'ruleSet'>,
): Scorecard {
  const day = run.fromDay + i;
  const metrics = {} as Record<MetricId, MetricResult>;
  const methods: Partial<Record<MetricId, ScoreMethod>> = {};
  metricCatalogue.forEach((def, slot) => {
    const raw = resultFromSums(def, run, slot, i, ruleSet);
    const peerValues = options.peers?.metrics?.[def.id];
    const { score, method } = scoreMetric(raw, peerValues ? { ruleSet, peerValues } : { ruleSet });
    metrics[def.id] = score === raw.score ? raw : { ...raw, score };
    methods[def.id] = method;
  });
  const goodReviewRate = resultFromSums(goodReviewRateDefinition, run, GOOD_RATE_SLOT, i, ruleSet);
  const modules = scoreModules(metrics, ruleSet, methods);
  const composite = compositeOf(modules, ruleSet);
  const bonus = assuredBonus(data.assuredServices, dayStartMs(day), ruleSet.bonus);
  const total = totalScore(composite, bonus.points, ruleSet.totalCap.value);
  const asOf = dayKeyOf(day);
  const card: Scorecard = {
    store: data.store,
    asOf,
    ruleSetId: ruleSet.id,
    metrics,
    modules,
    composite,
    bonus,
    total,
    goodReviewRate,
  };
  const hasPeers =
    (options.peers?.composites?.length ?? 0) > 0 ||
    MODULE_IDS.some((m) => (options.peers?.modules?.[m]?.length ?? 0) > 0);
  if (!hasPeers && options.ranking === undefined) return card;
  const moduleScores = {} as Record<ModuleId, number | null>;
  for (const m of MODULE_IDS) moduleScores[m] = modules[m].score;
  return {
    ...card,
    standing: computeStanding({
      data,
      asOf,
      ruleSet,
      total,
      moduleScores,
      metrics,
      goodReviewRate,
      openServices: bonus.active,
      peers: options.peers,
      ranking: options.ranking,
      goodShop: options.goodShop,
    }),
  };
}
