/**
 * The library's one decimal module: its private decimal.js clone (it never touches the global
 * `Decimal` configuration), the one rounding helper and exact comparison.
 *
 * @module
 */
import { Decimal } from 'decimal.js';

/**
 * Decimal constructor used for every ratio, mean and rounding the library returns:
 * 40 significant digits, rounding half up.
 *
 * @internal
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** A decimal value returned by the library (a decimal.js `Decimal`). */
export type DecimalValue = Decimal;

/**
 * Rounds to 2 decimals, half up, exactly on the decimal representation (so `9.365`, whose
 * nearest double is slightly below, still rounds to 9.37). Every score, share and point the
 * library returns goes through here.
 *
 * @internal
 */
export function round2(x: Decimal | number): number {
  return new Dec(x).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber();
}

/**
 * Rounds to 4 decimals, half up (the weights and shares of a breakdown).
 *
 * @internal
 */
export function round4(x: Decimal | number): number {
  return new Dec(x).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toNumber();
}

/**
 * Exact comparison of two finite numbers through their shortest decimal representation
 * (`0.9` is exactly 9/10, so a rate of `0.9` meets a bound of `0.9`).
 *
 * @internal
 * @returns -1, 0 or 1
 */
export function compareExact(a: number, b: number): -1 | 0 | 1 {
  return new Dec(a).cmp(new Dec(b)) as -1 | 0 | 1;
}
