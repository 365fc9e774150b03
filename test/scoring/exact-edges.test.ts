/**
 * Scoring edges pinned exactly: the values at the control points, every validation message,
 * and the argument checks (each kills a mutant that the broader tests let live).
 */
import { describe, expect, it } from 'vitest';
import type { AssuredService } from '../../src/model.js';
import { curveBadness, validateCurve } from '../../src/rules/curve.js';
import { sourced } from '../../src/rules/provenance.js';
import { DEFAULT_BONUS, validateModuleWeights } from '../../src/rules/scoringDefaults.js';
import { erfc } from '../../src/scoring/_erfc.js';
import { compositeScore, roundScore, weightedMean } from '../../src/scoring/aggregate.js';
import { assuredBonus, isServiceOpen, totalScore } from '../../src/scoring/bonus.js';
import { scoreByCurve } from '../../src/scoring/curve.js';
import { peerMedian, rankingRate, scoreAgainstPeers } from '../../src/scoring/percentile.js';

describe('curve edges', () => {
  const seconds = { good: 10, poor: 40 };
  const ratio = { good: 0.95, poor: 0.85 };

  it('scores exactly 9 at good and exactly 5 at poor', () => {
    expect(scoreByCurve(10, seconds, 'lower-is-better', 'seconds')).toBe(9);
    expect(scoreByCurve(40, seconds, 'lower-is-better', 'seconds')).toBe(5);
    expect(scoreByCurve(0.95, ratio, 'higher-is-better', 'ratio')).toBe(9);
    expect(scoreByCurve(0.85, ratio, 'higher-is-better', 'ratio')).toBe(5);
  });

  it('a higher-is-better value of 0 or -0 in seconds or hours is infinitely bad', () => {
    expect(curveBadness(0, 'higher-is-better', 'seconds')).toBe(Number.POSITIVE_INFINITY);
    expect(curveBadness(-0, 'higher-is-better', 'hours')).toBe(Number.POSITIVE_INFINITY);
    expect(scoreByCurve(-0, { good: 2, poor: 1 }, 'higher-is-better', 'hours')).toBe(0);
  });

  it('refuses a number given as a string', () => {
    expect(() =>
      scoreByCurve('12' as unknown as number, seconds, 'lower-is-better', 'seconds'),
    ).toThrow('[jd-weather-vane] scoreByCurve: expected a number value, found 12');
  });

  it('refuses NaN with a message naming the function', () => {
    expect(() => scoreByCurve(Number.NaN, seconds, 'lower-is-better', 'seconds')).toThrow(
      '[jd-weather-vane] scoreByCurve: expected a number value, found NaN',
    );
  });

  it.each([
    [
      { good: Number.NaN, poor: 1 },
      'lower-is-better',
      'seconds',
      [{ path: 'c.good', message: 'expected a finite number, found NaN' }],
    ],
    [
      { good: 0, poor: -1 },
      'lower-is-better',
      'seconds',
      [{ path: 'c.poor', message: 'expected a non-negative number, found -1' }],
    ],
    [
      { good: 1.5, poor: 0.5 },
      'higher-is-better',
      'ratio',
      [{ path: 'c.good', message: 'expected a ratio in [0, 1], found 1.5' }],
    ],
    [
      { good: 11, poor: 5 },
      'higher-is-better',
      'points',
      [{ path: 'c.good', message: 'expected points in [0, 10], found 11' }],
    ],
    [
      { good: 1, poor: 0.5 },
      'higher-is-better',
      'ratio',
      [
        {
          path: 'c.good',
          message: 'good (1) must not be a perfect value: a log-normal curve needs room above it',
        },
      ],
    ],
    [
      { good: 10, poor: 5 },
      'higher-is-better',
      'points',
      [
        {
          path: 'c.good',
          message: 'good (10) must not be a perfect value: a log-normal curve needs room above it',
        },
      ],
    ],
    [
      { good: 0, poor: 5 },
      'lower-is-better',
      'seconds',
      [
        {
          path: 'c.good',
          message: 'good (0) must not be a perfect value: a log-normal curve needs room above it',
        },
      ],
    ],
    [
      { good: 5, poor: 0 },
      'higher-is-better',
      'hours',
      [
        {
          path: 'c.poor',
          message: 'poor (0) must be above 0 for a higher-is-better hours metric',
        },
      ],
    ],
  ] as const)('validateCurve(%j, %s, %s)', (curve, direction, unit, issues) => {
    expect(validateCurve(curve, direction, unit, 'c')).toEqual(issues);
  });
});

