/**
 * The Shanghai calendar in integer arithmetic.
 *
 * Asia/Shanghai has been UTC+8 without daylight saving since 1991 (`docs/sources.md`), so inside
 * loops a Shanghai day is `Math.floor((ms + 8 h) / 1 day)`: a *day number* (days since
 * 1970-01-01 in Shanghai). `test/time/shanghai.test.ts` cross-checks this against
 * `@date-fns/tz` for every day from 1992 to 2040. Instants before 1992 are rejected on input.
 *
 * @module
 */
import { TZDate } from '@date-fns/tz';
import { ArgumentError } from '../errors.js';

/**
 * Milliseconds in an hour.
 *
 * @example
 * ```ts
 * 24 * HOUR_MS === DAY_MS;
 * //=> true
 * ```
 */
export const HOUR_MS = 3_600_000;
/**
 * Milliseconds in a day (a Shanghai day always has 24 hours: no DST since 1991).
 *
 * @example
 * ```ts
 * DAY_MS;
 * //=> 86400000
 * ```
 */
export const DAY_MS = 86_400_000;
/**
 * Offset of Asia/Shanghai from UTC, in ms (UTC+8, no DST since 1991).
 *
 * @example
 * ```ts
 * SHANGHAI_OFFSET_MS / HOUR_MS;
 * //=> 8
 * ```
 */
export const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;

/** A Shanghai calendar day as an integer: days since 1970-01-01 (Shanghai). */
export type DayNumber = number;

/** Earliest instant accepted: 1992-01-01 00:00 Shanghai (before 1992 Shanghai observed DST). */
export const EARLIEST_INSTANT_MS = Date.UTC(1992, 0, 1) - SHANGHAI_OFFSET_MS;
/** Latest instant accepted: 2099-12-31 24:00 Shanghai. */
export const LATEST_INSTANT_MS = Date.UTC(2100, 0, 1) - SHANGHAI_OFFSET_MS;

/**
 * The Shanghai day an instant falls on.
 *
 * @example
 * ```ts
 * dayKeyOf(dayNumberOf(Date.parse('2026-11-01T15:59:59.999Z')));
 * //=> '2026-11-01'
 * dayKeyOf(dayNumberOf(Date.parse('2026-11-01T16:00:00Z'))); // 00:00 on the 2nd in Shanghai
 * //=> '2026-11-02'
 * ```
 */
export function dayNumberOf(ms: number): DayNumber {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/**
 * The instant a Shanghai day starts (00:00 Asia/Shanghai), epoch ms.
 *
 * @example
 * ```ts
 * new Date(dayStartMs(parseDayKey('2026-11-02'))).toISOString();
 * //=> '2026-11-01T16:00:00.000Z'
 * ```
 */
export function dayStartMs(day: DayNumber): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/**
 * Milliseconds since Shanghai midnight of the instant's day, in `[0, 86 400 000)`.
 *
 * @example
 * ```ts
 * msOfDay(Date.parse('2026-11-01T00:00:00Z')); // 08:00 Shanghai
 * //=> 28800000
 * ```
 */
export function msOfDay(ms: number): number {
  const r = (ms + SHANGHAI_OFFSET_MS) % DAY_MS;
  return r < 0 ? r + DAY_MS : r;
}

/**
 * `YYYY-MM-DD` of a day number (the Shanghai calendar date).
 *
 * @example
 * ```ts
 * dayKeyOf(20758);
 * //=> '2026-11-01'
 * ```
 */
export function dayKeyOf(day: DayNumber): string {
  // The UTC calendar date of day × 1 day *is* the Shanghai date of that day number.
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses `YYYY-MM-DD` (a Shanghai calendar day) into a day number, or returns `undefined`
 * when it is not a real calendar date between 1992 and 2099.
 *
 * @example
 * ```ts
 * tryParseDayKey('2026-02-29');
 * //=> undefined
 * ```
 */
export function tryParseDayKey(key: string): DayNumber | undefined {
  const m = DAY_KEY.exec(key);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1992 || y > 2099) return undefined;
  // A month or day out of range rolls the month over (2026-02-30 is March 2): the month says it.
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCMonth() !== mo - 1) return undefined;
  // At the edge, the calendar itself decides: D 00:00 in Asia/Shanghai, whatever the host zone.
  const start = new TZDate(y, mo - 1, d, SHANGHAI).getTime();
  return dayNumberOf(start);
}

/**
 * IANA name of the zone every day boundary is drawn in.
 *
 * @example
 * ```ts
 * import { TZDate } from '@date-fns/tz';
 * new TZDate(2026, 10, 23, SHANGHAI).toISOString();
 * //=> '2026-11-23T00:00:00.000+08:00'
 * ```
 */
export const SHANGHAI = 'Asia/Shanghai';

/**
 * Parses `YYYY-MM-DD` into a day number; throws {@link ArgumentError} when malformed.
 *
 * @example
 * ```ts
 * parseDayKey('2026-11-23') - parseDayKey('2026-11-22');
 * //=> 1
 * parseDayKey('2026-11-31'); // throws ArgumentError
 * ```
 */
