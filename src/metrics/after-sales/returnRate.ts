import type { ServiceOrder } from '../../model.js';
import { defineMetric } from '../_calculate.js';
import { cp, EQUAL, OUTBOUND_WINDOW, TEN_CASES } from '../_defaults.js';
import { approvedPerOutboundUnit } from './_outboundUnits.js';

/**
 * 退货率 return rate: approved return-type service orders anchored on the approval day /
 * outbound units anchored on the outbound day; window `[D−30, D−1]`. The seeds name the metric
 * without a formula: this one, built like the repair rates, is an `assumption`, and so is its
 * window (the repair rates').
 *
 * | service order | counts |
 * |---|---|
 * | type `return`, approved before D 00:00, approval day in the window | yes, once |
 * | type `exchange` or `repair` | no |
 * | rejected (rejection happened) | no |
 *
 * @example
 * ```ts
 * returnRateDefinition.source[0]?.tag;
 * //=> 'assumption'
 * ```
 */
export const returnRateDefinition = defineMetric({
  id: 'after-sales.return-rate',
  module: 'after-sales',
  name: { zh: '退货率', en: 'Return rate' },
  unit: 'ratio',
  direction: 'lower-is-better',
  formula: 'approved return-type service orders / outbound units',
  numerator: 'approved service orders of type return (退货), every reason, each once',
  denominator: 'units of orders that left the warehouse (出库), cancelled orders included',
  anchor: 'approval day (numerator); outbound day (denominator)',
  reads: ['serviceOrders', 'orders'],
  source: [
    {
      tag: 'assumption',
      aspect: 'formula',
      note: 'the source articles name the return rate (article EN: "the return rate") without a formula; we count it like the repair rates (article ZH: 审核通过服务单量/出库月销量), restricted to return-type service orders',
    },
  ],
  notes: [
    {
      id: 'returns-only',
      text: 'Only return-type (退货) service orders count; exchanges and repairs do not. Every reason counts, no-reason returns included.',
    },
    { id: 'once', text: 'Each service order counts once, whatever its units.' },
    {
      id: 'approved-not-rejected',
      text: 'Approved = an `approvedAt` that has happened. A service order whose `rejectedAt` has happened counts nowhere, from that day on.',
    },
    {
      id: 'outbound-units',
      text: 'Outbound units count by the Shanghai day of `outboundAt`, cancelled orders included. With none in the window the result is `no-data`.',
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
  measure: approvedPerOutboundUnit((s: ServiceOrder) => s.type === 'return'),
});
