/**
 * Issue 14's traps: a misspelled field or collection is reported, never silently dropped, and
 * only parsed data is evaluated.
 */
import { describe, expect, it } from 'vitest';
import { closest } from '../../src/_suggest.js';
import { ArgumentError, InvalidInputError } from '../../src/errors.js';
import { nextDayArrivalRate } from '../../src/evaluate/calculators.js';
import { evaluateHistory, evaluateStore } from '../../src/evaluate/evaluate.js';
import { isParsedStoreData } from '../../src/model.js';
import { parseStoreData, parseStoreDataLenient } from '../../src/schemas/parse.js';

const order = {
  id: 'o1',
  customerId: 'c1',
  placedAt: '2026-11-01 09:00:00',
  paidAt: '2026-11-01 09:01:00',
  amount: '19.90',
};

function issuesOf(input: unknown) {
  try {
    parseStoreData(input);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).issues;
  }
  throw new Error('expected parseStoreData to throw');
}

describe('unknown keys', () => {
  it('a misspelled field is an issue on its path, with the field it resembles', () => {
    expect(
      issuesOf({ store: { id: 's' }, orders: [{ ...order, deliverdAt: '2026-11-02 10:00:00' }] }),
    ).toEqual([
      {
        path: 'orders[0].deliverdAt',
        message:
          'expected a field of an order object, found unknown "deliverdAt": did you mean "deliveredAt"?',
      },
    ]);
  });

  it('a misspelled collection is an issue first, before what it causes', () => {
    const issues = issuesOf({
      store: { id: 's' },
      order: [order],
      reviews: [{ id: 'r1', customerId: 'c1', orderId: 'o1', createdAt: 1793494800000, stars: 5 }],
    });
    expect(issues[0]).toEqual({
      path: 'order',
      message: 'expected a field of store data, found unknown "order": did you mean "orders"?',
    });
    expect(issues).toHaveLength(2); // and the review naming an order that is not in orders
  });

  it('in the store, its category and a chat message too', () => {
    expect(
      issuesOf({
        store: { id: 's', nmae: 'x', category: { levle2: 'y' } },
        chatSessions: [
          {
            id: 'c',
            customerId: 'u',
            messages: [{ from: 'customer', at: 1793494800000, sent: 1 }],
          },
        ],
      }).map((i) => [i.path, i.message.replace(/^.*found unknown /, '')]),
    ).toEqual([
      ['store.category.levle2', '"levle2": did you mean "level2"?'],
      ['store.nmae', '"nmae": did you mean "name"?'],
      ['chatSessions[0].messages[0].sent', '"sent"'],
    ]);
  });

  it('the lenient parser rejects the record instead of returning it without the field', () => {
    const r = parseStoreDataLenient({
      store: { id: 's' },
      orders: [order, { ...order, id: 'o2', deliverdAt: 1793581200000 }],
    });
    expect(r.data.orders.map((o) => o.id)).toEqual(['o1']);
    expect(r.rejected.map((x) => [x.index, x.issues[0]?.path])).toEqual([
      [1, 'orders[1].deliverdAt'],
    ]);
  });

  it('suggests only close names', () => {
    expect(closest('deliverdAt', ['deliveredAt', 'placedAt'])).toBe('deliveredAt');
    expect(closest('order', ['orders', 'reviews'])).toBe('orders');
    expect(closest('ChatSessions', ['chatSessions'])).toBe('chatSessions');
    expect(closest('colour', ['id', 'amount', 'units'])).toBeUndefined();
  });
});

describe('only parsed data is evaluated', () => {
  const raw = JSON.parse(JSON.stringify({ store: { id: 's' }, orders: [order] }));
  it('evaluateStore, evaluateHistory and a calculator refuse unparsed data, saying what to do', () => {
    expect(() => evaluateStore(raw, { asOf: '2026-11-23' })).toThrow(ArgumentError);
    expect(() => evaluateStore(raw, { asOf: '2026-11-23' })).toThrow(
      /Expected store data returned by parseStoreData .* found an object that did not come from parseStoreData/,
    );
    expect(() => evaluateHistory(raw, { from: '2026-11-01', to: '2026-11-02' })).toThrow(
      ArgumentError,
    );
    expect(() => nextDayArrivalRate(raw, { asOf: '2026-11-23' })).toThrow(ArgumentError);
    expect(() => evaluateStore(null as never, { asOf: '2026-11-23' })).toThrow(/found null/);
  });

  it('parsed data carries the brand; a spread keeps it, a JSON round trip does not', () => {
    const data = parseStoreData(raw);
    expect(isParsedStoreData(data)).toBe(true);
    expect(isParsedStoreData({ ...data, orders: [] })).toBe(true);
    expect(isParsedStoreData(JSON.parse(JSON.stringify(data)))).toBe(false);
    expect(evaluateStore(data, { asOf: '2026-11-23' }).asOf).toBe('2026-11-23');
  });
});

describe('unknown option keys', () => {
  const data = parseStoreData({ store: { id: 's' } });
  it('a misspelled option throws instead of being ignored (peers would silently not count)', () => {
    expect(() => evaluateStore(data, { asOf: '2026-11-23', peer: {} } as never)).toThrow(
      'Expected options of evaluateStore (asOf, ruleSet, peers, ranking, goodShop, industryAverages), found unknown "peer": did you mean "peers"?',
    );
    expect(() =>
      evaluateStore(data, { asOf: '2026-11-23', goodShop: { certifed: true } } as never),
    ).toThrow(/found unknown "goodShop.certifed": did you mean "certified"\?/);
    expect(() =>
      evaluateStore(data, { asOf: '2026-11-23', ranking: { rate: 0.5, module: {} } } as never),
    ).toThrow(/"ranking.module": did you mean "modules"\?/);
    expect(() =>
      evaluateHistory(data, { from: '2026-11-01', to: '2026-11-02', rules: {} } as never),
    ).toThrow(/found unknown "rules": did you mean "ruleSet"\?/);
  });
});

describe('the lenient parser and a misspelled collection', () => {
  it('throws instead of returning 0 orders and 0 rejected', () => {
    expect(() => parseStoreDataLenient({ store: { id: 's' }, order: [order] })).toThrow(
      /order: expected a field of store data, found unknown "order": did you mean "orders"\?/,
    );
  });
});
