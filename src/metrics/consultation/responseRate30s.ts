import { sourced } from '../../rules/provenance.js';
import { defineMetric } from '../_calculate.js';
import { CHAT_WINDOW, cp, goodPoint, TEN_CASES, URL_WARM_SHOPKEEPER } from '../_defaults.js';

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
export const responseRate30sDefinition = defineMetric({
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
  reads: ['chatSessions'],
  readsOrdersForStage: true,
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
    {
      id: 'first-reply',
      text: 'The first reply is the first agent or robot message at or after the first customer message (robot: rule `chat.robotRepliesCount`).',
    },
    {
      id: 'thirty-seconds',
      text: 'A reply at exactly 30 s is in time; 30.001 s is not. A session never answered counts in the denominator only.',
    },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['pre-sales consultation', 'pre-sales consultations'],
  defaults: {
    window: CHAT_WINDOW,
    controlPoints: cp(
      0.95,
      0.8,
      {
        tag: 'published',
        url: URL_WARM_SHOPKEEPER,
        aspect: 'poor point',
        note: 'poor 80%: 热情掌柜 badge (30-second rate ≥ 80%)',
      },
      goodPoint('good 95%: not published'),
    ),
    weight: sourced(
      5,
      {
        tag: 'seed',
        seed: '000',
        aspect: 'heaviest',
        note: '"the weather vane\'s assessment of customer service is mainly the 30-second response rate"',
      },
      {
        tag: 'assumption',
        aspect: 'amount',
        note: 'that it carries half the module (5 of 10) is not published',
      },
    ),
    minimumSample: TEN_CASES,
  },
  measure: {
    customer(view, ctx, slot) {
      const limitMs = ctx.rules.chat.responseThresholdSeconds.value * 1000;
      for (const s of view.sessions) {
        if (s.kind !== 'consultation' || s.stage !== 'pre-sales' || !s.inAssessmentHours) continue;
        const inTime =
          // Stryker disable next-line ConditionalExpression: without a reply the difference is NaN, and NaN ≤ limit is false all the same
          s.firstReplyAt !== undefined && s.firstReplyAt - s.firstCustomerAt <= limitMs;
        ctx.add(slot, s.startDay, inTime ? 1 : 0, 1, s.id);
      }
    },
  },
});
