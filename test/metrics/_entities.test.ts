/**
 * The order, service-order and review families as tables: which entities are built for a
 * scope (`relevantFromMs`, a knowledge cut-off), and their span (`minMs`/`maxMs`, which the
 * engine measures them over). Each row states only what it is about.
 */
import { describe, expect, it } from 'vitest';
import {
  buildOrders,
  buildReviewGroups,
  buildServiceOrders,
  byIdThen,
} from '../../src/metrics/_entities.js';
import { DEFAULT_MEASUREMENT_PARAMETERS } from '../../src/rules/measurement.js';
import { dispute, order, review, serviceOrder, sh, storeData } from '../_helpers.js';

const RULES = DEFAULT_MEASUREMENT_PARAMETERS;
const NONE = Number.NEGATIVE_INFINITY;
const WHOLE = Number.POSITIVE_INFINITY;

describe('byIdThen', () => {
  it('orders by id, equal ids last', () => {
    expect([
      byIdThen({ id: 'a' }, { id: 'b' }),
      byIdThen({ id: 'b' }, { id: 'a' }),
      byIdThen({ id: 'a' }, { id: 'a' }),
    ]).toEqual([-1, 1, 0]);
  });
});

describe('buildOrders', () => {
  const placed = '2026-11-01 10:00';
  const orders = [
    order('u', placed, { id: 'paid', paidAt: sh('2026-11-02 10:00') }),
    order('u', placed, {
      id: 'cancelled',
      paidAt: sh('2026-11-02 10:00'),
      cancelledAt: sh('2026-11-03 10:00'),
    }),
    order('u', placed, {
      id: 'outbound',
      cancelledAt: sh('2026-11-02 10:00'),
      outboundAt: sh('2026-11-04 10:00'),
    }),
    order('u', placed, {
      id: 'collected',
      outboundAt: sh('2026-11-02 10:00'),
      collectedAt: sh('2026-11-05 10:00'),
    }),
    order('u', placed, {
      id: 'delivered',
      collectedAt: sh('2026-11-02 10:00'),
      deliveredAt: sh('2026-11-06 10:00'),
    }),
    order('u', placed, { id: 'cod', paidAt: undefined, cashOnDelivery: true }),
    order('u', placed, { id: 'disputed', deliveredAt: sh('2026-11-02 10:00') }),
  ];
  const disputes = [
    dispute('disputed', '2026-11-07 10:00', { id: 'd1', ruledAt: sh('2026-11-09 10:00') }),
    dispute('disputed', '2026-11-03 10:00', {
      id: 'd2',
      ruledAt: sh('2026-11-04 10:00'),
      appealUpheldAt: sh('2026-11-08 10:00'),
    }),
  ];
  const span = (data: ReturnType<typeof storeData>, from = NONE, cut = WHOLE) =>
    buildOrders(data, RULES, from, cut).map((e) => [
      e.entityId,
      e.minMs,
      e.maxMs,
      e.disputes.map((d) => d.id),
    ]);

  it('spans each order from its placement to its latest fact or its disputes’ latest', () => {
    expect(span(storeData({ orders, disputes }))).toEqual([
      ['paid', sh(placed), sh('2026-11-02 10:00'), []],
      ['cancelled', sh(placed), sh('2026-11-03 10:00'), []],
      ['outbound', sh(placed), sh('2026-11-04 10:00'), []],
      ['collected', sh(placed), sh('2026-11-05 10:00'), []],
      ['delivered', sh(placed), sh('2026-11-06 10:00'), []],
      ['cod', sh(placed), sh(placed), []],
      ['disputed', sh(placed), sh('2026-11-09 10:00'), ['d1', 'd2']],
    ]);
  });

  it('takes an appeal upheld after the ruling as the dispute’s latest fact', () => {
    const d = [dispute('paid', '2026-11-03 10:00', { appealUpheldAt: sh('2026-11-08 10:00') })];
    expect(span(storeData({ orders: orders.slice(0, 1), disputes: d }))[0]?.[2]).toBe(
      sh('2026-11-08 10:00'),
    );
  });

  it('builds the orders with a fact or a dispute’s fact at or after relevantFromMs', () => {
    const ids = (from: number) =>
      buildOrders(storeData({ orders, disputes }), RULES, from).map((e) => e.entityId);
    expect(ids(sh('2026-11-05 10:00'))).toEqual(['collected', 'delivered', 'disputed']);
    expect(ids(sh('2026-11-09 10:00'))).toEqual(['disputed']);
    expect(ids(sh('2026-11-09 10:00:00.001'))).toEqual([]);
    // An order whose only dispute is old too is not built.
    const old = [dispute('paid', '2026-11-03 10:00')];
    expect(
      buildOrders(storeData({ orders, disputes: old }), RULES, sh('2026-11-05 00:00')),
    ).toEqual(buildOrders(storeData({ orders }), RULES, sh('2026-11-05 00:00')));
  });

  it('leaves out what is not known before a knowledge cut-off', () => {
    const cut = sh('2026-11-05 10:00');
    const data = storeData({
      orders: [...orders, order('u', '2026-11-05 10:00', { id: 'later' })],
      disputes: [...disputes, dispute('paid', '2026-11-05 10:00', { id: 'd3' })],
    });
    expect(span(data, NONE, cut)).toEqual([
      ['paid', sh(placed), sh('2026-11-02 10:00'), []],
      ['cancelled', sh(placed), sh('2026-11-03 10:00'), []],
      ['outbound', sh(placed), sh('2026-11-04 10:00'), []],
      ['collected', sh(placed), sh('2026-11-02 10:00'), []],
      ['delivered', sh(placed), sh('2026-11-02 10:00'), []],
      ['cod', sh(placed), sh(placed), []],
      ['disputed', sh(placed), sh('2026-11-04 10:00'), ['d2']],
    ]);
    // Relevant as given, not once the cut-off hides its late facts.
    expect(span(data, sh('2026-11-04 10:00:00.001'), cut)).toEqual([]);
  });
});

