/**
 * Display helpers: values in their units, for dashboards, messages and the CLI.
 *
 * @module
 */

import type { Decimal } from 'decimal.js';
import { Dec } from './decimal.js';
import { ArgumentError, expectNumberArgument } from './errors.js';
import type { MetricUnit } from './ids.js';

/** The units a value can be formatted in. */
const UNITS: readonly string[] = ['ratio', 'seconds', 'hours', 'points'];

/**
 * Formats a value in its unit: ratios as percentages with 2 decimals, seconds and hours with 2
 * decimals and their unit, points with 2 decimals. Rounds half up. `null` gives `'—'`.
 *
 * @example
 * ```ts
 * formatValue(0.97345, 'ratio');
 * //=> '97.35%'
 * formatValue(12.5, 'seconds');
 * //=> '12.50 s'
 * formatValue(null, 'hours');
 * //=> '—'
 * ```
 */
export function formatValue(value: Decimal | number | null, unit: MetricUnit): string {
  if (value !== null && !Dec.isDecimal(value))
    expectNumberArgument('formatValue', 'the value', value);
  if (!UNITS.includes(unit))
    throw new ArgumentError(
      `formatValue: expected a unit (${UNITS.join(', ')}), found ${JSON.stringify(unit)}`,
    );
  if (value === null) return '—';
  const d = new Dec(value);
  switch (unit) {
    case 'ratio':
      return `${d.times(100).toFixed(2, Dec.ROUND_HALF_UP)}%`;
    case 'seconds':
      return `${d.toFixed(2, Dec.ROUND_HALF_UP)} s`;
    case 'hours':
      return `${d.toFixed(2, Dec.ROUND_HALF_UP)} h`;
    case 'points':
      return d.toFixed(2, Dec.ROUND_HALF_UP);
  }
}

/**
 * Formats a fraction as a percentage with 2 decimals (half up); `null` or `undefined` gives
 * `'—'`. The one percent formatter of the library's messages and displays.
 *
 * @example
 * ```ts
 * formatPercent(1 / 6);
 * //=> '16.67%'
 * formatPercent(null);
 * //=> '—'
 * ```
 */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction !== null && fraction !== undefined)
    expectNumberArgument('formatPercent', 'the fraction', fraction);
  return fraction === null || fraction === undefined ? '—' : formatValue(fraction, 'ratio');
}
