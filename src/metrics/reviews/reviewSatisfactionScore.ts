import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 商品评价满意度 Review satisfaction score. (Not measured yet: returns `no-data`.)
 *
 * @example
 * ```ts
 * reviewSatisfactionScoreDefinition.id;
 * //=> 'reviews.satisfaction-score'
 * ```
 */
export const reviewSatisfactionScoreDefinition: MetricDefinition = defineMetric({
  id: 'reviews.satisfaction-score',
  module: 'reviews',
  name: { zh: '商品评价满意度', en: 'Review satisfaction score' },
  unit: 'points',
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
 * Calculates 商品评价满意度 Review satisfaction score.
 *
 * @example
 * ```ts
 * reviewSatisfactionScore(data, { asOf: '2026-11-23' }).id;
 * //=> 'reviews.satisfaction-score'
 * ```
 */
export const reviewSatisfactionScore = calculatorFor(reviewSatisfactionScoreDefinition);
