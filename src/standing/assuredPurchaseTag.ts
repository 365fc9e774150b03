/**
 * The 放心购 tag (`docs/sources.md`).
 *
 * Source: https://m.39zn.cn/article/185050.htm (`published`): 运费险 and 闪电退款 open,
 * good-review rate > 95%, ranking rate > 40%.
 *
 * @module
 */
import { expectObjectArgument, expectShapeArgument } from '../errors.js';
import type { AssuredServiceId } from '../model.js';
import { type AssuredTagRules, DEFAULT_ASSURED_TAG_RULES } from '../rules/scoringDefaults.js';
import { above, checkFraction } from './_checks.js';

/** Input of {@link assuredPurchaseTag}. */
export interface AssuredPurchaseTagOptions {
  /** The services open at the as-of instant (e.g. `assuredBonus(...).active`). */
  readonly openServices: readonly AssuredServiceId[];
  /** Share of good reviews (4–5 stars) as a fraction; `null` when unknown. */
  readonly goodReviewRate: number | null;
  /** The ranking rate as a fraction; `null` without a ranking. */
  readonly rankingRate: number | null;
}

/**
 * Whether the store shows the 放心购 tag: 运费险 (freight insurance) and 闪电退款 (lightning
 * refund) open, good-review rate strictly above 95% and ranking rate strictly above 40%.
 * Unknown rates (`null`) do not qualify.
 *
 * @throws {ArgumentError} when a rate is not a fraction in [0, 1].
 *
 * @example
 * ```ts
 * const openServices = ['freight-insurance', 'lightning-refund'] as const;
 * assuredPurchaseTag({ openServices, goodReviewRate: 0.96, rankingRate: 0.41 });
 * //=> true
 * assuredPurchaseTag({ openServices, goodReviewRate: 0.95, rankingRate: 0.41 });
 * //=> false
 * ```
 */
export function assuredPurchaseTag(
  options: AssuredPurchaseTagOptions,
  rules: AssuredTagRules = DEFAULT_ASSURED_TAG_RULES,
): boolean {
  expectObjectArgument('assuredPurchaseTag', 'the options', options);
  expectShapeArgument('assuredPurchaseTag', 'the rules', rules, DEFAULT_ASSURED_TAG_RULES);
  const { goodReviewRate: g, rankingRate: r } = options;
  checkFraction('assuredPurchaseTag', 'goodReviewRate', g);
  checkFraction('assuredPurchaseTag', 'rankingRate', r);
  const open = new Set(options.openServices);
  if (!rules.requiredServices.value.every((s) => open.has(s))) return false;
  if (g === null || !above(g, rules.minGoodReviewRate.value)) return false;
  return r !== null && above(r, rules.minRankingRate.value);
}
