import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, RuleSetError } from '../../src/errors.js';
import type { Direction, MetricUnit } from '../../src/ids.js';
import type { MetricId } from '../../src/metrics/catalogue.js';
import { metricCatalogue } from '../../src/metrics/catalogue.js';
import { defaultRuleSet } from '../../src/ruleset/ruleSet.js';

const DEFAULT_CONTROL_POINTS = defaultRuleSet.controlPoints;

import { curveBadness, validateCurve } from '../../src/rules/curve.js';
import { erfc } from '../../src/scoring/_erfc.js';
import { scoreByCurve } from '../../src/scoring/curve.js';

/**
 * Direction and unit of the nineteen metrics of the public contract (the formula reference),
 * independent of the catalogue: a change to one of them fails here.
 */
const CONTRACT: Partial<Record<MetricId, [Direction, MetricUnit]>> = {
  'consultation.average-response-time': ['lower-is-better', 'seconds'],
  'consultation.presales-satisfaction': ['higher-is-better', 'ratio'],
  'consultation.response-rate-30s': ['higher-is-better', 'ratio'],
  'consultation.conversion-rate': ['higher-is-better', 'ratio'],
  'consultation.facilitated-amount-share': ['higher-is-better', 'ratio'],
  'consultation.message-rate': ['lower-is-better', 'ratio'],
  'reviews.negative-rate': ['lower-is-better', 'ratio'],
  'reviews.negative-handling-rate-24h': ['higher-is-better', 'ratio'],
  'reviews.satisfaction-score': ['higher-is-better', 'points'],
  'after-sales.repair-rate': ['lower-is-better', 'ratio'],
  'after-sales.quality-repair-rate': ['lower-is-better', 'ratio'],
  'after-sales.return-rate': ['lower-is-better', 'ratio'],
  'after-sales.duration': ['lower-is-better', 'hours'],
  'after-sales.satisfaction': ['higher-is-better', 'ratio'],
  'after-sales.return-satisfaction': ['higher-is-better', 'ratio'],
  'logistics.same-day-collection-rate': ['higher-is-better', 'ratio'],
  'logistics.next-day-arrival-rate': ['higher-is-better', 'ratio'],
  'logistics.average-delivery-time': ['lower-is-better', 'hours'],
  'disputes.dispute-rate': ['lower-is-better', 'ratio'],
};
/** Every metric of the catalogue with its direction and unit (a new metric is covered too). */
const SHAPES = Object.fromEntries(
  metricCatalogue.map((m) => [m.id, [m.direction, m.unit]] as const),
) as Record<MetricId, [Direction, MetricUnit]>;
const IDS = Object.keys(SHAPES) as MetricId[];

/** A small step in the metric's unit: 0.01 percentage point, 1 ms, 0.01 point. */
function step(unit: MetricUnit): number {
  return unit === 'ratio' ? 1e-4 : unit === 'seconds' ? 1e-3 : unit === 'hours' ? 1e-3 : 0.01;
}
/** Moves a value by `d` towards "better". */
function better(v: number, d: number, dir: Direction): number {
  return dir === 'higher-is-better' ? v + d : v - d;
}

describe('erfc', () => {
  it('matches reference values to 1e-15', () => {
    const ref: [number, number][] = [
      [0, 1],
      [0.5, 0.4795001221869535],
      [1, 0.15729920705028513],
      [2, 0.004677734981047266],
      [3, 2.209049699858544e-5],
      [3.5, 7.430983723414128e-7],
      [5, 1.5374597944280349e-12],
      [-1, 1.8427007929497148],
    ];
    for (const [x, y] of ref) expect(Math.abs(erfc(x) - y)).toBeLessThan(1e-15);
    expect(erfc(0.9061938024368232)).toBeCloseTo(0.2, 14);
    expect(erfc(Number.POSITIVE_INFINITY)).toBe(0);
    expect(erfc(Number.NEGATIVE_INFINITY)).toBe(2);
    expect(erfc(Number.NaN)).toBeNaN();
    expect(erfc(40)).toBe(0);
  });
});

