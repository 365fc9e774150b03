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
 * What a metric result rests on, in words: its sample with what it counts ("412 pre-sales
 * consultations"; the facilitated amount share: its received consultations and the amount of
 * orders, "12 received pre-sales consultations, ¥12,345.60 of orders"; given as amounts without
 * its consultations, the amount alone); `'value given'` for a value given without a count
 * (`scoreValues` with a bare value: no basis is invented), `'—'` for a metric given nothing. A value
 * resting on few cases moves a lot with one more.
 *
 * @example
 * ```ts
 * formatBasis(evaluateStore(data, { asOf: '2026-11-23' }).metrics['consultation.response-rate-30s']);
 * //=> '203 pre-sales consultations'
 * formatBasis(emptyCard.metrics['reviews.negative-rate']);
 * //=> '0 reviews'
 * formatBasis(scoreValues({ asOf: '2026-11-23', metrics: { 'reviews.negative-rate': 0.01 } }).metrics['reviews.negative-rate']);
 * //=> 'value given'
 * ```
 */
export function formatBasis(result: Measurement): string {
  expectMeasurement('formatBasis', result);
  const def =
    result.id === goodReviewRateDefinition.id
      ? goodReviewRateDefinition
      : getMetricDefinition(result.id);
  if (result.sample === null) {
    // No count given (nothing at all: '—'); the facilitated share's amounts may be (a value
    // alone is over 1).
    if (result.status === 'no-data') return '—';
    const amounts = def?.sample !== undefined && !result.denominator.eq(1);
    return amounts ? `${yuan(result.denominator)} of orders` : 'value given';
  }
  if (def?.sample !== undefined) {
    const n = (result.sample ?? new Dec(0)).toNumber();
    const cases = `${n} ${n === 1 ? def.sample.basis[0] : def.sample.basis[1]}`;
    return result.denominator.isZero() ? cases : `${cases}, ${yuan(result.denominator)} of orders`;
  }
  const n = result.denominator.toNumber();
  if (def === undefined) return String(n);
  const nouns = def.basis;
  return `${n} ${n === 1 ? nouns[0] : nouns[1]}`;
}

/** An amount in yuan with thousands separators, `¥12,345.60`. */
function yuan(d: Measurement['denominator']): string {
  const [whole, cents] = d.toFixed(2, Dec.ROUND_HALF_UP).split('.') as [string, string];
  return `¥${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
}
