/**
 * The customer family as a table: which customers are built for a scope (`relevantFromMs`),
 * their span (`minMs`/`maxMs`, which the engine measures them over), their sessions and orders
 * in order, and where a long history is cut into segments. Each row states only what it is
 * about.
 */
import { describe, expect, it } from 'vitest';
import { buildCustomers } from '../../../src/metrics/consultation/_customers.js';
import { DEFAULT_MEASUREMENT_PARAMETERS } from '../../../src/rules/measurement.js';
import { DAY_MS } from '../../../src/time/shanghai.js';
import { chat, order, sh, storeData } from '../../_helpers.js';

const RULES = DEFAULT_MEASUREMENT_PARAMETERS;
const NONE = Number.NEGATIVE_INFINITY;
const WHOLE = Number.POSITIVE_INFINITY;

/** The built entities as plain rows: id, span, latest chat fact, sessions and orders by id. */
function rows(...args: Parameters<typeof buildCustomers>) {
  return buildCustomers(...args).map((c) => ({
    id: c.entityId,
    minMs: c.minMs,
    maxMs: c.maxMs,
    lastChatMs: c.lastChatMs,
    firstOrderAt: c.firstOrderAt,
    pieces: c.pieces.map((p) => p.id),
    orders: c.orders.map((o) => o.id),
  }));
}

