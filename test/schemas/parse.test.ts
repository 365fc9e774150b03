import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import {
  parseStoreData,
  parseStoreDataLenient,
  safeParseStoreData,
} from '../../src/schemas/parse.js';
import {
  crossRecordProblems,
  STORE_DATA_COLLECTIONS,
  storeDataSchema,
} from '../../src/schemas/storeData.js';

const T0 = Date.UTC(2026, 10, 1, 1); // 2026-11-01 09:00:00 Shanghai
const H = 3_600_000;

const order = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  customerId: 'c1',
  placedAt: T0,
  amount: '10.50',
  ...extra,
});
const session = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  customerId: 'c1',
  messages: [{ from: 'customer', at: '2026-11-01 09:00:00' }],
  ...extra,
});

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseStoreData(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).issues.map((i) => ({ path: i.path, message: i.message }));
  }
  throw new Error('expected parseStoreData to throw');
}

describe('parseStoreData', () => {
  it('normalises a whole store; absent and null collections are [] and named not provided', () => {
    const data = parseStoreData({
      store: { id: 's1', name: '店' },
      orders: [order('o1', { paidAt: '2026-11-01T01:05:00Z' })],
      chatSessions: [session('s1')],
      reviews: null,
      serviceOrders: [
        { id: 'so1', orderId: 'o1', type: 'repair', reason: 'other', appliedAt: T0 + H },
      ],
      disputes: [{ id: 'd1', orderId: 'o1', openedAt: new Date(T0 + H) }],
      assuredServices: [{ service: 'price-protection', enabledAt: T0 }],
    });
    expect(data.store).toStrictEqual({ id: 's1', name: '店', category: undefined });
    expect(data.orders[0]).toMatchObject({
      id: 'o1',
      paidAt: T0 + 300_000,
      amountFen: 1050,
      units: 1,
    });
    expect(data.chatSessions[0]?.messages).toStrictEqual([{ from: 'customer', at: T0 }]);
    expect(data.reviews).toEqual([]);
    expect(data.serviceOrders).toHaveLength(1);
    expect(data.disputes[0]?.openedAt).toBe(T0 + H);
    expect(data.assuredServices).toHaveLength(1);
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
    // null is no list: not provided, like an absent key; an empty list is provided (none).
    expect(data.notProvided).toEqual(['reviews']);
    expect(parseStoreData({ store: { id: 's1' } }).orders).toEqual([]);
  });

  it('names the collections not provided, in every parser; empty lists are provided', () => {
    const input = { store: { id: 's1' }, orders: [], reviews: [], chatSessions: null };
    const expected = ['chatSessions', 'serviceOrders', 'disputes', 'assuredServices'];
    expect(parseStoreData(input).notProvided).toEqual(expected);
    const safe = safeParseStoreData(input);
    expect(safe.success && safe.data.notProvided).toEqual(expected);
    expect(parseStoreDataLenient(input).data.notProvided).toEqual(expected);
    expect(storeDataSchema.parse(input).notProvided).toEqual(expected);
    const all = Object.fromEntries(STORE_DATA_COLLECTIONS.map((c) => [c, []]));
    expect('notProvided' in parseStoreData({ store: { id: 's1' }, ...all })).toBe(false);
    expect('notProvided' in storeDataSchema.parse({ store: { id: 's1' }, ...all })).toBe(false);
    // A spread keeps the mark.
    expect({ ...parseStoreData(input), orders: [] }.notProvided).toEqual(expected);
  });

  it('falls back to the schema for rarer forms (and gets the same result)', () => {
    const data = parseStoreData({
      store: { id: 's1' },
      orders: [order('o1', { placedAt: '2026-11-01 09:00', paidAt: '2026-11-01t01:00:00z' })],
    });
    expect(data.orders[0]?.placedAt).toBe(T0);
    expect(data.orders[0]?.paidAt).toBe(T0);
  });

  it('lists every problem with exact paths: 3 bad fields give 3 issues, two bad records give both', () => {
    expect(
      issuesOf({
        store: { id: 's1' },
        orders: [
          order('o1'),
          order('o2', { paidAt: 'x', amount: -1, units: 0 }),
          order('o3'),
          order('o4', { amount: '1.005' }),
        ],
        chatSessions: [
          session('s1'),
          session('s2'),
          session('s3'),
          session('s4', { messages: [{ from: 'customer', at: 'x' }] }),
        ],
      }),
    ).toEqual([
      { path: 'chatSessions[3].messages[0].at', message: expect.stringContaining('found "x"') },
      { path: 'orders[1].paidAt', message: expect.stringContaining('found "x"') },
      {
        path: 'orders[1].amount',
        message: 'expected money in yuan with at most two decimals, never negative, found -1',
      },
      { path: 'orders[1].units', message: 'expected units as a positive integer, found 0' },
      {
        path: 'orders[3].amount',
        message: 'expected money in yuan with at most two decimals, found "1.005"',
      },
    ]);
  });

  it('reports the root, the store and collections that are not arrays', () => {
    expect(issuesOf(null)).toEqual([
      {
        path: '',
        message:
          'expected store data as an object { store, chatSessions?, orders?, … }, found null',
      },
    ]);
    expect(issuesOf([])).toHaveLength(1);
    expect(issuesOf({})).toEqual([
      {
        path: 'store',
        message: 'expected the store as an object { id, name?, category? }, found nothing',
      },
    ]);
    expect(issuesOf({ store: { id: 7 }, orders: {}, reviews: 'none' })).toEqual([
      { path: 'store.id', message: 'expected a non-empty string id, found 7' },
      { path: 'orders', message: 'expected orders as an array of orders, found an object' },
      { path: 'reviews', message: 'expected reviews as an array of reviews, found "none"' },
    ]);
    expect(issuesOf({ store: { id: 's', category: { level1: 1 } } })).toEqual([
      { path: 'store.category.level1', message: 'expected a string or nothing, found 1' },
    ]);
    expect(issuesOf({ store: { id: 's' }, orders: [5] })).toEqual([
      { path: 'orders[0]', message: 'expected an order object, found 5' },
    ]);
  });

  it('finds duplicate ids in every collection with ids', () => {
    expect(
      issuesOf({
        store: { id: 's1' },
        orders: [order('o0'), order('o1'), order('o1'), order('o2'), order('o1')],
        chatSessions: [session('x'), session('x')],
        reviews: [
          { id: 'r', customerId: 'c', createdAt: T0, stars: 3 },
          { id: 'r', customerId: 'c', createdAt: T0, stars: 3 },
        ],
        serviceOrders: [
          { id: 'so', orderId: 'o0', type: 'return', reason: 'quality', appliedAt: T0 },
          { id: 'so', orderId: 'o0', type: 'return', reason: 'quality', appliedAt: T0 },
        ],
        disputes: [
          { id: 'd', orderId: 'o0', openedAt: T0 },
          { id: 'd', orderId: 'o0', openedAt: T0 },
        ],
      }),
    ).toEqual([
      { path: 'chatSessions[1].id', message: 'duplicate id "x", first at chatSessions[0]' },
      { path: 'orders[2].id', message: 'duplicate id "o1", first at orders[1]' },
      { path: 'orders[4].id', message: 'duplicate id "o1", first at orders[1]' },
      { path: 'reviews[1].id', message: 'duplicate id "r", first at reviews[0]' },
      { path: 'serviceOrders[1].id', message: 'duplicate id "so", first at serviceOrders[0]' },
      { path: 'disputes[1].id', message: 'duplicate id "d", first at disputes[0]' },
    ]);
  });

  it('finds references to unknown orders (a review only when it has an orderId)', () => {
    expect(
      issuesOf({
        store: { id: 's1' },
        orders: [order('o1')],
        reviews: [
          { id: 'r1', customerId: 'c', createdAt: T0, stars: 3 },
          { id: 'r2', customerId: 'c', createdAt: T0, stars: 3, orderId: 'o1' },
          { id: 'r3', customerId: 'c', createdAt: T0, stars: 3, orderId: 'o7' },
        ],
        serviceOrders: [
          { id: 'so', orderId: 'o8', type: 'return', reason: 'quality', appliedAt: T0 },
        ],
        disputes: [{ id: 'd', orderId: 'o9', openedAt: T0 }],
      }),
    ).toEqual([
      {
        path: 'reviews[2].orderId',
        message: 'expected the id of an order in orders, found "o7" (no such order)',
      },
      {
        path: 'serviceOrders[0].orderId',
        message: 'expected the id of an order in orders, found "o8" (no such order)',
      },
      {
        path: 'disputes[0].orderId',
        message: 'expected the id of an order in orders, found "o9" (no such order)',
      },
    ]);
  });

  it('groups a record’s own and cross-record issues by record', () => {
    expect(
      issuesOf({
        store: { id: 's' },
        orders: [order('o1'), order('o1', { amount: 'x' }), order('o2', { amount: 'y' })],
      }).map((i) => i.path),
    ).toEqual(['orders[1].amount', 'orders[1].id', 'orders[2].amount']);
  });

  it('an invalid order still counts as known for references (its id is there)', () => {
    expect(
      issuesOf({
        store: { id: 's' },
        orders: [order('o1', { amount: 'x' })],
        disputes: [{ id: 'd', orderId: 'o1', openedAt: T0 }],
      }).map((i) => i.path),
    ).toEqual(['orders[0].amount']);
  });

  it('crossRecordProblems reads raw collections and skips unreadable ids', () => {
    expect(
      crossRecordProblems({
        orders: [null, { id: 3 }, { id: '' }, 'x'],
        disputes: [{ orderId: 3 }],
      }),
    ).toEqual([]);
    expect(
      crossRecordProblems({ orders: undefined, reviews: [{ id: 'r', orderId: 'o' }] }),
    ).toHaveLength(1);
  });

  it('the error message lists the issues', () => {
    expect(() => parseStoreData({ store: {} })).toThrow(
      /store\.id: expected a non-empty string id, found nothing/,
    );
  });
});

