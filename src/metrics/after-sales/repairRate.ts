import { defineMetric } from '../_calculate.js';
import { cp, EQUAL, OUTBOUND_WINDOW, TEN_CASES } from '../_defaults.js';
import { approvedPerOutboundUnit } from './_outboundUnits.js';

/**
 * 售后返修率 after-sales repair rate: approved service orders (审核通过服务单量, every type and
 * reason, each counted once whatever its units) anchored on the approval day / outbound units
 * (出库月销量: units of orders whose `outboundAt` is in the window, cancelled orders included)
 * anchored on the outbound day (article ZH); window `[D−30, D−1]` (an assumption: article ZH names
 * only the denominator, 出库月销量).
 *
 * | fact | counts |
 * |---|---|
 * | `approvedAt` on D−30 00:00 … D−1 23:59:59.999 | yes |
 * | `approvedAt` at D 00:00 (the as-of instant) or later | not yet |
 * | `rejectedAt` happened (before D 00:00) | never, even if approved |
 * | `outboundAt` on D−30 00:00 … D−1 23:59:59.999 | its units, in the denominator |
 *
 * Approved service orders with no outbound units in the window give `no-data` (the
 * denominator is 0), with the count still in `numerator`.
 *
 * @example
 * ```ts
 * repairRateDefinition.formula;
 * //=> 'approved service orders / outbound units'
 * ```
 */
export const repairRateDefinition = defineMetric({
  id: 'after-sales.repair-rate',
  module: 'after-sales',
  name: { zh: '售后返修率', en: 'After-sales repair rate' },
  unit: 'ratio',
  direction: 'lower-is-better',
  formula: 'approved service orders / outbound units',
  numerator: 'service orders approved (审核通过), every type and reason, each once',
  denominator: 'units of orders that left the warehouse (出库), cancelled orders included',
  anchor: 'approval day (numerator); outbound day (denominator)',
  reads: ['serviceOrders', 'orders'],
  source: [{ tag: 'seed', seed: '001', aspect: 'formula', note: '审核通过服务单量/出库月销量' }],
  notes: [
    {
      id: 'once-every-type',
      text: 'Each service order counts once, whatever its units; returns, exchanges and repairs all count.',
    },
    {
      id: 'approved-not-rejected',
      text: 'Approved = an `approvedAt` that has happened. A service order whose `rejectedAt` has happened counts nowhere, from that day on.',
    },
    {
      id: 'outbound-units',
      text: 'Outbound units count by the Shanghai day of `outboundAt`, cancelled orders included; orders never outbound add nothing.',
    },
    {
      id: 'no-outbound-no-data',
      text: 'With no outbound units in the window the result is `no-data`, whatever the numerator.',
    },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['unit shipped', 'units shipped'],
  defaults: {
    window: OUTBOUND_WINDOW,
    controlPoints: cp(0.01, 0.05, {
      tag: 'assumption',
      note: 'not published; 1% / 5% of outbound units',
    }),
    weight: EQUAL,
    minimumSample: TEN_CASES,
  },
  measure: approvedPerOutboundUnit(() => true),
});
