/**
 * The parsed store held column-wise (`src/_packed.ts`): its records, read as arrays, are the
 * very records the parsers give (same keys, same order, same values); evaluating reads the
 * columns without building the arrays; and once a collection is read as an array (and so may
 * be changed), every reader takes the array. Results never depend on which form is read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateStore } from '../../bench/generate/index.js';
import { openDeadlines } from '../../src/advice/deadlines.js';
import { forecast } from '../../src/advice/forecast.js';
import { evaluateHistory, evaluateStore } from '../../src/evaluate/evaluate.js';
import {
  collectionLength,
  isParsedStoreData,
  latestFactMs,
  type StoreData,
} from '../../src/model.js';
import { parseRecord, parseStoreData, parseStoreDataLenient } from '../../src/schemas/parse.js';
import { chatStageCounts, dataSpan } from '../../src/scorecard/dataSummary.js';

const raw = JSON.parse(
  readFileSync(new URL('../../examples/sample-store.json', import.meta.url), 'utf8'),
) as Record<string, unknown[]>;

const LARGE = ['chatSessions', 'orders', 'reviews'] as const;

/** The same data with every collection a plain array (a spread builds them all). */
function asArrays(data: StoreData): StoreData {
  return { ...data };
}

/** Whether `data.c` is still a getter over the columns (not built as an array). */
function stillColumns(data: StoreData, c: string): boolean {
  return Object.getOwnPropertyDescriptor(data, c)?.get !== undefined;
}

