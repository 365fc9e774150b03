import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { InvalidInputError } from '../../src/errors.js';
import { instantSchema, moneySchema } from '../../src/schemas/_common.js';
import {
  FAIL,
  fastBoolean,
  fastInstant,
  fastInstantString,
  fastOptionalEnum,
  fastOptionalInstant,
  fastRecord,
} from '../../src/schemas/_fast.js';
import {
  ASSURED_SERVICE_IDS,
  isBuiltInServiceId,
  knownServiceIds,
} from '../../src/schemas/assuredService.js';
import { chatSessionSchema, sortMessages } from '../../src/schemas/chatSession.js';
import { disputeSchema } from '../../src/schemas/dispute.js';
import { orderSchema } from '../../src/schemas/order.js';
import {
  parseStoreData,
  parseStoreDataLenient,
  safeParseStoreData,
  toInputIssue,
} from '../../src/schemas/parse.js';
import { storeDataSchema } from '../../src/schemas/storeData.js';
import { parsePeerData, peerDataIssues, peerDataSchema } from '../../src/scorecard/peers.js';
import { EARLIEST_INSTANT_MS, LATEST_INSTANT_MS } from '../../src/time/shanghai.js';

// Exact issues, boundaries and identities that pin the schemas (each found by a mutant that
// no other schema test noticed: see docs/testing.md, "Mutation testing").

const T0 = Date.UTC(2026, 10, 1, 1); // 2026-11-01 09:00:00 in Shanghai
const store = { id: 's1' };

function issues(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  return r.success
    ? []
    : r.error.issues.map((i) => ({ code: i.code, path: i.path, message: i.message }));
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('did not throw');
}

describe('the fast instant parser', () => {
  it.each([
    ['a non-digit that would read as a small digit', '2026-11-01 09:1/:00'],
    ['a year not followed by "-"', '2026x11-01 09:00:00'],
    ['a month not followed by "-"', '2026-11x01 09:00:00'],
    ['a separator other than " " or "T"', '2026-11-01x09:00:00'],
    ['Z followed by more', '2026-11-01T09:00:00Zx'],
    ['a zone sign other than + or -', '2026-11-01T09:00:00x08:00'],
    ['an offset followed by more', '2026-11-01T09:00:00+08:00x'],
    ['an offset without its colon', '2026-11-01T09:00:00+08x00'],
    ['offset hours that are not digits', '2026-11-01T09:00:00+-9:00'],
    ['offset minutes that are not digits', '2026-11-01T09:00:00+08:-9'],
    ['hours not followed by ":"', '2026-11-01 09x00:00'],
    ['minutes not followed by ":"', '2026-11-01 09:00x00'],
    ['hours that are not digits', '2026-11-01 -1:00:00'],
    ['seconds that are not digits', '2026-11-01 09:00:-1'],
  ])('declines %s (%s)', (_, s) => {
    expect(fastInstantString(s)).toBe(FAIL);
  });

  it('reads offsets of zero hours and of 59 minutes', () => {
    expect(fastInstantString('2026-11-01T09:00:00+00:30')).toBe(Date.UTC(2026, 10, 1, 8, 30));
    expect(fastInstantString('2026-11-01T09:00:00+05:59')).toBe(Date.UTC(2026, 10, 1, 3, 1));
  });

  it('reads the earliest instant, and declines the millisecond before it', () => {
    expect(fastInstantString('1992-01-01 00:00:00')).toBe(EARLIEST_INSTANT_MS);
    expect(fastInstantString('1991-12-31 23:59:59.999')).toBe(FAIL);
    // A 1991 date with a western offset can still be on or after it.
    expect(fastInstantString('1991-12-31T23:00:00-10:00')).toBe(Date.UTC(1992, 0, 1, 9));
  });

  it('takes epoch ms from the earliest instant up to, not including, the latest', () => {
    expect(fastInstant(EARLIEST_INSTANT_MS)).toBe(EARLIEST_INSTANT_MS);
    expect(fastInstant(EARLIEST_INSTANT_MS - 1)).toBe(FAIL);
    expect(fastInstant(LATEST_INSTANT_MS - 1)).toBe(LATEST_INSTANT_MS - 1);
    expect(fastInstant(LATEST_INSTANT_MS)).toBe(FAIL);
  });

  it('reads null as absent, and takes only plain objects as records', () => {
    expect(fastOptionalInstant(null)).toBeUndefined();
    expect(fastOptionalEnum(null, new Set(['a']))).toBeUndefined();
    expect(fastBoolean(null, true)).toBe(true);
    expect(fastBoolean(false, true)).toBe(false);
    for (const v of [1, true, 'x']) expect(fastRecord(v, new Set())).toBeUndefined();
  });
});

