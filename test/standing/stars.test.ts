import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/errors.js';
import { sourced } from '../../src/rules/provenance.js';
import { DEFAULT_STAR_TABLE } from '../../src/rules/scoringDefaults.js';
import { activityGate } from '../../src/standing/activityGate.js';
import { goodShopEligibility } from '../../src/standing/goodShop.js';
import { storeStars } from '../../src/standing/stars.js';

// Every module ranked, all well above the 30% floor.
const ALL = { consultation: 0.5, reviews: 0.5, 'after-sales': 0.5, logistics: 0.5, disputes: 0.5 };
const NO_MODULES = ['consultation', 'reviews', 'after-sales', 'logistics', 'disputes'];

describe('storeStars', () => {
  it.each([
    [1, 4.9],
    [0.9, 4.9],
    [0.8999, 4.5],
    [0.7, 4.5],
    [0.6999, 4.0],
    [0.4, 4.0],
    [0.3999, 3.5],
    [0.2, 3.5],
    [0.1999, 3.0],
    [0.03, 3.0],
    [0.0299, 2.5],
    [0, 2.5],
  ])('ranking rate %s → %s stars', (r, stars) => {
    expect(storeStars({ rankingRate: r, moduleRankings: ALL })).toEqual({
      stars,
      badge: null,
      unverifiedModules: [],
    });
  });

  it('with a ranking alone, stops at 4.5 where 4.9 needs module rankings nobody supplied', () => {
    expect(storeStars({ rankingRate: 0.9 })).toEqual({
      stars: 4.5,
      badge: null,
      unverifiedModules: NO_MODULES,
    });
    expect(storeStars({ rankingRate: 1, goodShopCertified: true })).toEqual({
      stars: 4.5,
      badge: null,
      unverifiedModules: NO_MODULES,
    });
    // One module missing is enough to stop short.
    const { disputes: _, ...four } = ALL;
    expect(storeStars({ rankingRate: 0.95, moduleRankings: four })).toEqual({
      stars: 4.5,
      badge: null,
      unverifiedModules: ['disputes'],
    });
    // A null ranking is not a ranking.
    expect(storeStars({ rankingRate: 0.95, moduleRankings: { ...ALL, reviews: null } })).toEqual({
      stars: 4.5,
      badge: null,
      unverifiedModules: ['reviews'],
    });
    // Below the top band nothing missing could change the stars: nothing unverified.
    expect(storeStars({ rankingRate: 0.8999 })).toEqual({
      stars: 4.5,
      badge: null,
      unverifiedModules: [],
    });
  });

  it('computed rates at the boundaries land on the right side', () => {
    expect(storeStars({ rankingRate: 9 / 10, moduleRankings: ALL }).stars).toBe(4.9);
    expect(storeStars({ rankingRate: 7 / 10 }).stars).toBe(4.5);
    expect(storeStars({ rankingRate: 3 / 100 }).stars).toBe(3);
    expect(storeStars({ rankingRate: 0.9 - Number.EPSILON }).stars).toBe(4.5);
  });

  it('gives no stars without a ranking', () => {
    expect(storeStars({ rankingRate: null })).toEqual({
      stars: null,
      badge: null,
      unverifiedModules: [],
    });
    expect(storeStars({ rankingRate: null, goodShopCertified: true })).toEqual({
      stars: null,
      badge: null,
      unverifiedModules: [],
    });
  });

  it('shows the Good Shop badge at r ≥ 90% when certified', () => {
    expect(storeStars({ rankingRate: 0.9, goodShopCertified: true, moduleRankings: ALL })).toEqual({
      stars: 4.9,
      badge: 'good-shop',
      unverifiedModules: [],
    });
    expect(
      storeStars({ rankingRate: 0.8999, goodShopCertified: true, moduleRankings: ALL }),
    ).toEqual({
      stars: 4.5,
      badge: null,
      unverifiedModules: [],
    });
    expect(
      storeStars({ rankingRate: 0.95, goodShopCertified: false, moduleRankings: ALL }).badge,
    ).toBeNull();
  });

  it('needs every module ranking ≥ 30% for 4.9 and the badge (2020-09-15)', () => {
    const weak = { ...ALL, logistics: 0.2999, disputes: 0.8 };
    expect(
      storeStars({ rankingRate: 0.95, moduleRankings: weak, goodShopCertified: true }),
    ).toEqual({
      stars: 4.5,
      badge: null,
      unverifiedModules: [],
    });
    const ok = { ...ALL, logistics: 0.3, disputes: 0.8 };
    expect(storeStars({ rankingRate: 0.95, moduleRankings: ok, goodShopCertified: true })).toEqual({
      stars: 4.9,
      badge: 'good-shop',
      unverifiedModules: [],
    });
    // Below the top band the module floor does not apply.
    expect(storeStars({ rankingRate: 0.75, moduleRankings: weak }).stars).toBe(4.5);
    expect(storeStars({ rankingRate: 0.5, moduleRankings: { logistics: 0 } }).stars).toBe(4);
  });

  it('rejects rates that are not fractions (90 for 90%)', () => {
    expect(() => storeStars({ rankingRate: 90 })).toThrow(ArgumentError);
    expect(() => storeStars({ rankingRate: -0.1 })).toThrow(ArgumentError);
    expect(() => storeStars({ rankingRate: Number.NaN })).toThrow(ArgumentError);
    expect(() => storeStars({ rankingRate: 0.5, moduleRankings: { logistics: 30 } })).toThrow(
      /moduleRankings\.logistics/,
    );
  });

  it('takes a custom table, bands in any order', () => {
    const table = {
      ...DEFAULT_STAR_TABLE,
      bands: sourced(
        [
          { minRate: 0.5, stars: 4 },
          { minRate: 0.8, stars: 5 },
        ],
        { tag: 'custom' as const },
      ),
      floorStars: sourced(1, { tag: 'custom' as const }),
    };
    expect(storeStars({ rankingRate: 0.8, moduleRankings: ALL }, table).stars).toBe(5);
    expect(storeStars({ rankingRate: 0.6 }, table).stars).toBe(4);
    expect(storeStars({ rankingRate: 0.1 }, table).stars).toBe(1);
  });
});