describe('a parsed store held column-wise', () => {
  it('gives, read as arrays, the records the parsers give: same keys, order and values', () => {
    const data = parseStoreData(raw);
    for (const c of LARGE) {
      expect(raw[c]?.length, c).toBeGreaterThan(10);
      const got = data[c] as readonly unknown[];
      expect(got.length).toBe(raw[c]?.length);
      got.forEach((r, i) => {
        const want = parseRecord(c, raw[c]?.[i]);
        expect(r, `${c}[${i}]`).toStrictEqual(want);
        expect(Object.keys(r as object), `${c}[${i}]`).toEqual(Object.keys(want as object));
        expect(JSON.stringify(r)).toBe(JSON.stringify(want));
      });
    }
  });

  it('keeps the top-level keys in their order, notProvided included', () => {
    const data = parseStoreData({ store: { id: 's' }, orders: [] });
    expect(Object.keys(data)).toEqual([
      'store',
      'chatSessions',
      'orders',
      'reviews',
      'serviceOrders',
      'disputes',
      'assuredServices',
      'notProvided',
    ]);
    expect(data.notProvided).toEqual([
      'chatSessions',
      'reviews',
      'serviceOrders',
      'disputes',
      'assuredServices',
    ]);
    expect(JSON.parse(JSON.stringify(data))).toEqual({
      store: { id: 's' },
      chatSessions: [],
      orders: [],
      reviews: [],
      serviceOrders: [],
      disputes: [],
      assuredServices: [],
      notProvided: ['chatSessions', 'reviews', 'serviceOrders', 'disputes', 'assuredServices'],
    });
  });

  it('is evaluated, over a history, a forecast and deadlines, without building its arrays', () => {
    const data = parseStoreData(raw);
    evaluateStore(data, { asOf: '2026-11-23' });
    evaluateHistory(data, { from: '2026-11-01', to: '2026-11-23' });
    forecast(data, { knownAt: '2026-11-23 00:00:00', days: 5 });
    for (const c of LARGE) expect(stillColumns(data, c), c).toBe(true);
    expect(collectionLength(data, 'orders')).toBe(raw.orders?.length);
    expect(latestFactMs(data)).toBeGreaterThan(0);
    openDeadlines(data, { at: '2026-11-23 10:00:00' });
    dataSpan(data);
    chatStageCounts(data, { asOf: '2026-11-23' });
    for (const c of LARGE) expect(stillColumns(data, c), c).toBe(true);
    // Read as an array, it is built once.
    expect(data.orders).toBe(data.orders);
    expect(stillColumns(data, 'orders')).toBe(false);
  });

  it.each([1, 2, 3])(
    'gives the results of the same records as arrays (generated store, seed %i)',
    (seed) => {
      const input = generateStore({
        seed,
        endDay: '2026-03-10',
        days: 150,
        ordersPerDay: 8 + seed,
      });
      const data = parseStoreData(input);
      // A spread reads (and so builds) every collection of its own parse.
      const arrays = asArrays(parseStoreData(input));
      for (const c of LARGE) expect(stillColumns(arrays, c), c).toBe(false);
      expect(isParsedStoreData(arrays)).toBe(true);
      for (const asOf of ['2026-03-11', '2026-02-01', '2025-12-20'])
        expect(evaluateStore(data, { asOf }), asOf).toEqual(evaluateStore(arrays, { asOf }));
      expect(evaluateHistory(data, { from: '2026-01-20', to: '2026-03-11' })).toEqual(
        evaluateHistory(arrays, { from: '2026-01-20', to: '2026-03-11' }),
      );
      for (const knownAt of ['2026-03-11 00:00:00', '2026-03-05 18:30:00', '2026-02-14 12:00:05'])
        expect(forecast(data, { knownAt, days: 7 }), knownAt).toEqual(
          forecast(arrays, { knownAt, days: 7 }),
        );
      for (const asOf of ['2026-03-11', '2026-02-01'])
        expect(chatStageCounts(data, { asOf })).toEqual(chatStageCounts(arrays, { asOf }));
      expect(dataSpan(data)).toEqual(dataSpan(arrays));
      for (const c of LARGE) expect(stillColumns(data, c), c).toBe(true);
    },
  );

  it('takes the array once it is read and changed: a record pushed counts', () => {
    const data = parseStoreData(raw);
    const before = evaluateStore(data, { asOf: '2026-11-23' });
    const orders = data.orders as unknown[];
    const reviews = data.reviews as unknown[];
    const good = parseRecord('reviews', {
      id: 'r-extra',
      customerId: 'c-extra',
      createdAt: '2026-11-20 10:00:00',
      stars: 1,
    });
    reviews.push(good);
    expect(orders.length).toBe(raw.orders?.length);
    const after = evaluateStore(data, { asOf: '2026-11-23' });
    const id = 'reviews.negative-rate';
    const den = (card: typeof before) => Number(String(card.metrics[id]?.denominator));
    expect(den(before)).toBeGreaterThan(0);
    expect(den(after)).toBe(den(before) + 1);
    // The note of the latest fact is void once a collection grows.
    expect(latestFactMs(data)).toBeUndefined();
  });

  it('takes an array assigned in place of a collection', () => {
    const data = parseStoreData(raw) as { -readonly [K in keyof StoreData]: StoreData[K] };
    data.chatSessions = [];
    expect(data.chatSessions).toEqual([]);
    const card = evaluateStore(data, { asOf: '2026-11-23' });
    expect(card.metrics['consultation.response-rate-30s']?.status).toBe('no-data');
  });

  it('keeps only the accepted records when lenient', () => {
    const orders = raw.orders as Record<string, unknown>[];
    const input = {
      ...raw,
      orders: [...orders.slice(0, 3), { ...orders[3], placedAt: 'never' }, ...orders.slice(4)],
    };
    // orders[3] fails alone (never in the columns), orders[6] by a duplicate id (in the columns,
    // then dropped), and so do the records after them shift by one row, then two.
    (input.orders as Record<string, unknown>[])[6] = { ...orders[6], id: orders[5]?.id };
    const { data, rejected } = parseStoreDataLenient(input);
    expect(rejected.map((r) => [r.collection, r.index])).toEqual(
      expect.arrayContaining([
        ['orders', 3],
        ['orders', 6],
      ]),
    );
    const kept = data.orders.map((o) => o.id);
    expect(kept).not.toContain(orders[3]?.id);
    expect(kept).not.toContain(orders[6]?.id);
    const want = (input.orders as { id: string }[])
      .filter((_, i) => i !== 3 && i !== 6)
      .map((o) => o.id);
    expect(kept.slice(0, want.length)).toEqual(want.slice(0, kept.length));
    expect(data.orders).toEqual(
      (input.orders as unknown[])
        .filter((_, i) => i !== 3 && i !== 6)
        .map((o) => parseRecord('orders', o)),
    );
  });

  it('is frozen without harm: a frozen store still reads and evaluates', () => {
    const data = Object.freeze(parseStoreData(raw));
    expect(evaluateStore(data, { asOf: '2026-11-23' })).toEqual(
      evaluateStore(parseStoreData(raw), { asOf: '2026-11-23' }),
    );
  });
});
