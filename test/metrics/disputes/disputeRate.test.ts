import { describe, expect, it } from 'vitest';
import { disputeRate } from '../../../src/evaluate/calculators.js';
import { evaluateHistory, evaluateStore } from '../../../src/evaluate/evaluate.js';
import { parseStoreData } from '../../../src/index.js';
import type { StoreData } from '../../../src/model.js';
import type { MetricResult } from '../../../src/scoring/metric.js';
import { dispute, order, sh, storeData } from '../../_helpers.js';

// Evaluation day used throughout: D = 2026-11-23, dispute window [D−35, D−5] = 2026-10-19..2026-11-18.
const D = '2026-11-23';
const D1 = '2026-11-24';
const v = (r: MetricResult) => r.value?.toString() ?? null;
const frac = (r: MetricResult) => `${r.numerator.toString()}/${r.denominator.toString()}`;

/** evaluateHistory over [from, to] equals evaluateStore day by day (and the calculator). */
function expectHistoryMatches(data: StoreData, from: string, to: string): void {
  const days = evaluateHistory(data, { from, to });
  expect(days.length).toBeGreaterThan(20);
  let nonEmpty = 0;
  for (const card of days) {
    const r = card.metrics['disputes.dispute-rate'];
    expect(r, card.asOf).toEqual(
      evaluateStore(data, { asOf: card.asOf }).metrics['disputes.dispute-rate'],
    );
    expect(r, card.asOf).toEqual(disputeRate(data, { asOf: card.asOf }));
    if (r.status !== 'no-data') nonEmpty++;
  }
  expect(nonEmpty).toBeGreaterThan(0);
}

const fixture = () => {
  const p1 = order('u1', '2026-11-01 10:00:00');
  const p2 = order('u2', '2026-11-01 10:00:00');
  const p3 = order('u3', '2026-11-01 10:00:00');
  const p4 = order('u4', '2026-11-01 10:00:00');
  const p5 = order('u5', '2026-11-02 10:00:00');
  const p6 = order('u6', '2026-11-02 10:00:00', { paidAt: undefined });
  const p7 = order('u7', '2026-11-02 10:00:00', { paidAt: undefined, cashOnDelivery: true });
  const p8 = order('u8', '2026-11-02 10:00:00');
  const p9 = order('u9', '2026-11-03 10:00:00', { cancelledAt: sh('2026-11-04 10:00:00') });
  return storeData({
    orders: [p1, p2, p3, p4, p5, p6, p7, p8, p9],
    disputes: [
      // p1: ruled merchant-responsible 11-05 → 1.
      dispute(p1.id, '2026-11-03 10:00:00', {
        ruling: 'merchant',
        ruledAt: sh('2026-11-05 10:00:00'),
      }),
      // p2: ruled shared, appeal upheld 11-10 → 0.
      dispute(p2.id, '2026-11-03 10:00:00', {
        ruling: 'shared',
        ruledAt: sh('2026-11-06 10:00:00'),
        appealUpheldAt: sh('2026-11-10 10:00:00'),
      }),
      // p3: ruled customer- and platform-responsible → 0.
      dispute(p3.id, '2026-11-03 10:00:00', {
        ruling: 'customer',
        ruledAt: sh('2026-11-05 10:00:00'),
      }),
      dispute(p3.id, '2026-11-03 11:00:00', {
        ruling: 'platform',
        ruledAt: sh('2026-11-05 10:00:00'),
      }),
      // p4: ruled merchant at exactly the as-of instant → 0 at D, 1 at D+1.
      dispute(p4.id, '2026-11-03 10:00:00', {
        ruling: 'merchant',
        ruledAt: sh('2026-11-23 00:00:00'),
      }),
      // p5: two disputes, merchant and shared → 2.
      dispute(p5.id, '2026-11-03 10:00:00', {
        ruling: 'merchant',
        ruledAt: sh('2026-11-05 10:00:00'),
      }),
      dispute(p5.id, '2026-11-04 10:00:00', {
        ruling: 'shared',
        ruledAt: sh('2026-11-06 10:00:00'),
      }),
      // p6: unpaid order: neither it nor its dispute counts.
      dispute(p6.id, '2026-11-03 10:00:00', {
        ruling: 'merchant',
        ruledAt: sh('2026-11-05 10:00:00'),
      }),
      // p8: a ruling without a ruling time is never known → 0.
      dispute(p8.id, '2026-11-03 10:00:00', { ruling: 'merchant' }),
      // p8: opened, not ruled → 0.
      dispute(p8.id, '2026-11-03 11:00:00'),
    ],
  });
};

