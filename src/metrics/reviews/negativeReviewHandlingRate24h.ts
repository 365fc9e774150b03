import { sourced } from '../../rules/provenance.js';
import { dayNumberOf } from '../../time/shanghai.js';
import { defineMetric } from '../_calculate.js';
import { cp, EQUAL, goodPoint, TEN_CASES } from '../_defaults.js';
import {
  addLatestReviews,
  handlingDeadlineMs,
  isMediumOrNegative,
  type ReviewTally,
} from './_latestReviews.js';

const tally: ReviewTally = {
  anchor: (r, rules) => dayNumberOf(handlingDeadlineMs(r, rules)),
  // The anchor (deadline day) is in the window only when the deadline is before the as-of
  // instant, so a reply at or before the deadline has happened: compare instants directly.
  numerator: (r, rules) =>
    isMediumOrNegative(r.stars) &&
    // Stryker disable next-line ConditionalExpression: a comparison with undefined is false: without the guard no reply still answers 0
    r.repliedAt !== undefined &&
    r.repliedAt <= handlingDeadlineMs(r, rules)
      ? 1
      : 0,
  denominator: (r) => (isMediumOrNegative(r.stars) ? 1 : 0),
};

/**
 * 24小时中差评处理率 24-hour handling rate: medium and negative reviews (1–3 stars) replied to
 * within 24 h of their creation / all medium and negative reviews. Each review is anchored on
 * its deadline's day (created + 24 h), window `[D−30, D−1]` by deadline day (an assumption), so
 * every review in the window is already decided at the as-of instant. Target named by article ZH:
 * ≥ 85%.
 *
 * | reply after creation | in time |
 * |---|---|
 * | exactly 24 h | yes |
 * | 24 h + 1 ms | no |
 * | none (or at/after the as-of instant) | no |
 *
 * @example
 * ```ts
 * negativeReviewHandlingRate24hDefinition.anchor;
 * //=> 'handling deadline (created + 24 h), by its Shanghai day'
 * ```
 */
export const negativeReviewHandlingRate24hDefinition = defineMetric({
  id: 'reviews.negative-handling-rate-24h',
  module: 'reviews',
  name: { zh: '24小时中差评处理率', en: '24-hour negative review handling rate' },
  unit: 'ratio',
  direction: 'higher-is-better',
  formula:
    'medium (2–3 stars) and negative (1 star) reviews replied within 24 h of creation / all medium and negative reviews',
  numerator: 'medium and negative reviews replied at most 24 h after creation',
  denominator: 'medium and negative reviews',
  anchor: 'handling deadline (created + 24 h), by its Shanghai day',
  reads: ['reviews'],
  source: [
    {
      tag: 'seed',
      seed: '001',
      aspect: 'formula',
      note: '24小时内中差评回复的数量/24小时内中差评的总量; target: 85% or more',
    },
    {
      tag: 'assumption',
      aspect: 'anchor',
      note: 'the handling deadline’s day (created + 24 h), so that nothing in the window is pending',
    },
    {
      tag: 'published',
      url: 'https://www.maijiaw.com/article/517489',
      aspect: 'exclusions',
      note: 'excluded reviews (appeal upheld, fake, fully refunded return, tagged unreasonable) count nowhere',
    },
  ],
  notes: [
    {
      id: 'reply-within-24h',
      text: 'A reply counts when it has happened and is at most 24 h after creation: exactly 24 h is in time, 24 h + 1 ms is not.',
    },
    {
      id: 'latest-20-first',
      text: 'The latest-20 rule applies before the star classes: each customer’s latest 20 reviews whose deadline day is in the window are selected whatever their stars, then the 1–3-star ones among them count.',
    },
    {
      id: 'excluded',
      text: 'Excluded reviews (appeal upheld, fake, fully refunded return, tagged unreasonable) count nowhere.',
    },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['medium or negative review', 'medium and negative reviews'],
  // Anchored on the handling deadline's day, up to ⌈handlingHours / 24⌉ days after creation.
  anchorLagDays: (rules) => Math.ceil(rules.reviews.handlingHours.value / 24),
  defaults: {
    window: sourced(
      { fromDaysBack: 30, toDaysBack: 1 },
      {
        tag: 'assumption',
        note: 'not published: 30 days, counted by deadline day (created + 24 h)',
      },
    ),
    controlPoints: cp(
      0.95,
      0.85,
      {
        tag: 'seed',
        seed: '001',
        aspect: 'poor point',
        note: 'poor 85%: 24小时内中差评处理率达到85%以上',
      },
      goodPoint('good 95%: not published'),
    ),
    weight: EQUAL,
    minimumSample: TEN_CASES,
  },
  measure: {
    reviews(view, ctx, slot) {
      addLatestReviews(view, ctx, slot, tally);
    },
  },
});
