/**
 * The 热情掌柜 "warm shopkeeper" badge (`docs/sources.md`).
 *
 * Source: https://zhaoyi.net.cn/article/jingdongzixun/609.html (`published`): stars ≥ 4,
 * 30-second response rate ≥ 80%, chat satisfaction ≥ 80%, at least 5 ratings.
 *
 * @module
 */
import { expectNumberArgument, expectObjectArgument, expectShapeArgument } from '../errors.js';
import {
  DEFAULT_WARM_SHOPKEEPER_RULES,
  type WarmShopkeeperRules,
} from '../rules/scoringDefaults.js';
import { atLeast, checkFraction, checkNonNegative } from './_checks.js';

/** Input of {@link warmShopkeeperBadge}. */
export interface WarmShopkeeperBadgeOptions {
  /** Store stars; `null` without a ranking. */
  readonly stars: number | null;
  /** The 30-second response rate as a fraction; `null` when unknown. */
  readonly responseRate30s: number | null;
  /** Chat satisfaction as a fraction; `null` when unknown. */
  readonly chatSatisfaction: number | null;
  /** Number of chat ratings. */
  readonly ratings: number;
}

/**
 * Whether the store earns the 热情掌柜 badge: stars ≥ 4, 30-second rate ≥ 80%, chat
 * satisfaction ≥ 80%, at least 5 ratings, all bounds inclusive. Unknown values do not qualify.
 *
 * @throws {ArgumentError} when a rate is not a fraction in [0, 1] or a count is negative.
 *
 * @example
 * ```ts
 * warmShopkeeperBadge({ stars: 4, responseRate30s: 0.8, chatSatisfaction: 0.8, ratings: 5 });
 * //=> true
 * warmShopkeeperBadge({ stars: 4, responseRate30s: 0.8, chatSatisfaction: 0.8, ratings: 4 });
 * //=> false
 * ```
 */
export function warmShopkeeperBadge(
  options: WarmShopkeeperBadgeOptions,
  rules: WarmShopkeeperRules = DEFAULT_WARM_SHOPKEEPER_RULES,
): boolean {
  expectObjectArgument('warmShopkeeperBadge', 'the options', options);
  expectShapeArgument('warmShopkeeperBadge', 'the rules', rules, DEFAULT_WARM_SHOPKEEPER_RULES);
  for (const k of ['stars', 'responseRate30s', 'chatSatisfaction'] as const)
    expectNumberArgument('warmShopkeeperBadge', k, options[k], true);
  expectNumberArgument('warmShopkeeperBadge', 'ratings', options.ratings);
  const { stars, responseRate30s, chatSatisfaction, ratings } = options;
  checkNonNegative('warmShopkeeperBadge', 'stars', stars);
  checkFraction('warmShopkeeperBadge', 'responseRate30s', responseRate30s);
  checkFraction('warmShopkeeperBadge', 'chatSatisfaction', chatSatisfaction);
  checkNonNegative('warmShopkeeperBadge', 'ratings', ratings);
  return (
    stars !== null &&
    atLeast(stars, rules.minStars.value) &&
    responseRate30s !== null &&
    atLeast(responseRate30s, rules.minResponseRate30s.value) &&
    chatSatisfaction !== null &&
    atLeast(chatSatisfaction, rules.minSatisfaction.value) &&
    atLeast(ratings, rules.minRatings.value)
  );
}
