import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 退货满意度 Return satisfaction. (Not measured yet: returns `no-data`.)
 *
 * @example
 * ```ts
 * returnSatisfactionDefinition.id;
 * //=> 'after-sales.return-satisfaction'
 * ```
 */
export const returnSatisfactionDefinition: MetricDefinition = defineMetric({
  id: 'after-sales.return-satisfaction',
  module: 'after-sales',
  name: { zh: '退货满意度', en: 'Return satisfaction' },
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
 * Calculates 退货满意度 Return satisfaction.
 *
 * @example
 * ```ts
 * returnSatisfaction(data, { asOf: '2026-11-23' }).id;
 * //=> 'after-sales.return-satisfaction'
 * ```
 */
export const returnSatisfaction = calculatorFor(returnSatisfactionDefinition);
