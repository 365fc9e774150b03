/**
 * openDeadlines: each kind of open case at its boundaries, the `at` instant itself included.
 */
import { describe, expect, it } from 'vitest';
import { openDeadlines } from '../../src/advice/deadlines.js';
import { defineRuleSet } from '../../src/ruleset/defineRuleSet.js';
import { chat, order, review, serviceOrder, sh, storeData } from '../_helpers.js';

const ids = (list: ReturnType<typeof openDeadlines>) =>
  list.map((e) => [e.metric, e.recordId, e.deadline]);

describe('openDeadlines: reviews (24-hour handling)', () => {
  const r = review('u1', '2026-11-21 10:00:00', 2, { id: 'r-1' });
  const data = storeData({ reviews: [r] });

  it('is open until exactly 24 h after creation, the last instant included', () => {
    expect(ids(openDeadlines(data, { at: '2026-11-22 10:00:00' }))).toEqual([
      ['reviews.negative-handling-rate-24h', 'r-1', '2026-11-22T10:00:00.000+08:00'],
    ]);
    expect(openDeadlines(data, { at: '2026-11-22 10:00:00' })[0]?.leftMs).toBe(0);
    expect(openDeadlines(data, { at: '2026-11-22 10:00:00.001' })).toEqual([]);
  });

  it('is not open before the review exists (created at `at` is not known) nor once replied', () => {
    expect(openDeadlines(data, { at: '2026-11-21 10:00:00' })).toEqual([]);
    expect(openDeadlines(data, { at: '2026-11-21 10:00:00.001' })).toHaveLength(1);
    const replied = storeData({ reviews: [{ ...r, repliedAt: sh('2026-11-21 12:00:00') }] });
    expect(openDeadlines(replied, { at: '2026-11-21 11:00' })).toHaveLength(1);
    // A reply at `at` itself has not happened: still open; 1 ms later it has.
    expect(openDeadlines(replied, { at: '2026-11-21 12:00:00' })).toHaveLength(1);
    expect(openDeadlines(replied, { at: '2026-11-21 12:00:00.001' })).toEqual([]);
  });

  it('covers 1–3 stars only, and never an excluded review', () => {
    const data2 = storeData({
      reviews: [
        review('u1', '2026-11-21 10:00', 1, { id: 'one' }),
        review('u1', '2026-11-21 10:00', 3, { id: 'three' }),
        review('u1', '2026-11-21 10:00', 4, { id: 'four' }),
        review('u1', '2026-11-21 10:00', 1, { id: 'gone', excluded: true }),
      ],
    });
    expect(openDeadlines(data2, { at: '2026-11-21 11:00' }).map((e) => e.recordId)).toEqual([
      'one',
      'three',
    ]);
  });
});

describe('openDeadlines: orders (collection and arrival)', () => {
  it('is due by 23:59:59.999 of the shippable day before the 16:00 cut-off, the next day from 16:00', () => {
    const early = order('u1', '2026-11-21 15:59:59.999', { id: 'early' });
    const late = order('u2', '2026-11-21 16:00:00', { id: 'late' });
    const open = openDeadlines(storeData({ orders: [early, late] }), { at: '2026-11-21 17:00' });
    expect(ids(open)).toEqual([
      ['logistics.same-day-collection-rate', 'early', '2026-11-21T23:59:59.999+08:00'],
      ['logistics.next-day-arrival-rate', 'early', '2026-11-22T23:59:59.999+08:00'],
      ['logistics.next-day-arrival-rate', 'late', '2026-11-22T23:59:59.999+08:00'],
      ['logistics.same-day-collection-rate', 'late', '2026-11-22T23:59:59.999+08:00'],
    ]);
  });

  it('closes at 00:00 the day after the due day, and once collected or delivered', () => {
    const o = order('u1', '2026-11-21 10:00', { id: 'o' });
    expect(
      openDeadlines(storeData({ orders: [o] }), { at: '2026-11-21 23:59:59.999' }),
    ).toHaveLength(2);
    expect(ids(openDeadlines(storeData({ orders: [o] }), { at: '2026-11-22 00:00' }))).toEqual([
      ['logistics.next-day-arrival-rate', 'o', '2026-11-22T23:59:59.999+08:00'],
    ]);
    const done = { ...o, collectedAt: sh('2026-11-21 18:00'), deliveredAt: sh('2026-11-22 09:00') };
    expect(openDeadlines(storeData({ orders: [done] }), { at: '2026-11-22 10:00' })).toEqual([]);
  });

  it('follows the rule set: arrivalDays 2 (隔日达), an 18:00 cut-off', () => {
    const rules = defineRuleSet({ logistics: { arrivalDays: 2, collectionCutoffHour: 18 } });
    const o = order('u1', '2026-11-21 17:00', { id: 'o' });
    expect(
      ids(openDeadlines(storeData({ orders: [o] }), { at: '2026-11-21 17:30', ruleSet: rules })),
    ).toEqual([
      ['logistics.same-day-collection-rate', 'o', '2026-11-21T23:59:59.999+08:00'],
      ['logistics.next-day-arrival-rate', 'o', '2026-11-23T23:59:59.999+08:00'],
    ]);
  });

  it('leaves out unpaid prepaid orders and cancelled ones; counts cash on delivery from placement', () => {
    const unpaid = order('u1', '2026-11-21 10:00', { id: 'unpaid', paidAt: undefined });
    const cancelled = order('u2', '2026-11-21 10:00', {
      id: 'x',
      cancelledAt: sh('2026-11-21 11:00'),
    });
    const cod = order('u3', '2026-11-21 10:00', {
      id: 'cod',
      paidAt: undefined,
      cashOnDelivery: true,
    });
    const open = openDeadlines(storeData({ orders: [unpaid, cancelled, cod] }), {
      at: '2026-11-21 12:00',
    });
    expect([...new Set(open.map((e) => e.recordId))]).toEqual(['cod']);
  });
});

