/**
 * `evaluateStore` and `evaluateHistory`: every metric of the catalogue, scored and aggregated,
 * for one evaluation day or for every day of a range from one pass.
 *
 * @module
 */
import { didYouMean } from '../_suggest.js';
import type { EngineResult, EngineSlot, TracedContribution } from '../engine/types.js';
import { ArgumentError } from '../errors.js';
import { MODULE_IDS } from '../ids.js';
import {
  measurementFromSums,
  measureSlots,
  notProvidedFor,
  notProvidedMeasurement,
  sampleSlotOf,
  slotOf,
} from '../metrics/_calculate.js';
import { type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import { goodReviewRateDefinition } from '../metrics/reviews/goodReviewRate.js';
import type { Measurement } from '../metrics/types.js';
import type { StoreData, StoreDataCollection } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import { type IndustryAverages, parseIndustryAverages } from '../scorecard/industryAverages.js';
import { type PeerData, parsePeerData } from '../scorecard/peers.js';
import {
  hasPeerLists,
  type ScorecardScores,
  type ScorecardWarning,
  scoreDay,
} from '../scorecard/scorecard.js';
import {
  computeStanding,
  type GoodShopFacts,
  type RankingInput,
  type Standing,
} from '../standing/standing.js';
import { type DayNumber, parseDayKey } from '../time/shanghai.js';
import { chatMonthFromRun, chatMonthSlots } from './chatMonth.js';

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
  /**
   * Industry averages (行业均值) by metric id, in the metric's unit (checked as
   * {@link parseIndustryAverages} checks an averages file): a metric below its minimum sample is
   * scored at its average, and each metric with one says better or worse (`versusAverage`).
   */
  readonly industryAverages?: IndustryAverages;
}

/**
 * A store's weather vane for one evaluation day: its scores and, given peers or a ranking, its
 * standing.
 */
export interface Scorecard extends ScorecardScores {
  /** What the ranking decides: present when peers' totals or module scores, or a ranking, were given. */
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
  checkStandingOptions('evaluateStore', options);
  const ruleSet = options.ruleSet ?? defaultRuleSet;
  const run = measureSlots(data, slotsOf(ruleSet, options), ruleSet, day, day);
  return scorecardOf(data, run, 0, ruleSet, options, provisionOf(data));
}

/** Options of {@link evaluateHistory}. */
export interface EvaluateHistoryOptions {
  /** First evaluation day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last evaluation day, `YYYY-MM-DD`, inclusive. */
  readonly to: string;
  /** Rules to apply; {@link defaultRuleSet} by default. */
  readonly ruleSet?: RuleSet;
  /**
   * Category peers (the same every day): metric values score by percentile among them; their
   * totals and module scores rank the store, and each day then has its standing.
   */
  readonly peers?: PeerData;
  /** A ranking read from JD (the same every day): each day then has its standing. */
  readonly ranking?: RankingInput;
  /** Good Shop facts the library cannot measure. */
  readonly goodShop?: GoodShopFacts;
  /** Industry averages (行业均值) by metric id, as {@link EvaluateStoreOptions.industryAverages}. */
  readonly industryAverages?: IndustryAverages;
}

const STORE_OPTION_KEYS = [
  'asOf',
  'ruleSet',
  'peers',
  'ranking',
  'goodShop',
  'industryAverages',
] as const;

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

/** What the standing of each day reads from the options. */
interface StandingOptions {
  readonly peers?: PeerData | undefined;
  /** Not the standing's, but read with it on every day. */
  readonly industryAverages?: IndustryAverages | undefined;
  readonly ranking?: RankingInput | undefined;
  readonly goodShop?: GoodShopFacts | undefined;
}

/** Longest history accepted in one call (about 27 years). */
const MAX_HISTORY_DAYS = 10_000;

/**
 * The engine slots of an evaluation, all in one pass: the catalogue, the good review rate, and,
 * when the standing is wanted, the four chat figures of the last complete month (its chat
 * penalty).
 */
function slotsOf(ruleSet: RuleSet, options: StandingOptions): EngineSlot[] {
  const slots = [...metricCatalogue, goodReviewRateDefinition].map((d) => slotOf(d, ruleSet));
  for (const d of SAMPLED) slots.push(sampleSlotOf(d, ruleSet) as EngineSlot);
  return wantsStanding(options) ? [...slots, ...chatMonthSlots(ruleSet)] : slots;
}

/** Whether the options give a standing: peers' totals or module scores, or a ranking. */
function wantsStanding(options: StandingOptions): boolean {
  const peers = options.peers;
  return (
    options.ranking !== undefined ||
    (peers?.composites?.length ?? 0) > 0 ||
    MODULE_IDS.some((m) => (peers?.modules?.[m]?.length ?? 0) > 0)
  );
}
const GOOD_RATE_SLOT = metricCatalogue.length;
/** The metrics whose sample is not their denominator: their sample slots follow the good rate's. */
const SAMPLED = metricCatalogue.filter((d) => d.sample !== undefined);
const CHAT_MONTH_SLOT = GOOD_RATE_SLOT + 1 + SAMPLED.length;

