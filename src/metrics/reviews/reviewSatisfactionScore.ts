import { sourced } from '../../rules/provenance.js';
import { defineMetric } from '../_calculate.js';
import { cp, EQUAL, TEN_CASES } from '../_defaults.js';
import { addLatestReviews, createdDay, type ReviewTally } from './_latestReviews.js';

const tally: ReviewTally = {
  anchor: createdDay,
  numerator: (r) => 2 * r.stars,
  denominator: () => 1,
};

/**
 * 商品评价满意度 review satisfaction score: 2 × the mean stars of the reviews created in
 * `[D−30, D−1]`, a score in points (0–10; 2–10 whenever there is data). The result's numerator
 * is the points total (2 × Σ stars) and its denominator the number of reviews, so
 * `value = numerator / denominator` (published: yiqigousc.com/ws/202309/c_75988.html, the older
 * of its two versions). Only each customer's latest 20 reviews created in the window count;
 * excluded reviews count nowhere.
 *
 * @example
 * ```ts
 * reviewSatisfactionScoreDefinition.unit;
 * //=> 'points'
 * ```
 */
export const reviewSatisfactionScoreDefinition = defineMetric({
  id: 'reviews.satisfaction-score',
  module: 'reviews',
  name: { zh: '商品评价满意度', en: 'Review satisfaction score' },
  unit: 'points',
  direction: 'higher-is-better',
  formula: '2 × Σ stars / number of reviews (2 × the mean stars: the 10-point score)',
  numerator: 'points total: 2 × Σ stars',
  denominator: 'number of reviews',
  anchor: 'review created',
  reads: ['reviews'],
  source: [
    {
      tag: 'published',
      url: 'https://www.yiqigousc.com/ws/202309/c_75988.html',
      aspect: 'formula',
      note: 'the older of its two versions',
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
      id: 'worked-example',
      text: 'Worked example: stars 5×80, 4×10, 3×5, 2×3, 1×2 → 2 × 463 / 100 = 9.26.',
    },
    {
      id: 'excluded',
      text: 'Excluded reviews (appeal upheld, fake, fully refunded return, tagged unreasonable) count nowhere.',
    },
    {
      id: 'latest-20',
      text: 'Only each customer’s latest 20 reviews created in the window count (latest by creation; equal instants: the larger id first).',
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
    window: sourced(
      { fromDaysBack: 30, toDaysBack: 1 },
      {
        tag: 'published',
        url: 'https://www.yiqigousc.com/ws/202309/c_75988.html',
        note: 'the review satisfaction score counts the reviews of the last 30 days',
      },
    ),
    controlPoints: cp(9.6, 8.5, {
      tag: 'assumption',
      note: 'not published; 9.6 / 8.5 points (mean 4.8 / 4.25 stars)',
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
