import { describe, expect, it } from 'vitest';
import { facilitatedAmountShare } from '../../../src/index.js';
import { order, storeData } from '../../_helpers.js';
import { D, received, v } from './_fixtures.js';

describe('facilitatedAmountShare (促成金额占比)', () => {
  it('anchors on the order’s placement: D−35 from 00:00 and D−6 to 23:59:59.999, not 1 ms outside', () => {
    // Each order follows a received pre-sales consultation of its customer at the same instant
    // (attributed) or has none; amounts tell the orders apart.
    const data = storeData({
      chatSessions: [received('u2', '2026-10-19 00:00:00'), received('u4', '2026-11-18 00:00:00')],
      orders: [
        order('u1', '2026-10-18 23:59:59.999', { amountFen: 100 }), // D−36: out
        order('u2', '2026-10-19 00:00:00', { amountFen: 200 }), // D−35: in, attributed
        order('u3', '2026-11-17 23:59:59.999', { amountFen: 400 }), // D−6: in, no consultation
        order('u4', '2026-11-18 00:00:00', { amountFen: 800 }), // D−5: out, attributed
      ],
    });
    const r = facilitatedAmountShare(data, { asOf: D });
    // ¥2 / (¥2 + ¥4)
    expect(r.numerator.toString()).toBe('2');
    expect(r.denominator.toString()).toBe('6');
    expect(v(r)).toBe('0.3333333333333333333333333333333333333333');
    expect(r.status).toBe('ok');
    expect(r.window).toEqual({ from: '2026-10-19', to: '2026-11-17' });
    // D−1, window 2026-10-18..2026-11-16: u1 and u2, ¥2 / ¥3.
    const before = facilitatedAmountShare(data, { asOf: '2026-11-22' });
    expect(`${before.numerator.toString()}/${before.denominator.toString()}`).toBe('2/3');
    // D+1, window 2026-10-20..2026-11-18: u3 and u4, ¥8 / ¥12.
    const after = facilitatedAmountShare(data, { asOf: '2026-11-24' });
    expect(`${after.numerator.toString()}/${after.denominator.toString()}`).toBe('8/12');
    expect(v(after)).toBe('0.6666666666666666666666666666666666666667');
  });

  it('attributes an order in the window to a consultation the day before the window', () => {
    // Session on D−36 at 20:00, order on D−35 at 10:00 (14 h later): the order's day decides.
    const data = storeData({
      chatSessions: [received('u1', '2026-10-18 20:00:00')],
      orders: [order('u1', '2026-10-19 10:00:00', { amountFen: 12_345 })],
    });
    const r = facilitatedAmountShare(data, { asOf: D });
    expect(r.numerator.toString()).toBe('123.45');
    expect(r.denominator.toString()).toBe('123.45');
    expect(v(r)).toBe('1');
  });

  it('is no-data on an empty window, never NaN', () => {
    const r = facilitatedAmountShare(
      storeData({ chatSessions: [received('u1', '2026-11-10 10:00:00')] }),
      {
        asOf: D,
      },
    );
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(r.numerator.toString()).toBe('0');
    expect(r.denominator.toString()).toBe('0');
  });
});
