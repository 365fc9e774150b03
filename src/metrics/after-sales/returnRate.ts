import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 退货率 Return rate. (Not measured yet: returns `no-data`.)
 *
 * @example
 * ```ts
 * returnRateDefinition.id;
 * //=> 'after-sales.return-rate'
 * ```
 */
export const returnRateDefinition: MetricDefinition = defineMetric({
  id: 'after-sales.return-rate',
  module: 'after-sales',
  name: { zh: '退货率', en: 'Return rate' },
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
 * Calculates 退货率 Return rate.
 *
 * @example
 * ```ts
 * returnRate(data, { asOf: '2026-11-23' }).id;
 * //=> 'after-sales.return-rate'
 * ```
 */
export const returnRate = calculatorFor(returnRateDefinition);
