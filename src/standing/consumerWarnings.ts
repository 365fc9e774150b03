/**
 * Consumer warnings shown on weak stores' pages, from 2022-12-27 (`docs/sources.md`).
 *
 * Source: https://m.hunanlong.com/c/2965856.html (`published`): stars ≤ 3.5, after-sales
 * ranking ≤ 20%, disputes ranking ≤ 20% and after-sales duration > 60 h → "long after-sales
 * times"; the same with the logistics ranking and an average delivery time > 100 h → "long
 * delivery times".
 *
 * @module
 */
import { expectObjectArgument, expectShapeArgument } from '../errors.js';
import {
  type ConsumerWarningRule,
  type ConsumerWarningRules,
  DEFAULT_CONSUMER_WARNING_RULES,
} from '../rules/scoringDefaults.js';
import { above, atMost, checkFraction, checkNonNegative } from './_checks.js';

/** A consumer warning. */
export type ConsumerWarning = 'long-after-sales-times' | 'long-delivery-times';

/** Input of {@link consumerWarnings}. */
export interface ConsumerWarningsOptions {
  /** Store stars; `null` without a ranking. */
  readonly stars: number | null;
  /** Module ranking rates as fractions; absent or `null` when unknown. */
  readonly rankings: {
    readonly 'after-sales'?: number | null | undefined;
    readonly disputes?: number | null | undefined;
    readonly logistics?: number | null | undefined;
  };
  /** After-sales duration in hours (`after-sales.duration`); `null` when unknown. */
  readonly afterSalesDurationHours: number | null;
  /** Average delivery time in hours (`logistics.average-delivery-time`); `null` when unknown. */
  readonly averageDeliveryHours: number | null;
}

function applies(
  rule: ConsumerWarningRule,
  stars: number | null | undefined,
  rankings: ConsumerWarningsOptions['rankings'],
  hours: number | null | undefined,
): boolean {
  // Unknown (null, or undefined from a JavaScript caller) never reads "met".
  if (stars === null || stars === undefined || hours === null || hours === undefined) return false;
  if (!atMost(stars, rule.maxStars)) return false;
  for (const m of rule.modules) {
    const r = rankings[m];
    if (r === null || r === undefined || !atMost(r, rule.maxModuleRanking)) return false;
  }
  return above(hours, rule.minHoursExclusive);
}

/**
 * The consumer warnings the store gets. Every condition must hold; an unknown value
 * (`null` or absent) never raises a warning.
 *
 * | warning | stars | rankings ≤ 20% | duration |
 * |---|---|---|---|
 * | `long-after-sales-times` | ≤ 3.5 | after-sales and disputes | after-sales duration > 60 h |
 * | `long-delivery-times` | ≤ 3.5 | logistics and disputes | average delivery time > 100 h |
 *
 * The published rule says "the same with logistics ranking": we read it as the logistics ranking taking
 * the after-sales ranking's place, the disputes condition kept (configurable in the rules).
 *
 * @throws {ArgumentError} when a ranking is not in [0, 1] or stars or hours are negative.
 *
 * @example
 * ```ts
 * consumerWarnings({
 *   stars: 3.5,
 *   rankings: { 'after-sales': 0.2, disputes: 0.1, logistics: 0.5 },
 *   afterSalesDurationHours: 60.5,
 *   averageDeliveryHours: 120,
 * });
 * //=> ['long-after-sales-times']
 * ```
 */
export function consumerWarnings(
  options: ConsumerWarningsOptions,
  rules: ConsumerWarningRules = DEFAULT_CONSUMER_WARNING_RULES,
): ConsumerWarning[] {
  expectObjectArgument('consumerWarnings', 'the options', options);
  expectShapeArgument('consumerWarnings', 'the rules', rules, DEFAULT_CONSUMER_WARNING_RULES);
  // Undefined figures read as unknown; rankings too.
  expectObjectArgument('consumerWarnings', 'rankings', options.rankings, true);
  const fn = 'consumerWarnings';
  const { stars, afterSalesDurationHours, averageDeliveryHours } = options;
  const rankings: ConsumerWarningsOptions['rankings'] = options.rankings ?? {};
  checkNonNegative(fn, 'stars', stars);
  checkFraction(fn, "rankings['after-sales']", rankings['after-sales']);
  checkFraction(fn, 'rankings.disputes', rankings.disputes);
  checkFraction(fn, 'rankings.logistics', rankings.logistics);
  checkNonNegative(fn, 'afterSalesDurationHours', afterSalesDurationHours);
  checkNonNegative(fn, 'averageDeliveryHours', averageDeliveryHours);
  const out: ConsumerWarning[] = [];
  if (applies(rules.longAfterSalesTimes.value, stars, rankings, afterSalesDurationHours)) {
    out.push('long-after-sales-times');
  }
  if (applies(rules.longDeliveryTimes.value, stars, rankings, averageDeliveryHours)) {
    out.push('long-delivery-times');
  }
  return out;
}
