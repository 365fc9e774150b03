import { describe, expect, it } from 'vitest';
import { negativeReviewRate } from '../../../src/evaluate/calculators.js';
import { defaultRuleSet, type RuleSet } from '../../../src/ruleset/ruleSet.js';
import type { MetricResult } from '../../../src/scoring/metric.js';
import { review, storeData } from '../../_helpers.js';
import { D, daily, expectHistoryMatches, nd, v } from './_fixtures.js';

// D = 2026-11-23; review window [D−90, D−1] = 2026-08-25..2026-11-22 by creation day.

describe('negativeReviewRate (差评率)', () => {
  it('divides 1-star reviews by all reviews created in the window (hand-checked) [reviews.negative-rate#stars]', () => {
    const data = storeData({
      reviews: [
        review('u1', '2026-11-01 10:00', 5), // good
        review('u1', '2026-10-01 10:00', 4), // good
        review('u2', '2026-09-10 10:00', 3), // medium
        review('u2', '2026-11-20 10:00', 2), // medium
        review('u3', '2026-11-05 10:00', 1), // negative
        review('u4', '2026-11-06 10:00', 1, { excluded: true }), // excluded: nowhere
        review('u5', '2026-08-01 10:00', 1), // before the window
      ],
    });
    const r = negativeReviewRate(data, { asOf: D });
    // negative 1 / (good 2 + medium 2 + negative 1) = 1 / 5 = 0.2
    expect(nd(r)).toEqual(['1', '5', '0.2']);
    expect(r.status).toBe('too-little-data');
    expect(r.id).toBe('reviews.negative-rate');
    expect(r.module).toBe('reviews');
    expect(r.unit).toBe('ratio');
    expect(r.direction).toBe('lower-is-better');
    expect(r.window).toEqual({ from: '2026-08-25', to: '2026-11-22' });
  });

  it('includes the window’s first and last day to the millisecond, and nothing at or after D 00:00 [reviews.negative-rate#not-happened]', () => {
    const data = storeData({
      reviews: [
        review('a', '2026-08-24 23:59:59.999', 1), // D−91: out
        review('b', '2026-08-25 00:00:00.000', 1), // D−90 00:00: in
        review('c', '2026-11-22 23:59:59.999', 5), // D−1 last ms: in
        review('d', '2026-11-23 00:00:00.000', 4), // D 00:00: has not happened
      ],
    });
    // D: b and c → 1 / 2
    expect(nd(negativeReviewRate(data, { asOf: D }))).toEqual(['1', '2', '0.5']);
    // D−1 = 2026-11-22, window 2026-08-24..2026-11-21: a and b → 2 / 2
    expect(nd(negativeReviewRate(data, { asOf: '2026-11-22' }))).toEqual(['2', '2', '1']);
    // D+1 = 2026-11-24, window 2026-08-26..2026-11-23: c and d → 0 / 2
    expect(nd(negativeReviewRate(data, { asOf: '2026-11-24' }))).toEqual(['0', '2', '0']);
  });

  it('counts only each customer’s latest 20 reviews in the window: the 21st drops out [reviews.negative-rate#latest-20]', () => {
    const data = storeData({
      reviews: [
        // u1: 20 five-star reviews 2026-11-20..2026-11-01, then a 1-star 21st on 2026-10-31.
        ...daily('u1', '2026-11-20 12:00', 20, 5),
        review('u1', '2026-10-31 12:00', 1),
        // u2: one 1-star review; the limit is per customer.
        review('u2', '2026-11-10 12:00', 1),
      ],
    });
    // u1's latest 20 (all 5 stars) + u2's one: 1 / 21
    expect(nd(negativeReviewRate(data, { asOf: D }))).toEqual([
      '1',
      '21',
      '0.04761904761904761904761904761904761904762',
    ]);
  });

  it('counts the 20th review, and no review outside the window takes a place', () => {
    const data = storeData({
      reviews: [
        ...daily('u1', '2026-11-20 12:00', 19, 5), // 2026-11-20..2026-11-02
        review('u1', '2026-11-01 12:00', 1), // the 20th in the window
        ...daily('u1', '2026-08-24 12:00', 5, 1, {}, 'old'), // before the window
        review('u1', '2026-11-23 00:00:00.000', 5), // not yet happened
        review('u1', '2026-11-24 09:00', 5),
        review('u1', '2026-11-30 09:00', 5),
        review('u1', '2026-11-21 09:00', 5, { excluded: true }), // excluded: takes no place
      ],
    });
    // 20 in the window, the 1-star among them: 1 / 20
    expect(nd(negativeReviewRate(data, { asOf: D }))).toEqual(['1', '20', '0.05']);
  });

  it('breaks ties on createdAt by the view’s order: the larger id is the later review [reviews.negative-rate#latest-20]', () => {
    const at = '2026-11-10 10:00';
    const ids = Array.from({ length: 21 }, (_, i) => `t-${String(i + 1).padStart(2, '0')}`);
    const lowOne = storeData({
      reviews: ids.map((id) => review('u1', at, id === 't-01' ? 1 : 5, { id })),
    });
    const highOne = storeData({
      reviews: ids.map((id) => review('u1', at, id === 't-21' ? 1 : 5, { id })),
    });
    // t-01 is the 21st: dropped → 0 / 20; t-21 is the first: kept → 1 / 20
    expect(nd(negativeReviewRate(lowOne, { asOf: D }))).toEqual(['0', '20', '0']);
    expect(nd(negativeReviewRate(highOne, { asOf: D }))).toEqual(['1', '20', '0.05']);
  });

  it('takes the per-customer limit from the rule set', () => {
    const data = storeData({
      reviews: [
        review('u1', '2026-11-01 10:00', 1),
        review('u1', '2026-11-02 10:00', 5),
        review('u1', '2026-11-03 10:00', 5),
      ],
    });
    const two: RuleSet = {
      ...defaultRuleSet,
      reviews: {
        ...defaultRuleSet.reviews,
        latestPerCustomer: { value: 2, source: { tag: 'custom' } },
      },
    };
    expect(nd(negativeReviewRate(data, { asOf: D }))).toEqual([
      '1',
      '3',
      '0.3333333333333333333333333333333333333333',
    ]);
    expect(nd(negativeReviewRate(data, { asOf: D, ruleSet: two }))).toEqual(['0', '2', '0']);
  });

  it('leaves excluded reviews out everywhere [reviews.negative-rate#excluded]', () => {
    const data = storeData({
      reviews: [
        review('u1', '2026-11-01 10:00', 1, { excluded: true }),
        review('u2', '2026-11-01 10:00', 5),
      ],
    });
    expect(nd(negativeReviewRate(data, { asOf: D }))).toEqual(['0', '1', '0']);
  });

  it('is no-data on an empty window, never NaN', () => {
    const data = storeData({
      reviews: [
        review('u1', '2026-08-24 23:59:59.999', 1),
        review('u2', '2026-11-23 00:00', 1),
        review('u3', '2026-11-01 10:00', 1, { excluded: true }),
      ],
    });
    for (const d of [data, storeData()]) {
      const r = negativeReviewRate(d, { asOf: D });
      expect(r.status).toBe('no-data');
      expect(r.value).toBeNull();
      expect(nd(r)).toEqual(['0', '0', null]);
      expect(r.window).toEqual({ from: '2026-08-25', to: '2026-11-22' });
    }
  });

  it('evaluateHistory equals evaluateStore on every day of the fixtures', () => {
    const data = storeData({
      reviews: [
        review('a', '2026-08-24 23:59:59.999', 1),
        review('b', '2026-08-25 00:00:00.000', 1),
        review('c', '2026-11-22 23:59:59.999', 5),
        review('d', '2026-11-23 00:00:00.000', 4),
        // A large customer, alternating stars, some in the future of D: the selection moves.
        ...daily('big', '2026-12-05 12:00', 40, 1),
        ...daily('big', '2026-12-05 18:00', 40, 5, {}, 'big5'),
        review('big', '2026-11-10 18:00', 1, { excluded: true }),
        ...Array.from({ length: 21 }, (_, i) =>
          review('tie', '2026-10-10 10:00', i === 0 ? 1 : 5, {
            id: `t-${String(i + 1).padStart(2, '0')}`,
          }),
        ),
      ],
    });
    const h = expectHistoryMatches(data, '2026-08-20', '2027-01-10');
    const values = h['reviews.negative-rate'].map(v);
    expect(values).toHaveLength(144);
    // D itself, by hand: a out; b, c in; big: its 20 latest created ≤ 2026-11-22 23:59:59.999
    // (2026-11-13..2026-11-22 at 12:00 and 18:00: 10 one-star); tie: t-01 drops (20 five-star).
    // (1 + 10) / (2 + 20 + 20) = 11 / 42
    expect(nd(h['reviews.negative-rate'][95] as MetricResult)).toEqual([
      '11',
      '42',
      '0.2619047619047619047619047619047619047619',
    ]);
    expect(new Set(values).size).toBeGreaterThan(5);
  });
});
