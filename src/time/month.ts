/**
 * Calendar months of Shanghai day numbers, for the monthly assessments (咚咚缺陷).
 *
 * @module
 */
import { DAY_MS, type DayNumber } from './shanghai.js';

/**
 * The first day of the calendar month holding `day`.
 *
 * @internal
 */
export function monthStartDay(day: DayNumber): DayNumber {
  // The UTC calendar date of day × 1 day is the Shanghai date of that day number.
  return day - (new Date(day * DAY_MS).getUTCDate() - 1);
}

/** A calendar month as day numbers: `[first, end)`, `end` the first day of the next month. */
export interface MonthRange {
  /** Its first day. */
  readonly first: DayNumber;
  /** The first day of the next month (the day its monthly assessment is made). */
  readonly end: DayNumber;
}

/**
 * The last complete calendar month before evaluation day D: the month before D's month, or,
 * when D is the 1st, the month that has just ended.
 *
 * @internal
 */
export function lastCompleteMonth(day: DayNumber): MonthRange {
  const end = monthStartDay(day);
  return { first: monthStartDay(end - 1), end };
}

/**
 * `YYYY-MM` of a month's first day.
 *
 * @internal
 */
export function monthKeyOf(first: DayNumber): string {
  return new Date(first * DAY_MS).toISOString().slice(0, 7);
}