describe('modules not assessed (no data) and the module floor', () => {
  const four = { reviews: 0.5, 'after-sales': 0.5, logistics: 0.5, disputes: 0.5 };
  it('a module the store has no data for is not held against the floor, whatever its ranking', () => {
    expect(
      storeStars({ rankingRate: 0.95, moduleRankings: four, notAssessed: ['consultation'] }),
    ).toEqual({ stars: 4.9, badge: null, unverifiedModules: [] });
    // Even a low ranking of a module without data does not hold the store back.
    expect(
      storeStars({
        rankingRate: 0.95,
        moduleRankings: { ...four, consultation: 0.1 },
        notAssessed: ['consultation'],
        goodShopCertified: true,
      }),
    ).toEqual({ stars: 4.9, badge: 'good-shop', unverifiedModules: [] });
    // A module with data and no ranking is still unknown.
    expect(
      storeStars({
        rankingRate: 0.95,
        moduleRankings: { reviews: 0.5 },
        notAssessed: ['consultation'],
      }),
    ).toEqual({
      stars: 4.5,
      badge: null,
      unverifiedModules: ['after-sales', 'logistics', 'disputes'],
    });
  });

  it('Good Shop eligibility skips them too', () => {
    const baseline = { integrity: true, activeProductRate: true, storeAge: true };
    expect(
      goodShopEligibility({
        rankingRate: 0.95,
        moduleRankings: four,
        baseline,
        notAssessed: ['consultation'],
      }),
    ).toEqual({ eligible: true, reasons: [], unverified: [] });
    expect(
      goodShopEligibility({ rankingRate: 0.95, moduleRankings: four, baseline }).unverified,
    ).toEqual(['moduleRankings.consultation']);
  });
});

describe('activityGate', () => {
  it('passes at r ≥ 20%, inclusive', () => {
    expect(activityGate(0.2)).toBe(true);
    expect(activityGate(0.1999)).toBe(false);
    expect(activityGate(1)).toBe(true);
    expect(activityGate(null)).toBe(false);
    expect(activityGate(0.1, sourced(0.1, { tag: 'custom' }))).toBe(true);
  });

  it('rejects a percentage', () => {
    expect(() => activityGate(20)).toThrow(ArgumentError);
  });
});
