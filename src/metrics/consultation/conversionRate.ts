import { defineMetric } from '../_calculate.js';
import { CHAT_WINDOW, CONSULTATION_OTHER, cp, TEN_CASES } from '../_defaults.js';
import { attributionEnd, isAttributed, isReceivedPresalesConsultation } from './_attribution.js';

/**
 * 咨询转化率 consultation conversion rate: distinct customers who placed an order (not cancelled
 * as of the as-of instant) within the attribution window after a received pre-sales session /
 * distinct customers received in pre-sales sessions; sessions anchored on their start, chat
 * window.
 *
 * Distinct customers do not add up across days, so this metric selects its window's sessions
 * itself rather than summing daily tallies.
 *
 * @example
 * ```ts
 * conversionRateDefinition.name.zh;
 * //=> '咨询转化率'
 * ```
 */
export const conversionRateDefinition = defineMetric({
  id: 'consultation.conversion-rate',
  module: 'consultation',
  name: { zh: '咨询转化率', en: 'Consultation conversion rate' },
  unit: 'ratio',
  direction: 'higher-is-better',
  formula:
    'distinct customers who ordered within the attribution window after a received pre-sales consultation (order not cancelled) / distinct customers received in pre-sales consultations',
  numerator: 'distinct customers converted',
  denominator: 'distinct customers received in pre-sales consultations',
  anchor: 'session start',
  reads: ['chatSessions', 'orders'],
  source: [
    {
      tag: 'seed',
      seed: '001',
      aspect: 'formula',
      note: '咨询售前客服后下单的用户量/售前客服接待用户量',
    },
  ],
  notes: [
    {
      id: 'received',
      text: '"Received" means the session got at least one reply (agent, or robot when robot replies count).',
    },
    {
      id: 'attribution',
      text: 'An order counts when placed no earlier than the session start and at most 24 h after it (both inclusive), paid or not, unless cancelled before the as-of instant.',
    },
    { id: 'no-assessment-hours', text: 'Assessment hours do not apply.' },
    {
      id: 'consultations-only',
      text: 'Consultation sessions only: an offline message (留言), rated or answered, never counts here.',
    },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['customer received pre-sales', 'customers received pre-sales'],
  defaults: {
    window: CHAT_WINDOW,
    controlPoints: cp(0.6, 0.3, {
      tag: 'assumption',
      note: 'not published; 60% / 30% chosen as typical good / weak consultation conversion',
    }),
    weight: CONSULTATION_OTHER,
    minimumSample: TEN_CASES,
  },
  measure: {
    customer(view, ctx, slot) {
      let received = false;
      let converted = false;
      for (const s of view.sessions) {
        if (!isReceivedPresalesConsultation(s)) continue;
        if (!ctx.inWindow(slot, s.startDay)) continue;
        received = true;
        // Stryker disable next-line ConditionalExpression: once converted, looking again finds the same: work saved, not a result
        if (!converted) {
          for (const o of view.orders) {
            // Stryker disable next-line ConditionalExpression: isAttributed refuses every later order on the same bound; the break saves the work
            if (o.placedAt > attributionEnd(s, ctx)) break;
            if (isAttributed(o, s, ctx)) {
              converted = true;
              break;
            }
          }
        }
      }
      if (received) ctx.addWindowed(slot, converted ? 1 : 0, 1);
    },
  },
});
