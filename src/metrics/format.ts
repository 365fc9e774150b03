/**
 * Display helpers of metric results.
 *
 * @module
 */
import { Dec } from '../decimal.js';
import { expectMeasurement } from '../errors.js';
import { formatValue } from '../format.js';
import { getMetricDefinition } from './catalogue.js';
import { goodReviewRateDefinition } from './reviews/goodReviewRate.js';
import type { Measurement } from './types.js';

/**
 * Formats a metric result's value in its unit; `no-data` gives `'no data'`.
 *
 * @example
 * ```ts
 * formatMetricValue(evaluateStore(data, { asOf: '2026-11-23' }).metrics['reviews.negative-rate']);
 * //=> '3.14%'
 * formatMetricValue(emptyCard.metrics['reviews.negative-rate']);
 * //=> 'no data'
 * ```
 */
export function formatMetricValue(result: Measurement): string {
  expectMeasurement('formatMetricValue', result);
  return result.status === 'no-data' ? 'no data' : formatValue(result.value, result.unit);
}

/**
 * What a metric result rests on, in words: its denominator with what it counts ("412 pre-sales
 * consultations"; the facilitated amount share in yuan: "¥12,345.60 of orders"). A value
 * resting on few cases moves a lot with one more.
 *
 * @example
 * ```ts
 * formatBasis(evaluateStore(data, { asOf: '2026-11-23' }).metrics['consultation.response-rate-30s']);
 * //=> '203 pre-sales consultations'
 * formatBasis(emptyCard.metrics['reviews.negative-rate']);
 * //=> '0 reviews'
 * ```
 */
export function formatBasis(result: Measurement): string {
  expectMeasurement('formatBasis', result);
  const d = result.denominator;
  if (result.id === 'consultation.facilitated-amount-share') {
    const [whole, cents] = d.toFixed(2, Dec.ROUND_HALF_UP).split('.') as [string, string];
    return `¥${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents} of orders`;
  }
  const def =
    result.id === goodReviewRateDefinition.id
      ? goodReviewRateDefinition
      : getMetricDefinition(result.id);
  const n = d.toNumber();
  if (def === undefined) return String(n);
  const nouns = def.basis;
  return `${n} ${n === 1 ? nouns[0] : nouns[1]}`;
}
