/**
 * Chat sessions as every chat metric reads them, seen through the calculators: merging
 * (10 minutes), the pre-/after-sales stage, the as-of instant, equal instants and ratings
 * without `ratedAt`. The sessions module itself is tested as a table in `_sessions.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import {
  afterSalesSatisfaction,
  averageResponseTime,
  conversionRate,
  defaultRuleSet,
  messageRate,
  parseStoreData,
  presalesSatisfaction,
  type RuleSet,
  responseRate30s,
} from '../../../src/index.js';
import { chat, order, sh, storeData } from '../../_helpers.js';
import { D, v } from './_fixtures.js';

describe('session merging (10 minutes)', () => {
  it('merges a return after 9:59 and starts a new session after exactly 10:00', () => {
    const merged = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 10:00:00'],
          ['agent', '2026-11-10 10:00:10'],
        ]),
        chat('u1', [
          ['customer', '2026-11-10 10:10:09.999'],
          ['agent', '2026-11-10 10:11:00'],
        ]),
      ],
    });
    const split = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 10:00:00'],
          ['agent', '2026-11-10 10:00:10'],
        ]),
        chat('u1', [
          ['customer', '2026-11-10 10:10:10'],
          ['agent', '2026-11-10 10:11:00'],
        ]),
      ],
    });
    expect(responseRate30s(merged, { asOf: D }).denominator.toString()).toBe('1');
    expect(responseRate30s(split, { asOf: D }).denominator.toString()).toBe('2');
    // Merged, both manual replies still count for the average: 10 s and 50.001 s.
    expect(averageResponseTime(merged, { asOf: D }).numerator.toString()).toBe('60.001');
  });

  it('chains merges and anchors on the first piece, even across midnight', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [['customer', '2026-11-17 23:55:00']]),
        chat('u1', [
          ['customer', '2026-11-18 00:04:00'],
          ['agent', '2026-11-18 00:04:10'],
        ]),
        chat('u1', [
          ['customer', '2026-11-18 00:13:00'],
          ['agent', '2026-11-18 00:13:10'],
        ]),
      ],
    });
    const r = responseRate30s(data, { asOf: D });
    // One session anchored 2026-11-17 (last day of the window), first reply 9 min 10 s after the first message.
    expect(r.denominator.toString()).toBe('1');
    expect(r.numerator.toString()).toBe('0');
  });

  it('does not merge different customers or different kinds [consultation.message-rate#merge-by-kind]', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [['customer', '2026-11-10 10:00:00']]),
        chat('u2', [['customer', '2026-11-10 10:01:00']]),
        chat('u1', [['customer', '2026-11-10 10:02:00']], { kind: 'offline-message' }),
      ],
    });
    const r = messageRate(data, { asOf: D });
    expect(r.numerator.toString()).toBe('1');
    expect(r.denominator.toString()).toBe('3');
  });

  it('takes the first explicit stage and the latest rating of the merged pieces [consultation.presales-satisfaction#rating-happened]', () => {
    const data = storeData({
      chatSessions: [
        chat(
          'u1',
          [
            ['customer', '2026-11-10 10:00:00'],
            ['agent', '2026-11-10 10:00:05'],
          ],
          {
            rating: 'dissatisfied',
            ratedAt: sh('2026-11-10 10:03:00'),
          },
        ),
        chat(
          'u1',
          [
            ['customer', '2026-11-10 10:05:00'],
            ['agent', '2026-11-10 10:05:05'],
          ],
          {
            stage: 'after-sales',
            rating: 'very-satisfied',
            ratedAt: sh('2026-11-10 10:08:00'),
          },
        ),
      ],
    });
    expect(presalesSatisfaction(data, { asOf: D }).status).toBe('no-data');
    expect(v(afterSalesSatisfaction(data, { asOf: D }))).toBe('1');
  });
});

describe('satisfaction (售前 / 售后)', () => {
  it('splits ratings by stage derived from earlier orders [consultation.presales-satisfaction#stage]', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [['customer', '2026-11-10 10:00:00']], {
          rating: 'very-satisfied',
          ratedAt: sh('2026-11-10 10:10:00'),
        }),
        chat('u2', [['customer', '2026-11-10 10:00:00']], {
          rating: 'satisfied',
          ratedAt: sh('2026-11-10 10:10:00'),
        }),
        chat('u3', [['customer', '2026-11-10 10:00:00']], {
          rating: 'neutral',
          ratedAt: sh('2026-11-10 10:10:00'),
        }),
        chat('u4', [['customer', '2026-11-10 10:00:00']], {
          rating: 'dissatisfied',
          ratedAt: sh('2026-11-10 10:10:00'),
        }),
        chat('u5', [['customer', '2026-11-10 10:00:00']]),
      ],
      // u4 ordered before chatting (even a cancelled, unpaid order makes it after-sales);
      // u3 ordered exactly at the session start: not before it, so still pre-sales.
      orders: [
        order('u4', '2026-11-09 10:00:00', {
          paidAt: undefined,
          cancelledAt: sh('2026-11-09 11:00:00'),
        }),
        order('u3', '2026-11-10 10:00:00'),
      ],
    });
    const pre = presalesSatisfaction(data, { asOf: D });
    expect(pre.numerator.toString()).toBe('2');
    expect(pre.denominator.toString()).toBe('3');
    expect(pre.value?.toFixed(4)).toBe('0.6667');
    expect(v(afterSalesSatisfaction(data, { asOf: D }))).toBe('0');
  });
});

describe('as-of instant: nothing at or after D 00:00 counts', () => {
  it('drops messages at or after the as-of instant before merging', () => {
    // A session starting on D−6 whose agent reply comes exactly at the as-of instant (6 days later).
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-17 10:00:00'],
          ['agent', '2026-11-23 00:00:00'],
        ]),
      ],
    });
    const r = averageResponseTime(data, { asOf: D });
    expect(r.status).toBe('no-data');
    expect(conversionRate(data, { asOf: D }).status).toBe('no-data');
    // One day later the reply has happened.
    expect(averageResponseTime(data, { asOf: '2026-11-24' }).denominator.toString()).toBe('1');
  });
});

describe('equal instants', () => {
  const raw = (messages: { from: string; at: string }[], id = 's1') => ({
    id,
    customerId: 'u1',
    messages,
  });

  it('two messages in the same second keep their listed order: a reply listed after the question answers it', () => {
    const data = parseStoreData({
      store: { id: 'x' },
      orders: [],
      chatSessions: [
        raw([
          { from: 'customer', at: '2026-11-10 10:00:00' },
          { from: 'agent', at: '2026-11-10 10:00:00' },
        ]),
      ],
    });
    const art = averageResponseTime(data, { asOf: D });
    expect(art.denominator.toString()).toBe('1');
    expect(v(art)).toBe('0');
    expect(v(responseRate30s(data, { asOf: D }))).toBe('1');
  });

  it('an agent message listed before the customer in the same second does not answer it', () => {
    const data = parseStoreData({
      store: { id: 'x' },
      orders: [],
      chatSessions: [
        raw([
          { from: 'agent', at: '2026-11-10 10:00:00' },
          { from: 'customer', at: '2026-11-10 10:00:00' },
          { from: 'agent', at: '2026-11-10 10:00:40' },
        ]),
      ],
    });
    const art = averageResponseTime(data, { asOf: D });
    expect(art.denominator.toString()).toBe('1');
    expect(v(art)).toBe('40');
    // First reply at or after the first customer message: the 10:00:00 agent message, listed
    // before the customer's, is not "after" it in the record's order.
    expect(v(responseRate30s(data, { asOf: D }))).toBe('0');
  });

  it('merged pieces with equal instants are taken by start, then id, whatever the input order', () => {
    // Two records of one customer starting in the same second: "a" before "b" by id.
    const a = raw([{ from: 'customer', at: '2026-11-10 10:00:00' }], 'a');
    const b = raw(
      [
        { from: 'agent', at: '2026-11-10 10:00:00' },
        { from: 'customer', at: '2026-11-10 10:00:00' },
        { from: 'agent', at: '2026-11-10 10:00:50' },
      ],
      'b',
    );
    for (const chatSessions of [
      [a, b],
      [b, a],
    ]) {
      const data = parseStoreData({ store: { id: 'x' }, orders: [], chatSessions });
      // Merged messages: a's customer, then b's agent (answers it: 0 s), b's customer, b's agent (50 s).
      const art = averageResponseTime(data, { asOf: D });
      expect(art.numerator.toString()).toBe('50');
      expect(art.denominator.toString()).toBe('2');
      expect(v(responseRate30s(data, { asOf: D }))).toBe('1');
    }
  });

  it("a merged session's rating is the latest ratedAt; equal ratedAt: the later piece's", () => {
    const piece = (id: string, at: string, rating: string, ratedAt: string) => ({
      ...raw(
        [
          { from: 'customer', at },
          { from: 'agent', at },
        ],
        id,
      ),
      rating,
      ratedAt,
    });
    const satisfaction = (chatSessions: unknown[]) =>
      v(
        presalesSatisfaction(parseStoreData({ store: { id: 'x' }, orders: [], chatSessions }), {
          asOf: D,
        }),
      );
    // Later ratedAt wins even from the earlier piece.
    const early = piece('p1', '2026-11-10 10:00:00', 'satisfied', '2026-11-10 10:09:00');
    const late = piece('p2', '2026-11-10 10:05:00', 'dissatisfied', '2026-11-10 10:08:00');
    expect(satisfaction([early, late])).toBe('1');
    expect(satisfaction([late, early])).toBe('1');
    // Equal ratedAt: the later piece (by start) wins.
    const tie1 = piece('p1', '2026-11-10 10:00:00', 'satisfied', '2026-11-10 10:09:00');
    const tie2 = piece('p2', '2026-11-10 10:05:00', 'neutral', '2026-11-10 10:09:00');
    expect(satisfaction([tie1, tie2])).toBe('0');
    expect(satisfaction([tie2, tie1])).toBe('0');
    // Equal start and equal ratedAt: the later piece by id.
    const same1 = piece('p1', '2026-11-10 10:00:00', 'neutral', '2026-11-10 10:09:00');
    const same2 = piece('p2', '2026-11-10 10:00:00', 'very-satisfied', '2026-11-10 10:09:00');
    expect(satisfaction([same2, same1])).toBe('1');
  });

  it('a rating without ratedAt is dated at the record’s last message that has happened [consultation.presales-satisfaction#rating-happened]', () => {
    const rated = {
      ...raw([
        { from: 'customer', at: '2026-11-10 10:00:00' },
        { from: 'agent', at: '2026-11-10 10:00:10' },
      ]),
      rating: 'satisfied',
    };
    const data = parseStoreData({ store: { id: 'x' }, orders: [], chatSessions: [rated] });
    expect(v(presalesSatisfaction(data, { asOf: D }))).toBe('1');
    // The last message at the as-of instant is dropped first: the rating is dated at the
    // customer's message before it, and counts. A message still to come never changes a result:
    // without it, the same.
    const late = {
      ...raw([
        { from: 'customer', at: '2026-11-22 23:59:59' },
        { from: 'agent', at: '2026-11-23 00:00:00' },
      ]),
      rating: 'satisfied',
    };
    const withoutLate = { ...late, messages: late.messages.slice(0, 1) };
    const lateData = parseStoreData({ store: { id: 'x' }, orders: [], chatSessions: [late] });
    const windows = {
      ...defaultRuleSet.windows,
      'consultation.presales-satisfaction': {
        ...defaultRuleSet.windows['consultation.presales-satisfaction'],
        value: { fromDaysBack: 2, toDaysBack: 1 },
      },
    };
    const ruleSet: RuleSet = { ...defaultRuleSet, windows };
    const cut = parseStoreData({ store: { id: 'x' }, orders: [], chatSessions: [withoutLate] });
    expect(v(presalesSatisfaction(lateData, { asOf: D, ruleSet }))).toBe('1');
    expect(v(presalesSatisfaction(cut, { asOf: D, ruleSet }))).toBe('1');
    expect(v(presalesSatisfaction(lateData, { asOf: '2026-11-24', ruleSet }))).toBe('1');
    // Only a message before the as-of instant dates it: a session whose every message is in
    // the future is not a session yet.
    expect(presalesSatisfaction(lateData, { asOf: '2026-11-22', ruleSet }).status).toBe('no-data');
  });
});
