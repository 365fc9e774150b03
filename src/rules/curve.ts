/**
 * A metric's scoring curve as rule data: its two control points, and what makes them valid.
 * The curve itself (`scoreByCurve`) is in the scoring stage.
 *
 * @module
 */
import type { InputIssue } from '../errors.js';
import type { Direction, MetricUnit } from '../ids.js';

/**
 * The two control points of a log-normal scoring curve, in the metric's own unit (ratios as
 * fractions): a value of `good` scores 9, a value of `poor` scores 5.
 */
export interface CurveControlPoints {
  /** The value that scores 9 (Lighthouse's `p10`). */
  readonly good: number;
  /** The value that scores 5 (Lighthouse's `median`). */
  readonly poor: number;
}

/**
 * The curve's badness for a value: 0 is perfect, larger is worse (see the module table).
 *
 * @example
 * ```ts
 * curveBadness(0.95, 'higher-is-better', 'ratio');
 * //=> 0.050000000000000044
 * ```
 */
export function curveBadness(value: number, direction: Direction, unit: MetricUnit): number {
  if (direction === 'lower-is-better') return value;
  switch (unit) {
    case 'ratio':
      return 1 - value;
    case 'points':
      return 10 - value;
    default:
      return value === 0 ? Number.POSITIVE_INFINITY : 1 / value;
  }
}

/**
 * Reports what is wrong with a curve's control points for a metric of this direction and
 * unit: non-finite or negative points, points out of order (`good` must be strictly better
 * than `poor`), or a `good` point that is perfect (a badness of 0 cannot carry a log-normal
 * curve: a miss rate of 0, a 10-point score of 10, a time of 0). Returns `[]` when valid.
 *
 * @param path - Prefix of each issue's path, e.g. `'curves.consultation.message-rate'`.
 *
 * @example
 * ```ts
 * validateCurve({ good: 40, poor: 10 }, 'lower-is-better', 'seconds');
 * //=> [{ path: 'curve', message: 'good (40) must be strictly better than poor (10) for a lower-is-better metric' }]
 * validateCurve({ good: 0.95, poor: 0.85 }, 'higher-is-better', 'ratio');
 * //=> []
 * ```
 */
export function validateCurve(
  curve: CurveControlPoints,
  direction: Direction,
  unit: MetricUnit,
  path = 'curve',
): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const key of ['good', 'poor'] as const) {
    const v = curve[key];
    if (!Number.isFinite(v)) {
      issues.push({
        path: `${path}.${key}`,
        message: `expected a finite number, found ${String(v)}`,
      });
    } else if (v < 0) {
      issues.push({
        path: `${path}.${key}`,
        message: `expected a non-negative number, found ${v}`,
      });
    } else if (unit === 'ratio' && v > 1) {
      issues.push({ path: `${path}.${key}`, message: `expected a ratio in [0, 1], found ${v}` });
    } else if (unit === 'points' && v > 10) {
      issues.push({ path: `${path}.${key}`, message: `expected points in [0, 10], found ${v}` });
    }
  }
  if (issues.length > 0) return issues;
  const xg = curveBadness(curve.good, direction, unit);
  const xp = curveBadness(curve.poor, direction, unit);
  if (!(xg < xp)) {
    issues.push({
      path,
      message: `good (${curve.good}) must be strictly better than poor (${curve.poor}) for a ${direction} metric`,
    });
  } else if (!(xg > 0)) {
    issues.push({
      path: `${path}.good`,
      message: `good (${curve.good}) must not be a perfect value: a log-normal curve needs room above it`,
    });
  } else if (!Number.isFinite(xp)) {
    issues.push({
      path: `${path}.poor`,
      message: `poor (${curve.poor}) must be above 0 for a higher-is-better ${unit} metric`,
    });
  }
  return issues;
}
