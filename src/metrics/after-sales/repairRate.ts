import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 售后返修率 After-sales repair rate. (Not measured yet: returns `no-data`.)
 *
 * @example
 * ```ts
 * repairRateDefinition.id;
 * //=> 'after-sales.repair-rate'
 * ```
 */
export const repairRateDefinition: MetricDefinition = defineMetric({
  id: 'after-sales.repair-rate',
  module: 'after-sales',
  name: { zh: '售后返修率', en: 'After-sales repair rate' },
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
 * Calculates 售后返修率 After-sales repair rate.
 *
 * @example
 * ```ts
 * repairRate(data, { asOf: '2026-11-23' }).id;
 * //=> 'after-sales.repair-rate'
 * ```
 */
export const repairRate = calculatorFor(repairRateDefinition);
