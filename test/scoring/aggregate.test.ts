import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/errors.js';
import { sourced } from '../../src/rules/provenance.js';
import { DEFAULT_MODULE_WEIGHTS, validateModuleWeights } from '../../src/rules/scoringDefaults.js';
import { compositeScore, roundScore, weightedMean } from '../../src/scoring/aggregate.js';

const EXAMPLE = {
  'after-sales': 9.0,
  logistics: 9.5,
  reviews: 9.4,
  consultation: 9.2,
  disputes: 9.8,
} as const;

describe('weightedMean', () => {
  it('computes by hand', () => {
    expect(
      weightedMean([
        { score: 9, weight: 1 },
        { score: 8, weight: 3 },
      ]),
    ).toBe(8.25);
    expect(
      weightedMean([
        { score: 0.1, weight: 1 },
        { score: 0.2, weight: 1 },
      ]),
    ).toBe(0.15);
    expect(weightedMean([{ score: 10, weight: 2 }])).toBe(10);
  });

  it('shares a null score’s weight among the others', () => {
    expect(
      weightedMean([
        { score: 9, weight: 1 },
        { score: 8, weight: 3 },
        { score: null, weight: 5 },
      ]),
    ).toBe(8.25);
  });

  it('leaves out zero weights and is null when nothing carries weight', () => {
    expect(
      weightedMean([
        { score: 1, weight: 0 },
        { score: 7, weight: 2 },
      ]),
    ).toBe(7);
    expect(weightedMean([{ score: null, weight: 1 }])).toBeNull();
    expect(weightedMean([{ score: 5, weight: 0 }])).toBeNull();
    expect(weightedMean([])).toBeNull();
  });

  it('rejects negative or non-finite weights and non-finite scores', () => {
    expect(() => weightedMean([{ score: 1, weight: -1 }])).toThrow(ArgumentError);
    expect(() => weightedMean([{ score: 1, weight: Number.NaN }])).toThrow(ArgumentError);
    expect(() => weightedMean([{ score: Number.POSITIVE_INFINITY, weight: 1 }])).toThrow(
      /items\[0\]\.score/,
    );
    expect(() => weightedMean([{ score: null, weight: -1 }])).toThrow(ArgumentError);
  });

  it('stays between the smallest and largest score', () => {
    const item = fc.record({
      score: fc.option(fc.double({ min: 0, max: 10, noNaN: true }), { nil: null }),
      weight: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(item), (items) => {
        const m = weightedMean(items);
        const live = items
          .filter((i) => i.score !== null && i.weight > 0)
          .map((i) => i.score as number);
        if (live.length === 0) return m === null;
        return m !== null && m >= Math.min(...live) - 1e-12 && m <= Math.max(...live) + 1e-12;
      }),
    );
  });
});

describe('roundScore', () => {
  it('rounds half up on the decimal representation', () => {
    expect(roundScore(9.365)).toBe(9.37);
    expect(roundScore(9.368)).toBe(9.37);
    expect(roundScore(9.364999)).toBe(9.36);
    expect(roundScore(1.005)).toBe(1.01);
    expect(roundScore(0.125)).toBe(0.13);
    expect(roundScore(10)).toBe(10);
    expect(roundScore(0)).toBe(0);
  });

  it('rejects non-finite numbers', () => {
    expect(() => roundScore(Number.NaN)).toThrow(ArgumentError);
  });
});

describe('compositeScore', () => {
  it('gives 9.37 (9.368 unrounded) with the published weights', () => {
    expect(compositeScore(EXAMPLE)).toBe(9.37);
    expect(
      weightedMean(
        Object.entries(EXAMPLE).map(([id, score]) => ({
          score,
          weight: DEFAULT_MODULE_WEIGHTS.value[id as keyof typeof EXAMPLE],
        })),
      ),
    ).toBe(9.368);
  });

  it('gives 9.35 when logistics is missing, its weight shared', () => {
    expect(compositeScore({ ...EXAMPLE, logistics: null })).toBe(9.35);
    const { logistics: _, ...withoutLogistics } = EXAMPLE;
    expect(compositeScore(withoutLogistics)).toBe(9.35);
  });

  it('is null without any module score', () => {
    expect(compositeScore({})).toBeNull();
    expect(compositeScore({ disputes: null })).toBeNull();
  });

  it('accepts plain or sourced custom weights', () => {
    const equal = { consultation: 1, reviews: 1, 'after-sales': 1, logistics: 1, disputes: 1 };
    expect(compositeScore(EXAMPLE, equal)).toBe(9.38);
    expect(compositeScore(EXAMPLE, sourced(equal, { tag: 'custom' }))).toBe(9.38);
  });

  it('rejects a module without a weight and negative weights', () => {
    expect(() =>
      compositeScore({ 'after-sales': 9, unknown: 5 } as unknown as Record<string, number>),
    ).toThrow(/no weight/);
    expect(() =>
      compositeScore(EXAMPLE, { ...DEFAULT_MODULE_WEIGHTS.value, disputes: -1 }),
    ).toThrow(ArgumentError);
  });
});

describe('validateModuleWeights', () => {
  it('accepts the defaults', () => {
    expect(validateModuleWeights(DEFAULT_MODULE_WEIGHTS.value)).toEqual([]);
  });

  it('reports negative, non-finite and all-zero weights', () => {
    expect(validateModuleWeights({ ...DEFAULT_MODULE_WEIGHTS.value, logistics: -1 })).toEqual([
      { path: 'moduleWeights.logistics', message: 'expected a finite weight ≥ 0, found -1' },
    ]);
    expect(
      validateModuleWeights({ ...DEFAULT_MODULE_WEIGHTS.value, disputes: Number.NaN }, 'w')[0]
        ?.path,
    ).toBe('w.disputes');
    expect(
      validateModuleWeights({
        consultation: 0,
        reviews: 0,
        'after-sales': 0,
        logistics: 0,
        disputes: 0,
      }),
    ).toEqual([
      { path: 'moduleWeights', message: 'expected at least one weight above 0, found none' },
    ]);
  });
});
