/**
 * Shared helpers and fixtures of the logistics metric tests.
 */
import { expect } from 'vitest';
import {
  averageDeliveryTime,
  defaultRuleSet,
  evaluateHistory,
  evaluateStore,
  type MetricId,
  type MetricResult,
  nextDayArrivalRate,
  type RuleSet,
  type StoreData,
  sameDayCollectionRate,
} from '../../../src/index.js';
import { order, sh, storeData } from '../../_helpers.js';

// Evaluation day used throughout: D = 2026-11-23, logistics window [D−30, D−1] = 2026-10-24..2026-11-22.
/** The evaluation day. */
export const D = '2026-11-23';
/** D + 1. */
export const D1 = '2026-11-24';
/** The value as an exact decimal string, or null. */
export const v = (r: MetricResult) => r.value?.toString() ?? null;
/** `numerator/denominator` as exact strings. */
export const frac = (r: MetricResult) => `${r.numerator.toString()}/${r.denominator.toString()}`;

/** The default rule set with `arrivalDays` and the collection cut-off hour set. */
export const withLogistics = (arrivalDays: number, cutoffHour = 16): RuleSet => ({
  ...defaultRuleSet,
  logistics: {
    ...defaultRuleSet.logistics,
    arrivalDays: { value: arrivalDays, source: { tag: 'custom' } },
    collectionCutoffHour: { value: cutoffHour, source: { tag: 'custom' } },
  },
});

const LOGISTICS_IDS: readonly MetricId[] = [
  'logistics.same-day-collection-rate',
  'logistics.next-day-arrival-rate',
  'logistics.average-delivery-time',
];

/** evaluateHistory over [from, to] equals evaluateStore day by day (and the calculators). */
export function expectHistoryMatches(
  data: StoreData,
  from: string,
  to: string,
  ruleSet: RuleSet = defaultRuleSet,
): void {
  const days = evaluateHistory(data, { from, to, ruleSet });
  expect(days.length).toBeGreaterThan(20);
  let nonEmpty = 0;
  for (const card of days) {
    const single = evaluateStore(data, { asOf: card.asOf, ruleSet });
    for (const id of LOGISTICS_IDS) {
      expect(card.metrics[id], `${id} on ${card.asOf}`).toEqual(single.metrics[id]);
      if (card.metrics[id].status !== 'no-data') nonEmpty++;
    }
    expect(card.metrics['logistics.same-day-collection-rate']).toEqual(
      sameDayCollectionRate(data, { asOf: card.asOf, ruleSet }),
    );
    expect(card.metrics['logistics.next-day-arrival-rate']).toEqual(
      nextDayArrivalRate(data, { asOf: card.asOf, ruleSet }),
    );
    expect(card.metrics['logistics.average-delivery-time']).toEqual(
      averageDeliveryTime(data, { asOf: card.asOf, ruleSet }),
    );
  }
  // The range must actually cover days with data, or the comparison proves nothing.
  expect(nonEmpty).toBeGreaterThan(0);
}

/** 当日揽收率: orders c1..c8 around the 16:00 cut-off and the end of the due day 11-10. */
export const collectionFixture = () =>
  storeData({
    orders: [
      // c1: paid 15:59:59.999 → due 11-10; collected 11-10 23:59:59.999 → in time.
      order('u1', '2026-11-10 15:59:59.999', { collectedAt: sh('2026-11-10 23:59:59.999') }),
      // c2: paid 15:59:59.999 → due 11-10; collected 11-11 00:00 → late.
      order('u2', '2026-11-10 15:59:59.999', { collectedAt: sh('2026-11-11 00:00:00') }),
      // c3: paid 16:00 → due 11-11; collected 11-11 23:59:59.999 → in time.
      order('u3', '2026-11-10 16:00:00', { collectedAt: sh('2026-11-11 23:59:59.999') }),
      // c4: paid 16:00 → due 11-11; never collected → late, stays in the denominator.
      order('u4', '2026-11-10 16:00:00'),
      // c5: never paid → never shippable → nowhere.
      order('u5', '2026-11-10 10:00:00', {
        paidAt: undefined,
        collectedAt: sh('2026-11-10 12:00:00'),
      }),
      // c6: cash on delivery, unpaid, placed 10:00 → due 11-10; collected 20:00 → in time.
      order('u6', '2026-11-10 10:00:00', {
        paidAt: undefined,
        cashOnDelivery: true,
        collectedAt: sh('2026-11-10 20:00:00'),
      }),
      // c7: due 11-10, cancelled 11-10 23:59:59.999 (before the end of the due day) → nowhere.
      order('u7', '2026-11-10 10:00:00', { cancelledAt: sh('2026-11-10 23:59:59.999') }),
      // c8: due 11-10, cancelled 11-11 00:00 (at the end of the due day), uncollected → late.
      order('u8', '2026-11-10 10:00:00', { cancelledAt: sh('2026-11-11 00:00:00') }),
    ],
  });

