/**
 * Evaluation days and rolling windows `[D−a, D−b]` (`docs/sources.md`).
 *
 * @module
 */
import { type DayNumber, dayKeyOf, dayStartMs } from './shanghai.js';

/**
 * A window relative to the evaluation day D: the closed range of days `[D − fromDaysBack, D − toDaysBack]`.
 * `{ fromDaysBack: 35, toDaysBack: 6 }` is the chat window `[D−35, D−6]`.
 */
export interface WindowSpec {
  /** a in `[D−a, D−b]`: how many days before D the window starts. */
  readonly fromDaysBack: number;
  /** b in `[D−a, D−b]`: how many days before D the window ends (inclusive); at least 1. */
  readonly toDaysBack: number;
}

/** A resolved window of days, both ends inclusive, as `YYYY-MM-DD` Shanghai days. */
export interface DayRange {
  /** First day, inclusive. */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
}

/**
 * Resolves a window for an evaluation day.
 *
 * @example
 * ```ts
 * import { parseDayKey } from './shanghai.js';
 * // The published chat example: viewed 2021-12-22 → data 2021-11-17..2021-12-16.
 * resolveWindow(parseDayKey('2021-12-22'), { fromDaysBack: 35, toDaysBack: 6 });
 * //=> { from: '2021-11-17', to: '2021-12-16' }
 * ```
 */
export function resolveWindow(asOfDay: DayNumber, spec: WindowSpec): DayRange {
  return { from: dayKeyOf(asOfDay - spec.fromDaysBack), to: dayKeyOf(asOfDay - spec.toDaysBack) };
}

/**
 * Checks a window spec: whole days, `fromDaysBack ≥ toDaysBack ≥ 1` (a window never reaches the
 * as-of day itself, which has not happened yet). Returns a message or `undefined`.
 *
 * @example
 * ```ts
 * windowSpecProblem({ fromDaysBack: 5, toDaysBack: 0 });
 * //=> 'expected toDaysBack ≥ 1 (the as-of day itself has not happened), found 0'
 * ```
 */
export function windowSpecProblem(spec: WindowSpec): string | undefined {
  const { fromDaysBack: a, toDaysBack: b } = spec;
  if (!Number.isInteger(a) || !Number.isInteger(b))
    return `expected whole days, found [D−${a}, D−${b}]`;
  if (b < 1) return `expected toDaysBack ≥ 1 (the as-of day itself has not happened), found ${b}`;
  if (a < b) return `expected fromDaysBack ≥ toDaysBack, found [D−${a}, D−${b}]`;
  return undefined;
}

/**
 * The as-of instant of an evaluation day: D 00:00 Asia/Shanghai, epoch ms. Anything stamped at
 * or after it has not happened yet.
 *
 * @example
 * ```ts
 * import { parseDayKey } from './shanghai.js';
 * new Date(asOfInstant(parseDayKey('2026-11-23'))).toISOString();
 * //=> '2026-11-22T16:00:00.000Z'
 * ```
 */
export function asOfInstant(asOfDay: DayNumber): number {
  return dayStartMs(asOfDay);
}
