/**
 * 京东好店 Good Shop eligibility (`docs/sources.md`).
 *
 * Source: https://hancong.com/news/2-0-305458.html (`published`): top 10% of the category,
 * every module ≥ 30% (from 2020-09-15, https://edu.yunjiglobal.com/?p=1585), and baseline
 * requirements (integrity, active-product rate, store age…) supplied by the caller as facts.
 *
 * @module
 */
import { DEFAULT_GOOD_SHOP_RULES, type GoodShopRules } from '../rules/scoringDefaults.js';
import { atLeast, checkFraction, givenRankings, pct } from './_checks.js';
import type { ModuleRankings } from './stars.js';

/** Baseline requirements as named facts, each `true` when met (e.g. `{ integrity: true, storeAge: false }`). */
export interface GoodShopBaseline {
  /** No integrity violations (诚信). */
  readonly integrity?: boolean;
  /** Any other named requirement: active-product rate, store age… */
  readonly [fact: string]: boolean | undefined;
}

/** Input of {@link goodShopEligibility}. */
export interface GoodShopEligibilityOptions {
  /** The ranking rate as a fraction; `null` without a ranking. */
  readonly rankingRate: number | null;
  /** Module rankings; each given one must be ≥ 30%. */
  readonly moduleRankings: ModuleRankings;
  /** Baseline facts; each given one must be `true`. */
  readonly baseline: GoodShopBaseline;
}

/** Result of {@link goodShopEligibility}. */
export interface GoodShopEligibility {
  /** Whether every requirement is met. */
  readonly eligible: boolean;
  /** One sentence per unmet requirement; empty when eligible. */
  readonly reasons: string[];
}

/**
 * Whether the store meets the Good Shop requirements: ranking rate ≥ 90% (top 10%), every
 * given module ranking ≥ 30%, every given baseline fact `true`. Bounds are inclusive and
 * compared exactly. Modules without a ranking (`null` or absent) and baseline facts not
 * supplied are not checked: the caller supplies what applies.
 *
 * @throws {ArgumentError} when a rate is not a fraction in [0, 1].
 *
 * @example
 * ```ts
 * goodShopEligibility({ rankingRate: 0.9, moduleRankings: { logistics: 0.3 }, baseline: { integrity: true } });
 * //=> { eligible: true, reasons: [] }
 * goodShopEligibility({ rankingRate: 0.92, moduleRankings: { disputes: 0.25 }, baseline: { storeAge: false } });
 * //=> { eligible: false, reasons: ['module disputes ranking 25% is below 30%', "baseline requirement 'storeAge' is not met"] }
 * ```
 */
export function goodShopEligibility(
  options: GoodShopEligibilityOptions,
  rules: GoodShopRules = DEFAULT_GOOD_SHOP_RULES,
): GoodShopEligibility {
  const { rankingRate: r } = options;
  checkFraction('goodShopEligibility', 'rankingRate', r);
  const modules = givenRankings('goodShopEligibility', options.moduleRankings);
  const reasons: string[] = [];
  const minRate = rules.minRankingRate.value;
  if (r === null) reasons.push('the store has no ranking rate');
  else if (!atLeast(r, minRate)) reasons.push(`ranking rate ${pct(r)} is below ${pct(minRate)}`);
  const minModule = rules.minModuleRanking.value;
  for (const [id, m] of modules) {
    if (!atLeast(m, minModule))
      reasons.push(`module ${id} ranking ${pct(m)} is below ${pct(minModule)}`);
  }
  for (const [fact, met] of Object.entries(options.baseline)) {
    if (met === false) reasons.push(`baseline requirement '${fact}' is not met`);
  }
  return { eligible: reasons.length === 0, reasons };
}
