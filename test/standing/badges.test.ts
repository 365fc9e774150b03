import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/errors.js';
import type { AssuredServiceId } from '../../src/model.js';
import { assuredPurchaseTag } from '../../src/standing/assuredPurchaseTag.js';
import { goodShopEligibility } from '../../src/standing/goodShop.js';
import { warmShopkeeperBadge } from '../../src/standing/warmShopkeeper.js';

describe('goodShopEligibility', () => {
  const modules = {
    consultation: 0.3,
    reviews: 0.5,
    'after-sales': 0.9,
    logistics: 0.3,
    disputes: 1,
  };
  const baseline = { integrity: true, activeProductRate: true, storeAge: true };

  it('is eligible at exactly 90% with every module at exactly 30% and the baseline met', () => {
    expect(goodShopEligibility({ rankingRate: 0.9, moduleRankings: modules, baseline })).toEqual({
      eligible: true,
      reasons: [],
      unverified: [],
    });
  });

  it('lists every unmet requirement', () => {
    expect(
      goodShopEligibility({
        rankingRate: 0.8999,
        moduleRankings: { ...modules, disputes: 0.2999 },
        baseline: { ...baseline, integrity: false, returnPolicy: false },
      }),
    ).toEqual({
      eligible: false,
      reasons: [
        'ranking rate 89.99% is below 90.00%',
        'module disputes ranking 29.99% is below 30.00%',
        "baseline requirement 'integrity' is not met",
        "baseline requirement 'returnPolicy' is not met",
      ],
      unverified: [],
    });
  });

  it('is never eligible on facts nobody supplied: unknown reads “not verified”', () => {
    expect(
      goodShopEligibility({
        rankingRate: 0.95,
        moduleRankings: { ...modules, logistics: null },
        baseline: { integrity: true, storeAge: true },
      }),
    ).toEqual({
      eligible: false,
      reasons: [],
      unverified: ['moduleRankings.logistics', 'baseline.activeProductRate'],
    });
    expect(goodShopEligibility({ rankingRate: 0.95, moduleRankings: {}, baseline: {} })).toEqual({
      eligible: false,
      reasons: [],
      unverified: [
        'moduleRankings.consultation',
        'moduleRankings.reviews',
        'moduleRankings.after-sales',
        'moduleRankings.logistics',
        'moduleRankings.disputes',
        'baseline.integrity',
        'baseline.activeProductRate',
        'baseline.storeAge',
      ],
    });
  });

  it('is not eligible without a ranking', () => {
    expect(goodShopEligibility({ rankingRate: null, moduleRankings: modules, baseline })).toEqual({
      eligible: false,
      reasons: ['the store has no ranking rate'],
      unverified: [],
    });
  });

  it('rejects a percentage', () => {
    expect(() =>
      goodShopEligibility({ rankingRate: 95, moduleRankings: {}, baseline: {} }),
    ).toThrow(ArgumentError);
  });
});

describe('assuredPurchaseTag', () => {
  const openServices: AssuredServiceId[] = ['freight-insurance', 'lightning-refund', 'door-pickup'];

  it('96% good reviews and r 41% → yes', () => {
    expect(assuredPurchaseTag({ openServices, goodReviewRate: 0.96, rankingRate: 0.41 })).toBe(
      true,
    );
  });

  it('95% good reviews → no (strictly above)', () => {
    expect(assuredPurchaseTag({ openServices, goodReviewRate: 0.95, rankingRate: 0.41 })).toBe(
      false,
    );
    expect(assuredPurchaseTag({ openServices, goodReviewRate: 0.9501, rankingRate: 0.41 })).toBe(
      true,
    );
  });

  it('r 40% → no (strictly above)', () => {
    expect(assuredPurchaseTag({ openServices, goodReviewRate: 0.96, rankingRate: 0.4 })).toBe(
      false,
    );
    expect(assuredPurchaseTag({ openServices, goodReviewRate: 0.96, rankingRate: 0.4001 })).toBe(
      true,
    );
  });

  it('needs both 运费险 and 闪电退款', () => {
    expect(
      assuredPurchaseTag({
        openServices: ['freight-insurance'],
        goodReviewRate: 0.99,
        rankingRate: 0.9,
      }),
    ).toBe(false);
    expect(
      assuredPurchaseTag({
        openServices: ['lightning-refund'],
        goodReviewRate: 0.99,
        rankingRate: 0.9,
      }),
    ).toBe(false);
  });

  it('unknown rates do not qualify, percentages are rejected', () => {
    expect(assuredPurchaseTag({ openServices, goodReviewRate: null, rankingRate: 0.9 })).toBe(
      false,
    );
    expect(assuredPurchaseTag({ openServices, goodReviewRate: 0.99, rankingRate: null })).toBe(
      false,
    );
    expect(() =>
      assuredPurchaseTag({ openServices, goodReviewRate: 96, rankingRate: 0.41 }),
    ).toThrow(ArgumentError);
  });
});

describe('warmShopkeeperBadge (热情掌柜)', () => {
  const base = { stars: 4, responseRate30s: 0.8, chatSatisfaction: 0.8, ratings: 5 };

  it('is earned at every bound exactly', () => {
    expect(warmShopkeeperBadge(base)).toBe(true);
  });

  it('is lost one step below any bound', () => {
    expect(warmShopkeeperBadge({ ...base, stars: 3.5 })).toBe(false);
    expect(warmShopkeeperBadge({ ...base, responseRate30s: 0.7999 })).toBe(false);
    expect(warmShopkeeperBadge({ ...base, chatSatisfaction: 0.7999 })).toBe(false);
    expect(warmShopkeeperBadge({ ...base, ratings: 4 })).toBe(false);
  });

  it('unknown values do not qualify', () => {
    expect(warmShopkeeperBadge({ ...base, stars: null })).toBe(false);
    expect(warmShopkeeperBadge({ ...base, responseRate30s: null })).toBe(false);
    expect(warmShopkeeperBadge({ ...base, chatSatisfaction: null })).toBe(false);
  });

  it('rejects bad arguments', () => {
    expect(() => warmShopkeeperBadge({ ...base, ratings: -1 })).toThrow(ArgumentError);
    expect(() => warmShopkeeperBadge({ ...base, responseRate30s: 80 })).toThrow(ArgumentError);
  });
});