describe('peer edges', () => {
  it('a value that is not best attainable, tied with every peer, scores half', () => {
    expect(scoreAgainstPeers(0.5, [0.5, 0.5], 'lower-is-better', 'ratio')).toBe(5);
  });

  it('the best attainable value scores by rank when a peer is (impossibly) better', () => {
    expect(scoreAgainstPeers(0, [-0.01, 0], 'lower-is-better', 'ratio')).toBe(2.5);
    expect(scoreAgainstPeers(0, [0, 0], 'lower-is-better', 'ratio')).toBe(10);
  });

  it('names the function and the value refused', () => {
    expect(() => scoreAgainstPeers(Number.NaN, [1], 'lower-is-better')).toThrow(
      '[jd-weather-vane] scoreAgainstPeers: expected value to be a number, found NaN',
    );
    expect(() => rankingRate(1, [2, Number.NaN])).toThrow(
      '[jd-weather-vane] rankingRate: expected peer 1 to be a number, found NaN',
    );
    expect(() => peerMedian([1, Number.NaN])).toThrow(
      '[jd-weather-vane] peerMedian: expected value 1 to be a number, found NaN',
    );
    expect(() => rankingRate('9' as unknown as number, [])).toThrow(
      'rankingRate: expected value to be a number, found 9',
    );
  });
});

describe('aggregate edges', () => {
  it('names the function, the item and the value refused', () => {
    expect(() => weightedMean([{ score: 1, weight: Number.NaN }])).toThrow(
      '[jd-weather-vane] weightedMean: expected items[0].weight to be a finite number, found NaN',
    );
    expect(() =>
      weightedMean([
        { score: 1, weight: 1 },
        { score: 1, weight: -1 },
      ]),
    ).toThrow('[jd-weather-vane] weightedMean: expected items[1].weight to be ≥ 0, found -1');
    expect(() => weightedMean([{ score: Number.POSITIVE_INFINITY, weight: 1 }])).toThrow(
      'weightedMean: expected items[0].score to be a finite number, found Infinity',
    );
    expect(() => compositeScore({ reviews: Number.NaN })).toThrow(
      '[jd-weather-vane] compositeScore: expected items[',
    );
    expect(() => roundScore(Number.NaN)).toThrow(
      '[jd-weather-vane] roundScore: expected the score to be a finite number, found NaN',
    );
  });

  it('an item of weight 0 is left out, even with an infinite score refused first', () => {
    expect(weightedMean([{ score: 3, weight: 0 }])).toBeNull();
    expect(
      weightedMean([
        { score: 3, weight: 0 },
        { score: 6, weight: 2 },
      ]),
    ).toBe(6);
  });

  it('module weights: every bad one named, and no extra issue for the zeros', () => {
    expect(
      validateModuleWeights({
        consultation: Number.NaN,
        reviews: -1,
        'after-sales': 0,
        logistics: 0,
        disputes: 0,
      }),
    ).toEqual([
      { path: 'moduleWeights.consultation', message: 'expected a finite weight ≥ 0, found NaN' },
      { path: 'moduleWeights.reviews', message: 'expected a finite weight ≥ 0, found -1' },
    ]);
  });
});

