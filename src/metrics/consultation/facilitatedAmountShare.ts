import { sourced } from '../../rules/provenance.js';
import { dayNumberOf } from '../../time/shanghai.js';
import { defineMetric } from '../_calculate.js';
import { CHAT_WINDOW, CONSULTATION_OTHER, cp } from '../_defaults.js';
import { isAttributed } from './_attribution.js';

/**
 * 促成金额占比 facilitated amount share: amount of orders placed within the attribution window
 * after a received pre-sales session of the same customer / amount of all orders placed; on
 * both sides only orders not cancelled as of the as-of instant; anchored on the order's
 * placement, chat window.
 *
 * @example
 * ```ts
 * facilitatedAmountShareDefinition.anchor;
 * //=> 'order placed'
 * ```
 */
export const facilitatedAmountShareDefinition = defineMetric({
  id: 'consultation.facilitated-amount-share',
  module: 'consultation',
  name: { zh: '促成金额占比', en: 'Facilitated amount share' },
  unit: 'ratio',
  direction: 'higher-is-better',
  formula:
    'amount of orders facilitated by a received pre-sales session (placed within the attribution window after it) / amount of all orders placed; orders cancelled as of the as-of instant excluded on both sides',
  numerator: 'facilitated amount, yuan',
  denominator: 'amount of all orders, yuan',
  anchor: 'order placed',
  source: [
    { tag: 'seed', seed: '001', aspect: 'formula', note: '客服促成金额/销售金额' },
    {
      tag: 'published',
      url: 'https://www.jiutoushe.cn/wen/338853.html',
      aspect: 'amount',
      note: 'facilitated amount = order amount after discounts',
    },
  ],
  notes: [
    {
      id: 'consultations-only',
      text: 'Only consultations facilitate an order: an answered offline message (留言) never does.',
    },
    {
      id: 'payment-cancellation',
      text: 'Payment is not required; a cancellation before the as-of instant removes the order from both sides.',
    },
  ],
  numeratorScale: 100,
  denominatorScale: 100,
  basis: ['', ''],
  defaults: {
    window: CHAT_WINDOW,
    controlPoints: cp(0.5, 0.2, {
      tag: 'assumption',
      note: 'not published; 50% / 20% of the amount facilitated by pre-sales consultation',
    }),
    weight: CONSULTATION_OTHER,
    minimumSample: sourced(0, {
      tag: 'assumption',
      note: 'no minimum: the denominator is an amount of money, not a count of cases',
    }),
  },
  measure: {
    customer(view, ctx, slot) {
      const sessions = view.sessions;
      for (const o of view.orders) {
        if (!ctx.known(o.placedAt) || ctx.known(o.cancelledAt)) continue;
        let facilitated = false;
        for (const s of sessions) {
          // Stryker disable next-line ConditionalExpression: isAttributed refuses every later session on the same bound; the break saves the work
          if (s.startAt > o.placedAt) break;
          if (isAttributed(o, s, ctx)) {
            facilitated = true;
            break;
          }
        }
        ctx.add(slot, dayNumberOf(o.placedAt), facilitated ? o.amountFen : 0, o.amountFen, o.id);
      }
    },
  },
});
