import { describe, expect, it } from 'vitest';
import { negativeReviewHandlingRate24h } from '../../../src/evaluate/calculators.js';
import { defaultRuleSet, type RuleSet } from '../../../src/ruleset/ruleSet.js';
import type { MetricResult } from '../../../src/scoring/metric.js';
import { review, sh, storeData } from '../../_helpers.js';
import { D, daily, expectHistoryMatches, nd, v } from './_fixtures.js';

// D = 2026-11-23; window [D−30, D−1] = 2026-10-24..2026-11-22 by DEADLINE day (created + 24 h).

const replied = (local: string) => ({ repliedAt: sh(local) });

describe('negativeReviewHandlingRate24h (24小时中差评处理率)', () => {
  it('divides medium and negative reviews replied within 24 h by all of them (hand-checked) [reviews.negative-handling-rate-24h#excluded]', () => {
    const data = storeData({
      reviews: [
        review('u1', '2026-11-10 10:00', 1, replied('2026-11-10 12:00')), // 2 h: in time
        review('u2', '2026-11-10 10:00', 2, replied('2026-11-11 10:00:00.000')), // exactly 24 h: in time
        review('u3', '2026-11-10 10:00', 3, replied('2026-11-11 10:00:00.001')), // 24 h + 1 ms: late
        review('u4', '2026-11-10 10:00', 1), // never replied
        review('u5', '2026-11-10 10:00', 5), // good: not covered
        review('u6', '2026-11-10 10:00', 4, replied('2026-11-10 11:00')), // good: not covered
        review('u7', '2026-11-10 10:00', 1, { excluded: true, ...replied('2026-11-10 11:00') }), // excluded
      ],
    });
    const r = negativeReviewHandlingRate24h(data, { asOf: D });
    // in time: u1, u2 = 2; medium + negative: u1, u2, u3, u4 = 4 → 0.5
    expect(nd(r)).toEqual(['2', '4', '0.5']);
    expect(r.id).toBe('reviews.negative-handling-rate-24h');
    expect(r.unit).toBe('ratio');
    expect(r.direction).toBe('higher-is-better');
    expect(r.window).toEqual({ from: '2026-10-24', to: '2026-11-22' });
  });

  it('counts a reply at exactly 24 h, not at 24 h + 1 ms [reviews.negative-handling-rate-24h#reply-within-24h]', () => {
    const exact = storeData({
      reviews: [review('u', '2026-11-10 10:00', 1, replied('2026-11-11 10:00:00.000'))],
    });
    const late = storeData({
      reviews: [review('u', '2026-11-10 10:00', 1, replied('2026-11-11 10:00:00.001'))],
    });
    expect(nd(negativeReviewHandlingRate24h(exact, { asOf: D }))).toEqual(['1', '1', '1']);
    expect(nd(negativeReviewHandlingRate24h(late, { asOf: D }))).toEqual(['0', '1', '0']);
  });

  it('windows reviews by their deadline’s day: D−1 is in, D is not; D−30 is in, D−31 is not', () => {
    const data = storeData({
      reviews: [
        // deadline 2026-11-22 23:59:59.999 (D−1): in, replied
        review('a', '2026-11-21 23:59:59.999', 1, replied('2026-11-22 08:00')),
        // deadline 2026-11-23 00:00 (D): not yet in the window
        review('b', '2026-11-22 00:00:00.000', 1, replied('2026-11-22 08:00')),
        // deadline 2026-10-24 00:00 (D−30): in, never replied
        review('c', '2026-10-23 00:00:00.000', 2),
        // deadline 2026-10-23 23:59:59.999 (D−31): out
        review('e', '2026-10-22 23:59:59.999', 2, replied('2026-10-23 08:00')),
      ],
    });
    // D: a (in time), c (not) → 1 / 2
    expect(nd(negativeReviewHandlingRate24h(data, { asOf: D }))).toEqual(['1', '2', '0.5']);
    // D+1, window 2026-10-25..2026-11-23: a, b (both in time) → 2 / 2
    expect(nd(negativeReviewHandlingRate24h(data, { asOf: '2026-11-24' }))).toEqual([
      '2',
      '2',
      '1',
    ]);
    // D−1, window 2026-10-23..2026-11-21: c, e → 1 / 2
    expect(nd(negativeReviewHandlingRate24h(data, { asOf: '2026-11-22' }))).toEqual([
      '1',
      '2',
      '0.5',
    ]);
  });

  it('never counts a reply stamped at or after the as-of instant, and a review is never pending', () => {
    const data = storeData({
      reviews: [
        // deadline 2026-11-21 10:00; reply at D 00:00: late whenever evaluated
        review('x', '2026-11-20 10:00', 1, replied('2026-11-23 00:00:00.000')),
        // created on D−1, reply after the as-of instant but in time: deadline 2026-11-23 10:00 (D),
        // so it is not in D's window at all, and counts in time from D+1 on.
        review('y', '2026-11-22 10:00', 3, replied('2026-11-23 09:00')),
      ],
    });
    expect(nd(negativeReviewHandlingRate24h(data, { asOf: D }))).toEqual(['0', '1', '0']);
    expect(nd(negativeReviewHandlingRate24h(data, { asOf: '2026-11-24' }))).toEqual([
      '1',
      '2',
      '0.5',
    ]);
  });

  it('selects each customer’s latest 20 in the window whatever their stars, then the star classes [reviews.negative-handling-rate-24h#latest-20-first]', () => {
    // 20 newer five-star reviews push the unreplied 1-star out: nothing to divide.
    const pushedOut = storeData({
      reviews: [...daily('u1', '2026-11-20 12:00', 20, 5), review('u1', '2026-10-31 12:00', 1)],
    });
    const r = negativeReviewHandlingRate24h(pushedOut, { asOf: D });
    expect(r.status).toBe('no-data');
    expect(nd(r)).toEqual(['0', '0', null]);

    // Two more reviews with deadlines in the window (created 2026-11-21 and 2026-11-20 09:00)
    // make the 1-star the 22nd: out again. The one created on D−1 (deadline on D) is not in the
    // window and would not have pushed it out on its own (next fixture).
    const crowded = storeData({
      reviews: [
        ...daily('u1', '2026-11-20 12:00', 19, 5), // created 2026-11-20..2026-11-02
        review('u1', '2026-11-01 12:00', 1),
        ...daily('u1', '2026-11-22 09:00', 3, 5, {}, 'late'), // created 11-22, 11-21, 11-20
      ],
    });
    expect(negativeReviewHandlingRate24h(crowded, { asOf: D }).status).toBe('no-data');

    // The 1-star is the 20th with a deadline in the window: it counts. Reviews created on D−1
    // (deadline on D), after D, or before the window take no place.
    const onlyFuture = storeData({
      reviews: [
        ...daily('u1', '2026-11-20 12:00', 19, 5),
        review('u1', '2026-11-01 12:00', 1), // 20th in the window
        review('u1', '2026-11-22 09:00', 5), // deadline on D: not in the window, takes no place
        review('u1', '2026-11-23 09:00', 5), // not happened
        review('u1', '2026-11-25 09:00', 1), // not happened
        ...daily('u1', '2026-10-20 12:00', 5, 1, {}, 'old'), // before the window
      ],
    });
    expect(nd(negativeReviewHandlingRate24h(onlyFuture, { asOf: D }))).toEqual(['0', '1', '0']);
  });

  it('takes the handling hours from the rule set (deadline and anchor move together)', () => {
    const data = storeData({
      reviews: [
        review('u1', '2026-11-10 10:00', 1, replied('2026-11-12 09:00')), // 47 h
        review('u2', '2026-11-21 10:00', 2), // 24 h deadline 11-22; 48 h deadline 11-23 (D)
      ],
    });
    const hours48: RuleSet = {
      ...defaultRuleSet,
      reviews: {
        ...defaultRuleSet.reviews,
        handlingHours: { value: 48, source: { tag: 'custom' } },
      },
    };
    expect(nd(negativeReviewHandlingRate24h(data, { asOf: D }))).toEqual(['0', '2', '0']);
    expect(nd(negativeReviewHandlingRate24h(data, { asOf: D, ruleSet: hours48 }))).toEqual([
      '1',
      '1',
      '1',
    ]);
  });

  it('is no-data on an empty window, even with good reviews in it', () => {
    const data = storeData({
      reviews: [
        review('u1', '2026-11-10 10:00', 5),
        review('u2', '2026-11-10 10:00', 4),
        review('u3', '2026-11-10 10:00', 1, { excluded: true }),
        review('u4', '2026-11-22 10:00', 1),
      ],
    });
    for (const d of [data, storeData()]) {
      const r = negativeReviewHandlingRate24h(d, { asOf: D });
      expect(r.status).toBe('no-data');
      expect(r.value).toBeNull();
      expect(nd(r)).toEqual(['0', '0', null]);
    }
  });

  it('evaluateHistory equals evaluateStore on every day of the fixtures', () => {
    const data = storeData({
      reviews: [
        review('a', '2026-11-21 23:59:59.999', 1, replied('2026-11-22 08:00')),
        review('b', '2026-11-22 00:00:00.000', 1, replied('2026-11-22 08:00')),
        review('c', '2026-10-23 00:00:00.000', 2),
        review('e', '2026-10-22 23:59:59.999', 2, replied('2026-10-23 08:00')),
        review('x', '2026-11-20 10:00', 1, replied('2026-11-23 00:00:00.000')),
        review('y', '2026-11-22 10:00', 3, replied('2026-11-23 09:00')),
        review('z', '2026-11-10 10:00', 3, replied('2026-11-11 10:00:00.001')),
        // A large customer: medium reviews replied in time every other day, good ones between.
        ...daily('big', '2026-12-10 12:00', 45, 2, replied('2026-12-10 13:00')).map((r, i) =>
          i % 2 === 0
            ? { ...r, repliedAt: r.createdAt + 3_600_000 }
            : { ...r, repliedAt: undefined },
        ),
        ...daily('big', '2026-12-10 20:00', 45, 5, {}, 'big5'),
      ],
    });
    const h = expectHistoryMatches(data, '2026-10-01', '2027-01-15');
    const values = h['reviews.negative-handling-rate-24h'].map(v);
    expect(values).toHaveLength(107);
    // D (index 53), by hand: a (in time), c (late), x (late), z (late); big: latest 20 with a
    // deadline ≤ 2026-11-22, i.e. created ≤ 2026-11-21 23:59:59.999: 2026-11-12..2026-11-21,
    // 10 medium (created 12-10 − i days, i = 19..28: replied when i even → 5) + 10 good.
    // (1 + 5) / (4 + 10) = 6 / 14
    expect(nd(h['reviews.negative-handling-rate-24h'][53] as MetricResult)).toEqual([
      '6',
      '14',
      '0.4285714285714285714285714285714285714286',
    ]);
    expect(new Set(values).size).toBeGreaterThan(5);
  });
});
