import { describe, expect, it } from 'vitest';
import {
  averageDeliveryTime,
  nextDayArrivalRate,
  sameDayCollectionRate,
} from '../../../src/index.js';
import { order, sh, storeData } from '../../_helpers.js';
import { D, D1, deliveryFixture, expectHistoryMatches, frac, v } from './_fixtures.js';

describe('averageDeliveryTime (平均妥投时长)', () => {
  it('averages delivered − shippable in hours (hand-checked) [logistics.average-delivery-time#never-shippable, logistics.average-delivery-time#cancelled-before-due-end, logistics.average-delivery-time#exact]', () => {
    // (30 h + 42 h) / 2 = 36 h
    const r = averageDeliveryTime(deliveryFixture(), { asOf: D });
    expect(r.numerator.toString()).toBe('72');
    expect(r.denominator.toString()).toBe('2');
    expect(v(r)).toBe('36');
    expect(r.unit).toBe('hours');
    expect(r.direction).toBe('lower-is-better');
  });

  it('keeps an order cancelled at the end of its due day, delivered [logistics.average-delivery-time#cancelled-before-due-end]', () => {
    // Paid 11-01 10:00 (due 11-01), cancelled 11-02 00:00, delivered 11-02 06:00 → 20 h.
    const data = storeData({
      orders: [
        order('u1', '2026-11-01 10:00:00', {
          cancelledAt: sh('2026-11-02 00:00:00'),
          deliveredAt: sh('2026-11-02 06:00:00'),
        }),
      ],
    });
    expect(v(averageDeliveryTime(data, { asOf: D }))).toBe('20');
  });

  it('anchors on the delivered day: window edges and the as-of instant', () => {
    const data = storeData({
      orders: [
        // Delivered 10-23 23:59:59.999: before the window (10 h).
        order('u1', '2026-10-23 13:59:59.999', { deliveredAt: sh('2026-10-23 23:59:59.999') }),
        // Delivered 10-24 00:00: first window day (2 h).
        order('u2', '2026-10-23 22:00:00', { deliveredAt: sh('2026-10-24 00:00:00') }),
        // Delivered 11-22 23:59:59.999: last window day (4 h).
        order('u3', '2026-11-22 19:59:59.999', { deliveredAt: sh('2026-11-22 23:59:59.999') }),
        // Delivered 11-23 00:00, the as-of instant: not yet (8 h).
        order('u4', '2026-11-22 16:00:00', { deliveredAt: sh('2026-11-23 00:00:00') }),
      ],
    });
    // D: u2 + u3 = 6 h / 2 = 3
    expect(`${frac(averageDeliveryTime(data, { asOf: D }))}`).toBe('6/2');
    // D+1 (window 10-25..11-23): u3 + u4 = 12 h / 2 = 6
    expect(v(averageDeliveryTime(data, { asOf: D1 }))).toBe('6');
    // D−1 (window 10-23..11-21): u1 + u2 = 12 h / 2 = 6
    expect(v(averageDeliveryTime(data, { asOf: '2026-11-22' }))).toBe('6');
  });

  it('counts an order delivered before its due day until its cancellation on the due day happens', () => {
    // Paid 11-10 17:00 (collection due 11-11), delivered 11-10 23:00 (6 h), cancelled 11-11 10:00,
    // before the end of the due day. At D = 11-11 the cancellation has not happened yet.
    const data = storeData({
      orders: [
        order('u1', '2026-11-10 17:00:00', {
          deliveredAt: sh('2026-11-10 23:00:00'),
          cancelledAt: sh('2026-11-11 10:00:00'),
        }),
      ],
    });
    expect(v(averageDeliveryTime(data, { asOf: '2026-11-11' }))).toBe('6');
    expect(averageDeliveryTime(data, { asOf: '2026-11-12' }).status).toBe('no-data');
    // It was never in the other two: its due days are over with the cancellation known.
    expect(sameDayCollectionRate(data, { asOf: '2026-11-12' }).status).toBe('no-data');
    expect(nextDayArrivalRate(data, { asOf: '2026-11-12' }).status).toBe('no-data');
    expectHistoryMatches(data, '2026-11-09', '2026-12-15');
  });

  it('leaves out an order delivered before it was paid [logistics.average-delivery-time#delivered-before-shippable]', () => {
    const data = storeData({
      orders: [
        order('u1', '2026-11-01 10:00:00', {
          paidAt: sh('2026-11-03 10:00:00'),
          deliveredAt: sh('2026-11-02 10:00:00'),
        }),
      ],
    });
    expect(averageDeliveryTime(data, { asOf: D }).status).toBe('no-data');
  });

  it('counts a delivery at the instant the order became shippable as 0 h', () => {
    const data = storeData({
      orders: [
        order('u1', '2026-11-10 09:00:00', { deliveredAt: sh('2026-11-10 09:00:00') }),
        order('u2', '2026-11-10 09:00:00', { deliveredAt: sh('2026-11-10 19:00:00') }),
      ],
    });
    expect(frac(averageDeliveryTime(data, { asOf: D }))).toBe('10/2');
  });

  it('is no-data on an empty window', () => {
    const r = averageDeliveryTime(storeData({ orders: [order('u1', '2026-11-20 10:00:00')] }), {
      asOf: D,
    });
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(r.numerator.toString()).toBe('0');
  });
});
