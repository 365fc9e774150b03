import { describe, expect, it } from 'vitest';
import {
  negativeReviewHandlingRate24h,
  negativeReviewRate,
  reviewSatisfactionScore,
} from '../../../src/evaluate/calculators.js';
import type { Review } from '../../../src/model.js';
import type { MetricResult } from '../../../src/scoring/metric.js';
import { review, sh, storeData } from '../../_helpers.js';
import { D, daily, expectHistoryMatches, nd, v } from './_fixtures.js';

// D = 2026-11-23; window [D−30, D−1] = 2026-10-24..2026-11-22 by creation day.

/** The worked example of the published review-satisfaction formula: stars 5×80, 4×10, 3×5, 2×3, 1×2, one customer each. */
function section7(): Review[] {
  const counts: [Review['stars'], number][] = [
    [5, 80],
    [4, 10],
    [3, 5],
    [2, 3],
    [1, 2],
  ];
  const out: Review[] = [];
  for (const [stars, n] of counts) {
    for (let i = 0; i < n; i++) out.push(review(`s${stars}-${i}`, '2026-11-10 10:00', stars));
  }
  return out;
}

describe('reviewSatisfactionScore (商品评价满意度)', () => {
  it('reproduces the published worked example: 2 × 463 / 100 = 9.26 [reviews.satisfaction-score#worked-example]', () => {
    const r = reviewSatisfactionScore(storeData({ reviews: section7() }), { asOf: D });
    // Σ stars = 400 + 40 + 15 + 6 + 2 = 463; points total 2 × 463 = 926 over 100 reviews
    expect(nd(r)).toEqual(['926', '100', '9.26']);
    expect(r.status).toBe('ok');
    expect(r.id).toBe('reviews.satisfaction-score');
    expect(r.unit).toBe('points');
    expect(r.direction).toBe('higher-is-better');
    expect(r.window).toEqual({ from: '2026-10-24', to: '2026-11-22' });
  });

  it('includes the window’s first and last day to the millisecond, and nothing at or after D 00:00', () => {
    const data = storeData({
      reviews: [
        review('a', '2026-10-23 23:59:59.999', 1), // D−31: out
        review('b', '2026-10-24 00:00:00.000', 5), // D−30 00:00: in
        review('c', '2026-11-22 23:59:59.999', 3), // D−1 last ms: in
        review('d', '2026-11-23 00:00:00.000', 1), // D 00:00: has not happened
      ],
    });
    // D: b, c → 2 × (5 + 3) / 2 = 8
    expect(nd(reviewSatisfactionScore(data, { asOf: D }))).toEqual(['16', '2', '8']);
    // D−1, window 2026-10-23..2026-11-21: a, b → 2 × 6 / 2 = 6
    expect(nd(reviewSatisfactionScore(data, { asOf: '2026-11-22' }))).toEqual(['12', '2', '6']);
    // D+1, window 2026-10-25..2026-11-23: c, d → 2 × 4 / 2 = 4
    expect(nd(reviewSatisfactionScore(data, { asOf: '2026-11-24' }))).toEqual(['8', '2', '4']);
  });

  it('is unchanged by anything stamped at or after the as-of instant [reviews.satisfaction-score#not-happened]', () => {
    const base = section7();
    const later = [
      review('s5-0', '2026-11-23 00:00:00.000', 1),
      review('new', '2026-11-30 10:00', 1),
      ...daily('s4-0', '2026-12-20 10:00', 25, 1),
    ];
    const withLater = storeData({ reviews: [...base, ...later] });
    for (const calc of [
      reviewSatisfactionScore,
      negativeReviewRate,
      negativeReviewHandlingRate24h,
    ]) {
      expect(calc(withLater, { asOf: D })).toEqual(calc(storeData({ reviews: base }), { asOf: D }));
    }
  });

  it('counts only each customer’s latest 20 in its own 30-day window [reviews.satisfaction-score#latest-20]', () => {
    const data = storeData({
      reviews: [
        ...daily('u1', '2026-11-20 12:00', 19, 5), // 2026-11-20..2026-11-02
        review('u1', '2026-11-01 12:00', 1), // the 20th in the window
        review('u1', '2026-10-31 12:00', 1), // the 21st: out
        ...daily('u1', '2026-10-20 12:00', 5, 1, {}, 'old'), // before the 30-day window
      ],
    });
    // 2 × (19 × 5 + 1) / 20 = 192 / 20 = 9.6
    expect(nd(reviewSatisfactionScore(data, { asOf: D }))).toEqual(['192', '20', '9.6']);
    // The negative rate applies the same rule in its own 90-day window: the latest 20 of the
    // 26 there are the same 20 → 1 / 20.
    expect(nd(negativeReviewRate(data, { asOf: D }))).toEqual(['1', '20', '0.05']);
  });

  it('gives a review outside the 30-day window no place, though it is in the 90-day one', () => {
    const data = storeData({
      reviews: [
        ...daily('u1', '2026-11-20 12:00', 20, 5), // 20 in the 30-day window
        ...daily('u1', '2026-10-10 12:00', 5, 1, {}, 'old'), // 2026-10-10..2026-10-06
      ],
    });
    expect(nd(reviewSatisfactionScore(data, { asOf: D }))).toEqual(['200', '20', '10']);
    expect(nd(negativeReviewRate(data, { asOf: D }))).toEqual(['0', '20', '0']);
  });

  it('leaves excluded reviews out everywhere [reviews.satisfaction-score#excluded]', () => {
    const data = storeData({
      reviews: [
        review('u1', '2026-11-01 10:00', 1, { excluded: true }),
        review('u2', '2026-11-01 10:00', 4),
        // 20 excluded newer reviews of u2 take no place either.
        ...daily('u2', '2026-11-21 10:00', 20, 1, { excluded: true }),
      ],
    });
    expect(nd(reviewSatisfactionScore(data, { asOf: D }))).toEqual(['8', '1', '8']);
  });

  it('is no-data on an empty window, never NaN', () => {
    const data = storeData({
      reviews: [
        review('u1', '2026-10-23 23:59:59.999', 5),
        review('u2', '2026-11-23 00:00', 5),
        review('u3', '2026-11-01 10:00', 5, { excluded: true }),
      ],
    });
    for (const d of [data, storeData()]) {
      const r = reviewSatisfactionScore(d, { asOf: D });
      expect(r.status).toBe('no-data');
      expect(r.value).toBeNull();
      expect(nd(r)).toEqual(['0', '0', null]);
    }
  });

  it('evaluateHistory equals evaluateStore on every day of the fixtures', () => {
    const data = storeData({
      reviews: [
        ...section7(),
        review('a', '2026-10-23 23:59:59.999', 1),
        review('b', '2026-10-24 00:00:00.000', 5),
        review('c', '2026-11-22 23:59:59.999', 3, { repliedAt: sh('2026-11-23 00:00') }),
        review('d', '2026-11-23 00:00:00.000', 1),
        ...daily('big', '2026-12-05 12:00', 35, 2),
        ...daily('big', '2026-12-05 18:00', 35, 4, {}, 'big4'),
        ...daily('big', '2026-11-15 15:00', 3, 1, { excluded: true }, 'bigx'),
      ],
    });
    const h = expectHistoryMatches(data, '2026-10-15', '2027-01-10');
    const values = h['reviews.satisfaction-score'].map(v);
    expect(values).toHaveLength(88);
    // D (index 39), by hand: §7 (926 / 100), b and c (16 / 2), big: the latest 20 created
    // ≤ 2026-11-22 23:59:59.999 are 2026-11-13..2026-11-22, 10 × 2 and 10 × 4 stars (120 / 20).
    // (926 + 16 + 120) / (100 + 2 + 20) = 1062 / 122
    expect(nd(h['reviews.satisfaction-score'][39] as MetricResult)).toEqual([
      '1062',
      '122',
      '8.704918032786885245901639344262295081967',
    ]);
    expect(new Set(values).size).toBeGreaterThan(5);
  });
});
