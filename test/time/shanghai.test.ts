import { TZDate, tz } from '@date-fns/tz';
import { format, startOfDay } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  dayKeyOf,
  dayNumberOf,
  dayStartMs,
  msOfDay,
  parseDayKey,
  toEpochMs,
  tryParseDayKey,
} from '../../src/time/shanghai.js';
import { asOfInstant, resolveWindow, windowSpecProblem } from '../../src/time/window.js';

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
