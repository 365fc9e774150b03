/**
 * Standing functions: every argument check names its function, the argument and the value
 * refused; and the edges of custom tables.
 */
import { describe, expect, it } from 'vitest';
import { sourced } from '../../src/rules/provenance.js';
import { DEFAULT_CHAT_PENALTY_RULES, DEFAULT_STAR_TABLE } from '../../src/rules/scoringDefaults.js';
import { activityGate } from '../../src/standing/activityGate.js';
import { assuredPurchaseTag } from '../../src/standing/assuredPurchaseTag.js';
import { chatDefectPenalty } from '../../src/standing/chatDefectPenalty.js';
import { consumerWarnings } from '../../src/standing/consumerWarnings.js';
import { goodShopEligibility } from '../../src/standing/goodShop.js';
import { storeStars } from '../../src/standing/stars.js';
import { warmShopkeeperBadge } from '../../src/standing/warmShopkeeper.js';

const fraction = (fn: string, what: string, v: unknown) =>
  `[jd-weather-vane] ${fn}: expected ${what} to be a fraction in [0, 1] (0.9 = 90%), found ${v}`;
const nonNegative = (fn: string, what: string, v: unknown) =>
  `[jd-weather-vane] ${fn}: expected ${what} to be a finite number ≥ 0, found ${v}`;

const chat = {
  ratings: 11,
  satisfaction: 0.9,
  consultations: 301,
  averageResponseSeconds: 20,
  messageRate: 0.1,
};
const warnings = {
  stars: 3.5,
  rankings: { 'after-sales': 0.2, disputes: 0.2, logistics: 0.2 },
  afterSalesDurationHours: 60.01,
  averageDeliveryHours: 100.01,
};
const warm = { stars: 4.5, responseRate30s: 0.9, chatSatisfaction: 0.9, ratings: 50 };

