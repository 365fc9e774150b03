import { describe, expect, it } from 'vitest';
import { type Rating, returnSatisfaction, type ServiceOrder } from '../../../src/index.js';
import { serviceOrder, sh, storeData } from '../../_helpers.js';
import { AS_OF, D, D1, LAST, parts, SATISFIED_BY_RATING, v } from './_fixtures.js';

/** A return-type service order rated `rating` at `rated` (Shanghai time). */
function rated(rating: Rating, at: string, extra: Partial<ServiceOrder> = {}): ServiceOrder {
  return serviceOrder('o-any', '2026-01-01 00:00:00', {
    type: 'return',
    rating,
    ratedAt: sh(at),
    ...extra,
  });
}

describe('returnSatisfaction (退货满意度)', () => {
  it('divides satisfied ratings of returns by rated returns (hand-checked fixture) [after-sales.return-satisfaction#rated-returns, after-sales.return-satisfaction#approval-irrelevant]', () => {
    const data = storeData({
      serviceOrders: [
        rated('very-satisfied', '2026-11-01 10:00:00'), // satisfied
        rated('satisfied', '2026-09-01 10:00:00', { rejectedAt: sh('2026-08-30 10:00:00') }), // satisfied (rejected: still a rated return)
        rated('neutral', '2026-07-01 10:00:00'), // rated
        rated('dissatisfied', '2026-11-20 10:00:00'), // rated
        rated('very-dissatisfied', '2026-05-01 10:00:00'), // D−206: out
        rated('satisfied', '2026-11-01 10:00:00', { type: 'exchange' }), // not a return
        rated('satisfied', '2026-11-01 10:00:00', { type: 'repair' }), // not a return
        serviceOrder('o-any', '2026-11-01 10:00:00', { type: 'return', rating: 'satisfied' }), // no ratedAt, nothing decided: dated at appliedAt, satisfied
        serviceOrder('o-any', '2026-11-01 10:00:00', { type: 'return' }), // unrated
        rated('very-dissatisfied', AS_OF), // at the as-of instant: not yet
      ],
    });
    // (1 + 1 + 1) / 5 = 0.6
    const r = returnSatisfaction(data, { asOf: D });
    expect(parts(r)).toEqual({
      numerator: '3',
      denominator: '5',
      value: '0.6',
      status: 'too-little-data',
    });
    expect(r.direction).toBe('higher-is-better');
    expect(r.window).toEqual({ from: '2026-05-27', to: LAST });
    // D+1: the as-of rating (very dissatisfied) counts: 3 / 6 = 0.5
    expect(parts(returnSatisfaction(data, { asOf: D1 }))).toMatchObject({
      denominator: '6',
      value: '0.5',
    });
  });

  it('dates an undated rating at completion, else approval, else application, each once it has happened [after-sales.return-satisfaction#rated-returns]', () => {
    // Approved 2026-05-20 (D−187), completed 2026-11-23 09:00 (after the as-of instant), rated
    // without ratedAt. As of D the completion has not happened: the rating is dated at the
    // approval, out of the 180-day window. From D+1 it is dated at the completion, in it.
    const undated = serviceOrder('o-any', '2026-05-19 10:00:00', {
      type: 'return',
      rating: 'satisfied',
      approvedAt: sh('2026-05-20 10:00:00'),
      completedAt: sh('2026-11-23 09:00:00'),
    });
    const data = storeData({ serviceOrders: [undated] });
    expect(returnSatisfaction(data, { asOf: D }).status).toBe('no-data');
    expect(parts(returnSatisfaction(data, { asOf: D1 }))).toMatchObject({
      numerator: '1',
      denominator: '1',
    });
    // A completion still to come never changes today's result: without it, the same.
    const { completedAt: _, ...notCompleted } = undated;
    expect(
      parts(returnSatisfaction(storeData({ serviceOrders: [notCompleted] }), { asOf: D })),
    ).toEqual(parts(returnSatisfaction(data, { asOf: D })));
    // Approved inside the window: counted as of D, dated at the approval.
    const recent = { ...undated, approvedAt: sh('2026-11-20 10:00:00') };
    expect(
      parts(returnSatisfaction(storeData({ serviceOrders: [recent] }), { asOf: D })),
    ).toMatchObject({
      numerator: '1',
      denominator: '1',
    });
  });

  it('counts ratings on D−180 (from 00:00) and D−1 (to 23:59:59.999), not on D−181', () => {
    const data = storeData({
      serviceOrders: [
        rated('dissatisfied', '2026-05-26 23:59:59.999'), // D−181: out
        rated('satisfied', '2026-05-27 00:00:00'), // D−180: in
        rated('neutral', '2026-11-22 23:59:59.999'), // D−1: in
      ],
    });
    expect(parts(returnSatisfaction(data, { asOf: D }))).toMatchObject({
      numerator: '1',
      denominator: '2',
      value: '0.5',
    });
    // A day earlier the window is [2026-05-26, 2026-11-21]: the D−181 and D−180 ratings.
    expect(parts(returnSatisfaction(data, { asOf: '2026-11-22' }))).toMatchObject({
      numerator: '1',
      denominator: '2',
      value: '0.5',
    });
    // A day later, [2026-05-28, 2026-11-23]: only the D−1 rating.
    expect(parts(returnSatisfaction(data, { asOf: D1 }))).toMatchObject({
      numerator: '0',
      denominator: '1',
      value: '0',
    });
  });

  it('treats very satisfied and satisfied as satisfied, the three others not [after-sales.return-satisfaction#satisfied]', () => {
    for (const [rating, expected] of SATISFIED_BY_RATING) {
      const data = storeData({ serviceOrders: [rated(rating, '2026-11-01 10:00:00')] });
      expect(v(returnSatisfaction(data, { asOf: D })), rating).toBe(expected);
    }
  });

  it('is no-data on an empty window', () => {
    const longAgo = storeData({ serviceOrders: [rated('satisfied', '2026-05-26 10:00:00')] });
    expect(parts(returnSatisfaction(longAgo, { asOf: D }))).toEqual({
      numerator: '0',
      denominator: '0',
      value: null,
      status: 'no-data',
    });
    expect(returnSatisfaction(storeData(), { asOf: D }).value).toBeNull();
  });
});
