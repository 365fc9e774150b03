import type { ServiceOrder } from '../../model.js';
import { defineMetric } from '../_calculate.js';
import { cp, EQUAL, OUTBOUND_WINDOW, TEN_CASES } from '../_defaults.js';
import { approvedPerOutboundUnit } from './_outboundUnits.js';
import { isQualityReason } from './_quality.js';

/**
 * 产品质量返修率 quality repair rate: approved service orders with a quality reason (产品质量,
 * 假旧货, 开箱残, 缺少配件, 软性故障, 外观原因) anchored on the approval day / outbound units
 * anchored on the outbound day (article ZH); window `[D−30, D−1]` (an assumption: article ZH names
 * only the denominator, 出库月销量 (订单跟踪30天)).
 *
 * | reason | quality |
 * |---|---|
 * | `quality`, `fake-or-used`, `dead-on-arrival`, `missing-parts`, `soft-failure`, `appearance` | yes |
 * | `no-reason`, `other` | no |
 *
 * @example
 * ```ts
 * qualityRepairRateDefinition.numerator;
 * //=> 'approved service orders with a quality reason, every type, each once'
 * ```
 */
export const qualityRepairRateDefinition = defineMetric({
  id: 'after-sales.quality-repair-rate',
  module: 'after-sales',
  name: { zh: '产品质量返修率', en: 'Quality repair rate' },
  unit: 'ratio',
  direction: 'lower-is-better',
  formula: 'approved service orders with a quality reason / outbound units',
  numerator: 'approved service orders with a quality reason, every type, each once',
  denominator: 'units of orders that left the warehouse (出库), cancelled orders included',
  anchor: 'approval day (numerator); outbound day (denominator)',
  reads: ['serviceOrders', 'orders'],
  source: [
    {
      tag: 'seed',
      seed: '001',
      aspect: 'formula',
      note: '审核通过服务单量(产品质量,假旧货开箱残,缺少配件,软性故障,外观原因)/出库月销量(订单跟踪30天)',
    },
  ],
  notes: [
    {
      id: 'quality-reasons',
      text: 'Quality reasons: quality (产品质量), fake-or-used (假旧货), dead-on-arrival (开箱残), missing-parts (缺少配件), soft-failure (软性故障), appearance (外观原因); no-reason and other are not.',
    },
    {
      id: 'every-type-once',
      text: 'Every service order type counts (return, exchange, repair), each once whatever its units.',
    },
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
    controlPoints: cp(0.005, 0.02, {
      tag: 'assumption',
      note: 'not published; 0.5% / 2% of outbound units',
    }),
    weight: EQUAL,
    minimumSample: TEN_CASES,
  },
  measure: approvedPerOutboundUnit((s: ServiceOrder) => isQualityReason(s.reason)),
});