describe('standing argument checks', () => {
  it.each([
    [() => activityGate(1.5), fraction('activityGate', 'rankingRate', 1.5)],
    [
      () => assuredPurchaseTag({ openServices: [], goodReviewRate: -0.1, rankingRate: 0.5 }),
      fraction('assuredPurchaseTag', 'goodReviewRate', -0.1),
    ],
    [
      () => assuredPurchaseTag({ openServices: [], goodReviewRate: 0.5, rankingRate: 2 }),
      fraction('assuredPurchaseTag', 'rankingRate', 2),
    ],
    [
      () => chatDefectPenalty({ ...chat, ratings: -1 }),
      '[jd-weather-vane] chatDefectPenalty: expected ratings to be a count ≥ 0, found -1',
    ],
    [
      () => chatDefectPenalty({ ...chat, consultations: Number.NaN }),
      '[jd-weather-vane] chatDefectPenalty: expected consultations to be a count ≥ 0, found NaN',
    ],
    [
      () => chatDefectPenalty({ ...chat, satisfaction: 1.1 }),
      fraction('chatDefectPenalty', 'satisfaction', 1.1),
    ],
    [
      () => chatDefectPenalty({ ...chat, averageResponseSeconds: -1 }),
      nonNegative('chatDefectPenalty', 'averageResponseSeconds', -1),
    ],
    [
      () => chatDefectPenalty({ ...chat, messageRate: 1.5 }),
      fraction('chatDefectPenalty', 'messageRate', 1.5),
    ],
    [
      () => consumerWarnings({ ...warnings, stars: -1 }),
      nonNegative('consumerWarnings', 'stars', -1),
    ],
    [
      () => consumerWarnings({ ...warnings, rankings: { ...warnings.rankings, 'after-sales': 2 } }),
      fraction('consumerWarnings', "rankings['after-sales']", 2),
    ],
    [
      () => consumerWarnings({ ...warnings, rankings: { ...warnings.rankings, disputes: 2 } }),
      fraction('consumerWarnings', 'rankings.disputes', 2),
    ],
    [
      () => consumerWarnings({ ...warnings, rankings: { ...warnings.rankings, logistics: 2 } }),
      fraction('consumerWarnings', 'rankings.logistics', 2),
    ],
    [
      () => consumerWarnings({ ...warnings, afterSalesDurationHours: Number.POSITIVE_INFINITY }),
      nonNegative('consumerWarnings', 'afterSalesDurationHours', 'Infinity'),
    ],
    [
      () => consumerWarnings({ ...warnings, averageDeliveryHours: -0.5 }),
      nonNegative('consumerWarnings', 'averageDeliveryHours', -0.5),
    ],
    [
      () => goodShopEligibility({ rankingRate: 1.01, moduleRankings: {}, baseline: {} }),
      fraction('goodShopEligibility', 'rankingRate', 1.01),
    ],
    [
      () => goodShopEligibility({ rankingRate: 0.5, moduleRankings: { reviews: 3 }, baseline: {} }),
      fraction('goodShopEligibility', 'moduleRankings.reviews', 3),
    ],
    [() => storeStars({ rankingRate: -1 }), fraction('storeStars', 'rankingRate', -1)],
    [
      () => storeStars({ rankingRate: 0.5, moduleRankings: { logistics: 1.5 } }),
      fraction('storeStars', 'moduleRankings.logistics', 1.5),
    ],
    [
      () => warmShopkeeperBadge({ ...warm, stars: -1 }),
      nonNegative('warmShopkeeperBadge', 'stars', -1),
    ],
    [
      () => warmShopkeeperBadge({ ...warm, responseRate30s: 90 }),
      fraction('warmShopkeeperBadge', 'responseRate30s', 90),
    ],
    [
      () => warmShopkeeperBadge({ ...warm, chatSatisfaction: 1.2 }),
      fraction('warmShopkeeperBadge', 'chatSatisfaction', 1.2),
    ],
    [
      () => warmShopkeeperBadge({ ...warm, ratings: -3 }),
      nonNegative('warmShopkeeperBadge', 'ratings', -3),
    ],
  ])('check %#: the exact message', (call, message) => {
    expect(call).toThrow(message);
  });

  it('absent values pass the checks', () => {
    expect(activityGate(null)).toBe(false);
    expect(storeStars({ rankingRate: 0.5, moduleRankings: { logistics: null } }).stars).toBe(4);
    const top = storeStars({
      rankingRate: 0.95,
      moduleRankings: {
        consultation: 0.9,
        reviews: 0.9,
        'after-sales': 0.9,
        disputes: 0.9,
        logistics: null,
      },
    });
    expect(top.unverifiedModules).toEqual(['logistics']);
    expect(warmShopkeeperBadge({ ...warm, stars: null })).toBe(false);
    // An absent value (undefined) is absent too.
    const absent = storeStars({
      rankingRate: 0.95,
      moduleRankings: {
        consultation: 0.9,
        reviews: 0.9,
        'after-sales': 0.9,
        disputes: 0.9,
        logistics: undefined,
      } as Record<string, number | undefined> as Record<string, number>,
    });
    expect(absent.unverifiedModules).toEqual(['logistics']);
  });
});

describe('custom tables', () => {
  it('a Good Shop rate above the top band: the top band alone lists what is unverified', () => {
    const table = { ...DEFAULT_STAR_TABLE, goodShopMinRate: sourced(0.95, { tag: 'custom' }) };
    const r = storeStars({ rankingRate: 0.92, moduleRankings: { reviews: 0.9 } }, table);
    expect(r.stars).toBe(DEFAULT_STAR_TABLE.topFallbackStars.value);
    expect(r.unverifiedModules).toEqual(['consultation', 'after-sales', 'logistics', 'disputes']);
  });

  it('more failures than the points table has rows: the last row applies', () => {
    const rules = {
      ...DEFAULT_CHAT_PENALTY_RULES,
      pointsByFailures: sourced([0, 2], { tag: 'custom' as const }),
    };
    const r = chatDefectPenalty({ ...chat, satisfaction: 0.1, averageResponseSeconds: 999 }, rules);
    expect([r.failures.length, r.points]).toEqual([2, 2]);
    const three = chatDefectPenalty(
      { ...chat, satisfaction: 0.1, averageResponseSeconds: 999, messageRate: 0.99 },
      rules,
    );
    expect([three.failures.length, three.points]).toEqual([3, 2]);
  });
});