describe('safeParseStoreData', () => {
  it('returns data or the error', () => {
    const ok = safeParseStoreData({ store: { id: 's1' } });
    expect(ok.success && ok.data.store.id).toBe('s1');
    const bad = safeParseStoreData({ store: { id: 's1' }, orders: [{ id: 'o1' }] });
    expect(bad.success).toBe(false);
    if (!bad.success) {
      expect(bad.error).toBeInstanceOf(InvalidInputError);
      expect(bad.error.code).toBe('invalid_input');
      expect(bad.error.issues.map((i) => i.path)).toEqual([
        'orders[0].customerId',
        'orders[0].placedAt',
        'orders[0].amount',
      ]);
    }
    const root = safeParseStoreData('nope');
    expect(root.success).toBe(false);
  });
});

describe('parseStoreDataLenient', () => {
  it('sets bad records aside with their index, raw record and issues', () => {
    const badOrder = order('o2', { paidAt: T0 - 1 });
    const badSession = session('s2', { ratedAt: T0 + 60_000 });
    const { data, rejected } = parseStoreDataLenient({
      store: { id: 's1' },
      orders: [order('o1'), badOrder, order('o3')],
      chatSessions: [session('s1'), badSession],
    });
    expect(data.orders.map((o) => o.id)).toEqual(['o1', 'o3']);
    expect(data.chatSessions.map((s) => s.id)).toEqual(['s1']);
    expect(rejected).toEqual([
      {
        collection: 'chatSessions',
        index: 1,
        record: badSession,
        issues: [
          {
            path: 'chatSessions[1].rating',
            message: 'expected a rating with ratedAt, found nothing',
          },
        ],
      },
      {
        collection: 'orders',
        index: 1,
        record: badOrder,
        issues: [
          {
            path: 'orders[1].paidAt',
            message: expect.stringContaining('impossible order of events'),
          },
        ],
      },
    ]);
    expect(rejected[1]?.record).toBe(badOrder);
  });

  it('rejects the later duplicates and references to unknown or rejected orders', () => {
    const { data, rejected } = parseStoreDataLenient({
      store: { id: 's1' },
      orders: [order('o1'), order('o1', { customerId: 'c2' }), order('o2', { amount: 'bad' })],
      disputes: [
        { id: 'd1', orderId: 'o1', openedAt: T0 },
        { id: 'd2', orderId: 'o2', openedAt: T0 },
        { id: 'd3', orderId: 'o9', openedAt: T0 },
      ],
      reviews: [{ id: 'r1', customerId: 'c', createdAt: T0, stars: 1, orderId: 'o2' }],
      serviceOrders: [
        { id: 'so', orderId: 'o2', type: 'return', reason: 'quality', appliedAt: 'x' },
      ],
    });
    expect(data.orders).toHaveLength(1);
    expect(data.orders[0]?.customerId).toBe('c1');
    expect(data.disputes.map((d) => d.id)).toEqual(['d1']);
    expect(data.reviews).toEqual([]);
    expect(data.serviceOrders).toEqual([]);
    expect(rejected.map((r) => [r.collection, r.index, r.issues.map((i) => i.path)])).toEqual([
      ['orders', 1, ['orders[1].id']],
      ['orders', 2, ['orders[2].amount']],
      ['reviews', 0, ['reviews[0].orderId']],
      ['serviceOrders', 0, ['serviceOrders[0].appliedAt']],
      ['disputes', 1, ['disputes[1].orderId']],
      ['disputes', 2, ['disputes[2].orderId']],
    ]);
    expect(rejected[4]?.issues[0]?.message).toBe(
      'expected the id of an accepted order, found "o2" (orders[2] was rejected)',
    );
  });

  it('keeps a reference to an id whose first order was rejected but a duplicate… also rejected', () => {
    // o1 appears twice: the first is bad, the second is a duplicate: both rejected, so the dispute dangles.
    const { data, rejected } = parseStoreDataLenient({
      store: { id: 's1' },
      orders: [order('o1', { amount: 'bad' }), order('o1')],
      disputes: [{ id: 'd1', orderId: 'o1', openedAt: T0 }],
    });
    expect(data.orders).toEqual([]);
    expect(data.disputes).toEqual([]);
    expect(rejected.map((r) => `${r.collection}[${r.index}]`)).toEqual([
      'orders[0]',
      'orders[1]',
      'disputes[0]',
    ]);
  });

  it('still throws for problems not about one record', () => {
    expect(() => parseStoreDataLenient(null)).toThrow(InvalidInputError);
    expect(() => parseStoreDataLenient({ store: { id: '' } })).toThrow(InvalidInputError);
    expect(() => parseStoreDataLenient({ store: { id: 's' }, orders: 'x' })).toThrow(
      /orders: expected orders as an array/,
    );
    expect(parseStoreDataLenient({ store: { id: 's' } }).rejected).toEqual([]);
  });
});

