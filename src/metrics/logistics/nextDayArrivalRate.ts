import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 次日达占比 Next-day arrival rate. (Not measured yet: returns `no-data`.)
 *
 * @example
 * ```ts
 * nextDayArrivalRateDefinition.id;
 * //=> 'logistics.next-day-arrival-rate'
 * ```
 */
export const nextDayArrivalRateDefinition: MetricDefinition = defineMetric({
  id: 'logistics.next-day-arrival-rate',
  module: 'logistics',
  name: { zh: '次日达占比', en: 'Next-day arrival rate' },
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
 * Calculates 次日达占比 Next-day arrival rate.
 *
 * @example
 * ```ts
 * nextDayArrivalRate(data, { asOf: '2026-11-23' }).id;
 * //=> 'logistics.next-day-arrival-rate'
 * ```
 */
export const nextDayArrivalRate = calculatorFor(nextDayArrivalRateDefinition);
