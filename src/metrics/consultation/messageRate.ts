import { defineMetric } from '../_calculate.js';
import {
  CHAT_WINDOW,
  CONSULTATION_OTHER,
  cp,
  goodPoint,
  TEN_CASES,
  URL_CHAT_PENALTY,
} from '../_defaults.js';

/**
 * 留言率 message rate: offline messages / (offline messages + consultation sessions), sessions
 * starting in assessment hours, anchored on the session start, chat window.
 *
 * @example
 * ```ts
 * messageRateDefinition.direction;
 * //=> 'lower-is-better'
 * ```
 */
export const messageRateDefinition = defineMetric({
  id: 'consultation.message-rate',
  module: 'consultation',
  name: { zh: '留言率', en: 'Message rate' },
  unit: 'ratio',
  direction: 'lower-is-better',
  formula: 'offline messages / (offline messages + consultation sessions), in assessment hours',
  numerator: 'offline messages (留言)',
  denominator: 'offline messages + consultation sessions',
  anchor: 'session start',
  reads: ['chatSessions'],
  source: [
    { tag: 'seed', seed: '001', aspect: 'formula', note: '留言量/咨询总量(留言量+咨询量)' },
    {
      tag: 'published',
      url: 'https://insight.xiaoduoai.com/faq/questions/D1qA',
      aspect: 'offline messages',
      note: 'offline messages count only toward the message rate',
    },
  ],
  notes: [
    {
      id: 'merge-by-kind',
      text: 'Offline messages merge with offline messages, consultations with consultations, both by the 10-minute rule.',
    },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['offline message or consultation', 'offline messages and consultations'],
  defaults: {
    window: CHAT_WINDOW,
    controlPoints: cp(
      0.05,
      0.5,
      {
        tag: 'published',
        url: URL_CHAT_PENALTY,
        aspect: 'poor point',
        note: 'poor 50%: chat defect penalty (message rate must be < 50%)',
      },
      goodPoint('good 5%: not published'),
    ),
    weight: CONSULTATION_OTHER,
    minimumSample: TEN_CASES,
  },
  measure: {
    customer(view, ctx, slot) {
      for (const s of view.sessions) {
        if (!s.inAssessmentHours) continue;
        ctx.add(slot, s.startDay, s.kind === 'offline-message' ? 1 : 0, 1, s.id);
      }
    },
  },
});
