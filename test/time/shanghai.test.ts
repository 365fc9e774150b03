import { TZDate, tz } from '@date-fns/tz';
import { format, startOfDay } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  dayKeyOf,
  dayNumberOf,
  dayStartMs,
  EARLIEST_INSTANT_MS,
  LATEST_INSTANT_MS,
  msOfDay,
  parseDayKey,
  toEpochMs,
  tryParseDayKey,
} from '../../src/time/shanghai.js';
import { asOfInstant, resolveWindow, windowSpecProblem } from '../../src/time/window.js';

const FORMS =
  'expected an instant: ISO-8601 with offset (2026-11-01T09:00:00+08:00), Shanghai local time (2026-11-01 09:00:00, 2026/11/1 9:00, 2026-11-1 9:00:05) or epoch ms (a spreadsheet serial number such as 46349.4 must be formatted as a date first)';

describe('Shanghai day numbers', () => {
  it('match @date-fns/tz for every day from 1992 to 2040', () => {
    const inShanghai = tz('Asia/Shanghai');
    let day = parseDayKey('1992-01-01');
    const last = parseDayKey('2040-12-31');
    let checked = 0;
    for (; day <= last; day++) {
      const start = dayStartMs(day);
      const viaTz = startOfDay(new TZDate(start + 12 * 3_600_000, 'Asia/Shanghai'), {
        in: inShanghai,
      });
      expect(viaTz.getTime()).toBe(start);
      if (day % 97 === 0)
        expect(format(new TZDate(start, 'Asia/Shanghai'), 'yyyy-MM-dd')).toBe(dayKeyOf(day));
      // One millisecond before midnight is the previous day; midnight is this day.
      expect(dayNumberOf(start - 1)).toBe(day - 1);
      expect(dayNumberOf(start)).toBe(day);
      checked++;
    }
    expect(checked).toBe(17898);
  });

  it('formats and parses day keys', () => {
    expect(dayKeyOf(parseDayKey('2026-11-23'))).toBe('2026-11-23');
    expect(parseDayKey('2026-03-01') - parseDayKey('2026-02-28')).toBe(1);
    expect(parseDayKey('2024-03-01') - parseDayKey('2024-02-28')).toBe(2);
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-11-31',
      '26-11-01',
      '2026-11-1',
      '1991-12-31',
      '',
    ]) {
      expect(tryParseDayKey(bad)).toBeUndefined();
      expect(() => parseDayKey(bad, 'asOf')).toThrow(/asOf as a calendar date YYYY-MM-DD/);
    }
    expect(() => parseDayKey(undefined as unknown as string)).toThrow(/found undefined/);
  });

  it('gives the time of day in Shanghai whatever the host zone', () => {
    expect(msOfDay(toEpochMs('2026-11-01 08:00:00') as number)).toBe(8 * 3_600_000);
    expect(msOfDay(toEpochMs('2026-11-01 00:00:00') as number)).toBe(0);
    expect(msOfDay(toEpochMs('2026-11-01 23:59:59.999') as number)).toBe(DAY_MS - 1);
    expect(msOfDay(toEpochMs('1992-01-01 07:00:00') as number)).toBe(7 * 3_600_000);
  });
});

describe('toEpochMs', () => {
  const utc = Date.parse('2026-11-01T01:00:00Z');
  it.each([
    ['2026-11-01 09:00:00', utc],
    ['2026-11-01T09:00:00', utc],
    ['2026-11-01 09:00', utc],
    ['2026-11-01T09:00:00+08:00', utc],
    ['2026-11-01T01:00:00Z', utc],
    ['2026-11-01T01:00:00.000z', utc],
    ['2026-10-31T20:00:00-05:00', utc],
    ['2026-11-01T09:00:00+0800', utc],
    ['2026-11-01T09:00:00+08', utc],
    ['2026-11-01 09:00:00.5', utc + 500],
    ['2026-11-01 09:00:00.123456', utc + 123],
    [utc, utc],
    [new Date(utc), utc],
  ])('reads %s', (input, expected) => {
    expect(toEpochMs(input)).toBe(expected);
  });

  it.each([
    ['yesterday', /found "yesterday"/],
    ['2026-11-01', /ISO-8601/],
    ['2026-02-30 10:00:00', /ISO-8601/],
    ['2026-11-01 24:00:00', /ISO-8601/],
    ['2026-11-01 10:60:00', /ISO-8601/],
    ['2026-11-01T10:00:00+15:00', /ISO-8601/],
    [1.5, /integer/],
    [new Date(Number.NaN), /Invalid Date/],
    [null, /found null/],
    [{}, /found an object/],
    [[], /found an array/],
    [true, /found boolean true/],
    ['1991-12-31 23:59:59', /between 1992-01-01 and 2099-12-31/],
    [Date.UTC(2100, 0, 1), /between 1992-01-01 and 2099-12-31/],
  ])('rejects %s', (input, message) => {
    const r = toEpochMs(input);
    expect(typeof r).toBe('object');
    expect((r as { error: string }).error).toMatch(message);
  });
});

