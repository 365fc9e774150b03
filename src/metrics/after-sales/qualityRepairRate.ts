import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 产品质量返修率 Quality repair rate. (Not measured yet: returns `no-data`.)
 *
 * @example
 * ```ts
 * qualityRepairRateDefinition.id;
 * //=> 'after-sales.quality-repair-rate'
 * ```
 */
export const qualityRepairRateDefinition: MetricDefinition = defineMetric({
  id: 'after-sales.quality-repair-rate',
  module: 'after-sales',
  name: { zh: '产品质量返修率', en: 'Quality repair rate' },
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
 * Calculates 产品质量返修率 Quality repair rate.
 *
 * @example
 * ```ts
 * qualityRepairRate(data, { asOf: '2026-11-23' }).id;
 * //=> 'after-sales.quality-repair-rate'
 * ```
 */
export const qualityRepairRate = calculatorFor(qualityRepairRateDefinition);
