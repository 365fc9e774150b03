/**
 * Scoring against category peers, as JD does (`docs/sources.md`: the store is compared with the
 * other stores of its main second-level category), and the ranking rate.
 *
 * @module
 */
import { Dec } from '../decimal.js';
import { ArgumentError, expectArrayArgument } from '../errors.js';
import type { Direction, MetricUnit } from '../ids.js';

function checkNumber(fn: string, what: string, v: number): void {
  if (typeof v !== 'number' || Number.isNaN(v)) {
    throw new ArgumentError(`${fn}: expected ${what} to be a number, found ${String(v)}`);
  }
}

/** Twice the number of peers beaten plus the ties (so that ties count half, in integers). */
function halfCount(
  fn: string,
  value: number,
  peers: readonly number[],
  better: (a: number, b: number) => boolean,
): number {
  checkNumber(fn, 'value', value);
  let twice = 0;
  for (let i = 0; i < peers.length; i++) {
    const p = peers[i] as number;
    checkNumber(fn, `peer ${i}`, p);
    if (better(value, p)) twice += 2;
    else if (value === p) twice += 1;
  }
  return twice;
}

const higher = (a: number, b: number): boolean => a > b;
const lower = (a: number, b: number): boolean => a < b;

/**
 * The best value a metric can attain, where one exists: 0 for a lower-is-better ratio (no
 * dispute, no return), 1 for a higher-is-better ratio (every consultation answered in time);
 * `undefined` for other units.
 *
 * @example
 * ```ts
 * bestAttainable('ratio', 'lower-is-better');
 * //=> 0
 * bestAttainable('seconds', 'lower-is-better');
 * //=> undefined
 * ```
 */
export function bestAttainable(unit: MetricUnit, direction: Direction): number | undefined {
  if (unit !== 'ratio') return undefined;
  return direction === 'higher-is-better' ? 1 : 0;
}

/**
 * Scores a value against its category peers: 10 × the share of peers the store does strictly
 * better than, a tie counting half. A value that is the best attainable for its unit (0 for a
 * lower-is-better ratio, 1 for a higher-is-better one; give `unit` to apply it) and that no peer
 * beats scores 10 whatever the ties: a store with no disputes cannot improve, so it loses nothing (`assumption`).
 * `null` when there are no peers. Pass the peers without the store itself.
 *
 * @throws {ArgumentError} when the value or a peer is `NaN`.
 *
 * @example
 * ```ts
 * scoreAgainstPeers(0.9, [0.8, 0.9, 0.95, 0.7], 'higher-is-better');
 * //=> 6.25
 * scoreAgainstPeers(0, [0, 0, 0.01, 0.02], 'lower-is-better'); // ties count half
 * //=> 7.5
 * scoreAgainstPeers(0, [0, 0, 0.01, 0.02], 'lower-is-better', 'ratio'); // best attainable
 * //=> 10
 * scoreAgainstPeers(12, [], 'lower-is-better');
 * //=> null
 * ```
 */
export function scoreAgainstPeers(
  value: number,
  peerValues: readonly number[],
  direction: Direction,
  unit?: MetricUnit,
): number | null {
  expectArrayArgument('scoreAgainstPeers', 'the peer values', peerValues);
  const better = direction === 'higher-is-better' ? higher : lower;
  const twice = halfCount('scoreAgainstPeers', value, peerValues, better);
  if (peerValues.length === 0) return null;
  // Stryker disable next-line ConditionalExpression: without a unit bestAttainable gives undefined, never equal to a value
  if (unit !== undefined && value === bestAttainable(unit, direction)) {
    if (!peerValues.some((p) => better(p, value))) return 10;
  }
  return (10 * twice) / (2 * peerValues.length);
}

/**
 * The ranking rate (风向标排名率): the share, in [0, 1], of category peers whose composite the
 * store's composite is strictly above, a tie counting half. `null` when there are no peers.
 * Pass the peers without the store itself.
 *
 * @throws {ArgumentError} when the value or a peer is `NaN`.
 *
 * @example
 * ```ts
 * rankingRate(9.37, [9.1, 9.2, 9.37, 9.5]);
 * //=> 0.625
 * rankingRate(9.37, []);
 * //=> null
 * ```
 */
export function rankingRate(value: number, peers: readonly number[]): number | null {
  expectArrayArgument('rankingRate', 'the peers', peers);
  const twice = halfCount('rankingRate', value, peers, higher);
  if (peers.length === 0) return null;
  return twice / (2 * peers.length);
}

/**
 * The mean of the peers' values, exactly on their decimal representations: what a metric with
 * too little data of its own is scored at when no industry average (行业均值) is supplied
 * (`assumption`: JD gives such stores the industry average; the peers' mean stands in for it).
 * `null` when empty.
 *
 * @throws {ArgumentError} when a value is `NaN`.
 *
 * @example
 * ```ts
 * peerMean([0.1, 0.2]);
 * //=> 0.15
 * peerMean([4, 1, 3, 2]);
 * //=> 2.5
 * peerMean([]);
 * //=> null
 * ```
 */
export function peerMean(values: readonly number[]): number | null {
  let sum = new Dec(0);
  values.forEach((v, i) => {
    checkNumber('peerMean', `value ${i}`, v);
    sum = sum.plus(v);
  });
  return values.length === 0 ? null : sum.div(values.length).toNumber();
}

/**
 * The median of the peers' values (mean of the two middle values for an even count). `null`
 * when empty.
 *
 * @throws {ArgumentError} when a value is `NaN`.
 *
 * @example
 * ```ts
 * peerMedian([3, 1, 2]);
 * //=> 2
 * peerMedian([4, 1, 3, 2]);
 * //=> 2.5
 * peerMedian([]);
 * //=> null
 * ```
 */
export function peerMedian(values: readonly number[]): number | null {
  values.forEach((v, i) => {
    checkNumber('peerMedian', `value ${i}`, v);
  });
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  if (sorted.length % 2 === 1) return upper;
  const lowerMid = sorted[mid - 1] as number;
  return lowerMid + (upper - lowerMid) / 2;
}
