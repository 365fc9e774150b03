/**
 * The activity gate (`docs/sources.md`).
 *
 * Source: https://finance.efang.tv/finance/2023/0210/135135.html (`published`): a store may
 * register for platform activities with a ranking rate ≥ 20%.
 *
 * @module
 */
import { expectNumberArgument, expectShapeArgument } from '../errors.js';
import type { Sourced } from '../rules/provenance.js';
import { DEFAULT_ACTIVITY_GATE } from '../rules/scoringDefaults.js';
import { atLeast, checkFraction } from './_checks.js';

/**
 * Whether the store passes the activity gate: ranking rate ≥ 20%, inclusive, compared
 * exactly. No ranking (`null`) does not pass.
 *
 * @throws {ArgumentError} when the rate is not a fraction in [0, 1].
 *
 * @example
 * ```ts
 * activityGate(0.2);
 * //=> true
 * activityGate(0.1999);
 * //=> false
 * activityGate(null);
 * //=> false
 * ```
 */
export function activityGate(
  rankingRate: number | null,
  minRate: Sourced<number> = DEFAULT_ACTIVITY_GATE,
): boolean {
  expectShapeArgument('activityGate', 'the lowest rate', minRate, DEFAULT_ACTIVITY_GATE);
  expectNumberArgument('activityGate', 'rankingRate', rankingRate, true);
  checkFraction('activityGate', 'rankingRate', rankingRate);
  return rankingRate !== null && atLeast(rankingRate, minRate.value);
}
