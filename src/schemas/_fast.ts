/**
 * Accept-only fast paths of the record schemas (private).
 *
 * `parseStoreData` runs these first: each returns the normalised record when the input is
 * plainly valid in its most common forms, and `undefined` otherwise, in which case the
 * record goes through its zod schema, which accepts the rarer forms and words every issue.
 * A fast path never accepts what the schema rejects and returns exactly what the schema
 * returns (`test/schemas/fast.test.ts` checks both with fast-check). The schemas stay the
 * reference; these exist because measured here, zod 4 parses orders at about 0.3 M/s and
 * the benchmark needs 0.5 M records/s.
 *
 * @module
 */
import { DAY_MS, EARLIEST_INSTANT_MS, LATEST_INSTANT_MS, toEpochMs } from '../time/shanghai.js';
import { yuanToFen } from './_common.js';

/** Returned by the primitives below for a value the fast path does not take. */
export const FAIL = -1;

const CUMULATIVE_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

function two(s: string, i: number): number {
  return digit(s, i) * 10 + digit(s, i + 1);
}

/**
 * `YYYY-MM-DD[T ]HH:MM:SS`, optionally `.sss`, optionally `Z` or `±HH:MM`: epoch ms, or FAIL
 * (also for every other form, which then goes to `toEpochMs`).
 */
export function fastInstantString(s: string): number {
  const n = s.length;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a quick exit: a shorter string fails the separator checks (charCodeAt is NaN), and no form longer than 29 characters gets past the zone check
  if (n < 19 || n > 29) return FAIL;
  const sep = s.charCodeAt(10);
  if (
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    (sep !== 32 && sep !== 84) ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  ) {
    return FAIL;
  }
  const y = two(s, 0) * 100 + two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  // Quick exits. A month outside 1–12 reads `undefined` from CUMULATIVE_DAYS, NaN, which the
  // final range check declines; so does it every year outside 1991–2100, whatever the offset
  // (the instants accepted run from 1992-01-01 to 2099-12-31, Shanghai).
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: quick exits only (above): without them, or declining one more year or month (2100, 1991, January, December: then toEpochMs answers), the answer is the same
  if (y < 1991 || y > 2100 || mo < 1 || mo > 12) return FAIL;
  if (d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return FAIL;
  if (sec < 0 || sec > 59) return FAIL;
  // Stryker disable next-line ConditionalExpression,ArithmeticOperator: the century years in range are 2000 (a leap year by either rule) and 2100, whose 29 February is past the latest instant
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (DAYS_IN_MONTH[mo - 1] as number) + (mo === 2 && leap ? 1 : 0)) return FAIL;
  let i = 19;
  let milli = 0;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: at i === n charCodeAt is NaN, never the '.'
  if (i < n && s.charCodeAt(i) === 46) {
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator: a missing fraction digit reads as NaN, which the digit check below declines
    if (i + 4 > n) return FAIL;
    milli = digit(s, i + 1) * 100 + digit(s, i + 2) * 10 + digit(s, i + 3);
    if (milli < 0) return FAIL;
    i += 4;
  }
  let offsetMin = 480;
  if (i < n) {
    const z = s.charCodeAt(i);
    if (z === 90 && i + 1 === n) offsetMin = 0;
    else if ((z === 43 || z === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
      const oh = two(s, i + 1);
      const om = two(s, i + 4);
      if (oh < 0 || oh > 14 || om < 0 || om > 59) return FAIL;
      offsetMin = (z === 45 ? -1 : 1) * (oh * 60 + om);
    } else return FAIL;
  }
  // Days since 1970-01-01 of the civil date (proleptic Gregorian).
  const yy = y - 1;
  const days =
    (y - 1970) * 365 +
    (Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) - 477) +
    (CUMULATIVE_DAYS[mo - 1] as number) +
    (mo > 2 && leap ? 1 : 0) +
    d -
    1;
  const ms = days * DAY_MS + ((h * 60 + mi - offsetMin) * 60 + sec) * 1000 + milli;
  return ms >= EARLIEST_INSTANT_MS && ms < LATEST_INSTANT_MS ? ms : FAIL;
}

/** An instant (epoch ms, string or Date) → epoch ms, or FAIL. */
export function fastInstant(v: unknown): number {
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= EARLIEST_INSTANT_MS && v < LATEST_INSTANT_MS ? v : FAIL;
  }
  if (typeof v === 'string') {
    const ms = fastInstantString(v);
    // Stryker disable next-line ConditionalExpression: toEpochMs answers the same; the fast parser only saves time
    if (ms !== FAIL) return ms;
    const r = toEpochMs(v);
    return typeof r === 'number' ? r : FAIL;
  }
  // Stryker disable next-line ConditionalExpression: toEpochMs refuses every other type too, which reads as FAIL
  if (v instanceof Date) {
    const r = toEpochMs(v);
    return typeof r === 'number' ? r : FAIL;
  }
  return FAIL;
}

/** An optional instant → epoch ms, `undefined` when absent or `null`, or FAIL. */
export function fastOptionalInstant(v: unknown): number | undefined {
  return v === undefined || v === null ? undefined : fastInstant(v);
}

/** Money in yuan → integer fen, or FAIL. */
export function fastMoney(v: unknown): number {
  const r = yuanToFen(v);
  return typeof r === 'number' ? r : FAIL;
}

/** A non-empty string id, else `undefined`. */
export function fastId(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** A plain object record with only `known` keys, else `undefined` (the schema names the unknown ones). */
export function fastRecord(
  v: unknown,
  known: ReadonlySet<string>,
): Record<string, unknown> | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  for (const k in v) if (!known.has(k)) return undefined;
  return v as Record<string, unknown>;
}

/** The keys of an object schema's shape, for {@link fastRecord}. */
export function keysOf(schema: { readonly shape: object }): ReadonlySet<string> {
  return new Set(Object.keys(schema.shape));
}

/** An optional boolean with its default, or `undefined` when not a boolean. */
export function fastBoolean(v: unknown, dflt: boolean): boolean | undefined {
  if (v === undefined || v === null) return dflt;
  return v === true || v === false ? v : undefined;
}

/** A value of `allowed` (or absent/null → `undefined` when optional), else FAIL. */
export function fastOptionalEnum<T extends string>(
  v: unknown,
  allowed: ReadonlySet<string>,
): T | undefined | typeof FAIL {
  if (v === undefined || v === null) return undefined;
  // Stryker disable next-line ConditionalExpression: a set of strings has no value of another type
  return typeof v === 'string' && allowed.has(v) ? (v as T) : FAIL;
}
