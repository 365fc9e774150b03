/**
 * The scoring and standing layers' decimal helpers, on the library's private decimal.js clone
 * (40 significant digits, rounding half up; never the global `Decimal` configuration).
 *
 * @internal
 * @module
 */
import { Dec as LibraryDecimal } from '../decimal.js';

/** Decimal constructor for exact means, sums and comparisons of scores and rates: the library's private clone. */
export const D = LibraryDecimal;

/** An instance of {@link D}. */
export type Dec = InstanceType<typeof D>;

/**
 * Exact comparison of two finite numbers through their shortest decimal representation
 * (`0.9` is exactly 9/10, so a rate of `0.9` meets a bound of `0.9`).
 *
 * @returns -1, 0 or 1
 */
export function compareExact(a: number, b: number): -1 | 0 | 1 {
  return new D(a).cmp(new D(b)) as -1 | 0 | 1;
}
