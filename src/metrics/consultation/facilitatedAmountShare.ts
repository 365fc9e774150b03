import { sourced } from '../../rules/provenance.js';
import { dayNumberOf } from '../../time/shanghai.js';
import { defineMetric } from '../_calculate.js';
import { CHAT_WINDOW, CONSULTATION_OTHER, cp } from '../_defaults.js';
import { isAttributed, isReceivedPresalesConsultation } from './_attribution.js';

/**
 * 促成金额占比 facilitated amount share: amount of orders placed within the attribution window
 * after a received pre-sales session of the same customer / amount of all orders placed; on
 * both sides only orders not cancelled as of the as-of instant; anchored on the order's
 * placement, chat window. Its sample is the received pre-sales consultations that could
 * facilitate an order of the window (started in it or up to the attribution hours before it,
 * in whole days), not the order amount: none, and there is no share (`no-data`); fewer than the minimum
 * sample, too little data.
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
  reads: ['chatSessions', 'orders'],
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
    {
      id: 'sample-consultations',
      text: 'Its sample (for the minimum-sample rule) is the received pre-sales consultations, not the order amount: those that started in the window or within the attribution hours before it (whole days: D−36 with 24 h); with none the share is no-data, not 0%.',
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
    minimumSample: sourced(10, {
      tag: 'assumption',
      note: 'JD gives stores with too little data the industry average, but no source says how little: fewer than 10 received pre-sales consultations (the sample, as the denominator is money)',
    }),
  },
  sample: {
    counts:
      'received pre-sales consultations that could facilitate an order of the window: started in the window, or within the attribution hours before it (whole days)',
    basis: ['received pre-sales consultation', 'received pre-sales consultations'],
    // A consultation up to the attribution hours before the window facilitates its first orders.
    leadDays: (rules) => Math.ceil(rules.chat.attributionHours.value / 24),
    measure: {
      customer(view, ctx, slot) {
        for (const s of view.sessions)
          if (isReceivedPresalesConsultation(s)) ctx.add(slot, s.startDay, 1, 1);
      },
    },
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
