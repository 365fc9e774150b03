/**
 * The library's private decimal.js clone: never touches the global `Decimal` configuration.
 *
 * @module
 */
import { Decimal } from 'decimal.js';

/**
 * Decimal constructor used for every ratio, mean and rounding the library returns:
 * 40 significant digits, rounding half up.
 *
 * @example
 * ```ts
 * new Dec(1).div(3).toDecimalPlaces(4).toString();
 * //=> '0.3333'
 * ```
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** A decimal value returned by the library (a decimal.js `Decimal`). */
export type DecimalValue = Decimal;