describe('disputeRate (交易纠纷率)', () => {
  it('counts merchant and shared rulings minus upheld appeals per order placed (hand-checked) [disputes.dispute-rate#order-counts, disputes.dispute-rate#rulings]', () => {
    // Orders: p1, p2, p3, p4, p5, p7 (cash on delivery, unpaid), p8, p9 (paid, later cancelled) = 8; p6 unpaid.
    // Disputes: p1 1 + p5 2 = 3 (p2 appeal upheld, p3 not merchant, p4 ruling not known, p8 never ruled).
    // 3 / 8 = 0.375
    const r = disputeRate(fixture(), { asOf: D });
    expect(frac(r)).toBe('3/8');
    expect(v(r)).toBe('0.375');
    expect(r.status).toBe('too-little-data');
    expect(r.unit).toBe('ratio');
    expect(r.direction).toBe('lower-is-better');
    expect(r.window).toEqual({ from: '2026-10-19', to: '2026-11-18' });
    // D+1: p4's ruling (stamped at D 00:00) is known: 4 / 8 = 0.5.
    expect(frac(disputeRate(fixture(), { asOf: D1 }))).toBe('4/8');
  });

  it('knows a ruling stamped 1 ms before the as-of instant, not one stamped at it [disputes.dispute-rate#rulings]', () => {
    const a = order('u1', '2026-11-10 10:00:00');
    const b = order('u2', '2026-11-10 10:00:00');
    const data = storeData({
      orders: [a, b],
      disputes: [
        dispute(a.id, '2026-11-12 10:00:00', {
          ruling: 'merchant',
          ruledAt: sh('2026-11-22 23:59:59.999'),
        }),
        dispute(b.id, '2026-11-12 10:00:00', {
          ruling: 'shared',
          ruledAt: sh('2026-11-23 00:00:00'),
        }),
      ],
    });
    expect(v(disputeRate(data, { asOf: D }))).toBe('0.5');
    expect(v(disputeRate(data, { asOf: D1 }))).toBe('1');
  });

  it('leaves out a dispute once its upheld appeal has happened [disputes.dispute-rate#appeal-upheld]', () => {
    const a = order('u1', '2026-11-10 10:00:00');
    const b = order('u2', '2026-11-10 10:00:00');
    const data = storeData({
      orders: [a, b],
      disputes: [
        // Upheld 1 ms before the as-of instant: left out at D.
        dispute(a.id, '2026-11-12 10:00:00', {
          ruling: 'merchant',
          ruledAt: sh('2026-11-15 10:00:00'),
          appealUpheldAt: sh('2026-11-22 23:59:59.999'),
        }),
        // Upheld at the as-of instant: still counts at D, left out at D+1.
        dispute(b.id, '2026-11-12 10:00:00', {
          ruling: 'shared',
          ruledAt: sh('2026-11-15 10:00:00'),
          appealUpheldAt: sh('2026-11-23 00:00:00'),
        }),
      ],
    });
    expect(frac(disputeRate(data, { asOf: D }))).toBe('1/2');
    expect(frac(disputeRate(data, { asOf: D1 }))).toBe('0/2');
    // Before either appeal: both count.
    expect(frac(disputeRate(data, { asOf: '2026-11-20' }))).toBe('2/2');
  });

  it('counts a prepaid order only once paid, with its disputes [disputes.dispute-rate#order-counts, disputes.dispute-rate#order-not-counted]', () => {
    // Placed 11-10, paid at the as-of instant, dispute ruled merchant 11-15.
    const a = order('u1', '2026-11-10 10:00:00', { paidAt: sh('2026-11-23 00:00:00') });
    const data = storeData({
      orders: [a],
      disputes: [
        dispute(a.id, '2026-11-12 10:00:00', {
          ruling: 'merchant',
          ruledAt: sh('2026-11-15 10:00:00'),
        }),
      ],
    });
    const atD = disputeRate(data, { asOf: D });
    expect(atD.status).toBe('no-data');
    expect(atD.value).toBeNull();
    expect(frac(atD)).toBe('0/0');
    expect(frac(disputeRate(data, { asOf: D1 }))).toBe('1/1');
  });

  it('counts a cash-on-delivery order from placement, and never an unpaid prepaid one', () => {
    const data = storeData({
      orders: [
        order('u1', '2026-11-10 10:00:00', { paidAt: undefined, cashOnDelivery: true }),
        order('u2', '2026-11-10 10:00:00', { paidAt: undefined }),
      ],
    });
    expect(frac(disputeRate(data, { asOf: D }))).toBe('0/1');
    expect(frac(disputeRate(data, { asOf: '2027-01-01' }))).toBe('0/0');
  });

  it('anchors on the placement day: D−35 00:00 and D−5 23:59:59.999 in, 1 ms outside out', () => {
    const first = order('u1', '2026-10-19 00:00:00');
    const beforeFirst = order('u2', '2026-10-18 23:59:59.999');
    const last = order('u3', '2026-11-18 23:59:59.999');
    const afterLast = order('u4', '2026-11-19 00:00:00');
    const ruled = { ruling: 'merchant', ruledAt: sh('2026-11-20 10:00:00') } as const;
    const data = storeData({
      orders: [first, beforeFirst, last, afterLast],
      // One merchant dispute on `first` and two on `afterLast`, so that each set of orders shows.
      disputes: [
        dispute(first.id, '2026-11-01 10:00:00', ruled),
        dispute(afterLast.id, '2026-11-19 10:00:00', ruled),
        dispute(afterLast.id, '2026-11-19 11:00:00', ruled),
      ],
    });
    // D: first + last → 1 / 2.
    expect(frac(disputeRate(data, { asOf: D }))).toBe('1/2');
    // D+1 (window 10-20..11-19): last + afterLast → 2 / 2.
    expect(frac(disputeRate(data, { asOf: D1 }))).toBe('2/2');
    // D−1 (window 10-18..11-17): first + beforeFirst → 1 / 2.
    expect(frac(disputeRate(data, { asOf: '2026-11-22' }))).toBe('1/2');
    // D−3 (window 10-16..11-15): first + beforeFirst, the ruling on first (11-20 10:00) not known yet → 0 / 2.
    expect(frac(disputeRate(data, { asOf: '2026-11-20' }))).toBe('0/2');
  });

  it('dates a ruling without ruledAt at openedAt, so it counts [disputes.dispute-rate#rulings]', () => {
    const data = parseStoreData({
      store: { id: 's' },
      orders: [
        {
          id: 'o1',
          customerId: 'u1',
          placedAt: '2026-11-01 10:00',
          paidAt: '2026-11-01 10:00',
          amount: 10,
        },
        {
          id: 'o2',
          customerId: 'u2',
          placedAt: '2026-11-01 11:00',
          paidAt: '2026-11-01 11:00',
          amount: 10,
        },
      ],
      disputes: [{ id: 'd1', orderId: 'o1', openedAt: '2026-11-03 10:00', ruling: 'merchant' }],
    });
    expect(frac(disputeRate(data, { asOf: D }))).toBe('1/2');
  });

  it('is no-data on an empty window, never NaN', () => {
    const r = disputeRate(storeData(), { asOf: D });
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(frac(r)).toBe('0/0');
  });

  it('evaluateHistory equals evaluateStore day by day', () => {
    expectHistoryMatches(fixture(), '2026-11-01', '2026-12-15');
    const a = order('u1', '2026-11-10 10:00:00', { paidAt: sh('2026-11-23 00:00:00') });
    const b = order('u2', '2026-11-10 10:00:00', { paidAt: undefined, cashOnDelivery: true });
    const late = storeData({
      orders: [a, b],
      disputes: [
        dispute(a.id, '2026-11-12 10:00:00', {
          ruling: 'merchant',
          ruledAt: sh('2026-11-15 10:00:00'),
        }),
        dispute(b.id, '2026-11-12 10:00:00', {
          ruling: 'shared',
          ruledAt: sh('2026-11-20 10:00:00'),
          appealUpheldAt: sh('2026-11-30 10:00:00'),
        }),
      ],
    });
    expectHistoryMatches(late, '2026-11-10', '2026-12-31');
  });
});
