import { sourced } from '../../rules/provenance.js';
import { dayNumberOf } from '../../time/shanghai.js';
import { defineMetric } from '../_calculate.js';
import { cp, TEN_CASES } from '../_defaults.js';

/**
 * 交易纠纷率 dispute rate: (disputes ruled merchant-responsible + ruled shared − appeals upheld)
 * / orders placed, anchored on the order's placement day, window `[D−35, D−5]` (published,
 * maijiaw.com/article/473800; window m.cnqd.net/hyzx/zixun/10072.html).
 *
 * An order counts when paid before the as-of instant, or placed for cash on delivery (JD counts
 * prepaid orders at payment, cash-on-delivery orders at submission). Each of its disputes counts
 * (several on one order too) once ruled `merchant` or `shared` with the ruling known (`ruledAt`
 * before the as-of instant), unless an appeal against it was upheld before the as-of instant.
 * Disputes on an order that does not count (unpaid as of D) do not count either.
 *
 * | fact | as of D it counts when |
 * |---|---|
 * | order placed | D−35 00:00:00.000 ≤ placedAt < D−4 00:00:00.000 |
 * | payment (prepaid) | paidAt < D 00:00 |
 * | ruling | ruledAt < D 00:00 (a ruling stamped D 00:00:00.000 is not known yet) |
 * | upheld appeal removes it | appealUpheldAt < D 00:00 |
 *
 * @example
 * ```ts
 * disputeRateDefinition.direction;
 * //=> 'lower-is-better'
 * ```
 */
export const disputeRateDefinition = defineMetric({
  id: 'disputes.dispute-rate',
  module: 'disputes',
  name: { zh: '交易纠纷率', en: 'Dispute rate' },
  unit: 'ratio',
  direction: 'lower-is-better',
  formula: '(disputes ruled merchant-responsible + ruled shared − appeals upheld) / orders placed',
  numerator: 'disputes ruled merchant-responsible or shared, ruling known, no upheld appeal known',
  denominator:
    'orders placed (prepaid: paid before the as-of instant; cash on delivery: submitted)',
  anchor: 'order placed',
  reads: ['orders', 'disputes'],
  source: [
    {
      tag: 'published',
      url: 'https://www.maijiaw.com/article/473800',
      aspect: 'formula',
      note: '(ruled merchant-responsible + ruled shared − appeals upheld) / orders placed; prepaid orders count at payment, cash-on-delivery orders at submission',
    },
  ],
  notes: [
    {
      id: 'order-counts',
      text: 'An order counts when paid before the as-of instant, or placed for cash on delivery; a later cancellation does not remove it.',
    },
    {
      id: 'rulings',
      text: 'Every dispute counts, several on one order too, once opened and ruled merchant or shared with its ruling known before the as-of instant; a ruling without `ruledAt` is dated at `openedAt` (an assumption).',
    },
    {
      id: 'appeal-upheld',
      text: 'A dispute whose appeal was upheld before the as-of instant is left out (subtracted).',
    },
    {
      id: 'order-not-counted',
      text: 'Disputes on an order that does not count (prepaid, not paid as of D) do not count either.',
    },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['order', 'orders'],
  defaults: {
    window: sourced(
      { fromDaysBack: 35, toDaysBack: 5 },
      {
        tag: 'published',
        url: 'https://m.cnqd.net/hyzx/zixun/10072.html',
        note: 'orders created in [D−35, D−5]',
      },
    ),
    controlPoints: cp(0.001, 0.01, {
      tag: 'assumption',
      note: 'not published; 0.1% / 1% of orders',
    }),
    weight: sourced(1, {
      tag: 'assumption',
      note: 'the disputes module has one metric',
    }),
    minimumSample: TEN_CASES,
  },
  measure: {
    order(view, ctx, slot) {
      const o = view.order;
      if (!o.cashOnDelivery && !ctx.known(o.paidAt)) return;
      let counted = 0;
      for (const d of view.disputes) {
        if (d.ruling !== 'merchant' && d.ruling !== 'shared') continue;
        // Rulings and appeals become known after the order's placement day: ask as of D.
        if (!ctx.known(d.ruledAt) || !ctx.known(d.openedAt)) continue;
        // Stryker disable next-line ConditionalExpression: known(undefined) is false, as the guard's own answer
        if (d.appealUpheldAt !== undefined && ctx.known(d.appealUpheldAt)) continue;
        counted++;
      }
      ctx.add(slot, dayNumberOf(o.placedAt), counted, 1);
    },
  },
});
