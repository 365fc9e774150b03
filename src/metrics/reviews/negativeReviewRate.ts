import { calculatorFor, defineMetric } from '../_calculate.js';
import type { MetricDefinition } from '../types.js';
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
export const negativeReviewRateDefinition: MetricDefinition = defineMetric({
  id: 'reviews.negative-rate',
  module: 'reviews',
  name: { zh: '差评率', en: 'Negative review rate' },
  unit: 'ratio',
  direction: 'lower-is-better',
  formula: 'negative reviews (1 star) / (good (4–5) + medium (2–3) + negative (1) reviews)',
  numerator: 'negative reviews (1 star)',
  denominator: 'all reviews (1–5 stars)',
  anchor: 'review created',
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
    'Stars: 4–5 good (好评), 2–3 medium (中评), 1 negative (差评).',
    'Excluded reviews (appeal upheld, fake, fully refunded return, tagged unreasonable) count nowhere.',
    'Only each customer’s latest 20 reviews created in the window count (latest by creation; equal instants: the larger id first), whatever their stars.',
    'A review created at or after the as-of instant has not happened.',
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  measure: {
    reviews(view, ctx, slot) {
      addLatestReviews(view, ctx, slot, tally);
    },
  },
});

/**
 * Calculates 差评率, the negative review rate.
 *
 * @example
 * ```ts
 * // One customer wrote 21 one-star reviews and another one five-star review in the window:
 * // only the first customer's latest 20 count, so 20 / 21.
 * negativeReviewRate(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.9523809523809523809523809523809523809524'
 * // No review created in [D−90, D−1]:
 * negativeReviewRate(storeData(), { asOf: '2026-11-23' }).status;
 * //=> 'no-data'
 * ```
 */
export const negativeReviewRate = calculatorFor(negativeReviewRateDefinition);
