import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 24小时中差评处理率 24-hour negative review handling rate. (Not measured yet: returns `no-data`.)
 *
 * @example
 * ```ts
 * negativeReviewHandlingRate24hDefinition.id;
 * //=> 'reviews.negative-handling-rate-24h'
 * ```
 */
export const negativeReviewHandlingRate24hDefinition: MetricDefinition = defineMetric({
  id: 'reviews.negative-handling-rate-24h',
  module: 'reviews',
  name: { zh: '24小时中差评处理率', en: '24-hour negative review handling rate' },
  unit: 'ratio',
  direction: 'higher-is-better',
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
 * Calculates 24小时中差评处理率 24-hour negative review handling rate.
 *
 * @example
 * ```ts
 * negativeReviewHandlingRate24h(data, { asOf: '2026-11-23' }).id;
 * //=> 'reviews.negative-handling-rate-24h'
 * ```
 */
export const negativeReviewHandlingRate24h = calculatorFor(negativeReviewHandlingRate24hDefinition);
