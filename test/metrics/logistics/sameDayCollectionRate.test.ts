import { describe, expect, it } from 'vitest';
import { sameDayCollectionRate } from '../../../src/index.js';
import { order, sh, storeData } from '../../_helpers.js';
import { collectionFixture, D, D1, frac, v, withLogistics } from './_fixtures.js';

describe('sameDayCollectionRate (当日揽收率)', () => {
  it('counts orders collected by the end of their due day (hand-checked) [logistics.same-day-collection-rate#shippable, logistics.same-day-collection-rate#collected-in-time, logistics.same-day-collection-rate#cancelled]', () => {
    // In time: c1, c3, c6 = 3. Due: c1, c2, c3, c4, c6, c8 = 6 (c5 unpaid, c7 cancelled in time).
    // 3 / 6 = 0.5
    const r = sameDayCollectionRate(collectionFixture(), { asOf: D });
    expect(frac(r)).toBe('3/6');
    expect(v(r)).toBe('0.5');
    expect(r.status).toBe('too-little-data');
    expect(r.unit).toBe('ratio');
    expect(r.direction).toBe('higher-is-better');
    expect(r.window).toEqual({ from: '2026-10-24', to: '2026-11-22' });
  });

  it('puts an order paid at the cut-off on the next day, 1 ms before it on the same day [logistics.same-day-collection-rate#due-day]', () => {
    // Both collected 11-11 12:00: in time only for the order due 11-11.
    const data = storeData({
      orders: [
        order('u1', '2026-11-10 15:59:59.999', { collectedAt: sh('2026-11-11 12:00:00') }),
        order('u2', '2026-11-10 16:00:00', { collectedAt: sh('2026-11-11 12:00:00') }),
      ],
    });
    expect(frac(sameDayCollectionRate(data, { asOf: D }))).toBe('1/2');
    // A later cut-off (18:00) puts both on 11-10: neither collected in time.
    expect(frac(sameDayCollectionRate(data, { asOf: D, ruleSet: withLogistics(1, 18) }))).toBe(
      '0/2',
    );
  });

  it('anchors on the due day: first and last window days, and 1 ms either side', () => {
    const data = storeData({
      orders: [
        // Due 10-23 (paid 15:59:59.999): before the window.
        order('u1', '2026-10-23 15:59:59.999'),
        // Due 10-24 (paid 10-23 16:00, after the cut-off): first window day.
        order('u2', '2026-10-23 16:00:00', { collectedAt: sh('2026-10-24 09:00:00') }),
        // Due 11-22 (paid 15:59:59.999): last window day, collected in time.
        order('u3', '2026-11-22 15:59:59.999', { collectedAt: sh('2026-11-22 20:00:00') }),
        // Due 11-23 (paid 16:00): not in the window of D yet; never collected.
        order('u4', '2026-11-22 16:00:00'),
      ],
    });
    // D: u2 and u3, both in time.
    expect(frac(sameDayCollectionRate(data, { asOf: D }))).toBe('2/2');
    // D+1: window 10-25..11-23. u2 has left; u3 (in time) and u4 (late) are in.
    expect(frac(sameDayCollectionRate(data, { asOf: D1 }))).toBe('1/2');
    // D−1: window 10-23..11-21: u1 (late) and u2 (in time).
    expect(frac(sameDayCollectionRate(data, { asOf: '2026-11-22' }))).toBe('1/2');
    expect(frac(sameDayCollectionRate(data, { asOf: '2026-12-24' }))).toBe('0/0');
  });

  it('counts a cash-on-delivery order from placement, paid on delivery after the as-of instant', () => {
    // Placed 11-22 10:00 (due 11-22), paid on delivery 11-23 12:00: due in D's window already.
    const data = storeData({
      orders: [
        order('u1', '2026-11-22 10:00:00', {
          cashOnDelivery: true,
          paidAt: sh('2026-11-23 12:00:00'),
          collectedAt: sh('2026-11-22 18:00:00'),
        }),
      ],
    });
    expect(frac(sameDayCollectionRate(data, { asOf: D }))).toBe('1/1');
  });

  it('does not count an order paid at the as-of instant until the next day', () => {
    // Placed 11-22, paid 11-23 00:00 (the as-of instant) → due 11-23, collected 11-23 09:00.
    const data = storeData({
      orders: [
        order('u1', '2026-11-22 20:00:00', {
          paidAt: sh('2026-11-23 00:00:00'),
          collectedAt: sh('2026-11-23 09:00:00'),
        }),
      ],
    });
    const atD = sameDayCollectionRate(data, { asOf: D });
    expect(atD.status).toBe('no-data');
    expect(atD.value).toBeNull();
    expect(v(sameDayCollectionRate(data, { asOf: D1 }))).toBe('1');
  });

  it('counts a collection stamped at the as-of instant as late for an order due the day before', () => {
    // Due 11-22, collected 11-23 00:00: the deadline has passed at D, and stays passed.
    const data = storeData({
      orders: [order('u1', '2026-11-22 10:00:00', { collectedAt: sh('2026-11-23 00:00:00') })],
    });
    expect(v(sameDayCollectionRate(data, { asOf: D }))).toBe('0');
    expect(v(sameDayCollectionRate(data, { asOf: D1 }))).toBe('0');
  });

  it('is no-data on an empty window, never NaN', () => {
    const r = sameDayCollectionRate(storeData(), { asOf: D });
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(frac(r)).toBe('0/0');
  });

  it('counts only collectedAt as collection: delivered without a collection time is not collected [logistics.same-day-collection-rate#collection-proof]', () => {
    const data = storeData({
      orders: [order('u1', '2026-11-10 10:00:00', { deliveredAt: sh('2026-11-10 20:00:00') })],
    });
    expect(frac(sameDayCollectionRate(data, { asOf: D }))).toBe('0/1');
  });
});
