import { describe, expect, it } from 'vitest';
import { goodReviewRate } from '../../../src/evaluate/calculators.js';
import { evaluateHistory, evaluateStore } from '../../../src/evaluate/evaluate.js';
import type { Review } from '../../../src/model.js';
import { defineRuleSet } from '../../../src/ruleset/defineRuleSet.js';
import { review, storeData } from '../../_helpers.js';
import { D, daily, nd, v } from './_fixtures.js';

// D = 2026-11-23; the negative review rate's window [D−90, D−1] = 2026-08-25..2026-11-22 by
// creation day. Good = 4–5 stars; 3 stars is medium (中评), never good.

describe('goodReviewRate (好评率)', () => {
  it('divides 4–5-star reviews by all counted reviews (hand-checked)', () => {
    const data = storeData({
      reviews: [
        review('u1', '2026-11-01 10:00', 5), // good
        review('u1', '2026-10-01 10:00', 4), // good
        review('u2', '2026-09-10 10:00', 3), // medium: not good
        review('u2', '2026-11-20 10:00', 2), // medium
        review('u3', '2026-11-05 10:00', 1), // negative
        review('u4', '2026-11-06 10:00', 5, { excluded: true }), // excluded: nowhere
        review('u5', '2026-08-01 10:00', 5), // before the window: nowhere
      ],
    });
    const r = goodReviewRate(data, { asOf: D });
    // good 2 / (good 2 + medium 2 + negative 1) = 2 / 5
    expect(nd(r)).toEqual(['2', '5', '0.4']);
    expect(r.status).toBe('ok');
    expect(r.id).toBe('reviews.good-rate');
    expect(r.unit).toBe('ratio');
    expect(r.direction).toBe('higher-is-better');
    expect(r.window).toEqual({ from: '2026-08-25', to: '2026-11-22' });
  });

  it('counts 4 and 5 stars as good and 1, 2 and 3 stars as not good, each in the denominator', () => {
    const one = (stars: Review['stars']) =>
      nd(
        goodReviewRate(storeData({ reviews: [review('u', '2026-11-10 10:00', stars)] }), {
          asOf: D,
        }),
      );
    expect(one(5)).toEqual(['1', '1', '1']);
    expect(one(4)).toEqual(['1', '1', '1']);
    expect(one(3)).toEqual(['0', '1', '0']);
    expect(one(2)).toEqual(['0', '1', '0']);
    expect(one(1)).toEqual(['0', '1', '0']);
  });

  it('a store whose reviews are all 3 stars has a good-review rate of 0, far from the 放心购 tag’s 95%', () => {
    const data = storeData({ reviews: daily('u1', '2026-11-20 12:00', 10, 3) });
    expect(nd(goodReviewRate(data, { asOf: D }))).toEqual(['0', '10', '0']);
    const card = evaluateStore(data, { asOf: D });
    expect(v(card.goodReviewRate)).toBe('0');
  });

  it('leaves excluded reviews out of both sides', () => {
    const data = storeData({
      reviews: [
        review('u1', '2026-11-10 10:00', 5),
        review('u1', '2026-11-11 10:00', 5, { excluded: true }),
        review('u2', '2026-11-12 10:00', 1),
        review('u3', '2026-11-13 10:00', 1, { excluded: true }),
      ],
    });
    expect(nd(goodReviewRate(data, { asOf: D }))).toEqual(['1', '2', '0.5']);
  });

  it('includes the window’s first and last day to the millisecond, and nothing at or after D 00:00', () => {
    const data = storeData({
      reviews: [
        review('a', '2026-08-24 23:59:59.999', 4), // D−91: out
        review('b', '2026-08-25 00:00:00.000', 5), // D−90 00:00: in
        review('c', '2026-11-22 23:59:59.999', 1), // D−1 last ms: in
        review('d', '2026-11-23 00:00:00.000', 1), // D 00:00: has not happened
      ],
    });
    // D: b and c → 1 / 2
    expect(nd(goodReviewRate(data, { asOf: D }))).toEqual(['1', '2', '0.5']);
    // D−1 = 2026-11-22, window 2026-08-24..2026-11-21: a and b → 2 / 2
    expect(nd(goodReviewRate(data, { asOf: '2026-11-22' }))).toEqual(['2', '2', '1']);
    // D+1 = 2026-11-24, window 2026-08-26..2026-11-23: c and d → 0 / 2
    expect(nd(goodReviewRate(data, { asOf: '2026-11-24' }))).toEqual(['0', '2', '0']);
    const late = goodReviewRate(data, { asOf: '2027-02-23' });
    expect(late.status).toBe('no-data');
    expect(late.value).toBeNull();
  });

  it('counts only each customer’s latest 20 reviews in the window: the 21st drops out', () => {
    const data = storeData({
      reviews: [
        // u1: 20 one-star reviews 2026-11-20..2026-11-01, then a five-star 21st on 2026-10-31.
        ...daily('u1', '2026-11-20 12:00', 20, 1),
        review('u1', '2026-10-31 12:00', 5),
        // u2: one five-star review; the limit is per customer.
        review('u2', '2026-11-10 12:00', 5),
      ],
    });
    expect(nd(goodReviewRate(data, { asOf: D }))).toEqual([
      '1',
      '21',
      '0.04761904761904761904761904761904761904762',
    ]);
  });

  it('counts the 20th review, and no review outside the window takes a place', () => {
    const data = storeData({
      reviews: [
        ...daily('u1', '2026-11-20 12:00', 19, 1), // 2026-11-20..2026-11-02
        review('u1', '2026-11-01 12:00', 5), // the 20th in the window: counts
        ...daily('u1', '2026-08-24 12:00', 5, 1, {}, 'old'), // before the window
        review('u1', '2026-11-23 00:00:00.000', 1), // has not happened
        review('u1', '2026-11-21 09:00', 1, { excluded: true }), // excluded: takes no place
      ],
    });
    expect(nd(goodReviewRate(data, { asOf: D }))).toEqual(['1', '20', '0.05']);
  });

  it('follows the rule set: the negative review rate’s window and the latest-N limit', () => {
    const data = storeData({
      reviews: [
        review('u1', '2026-11-20 10:00', 1),
        review('u1', '2026-11-19 10:00', 1),
        review('u1', '2026-10-01 10:00', 5), // 53 days back: out of a 30-day window
      ],
    });
    expect(nd(goodReviewRate(data, { asOf: D }))).toEqual([
      '1',
      '3',
      '0.3333333333333333333333333333333333333333',
    ]);
    const window30 = defineRuleSet({
      windows: { 'reviews.negative-rate': { fromDaysBack: 30, toDaysBack: 1 } },
    });
    const r30 = goodReviewRate(data, { asOf: D, ruleSet: window30 });
    expect(nd(r30)).toEqual(['0', '2', '0']);
    expect(r30.window).toEqual({ from: '2026-10-24', to: '2026-11-22' });
    const latestTwo = defineRuleSet({ reviews: { latestPerCustomer: 2 } });
    expect(nd(goodReviewRate(data, { asOf: D, ruleSet: latestTwo }))).toEqual(['0', '2', '0']);
  });

  it('is no-data, never NaN, when the window holds no review', () => {
    const r = goodReviewRate(storeData(), { asOf: D });
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(nd(r)).toEqual(['0', '0', null]);
  });

  it('the scorecard and the history report the same value as the calculator, day by day', () => {
    const data = storeData({
      reviews: [
        ...daily('u1', '2026-11-20 12:00', 22, 3),
        review('u1', '2026-11-22 23:59:59.999', 5),
        review('u2', '2026-08-26 08:00', 4),
        review('u3', '2026-11-15 08:00', 5, { excluded: true }),
      ],
    });
    // D: u1's latest 20 are the 5-star and 19 three-star reviews; u2's 4 stars: 2 / 21.
    expect(nd(evaluateStore(data, { asOf: D }).goodReviewRate)).toEqual([
      '2',
      '21',
      '0.09523809523809523809523809523809523809524',
    ]);
    for (const card of evaluateHistory(data, { from: '2026-11-20', to: '2026-11-28' }))
      expect(card.goodReviewRate, card.asOf).toEqual(goodReviewRate(data, { asOf: card.asOf }));
  });
});

describe('goodReviewRate: its arguments', () => {
  it('names asOf when it is not a calendar date', () => {
    expect(() => goodReviewRate(storeData(), { asOf: '2026-02-30' })).toThrow(
      'Expected asOf as a calendar date YYYY-MM-DD between 1992 and 2099, found "2026-02-30"',
    );
  });
});
