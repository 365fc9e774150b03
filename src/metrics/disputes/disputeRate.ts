import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 交易纠纷率 Dispute rate. (Not measured yet: returns `no-data`.)
 *
 * @example
 * ```ts
 * disputeRateDefinition.id;
 * //=> 'disputes.dispute-rate'
 * ```
 */
export const disputeRateDefinition: MetricDefinition = defineMetric({
  id: 'disputes.dispute-rate',
  module: 'disputes',
  name: { zh: '交易纠纷率', en: 'Dispute rate' },
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
 * Calculates 交易纠纷率 Dispute rate.
 *
 * @example
 * ```ts
 * disputeRate(data, { asOf: '2026-11-23' }).id;
 * //=> 'disputes.dispute-rate'
 * ```
 */
export const disputeRate = calculatorFor(disputeRateDefinition);
