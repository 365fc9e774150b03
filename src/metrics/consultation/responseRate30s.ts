import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 30秒应答率 30-second response rate: pre-sales consultation sessions whose first reply comes
 * at most 30 s after the first customer message / pre-sales consultation sessions, in
 * assessment hours, anchored on the session start, chat window.
 *
 * @example
 * ```ts
 * responseRate30sDefinition.id;
 * //=> 'consultation.response-rate-30s'
 * ```
 */
export const responseRate30sDefinition: MetricDefinition = defineMetric({
  id: 'consultation.response-rate-30s',
  module: 'consultation',
  name: { zh: '30秒应答率', en: '30-second response rate' },
  unit: 'ratio',
  direction: 'higher-is-better',
  formula:
    'pre-sales consultation sessions first answered ≤ 30 s after the first customer message / pre-sales consultation sessions, in assessment hours',
  numerator: 'pre-sales consultation sessions answered within 30 s',
  denominator: 'pre-sales consultation sessions',
  anchor: 'session start',
  source: [
    { tag: 'seed', seed: '001', aspect: 'formula', note: '售前30秒应答量/售前的咨询量' },
    {
      tag: 'seed',
      seed: '000',
      aspect: 'robot replies',
      note: 'sessions received purely by the robot count in the 30-second rate',
    },
  ],
  notes: [
    'The first reply is the first agent or robot message at or after the first customer message (robot: rule `chat.robotRepliesCount`).',
    'A reply at exactly 30 s is in time; 30.001 s is not. A session never answered counts in the denominator only.',
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  measure: {
    customer(view, ctx, slot) {
      const limitMs = ctx.rules.chat.responseThresholdSeconds.value * 1000;
      for (const s of view.sessions) {
        if (s.kind !== 'consultation' || s.stage !== 'pre-sales' || !s.inAssessmentHours) continue;
        const inTime =
          // Stryker disable next-line ConditionalExpression: without a reply the difference is NaN, and NaN ≤ limit is false all the same
          s.firstReplyAt !== undefined && s.firstReplyAt - s.firstCustomerAt <= limitMs;
        ctx.add(slot, s.startDay, inTime ? 1 : 0, 1);
      }
    },
  },
});

/**
 * Calculates 30秒应答率, the 30-second response rate.
 *
 * @example
 * ```ts
 * // Replies after exactly 30 s and after 30.001 s:
 * responseRate30s(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.5'
 * ```
 */
export const responseRate30s = calculatorFor(responseRate30sDefinition);
