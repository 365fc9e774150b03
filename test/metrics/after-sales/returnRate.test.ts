import { describe, expect, it } from 'vitest';
import { returnRate } from '../../../src/evaluate/calculators.js';
import { returnRateDefinition } from '../../../src/metrics/after-sales/returnRate.js';
import { serviceOrder, sh, storeData } from '../../_helpers.js';
import { AS_OF, approved, D, D1, FIRST, LAST, outbound, parts, v } from './_fixtures.js';

describe('returnRate (退货率)', () => {
  it('divides approved returns by outbound units (hand-checked fixture) [after-sales.return-rate#returns-only, after-sales.return-rate#once, after-sales.return-rate#approved-not-rejected, after-sales.return-rate#outbound-units]', () => {
    const big = outbound('2026-11-01 10:00:00', 3);
    const data = storeData({
      orders: [
        big, // 3 units
        outbound('2026-11-20 10:00:00', 1, { cancelledAt: sh('2026-11-21 10:00:00') }), // cancelled: 1 unit
        outbound('2026-10-20 10:00:00', 9), // out of the window
      ],
      serviceOrders: [
        approved('2026-11-05 10:00:00', { orderId: big.id, type: 'return', reason: 'no-reason' }), // 1 (once, not 3)
        approved('2026-11-06 10:00:00', { type: 'return', reason: 'quality' }), // 1
        approved('2026-11-06 10:00:00', { type: 'exchange' }), // not a return
        approved('2026-11-06 10:00:00', { type: 'repair' }), // not a return
        serviceOrder(big.id, '2026-11-06 10:00:00', { type: 'return' }), // not approved
        serviceOrder(big.id, '2026-11-06 10:00:00', {
          type: 'return',
          rejectedAt: sh('2026-11-07 10:00:00'),
        }), // rejected
      ],
    });
    // 2 returns / (3 + 1) units = 0.5
    const r = returnRate(data, { asOf: D });
    expect(parts(r)).toEqual({
      numerator: '2',
      denominator: '4',
      value: '0.5',
      status: 'too-little-data',
    });
    expect(r.id).toBe('after-sales.return-rate');
    expect(r.direction).toBe('lower-is-better');
    expect(r.window).toEqual({ from: FIRST, to: LAST });
  });

  it('says that its formula is an assumption', () => {
    expect(returnRateDefinition.source[0]?.tag).toBe('assumption');
    expect(returnRateDefinition.source[0]?.note).toMatch(/without a formula/);
  });

  it('counts approvals on the window’s first and last day, not 1 ms outside', () => {
    const data = storeData({
      orders: [outbound('2026-11-10 10:00:00', 4)],
      serviceOrders: [
        approved('2026-10-23 23:59:59.999', { type: 'return' }),
        approved('2026-10-24 00:00:00', { type: 'return' }),
        approved('2026-11-22 23:59:59.999', { type: 'return' }),
      ],
    });
    expect(v(returnRate(data, { asOf: D }))).toBe('0.5');
  });

  it('counts a return approved at the as-of instant only from D+1', () => {
    const data = storeData({
      orders: [outbound('2026-11-10 10:00:00', 4)],
      serviceOrders: [approved(AS_OF, { type: 'return' })],
    });
    expect(v(returnRate(data, { asOf: D }))).toBe('0');
    expect(v(returnRate(data, { asOf: D1 }))).toBe('0.25');
  });

  it('is no-data without outbound units, and on an empty window [after-sales.return-rate#outbound-units]', () => {
    const onlyReturns = storeData({
      serviceOrders: [approved('2026-11-10 10:00:00', { type: 'return' })],
    });
    expect(parts(returnRate(onlyReturns, { asOf: D }))).toEqual({
      numerator: '1',
      denominator: '0',
      value: null,
      status: 'no-data',
    });
    expect(parts(returnRate(storeData(), { asOf: D }))).toEqual({
      numerator: '0',
      denominator: '0',
      value: null,
      status: 'no-data',
    });
  });
});