describe('a JSON export (test/fixtures/schema-store.json)', () => {
  it('parses with nulls as "not set", defaults, sorted messages and exact money', async () => {
    const { readFile } = await import('node:fs/promises');
    const raw: unknown = JSON.parse(
      await readFile(new URL('../fixtures/schema-store.json', import.meta.url), 'utf8'),
    );
    const data = parseStoreData(raw);
    const shanghai = (y: number, mo: number, d: number, h: number, mi = 0, s = 0) =>
      Date.UTC(y, mo - 1, d, h - 8, mi, s);
    expect(data.store.category).toStrictEqual({ level1: '家用电器', level2: '厨房小电' });
    expect(data.orders[0]).toStrictEqual({
      id: '250001',
      customerId: 'u1',
      placedAt: shanghai(2026, 11, 1, 9),
      paidAt: shanghai(2026, 11, 1, 9, 1, 30),
      cashOnDelivery: false,
      amountFen: 19900,
      units: 2,
      cancelledAt: undefined,
      outboundAt: shanghai(2026, 11, 1, 15),
      collectedAt: shanghai(2026, 11, 1, 16, 30),
      deliveredAt: 1793635200000,
    });
    expect(data.orders[1]).toMatchObject({
      cashOnDelivery: true,
      amountFen: 5990,
      units: 1,
      paidAt: undefined,
    });
    expect(data.chatSessions[0]?.kind).toBe('consultation');
    expect(data.chatSessions[0]?.messages.map((m) => m.from)).toEqual([
      'customer',
      'robot',
      'agent',
    ]);
    expect(data.chatSessions[1]).toMatchObject({ kind: 'offline-message', rating: undefined });
    expect(data.reviews.map((r) => [r.orderId, r.excluded])).toEqual([
      ['250001', false],
      [undefined, true],
    ]);
    expect(data.serviceOrders[0]?.completedAt).toBe(shanghai(2026, 11, 7, 10));
    expect(data.disputes[0]?.appealUpheldAt).toBe(shanghai(2026, 11, 6, 10));
    expect(data.assuredServices[1]?.disabledAt).toBe(shanghai(2026, 6, 1, 0));
    // The zod schema gives the same data as the fast loop.
    const { storeDataSchema } = await import('../../src/schemas/storeData.js');
    expect(storeDataSchema.parse(raw)).toStrictEqual(data);
  });
});