export function parseDayKey(key: string, what = 'day'): DayNumber {
  const day = typeof key === 'string' ? tryParseDayKey(key) : undefined;
  if (day === undefined) {
    throw new ArgumentError(
      `Expected ${what} as a calendar date YYYY-MM-DD between 1992 and 2099, found ${typeof key === 'string' ? quoteShort(key) : JSON.stringify(key)}`,
    );
  }
  return day;
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
/**
 * The forms spreadsheets write when they format a date-time cell: year first, `/` or `-`
 * (the same twice), month, day and hour of one or two digits, seconds optional, no offset
 * (Shanghai time): `2026/11/23 10:00`, `2026/11/3 9:05:07`, `2026-11-03 9:05`. Year first,
 * so nothing is ambiguous (a day-first or month-first date is not taken).
 */
const SPREADSHEET_INSTANT =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2}) +(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/** Excel's serial number of 10000-01-01, one past the last date it can hold (9999-12-31). */
const EXCEL_SERIAL_END = 2_958_466;

/** What an instant string may look like, for the messages that refuse one. */
const INSTANT_FORMS =
  'expected an instant: ISO-8601 with offset (2026-11-01T09:00:00+08:00), Shanghai local time (2026-11-01 09:00:00, 2026/11/1 9:00, 2026-11-1 9:00:05) or epoch ms (a spreadsheet serial number such as 46349.4 must be formatted as a date first)';

/** The accepted forms of an instant on input. */
export type InstantInput = string | number | Date;

/**
 * Normalises an instant to epoch ms. Strings are ISO-8601 date-times with an offset or `Z`, or
 * without one (`2026-11-01 09:00:00`, `2026-11-01T09:00:00`), which are read as Shanghai time,
 * as are the forms spreadsheets write: year first, `/` or `-`, one-digit month, day and hour,
 * seconds optional (`2026/11/23 10:00`, `2026/11/3 9:05:07`, `2026-11-03 9:05`).
 * Numbers are epoch milliseconds (integers). Fractions of a millisecond are truncated.
 * Returns a message saying what was wrong instead of throwing.
 *
 * @example
 * ```ts
 * toEpochMs('2026-11-01 09:00:00') === toEpochMs('2026-11-01T01:00:00Z');
 * //=> true
 * toEpochMs('2026/11/1 9:00') === toEpochMs('2026-11-01 09:00:00');
 * //=> true
 * toEpochMs('yesterday');
 * //=> { error: 'expected an instant: ISO-8601 …, found "yesterday"' }
 * ```
 */
export function toEpochMs(input: unknown): number | { error: string } {
  let ms: number;
  if (typeof input === 'number') {
    if (!Number.isInteger(input))
      return { error: `expected epoch milliseconds as an integer, found ${input}` };
    ms = input;
  } else if (input instanceof Date) {
    ms = input.getTime();
    if (Number.isNaN(ms)) return { error: 'expected a valid Date, found an Invalid Date' };
  } else if (typeof input === 'string') {
    const parsed = parseInstantString(input);
    if (parsed === undefined) {
      return {
        error: `${INSTANT_FORMS}, found ${quoteShort(input)}`,
      };
    }
    ms = parsed;
  } else {
    return { error: `expected an instant (string, epoch ms or Date), found ${describe(input)}` };
  }
  if (ms < EARLIEST_INSTANT_MS || ms >= LATEST_INSTANT_MS) {
    // A small number in an instant's place is most likely a spreadsheet's day count.
    const serial =
      typeof input === 'number' && input > 0 && input < EXCEL_SERIAL_END
        ? ' (a spreadsheet serial number? format the column as a date first)'
        : '';
    return {
      error: `expected an instant between 1992-01-01 and 2099-12-31 (Shanghai), found ${describe(input)}${serial}`,
    };
  }
  return ms;
}

function parseInstantString(s: string): number | undefined {
  const t = s.trim();
  let m = INSTANT.exec(t);
  if (!m) {
    // The spreadsheet forms: the same fields, with the separator captured in between.
    const w = SPREADSHEET_INSTANT.exec(t);
    if (!w) return undefined;
    m = w;
    m.splice(2, 1);
  }
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = Number(hs);
  const mi = Number(mis);
  const sec = ss === undefined ? 0 : Number(ss);
  const milli = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000 + 1e-9);
  if (h > 23 || mi > 59 || sec > 59) return undefined;
  const dayUtc = Date.UTC(y, mo - 1, d);
  // A month or day out of range rolls the month over (2026-02-30 is March 2): the month says it.
  if (new Date(dayUtc).getUTCMonth() !== mo - 1) return undefined;
  let offsetMs = SHANGHAI_OFFSET_MS;
  if (zone !== undefined) {
    // `Z` has no digits: hours and minutes read 0 (Number('') is 0), like `+00:00`.
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 14 || om > 59) return undefined;
    offsetMs = sign * (oh * HOUR_MS + om * 60_000);
  }
  return dayUtc + h * HOUR_MS + mi * 60_000 + sec * 1000 + milli - offsetMs;
}

/**
 * A string quoted for a message, cut at 60 characters (`…`): a 100 000-character value stays
 * a one-line message.
 * @internal
 */
export function quoteShort(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  // An Invalid Date never gets here (toEpochMs says so first).
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return quoteShort(v);
  if (typeof v === 'object') return Array.isArray(v) ? 'an array' : 'an object';
  return `${typeof v} ${String(v)}`;
}

/**
 * An instant as ISO-8601 in Shanghai time with its `+08:00` offset, to the millisecond.
 *
 * @internal
 */
export function formatShanghaiInstant(ms: number): string {
  return `${new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 23)}+08:00`;
}
