import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/errors.js';
import { sourced } from '../../src/rules/provenance.js';
import { DEFAULT_STAR_TABLE } from '../../src/rules/scoringDefaults.js';
import { activityGate } from '../../src/standing/activityGate.js';
import { storeStars } from '../../src/standing/stars.js';

describe('storeStars (`docs/metrics.md`, §7)', () => {
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
    expect(storeStars({ rankingRate: r })).toEqual({ stars, badge: null });
  });

  it('computed rates at the boundaries land on the right side', () => {
    expect(storeStars({ rankingRate: 9 / 10 }).stars).toBe(4.9);
    expect(storeStars({ rankingRate: 7 / 10 }).stars).toBe(4.5);
    expect(storeStars({ rankingRate: 3 / 100 }).stars).toBe(3);
    expect(storeStars({ rankingRate: 0.9 - Number.EPSILON }).stars).toBe(4.5);
  });

  it('gives no stars without a ranking', () => {
    expect(storeStars({ rankingRate: null })).toEqual({ stars: null, badge: null });
    expect(storeStars({ rankingRate: null, goodShopCertified: true })).toEqual({
      stars: null,
      badge: null,
    });
  });

  it('shows the Good Shop badge at r ≥ 90% when certified', () => {
    expect(storeStars({ rankingRate: 0.9, goodShopCertified: true })).toEqual({
      stars: 4.9,
      badge: 'good-shop',
    });
    expect(storeStars({ rankingRate: 0.8999, goodShopCertified: true })).toEqual({
      stars: 4.5,
      badge: null,
    });
    expect(storeStars({ rankingRate: 0.95, goodShopCertified: false }).badge).toBeNull();
  });

  it('needs every given module ranking ≥ 30% for 4.9 and the badge (2020-09-15)', () => {
    const weak = { logistics: 0.2999, disputes: 0.8 };
    expect(
      storeStars({ rankingRate: 0.95, moduleRankings: weak, goodShopCertified: true }),
    ).toEqual({
      stars: 4.5,
      badge: null,
    });
    const ok = { logistics: 0.3, disputes: 0.8, reviews: null };
    expect(storeStars({ rankingRate: 0.95, moduleRankings: ok, goodShopCertified: true })).toEqual({
      stars: 4.9,
      badge: 'good-shop',
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
    expect(storeStars({ rankingRate: 0.8 }, table).stars).toBe(5);
    expect(storeStars({ rankingRate: 0.6 }, table).stars).toBe(4);
    expect(storeStars({ rankingRate: 0.1 }, table).stars).toBe(1);
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
