import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';

/**
 * 平均响应时长 average response time: Σ(manual agent reply − earliest customer message it
 * answers) / number of such replies, over consultation sessions starting in assessment hours,
 * anchored on the session start, chat window `[D−35, D−6]`.
 *
 * Robot messages are ignored entirely: they neither count as replies nor answer the waiting
 * customer message (article ZH: 客服人工回复). An agent message with nothing waiting is not a reply.
 *
 * @example
 * ```ts
 * averageResponseTimeDefinition.unit;
 * //=> 'seconds'
 * ```
 */
export const averageResponseTimeDefinition: MetricDefinition = defineMetric({
  id: 'consultation.average-response-time',
  module: 'consultation',
  name: { zh: '平均响应时长', en: 'Average response time' },
  unit: 'seconds',
  direction: 'lower-is-better',
  formula:
    'Σ(manual agent reply − earliest customer message it answers) / number of such replies, over consultation sessions starting in assessment hours',
  numerator: 'total response time of manual replies, seconds',
  denominator: 'manual replies',
  anchor: 'session start',
  source: [
    {
      tag: 'seed',
      seed: '001',
      aspect: 'formula',
      note: '客服人工回复消息与用户消息之间时间差总时长/响应次数',
    },
  ],
  notes: [
    'Offline messages (留言) never count.',
    'Robot messages neither reply nor answer the waiting customer message.',
    'An agent message with no customer message waiting is not a reply.',
  ],
  numeratorScale: 1000,
  denominatorScale: 1,
  measure: {
    customer(view, ctx, slot) {
      for (const s of view.sessions) {
        // Stryker disable next-line ConditionalExpression: a session without a manual reply would add 0 to both sums
        if (s.kind !== 'consultation' || !s.inAssessmentHours || s.manualReplies === 0) continue;
        ctx.add(slot, s.startDay, s.manualReplyMs, s.manualReplies);
      }
    },
  },
});

/**
 * Calculates 平均响应时长, the average response time in seconds.
 *
 * @example
 * ```ts
 * // One session at 10:00:00 answered by an agent at 10:00:12, evaluated 6+ days later:
 * averageResponseTime(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '12'
 * // No manual reply in the window:
 * averageResponseTime(emptyStore, { asOf: '2026-11-23' }).status;
 * //=> 'no-data'
 * ```
 */
export const averageResponseTime = calculatorFor(averageResponseTimeDefinition);
