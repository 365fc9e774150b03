import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';
import { isSatisfied } from './_satisfaction.js';

/**
 * 售前客服满意度 pre-sales satisfaction: pre-sales (very satisfied + satisfied) / pre-sales
 * rated sessions, anchored on the session start, chat window.
 *
 * @example
 * ```ts
 * presalesSatisfactionDefinition.direction;
 * //=> 'higher-is-better'
 * ```
 */
export const presalesSatisfactionDefinition: MetricDefinition = defineMetric({
  id: 'consultation.presales-satisfaction',
  module: 'consultation',
  name: { zh: '售前客服满意度', en: 'Pre-sales satisfaction' },
  unit: 'ratio',
  direction: 'higher-is-better',
  formula: 'pre-sales (very satisfied + satisfied) / pre-sales rated consultation sessions',
  numerator: 'pre-sales consultations rated very satisfied or satisfied',
  denominator: 'pre-sales rated consultation sessions',
  anchor: 'session start',
  source: [
    { tag: 'seed', seed: '001', aspect: 'formula', note: '售前(非常满意+满意)/售前总评价量' },
  ],
  notes: [
    'A session is after-sales when its customer had any order placed before it started (cancelled or unpaid included), unless its `stage` says otherwise.',
    'A rating counts once its `ratedAt` has happened; a merged session takes the rating of its latest rated piece.',
    'Assessment hours do not apply.',
    'Consultation sessions only: an offline message (留言), rated or answered, never counts here.',
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  measure: {
    customer(view, ctx, slot) {
      for (const s of view.sessions) {
        if (s.kind !== 'consultation' || s.stage !== 'pre-sales' || s.rating === undefined)
          continue;
        ctx.add(slot, s.startDay, isSatisfied(s.rating) ? 1 : 0, 1);
      }
    },
  },
});

/**
 * Calculates 售前客服满意度, the pre-sales satisfied share.
 *
 * @example
 * ```ts
 * // 3 pre-sales sessions rated very satisfied, satisfied, neutral:
 * presalesSatisfaction(data, { asOf: '2026-11-23' }).value?.toFixed(4);
 * //=> '0.6667'
 * ```
 */
export const presalesSatisfaction = calculatorFor(presalesSatisfactionDefinition);