describe('instants, money and events in order (the zod schemas)', () => {
  it('epoch ms: the earliest and the last instant accepted, one ms outside rejected', () => {
    expect(instantSchema.parse(EARLIEST_INSTANT_MS)).toBe(EARLIEST_INSTANT_MS);
    expect(instantSchema.parse(LATEST_INSTANT_MS - 1)).toBe(LATEST_INSTANT_MS - 1);
    const range = 'expected an instant between 1992-01-01 and 2099-12-31 (Shanghai), found number';
    expect(issues(instantSchema, EARLIEST_INSTANT_MS - 1)).toEqual([
      { code: 'custom', path: [], message: `${range} ${EARLIEST_INSTANT_MS - 1}` },
    ]);
    expect(issues(instantSchema, LATEST_INSTANT_MS)).toEqual([
      { code: 'custom', path: [], message: `${range} ${LATEST_INSTANT_MS}` },
    ]);
    expect(issues(instantSchema, EARLIEST_INSTANT_MS + 0.5)).toEqual([
      {
        code: 'custom',
        path: [],
        message: `expected epoch milliseconds as an integer, found ${EARLIEST_INSTANT_MS + 0.5}`,
      },
    ]);
    expect(issues(instantSchema, 1.5)).toEqual([
      { code: 'custom', path: [], message: 'expected epoch milliseconds as an integer, found 1.5' },
    ]);
  });

  it('money: a minus sign inside, spaced after the sign, and digits past the cents', () => {
    const m = 'expected money in yuan with at most two decimals';
    expect(issues(moneySchema, '1-2')).toEqual([
      {
        code: 'custom',
        path: [],
        message: `${m} (plain decimal digits, like "19.99"), found "1-2"`,
      },
    ]);
    expect(issues(moneySchema, '- 5')).toEqual([
      { code: 'custom', path: [], message: `${m}, never negative, found "- 5"` },
    ]);
    for (const s of ['1.0010', '1.0001'])
      expect(issues(moneySchema, s)).toEqual([
        { code: 'custom', path: [], message: `${m}, found "${s}"` },
      ]);
    expect(moneySchema.parse('1.0000')).toBe(100);
  });

  it('an event before the one it follows is a custom issue on its field', () => {
    const o = { id: 'o1', customerId: 'c1', placedAt: T0 + 1000, amount: '1', paidAt: T0 };
    expect(issues(orderSchema, o)).toEqual([
      {
        code: 'custom',
        path: ['paidAt'],
        message:
          'expected paidAt at or after placedAt (2026-11-01 09:00:01 (Shanghai)), found 2026-11-01 09:00:00 (Shanghai): impossible order of events',
      },
    ]);
  });

  it('an unknown field is a custom issue', () => {
    expect(issues(disputeSchema, { id: 'd1', orderId: 'o1', openedAt: T0, x: 1 })).toEqual([
      {
        code: 'custom',
        path: ['x'],
        message:
          'expected a field of a dispute object (id, orderId, openedAt, ruling, ruledAt, appealUpheldAt), found unknown "x"',
      },
    ]);
  });

  it('a ruledAt without a ruling', () => {
    expect(issues(disputeSchema, { id: 'd1', orderId: 'o1', openedAt: T0, ruledAt: T0 })).toEqual([
      {
        code: 'custom',
        path: ['ruling'],
        message: 'expected a ruling with ruledAt, found nothing',
      },
    ]);
  });
});

describe('chat sessions', () => {
  const session = { id: 's1', customerId: 'c1', messages: [{ from: 'customer', at: T0 }] };

  it('no message, and no customer message, are custom issues on messages', () => {
    expect(issues(chatSessionSchema, { ...session, messages: [] })).toEqual([
      {
        code: 'custom',
        path: ['messages'],
        message: 'expected at least one message, found an empty array',
      },
    ]);
    expect(
      issues(chatSessionSchema, { ...session, messages: [{ from: 'agent', at: T0 }] }),
    ).toEqual([
      {
        code: 'custom',
        path: ['messages'],
        message: 'expected at least one customer message, found only agent or robot messages (1)',
      },
    ]);
  });

  it('a ratedAt with a null rating names the rating', () => {
    expect(issues(chatSessionSchema, { ...session, rating: null, ratedAt: T0 })).toEqual([
      {
        code: 'custom',
        path: ['rating'],
        message: 'expected a rating with ratedAt, found nothing',
      },
    ]);
  });

  it('ratedAt is checked against the earliest message even when the messages are unread', () => {
    const messages = [
      { from: 'bot', at: T0 + 10_000 },
      { from: 'customer', at: T0 },
    ];
    const found = issues(chatSessionSchema, {
      ...session,
      messages,
      rating: 'satisfied',
      ratedAt: T0 + 5000,
    });
    expect(found.map((i) => i.path.join('.'))).toEqual(['messages.0.from']);
  });

  it('sortMessages returns the same array when sorted (equal times too), a sorted copy else', () => {
    const sorted = [
      { from: 'customer' as const, at: T0 },
      { from: 'agent' as const, at: T0 },
      { from: 'agent' as const, at: T0 + 1 },
    ];
    expect(sortMessages(sorted)).toBe(sorted);
    const unsorted = [
      { from: 'agent' as const, at: T0 + 1 },
      { from: 'customer' as const, at: T0 },
    ];
    const copy = [...unsorted];
    expect(sortMessages(unsorted)).toStrictEqual([copy[1], copy[0]]);
    expect(unsorted).toStrictEqual(copy);
  });
});

