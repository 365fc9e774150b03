/**
 * Display helpers: metric values in their units, for dashboards and the CLI.
 *
 * @module
 */

import type { Decimal } from 'decimal.js';
import { Dec } from './decimal.js';
import type { MetricId, MetricResult, MetricUnit } from './metrics/types.js';

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

/** What each metric's denominator counts, singular and plural (display only). */
const BASIS_NOUNS: Readonly<Record<MetricId, readonly [string, string]>> = {
  'consultation.average-response-time': ['manual reply', 'manual replies'],
  'consultation.presales-satisfaction': ['rated pre-sales session', 'rated pre-sales sessions'],
  'consultation.response-rate-30s': ['pre-sales consultation', 'pre-sales consultations'],
  'consultation.conversion-rate': ['customer received pre-sales', 'customers received pre-sales'],
  'consultation.facilitated-amount-share': ['', ''],
  'consultation.message-rate': [
    'offline message or consultation',
    'offline messages and consultations',
  ],
  'reviews.negative-rate': ['review', 'reviews'],
  'reviews.negative-handling-rate-24h': [
    'medium or negative review',
    'medium and negative reviews',
  ],
  'reviews.satisfaction-score': ['review', 'reviews'],
  'after-sales.repair-rate': ['unit shipped', 'units shipped'],
  'after-sales.quality-repair-rate': ['unit shipped', 'units shipped'],
  'after-sales.return-rate': ['unit shipped', 'units shipped'],
  'after-sales.duration': ['completed service order', 'completed service orders'],
  'after-sales.satisfaction': ['rated after-sales session', 'rated after-sales sessions'],
  'after-sales.return-satisfaction': ['rated return', 'rated returns'],
  'logistics.same-day-collection-rate': ['order due', 'orders due'],
  'logistics.next-day-arrival-rate': ['order due', 'orders due'],
  'logistics.average-delivery-time': ['delivered order', 'delivered orders'],
  'disputes.dispute-rate': ['order', 'orders'],
};

/**
 * What a metric result rests on, in words: its denominator with what it counts ("412 pre-sales
 * consultations"; the facilitated amount share in yuan: "¥12,345.60 of orders"). A value
 * resting on few cases moves a lot with one more.
 *
 * @example
 * ```ts
 * formatBasis(evaluateStore(data, { asOf: '2026-11-23' }).metrics['consultation.response-rate-30s']);
 * //=> '412 pre-sales consultations'
 * formatBasis(emptyCard.metrics['reviews.negative-rate']);
 * //=> '0 reviews'
 * ```
 */
export function formatBasis(result: MetricResult): string {
  const d = result.denominator;
  if (result.id === 'consultation.facilitated-amount-share') {
    const [whole, cents] = d.toFixed(2, Dec.ROUND_HALF_UP).split('.') as [string, string];
    return `¥${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents} of orders`;
  }
  const nouns = (BASIS_NOUNS as Partial<Record<string, readonly [string, string]>>)[result.id];
  const n = d.toNumber();
  if (nouns === undefined) return String(n);
  return `${n} ${n === 1 ? nouns[0] : nouns[1]}`;
}
