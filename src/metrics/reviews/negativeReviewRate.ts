import { sourced } from '../../rules/provenance.js';
import type { WindowSpec } from '../../time/window.js';
import { defineMetric } from '../_calculate.js';
import { cp, EQUAL, TEN_CASES } from '../_defaults.js';
import { addLatestReviews, createdDay, isNegative, type ReviewTally } from './_latestReviews.js';

const tally: ReviewTally = {
  anchor: createdDay,
  numerator: (r) => (isNegative(r.stars) ? 1 : 0),
  denominator: () => 1,
};

/**
 * 差评率 negative review rate: negative (1-star) reviews / all reviews (good + medium +
 * negative), anchored on the day the review was created, review window `[D−90, D−1]`
 * (published: jiutoushe.cn/wen/72067.html). Only each customer's latest 20 reviews created in
 * the window count; excluded reviews count nowhere.
 *
 * | review created (Shanghai) | counts for D |
 * |---|---|
 * | D−90 00:00:00.000 | yes |
 * | D−91 23:59:59.999 | no |
 * | D−1 23:59:59.999 | yes |
 * | D 00:00:00.000 | no (has not happened) |
 *
 * @example
 * ```ts
 * negativeReviewRateDefinition.direction;
 * //=> 'lower-is-better'
 * ```
 */
export const negativeReviewRateDefinition = defineMetric({
  id: 'reviews.negative-rate',
  module: 'reviews',
  name: { zh: '差评率', en: 'Negative review rate' },
  unit: 'ratio',
  direction: 'lower-is-better',
  formula: 'negative reviews (1 star) / (good (4–5) + medium (2–3) + negative (1) reviews)',
  numerator: 'negative reviews (1 star)',
  denominator: 'all reviews (1–5 stars)',
  anchor: 'review created',
  reads: ['reviews'],
  source: [
    {
      tag: 'seed',
      seed: '001',
      aspect: 'formula',
      note: '商品差评量除与商品评价总量(好评+中评+差评)',
    },
    {
      tag: 'published',
      url: 'https://www.maijiaw.com/article/517489',
      aspect: 'exclusions',
      note: 'excluded reviews (appeal upheld, fake, fully refunded return, tagged unreasonable) count nowhere',
    },
  ],
  notes: [
    { id: 'stars', text: 'Stars: 4–5 good (好评), 2–3 medium (中评), 1 negative (差评).' },
    {
      id: 'excluded',
      text: 'Excluded reviews (appeal upheld, fake, fully refunded return, tagged unreasonable) count nowhere.',
    },
    {
      id: 'latest-20',
      text: 'Only each customer’s latest 20 reviews created in the window count (latest by creation; equal instants: the larger id first), whatever their stars.',
    },
    {
      id: 'not-happened',
      text: 'A review created at or after the as-of instant has not happened.',
    },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['review', 'reviews'],
  defaults: {
    window: sourced<WindowSpec>(
      { fromDaysBack: 90, toDaysBack: 1 },
      {
        tag: 'published',
        url: 'https://www.jiutoushe.cn/wen/72067.html',
        note: 'review windows cut from 180 to 90 days in 2020-09',
      },
    ),
    controlPoints: cp(0.005, 0.03, {
      tag: 'assumption',
      note: 'not published; 0.5% / 3% negative reviews',
    }),
    weight: EQUAL,
    minimumSample: TEN_CASES,
  },
  measure: {
    reviews(view, ctx, slot) {
      addLatestReviews(view, ctx, slot, tally);
    },
  },
});