describe('windows', () => {
  it('reproduces the published chat window examples', () => {
    const chat = { fromDaysBack: 35, toDaysBack: 6 };
    expect(resolveWindow(parseDayKey('2021-12-22'), chat)).toEqual({
      from: '2021-11-17',
      to: '2021-12-16',
    });
    expect(resolveWindow(parseDayKey('2021-12-07'), chat)).toEqual({
      from: '2021-11-02',
      to: '2021-12-01',
    });
  });

  it('puts the as-of instant at D 00:00 Shanghai', () => {
    expect(new Date(asOfInstant(parseDayKey('2026-11-23'))).toISOString()).toBe(
      '2026-11-22T16:00:00.000Z',
    );
  });

  it('validates window specs', () => {
    expect(windowSpecProblem({ fromDaysBack: 30, toDaysBack: 1 })).toBeUndefined();
    expect(windowSpecProblem({ fromDaysBack: 30, toDaysBack: 0 })).toMatch(/toDaysBack ≥ 1/);
    expect(windowSpecProblem({ fromDaysBack: 3, toDaysBack: 5 })).toMatch(
      /fromDaysBack ≥ toDaysBack/,
    );
    expect(windowSpecProblem({ fromDaysBack: 1.5, toDaysBack: 1 })).toMatch(/whole days/);
  });
});

