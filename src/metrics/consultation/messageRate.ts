import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

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
export const messageRateDefinition: MetricDefinition = defineMetric({
  id: 'consultation.message-rate',
  module: 'consultation',
  name: { zh: '留言率', en: 'Message rate' },
  unit: 'ratio',
  direction: 'lower-is-better',
  formula: 'offline messages / (offline messages + consultation sessions), in assessment hours',
  numerator: 'offline messages (留言)',
  denominator: 'offline messages + consultation sessions',
  anchor: 'session start',
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
    'Offline messages merge with offline messages, consultations with consultations, both by the 10-minute rule.',
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  measure: {
    customer(view, ctx, slot) {
      for (const s of view.sessions) {
        if (!s.inAssessmentHours) continue;
        ctx.add(slot, s.startDay, s.kind === 'offline-message' ? 1 : 0, 1);
      }
    },
  },
});

/**
 * Calculates 留言率, the message rate.
 *
 * @example
 * ```ts
 * // 1 offline message and 3 consultations in assessment hours:
 * messageRate(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.25'
 * ```
 */
export const messageRate = calculatorFor(messageRateDefinition);