describe('buildCustomers: the span of a customer', () => {
  it('runs from the earliest message or order to the latest message, rating or cancellation', () => {
    const data = storeData({
      chatSessions: [
        chat('u', [['customer', '2026-11-10 10:00']], {
          id: 'c1',
          rating: 'satisfied',
          ratedAt: sh('2026-11-12 08:00'),
        }),
        chat('u', [['customer', '2026-11-05 09:00']], { id: 'c2' }),
      ],
      orders: [
        order('u', '2026-11-03 10:00', { id: 'o1', cancelledAt: sh('2026-11-15 10:00') }),
        order('u', '2026-11-01 10:00', { id: 'o2' }),
      ],
    });
    expect(rows(data, RULES)).toEqual([
      {
        id: 'u',
        minMs: sh('2026-11-01 10:00'),
        maxMs: sh('2026-11-15 10:00'),
        lastChatMs: sh('2026-11-12 08:00'),
        firstOrderAt: sh('2026-11-01 10:00'),
        pieces: ['c2', 'c1'],
        orders: ['o2', 'o1'],
      },
    ]);
  });

  it('takes a rating dated before the last message, or a cancellation before the placement, as no later fact', () => {
    const data = storeData({
      chatSessions: [
        chat(
          'chat',
          [
            ['customer', '2026-11-05 09:00'],
            ['agent', '2026-11-06 09:00'],
          ],
          { id: 'c1', rating: 'satisfied', ratedAt: sh('2026-11-05 09:30') },
        ),
      ],
      orders: [
        order('order', '2026-11-01 10:00', { id: 'o1', cancelledAt: sh('2026-10-30 10:00') }),
      ],
    });
    expect(rows(data, RULES).map((c) => [c.id, c.minMs, c.maxMs, c.lastChatMs])).toEqual([
      ['chat', sh('2026-11-05 09:00'), sh('2026-11-06 09:00'), sh('2026-11-06 09:00')],
      ['order', sh('2026-11-01 10:00'), sh('2026-11-01 10:00'), NONE],
    ]);
  });

  it('keeps the earliest start and the latest fact whatever the input order', () => {
    // Listed latest-rated first: c1 starts first but is rated last; c2 and c3 end before it.
    const data = storeData({
      chatSessions: [
        chat('u', [['customer', '2026-11-01 10:00']], {
          id: 'c1',
          rating: 'satisfied',
          ratedAt: sh('2026-11-06 10:00'),
        }),
        chat('u', [['customer', '2026-11-05 10:00']], { id: 'c2' }),
        chat('u', [['customer', '2026-11-03 10:00']], { id: 'c3' }),
      ],
      orders: [
        order('u', '2026-11-03 10:00', { id: 'o1', cancelledAt: sh('2026-11-07 10:00') }),
        order('u', '2026-10-31 10:00', { id: 'o2' }),
        order('u', '2026-11-04 10:00', { id: 'o3' }),
      ],
    });
    const chatOnly = storeData({ chatSessions: data.chatSessions });
    const span = (c: ReturnType<typeof rows>[number] | undefined) => [
      c?.minMs,
      c?.maxMs,
      c?.lastChatMs,
    ];
    expect(span(rows(chatOnly, RULES)[0])).toEqual([
      sh('2026-11-01 10:00'),
      sh('2026-11-06 10:00'),
      sh('2026-11-06 10:00'),
    ]);
    expect(span(rows(data, RULES)[0])).toEqual([
      sh('2026-10-31 10:00'),
      sh('2026-11-07 10:00'),
      sh('2026-11-06 10:00'),
    ]);
    // Cut into segments (nothing for more than 2 days after 7 Nov 10:00 but c4): the first
    // segment keeps the same span, whatever order its facts come in.
    const split = storeData({
      chatSessions: [
        ...data.chatSessions,
        chat('u', [['customer', '2026-11-09 10:00:00.001']], { id: 'c4' }),
      ],
      orders: data.orders,
    });
    expect(rows(split, RULES, NONE, 2 * DAY_MS).map(span)).toEqual([
      [sh('2026-10-31 10:00'), sh('2026-11-07 10:00'), sh('2026-11-06 10:00')],
      [sh('2026-11-09 10:00:00.001'), sh('2026-11-09 10:00:00.001'), sh('2026-11-09 10:00:00.001')],
    ]);
  });

  it('leaves out what is not known before a knowledge cut-off', () => {
    const cut = sh('2026-11-10 00:00');
    const data = storeData({
      chatSessions: [
        chat(
          'u',
          [
            ['customer', '2026-11-09 10:00'],
            ['agent', '2026-11-10 00:00'],
          ],
          { id: 'c1', rating: 'satisfied', ratedAt: sh('2026-11-10 01:00') },
        ),
        chat('u', [['customer', '2026-11-10 00:00']], { id: 'c2' }),
        chat('later', [['customer', '2026-11-11 00:00']], { id: 'c3' }),
      ],
      orders: [
        order('u', '2026-11-09 12:00', { id: 'o1', cancelledAt: cut }),
        order('u', '2026-11-10 00:00', { id: 'o2' }),
      ],
    });
    const [c, ...others] = buildCustomers(data, RULES, NONE, WHOLE, cut);
    expect(others).toEqual([]);
    expect([c?.minMs, c?.maxMs, c?.lastChatMs, c?.firstOrderAt]).toEqual([
      sh('2026-11-09 10:00'),
      sh('2026-11-09 12:00'),
      sh('2026-11-09 10:00'),
      sh('2026-11-09 12:00'),
    ]);
    expect(c?.pieces.map((p) => [p.id, p.messages.length, p.rating])).toEqual([
      ['c1', 1, undefined],
    ]);
    expect(c?.orders.map((o) => [o.id, o.cancelledAt])).toEqual([['o1', undefined]]);
  });

  it('has a chat-only span without orders, and the latest message when there is no rating', () => {
    const data = storeData({
      chatSessions: [
        chat(
          'u',
          [
            ['customer', '2026-11-10 10:00'],
            ['agent', '2026-11-10 10:05'],
          ],
          { id: 'c1' },
        ),
      ],
    });
    expect(rows(data, RULES)).toEqual([
      {
        id: 'u',
        minMs: sh('2026-11-10 10:00'),
        maxMs: sh('2026-11-10 10:05'),
        lastChatMs: sh('2026-11-10 10:05'),
        firstOrderAt: WHOLE,
        pieces: ['c1'],
        orders: [],
      },
    ]);
  });

  it('sorts sessions by start then id, and orders by placement then id, whatever the input order', () => {
    const data = storeData({
      chatSessions: [
        chat('u', [['customer', '2026-11-10 10:00']], { id: 'cb' }),
        chat('u', [['customer', '2026-11-10 10:00']], { id: 'ca' }),
        chat('u', [['customer', '2026-11-09 10:00']], { id: 'cz' }),
      ],
      orders: [
        order('u', '2026-11-10 10:00', { id: 'ob' }),
        order('u', '2026-11-10 10:00', { id: 'oa' }),
        order('u', '2026-11-08 10:00', { id: 'oz' }),
      ],
    });
    const [c] = rows(data, RULES);
    expect([c?.pieces, c?.orders]).toEqual([
      ['cz', 'ca', 'cb'],
      ['oz', 'oa', 'ob'],
    ]);
  });
});