describe('scoreByCurve', () => {
  it('keeps the direction and unit of every metric of the contract, each with control points', () => {
    const contract = Object.entries(CONTRACT);
    expect(contract).toHaveLength(19);
    for (const [id, shape] of contract) expect(SHAPES[id as MetricId], id).toEqual(shape);
    expect(Object.keys(DEFAULT_CONTROL_POINTS).sort()).toEqual([...IDS].sort());
  });

  describe.each(IDS)('%s with its default control points', (id) => {
    const [dir, unit] = SHAPES[id];
    const curve = DEFAULT_CONTROL_POINTS[id].value;

    it('is a valid curve', () => {
      expect(validateCurve(curve, dir, unit)).toEqual([]);
    });

    it('scores 9 at good and 5 at poor (within 1e-9)', () => {
      expect(Math.abs(scoreByCurve(curve.good, curve, dir, unit) - 9)).toBeLessThan(1e-9);
      expect(Math.abs(scoreByCurve(curve.poor, curve, dir, unit) - 5)).toBeLessThan(1e-9);
    });

    it('scores above 9 one step better than good and below 9 one step worse', () => {
      const d = step(unit);
      expect(scoreByCurve(better(curve.good, d, dir), curve, dir, unit)).toBeGreaterThan(9);
      expect(scoreByCurve(better(curve.good, -d, dir), curve, dir, unit)).toBeLessThan(9);
    });

    it('scores above 5 one step better than poor and below 5 one step worse', () => {
      const d = step(unit);
      expect(scoreByCurve(better(curve.poor, d, dir), curve, dir, unit)).toBeGreaterThan(5);
      expect(scoreByCurve(better(curve.poor, -d, dir), curve, dir, unit)).toBeLessThan(5);
    });

    it('scores a perfect value 10', () => {
      const perfect = dir === 'lower-is-better' ? 0 : unit === 'ratio' ? 1 : 10;
      expect(scoreByCurve(perfect, curve, dir, unit)).toBe(10);
    });
  });

  it('handles the extremes without NaN', () => {
    const c = { good: 10, poor: 40 };
    expect(scoreByCurve(0, c, 'lower-is-better', 'seconds')).toBe(10);
    expect(scoreByCurve(-5, c, 'lower-is-better', 'seconds')).toBe(10);
    expect(scoreByCurve(Number.POSITIVE_INFINITY, c, 'lower-is-better', 'seconds')).toBe(0);
    expect(scoreByCurve(1e12, c, 'lower-is-better', 'seconds')).toBeLessThan(1e-100);
    expect(scoreByCurve(1e-300, c, 'lower-is-better', 'seconds')).toBe(10);
    const r = { good: 0.95, poor: 0.85 };
    expect(scoreByCurve(0, r, 'higher-is-better', 'ratio')).toBeGreaterThanOrEqual(0);
    expect(scoreByCurve(0, r, 'higher-is-better', 'ratio')).toBeLessThan(5);
    expect(scoreByCurve(1.2, r, 'higher-is-better', 'ratio')).toBe(10);
  });

  it('scores higher-is-better times on their reciprocal', () => {
    const c = { good: 100, poor: 20 };
    expect(validateCurve(c, 'higher-is-better', 'hours')).toEqual([]);
    expect(scoreByCurve(100, c, 'higher-is-better', 'hours')).toBeCloseTo(9, 9);
    expect(scoreByCurve(20, c, 'higher-is-better', 'hours')).toBeCloseTo(5, 9);
    expect(scoreByCurve(0, c, 'higher-is-better', 'hours')).toBe(0);
    expect(curveBadness(4, 'higher-is-better', 'seconds')).toBe(0.25);
    expect(curveBadness(0, 'higher-is-better', 'seconds')).toBe(Number.POSITIVE_INFINITY);
  });

  it('transforms values as documented', () => {
    expect(curveBadness(0.95, 'higher-is-better', 'ratio')).toBe(1 - 0.95);
    expect(curveBadness(9.6, 'higher-is-better', 'points')).toBe(10 - 9.6);
    expect(curveBadness(12, 'lower-is-better', 'seconds')).toBe(12);
  });

  it('throws on NaN and on an invalid curve', () => {
    expect(() =>
      scoreByCurve(Number.NaN, { good: 1, poor: 2 }, 'lower-is-better', 'hours'),
    ).toThrow(ArgumentError);
    expect(() => scoreByCurve(1, { good: 2, poor: 1 }, 'lower-is-better', 'hours')).toThrow(
      RuleSetError,
    );
  });

  describe('laws', () => {
    const shape = fc.constantFrom(...IDS);
    const anyValue = fc.double({ min: -1e6, max: 1e9, noNaN: true });

    it('always stays in [0, 10] and is never NaN', () => {
      fc.assert(
        fc.property(shape, anyValue, (id, v) => {
          const [dir, unit] = SHAPES[id];
          const s = scoreByCurve(v, DEFAULT_CONTROL_POINTS[id].value, dir, unit);
          return s >= 0 && s <= 10 && !Number.isNaN(s);
        }),
      );
    });

    it('never scores a better value lower (to 1e-12, the precision of erfc)', () => {
      fc.assert(
        fc.property(shape, anyValue, anyValue, (id, a, b) => {
          const [dir, unit] = SHAPES[id];
          const curve = DEFAULT_CONTROL_POINTS[id].value;
          const [worse, best] =
            dir === 'higher-is-better'
              ? [Math.min(a, b), Math.max(a, b)]
              : [Math.max(a, b), Math.min(a, b)];
          return (
            scoreByCurve(best, curve, dir, unit) >= scoreByCurve(worse, curve, dir, unit) - 1e-12
          );
        }),
      );
    });

    it('is strictly monotone between the control points', () => {
      fc.assert(
        fc.property(shape, fc.double({ min: 0.001, max: 0.999, noNaN: true }), (id, t) => {
          const [dir, unit] = SHAPES[id];
          const curve = DEFAULT_CONTROL_POINTS[id].value;
          const v = curve.poor + (curve.good - curve.poor) * t;
          const s = scoreByCurve(v, curve, dir, unit);
          return s > 5 && s < 9;
        }),
      );
    });
  });
});

