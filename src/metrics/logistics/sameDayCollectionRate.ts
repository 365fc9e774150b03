import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 当日揽收率 Same-day collection rate. (Not measured yet: returns `no-data`.)
 *
 * @example
 * ```ts
 * sameDayCollectionRateDefinition.id;
 * //=> 'logistics.same-day-collection-rate'
 * ```
 */
export const sameDayCollectionRateDefinition: MetricDefinition = defineMetric({
  id: 'logistics.same-day-collection-rate',
  module: 'logistics',
  name: { zh: '当日揽收率', en: 'Same-day collection rate' },
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
 * Calculates 当日揽收率 Same-day collection rate.
 *
 * @example
 * ```ts
 * sameDayCollectionRate(data, { asOf: '2026-11-23' }).id;
 * //=> 'logistics.same-day-collection-rate'
 * ```
 */
export const sameDayCollectionRate = calculatorFor(sameDayCollectionRateDefinition);