describe('assured services', () => {
  it('isBuiltInServiceId and knownServiceIds (a built-in id in servicePoints is not added twice)', () => {
    expect(isBuiltInServiceId('freight-insurance')).toBe(true);
    expect(isBuiltInServiceId('green-packaging')).toBe(false);
    expect(
      knownServiceIds({ servicePoints: { 'freight-insurance': {}, 'green-packaging': {} } }),
    ).toStrictEqual([...ASSURED_SERVICE_IDS, 'green-packaging']);
  });

  it('an unknown service id lists the known ones, comma-separated', () => {
    const e = thrown(() =>
      parseStoreData({ store, assuredServices: [{ service: 'free-lunch', enabledAt: T0 }] }),
    ) as InvalidInputError;
    expect(e.issues).toEqual([
      {
        path: 'assuredServices[0].service',
        message: `expected a service id the rule set knows (${ASSURED_SERVICE_IDS.join(', ')}; a rule set adds one with bonus.servicePoints), found "free-lunch"`,
      },
    ]);
  });
});

describe('store data', () => {
  const order = { id: 'o1', customerId: 'c1', placedAt: T0, amount: '1' };

  it('empty ids are not duplicates of each other (each is its own issue)', () => {
    const found = issues(storeDataSchema, {
      store,
      orders: [
        { ...order, id: '' },
        { ...order, id: '' },
      ],
    });
    expect(found.map((i) => i.path.join('.'))).toEqual(['orders.0.id', 'orders.1.id']);
  });

  it('a duplicate id is a custom issue', () => {
    expect(issues(storeDataSchema, { store, orders: [order, order] })).toEqual([
      {
        code: 'custom',
        path: ['orders', 1, 'id'],
        message: 'duplicate id "o1", first at orders[0]',
      },
    ]);
  });

  it('input that is not an object is named whole', () => {
    const e = thrown(() => parseStoreData('x')) as InvalidInputError;
    expect(e.issues).toEqual([
      {
        path: '',
        message: 'expected store data as an object { store, chatSessions?, orders?, … }, found "x"',
      },
    ]);
  });

  it('safeParseStoreData rethrows what is not bad input', () => {
    const hostile = {
      get store(): unknown {
        throw new RangeError('boom');
      },
    };
    expect(() => safeParseStoreData(hostile)).toThrow(RangeError);
  });

  it('toInputIssue: a path with no prefix, and an unworded zod message', () => {
    expect(
      toInputIssue(
        '',
        { code: 'custom', path: ['a', 0, 'b'], message: 'expected x', input: 1 },
        {},
      ),
    ).toEqual({ path: 'a[0].b', message: 'expected x' });
    expect(
      toInputIssue(
        'orders[0]',
        { code: 'custom', path: ['a'], message: 'Invalid', input: 1 },
        { a: 1 },
      ),
    ).toEqual({ path: 'orders[0].a', message: 'expected a valid value (Invalid), found 1' });
    // The value is looked up along the path through objects only.
    for (const [path, raw] of [
      [['a', 'b'], { a: null }],
      [['a', 'length'], { a: 'abc' }],
    ] as const) {
      expect(
        toInputIssue('x', { code: 'custom', path: [...path], message: 'Invalid', input: 1 }, raw),
      ).toEqual({
        path: `x.${path.join('.')}`,
        message: 'expected a valid value (Invalid), found nothing',
      });
    }
  });
});

