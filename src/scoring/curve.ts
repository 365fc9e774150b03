/**
 * Absolute scoring curves: a metric value becomes a 0–10 score on a log-normal curve through
 * two control points, in the manner of Lighthouse's `getLogNormalScore`
 * (`core/lib/statistics.js`, where `p10` scores 0.9 and `median` 0.5). Here `good` scores 9
 * and `poor` scores 5.
 *
 * The curve runs on a "badness" `x ≥ 0`, where 0 is perfect:
 *
 * | direction | unit | x |
 * |---|---|---|
 * | lower-is-better | any | the value |
 * | higher-is-better | ratio | the miss rate, 1 − value |
 * | higher-is-better | points (0–10) | 10 − value |
 * | higher-is-better | seconds, hours | 1 / value |
 *
 * With `xg` and `xp` the transformed control points (`0 < xg < xp`),
 * `score = 10 · ½ · erfc(c · ln(x / xp) / ln(xp / xg))` where `c = erfc⁻¹(0.2)`. A badness of
 * 0 (or below) scores 10. As in Lighthouse the score is kept in its band: at most `good` →
 * [9, 10], between the points → [5, 9), beyond `poor` → [0, 5).
 *
 * @module
 */
import { ArgumentError, expectShapeArgument, RuleSetError } from '../errors.js';
import type { Direction, MetricUnit } from '../ids.js';
import { type CurveControlPoints, curveBadness, validateCurve } from '../rules/curve.js';
import { erfc } from './_erfc.js';

/** Closest double to erfc⁻¹(2 · 1/10), as in Lighthouse: erfc(−c)/2 = 0.9. */
const INVERSE_ERFC_ONE_FIFTH = 0.9061938024368232;
/** Largest double below 9: the best score strictly between the control points. */
const MAX_AVERAGE_SCORE = 9 - 2 ** -49;
/** Largest double below 5: the best score beyond `poor`. */
const MAX_FAILING_SCORE = 5 - 2 ** -50;

/**
 * Scores a metric value on the log-normal curve through `good` (score 9) and `poor`
 * (score 5). The result is in [0, 10], never `NaN`; a perfect value (a miss rate of 0, a
 * time of 0, a 10-point score of 10) scores 10, and a value infinitely bad scores 0.
 *
 * @throws {ArgumentError} when `value` is `NaN`.
 * @throws {RuleSetError} when the control points are invalid: non-finite or negative, out of
 * order, or a perfect `good` point.
 *
 * @example
 * ```ts
 * scoreByCurve(10, { good: 10, poor: 40 }, 'lower-is-better', 'seconds');
 * //=> 9
 * scoreByCurve(0.85, { good: 0.95, poor: 0.85 }, 'higher-is-better', 'ratio');
 * //=> 5
 * scoreByCurve(1, { good: 0.95, poor: 0.85 }, 'higher-is-better', 'ratio');
 * //=> 10
 * ```
 */
export function scoreByCurve(
  value: number,
  curve: CurveControlPoints,
  direction: Direction,
  unit: MetricUnit,
): number {
  expectShapeArgument('scoreByCurve', 'the control points', curve, { good: 0, poor: 0 });
  if (direction !== 'higher-is-better' && direction !== 'lower-is-better')
    throw new ArgumentError(
      `scoreByCurve: expected a direction ('higher-is-better' or 'lower-is-better'), found ${JSON.stringify(direction)}`,
    );
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new ArgumentError(`scoreByCurve: expected a number value, found ${String(value)}`);
  }
  const issues = validateCurve(curve, direction, unit);
  if (issues.length > 0) throw new RuleSetError(issues);
  const xg = curveBadness(curve.good, direction, unit);
  const xp = curveBadness(curve.poor, direction, unit);
  const x = curveBadness(value, direction, unit);
  // Stryker disable next-line EqualityOperator: at x = 0 the formula gives erfc(−∞) = 2, a raw 10, clamped to 10 all the same
  if (x <= 0) return 10;
  // Stryker disable next-line ConditionalExpression: at x = ∞ the formula gives erfc(∞) = 0, a score of 0 all the same
  if (x === Number.POSITIVE_INFINITY) return 0;
  const standardized = (Math.log(x / xp) * INVERSE_ERFC_ONE_FIFTH) / Math.log(xp / xg);
  const raw = 5 * erfc(standardized);
  if (x <= xg) return Math.max(9, Math.min(10, raw));
  if (x <= xp) return Math.max(5, Math.min(MAX_AVERAGE_SCORE, raw));
  return Math.max(0, Math.min(MAX_FAILING_SCORE, raw));
}
