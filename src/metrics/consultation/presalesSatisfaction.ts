import { defineMetric } from '../_calculate.js';
import {
  CHAT_WINDOW,
  CONSULTATION_OTHER,
  cp,
  goodPoint,
  TEN_CASES,
  URL_CHAT_PENALTY,
} from '../_defaults.js';
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
export const presalesSatisfactionDefinition = defineMetric({
  id: 'consultation.presales-satisfaction',
  module: 'consultation',
  name: { zh: '售前客服满意度', en: 'Pre-sales satisfaction' },
  unit: 'ratio',
  direction: 'higher-is-better',
  formula: 'pre-sales (very satisfied + satisfied) / pre-sales rated consultation sessions',
  numerator: 'pre-sales consultations rated very satisfied or satisfied',
  denominator: 'pre-sales rated consultation sessions',
  anchor: 'session start',
  reads: ['chatSessions'],
  readsOrdersForStage: true,
  source: [
    { tag: 'seed', seed: '001', aspect: 'formula', note: '售前(非常满意+满意)/售前总评价量' },
  ],
  notes: [
    {
      id: 'stage',
      text: 'A session is after-sales when its customer had any order placed before it started (cancelled or unpaid included), unless its `stage` says otherwise.',
    },
    {
      id: 'rating-happened',
      text: 'A rating counts once its `ratedAt` has happened (a rating without `ratedAt` is dated at the session record’s last message that has happened: an assumption); a merged session takes the rating of its latest rated piece.',
    },
    { id: 'no-assessment-hours', text: 'Assessment hours do not apply.' },
    {
      id: 'consultations-only',
      text: 'Consultation sessions only: an offline message (留言), rated or answered, never counts here.',
    },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['rated pre-sales session', 'rated pre-sales sessions'],
  defaults: {
    window: CHAT_WINDOW,
    controlPoints: cp(
      0.95,
      0.85,
      {
        tag: 'published',
        url: URL_CHAT_PENALTY,
        aspect: 'poor point',
        note: 'poor 85%: chat defect penalty (satisfaction must be > 85%)',
      },
      goodPoint('good 95%: not published'),
    ),
    weight: CONSULTATION_OTHER,
    minimumSample: TEN_CASES,
  },
  measure: {
    customer(view, ctx, slot) {
      for (const s of view.sessions) {
        if (s.kind !== 'consultation' || s.stage !== 'pre-sales' || s.rating === undefined)
          continue;
        ctx.add(slot, s.startDay, isSatisfied(s.rating) ? 1 : 0, 1, s.id);
      }
    },
  },
});
