import { describe, expect, it } from 'vitest';
import {
  describeValue,
  instantSchema,
  moneySchema,
  optionalInstantSchema,
  showInstant,
  yuanToFen,
} from '../../src/schemas/_common.js';
import { fastInstant, fastInstantString } from '../../src/schemas/_fast.js';

const NINE_SHANGHAI = Date.UTC(2026, 10, 1, 1, 0, 0); // 2026-11-01 09:00:00 in Shanghai

function issuesOf(r: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return r.success ? [] : (r.error?.issues.map((i) => i.message) ?? []);
}

describe('instants', () => {
  it.each([
    ['offset', '2026-11-01T09:00:00+08:00'],
    ['offset without colon', '2026-11-01T09:00:00+0800'],
    ['Z', '2026-11-01T01:00:00Z'],
    ['negative offset', '2026-10-31T20:00:00-05:00'],
    ['offset-less with space (Shanghai)', '2026-11-01 09:00:00'],
    ['offset-less with T (Shanghai)', '2026-11-01T09:00:00'],
    ['offset-less without seconds', '2026-11-01 09:00'],
    ['epoch ms', NINE_SHANGHAI],
    ['Date', new Date(NINE_SHANGHAI)],
  ])('accepts %s', (_, input) => {
    expect(instantSchema.parse(input)).toBe(NINE_SHANGHAI);
    expect(fastInstant(input)).toBe(NINE_SHANGHAI);
  });

  it('reads offset-less strings as Shanghai time whatever the host zone', () => {
    expect(instantSchema.parse('2026-11-02 00:00:00')).toBe(Date.UTC(2026, 10, 1, 16));
    expect(instantSchema.parse('2026-11-01 23:59:59.999')).toBe(
      Date.UTC(2026, 10, 1, 15, 59, 59, 999),
    );
  });

  it.each([
    ['a date without time', '2026-11-01', 'expected an instant: ISO-8601'],
    ['garbage', 'yesterday', 'found "yesterday"'],
    ['a fraction of a ms', 1.5, 'expected epoch milliseconds as an integer, found 1.5'],
    [
      'an instant before 1992',
      '1991-12-31 23:59:59',
      'expected an instant between 1992-01-01 and 2099-12-31',
    ],
    [
      'an instant after 2099',
      '2100-01-01 00:00:00',
      'expected an instant between 1992-01-01 and 2099-12-31',
    ],
    ['an invalid Date', new Date(Number.NaN), 'expected a valid Date, found an Invalid Date'],
    ['a boolean', true, 'expected an instant (string, epoch ms or Date), found boolean true'],
    [
      'nothing',
      undefined,
      'expected an instant (ISO-8601 string, epoch ms or Date), found nothing',
    ],
    ['February 30th', '2026-02-30 09:00:00', 'found "2026-02-30 09:00:00"'],
  ])('rejects %s', (_, input, message) => {
    const r = instantSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(issuesOf(r)[0]).toContain(message);
    expect(fastInstant(input)).toBe(-1);
  });

  it('optional instants take absent and null as none', () => {
    expect(optionalInstantSchema.parse(undefined)).toBeUndefined();
    expect(optionalInstantSchema.parse(null)).toBeUndefined();
    expect(optionalInstantSchema.parse('2026-11-01 09:00:00')).toBe(NINE_SHANGHAI);
    expect(issuesOf(optionalInstantSchema.safeParse('x'))[0]).toContain('found "x"');
  });

  it('fast string parsing declines rare forms instead of misreading them', () => {
    expect(fastInstantString('2026-11-01 09:00')).toBe(-1);
    expect(fastInstantString('2026-11-01 09:00:00.5')).toBe(-1);
    expect(fastInstantString('2026-11-01 09:00:00z')).toBe(-1);
    expect(fastInstantString('2026-11-01 09:00:00 +08:00')).toBe(-1);
    expect(fastInstantString('2026-11-01 09:00:00+15:00')).toBe(-1);
    expect(fastInstantString('2026-11-01 24:00:00')).toBe(-1);
    expect(fastInstantString('2024-02-29 09:00:00.123Z')).toBe(Date.UTC(2024, 1, 29, 9, 0, 0, 123));
    expect(fastInstantString('2023-02-29 09:00:00')).toBe(-1);
    expect(fastInstantString('2026/11/01 09:00:00')).toBe(-1);
    expect(fastInstantString('2026-11-01 09:00:00.12a')).toBe(-1);
    expect(fastInstantString('2026-11-01 09:00:00.1')).toBe(-1);
  });

  it('shows instants in Shanghai time in messages', () => {
    expect(showInstant(NINE_SHANGHAI)).toBe('2026-11-01 09:00:00 (Shanghai)');
    expect(showInstant(NINE_SHANGHAI + 5)).toBe('2026-11-01 09:00:00.005 (Shanghai)');
  });
});

describe('money', () => {
  it.each([
    [0, 0],
    ['0', 0],
    ['0.1', 10],
    [0.1, 10],
    [19.99, 1999],
    ['19.99', 1999],
    ['100', 10000],
    [100, 10000],
    ['19.9900', 1999],
    [' 5.5 ', 550],
    ['5.', 500],
    [0.29, 29],
    [1.15, 115],
    [4.35, 435],
    [-0, 0],
    ['90000000000000', 9_000_000_000_000_000],
  ])('%j yuan is %d fen exactly', (input, fen) => {
    expect(moneySchema.parse(input)).toBe(fen);
    expect(yuanToFen(input)).toBe(fen);
  });

  it.each([
    ['1.005', 'expected money in yuan with at most two decimals, found "1.005"'],
    [1.005, 'expected money in yuan with at most two decimals, found 1.005'],
    [-1, 'expected money in yuan with at most two decimals, never negative, found -1'],
    ['-0.5', 'never negative, found "-0.5"'],
    [
      '1e3',
      'expected money in yuan with at most two decimals (plain decimal digits, like "19.99"), found "1e3"',
    ],
    [1e21, 'found 1e+21'],
    [1e-7, 'found 1e-7'],
    [Number.NaN, 'expected money in yuan with at most two decimals (a finite number), found NaN'],
    [Number.POSITIVE_INFINITY, '(a finite number), found Infinity'],
    ['', 'found ""'],
    ['¥5', 'found "¥5"'],
    [null, '(a string or number), found null'],
    [undefined, '(a string or number), found nothing'],
    ['900000000000000000', 'at most 90 trillion'],
  ])('rejects %j', (input, message) => {
    const r = moneySchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(issuesOf(r)[0]).toContain(message);
  });
});

describe('describeValue', () => {
  it('says what was found', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('null');
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue('x'.repeat(70))).toBe(JSON.stringify(`${'x'.repeat(60)}…`));
    expect(describeValue(3)).toBe('3');
    expect(describeValue(false)).toBe('false');
    expect(describeValue(3n)).toBe('3n');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(describeValue(new Date(Number.NaN))).toBe('an Invalid Date');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue(Symbol('s'))).toBe('a symbol');
  });
});
