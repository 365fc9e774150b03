/**
 * 京东好店 Good Shop eligibility (`docs/sources.md`).
 *
 * Source: https://hancong.com/news/2-0-305458.html (`published`): top 10% of the category,
 * every module ≥ 30% (from 2020-09-15, https://edu.yunjiglobal.com/?p=1585), and baseline
 * requirements (integrity, active-product rate, store age…) supplied by the caller as facts.
 *
 * @module
 */

import { expectNumberArgument, expectObjectArgument, expectShapeArgument } from '../errors.js';
import { formatPercent as pct } from '../format.js';
import { MODULE_IDS, type ModuleId } from '../ids.js';
import { DEFAULT_GOOD_SHOP_RULES, type GoodShopRules } from '../rules/scoringDefaults.js';
import { atLeast, checkFraction, givenRankings } from './_checks.js';
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
  /** Module rankings; every module's must be supplied and ≥ 30%, but for the modules `notAssessed`. */
  readonly moduleRankings: ModuleRankings;
  /** Modules the store has no data for: not assessed, so not held against the module floor (`assumption`). */
  readonly notAssessed?: readonly ModuleId[] | undefined;
  /** Baseline facts; the rule set's required ones must be supplied, and every one given `true`. */
  readonly baseline: GoodShopBaseline;
}

/** Result of {@link goodShopEligibility}. */
export interface GoodShopEligibility {
  /** Whether every requirement is supplied and met. */
  readonly eligible: boolean;
  /** One sentence per requirement supplied and not met; empty when none. */
  readonly reasons: string[];
  /**
   * Requirements not supplied, so not verified: `moduleRankings.<module>` and
   * `baseline.<fact>`. A store is never eligible on facts nobody supplied.
   */
  readonly unverified: string[];
}

/**
 * Whether the store meets the Good Shop requirements: ranking rate ≥ 90% (top 10%), every
 * module ranking ≥ 30% (a module the store has no data for is not assessed), every required baseline fact (by default integrity, active-product
 * rate, store age) `true`, and every other baseline fact given `true`. Bounds are inclusive
 * and compared exactly. What was not supplied is listed in `unverified` and keeps the store
 * from being eligible: unknown reads "not verified", never "met".
 *
 * @throws {ArgumentError} when a rate is not a fraction in [0, 1].
 *
 * @example
 * ```ts
 * const modules = { consultation: 0.5, reviews: 0.5, 'after-sales': 0.5, logistics: 0.3, disputes: 0.9 };
 * const baseline = { integrity: true, activeProductRate: true, storeAge: true };
 * goodShopEligibility({ rankingRate: 0.9, moduleRankings: modules, baseline });
 * //=> { eligible: true, reasons: [], unverified: [] }
 * goodShopEligibility({ rankingRate: 0.92, moduleRankings: { ...modules, disputes: 0.25 }, baseline: { ...baseline, storeAge: false } });
 * //=> { eligible: false, reasons: ['module disputes ranking 25.00% is below 30.00%', "baseline requirement 'storeAge' is not met"], unverified: [] }
 * goodShopEligibility({ rankingRate: 0.95, moduleRankings: {}, baseline: { integrity: true } }).unverified;
 * //=> ['moduleRankings.consultation', 'moduleRankings.reviews', 'moduleRankings.after-sales', 'moduleRankings.logistics', 'moduleRankings.disputes', 'baseline.activeProductRate', 'baseline.storeAge']
 * ```
 */
export function goodShopEligibility(
  options: GoodShopEligibilityOptions,
  rules: GoodShopRules = DEFAULT_GOOD_SHOP_RULES,
): GoodShopEligibility {
  expectObjectArgument('goodShopEligibility', 'the options', options);
  expectShapeArgument('goodShopEligibility', 'the rules', rules, DEFAULT_GOOD_SHOP_RULES);
  expectNumberArgument('goodShopEligibility', 'rankingRate', options.rankingRate, true);
  expectObjectArgument('goodShopEligibility', 'moduleRankings', options.moduleRankings);
  expectObjectArgument('goodShopEligibility', 'baseline', options.baseline);
  const { rankingRate: r } = options;
  checkFraction('goodShopEligibility', 'rankingRate', r);
  const modules = givenRankings('goodShopEligibility', options.moduleRankings);
  const reasons: string[] = [];
  const unverified: string[] = [];
  const minRate = rules.minRankingRate.value;
  if (r === null) reasons.push('the store has no ranking rate');
  else if (!atLeast(r, minRate)) reasons.push(`ranking rate ${pct(r)} is below ${pct(minRate)}`);
  const minModule = rules.minModuleRanking.value;
  const given = new Map(modules);
  const exempt = new Set(options.notAssessed ?? []);
  for (const id of MODULE_IDS) {
    if (exempt.has(id)) continue;
    const m = given.get(id);
    if (m === undefined) unverified.push(`moduleRankings.${id}`);
    else if (!atLeast(m, minModule))
      reasons.push(`module ${id} ranking ${pct(m)} is below ${pct(minModule)}`);
  }
  const required = rules.requiredBaseline.value;
  for (const fact of required) {
    const met = options.baseline[fact];
    if (met === undefined) unverified.push(`baseline.${fact}`);
  }
  for (const [fact, met] of Object.entries(options.baseline)) {
    if (met === false) reasons.push(`baseline requirement '${fact}' is not met`);
  }
  return { eligible: reasons.length === 0 && unverified.length === 0, reasons, unverified };
}
