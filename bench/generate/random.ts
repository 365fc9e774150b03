/**
 * The generator's seeded pseudo-random stream: one per generated store, shared by every record
 * family in a fixed order of draws, so that the same options give the same bytes.
 *
 * sfc32 (Chris Doty-Humphrey's "small fast counting" generator, 128-bit state, passes
 * PractRand), seeded through splitmix32 so that nearby seeds give unrelated streams. Never
 * `Math.random`: the same seed always gives the same stream, on every host. The draws are the
 * few the families need: uniform, weighted (cumulative weights), normal, exponential (the
 * long-tailed waits after delivery) and stochastic rounding (daily counts whose mean is exact).
 *
 * @module
 */

/** A seeded stream of pseudo-random numbers, with the few draws the generators need. */
export interface Random {
  /** A float in `[0, 1)`. */
  next(): number;
  /** An integer in `[lo, hi]`, both inclusive. */
  int(lo: number, hi: number): number;
  /** A float in `[lo, hi)`. */
  between(lo: number, hi: number): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn from cumulative weights (as built by {@link cumulative}). */
  weighted(cumulativeWeights: Float64Array): number;
  /** A standard normal deviate (Box–Muller). */
  normal(): number;
  /** An exponential deviate with the given mean. */
  exponential(mean: number): number;
  /** `floor(x)` or `ceil(x)`, so that the expected value is exactly `x` (for `x ≥ 0`). */
  roundStochastic(x: number): number;
}

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a seeded generator (sfc32). Any finite number is a valid seed; its integer part's
 * low 53 bits are used.
 *
 * @example
 * ```ts
 * const a = createRandom(7);
 * const b = createRandom(7);
 * a.next() === b.next();
 * //=> true
 * ```
 */
export function createRandom(seed: number): Random {
  const whole = Math.trunc(Number.isFinite(seed) ? seed : 0);
  const low = whole >>> 0;
  const high = Math.floor(Math.abs(whole) / 4294967296) >>> 0;
  const mix = splitmix32(low ^ Math.imul(high, 0x27d4eb2d) ^ (whole < 0 ? 0x5bd1e995 : 0));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix() | 1;

  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();

  let spareNormal: number | undefined;

  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    between: (lo, hi) => lo + next() * (hi - lo),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    weighted: (cum) => {
      const total = cum[cum.length - 1] ?? 0;
      const x = next() * total;
      let i = 0;
      while (i < cum.length - 1 && (cum[i] ?? 0) <= x) i++;
      return i;
    },
    normal: () => {
      if (spareNormal !== undefined) {
        const s = spareNormal;
        spareNormal = undefined;
        return s;
      }
      const u = 1 - next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
    roundStochastic: (x) => {
      const f = Math.floor(x);
      return next() < x - f ? f + 1 : f;
    },
  };
}

/**
 * Cumulative sums of weights, for {@link Random.weighted}.
 *
 * @example
 * ```ts
 * Array.from(cumulative([1, 2, 1]));
 * //=> [1, 3, 4]
 * ```
 */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i] ?? 0;
    out[i] = sum;
  }
  return out;
}