describe('buildServiceOrders', () => {
  const applied = '2026-11-01 10:00';
  const list = [
    serviceOrder('o', applied, { id: 'applied' }),
    serviceOrder('o', applied, { id: 'approved', approvedAt: sh('2026-11-02 10:00') }),
    serviceOrder('o', applied, {
      id: 'rejected',
      approvedAt: sh('2026-11-02 10:00'),
      rejectedAt: sh('2026-11-03 10:00'),
    }),
    serviceOrder('o', applied, {
      id: 'completed',
      rejectedAt: sh('2026-11-02 10:00'),
      completedAt: sh('2026-11-04 10:00'),
    }),
    serviceOrder('o', applied, {
      id: 'rated',
      completedAt: sh('2026-11-02 10:00'),
      rating: 'satisfied',
      ratedAt: sh('2026-11-05 10:00'),
    }),
  ];
  const span = (from = NONE, cut = WHOLE) =>
    buildServiceOrders(storeData({ serviceOrders: list }), from, cut).map((e) => [
      e.entityId,
      e.minMs,
      e.maxMs,
    ]);

  it('spans each service order from its application to its latest fact', () => {
    expect(span()).toEqual([
      ['applied', sh(applied), sh(applied)],
      ['approved', sh(applied), sh('2026-11-02 10:00')],
      ['rejected', sh(applied), sh('2026-11-03 10:00')],
      ['completed', sh(applied), sh('2026-11-04 10:00')],
      ['rated', sh(applied), sh('2026-11-05 10:00')],
    ]);
  });

  it('builds those with a fact at or after relevantFromMs, as known before a cut-off', () => {
    expect(span(sh('2026-11-04 10:00')).map(([id]) => id)).toEqual(['completed', 'rated']);
    expect(span(sh('2026-11-03 10:00'), sh('2026-11-04 10:00'))).toEqual([
      ['rejected', sh(applied), sh('2026-11-03 10:00')],
    ]);
    expect(span(NONE, sh(applied))).toEqual([]);
  });
});

describe('buildReviewGroups', () => {
  const rows = (data: ReturnType<typeof storeData>, from = NONE, cut = WHOLE) =>
    buildReviewGroups(data, from, cut).map((g) => [
      g.entityId,
      g.customerId,
      g.minMs,
      g.maxMs,
      g.reviews.map((r) => r.id),
    ]);

  it('groups by customer, latest first (then by id, descending), excluded reviews left out', () => {
    const data = storeData({
      reviews: [
        review('a', '2026-11-02 10:00', 5, { id: 'r1', repliedAt: sh('2026-11-06 10:00') }),
        review('a', '2026-11-03 10:00', 4, { id: 'r2' }),
        review('a', '2026-11-03 10:00', 4, { id: 'r3' }),
        review('a', '2026-11-01 10:00', 1, { id: 'r4' }),
        review('a', '2026-10-01 10:00', 1, { id: 'x', excluded: true }),
        // A reply dated before the review: the review is its latest fact.
        review('b', '2026-11-04 10:00', 3, { id: 'r5', repliedAt: sh('2026-11-03 10:00') }),
      ],
    });
    expect(rows(data)).toEqual([
      ['a', 'a', sh('2026-11-01 10:00'), sh('2026-11-06 10:00'), ['r3', 'r2', 'r1', 'r4']],
      ['b', 'b', sh('2026-11-04 10:00'), sh('2026-11-04 10:00'), ['r5']],
    ]);
  });

  it('keeps the group’s earliest and latest facts whatever the input order', () => {
    const data = storeData({
      reviews: [
        review('a', '2026-11-03 10:00', 5, { id: 'r1', repliedAt: sh('2026-11-09 10:00') }),
        review('a', '2026-11-01 10:00', 5, { id: 'r2' }),
        review('a', '2026-11-05 10:00', 5, { id: 'r3' }),
      ],
    });
    expect(rows(data)[0]?.slice(2, 4)).toEqual([sh('2026-11-01 10:00'), sh('2026-11-09 10:00')]);
  });

  it('builds the reviews created or replied to at or after relevantFromMs, as known before a cut-off', () => {
    const data = storeData({
      reviews: [
        review('a', '2026-11-01 10:00', 5, { id: 'r1', repliedAt: sh('2026-11-05 10:00') }),
        review('a', '2026-11-04 10:00', 5, { id: 'r2' }),
        review('b', '2026-11-03 10:00', 5, { id: 'r3' }),
      ],
    });
    expect(rows(data, sh('2026-11-04 10:00'))).toEqual([
      ['a', 'a', sh('2026-11-01 10:00'), sh('2026-11-05 10:00'), ['r2', 'r1']],
    ]);
    expect(rows(data, sh('2026-11-05 10:00'))).toEqual([
      ['a', 'a', sh('2026-11-01 10:00'), sh('2026-11-05 10:00'), ['r1']],
    ]);
    // The cut-off hides r1's reply (r1 no longer relevant) and r2's creation.
    expect(rows(data, sh('2026-11-02 10:00'), sh('2026-11-04 10:00'))).toEqual([
      ['b', 'b', sh('2026-11-03 10:00'), sh('2026-11-03 10:00'), ['r3']],
    ]);
  });
});
