import { calculatorFor, defineMetric } from '../_calculate.js';
import { isSatisfied } from '../consultation/_satisfaction.js';
import type { MetricDefinition } from '../types.js';

/**
 * 售后满意度 after-sales satisfaction: after-sales (very satisfied + satisfied) / after-sales
 * rated chat sessions, anchored on the session start, chat window. A session is after-sales
 * when its customer already had an order placed before it started (article ZH, §三(2)).
 *
 * @example
 * ```ts
 * afterSalesSatisfactionDefinition.module;
 * //=> 'after-sales'
 * ```
 */
export const afterSalesSatisfactionDefinition: MetricDefinition = defineMetric({
  id: 'after-sales.satisfaction',
  module: 'after-sales',
  name: { zh: '售后满意度', en: 'After-sales satisfaction' },
  unit: 'ratio',
  direction: 'higher-is-better',
  formula: 'after-sales (very satisfied + satisfied) / after-sales rated consultation sessions',
  numerator: 'after-sales consultations rated very satisfied or satisfied',
  denominator: 'after-sales rated consultation sessions',
  anchor: 'session start',
  source: [
    {
      tag: 'seed',
      seed: '001',
      note: '(非常满意+满意)/评价总量; only customers who already ordered count here, the others in pre-sales satisfaction',
    },
  ],
  notes: [
    'After-sales when the customer had any order placed before the session start (cancelled or unpaid included), unless the session’s `stage` says otherwise.',
    'Assessment hours do not apply.',
    'Consultation sessions only: an offline message (留言), rated or answered, never counts here.',
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  measure: {
    customer(view, ctx, slot) {
      for (const s of view.sessions) {
        if (s.kind !== 'consultation' || s.stage !== 'after-sales' || s.rating === undefined)
          continue;
        ctx.add(slot, s.startDay, isSatisfied(s.rating) ? 1 : 0, 1);
      }
    },
  },
});

/**
 * Calculates 售后满意度, the after-sales chat satisfaction.
 *
 * @example
 * ```ts
 * // A customer with an earlier order rates a chat "satisfied":
 * afterSalesSatisfaction(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '1'
 * ```
 */
export const afterSalesSatisfaction = calculatorFor(afterSalesSatisfactionDefinition);
