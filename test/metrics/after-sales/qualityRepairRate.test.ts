import { describe, expect, it } from 'vitest';
import { qualityRepairRate } from '../../../src/evaluate/calculators.js';
import type { ServiceReason } from '../../../src/model.js';
import { sh, storeData } from '../../_helpers.js';
import { AS_OF, approved, D, D1, FIRST, LAST, outbound, parts, v } from './_fixtures.js';

const QUALITY: ServiceReason[] = [
  'quality',
  'fake-or-used',
  'dead-on-arrival',
  'missing-parts',
  'soft-failure',
  'appearance',
];
const NOT_QUALITY: ServiceReason[] = ['no-reason', 'other'];

describe('qualityRepairRate (产品质量返修率)', () => {
  it('counts the six quality reasons and not no-reason or other (hand-checked fixture) [after-sales.quality-repair-rate#quality-reasons]', () => {
    const data = storeData({
      orders: [outbound('2026-11-01 10:00:00', 6), outbound('2026-11-02 10:00:00', 2)],
      serviceOrders: [...QUALITY, ...NOT_QUALITY].map((reason) =>
        approved('2026-11-05 10:00:00', { reason, type: 'repair' }),
      ),
    });
    // 6 quality reasons / (6 + 2) units = 0.75
    const r = qualityRepairRate(data, { asOf: D });
    expect(parts(r)).toEqual({
      numerator: '6',
      denominator: '8',
      value: '0.75',
      status: 'too-little-data',
    });
    expect(r.id).toBe('after-sales.quality-repair-rate');
    expect(r.window).toEqual({ from: FIRST, to: LAST });
  });

  it.each(QUALITY)('counts reason %s', (reason) => {
    const data = storeData({
      orders: [outbound('2026-11-01 10:00:00', 1)],
      serviceOrders: [approved('2026-11-05 10:00:00', { reason })],
    });
    expect(v(qualityRepairRate(data, { asOf: D }))).toBe('1');
  });

  it.each(NOT_QUALITY)('does not count reason %s', (reason) => {
    const data = storeData({
      orders: [outbound('2026-11-01 10:00:00', 1)],
      serviceOrders: [approved('2026-11-05 10:00:00', { reason })],
    });
    expect(parts(qualityRepairRate(data, { asOf: D }))).toEqual({
      numerator: '0',
      denominator: '1',
      value: '0',
      status: 'too-little-data',
    });
  });

  it('counts every type with a quality reason, once whatever its units [after-sales.quality-repair-rate#every-type-once]', () => {
    const big = outbound('2026-11-01 10:00:00', 3);
    const data = storeData({
      orders: [big, outbound('2026-11-02 10:00:00', 3)],
      serviceOrders: [
        approved('2026-11-05 10:00:00', {
          orderId: big.id,
          type: 'return',
          reason: 'dead-on-arrival',
        }),
        approved('2026-11-05 10:00:00', { type: 'exchange', reason: 'appearance' }),
        approved('2026-11-05 10:00:00', { type: 'repair', reason: 'soft-failure' }),
      ],
    });
    // 3 / 6 = 0.5
    expect(v(qualityRepairRate(data, { asOf: D }))).toBe('0.5');
  });

  it('counts approvals on D−30 00:00 and D−1 23:59:59.999, not 1 ms outside nor at the as-of instant [after-sales.quality-repair-rate#approved-not-rejected]', () => {
    const data = storeData({
      orders: [outbound('2026-11-10 10:00:00', 10)],
      serviceOrders: [
        approved('2026-10-23 23:59:59.999', { reason: 'quality' }),
        approved('2026-10-24 00:00:00', { reason: 'quality' }),
        approved('2026-11-22 23:59:59.999', { reason: 'quality' }),
        approved(AS_OF, { reason: 'quality' }),
      ],
    });
    expect(parts(qualityRepairRate(data, { asOf: D }))).toMatchObject({
      numerator: '2',
      value: '0.2',
    });
    // D+1, window [2026-10-25, 2026-11-23]: the D−1 approval and the as-of stamp.
    expect(parts(qualityRepairRate(data, { asOf: D1 }))).toMatchObject({
      numerator: '2',
      value: '0.2',
    });
    // 2026-12-23, window [2026-11-23, 2026-12-22]: only the as-of stamp; no outbound left.
    expect(parts(qualityRepairRate(data, { asOf: '2026-12-23' }))).toEqual({
      numerator: '1',
      denominator: '0',
      value: null,
      status: 'no-data',
    });
  });

  it('does not count a rejected quality service order once its rejection has happened [after-sales.quality-repair-rate#approved-not-rejected]', () => {
    const data = storeData({
      orders: [outbound('2026-11-01 10:00:00', 2)],
      serviceOrders: [
        approved('2026-11-05 10:00:00', {
          reason: 'quality',
          rejectedAt: sh('2026-11-06 10:00:00'),
        }),
        approved('2026-11-05 10:00:00', { reason: 'quality' }),
      ],
    });
    expect(v(qualityRepairRate(data, { asOf: D }))).toBe('0.5');
  });

  it('is no-data on an empty window', () => {
    const r = qualityRepairRate(storeData(), { asOf: D });
    expect(parts(r)).toEqual({ numerator: '0', denominator: '0', value: null, status: 'no-data' });
  });

  it('counts outbound units by outbound day, cancelled orders included; none in the window is no-data [after-sales.quality-repair-rate#outbound-units]', () => {
    const withUnits = storeData({
      orders: [
        outbound('2026-11-20 10:00:00', 2, { cancelledAt: sh('2026-11-21 10:00:00') }),
        outbound('2026-10-23 23:59:59.999', 5), // D−31: out
      ],
      serviceOrders: [approved('2026-11-05 10:00:00', { reason: 'quality' })],
    });
    expect(parts(qualityRepairRate(withUnits, { asOf: D }))).toMatchObject({
      numerator: '1',
      denominator: '2',
      value: '0.5',
    });
    const none = storeData({
      orders: [outbound('2026-10-23 23:59:59.999', 5)],
      serviceOrders: [approved('2026-11-05 10:00:00', { reason: 'quality' })],
    });
    expect(qualityRepairRate(none, { asOf: D }).status).toBe('no-data');
  });
});
