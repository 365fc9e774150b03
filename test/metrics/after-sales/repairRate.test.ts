import { describe, expect, it } from 'vitest';
import { repairRate } from '../../../src/evaluate/calculators.js';
import { defaultRuleSet, type RuleSet } from '../../../src/ruleset/ruleSet.js';
import { serviceOrder, sh, storeData } from '../../_helpers.js';
import { AS_OF, approved, D, D1, FIRST, LAST, outbound, parts, v } from './_fixtures.js';

describe('repairRate (售后返修率)', () => {
  it('divides approved service orders by outbound units (hand-checked fixture)', () => {
    const o1 = outbound('2026-11-01 10:00:00', 3);
    const data = storeData({
      orders: [
        o1, // 3 units
        outbound('2026-11-10 10:00:00', 2, { cancelledAt: sh('2026-11-12 10:00:00') }), // cancelled after outbound: 2 units
        outbound('2026-11-22 23:59:59.999', 3), // last instant of D−1: 3 units
        outbound('2026-10-23 23:59:59.999', 4), // D−31: out of the window
        outbound('2026-11-05 10:00:00', 5, { outboundAt: undefined }), // never outbound: nothing
      ],
      serviceOrders: [
        approved('2026-11-05 10:00:00', { orderId: o1.id, type: 'repair' }), // 1 (its order has 3 units: still 1)
        approved('2026-11-15 10:00:00', { type: 'return', reason: 'no-reason' }), // 1
        serviceOrder(o1.id, '2026-11-02 10:00:00', { rejectedAt: sh('2026-11-03 10:00:00') }), // rejected: 0
        serviceOrder(o1.id, '2026-11-02 10:00:00'), // pending: 0
        approved('2026-10-23 23:59:59.999'), // approved on D−31: 0
      ],
    });
    // numerator 1 + 1 = 2; denominator 3 + 2 + 3 = 8; 2 / 8 = 0.25
    const r = repairRate(data, { asOf: D });
    expect(parts(r)).toEqual({
      numerator: '2',
      denominator: '8',
      value: '0.25',
      status: 'too-little-data',
    });
    expect(r.id).toBe('after-sales.repair-rate');
    expect(r.unit).toBe('ratio');
    expect(r.direction).toBe('lower-is-better');
    expect(r.window).toEqual({ from: FIRST, to: LAST });
  });

  it('counts a service order once whatever its order’s units [after-sales.repair-rate#once-every-type]', () => {
    const big = outbound('2026-11-01 10:00:00', 3);
    const data = storeData({
      orders: [big, outbound('2026-11-02 10:00:00', 1)],
      serviceOrders: [approved('2026-11-03 10:00:00', { orderId: big.id })],
    });
    // 1 / (3 + 1) = 0.25, not 3 / 4
    expect(parts(repairRate(data, { asOf: D }))).toEqual({
      numerator: '1',
      denominator: '4',
      value: '0.25',
      status: 'too-little-data',
    });
  });

  it('counts every service order type and reason [after-sales.repair-rate#once-every-type]', () => {
    const data = storeData({
      orders: [outbound('2026-11-01 10:00:00', 4)],
      serviceOrders: [
        approved('2026-11-03 10:00:00', { type: 'return', reason: 'no-reason' }),
        approved('2026-11-03 10:00:00', { type: 'exchange', reason: 'quality' }),
        approved('2026-11-03 10:00:00', { type: 'repair', reason: 'other' }),
      ],
    });
    expect(v(repairRate(data, { asOf: D }))).toBe('0.75');
  });

  it('counts approvals on the window’s first and last Shanghai day, not 1 ms outside', () => {
    const data = storeData({
      orders: [outbound('2026-11-10 10:00:00', 10)],
      serviceOrders: [
        approved('2026-10-23 23:59:59.999'), // D−31: out
        approved('2026-10-24 00:00:00'), // D−30 00:00: in
        approved('2026-11-22 23:59:59.999'), // D−1 last ms: in
        approved(AS_OF), // the as-of instant: not yet
      ],
    });
    // 2 / 10 = 0.2
    expect(parts(repairRate(data, { asOf: D }))).toMatchObject({ numerator: '2', value: '0.2' });
    // At D+1 the window is [2026-10-25, 2026-11-23]: D−30 00:00 leaves, the as-of stamp enters.
    expect(parts(repairRate(data, { asOf: D1 }))).toMatchObject({ numerator: '2', value: '0.2' });
    // At D−1 the window is [2026-10-23, 2026-11-21]: only the first two approvals.
    expect(parts(repairRate(data, { asOf: '2026-11-22' }))).toMatchObject({
      numerator: '2',
      value: '0.2',
    });
    // At 2026-12-22 the window is [2026-11-22, 2026-12-21]: the last two.
    expect(parts(repairRate(data, { asOf: '2026-12-22' }))).toMatchObject({ numerator: '2' });
    // At 2026-12-23 the window is [2026-11-23, 2026-12-22]: D−1's last ms has left.
    expect(parts(repairRate(data, { asOf: '2026-12-23' }))).toMatchObject({ numerator: '1' });
  });

  it('does not count an approval stamped at the as-of instant until the next day [after-sales.repair-rate#approved-not-rejected]', () => {
    const data = storeData({
      orders: [outbound('2026-11-10 10:00:00', 4)],
      serviceOrders: [approved(AS_OF)],
    });
    expect(parts(repairRate(data, { asOf: D }))).toEqual({
      numerator: '0',
      denominator: '4',
      value: '0',
      status: 'too-little-data',
    });
    expect(v(repairRate(data, { asOf: D1 }))).toBe('0.25');
  });

  it('counts outbound units from D−30 00:00 to D−1 23:59:59.999, not 1 ms outside [after-sales.repair-rate#outbound-units]', () => {
    const data = storeData({
      orders: [
        outbound('2026-10-23 23:59:59.999', 100), // out
        outbound('2026-10-24 00:00:00', 1), // in
        outbound('2026-11-22 23:59:59.999', 3), // in
        outbound(AS_OF, 1000), // not yet
      ],
      serviceOrders: [approved('2026-11-10 10:00:00')],
    });
    // 1 / (1 + 3) = 0.25
    expect(parts(repairRate(data, { asOf: D }))).toEqual({
      numerator: '1',
      denominator: '4',
      value: '0.25',
      status: 'too-little-data',
    });
    // At D+1: 3 + 1000 units (the D−30 order left the window, the as-of stamp entered).
    expect(repairRate(data, { asOf: D1 }).denominator.toString()).toBe('1003');
  });

  it('counts a cancelled order that left the warehouse in outbound units [after-sales.repair-rate#outbound-units]', () => {
    const data = storeData({
      orders: [
        outbound('2026-11-10 10:00:00', 1, { cancelledAt: sh('2026-11-09 10:00:00') }),
        outbound('2026-11-10 10:00:00', 1),
      ],
      serviceOrders: [approved('2026-11-11 10:00:00')],
    });
    expect(parts(repairRate(data, { asOf: D }))).toMatchObject({ denominator: '2', value: '0.5' });
  });

  it('never counts a rejected service order, from the day its rejection has happened [after-sales.repair-rate#approved-not-rejected]', () => {
    const data = storeData({
      orders: [outbound('2026-11-01 10:00:00', 4)],
      serviceOrders: [
        // Rejected, never approved.
        serviceOrder('o-x', '2026-11-02 10:00:00', { rejectedAt: sh('2026-11-03 10:00:00') }),
        // Approval data and a rejection at the as-of instant: approved as of D, rejected as of D+1.
        approved('2026-11-10 10:00:00', { rejectedAt: sh(AS_OF) }),
      ],
    });
    expect(parts(repairRate(data, { asOf: D }))).toMatchObject({ numerator: '1', value: '0.25' });
    expect(parts(repairRate(data, { asOf: D1 }))).toMatchObject({ numerator: '0', value: '0' });
  });

  it('is no-data when there is no outbound unit in the window, keeping the numerator [after-sales.repair-rate#no-outbound-no-data]', () => {
    const data = storeData({
      orders: [outbound('2026-10-01 10:00:00', 5)],
      serviceOrders: [approved('2026-11-10 10:00:00')],
    });
    const r = repairRate(data, { asOf: D });
    expect(parts(r)).toEqual({ numerator: '1', denominator: '0', value: null, status: 'no-data' });
  });

  it('is no-data on an empty store, never NaN', () => {
    const r = repairRate(storeData(), { asOf: D });
    expect(parts(r)).toEqual({ numerator: '0', denominator: '0', value: null, status: 'no-data' });
    expect(r.window).toEqual({ from: FIRST, to: LAST });
  });

  it('takes its window from the rule set', () => {
    const week: RuleSet = {
      ...defaultRuleSet,
      windows: {
        ...defaultRuleSet.windows,
        'after-sales.repair-rate': {
          value: { fromDaysBack: 7, toDaysBack: 1 },
          source: { tag: 'custom' },
        },
      },
    };
    const data = storeData({
      orders: [outbound('2026-11-15 23:59:59.999', 1), outbound('2026-11-16 00:00:00', 2)],
      serviceOrders: [approved('2026-11-15 10:00:00'), approved('2026-11-16 10:00:00')],
    });
    const r = repairRate(data, { asOf: D, ruleSet: week });
    // [2026-11-16, 2026-11-22]: 1 approval / 2 units
    expect(parts(r)).toMatchObject({ numerator: '1', denominator: '2', value: '0.5' });
    expect(r.window).toEqual({ from: '2026-11-16', to: LAST });
  });
});