describe('parseStoreDataLenient: references to rejected orders', () => {
  const order = { id: 'o1', customerId: 'c1', placedAt: T0, amount: '1' };
  const review = { id: 'r1', customerId: 'c1', createdAt: T0, stars: 5, orderId: 'o1' };

  it('names the first rejected order of that id, and survives a null order', () => {
    const r = parseStoreDataLenient({
      store,
      orders: [null, { ...order, amount: 'x' }, { ...order, amount: 'y' }],
      reviews: [review],
    });
    expect(r.rejected.map((x) => `${x.collection}[${x.index}]`)).toEqual([
      'orders[0]',
      'orders[1]',
      'orders[2]',
      'reviews[0]',
    ]);
    expect(r.rejected[3]?.issues).toEqual([
      {
        path: 'reviews[0].orderId',
        message: 'expected the id of an accepted order, found "o1" (orders[1] was rejected)',
      },
    ]);
  });

  it('a record already rejected gets no second issue for its order', () => {
    const r = parseStoreDataLenient({
      store,
      orders: [{ ...order, amount: 'x' }],
      reviews: [review, review],
    });
    expect(
      r.rejected.map((x) => [`${x.collection}[${x.index}]`, x.issues.map((i) => i.path)]),
    ).toEqual([
      ['orders[0]', ['orders[0].amount']],
      ['reviews[0]', ['reviews[0].orderId']],
      ['reviews[1]', ['reviews[1].id']],
    ]);
  });
});

describe('peer data', () => {
  it('names each malformed part exactly', () => {
    expect(peerDataIssues(null)).toEqual([
      {
        path: '',
        message:
          'expected peer data as an object { category?, asOf?, composites?, modules?, metrics? }, found null',
      },
    ]);
    expect(
      peerDataIssues({
        category: 3,
        asOf: '2026-02-30',
        composites: 'y',
        modules: { reviews: 'z', xyzzy: [], revews: [] },
        metrics: [],
      }),
    ).toEqual([
      { path: 'category', message: 'expected the category as a string, found 3' },
      { path: 'asOf', message: 'expected the day as YYYY-MM-DD, found "2026-02-30"' },
      {
        path: 'composites',
        message:
          'expected composites (peers\' totals) as an array of a score from 0 to 10, found "y"',
      },
      {
        path: 'modules.reviews',
        message:
          'expected the reviews module\'s scores as an array of a score from 0 to 10, found "z"',
      },
      {
        path: 'modules.xyzzy',
        message:
          'expected a module id (consultation, reviews, after-sales, logistics, disputes), found unknown "xyzzy"',
      },
      {
        path: 'modules.revews',
        message: 'expected a module id, found unknown "revews": did you mean "reviews"?',
      },
      {
        path: 'metrics',
        message: 'expected metrics as an object { <metric id>: [values] }, found an array',
      },
    ]);
    expect(peerDataIssues({ category: 'Books', asOf: '2026-11-01' })).toEqual([]);
    expect(peerDataIssues({ asOf: 20261101 })).toEqual([
      { path: 'asOf', message: 'expected the day as YYYY-MM-DD, found 20261101' },
    ]);
  });

  it('metric ids and values: hints, percent hints up to 100, infinite durations', () => {
    expect(
      peerDataIssues({
        metrics: {
          'reviews.negative-rate': [1, 100, 100.5],
          'after-sales.duration': [Number.POSITIVE_INFINITY],
          'logistics.average-delivery-time': 'x',
          nonsense: [],
          'reviews.negative-rat': [],
        },
      }),
    ).toEqual([
      {
        path: 'metrics.reviews.negative-rate[1]',
        message: 'expected a ratio as a fraction from 0 to 1 (100% is 1), found 100',
      },
      {
        path: 'metrics.reviews.negative-rate[2]',
        message: 'expected a ratio as a fraction from 0 to 1, found 100.5',
      },
      {
        path: 'metrics.after-sales.duration[0]',
        message: 'expected a duration in hours, at least 0, found Infinity',
      },
      {
        path: 'metrics.logistics.average-delivery-time',
        message:
          'expected logistics.average-delivery-time values as an array of a duration in hours, at least 0, found "x"',
      },
      {
        path: 'metrics.nonsense',
        message:
          'expected a metric id of the catalogue (see metricCatalogue), found unknown "nonsense"',
      },
      {
        path: 'metrics.reviews.negative-rat',
        message:
          'expected a metric id of the catalogue, found unknown "reviews.negative-rat": did you mean "reviews.negative-rate"?',
      },
    ]);
  });

  it('peerDataSchema words custom issues; parsePeerData names peer data', () => {
    expect(issues(peerDataSchema, { category: 3 })).toEqual([
      { code: 'custom', path: ['category'], message: 'expected the category as a string, found 3' },
    ]);
    const e = thrown(() => parsePeerData({ category: 1 })) as InvalidInputError;
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e.message).toBe(
      '[jd-weather-vane] Invalid peer data: 1 issue(s)\n  - category: expected the category as a string, found 1',
    );
  });
});
