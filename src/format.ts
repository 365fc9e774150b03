/**
 * Display helpers: metric values in their units, for dashboards and the CLI.
 *
 * @module
 */

import type { Decimal } from 'decimal.js';
import { Dec } from './decimal.js';
import type { MetricResult, MetricUnit } from './metrics/types.js';

/**
 * Formats a value in its unit: ratios as percentages with 2 decimals, seconds and hours with 2
 * decimals and their unit, points with 2 decimals. Rounds half up. `null` gives `'—'`.
 *
 * @example
 * ```ts
 * formatValue(new Dec('0.97345'), 'ratio');
 * //=> '97.35%'
 * formatValue(new Dec(12.5), 'seconds');
 * //=> '12.50 s'
 * formatValue(null, 'hours');
 * //=> '—'
 * ```
 */
export function formatValue(value: Decimal | number | null, unit: MetricUnit): string {
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
 * Formats a metric result's value in its unit; `no-data` gives `'no data'`.
 *
 * @example
 * ```ts
 * formatMetricValue(evaluateStore(data, { asOf: '2026-11-23' }).metrics['reviews.negative-rate']);
 * //=> '1.25%'
 * ```
 */
export function formatMetricValue(result: MetricResult): string {
  return result.status === 'no-data' ? 'no data' : formatValue(result.value, result.unit);
}