describe('validateCurve', () => {
  it('reports control points in the wrong order', () => {
    expect(validateCurve({ good: 40, poor: 10 }, 'lower-is-better', 'seconds')).toEqual([
      {
        path: 'curve',
        message: 'good (40) must be strictly better than poor (10) for a lower-is-better metric',
      },
    ]);
    expect(
      validateCurve({ good: 0.85, poor: 0.95 }, 'higher-is-better', 'ratio', 'c'),
    ).toHaveLength(1);
    expect(validateCurve({ good: 0.9, poor: 0.9 }, 'higher-is-better', 'ratio')).toHaveLength(1);
    expect(validateCurve({ good: 8, poor: 9 }, 'higher-is-better', 'points')).toHaveLength(1);
  });

  it('reports non-finite, negative and out-of-range points', () => {
    expect(validateCurve({ good: Number.NaN, poor: -1 }, 'lower-is-better', 'hours', 'x')).toEqual([
      { path: 'x.good', message: 'expected a finite number, found NaN' },
      { path: 'x.poor', message: 'expected a non-negative number, found -1' },
    ]);
    expect(
      validateCurve({ good: Number.POSITIVE_INFINITY, poor: 1 }, 'lower-is-better', 'hours'),
    ).toHaveLength(1);
    expect(validateCurve({ good: 1.5, poor: 0.5 }, 'higher-is-better', 'ratio')[0]?.path).toBe(
      'curve.good',
    );
    expect(validateCurve({ good: 11, poor: 5 }, 'higher-is-better', 'points')[0]?.path).toBe(
      'curve.good',
    );
  });

  it('reports a perfect good point, which leaves no room for the curve', () => {
    expect(validateCurve({ good: 0, poor: 10 }, 'lower-is-better', 'seconds')[0]?.path).toBe(
      'curve.good',
    );
    expect(validateCurve({ good: 1, poor: 0.9 }, 'higher-is-better', 'ratio')[0]?.path).toBe(
      'curve.good',
    );
    expect(validateCurve({ good: 10, poor: 8 }, 'higher-is-better', 'points')[0]?.path).toBe(
      'curve.good',
    );
  });

  it('reports a poor point of 0 for a higher-is-better time', () => {
    expect(validateCurve({ good: 10, poor: 0 }, 'higher-is-better', 'hours')[0]?.path).toBe(
      'curve.poor',
    );
  });
});