describe('buildCustomers: which customers are built (relevantFromMs)', () => {
  const from = sh('2026-11-10 00:00');
  const data = storeData({
    chatSessions: [
      chat('old', [['customer', '2026-11-09 23:59:59.999']], { id: 'c-old' }),
      chat('edge', [['customer', '2026-11-10 00:00']], { id: 'c-edge' }),
      // Started before, rated at the bound: the rating is a fact in scope.
      chat('rated', [['customer', '2026-11-01 10:00']], {
        id: 'c-rated',
        rating: 'satisfied',
        ratedAt: from,
      }),
      // Its only order is in scope: the customer is built with its old chat too.
      chat('buyer', [['customer', '2026-11-01 10:00']], { id: 'c-buyer' }),
    ],
    orders: [
      order('buyer', '2026-11-10 00:00', { id: 'o-buyer' }),
      order('old', '2026-11-09 10:00', { id: 'o-old' }),
      // Placed before, cancelled at the bound.
      order('cancelled', '2026-11-01 10:00', { id: 'o-cancelled', cancelledAt: from }),
      order('stale', '2026-11-01 10:00', {
        id: 'o-stale',
        cancelledAt: sh('2026-11-09 23:59:59.999'),
      }),
    ],
  });

  it('builds the customers with a message, a rating, a placement or a cancellation at or after it', () => {
    expect(rows(data, RULES, from).map((c) => [c.id, c.pieces, c.orders])).toEqual([
      ['edge', ['c-edge'], []],
      ['rated', ['c-rated'], []],
      ['buyer', ['c-buyer'], ['o-buyer']],
      ['cancelled', [], ['o-cancelled']],
    ]);
  });

  it('builds every customer without a bound', () => {
    expect(rows(data, RULES).map((c) => c.id)).toEqual([
      'old',
      'edge',
      'rated',
      'buyer',
      'cancelled',
      'stale',
    ]);
  });
});

describe('buildCustomers: a long history cut into segments', () => {
  const gap = 2 * DAY_MS;
  // Visits: chat 1 Nov + order 2 Nov (cancelled 3 Nov 10:00); chat exactly 2 days after that
  // cancellation (same segment); then nothing for 2 days and 1 ms: a second segment of an order
  // and a chat (the order placed first).
  const data = storeData({
    chatSessions: [
      chat('u', [['customer', '2026-11-01 10:00']], {
        id: 'c1',
        rating: 'satisfied',
        ratedAt: sh('2026-11-01 11:00'),
      }),
      chat('u', [['customer', '2026-11-05 10:00']], { id: 'c2' }),
      chat('u', [['customer', '2026-11-07 10:00:00.001']], { id: 'c3' }),
    ],
    orders: [
      order('u', '2026-11-02 10:00', { id: 'o1', cancelledAt: sh('2026-11-03 10:00') }),
      order('u', '2026-11-07 10:00:00.001', { id: 'o2' }),
    ],
  });
  const first = {
    id: 'u',
    minMs: sh('2026-11-01 10:00'),
    maxMs: sh('2026-11-05 10:00'),
    lastChatMs: sh('2026-11-05 10:00'),
    firstOrderAt: sh('2026-11-02 10:00'),
    pieces: ['c1', 'c2'],
    orders: ['o1'],
  };
  const second = {
    id: 'u',
    minMs: sh('2026-11-07 10:00:00.001'),
    maxMs: sh('2026-11-07 10:00:00.001'),
    lastChatMs: sh('2026-11-07 10:00:00.001'),
    // The stage still looks at the customer's first order of all.
    firstOrderAt: sh('2026-11-02 10:00'),
    pieces: ['c3'],
    orders: ['o2'],
  };

  it('starts a segment after more than the gap without a fact, not after exactly the gap', () => {
    expect(rows(data, RULES, NONE, gap)).toEqual([first, second]);
  });

  it('keeps a customer whole when the gap spans the whole history', () => {
    const span = sh('2026-11-07 10:00:00.001') - sh('2026-11-01 10:00');
    expect(rows(data, RULES, NONE, span).map((c) => [c.pieces, c.orders])).toEqual([
      [
        ['c1', 'c2', 'c3'],
        ['o1', 'o2'],
      ],
    ]);
  });

  it('measures the gap from the latest fact so far, a long-running earlier visit included', () => {
    // o1 is cancelled on 6 Nov, after c2 (5 Nov): c3 and o2 come 1 day later, in its segment.
    const long = storeData({
      chatSessions: data.chatSessions,
      orders: [
        order('u', '2026-11-02 10:00', { id: 'o1', cancelledAt: sh('2026-11-06 10:00') }),
        order('u', '2026-11-07 10:00:00.001', { id: 'o2' }),
      ],
    });
    expect(rows(long, RULES, NONE, gap).map((c) => [c.pieces, c.orders, c.maxMs])).toEqual([
      [['c1', 'c2', 'c3'], ['o1', 'o2'], sh('2026-11-07 10:00:00.001')],
    ]);
  });

  it('leaves out the segments whose facts are all before relevantFromMs', () => {
    expect(rows(data, RULES, sh('2026-11-06 00:00'), gap)).toEqual([second]);
    expect(rows(data, RULES, sh('2026-11-05 10:00'), gap)).toEqual([first, second]);
  });
});
