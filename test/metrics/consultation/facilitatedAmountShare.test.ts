import { describe, expect, it } from 'vitest';
import { facilitatedAmountShare } from '../../../src/index.js';
import { chat, order, storeData } from '../../_helpers.js';
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
    // Its sample, the received consultations that could facilitate an order of the window: u2's
    // on D−35 only (u4's on D−5 is after the window): too little data.
    expect(r.sample?.toString()).toBe('1');
    expect(r.status).toBe('too-little-data');
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
    // The consultation the day before the window is its sample: one, too little data.
    expect(r.sample?.toString()).toBe('1');
    expect(r.status).toBe('too-little-data');
  });

  it('rests on the received pre-sales consultations: none is no-data, not 0% (one ¥10 order, no chat) [consultation.facilitated-amount-share#sample-consultations]', () => {
    // Before: the order amount was the sample, 0% scored 2.71 and made the whole module.
    const data = storeData({ orders: [order('u1', '2026-11-10 10:00:00', { amountFen: 1_000 })] });
    const r = facilitatedAmountShare(data, { asOf: D });
    expect([r.status, r.value, r.score, r.sample?.toString()]).toEqual([
      'no-data',
      null,
      null,
      '0',
    ]);
    expect(r.denominator.toString()).toBe('10');
  });

  it('fewer than 10 received consultations is too little data; 10 are enough', () => {
    const sessions = (n: number) =>
      Array.from({ length: n }, (_, i) => received(`c${i}`, '2026-11-10 10:00:00'));
    const orders = [order('c0', '2026-11-10 11:00:00', { amountFen: 1_000 })];
    const nine = facilitatedAmountShare(storeData({ chatSessions: sessions(9), orders }), {
      asOf: D,
    });
    expect([nine.status, v(nine), nine.score]).toEqual(['too-little-data', '1', null]);
    const ten = facilitatedAmountShare(storeData({ chatSessions: sessions(10), orders }), {
      asOf: D,
    });
    expect([ten.status, v(ten), ten.sample?.toString()]).toEqual(['ok', '1', '10']);
    // Neither the session of an offline message nor an unanswered consultation is a case.
    const unanswered = facilitatedAmountShare(
      storeData({
        chatSessions: [
          ...sessions(9),
          { ...received('x', '2026-11-10 10:00:00'), kind: 'offline-message' },
          chat('y', [['customer', '2026-11-10 10:00:00']]),
        ],
        orders,
      }),
      { asOf: D },
    );
    expect(unanswered.status).toBe('too-little-data');
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
