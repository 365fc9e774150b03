import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 平均妥投时长 Average delivery time. (Not measured yet: returns `no-data`.)
 *
 * @example
 * ```ts
 * averageDeliveryTimeDefinition.id;
 * //=> 'logistics.average-delivery-time'
 * ```
 */
export const averageDeliveryTimeDefinition: MetricDefinition = defineMetric({
  id: 'logistics.average-delivery-time',
  module: 'logistics',
  name: { zh: '平均妥投时长', en: 'Average delivery time' },
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
 * Calculates 平均妥投时长 Average delivery time.
 *
 * @example
 * ```ts
 * averageDeliveryTime(data, { asOf: '2026-11-23' }).id;
 * //=> 'logistics.average-delivery-time'
 * ```
 */
export const averageDeliveryTime = calculatorFor(averageDeliveryTimeDefinition);
