/**
 * The engine adds integer sums exactly, or refuses: sums past 2^53 − 1 (money in fen,
 * durations in ms) are an InvalidInputError naming the metric, never a rounded tally.
 */

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runEngine } from '../../src/engine/run.js';
import type { MeasureContext } from '../../src/engine/types.js';
import { InvalidInputError } from '../../src/errors.js';
import { evaluateDays, evaluateStore } from '../../src/evaluate/evaluate.js';
import { DEFAULT_MEASUREMENT_PARAMETERS } from '../../src/rules/measurement.js';
import { defaultRuleSet } from '../../src/ruleset/ruleSet.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { dayNumberOf, parseDayKey } from '../../src/time/shanghai.js';
import { sh, storeData } from '../_helpers.js';

const AS_OF = '2026-11-20';

describe('sums beyond exact integers', () => {
  const order = (id: string) => ({
    id,
    customerId: `c-${id}`,
    placedAt: '2026-11-01 09:00:00',
    paidAt: '2026-11-01 09:00:01',
    amount: '90000000000000.01',
  });
  const chat = {
    id: 's1',
    customerId: 'c-o0',
    messages: [
      { from: 'customer', at: '2026-10-31 10:00:00' },
      { from: 'agent', at: '2026-10-31 10:00:10' },
    ],
  };

  it('one order of 90 trillion yuan is summed exactly', () => {
    const data = parseStoreData({
      store: { id: 's' },
      orders: [order('o0')],
      chatSessions: [chat],
    });
    const m = evaluateStore(data, { asOf: AS_OF }).metrics['consultation.facilitated-amount-share'];
    expect([m.numerator?.toString(), m.denominator?.toString(), m.value?.toString()]).toEqual([
      '90000000000000.01',
      '90000000000000.01',
      '1',
    ]);
  });

  const refusal = (found: string) =>
    `expected the sums of consultation.facilitated-amount-share to stay at most 9007199254740991 (2^53 − 1, the largest integer added exactly), found ${found} (amounts in fen or durations in ms too large)`;

  it('two orders without a chat pass 2^53 fen in the denominator alone: refused', () => {
    const data = parseStoreData({ store: { id: 's' }, orders: [order('o0'), order('o1')] });
    expect(() => evaluateStore(data, { asOf: AS_OF })).toThrow(refusal('18000000000000002'));
  });

  it('two of them pass 2^53 fen: InvalidInputError naming the metric, never a rounded sum', () => {
    const data = parseStoreData({
      store: { id: 's' },
      orders: [order('o0'), order('o1')],
      chatSessions: [chat],
    });
    expect(() => evaluateStore(data, { asOf: AS_OF })).toThrow(InvalidInputError);
    try {
      evaluateStore(data, { asOf: AS_OF });
    } catch (e) {
      expect((e as InvalidInputError).issues).toEqual([
        {
          path: '',
          message:
            'expected the sums of consultation.facilitated-amount-share to stay at most 9007199254740991 (2^53 − 1, the largest integer added exactly), found 18000000000000002 (amounts in fen or durations in ms too large)',
        },
      ]);
    }
  });
});

describe('sums of durations beyond exact integers', () => {
  it('8 500 repairs each 34 years long pass 2^53 ms in the numerator alone: refused', () => {
    const n = 8500;
    const data = parseStoreData({
      store: { id: 's' },
      orders: Array.from({ length: n }, (_, i) => ({
        id: `o${i}`,
        customerId: `c${i}`,
        placedAt: '1992-01-02 00:00:00',
        paidAt: '1992-01-02 00:00:01',
        amount: 1,
      })),
      serviceOrders: Array.from({ length: n }, (_, i) => ({
        id: `s${i}`,
        orderId: `o${i}`,
        type: 'repair',
        reason: 'no-reason',
        appliedAt: '1992-01-03 00:00:00',
        approvedAt: '1992-01-03 00:00:01',
        completedAt: '2026-11-10 00:00:00',
      })),
    });
    expect(() => evaluateStore(data, { asOf: AS_OF })).toThrow(
      'expected the sums of after-sales.duration to stay at most 9007199254740991 (2^53 − 1, the largest integer added exactly), found 9348912000000000 (amounts in fen or durations in ms too large)',
    );
  });
});

