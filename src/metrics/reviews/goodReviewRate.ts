import { defineSupplementaryMetric } from '../_calculate.js';
import { addLatestReviews, createdDay, type ReviewTally } from './_latestReviews.js';
import { negativeReviewRateDefinition } from './negativeReviewRate.js';

const tally: ReviewTally = {
  anchor: createdDay,
  numerator: (r) => (r.stars >= 4 ? 1 : 0),
  denominator: () => 1,
};

/**
 * 好评率 good review rate: good (4–5 star) / all reviews, under the negative review rate's rules
 * (window `[D−90, D−1]` by creation, excluded reviews nowhere, each customer's latest 20).
 * A supplementary metric: no module scores it; the 放心购 tag needs it (good-review rate > 95%,
 * published m.39zn.cn/article/185050.htm).
 *
 * @example
 * ```ts
 * goodReviewRateDefinition.windowOf.id;
 * //=> 'reviews.negative-rate'
 * ```
 */
export const goodReviewRateDefinition = defineSupplementaryMetric({
  id: 'reviews.good-rate',
  windowOf: negativeReviewRateDefinition,
  module: 'reviews',
  name: { zh: '好评率', en: 'Good review rate' },
  unit: 'ratio',
  direction: 'higher-is-better',
  formula: 'good (4–5 stars) / (good + medium + negative)',
  numerator: 'good reviews (4–5 stars)',
  denominator: 'all counted reviews',
  anchor: 'created',
  reads: ['reviews'],
  source: [
    {
      tag: 'published',
      url: 'https://m.39zn.cn/article/185050.htm',
      aspect: 'use',
      note: '放心购 tag: good-review rate > 95%',
    },
    {
      tag: 'assumption',
      aspect: 'formula',
      option: "windows['reviews.negative-rate']",
      note: 'the notice gives no formula: good (4–5 stars) / all counted reviews, under the negative review rate’s window, exclusions and latest-20 rule',
    },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['review', 'reviews'],
  measure: {
    reviews(view, ctx, slot) {
      addLatestReviews(view, ctx, slot, tally);
    },
  },
});
