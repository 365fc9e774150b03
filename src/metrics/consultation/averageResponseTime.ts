import { defineMetric } from '../_calculate.js';
import { CHAT_WINDOW, CONSULTATION_OTHER, cp, TEN_CASES, URL_CHAT_PENALTY } from '../_defaults.js';

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
export const averageResponseTimeDefinition = defineMetric({
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
  reads: ['chatSessions'],
  source: [
    {
      tag: 'seed',
      seed: '001',
      aspect: 'formula',
      note: '客服人工回复消息与用户消息之间时间差总时长/响应次数',
    },
  ],
  notes: [
    { id: 'offline-messages', text: 'Offline messages (留言) never count.' },
    { id: 'robot', text: 'Robot messages neither reply nor answer the waiting customer message.' },
    {
      id: 'nothing-waiting',
      text: 'An agent message with no customer message waiting is not a reply.',
    },
  ],
  numeratorScale: 1000,
  denominatorScale: 1,
  basis: ['manual reply', 'manual replies'],
  defaults: {
    window: CHAT_WINDOW,
    controlPoints: cp(
      10,
      40,
      {
        tag: 'published',
        url: URL_CHAT_PENALTY,
        aspect: 'poor point',
        note: 'poor 40 s: chat defect penalty (average response must be < 40 s)',
      },
      {
        tag: 'seed',
        seed: '000',
        aspect: 'good point',
        note: 'good 10 s: "we\'d better reply the message within 10S"',
      },
    ),
    weight: CONSULTATION_OTHER,
    minimumSample: TEN_CASES,
  },
  measure: {
    customer(view, ctx, slot) {
      for (const s of view.sessions) {
        if (s.kind !== 'consultation' || !s.inAssessmentHours || s.manualReplies === 0) continue;
        ctx.add(slot, s.startDay, s.manualReplyMs, s.manualReplies, s.id);
      }
    },
  },
});
