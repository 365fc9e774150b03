/**
 * A double-precision complementary error function, accurate to about 1e-15 (absolute),
 * so that a curve scores 9 at its `good` point and 5 at its `poor` point to within 1e-9.
 * (Lighthouse uses the Abramowitz–Stegun 7.1.26 approximation, error 1.5e-7, and clamps.)
 *
 * @internal
 * @module
 */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);

/** erf(x) for 0 ≤ x < 3 by the series erf x = 2/√π · e^(−x²) · Σ (2x²)ⁿ x / (1·3·…·(2n+1)), all terms positive. */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/** erfc(x) for x ≥ 3 by its continued fraction (modified Lentz). */
function erfcContinuedFraction(x: number): number {
  // erfc x = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …)))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x), in [0, 2].
 *
 * @example
 * ```ts
 * erfc(0);
 * //=> 1
 * ```
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x === Number.NEGATIVE_INFINITY) return 2;
  const ax = Math.abs(x);
  const upper = ax < 3 ? 1 - erfSeries(ax) : erfcContinuedFraction(ax);
  return x < 0 ? 2 - upper : upper;
}