describe('bonus edges', () => {
  const AS_OF = Date.UTC(2026, 9, 31, 16);
  const on = (service: string, extra: Partial<AssuredService> = {}): AssuredService => ({
    service,
    enabledAt: AS_OF - 1,
    ...extra,
  });

  it('a service disabled exactly at the as-of instant is still open; a moment before, not', () => {
    expect(isServiceOpen(on('door-pickup', { disabledAt: AS_OF }), AS_OF)).toBe(true);
    expect(isServiceOpen(on('door-pickup', { disabledAt: AS_OF - 1 }), AS_OF)).toBe(false);
    expect(isServiceOpen(on('door-pickup', { enabledAt: AS_OF }), AS_OF)).toBe(false);
  });

  it('services the rule set adds come after the built-in ones, by id', () => {
    const rules = {
      ...DEFAULT_BONUS,
      servicePoints: {
        'zeta-care': sourced(0.1, { tag: 'custom' as const }),
        'alpha-care': sourced(0.1, { tag: 'custom' as const }),
        'mid-care': sourced(0.1, { tag: 'custom' as const }),
      },
      cap: sourced(5, { tag: 'custom' as const }),
    };
    const b = assuredBonus(
      [on('zeta-care'), on('mid-care'), on('door-pickup'), on('alpha-care'), on('zeta-care')],
      AS_OF,
      rules,
    );
    expect(b.active).toEqual(['door-pickup', 'alpha-care', 'mid-care', 'zeta-care']);
    expect(b.counted).toBe(4);
  });

  it('the order of active services does not depend on the order they are listed in', () => {
    const ids = ['zeta-care', 'alpha-care', 'mid-care', 'beta-care', 'door-pickup'];
    const rules = {
      ...DEFAULT_BONUS,
      servicePoints: Object.fromEntries(
        ids.slice(0, 4).map((id) => [id, sourced(0.1, { tag: 'custom' as const })]),
      ),
      cap: sourced(5, { tag: 'custom' as const }),
    };
    const sorted = ['door-pickup', 'alpha-care', 'beta-care', 'mid-care', 'zeta-care'];
    for (let k = 0; k < ids.length; k++) {
      const listed = [...ids.slice(k), ...ids.slice(0, k)];
      expect(
        assuredBonus(
          listed.map((id) => on(id)),
          AS_OF,
          rules,
        ).active,
      ).toEqual(sorted);
      expect(
        assuredBonus(
          listed.reverse().map((id) => on(id)),
          AS_OF,
          rules,
        ).active,
      ).toEqual(sorted);
    }
  });

  it('two groups count once each', () => {
    const rules = {
      ...DEFAULT_BONUS,
      cap: sourced(5, { tag: 'custom' as const }),
      groups: sourced(
        [
          { id: 'a', members: ['door-pickup', 'freight-insurance'] },
          { id: 'b', members: ['lightning-refund'] },
        ],
        { tag: 'custom' as const },
      ),
    };
    const b = assuredBonus(
      [on('door-pickup'), on('freight-insurance'), on('lightning-refund')],
      AS_OF,
      rules as typeof DEFAULT_BONUS,
    );
    expect([b.points, b.counted]).toEqual([0.2, 2]);
  });

  it('names the argument refused', () => {
    expect(() => assuredBonus([], Number.NaN)).toThrow(
      '[jd-weather-vane] assuredBonus: expected asOfMs to be finite epoch milliseconds, found NaN',
    );
    expect(() => totalScore(5, Number.POSITIVE_INFINITY)).toThrow(
      '[jd-weather-vane] totalScore: expected bonus to be a finite number, found Infinity',
    );
    expect(() => totalScore(Number.NaN, 0)).toThrow(
      'totalScore: expected composite to be a finite number, found NaN',
    );
  });
});

describe('erfc at the seam of its two methods', () => {
  it('erfc(3) and the score around it are pinned', () => {
    expect(erfc(3)).toBe(0.000022090496998585448);
    expect(erfc(-3)).toBe(2 - 0.000022090496998585448);
    expect(erfc(0)).toBe(1);
  });

  it('compositeScore takes plain weights as well as sourced ones', () => {
    expect(
      compositeScore(
        { consultation: 8, reviews: 6 },
        { consultation: 1, reviews: 3, 'after-sales': 0, logistics: 0, disputes: 0 },
      ),
    ).toBe(6.5);
  });
});