describe('edges, each pinned exactly', () => {
  const utc = Date.parse('2026-11-01T01:00:00Z');

  it('msOfDay of an instant before 1970 is still within the day', () => {
    expect(msOfDay(-8 * 3_600_000 - 1)).toBe(86_399_999);
    expect(msOfDay(-8 * 3_600_000)).toBe(0);
  });

  it.each([
    ['1992-01-01', 8035],
    ['2099-12-31', 47481],
    ['2024-02-29', 19782],
  ])('tryParseDayKey(%s) is day %i', (key, day) => {
    expect(tryParseDayKey(key)).toBe(day);
  });

  it.each([
    '1991-12-31',
    '2100-01-01',
    '0099-01-01',
    '2026-00-10',
    '2026-13-01',
    '2026-04-31',
    '2026-11-00',
    '2026-02-29',
    '2026-1-01',
  ])('tryParseDayKey(%s) is undefined', (key) => {
    expect(tryParseDayKey(key)).toBeUndefined();
  });

  it('parseDayKey words its error, quoting at most 60 characters', () => {
    expect(() => parseDayKey('2026-13-01')).toThrow(
      '[jd-weather-vane] Expected day as a calendar date YYYY-MM-DD between 1992 and 2099, found "2026-13-01"',
    );
    expect(() => parseDayKey('x'.repeat(100), 'asOf')).toThrow(
      `Expected asOf as a calendar date YYYY-MM-DD between 1992 and 2099, found "${'x'.repeat(60)}…"`,
    );
    // Exactly 60 characters are quoted whole.
    expect(() => parseDayKey('y'.repeat(60))).toThrow(`found "${'y'.repeat(60)}"`);
    expect(() => parseDayKey(undefined as unknown as string)).toThrow('found undefined');
    // Not a string, though it reads as one.
    const sly = { toString: () => '2026-11-01' } as unknown as string;
    expect(() => parseDayKey(sly)).toThrow('found {}');
  });

  it.each([
    [' 2026-11-01 09:00:00 ', utc],
    ['2026-11-01T09:59:00+08:59', utc],
    ['2026-11-01T01:00:00z', utc],
    ['2026-11-01T01:00:00+00', utc],
    ['2026-11-01T23:59:59+14:00', Date.parse('2026-11-01T09:59:59Z')],
    ['1992-01-01 00:00:00', EARLIEST_INSTANT_MS],
    ['2099-12-31 23:59:59.999', LATEST_INSTANT_MS - 1],
    [EARLIEST_INSTANT_MS, EARLIEST_INSTANT_MS],
  ])('toEpochMs(%s) is exact', (input, expected) => {
    expect(toEpochMs(input)).toBe(expected);
  });

  it.each([
    ['2026/11/23 10:00', Date.parse('2026-11-23T02:00:00Z')],
    ['2026/11/3 9:05:07', Date.parse('2026-11-03T01:05:07Z')],
    ['2026-11-03 9:05', Date.parse('2026-11-03T01:05:00Z')],
    ['2026-1-3 0:00', Date.parse('2026-01-02T16:00:00Z')],
    [' 2026/02/28 23:59:59.5 ', Date.parse('2026-02-28T15:59:59.500Z')],
  ])('toEpochMs(%s) takes the forms spreadsheets write, as Shanghai time', (input, expected) => {
    expect(toEpochMs(input)).toBe(expected);
  });

  it.each([
    ['2026/11/23'],
    ['23/11/2026 10:00'],
    ['11/23/2026 10:00'],
    ['2026/11-23 10:00'],
    ['2026/11/23T10:00'],
    ['2026/11/23 10:00+08:00'],
    ['2026/2/29 10:00'],
    ['2026/11/23 24:00'],
    ['2026/11/23 9:5'],
    ['46349.4'],
    ['2026-11-01T09:00:00+08:60'],
    ['2026-11-01 09:00:60'],
    ['2026-11-01 09:60:00'],
    ['2026-11-01 24:00:00'],
    ['2026-13-01 09:00:00'],
    ['2026-00-01 09:00:00'],
    ['2026-11-00 09:00:00'],
    ['2026-11-31 09:00:00'],
  ])('toEpochMs(%s) is an error naming the form', (input) => {
    expect(toEpochMs(input)).toEqual({
      error: `${FORMS}, found "${input}"`,
    });
  });

  it('toEpochMs takes a small number for a spreadsheet serial number', () => {
    expect(toEpochMs(46349)).toEqual({
      error:
        'expected an instant between 1992-01-01 and 2099-12-31 (Shanghai), found number 46349 (a spreadsheet serial number? format the column as a date first)',
    });
  });

  it('toEpochMs words an instant out of range by its input', () => {
    const range = 'expected an instant between 1992-01-01 and 2099-12-31 (Shanghai), found';
    expect(toEpochMs(EARLIEST_INSTANT_MS - 1)).toEqual({
      error: `${range} number ${EARLIEST_INSTANT_MS - 1}`,
    });
    expect(toEpochMs(LATEST_INSTANT_MS)).toEqual({ error: `${range} number ${LATEST_INSTANT_MS}` });
    expect(toEpochMs('1991-12-31 23:59:59')).toEqual({
      error: `${range} "1991-12-31 23:59:59"`,
    });
    expect(toEpochMs(new Date(Date.UTC(1900, 0, 1)))).toEqual({
      error: `${range} 1900-01-01T00:00:00.000Z`,
    });
    expect(toEpochMs('2026-11-01 09:00:00'.padEnd(70, 'x'))).toEqual({
      error: `${FORMS}, found "${'2026-11-01 09:00:00'.padEnd(60, 'x')}…"`,
    });
  });

  it('a window of one day is valid; a reversed one is not', () => {
    expect(windowSpecProblem({ fromDaysBack: 3, toDaysBack: 3 })).toBeUndefined();
    expect(windowSpecProblem({ fromDaysBack: 2, toDaysBack: 3 })).toBe(
      'expected fromDaysBack ≥ toDaysBack, found [D−2, D−3]',
    );
  });
});
