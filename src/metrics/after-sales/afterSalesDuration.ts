import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 售后时效 After-sales duration. (Not measured yet: returns `no-data`.)
 *
 * @example
 * ```ts
 * afterSalesDurationDefinition.id;
 * //=> 'after-sales.duration'
 * ```
 */
export const afterSalesDurationDefinition: MetricDefinition = defineMetric({
  id: 'after-sales.duration',
  module: 'after-sales',
  name: { zh: '售后时效', en: 'After-sales duration' },
  unit: 'hours',
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
 * Calculates 售后时效 After-sales duration.
 *
 * @example
 * ```ts
 * afterSalesDuration(data, { asOf: '2026-11-23' }).id;
 * //=> 'after-sales.duration'
 * ```
 */
export const afterSalesDuration = calculatorFor(afterSalesDurationDefinition);
