/**
 * Attribution shared by conversion (咨询转化率) and the facilitated amount (促成金额占比): an order
 * placed within 24 h after a received pre-sales consultation of the same customer.
 */
import { describe, expect, it } from 'vitest';
import { conversionRate, facilitatedAmountShare } from '../../../src/index.js';
import { chat, order, sh, storeData } from '../../_helpers.js';
import { D, received, v } from './_fixtures.js';

describe('conversion and facilitated amount (咨询转化率, 促成金额占比)', () => {
  it('counts distinct customers and attributes orders within 24 h, both ends inclusive [consultation.conversion-rate#received, consultation.conversion-rate#attribution]', () => {
    const data = storeData({
      chatSessions: [
        received('u1', '2026-11-10 10:00:00'),
        received('u1', '2026-11-11 10:00:00'), // same customer again: still one customer
        received('u2', '2026-11-10 10:00:00'),
        received('u3', '2026-11-10 10:00:00'),
        chat('u4', [['customer', '2026-11-10 10:00:00']]), // never answered: not received
      ],
      orders: [
        order('u1', '2026-11-11 10:00:00', { amountFen: 10_000 }), // exactly at the second session's start
        order('u2', '2026-11-11 10:00:00.001', { amountFen: 20_000 }), // 24 h + 1 ms: not attributed
        order('u3', '2026-11-11 10:00:00', { amountFen: 30_000, paidAt: undefined }), // exactly 24 h, unpaid: attributed
        order('u4', '2026-11-10 11:00:00', { amountFen: 40_000 }), // no received session
      ],
    });
    const conv = conversionRate(data, { asOf: D });
    // Received: u1, u2, u3 → 3; converted: u1, u3 → 2.
    expect(conv.numerator.toString()).toBe('2');
    expect(conv.denominator.toString()).toBe('3');
    const share = facilitatedAmountShare(data, { asOf: D });
    // (100 + 300) / (100 + 200 + 300 + 400) = 0.4
    expect(share.numerator.toString()).toBe('400');
    expect(share.denominator.toString()).toBe('1000');
    expect(v(share)).toBe('0.4');
  });

  it('removes an order cancelled before the as-of instant, keeps one cancelled at or after it [consultation.conversion-rate#attribution, consultation.facilitated-amount-share#payment-cancellation]', () => {
    const data = (cancel: string) =>
      storeData({
        chatSessions: [received('u1', '2026-11-10 10:00:00')],
        orders: [order('u1', '2026-11-10 12:00:00', { cancelledAt: sh(cancel) })],
      });
    expect(v(conversionRate(data('2026-11-22 23:59:59.999'), { asOf: D }))).toBe('0');
    expect(facilitatedAmountShare(data('2026-11-22 23:59:59.999'), { asOf: D }).status).toBe(
      'no-data',
    );
    expect(v(conversionRate(data('2026-11-23 00:00:00'), { asOf: D }))).toBe('1');
    expect(v(facilitatedAmountShare(data('2026-11-23 00:00:00'), { asOf: D }))).toBe('1');
  });

  it('needs a pre-sales session: a returning customer’s chat does not facilitate', () => {
    const data = storeData({
      chatSessions: [received('u1', '2026-11-10 10:00:00')],
      orders: [order('u1', '2026-11-01 10:00:00'), order('u1', '2026-11-10 11:00:00')],
    });
    expect(conversionRate(data, { asOf: D }).status).toBe('no-data');
    // No received pre-sales consultation: no share (its sample), not a share of 0.
    expect(facilitatedAmountShare(data, { asOf: D }).status).toBe('no-data');
  });
});
