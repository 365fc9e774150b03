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
  // Stryker disable next-line EqualityOperator: the loop breaks on convergence long before n = 200
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: the terms left are below 1e-17 of the sum; adding them changes no bit
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
  // Stryker disable next-line EqualityOperator: the loop breaks on convergence long before n = 500
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    // Stryker disable next-line ConditionalExpression: x ≥ 3 and a > 0 keep d and c positive; Lentz's guard never fires here
    d = d === 0 ? tiny : d;
    c = x + a / c;
    // Stryker disable next-line ConditionalExpression: see above
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: once delta is 1 to 1e-16, more iterations multiply f by exactly 1
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
  // Stryker disable next-line ConditionalExpression: without it NaN flows through the continued fraction and comes out NaN all the same
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x === Number.NEGATIVE_INFINITY) return 2;
  const ax = Math.abs(x);
  // Stryker disable next-line EqualityOperator: at exactly 3 both methods give erfc(3) (the tests pin it)
  const upper = ax < 3 ? 1 - erfSeries(ax) : erfcContinuedFraction(ax);
  // Stryker disable next-line EqualityOperator: at x = 0, 2 − 1 is 1
  return x < 0 ? 2 - upper : upper;
}