/** Checks the options the standing reads. */
function checkStandingOptions(
  fn: string,
  options: Pick<EvaluateStoreOptions, 'ranking' | 'goodShop' | 'peers' | 'industryAverages'>,
): void {
  checkOptionKeys(fn, options.ranking, ['rate', 'modules'], 'ranking');
  checkOptionKeys(fn, options.ranking?.modules, MODULE_IDS, 'ranking.modules');
  checkOptionKeys(fn, options.goodShop, ['certified', 'baseline'], 'goodShop');
  if (options.peers !== undefined) parsePeerData(options.peers);
  if (options.industryAverages !== undefined) parseIndustryAverages(options.industryAverages);
}

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
 * days[179]?.asOf;
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
  checkOptionKeys('evaluateHistory', options, HISTORY_OPTION_KEYS);
  checkStandingOptions('evaluateHistory', options);
  return evaluateDays(data, from, to, options.ruleSet ?? defaultRuleSet, options);
}

/**
 * The scorecards of the evaluation days `[from, to]` from one engine pass, options checked by
 * the caller; `trace` sees every contribution the engine commits; `knownBeforeMs` is a
 * knowledge cut-off (records and facts at or after it are not known on any day); `adjust` may
 * change the summed tallies before they are scored (a forecast leaves its open cases out).
 *
 * @internal
 */
export function evaluateDays(
  data: StoreData,
  from: DayNumber,
  to: DayNumber,
  ruleSet: RuleSet,
  options: StandingOptions,
  trace?: (contribution: TracedContribution) => void,
  knownBeforeMs?: number,
  adjust?: (run: EngineResult) => void,
): Scorecard[] {
  const run = measureSlots(
    data,
    slotsOf(ruleSet, options),
    ruleSet,
    from,
    to,
    trace,
    knownBeforeMs,
  );
  adjust?.(run);
  const out: Scorecard[] = [];
  const provision = provisionOf(data);
  for (let i = 0; i < run.days; i++)
    out.push(scorecardOf(data, run, i, ruleSet, options, provision));
  return out;
}

const HISTORY_OPTION_KEYS = [
  'from',
  'to',
  'ruleSet',
  'peers',
  'ranking',
  'goodShop',
  'industryAverages',
] as const;

/**
 * What an evaluation knows of its data before any day is scored: the collections each metric
 * reads that were not provided (a per-metric decision, taken once) and the scorecard's warnings.
 */
interface Provision {
  readonly missing: ReadonlyMap<string, readonly StoreDataCollection[]>;
  readonly warnings: readonly ScorecardWarning[];
}

/** The {@link Provision} of `data`. */
function provisionOf(data: StoreData): Provision {
  const missing = new Map<string, readonly StoreDataCollection[]>();
  if (data.notProvided === undefined || data.notProvided.length === 0)
    return { missing, warnings: [] };
  for (const def of [...metricCatalogue, goodReviewRateDefinition]) {
    const m = notProvidedFor(def, data);
    if (m.length > 0) missing.set(def.id, m);
  }
  const warnings: ScorecardWarning[] = data.notProvided.map((collection) => {
    const metrics = metricCatalogue
      .filter((d) => missing.get(d.id)?.includes(collection))
      .map((d) => d.id);
    const what =
      collection === 'assuredServices'
        ? 'the 放心购 bonus counts no service'
        : metrics.length === 0
          ? 'no metric needs it here'
          : `${metrics.length} metric(s) read it and are no-data: ${metrics.join(', ')}`;
    return {
      code: 'not-provided',
      collection,
      metrics,
      message: `${collection} not provided (unknown, not none): ${what}`,
    };
  });
  return { missing, warnings };
}

/** Day `i` of an engine run, scored, with its standing when peers or a ranking allow one. */
function scorecardOf(
  data: StoreData,
  run: EngineResult,
  i: number,
  ruleSet: RuleSet,
  options: StandingOptions,
  provision: Provision,
): Scorecard {
  const day = run.fromDay + i;
  const measurements = {} as Record<MetricId, Measurement<MetricId>>;
  metricCatalogue.forEach((def, slot) => {
    const sampleAt = SAMPLED.indexOf(def);
    const m = measurementFromSums(
      def,
      run,
      slot,
      i,
      ruleSet,
      undefined,
      sampleAt === -1 ? undefined : GOOD_RATE_SLOT + 1 + sampleAt,
    );
    const missing = provision.missing.get(def.id);
    measurements[def.id] = missing === undefined ? m : notProvidedMeasurement(m, missing);
  });
  const good = measurementFromSums(goodReviewRateDefinition, run, GOOD_RATE_SLOT, i, ruleSet);
  const goodMissing = provision.missing.get(goodReviewRateDefinition.id);
  const scores = scoreDay({
    store: data.store,
    day,
    ruleSet,
    measurements,
    goodReviewRate: goodMissing === undefined ? good : notProvidedMeasurement(good, goodMissing),
    services: data.assuredServices,
    peers: options.peers,
    scoredWith: {
      peers: hasPeerLists(options.peers),
      ranking: options.ranking !== undefined,
      industryAverages: Object.keys(options.industryAverages ?? {}).length > 0,
    },
    industryAverages: options.industryAverages,
    warnings: provision.warnings,
  });
  if (!wantsStanding(options)) return scores;
  const peers = options.peers;
  const chatMonth = chatMonthFromRun(run, CHAT_MONTH_SLOT, i, ruleSet);
  return {
    ...scores,
    standing: computeStanding(scores, {
      ruleSet,
      peers,
      ranking: options.ranking,
      goodShop: options.goodShop,
      chatMonth,
    }),
  };
}