describe('data that did not come from parseStoreData', () => {
  const tail =
    ': parse the raw input first, as in evaluateStore(parseStoreData(JSON.parse(text)), { asOf })';
  const refused = (found: string) =>
    `[jd-weather-vane] Expected store data returned by parseStoreData (or safeParseStoreData, parseStoreDataLenient, storeDataSchema), found ${found}${tail}`;

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    ['{"store":{"id":"s"}}', 'a string'],
    [{ store: { id: 's' } }, 'an object that did not come from parseStoreData'],
  ])('%j is refused with what was found', (data, found) => {
    expect(() =>
      evaluateStore(data as unknown as Parameters<typeof evaluateStore>[0], { asOf: AS_OF }),
    ).toThrow(refused(found));
  });
});

describe('a calendar-month slot', () => {
  const at = sh('2026-10-15 10:00');
  const family = {
    build: () => [{ entityId: 'e', minMs: at, maxMs: at, viewAt: () => null }],
  };
  const slot = (fn: (v: unknown, ctx: MeasureContext, s: number) => void) => ({
    name: 'monthly',
    window: 'previous-calendar-month' as const,
    anchorLagDays: 0,
    measure: { f: fn },
  });

  it('counts an anchor of October on every day of November, measured as of 11-01', () => {
    const from = parseDayKey('2026-10-31');
    const run = runEngine(
      storeData(),
      [slot((_v, ctx, s) => ctx.add(s, dayNumberOf(at), 1, 1))],
      { f: family },
      DEFAULT_MEASUREMENT_PARAMETERS,
      from,
      parseDayKey('2026-12-01'),
    );
    const den = Array.from(run.denominators[0] as Float64Array);
    // 10-31: September is assessed; 11-01 … 11-30: October; 12-01: November.
    expect(den).toEqual([0, ...Array(30).fill(1), 0]);
    // A range starting inside November still assesses October from 11-01.
    const mid = runEngine(
      storeData(),
      [slot((_v, ctx, s) => ctx.add(s, dayNumberOf(at), 1, 1))],
      { f: family },
      DEFAULT_MEASUREMENT_PARAMETERS,
      parseDayKey('2026-11-20'),
      parseDayKey('2026-11-20'),
    );
    expect(Array.from(mid.denominators[0] as Float64Array)).toEqual([1]);
  });

  it('refuses inWindow: a month slot takes add() only', () => {
    const day = parseDayKey('2026-11-10');
    expect(() =>
      runEngine(
        storeData(),
        [slot((_v, ctx, s) => void ctx.inWindow(s, dayNumberOf(at)))],
        { f: family },
        DEFAULT_MEASUREMENT_PARAMETERS,
        day,
        day,
      ),
    ).toThrow(/takes add\(\) only/);
  });
});

describe('the trace', () => {
  it('gives every contribution the evaluation days it counts on, within the range evaluated', () => {
    const json = JSON.parse(
      readFileSync(new URL('../../examples/sample-store.json', import.meta.url), 'utf8'),
    );
    const data = parseStoreData(json);
    const from = parseDayKey('2026-11-01');
    const to = parseDayKey('2026-11-10');
    const spans: [number, number][] = [];
    // With a ranking, the standing's month slots are measured too: they count to a month's end.
    evaluateDays(data, from, to, defaultRuleSet, { ranking: { rate: 0.5 } }, (c) =>
      spans.push([c.from, c.to]),
    );
    expect(spans.length).toBeGreaterThan(1000);
    expect(spans.filter(([a, b]) => a < from || b > to || a > b)).toEqual([]);
    // Many contributions would count past the range's last day (a month slot's until the 30th):
    // the trace says they stop there.
    expect(spans.filter(([, b]) => b === to).length).toBeGreaterThan(100);
  });
});
