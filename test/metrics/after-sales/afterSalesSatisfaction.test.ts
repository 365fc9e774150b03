/**
 * 售后满意度 after-sales satisfaction, from its documented rule (docs/metrics.md): after-sales
 * (very satisfied + satisfied) / after-sales rated consultation sessions, anchored on the session
 * start, chat window `[D−35, D−6]`; after-sales when the customer had any order placed before
 * the session start, unless the session's `stage` says otherwise; no assessment hours; offline
 * messages (留言) never count; a rating at or after the as-of instant is not given yet, one
 * without `ratedAt` is dated at the session's last message.
 */
import { describe, expect, it } from 'vitest';
import {
  afterSalesSatisfaction,
  defineRuleSet,
  type Order,
  presalesSatisfaction,
} from '../../../src/index.js';
import { chat, order, sh, storeData } from '../../_helpers.js';
import { aroundD, CHAT_WINDOW, rated, ratedAtWindowEdges } from '../consultation/_fixtures.js';
import { D, D1, parts, SATISFIED_BY_RATING, v } from './_fixtures.js';

/** An order of `customerId` placed long before every session: its sessions are after-sales. */
const earlier = (customerId: string): Order => order(customerId, '2026-09-01 10:00:00');

describe('afterSalesSatisfaction (售后满意度)', () => {
  it('divides after-sales sessions rated very satisfied or satisfied by after-sales rated sessions (hand-checked)', () => {
    const data = storeData({
      chatSessions: [
        rated('a1', '2026-11-10 10:00:00', 'very-satisfied'), // satisfied
        rated('a2', '2026-11-10 10:00:00', 'satisfied'), // satisfied
        rated('a3', '2026-11-10 10:00:00', 'neutral'), // rated
        rated('a4', '2026-11-10 10:00:00', 'dissatisfied'), // rated
        rated('a5', '2026-11-10 10:00:00', 'very-dissatisfied'), // rated
        chat('a6', [['customer', '2026-11-10 10:00:00']]), // after-sales, unrated: nowhere
        rated('p1', '2026-11-10 10:00:00', 'dissatisfied'), // no earlier order: pre-sales
      ],
      orders: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map(earlier),
    });
    const r = afterSalesSatisfaction(data, { asOf: D });
    // (1 + 1) / 5 = 0.4
    expect(parts(r)).toEqual({
      numerator: '2',
      denominator: '5',
      value: '0.4',
      status: 'too-little-data',
    });
    expect(r.id).toBe('after-sales.satisfaction');
    expect(r.module).toBe('after-sales');
    expect(r.unit).toBe('ratio');
    expect(r.direction).toBe('higher-is-better');
    expect(r.window).toEqual(CHAT_WINDOW);
    // The pre-sales rating went to pre-sales satisfaction.
    expect(parts(presalesSatisfaction(data, { asOf: D }))).toMatchObject({
      numerator: '0',
      denominator: '1',
    });
  });

  it('treats very satisfied and satisfied as satisfied, neutral and below not', () => {
    for (const [rating, expected] of SATISFIED_BY_RATING) {
      const data = storeData({
        chatSessions: [rated('a1', '2026-11-10 10:00:00', rating)],
        orders: [earlier('a1')],
      });
      expect(v(afterSalesSatisfaction(data, { asOf: D })), rating).toBe(expected);
    }
  });

  it('counts sessions starting on D−35 (from 00:00) and D−6 (to 23:59:59.999), not 1 ms outside', () => {
    const data = storeData({
      chatSessions: ratedAtWindowEdges(),
      orders: ['e1', 'e2', 'e3', 'e4'].map(earlier),
    });
    // D: e2 and e3; D−1: e1 and e2; D+1: e3 and e4.
    expect(aroundD(afterSalesSatisfaction, data)).toEqual({
      '2026-11-22': '2/2',
      '2026-11-23': '1/2',
      '2026-11-24': '0/2',
    });
    expect(v(afterSalesSatisfaction(data, { asOf: D }))).toBe('0.5');
  });

  it('applies no assessment hours: sessions at 03:00 and 07:59:59.999 count, under the 09:00–23:00 alternative too [after-sales.satisfaction#no-assessment-hours]', () => {
    const data = storeData({
      chatSessions: [
        rated('a1', '2026-11-10 03:00:00', 'satisfied'),
        rated('a2', '2026-11-10 07:59:59.999', 'neutral'),
        rated('a3', '2026-11-10 23:30:00', 'satisfied'),
      ],
      orders: ['a1', 'a2', 'a3'].map(earlier),
    });
    const expected = {
      numerator: '2',
      denominator: '3',
      value: '0.6666666666666666666666666666666666666667',
    };
    expect(parts(afterSalesSatisfaction(data, { asOf: D }))).toMatchObject(expected);
    const alternative = defineRuleSet({ chat: { assessmentHours: { fromHour: 9, toHour: 23 } } });
    expect(parts(afterSalesSatisfaction(data, { asOf: D, ruleSet: alternative }))).toMatchObject(
      expected,
    );
  });

  it('is after-sales when an order was placed 1 ms before the session start, not at it; an explicit stage wins [after-sales.satisfaction#stage]', () => {
    const data = storeData({
      chatSessions: [
        rated('a1', '2026-11-10 10:00:00', 'satisfied'), // ordered 1 ms before: after-sales
        rated('a2', '2026-11-10 10:00:00', 'satisfied'), // ordered at the start: pre-sales
        rated('a3', '2026-11-10 10:00:00', 'dissatisfied'), // unpaid, cancelled order before: after-sales
        rated('a4', '2026-11-10 10:00:00', 'very-satisfied', { stage: 'pre-sales' }), // earlier order, stage says pre-sales
        rated('a5', '2026-11-10 10:00:00', 'neutral', { stage: 'after-sales' }), // no order, stage says after-sales
      ],
      orders: [
        order('a1', '2026-11-10 09:59:59.999'),
        order('a2', '2026-11-10 10:00:00'),
        order('a3', '2026-11-01 10:00:00', {
          paidAt: undefined,
          cancelledAt: sh('2026-11-01 11:00:00'),
        }),
        earlier('a4'),
      ],
    });
    // After-sales: a1 (satisfied), a3, a5 → 1 / 3.
    expect(parts(afterSalesSatisfaction(data, { asOf: D }))).toMatchObject({
      numerator: '1',
      denominator: '3',
      value: '0.3333333333333333333333333333333333333333',
    });
    // Pre-sales: a2 and a4, both satisfied.
    expect(parts(presalesSatisfaction(data, { asOf: D }))).toMatchObject({
      numerator: '2',
      denominator: '2',
      value: '1',
    });
  });

  it('counts a rating stamped 1 ms before the as-of instant, not one stamped at it (until D+1)', () => {
    const data = storeData({
      chatSessions: [
        rated('a1', '2026-11-17 10:00:00', 'satisfied', {
          ratedAt: sh('2026-11-22 23:59:59.999'),
        }),
        rated('a2', '2026-11-17 10:00:00', 'very-dissatisfied', {
          ratedAt: sh('2026-11-23 00:00:00'),
        }),
      ],
      orders: ['a1', 'a2'].map(earlier),
    });
    expect(parts(afterSalesSatisfaction(data, { asOf: D }))).toMatchObject({
      numerator: '1',
      denominator: '1',
      value: '1',
    });
    // D+1: the session start 2026-11-17 is still in the window [2026-10-20, 2026-11-18].
    expect(parts(afterSalesSatisfaction(data, { asOf: D1 }))).toMatchObject({
      numerator: '1',
      denominator: '2',
      value: '0.5',
    });
  });

  it('dates a rating without ratedAt at the session’s last message that has happened', () => {
    const { ratedAt: _a, ...undated } = rated('a1', '2026-11-17 10:00:00', 'very-satisfied');
    // Its last message is at the as-of instant: dropped first, the rating is dated at the
    // customer's message before it, and counts.
    const { ratedAt: _b, ...late } = {
      ...rated('a2', '2026-11-17 23:59:59.999', 'neutral'),
      messages: [
        { from: 'customer' as const, at: sh('2026-11-17 23:59:59.999') },
        { from: 'agent' as const, at: sh('2026-11-23 00:00:00') },
      ],
    };
    const data = storeData({ chatSessions: [undated, late], orders: ['a1', 'a2'].map(earlier) });
    expect(parts(afterSalesSatisfaction(data, { asOf: D }))).toMatchObject({
      numerator: '1',
      denominator: '2',
      value: '0.5',
    });
    // A message still to come never changes a result: without it, the same.
    const cut = storeData({
      chatSessions: [undated, { ...late, messages: late.messages.slice(0, 1) }],
      orders: ['a1', 'a2'].map(earlier),
    });
    expect(parts(afterSalesSatisfaction(cut, { asOf: D }))).toEqual(
      parts(afterSalesSatisfaction(data, { asOf: D })),
    );
  });

  it('never counts an offline message (留言), rated or answered, nor merges it with a consultation [after-sales.satisfaction#consultations-only]', () => {
    const offline = rated('a1', '2026-11-10 10:05:00', 'very-satisfied', {
      kind: 'offline-message',
      ratedAt: sh('2026-11-10 10:08:00'),
    });
    const alone = storeData({ chatSessions: [offline], orders: [earlier('a1')] });
    expect(parts(afterSalesSatisfaction(alone, { asOf: D }))).toEqual({
      numerator: '0',
      denominator: '0',
      value: null,
      status: 'no-data',
    });
    // A consultation 5 minutes earlier, rated dissatisfied at 10:01: the 留言 does not merge into
    // it (merged, its later rating would win), so only the consultation's rating counts.
    const consultation = rated('a1', '2026-11-10 10:00:00', 'dissatisfied', {
      ratedAt: sh('2026-11-10 10:01:00'),
    });
    const both = storeData({ chatSessions: [consultation, offline], orders: [earlier('a1')] });
    expect(parts(afterSalesSatisfaction(both, { asOf: D }))).toMatchObject({
      numerator: '0',
      denominator: '1',
      value: '0',
    });
  });

  it('is too-little-data below 10 rated sessions and ok from 10', () => {
    const store = (n: number) => {
      const ids = Array.from({ length: n }, (_, i) => `a${i + 1}`);
      return storeData({
        chatSessions: ids.map((c, i) =>
          rated(c, '2026-11-10 10:00:00', i < 9 ? 'satisfied' : 'neutral'),
        ),
        orders: ids.map(earlier),
      });
    };
    expect(parts(afterSalesSatisfaction(store(9), { asOf: D }))).toEqual({
      numerator: '9',
      denominator: '9',
      value: '1',
      status: 'too-little-data',
    });
    expect(parts(afterSalesSatisfaction(store(10), { asOf: D }))).toEqual({
      numerator: '9',
      denominator: '10',
      value: '0.9',
      status: 'ok',
    });
  });

  it('is no-data on an empty window, never NaN', () => {
    const outside = storeData({
      chatSessions: [rated('a1', '2026-11-18 00:00:00', 'satisfied')],
      orders: [earlier('a1')],
    });
    for (const data of [storeData(), outside]) {
      expect(parts(afterSalesSatisfaction(data, { asOf: D }))).toEqual({
        numerator: '0',
        denominator: '0',
        value: null,
        status: 'no-data',
      });
    }
  });
});
