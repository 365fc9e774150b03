import { defineMetric } from '../_calculate.js';
import { CHAT_WINDOW, cp, EQUAL, TEN_CASES } from '../_defaults.js';
import { isSatisfied } from '../consultation/_satisfaction.js';

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
export const afterSalesSatisfactionDefinition = defineMetric({
  id: 'after-sales.satisfaction',
  module: 'after-sales',
  name: { zh: '售后满意度', en: 'After-sales satisfaction' },
  unit: 'ratio',
  direction: 'higher-is-better',
  formula: 'after-sales (very satisfied + satisfied) / after-sales rated consultation sessions',
  numerator: 'after-sales consultations rated very satisfied or satisfied',
  denominator: 'after-sales rated consultation sessions',
  anchor: 'session start',
  reads: ['chatSessions'],
  readsOrdersForStage: true,
  source: [
    {
      tag: 'seed',
      seed: '001',
      note: '(非常满意+满意)/评价总量; only customers who already ordered count here, the others in pre-sales satisfaction',
    },
  ],
  notes: [
    {
      id: 'stage',
      text: 'After-sales when the customer had any order placed before the session start (cancelled or unpaid included), unless the session’s `stage` says otherwise.',
    },
    { id: 'no-assessment-hours', text: 'Assessment hours do not apply.' },
    {
      id: 'consultations-only',
      text: 'Consultation sessions only: an offline message (留言), rated or answered, never counts here.',
    },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['rated after-sales session', 'rated after-sales sessions'],
  defaults: {
    window: CHAT_WINDOW,
    controlPoints: cp(
      0.98,
      0.9,
      {
        tag: 'seed',
        seed: '001',
        aspect: 'good point',
        note: 'good 98%: 售后满意度需稳定在98%左右',
      },
      { tag: 'assumption', aspect: 'poor point', note: 'poor 90%: not published' },
    ),
    weight: EQUAL,
    minimumSample: TEN_CASES,
  },
  measure: {
    customer(view, ctx, slot) {
      for (const s of view.sessions) {
        if (s.kind !== 'consultation' || s.stage !== 'after-sales' || s.rating === undefined)
          continue;
        ctx.add(slot, s.startDay, isSatisfied(s.rating) ? 1 : 0, 1, s.id);
      }
    },
  },
});
