import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 差评率 Negative review rate. (Not measured yet: returns `no-data`.)
 *
 * @example
 * ```ts
 * negativeReviewRateDefinition.id;
 * //=> 'reviews.negative-rate'
 * ```
 */
export const negativeReviewRateDefinition: MetricDefinition = defineMetric({
  id: 'reviews.negative-rate',
  module: 'reviews',
  name: { zh: '差评率', en: 'Negative review rate' },
  unit: 'ratio',
  direction: 'lower-is-better',
  formula: 'TODO',
  numerator: 'TODO',
  denominator: 'TODO',
  anchor: 'TODO',
  source: [{ tag: 'assumption', note: 'TODO' }],
  numeratorScale: 1,
  denominatorScale: 1,
  measure: {},
});

/**
 * Calculates 差评率 Negative review rate.
 *
 * @example
 * ```ts
 * negativeReviewRate(data, { asOf: '2026-11-23' }).id;
 * //=> 'reviews.negative-rate'
 * ```
 */
export const negativeReviewRate = calculatorFor(negativeReviewRateDefinition);
