/**
 * Display helpers of metric results.
 *
 * @module
 */
import { Dec } from '../decimal.js';
import { formatValue } from '../format.js';
import type { MetricId, MetricResult } from './types.js';

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