describe('openDeadlines: service orders (after-sales duration)', () => {
  it('lists an approved, uncompleted service order with the hours on its clock, due at 60 h', () => {
    const o = order('u1', '2026-11-10 10:00', { id: 'o1' });
    const s = serviceOrder('o1', '2026-11-20 10:00', {
      id: 's1',
      approvedAt: sh('2026-11-20 12:00'),
    });
    const [e] = openDeadlines(storeData({ orders: [o], serviceOrders: [s] }), {
      at: '2026-11-21 16:00',
    });
    expect(e).toMatchObject({
      metric: 'after-sales.duration',
      recordId: 's1',
      customerId: 'u1',
      deadline: '2026-11-22T22:00:00.000+08:00',
      hoursOnClock: 30,
    });
    // Past 60 h the deadline has passed; completed or rejected, nothing is open.
    expect(
      openDeadlines(storeData({ orders: [o], serviceOrders: [s] }), {
        at: '2026-11-22 22:00:00.001',
      }),
    ).toEqual([]);
    const done = { ...s, completedAt: sh('2026-11-21 09:00') };
    expect(
      openDeadlines(storeData({ orders: [o], serviceOrders: [done] }), { at: '2026-11-21 16:00' }),
    ).toEqual([]);
  });
});

describe('openDeadlines: chats (30-second rate)', () => {
  it('lists a pre-sales consultation waiting for its first reply until 30 s after the first message', () => {
    const waiting = chat('u1', [['customer', '2026-11-21 10:00:00']], { id: 'c1' });
    const data = storeData({ chatSessions: [waiting] });
    expect(ids(openDeadlines(data, { at: '2026-11-21 10:00:10' }))).toEqual([
      ['consultation.response-rate-30s', 'c1', '2026-11-21T10:00:30.000+08:00'],
    ]);
    expect(openDeadlines(data, { at: '2026-11-21 10:00:30' })).toHaveLength(1);
    expect(openDeadlines(data, { at: '2026-11-21 10:00:30.001' })).toEqual([]);
  });

  it('closes with a reply known before `at`, and leaves out 留言, after-sales and off-hours sessions', () => {
    const replied = chat(
      'u1',
      [
        ['customer', '2026-11-21 10:00:00'],
        ['agent', '2026-11-21 10:00:05'],
      ],
      { id: 'c1' },
    );
    expect(
      openDeadlines(storeData({ chatSessions: [replied] }), { at: '2026-11-21 10:00:05' }),
    ).toHaveLength(1);
    expect(
      openDeadlines(storeData({ chatSessions: [replied] }), { at: '2026-11-21 10:00:05.001' }),
    ).toEqual([]);
    const others = storeData({
      chatSessions: [
        chat('u2', [['customer', '2026-11-21 10:00:00']], { kind: 'offline-message' }),
        chat('u3', [['customer', '2026-11-21 10:00:00']], { stage: 'after-sales' }),
        chat('u4', [['customer', '2026-11-21 07:59:59']]),
      ],
    });
    expect(openDeadlines(others, { at: '2026-11-21 10:00:01' })).toEqual([]);
  });
});

describe('openDeadlines: arguments', () => {
  it('sorts by deadline and refuses unparsed data or a malformed instant', () => {
    const data = storeData({
      reviews: [review('u1', '2026-11-21 09:00', 1, { id: 'r' })],
      chatSessions: [chat('u1', [['customer', '2026-11-21 10:00:00']], { id: 'c' })],
    });
    expect(openDeadlines(data, { at: '2026-11-21 10:00:01' }).map((e) => e.recordId)).toEqual([
      'c',
      'r',
    ]);
    expect(() => openDeadlines({} as never, { at: '2026-11-21 10:00' })).toThrow(/parseStoreData/);
    expect(() => openDeadlines(data, { at: 'soon' })).toThrow(/instant/);
  });
});