/** 次日达占比: orders a1..a8 paid 11-01, delivered around the end of 11-02. */
export const arrivalFixture = () =>
  storeData({
    orders: [
      // a1: paid 11-01 10:00, delivered 11-02 23:59:59.999 → in time.
      order('u1', '2026-11-01 10:00:00', { deliveredAt: sh('2026-11-02 23:59:59.999') }),
      // a2: paid 11-01 10:00, delivered 11-03 00:00 → late (in time under arrivalDays 2).
      order('u2', '2026-11-01 10:00:00', { deliveredAt: sh('2026-11-03 00:00:00') }),
      // a3: paid 11-01 23:00 (after the collection cut-off: no cut-off here), delivered 11-02 20:00 → in time.
      order('u3', '2026-11-01 23:00:00', { deliveredAt: sh('2026-11-02 20:00:00') }),
      // a4: paid 11-01 10:00, never collected nor delivered → late, stays in the denominator.
      order('u4', '2026-11-01 10:00:00'),
      // a5: paid 11-01 17:00 (collection due 11-02), cancelled 11-02 23:59:59.999 → nowhere.
      order('u5', '2026-11-01 17:00:00', { cancelledAt: sh('2026-11-02 23:59:59.999') }),
      // a6: paid 11-01 10:00 (due 11-01), cancelled 11-02 00:00 (at the end of the due day) → late.
      order('u6', '2026-11-01 10:00:00', { cancelledAt: sh('2026-11-02 00:00:00') }),
      // a7: cash on delivery placed 11-01 09:00, paid on delivery 11-02 12:00 → in time.
      order('u7', '2026-11-01 09:00:00', {
        cashOnDelivery: true,
        paidAt: sh('2026-11-02 12:00:00'),
        deliveredAt: sh('2026-11-02 12:00:00'),
      }),
      // a8: never paid → nowhere.
      order('u8', '2026-11-01 10:00:00', {
        paidAt: undefined,
        deliveredAt: sh('2026-11-02 10:00:00'),
      }),
    ],
  });

/** 平均妥投时长: orders d1..d5 of 11-01. */
export const deliveryFixture = () =>
  storeData({
    orders: [
      // d1: placed 11-01 08:00, paid 10:00, delivered 11-02 16:00 → 30 h from payment.
      order('u1', '2026-11-01 08:00:00', {
        paidAt: sh('2026-11-01 10:00:00'),
        deliveredAt: sh('2026-11-02 16:00:00'),
      }),
      // d2: cash on delivery placed 11-01 08:00, paid on delivery 11-03 02:00 → 42 h from placement.
      order('u2', '2026-11-01 08:00:00', {
        cashOnDelivery: true,
        paidAt: sh('2026-11-03 02:00:00'),
        deliveredAt: sh('2026-11-03 02:00:00'),
      }),
      // d3: never paid → nowhere.
      order('u3', '2026-11-01 10:00:00', {
        paidAt: undefined,
        deliveredAt: sh('2026-11-02 10:00:00'),
      }),
      // d4: due 11-01, cancelled 11-01 23:59:59.999, delivered anyway → nowhere.
      order('u4', '2026-11-01 10:00:00', {
        cancelledAt: sh('2026-11-01 23:59:59.999'),
        deliveredAt: sh('2026-11-02 10:00:00'),
      }),
      // d5: paid, not delivered → not in the average.
      order('u5', '2026-11-01 10:00:00'),
    ],
  });
