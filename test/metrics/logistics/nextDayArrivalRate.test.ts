import { describe, expect, it } from 'vitest';
import { nextDayArrivalRate } from '../../../src/index.js';
import { order, sh, storeData } from '../../_helpers.js';
import { arrivalFixture, D, D1, frac, v, withLogistics } from './_fixtures.js';

describe('nextDayArrivalRate (次日达占比)', () => {
  it('counts orders delivered by the end of the day after they became shippable (hand-checked) [logistics.next-day-arrival-rate#shippable, logistics.next-day-arrival-rate#late-stays, logistics.next-day-arrival-rate#cancelled]', () => {
    // In time: a1, a3, a7 = 3. Due: a1, a2, a3, a4, a6, a7 = 6 (a5 cancelled in time, a8 unpaid).
    // 3 / 6 = 0.5
    const r = nextDayArrivalRate(arrivalFixture(), { asOf: D });
    expect(frac(r)).toBe('3/6');
    expect(v(r)).toBe('0.5');
    expect(r.window).toEqual({ from: '2026-10-24', to: '2026-11-22' });
  });

  it('has no cut-off: an order paid at 16:00 must arrive by the end of the next day [logistics.next-day-arrival-rate#deadline]', () => {
    const data = storeData({
      orders: [
        order('u1', '2026-11-01 16:00:00', { deliveredAt: sh('2026-11-02 23:59:59.999') }),
        order('u2', '2026-11-01 16:00:00', { deliveredAt: sh('2026-11-03 00:00:00') }),
      ],
    });
    expect(frac(nextDayArrivalRate(data, { asOf: D }))).toBe('1/2');
  });

  it('with arrivalDays 2 (隔日达) gives one more day', () => {
    // a2 is now in time: 4 / 6 = 0.666… (40 significant digits, half up).
    const r = nextDayArrivalRate(arrivalFixture(), { asOf: D, ruleSet: withLogistics(2) });
    expect(frac(r)).toBe('4/6');
    expect(v(r)).toBe('0.6666666666666666666666666666666666666667');
  });

  it('with arrivalDays 2: the end of the second day is in time, 1 ms later is not [logistics.next-day-arrival-rate#deadline]', () => {
    const data = storeData({
      orders: [
        order('u1', '2026-11-01 10:00:00', { deliveredAt: sh('2026-11-03 23:59:59.999') }),
        order('u2', '2026-11-01 10:00:00', { deliveredAt: sh('2026-11-04 00:00:00') }),
      ],
    });
    expect(v(nextDayArrivalRate(data, { asOf: D, ruleSet: withLogistics(2) }))).toBe('0.5');
    expect(v(nextDayArrivalRate(data, { asOf: D }))).toBe('0');
  });

  it('anchors on shippable day + arrival days', () => {
    // Paid 11-21: deadline 11-22 (in D's window) with arrivalDays 1, 11-23 (not yet) with 2.
    // Paid 10-23: deadline 10-24 (first window day) with 1; 10-25 with 2.
    // Paid 10-22: deadline 10-23 (before the window) with 1; 10-24 (first window day) with 2.
    const data = storeData({
      orders: [
        order('u1', '2026-11-21 10:00:00', { deliveredAt: sh('2026-11-22 10:00:00') }),
        order('u2', '2026-10-23 10:00:00'),
        order('u3', '2026-10-22 10:00:00'),
      ],
    });
    expect(frac(nextDayArrivalRate(data, { asOf: D }))).toBe('1/2');
    expect(frac(nextDayArrivalRate(data, { asOf: D, ruleSet: withLogistics(2) }))).toBe('0/2');
    expect(frac(nextDayArrivalRate(data, { asOf: D1, ruleSet: withLogistics(2) }))).toBe('1/2');
  });

  it('does not count an order paid at the as-of instant until its deadline day is over', () => {
    // Paid 11-23 00:00, delivered 11-23 10:00: deadline 11-24, in the window from 11-25 on.
    const data = storeData({
      orders: [
        order('u1', '2026-11-22 22:00:00', {
          paidAt: sh('2026-11-23 00:00:00'),
          deliveredAt: sh('2026-11-23 10:00:00'),
        }),
      ],
    });
    expect(nextDayArrivalRate(data, { asOf: D }).status).toBe('no-data');
    expect(nextDayArrivalRate(data, { asOf: D1 }).status).toBe('no-data');
    expect(v(nextDayArrivalRate(data, { asOf: '2026-11-25' }))).toBe('1');
  });

  it('is no-data on an empty window', () => {
    const r = nextDayArrivalRate(storeData({ orders: [order('u1', '2026-08-01 10:00:00')] }), {
      asOf: D,
    });
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
  });
});
