import { describe, expect, it } from 'vitest';
import { afterSalesDuration } from '../../../src/evaluate/calculators.js';
import type { ServiceOrder } from '../../../src/model.js';
import { serviceOrder, sh, storeData } from '../../_helpers.js';
import { AS_OF, D, D1, FIRST, LAST, parts, v } from './_fixtures.js';

/** A service order applied at `applied`, approved 1 ms later, completed at `completed`. */
function done(applied: string, completed: string, extra: Partial<ServiceOrder> = {}): ServiceOrder {
  return serviceOrder('o-any', applied, {
    approvedAt: sh(applied) + 1,
    completedAt: sh(completed),
    ...extra,
  });
}

describe('afterSalesDuration (售后时效)', () => {
  it('averages completed − applied in hours (hand-checked fixture) [after-sales.duration#completed-minus-applied, after-sales.duration#not-completed-not-yet, after-sales.duration#total-and-count]', () => {
    const data = storeData({
      serviceOrders: [
        done('2026-11-01 08:00:00', '2026-11-02 20:00:00', { type: 'return' }), // 36 h
        done('2026-11-10 10:00:00', '2026-11-10 11:30:00', { type: 'repair' }), // 1.5 h
        serviceOrder('o-any', '2026-11-05 10:00:00', { completedAt: sh('2026-11-06 10:00:00') }), // never approved
        done('2026-11-05 10:00:00', '2026-11-06 10:00:00', {
          rejectedAt: sh('2026-11-05 12:00:00'),
        }), // rejected
        serviceOrder('o-any', '2026-11-05 10:00:00', { approvedAt: sh('2026-11-05 11:00:00') }), // not completed
        done('2026-10-20 10:00:00', '2026-10-23 23:59:59.999'), // completed D−31: out
      ],
    });
    // (36 + 1.5) / 2 = 18.75 h
    const r = afterSalesDuration(data, { asOf: D });
    expect(parts(r)).toEqual({
      numerator: '37.5',
      denominator: '2',
      value: '18.75',
      status: 'too-little-data',
    });
    expect(r.unit).toBe('hours');
    expect(r.direction).toBe('lower-is-better');
    expect(r.window).toEqual({ from: FIRST, to: LAST });
  });

  it('computes exactly 36 h as 36 and 90 min as 1.5', () => {
    const h36 = storeData({ serviceOrders: [done('2026-11-01 08:00:00', '2026-11-02 20:00:00')] });
    const m90 = storeData({ serviceOrders: [done('2026-11-10 23:00:00', '2026-11-11 00:30:00')] });
    expect(v(afterSalesDuration(h36, { asOf: D }))).toBe('36');
    expect(v(afterSalesDuration(m90, { asOf: D }))).toBe('1.5');
  });

  it('anchors on the completion day: D−30 00:00 and D−1 23:59:59.999 in, 1 ms outside out', () => {
    const data = storeData({
      serviceOrders: [
        done('2026-10-23 22:59:59.999', '2026-10-23 23:59:59.999'), // 1 h, D−31: out
        done('2026-10-23 22:00:00', '2026-10-24 00:00:00'), // 2 h, D−30: in
        done('2026-11-22 19:59:59.999', '2026-11-22 23:59:59.999'), // 4 h, D−1: in
        done('2026-11-22 16:00:00', AS_OF), // 8 h, at the as-of instant: not yet
      ],
    });
    // (2 + 4) / 2 = 3 h
    expect(parts(afterSalesDuration(data, { asOf: D }))).toMatchObject({
      numerator: '6',
      denominator: '2',
      value: '3',
    });
    // D+1, window [2026-10-25, 2026-11-23]: (4 + 8) / 2 = 6 h
    expect(parts(afterSalesDuration(data, { asOf: D1 }))).toMatchObject({
      numerator: '12',
      value: '6',
    });
  });

  it('needs the approval to have happened: approved at the as-of instant counts from D+1 [after-sales.duration#approved-not-rejected]', () => {
    const data = storeData({
      serviceOrders: [
        serviceOrder('o-any', '2026-11-20 10:00:00', {
          completedAt: sh('2026-11-21 10:00:00'),
          approvedAt: sh(AS_OF),
        }),
      ],
    });
    expect(parts(afterSalesDuration(data, { asOf: D }))).toEqual({
      numerator: '0',
      denominator: '0',
      value: null,
      status: 'no-data',
    });
    expect(v(afterSalesDuration(data, { asOf: D1 }))).toBe('24');
  });

  it('drops a completed service order from the day its rejection has happened [after-sales.duration#approved-not-rejected]', () => {
    const data = storeData({
      serviceOrders: [
        done('2026-11-20 10:00:00', '2026-11-20 22:00:00', { rejectedAt: sh(AS_OF) }),
      ],
    });
    expect(v(afterSalesDuration(data, { asOf: D }))).toBe('12');
    expect(afterSalesDuration(data, { asOf: D1 }).status).toBe('no-data');
  });

  it('is no-data on an empty window', () => {
    const r = afterSalesDuration(storeData(), { asOf: D });
    expect(parts(r)).toEqual({ numerator: '0', denominator: '0', value: null, status: 'no-data' });
  });
});
