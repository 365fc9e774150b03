/**
 * Aggregation: weighted means of metric scores into module scores and of module scores into
 * the composite, in exact decimal arithmetic, and rounding to 2 decimals (half up). Weights
 * are relative; a score of `null` (no data) or a weight of 0 takes no part, so its weight is
 * shared among the others (`docs/sources.md`, `published`: m.cnqd.net/hyzx/zixun/10072.html).
 *
 * @module
 */

import { Dec, type DecimalValue, round2 } from '../decimal.js';
import { ArgumentError } from '../errors.js';
import type { ModuleId } from '../ids.js';
import type { Sourced } from '../rules/provenance.js';
import { DEFAULT_MODULE_WEIGHTS, type ModuleWeights } from '../rules/scoringDefaults.js';

/** One item of a weighted mean: a score (`null` when it has no data) and its relative weight. */
export interface WeightedItem {
  /** The score, or `null` to leave the item out. */
  readonly score: number | null;
  /** Relative weight, finite and not negative. */
  readonly weight: number;
}

function checkFinite(fn: string, what: string, v: number): void {
  if (!Number.isFinite(v)) {
    throw new ArgumentError(`${fn}: expected ${what} to be a finite number, found ${String(v)}`);
  }
}

/** A weighted mean and each item's share of it. */
export interface WeightedShares {
  /** Σ(score × weight) / Σ weight over the items that take part, exactly; `null` when none does. */
  readonly mean: DecimalValue | null;
  /** Each item's weight over the weights that take part (0 for an item left out), exactly. */
  readonly shares: readonly DecimalValue[];
}

/**
 * The one weighted mean of the library (module scores, the composite): items with a `null`
 * score or a weight of 0 take no part, their weight shared among the others.
 *
 * @internal
 */
export function weightedShares(fn: string, items: readonly WeightedItem[]): WeightedShares {
  let sum = new Dec(0);
  let total = new Dec(0);
  items.forEach((item, i) => {
    checkFinite(fn, `items[${i}].weight`, item.weight);
    if (item.weight < 0) {
      throw new ArgumentError(`${fn}: expected items[${i}].weight to be ≥ 0, found ${item.weight}`);
    }
    if (item.score === null) return;
    checkFinite(fn, `items[${i}].score`, item.score);
    // Stryker disable next-line ConditionalExpression: an item of weight 0 adds 0 to both sums; the early return only skips the work
    if (item.weight === 0) return;
    const w = new Dec(item.weight);
    sum = sum.plus(new Dec(item.score).times(w));
    total = total.plus(w);
  });
  const none = total.isZero();
  const zero = new Dec(0);
  return {
    mean: none ? null : sum.div(total),
    shares: items.map((item) =>
      // Stryker disable next-line ConditionalExpression: a weight of 0 over the total is 0 too; the test only saves a division
      none || item.score === null || item.weight === 0 ? zero : new Dec(item.weight).div(total),
    ),
  };
}

/**
 * Weighted mean of scores, computed exactly on their decimal representations. Items with a
 * `null` score are left out (their weight shared among the others); `null` when every score
 * is `null` or every remaining weight is 0. Not rounded.
 *
 * @throws {ArgumentError} on a negative or non-finite weight, or a non-finite score.
 *
 * @example
 * ```ts
 * weightedMean([{ score: 9, weight: 1 }, { score: 8, weight: 3 }, { score: null, weight: 5 }]);
 * //=> 8.25
 * weightedMean([{ score: null, weight: 1 }]);
 * //=> null
 * ```
 */
export function weightedMean(items: readonly WeightedItem[]): number | null {
  const { mean } = weightedShares('weightedMean', items);
  return mean === null ? null : mean.toNumber();
}

/**
 * Rounds a score to 2 decimals, half up, exactly on its decimal representation (so `9.365`,
 * whose nearest double is slightly below, still rounds to 9.37).
 *
 * @throws {ArgumentError} on a non-finite number.
 *
 * @example
 * ```ts
 * roundScore(9.365);
 * //=> 9.37
 * roundScore(9.364999);
 * //=> 9.36
 * ```
 */
export function roundScore(x: number): number {
  checkFinite('roundScore', 'the score', x);
  return round2(new Dec(x));
}

/** True when `w` is a {@link Sourced} wrapper rather than the weights themselves. */
function isSourced<T>(w: T | Sourced<T>): w is Sourced<T> {
  // Stryker disable next-line LogicalOperator,ConditionalExpression: module weights are keyed by module ids, never `value` or `source`: either key alone tells the two forms apart
  return typeof w === 'object' && w !== null && 'value' in w && 'source' in w;
}

/** A value in a message about a wrong-typed argument. */
const describe = (v: unknown) =>
  typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? 'an array' : String(v);

/**
 * The composite score: the weighted mean of the module scores, rounded to 2 decimals (half
 * up). A module whose score is `null` or absent has its weight shared among the others;
 * `null` when no module has a score. Weights default to 22/12/22/22/22 (after-sales,
 * logistics, reviews, consultation, disputes: `published`, m.cnqd.net/hyzx/zixun/10072.html)
 * and may be given plain or {@link Sourced}.
 *
 * @throws {ArgumentError} on a negative or non-finite weight, or a non-finite score.
 *
 * @example
 * ```ts
 * // 9.368 before rounding
 * compositeScore({ 'after-sales': 9.0, logistics: 9.5, reviews: 9.4, consultation: 9.2, disputes: 9.8 });
 * //=> 9.37
 * compositeScore({ 'after-sales': 9.0, logistics: null, reviews: 9.4, consultation: 9.2, disputes: 9.8 });
 * //=> 9.35
 * compositeScore({});
 * //=> null
 * ```
 */
export function compositeScore(
  moduleScores: Partial<Record<ModuleId, number | null>>,
  weights: ModuleWeights | Sourced<ModuleWeights> = DEFAULT_MODULE_WEIGHTS,
): number | null {
  // A JavaScript caller without types may pass anything: say what was expected.
  if (typeof moduleScores !== 'object' || moduleScores === null || Array.isArray(moduleScores))
    throw new ArgumentError(
      `compositeScore: expected module scores { <module id>: score | null }, found ${describe(moduleScores)}`,
    );
  const w = isSourced(weights) ? weights.value : weights;
  if (typeof w !== 'object' || w === null || Array.isArray(w))
    throw new ArgumentError(
      `compositeScore: expected module weights { <module id>: weight }, found ${describe(weights)}`,
    );
  const items: WeightedItem[] = [];
  for (const [id, weight] of Object.entries(w) as [ModuleId, number][]) {
    items.push({ score: moduleScores[id] ?? null, weight });
  }
  for (const id of Object.keys(moduleScores)) {
    if (!(id in w)) {
      throw new ArgumentError(`compositeScore: module '${id}' has a score but no weight`);
    }
  }
  const { mean } = weightedShares('compositeScore', items);
  return mean === null ? null : round2(mean);
}
