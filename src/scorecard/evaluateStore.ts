/**
 * `evaluateStore` and `evaluateHistory`: every metric of the catalogue for one evaluation day,
 * or for every day of a range from one pass.
 *
 * @module
 */
import { ArgumentError } from '../errors.js';
import { resultFromSums } from '../metrics/_calculate.js';
import { runEngine } from '../metrics/_engine.js';
import { metricCatalogue } from '../metrics/catalogue.js';
import type { MetricId, MetricResult } from '../metrics/types.js';
import type { Store, StoreData } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../rules/ruleSet.js';
import { dayKeyOf, parseDayKey } from '../time/shanghai.js';

/** Options of {@link evaluateStore}. */
export interface EvaluateStoreOptions {
  /** The evaluation day D, `YYYY-MM-DD` (Shanghai). Nothing stamped at or after D 00:00 counts. */
  readonly asOf: string;
  /** Rules to apply; {@link defaultRuleSet} by default. */
  readonly ruleSet?: RuleSet;
}

/** A store's weather vane for one evaluation day. */
export interface Scorecard {
  /** The store evaluated. */
  readonly store: Store;
  /** The evaluation day, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Id of the rule set applied. */
  readonly ruleSetId: string;
  /** Every metric of the catalogue, by id. */
  readonly metrics: Readonly<Record<MetricId, MetricResult>>;
}

/**
 * Evaluates every metric of the catalogue for one evaluation day.
 *
 * @example
 * ```ts
 * const card = evaluateStore(parseStoreData(json), { asOf: '2026-11-23' });
 * card.metrics['consultation.response-rate-30s'].window;
 * //=> { from: '2026-10-19', to: '2026-11-17' }
 * // A store with no data at all: every metric is no-data, nothing throws.
 * evaluateStore(parseStoreData({ store: { id: 's' } }), { asOf: '2026-11-23' })
 *   .metrics['reviews.negative-rate'].status;
 * //=> 'no-data'
 * ```
 */
export function evaluateStore(data: StoreData, options: EvaluateStoreOptions): Scorecard {
  const day = parseDayKey(options?.asOf, 'asOf');
  const history = evaluateRange(data, day, day, options.ruleSet ?? defaultRuleSet);
  return history[0] as Scorecard;
}

/** Options of {@link evaluateHistory}. */
export interface EvaluateHistoryOptions {
  /** First evaluation day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last evaluation day, `YYYY-MM-DD`, inclusive. */
  readonly to: string;
  /** Rules to apply; {@link defaultRuleSet} by default. */
  readonly ruleSet?: RuleSet;
}

/** Longest history accepted in one call (about 27 years). */
const MAX_HISTORY_DAYS = 10_000;

/**
 * One scorecard for every evaluation day from `from` to `to` (inclusive), computed in one pass
 * over the data: each day's scorecard equals `evaluateStore(data, { asOf: day })` exactly,
 * facts that became known later (a cancellation, a ruling, an approval) included.
 *
 * @example
 * ```ts
 * const days = evaluateHistory(data, { from: '2026-06-01', to: '2026-11-27' });
 * days.length;
 * //=> 180
 * days[179].asOf;
 * //=> '2026-11-27'
 * evaluateHistory(data, { from: '2026-11-02', to: '2026-11-01' }); // throws ArgumentError
 * ```
 */
export function evaluateHistory(data: StoreData, options: EvaluateHistoryOptions): Scorecard[] {
  const from = parseDayKey(options?.from, 'from');
  const to = parseDayKey(options.to, 'to');
  if (to < from) throw new ArgumentError(`Expected from ≤ to, found from ${options.from} after to ${options.to}`);
  if (to - from + 1 > MAX_HISTORY_DAYS) {
    throw new ArgumentError(`Expected at most ${MAX_HISTORY_DAYS} days of history, found ${to - from + 1}`);
  }
  return evaluateRange(data, from, to, options.ruleSet ?? defaultRuleSet);
}

function evaluateRange(data: StoreData, from: number, to: number, ruleSet: RuleSet): Scorecard[] {
  const run = runEngine(data, metricCatalogue, ruleSet, from, to);
  const out: Scorecard[] = [];
  for (let i = 0; i < run.days; i++) {
    const metrics = {} as Record<MetricId, MetricResult>;
    metricCatalogue.forEach((def, slot) => {
      metrics[def.id] = resultFromSums(def, run, slot, i, ruleSet);
    });
    out.push({ store: data.store, asOf: dayKeyOf(from + i), ruleSetId: ruleSet.id, metrics });
  }
  return out;
}
