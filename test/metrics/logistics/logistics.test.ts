import { describe, expect, it } from 'vitest';
import {
  averageDeliveryTime,
  nextDayArrivalRate,
  sameDayCollectionRate,
} from '../../../src/evaluate/calculators.js';
import { evaluateHistory, evaluateStore } from '../../../src/evaluate/evaluate.js';
import type { MetricId } from '../../../src/metrics/catalogue.js';
import type { StoreData } from '../../../src/model.js';
import { defaultRuleSet, type RuleSet } from '../../../src/ruleset/ruleSet.js';
import type { MetricResult } from '../../../src/scoring/metric.js';
import { order, sh, storeData } from '../../_helpers.js';

// Evaluation day used throughout: D = 2026-11-23, logistics window [D−30, D−1] = 2026-10-24..2026-11-22.
const D = '2026-11-23';
const D1 = '2026-11-24';
const v = (r: MetricResult) => r.value?.toString() ?? null;
const frac = (r: MetricResult) => `${r.numerator.toString()}/${r.denominator.toString()}`;

const withLogistics = (arrivalDays: number, cutoffHour = 16): RuleSet => ({
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
function expectHistoryMatches(
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

// ---------------------------------------------------------------------------------------------
// 当日揽收率
// ---------------------------------------------------------------------------------------------

const collectionFixture = () =>
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

describe('sameDayCollectionRate (当日揽收率)', () => {
  it('counts orders collected by the end of their due day (hand-checked)', () => {
    // In time: c1, c3, c6 = 3. Due: c1, c2, c3, c4, c6, c8 = 6 (c5 unpaid, c7 cancelled in time).
    // 3 / 6 = 0.5
    const r = sameDayCollectionRate(collectionFixture(), { asOf: D });
    expect(frac(r)).toBe('3/6');
    expect(v(r)).toBe('0.5');
    expect(r.status).toBe('too-little-data');
    expect(r.unit).toBe('ratio');
    expect(r.direction).toBe('higher-is-better');
    expect(r.window).toEqual({ from: '2026-10-24', to: '2026-11-22' });
  });

  it('puts an order paid at the cut-off on the next day, 1 ms before it on the same day', () => {
    // Both collected 11-11 12:00: in time only for the order due 11-11.
    const data = storeData({
      orders: [
        order('u1', '2026-11-10 15:59:59.999', { collectedAt: sh('2026-11-11 12:00:00') }),
        order('u2', '2026-11-10 16:00:00', { collectedAt: sh('2026-11-11 12:00:00') }),
      ],
    });
    expect(frac(sameDayCollectionRate(data, { asOf: D }))).toBe('1/2');
    // A later cut-off (18:00) puts both on 11-10: neither collected in time.
    expect(frac(sameDayCollectionRate(data, { asOf: D, ruleSet: withLogistics(1, 18) }))).toBe(
      '0/2',
    );
  });

  it('anchors on the due day: first and last window days, and 1 ms either side', () => {
    const data = storeData({
      orders: [
        // Due 10-23 (paid 15:59:59.999): before the window.
        order('u1', '2026-10-23 15:59:59.999'),
        // Due 10-24 (paid 10-23 16:00, after the cut-off): first window day.
        order('u2', '2026-10-23 16:00:00', { collectedAt: sh('2026-10-24 09:00:00') }),
        // Due 11-22 (paid 15:59:59.999): last window day, collected in time.
        order('u3', '2026-11-22 15:59:59.999', { collectedAt: sh('2026-11-22 20:00:00') }),
        // Due 11-23 (paid 16:00): not in the window of D yet; never collected.
        order('u4', '2026-11-22 16:00:00'),
      ],
    });
    // D: u2 and u3, both in time.
    expect(frac(sameDayCollectionRate(data, { asOf: D }))).toBe('2/2');
    // D+1: window 10-25..11-23. u2 has left; u3 (in time) and u4 (late) are in.
    expect(frac(sameDayCollectionRate(data, { asOf: D1 }))).toBe('1/2');
    // D−1: window 10-23..11-21: u1 (late) and u2 (in time).
    expect(frac(sameDayCollectionRate(data, { asOf: '2026-11-22' }))).toBe('1/2');
    expect(frac(sameDayCollectionRate(data, { asOf: '2026-12-24' }))).toBe('0/0');
  });

  it('counts a cash-on-delivery order from placement, paid on delivery after the as-of instant', () => {
    // Placed 11-22 10:00 (due 11-22), paid on delivery 11-23 12:00: due in D's window already.
    const data = storeData({
      orders: [
        order('u1', '2026-11-22 10:00:00', {
          cashOnDelivery: true,
          paidAt: sh('2026-11-23 12:00:00'),
          collectedAt: sh('2026-11-22 18:00:00'),
        }),
      ],
    });
    expect(frac(sameDayCollectionRate(data, { asOf: D }))).toBe('1/1');
  });

  it('does not count an order paid at the as-of instant until the next day', () => {
    // Placed 11-22, paid 11-23 00:00 (the as-of instant) → due 11-23, collected 11-23 09:00.
    const data = storeData({
      orders: [
        order('u1', '2026-11-22 20:00:00', {
          paidAt: sh('2026-11-23 00:00:00'),
          collectedAt: sh('2026-11-23 09:00:00'),
        }),
      ],
    });
    const atD = sameDayCollectionRate(data, { asOf: D });
    expect(atD.status).toBe('no-data');
    expect(atD.value).toBeNull();
    expect(v(sameDayCollectionRate(data, { asOf: D1 }))).toBe('1');
  });

  it('counts a collection stamped at the as-of instant as late for an order due the day before', () => {
    // Due 11-22, collected 11-23 00:00: the deadline has passed at D, and stays passed.
    const data = storeData({
      orders: [order('u1', '2026-11-22 10:00:00', { collectedAt: sh('2026-11-23 00:00:00') })],
    });
    expect(v(sameDayCollectionRate(data, { asOf: D }))).toBe('0');
    expect(v(sameDayCollectionRate(data, { asOf: D1 }))).toBe('0');
  });

  it('is no-data on an empty window, never NaN', () => {
    const r = sameDayCollectionRate(storeData(), { asOf: D });
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(frac(r)).toBe('0/0');
  });
});

// ---------------------------------------------------------------------------------------------
// 次日达占比
// ---------------------------------------------------------------------------------------------

const arrivalFixture = () =>
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

describe('nextDayArrivalRate (次日达占比)', () => {
  it('counts orders delivered by the end of the day after they became shippable (hand-checked)', () => {
    // In time: a1, a3, a7 = 3. Due: a1, a2, a3, a4, a6, a7 = 6 (a5 cancelled in time, a8 unpaid).
    // 3 / 6 = 0.5
    const r = nextDayArrivalRate(arrivalFixture(), { asOf: D });
    expect(frac(r)).toBe('3/6');
    expect(v(r)).toBe('0.5');
    expect(r.window).toEqual({ from: '2026-10-24', to: '2026-11-22' });
  });

  it('has no cut-off: an order paid at 16:00 must arrive by the end of the next day', () => {
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

  it('with arrivalDays 2: the end of the second day is in time, 1 ms later is not', () => {
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

// ---------------------------------------------------------------------------------------------
// 平均妥投时长
// ---------------------------------------------------------------------------------------------

const deliveryFixture = () =>
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

describe('averageDeliveryTime (平均妥投时长)', () => {
  it('averages delivered − shippable in hours (hand-checked)', () => {
    // (30 h + 42 h) / 2 = 36 h
    const r = averageDeliveryTime(deliveryFixture(), { asOf: D });
    expect(r.numerator.toString()).toBe('72');
    expect(r.denominator.toString()).toBe('2');
    expect(v(r)).toBe('36');
    expect(r.unit).toBe('hours');
    expect(r.direction).toBe('lower-is-better');
  });

  it('keeps an order cancelled at the end of its due day, delivered', () => {
    // Paid 11-01 10:00 (due 11-01), cancelled 11-02 00:00, delivered 11-02 06:00 → 20 h.
    const data = storeData({
      orders: [
        order('u1', '2026-11-01 10:00:00', {
          cancelledAt: sh('2026-11-02 00:00:00'),
          deliveredAt: sh('2026-11-02 06:00:00'),
        }),
      ],
    });
    expect(v(averageDeliveryTime(data, { asOf: D }))).toBe('20');
  });

  it('anchors on the delivered day: window edges and the as-of instant', () => {
    const data = storeData({
      orders: [
        // Delivered 10-23 23:59:59.999: before the window (10 h).
        order('u1', '2026-10-23 13:59:59.999', { deliveredAt: sh('2026-10-23 23:59:59.999') }),
        // Delivered 10-24 00:00: first window day (2 h).
        order('u2', '2026-10-23 22:00:00', { deliveredAt: sh('2026-10-24 00:00:00') }),
        // Delivered 11-22 23:59:59.999: last window day (4 h).
        order('u3', '2026-11-22 19:59:59.999', { deliveredAt: sh('2026-11-22 23:59:59.999') }),
        // Delivered 11-23 00:00, the as-of instant: not yet (8 h).
        order('u4', '2026-11-22 16:00:00', { deliveredAt: sh('2026-11-23 00:00:00') }),
      ],
    });
    // D: u2 + u3 = 6 h / 2 = 3
    expect(`${frac(averageDeliveryTime(data, { asOf: D }))}`).toBe('6/2');
    // D+1 (window 10-25..11-23): u3 + u4 = 12 h / 2 = 6
    expect(v(averageDeliveryTime(data, { asOf: D1 }))).toBe('6');
    // D−1 (window 10-23..11-21): u1 + u2 = 12 h / 2 = 6
    expect(v(averageDeliveryTime(data, { asOf: '2026-11-22' }))).toBe('6');
  });

  it('counts an order delivered before its due day until its cancellation on the due day happens', () => {
    // Paid 11-10 17:00 (collection due 11-11), delivered 11-10 23:00 (6 h), cancelled 11-11 10:00,
    // before the end of the due day. At D = 11-11 the cancellation has not happened yet.
    const data = storeData({
      orders: [
        order('u1', '2026-11-10 17:00:00', {
          deliveredAt: sh('2026-11-10 23:00:00'),
          cancelledAt: sh('2026-11-11 10:00:00'),
        }),
      ],
    });
    expect(v(averageDeliveryTime(data, { asOf: '2026-11-11' }))).toBe('6');
    expect(averageDeliveryTime(data, { asOf: '2026-11-12' }).status).toBe('no-data');
    // It was never in the other two: its due days are over with the cancellation known.
    expect(sameDayCollectionRate(data, { asOf: '2026-11-12' }).status).toBe('no-data');
    expect(nextDayArrivalRate(data, { asOf: '2026-11-12' }).status).toBe('no-data');
    expectHistoryMatches(data, '2026-11-09', '2026-12-15');
  });

  it('leaves out an order delivered before it was paid', () => {
    const data = storeData({
      orders: [
        order('u1', '2026-11-01 10:00:00', {
          paidAt: sh('2026-11-03 10:00:00'),
          deliveredAt: sh('2026-11-02 10:00:00'),
        }),
      ],
    });
    expect(averageDeliveryTime(data, { asOf: D }).status).toBe('no-data');
  });

  it('is no-data on an empty window', () => {
    const r = averageDeliveryTime(storeData({ orders: [order('u1', '2026-11-20 10:00:00')] }), {
      asOf: D,
    });
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(r.numerator.toString()).toBe('0');
  });
});

// ---------------------------------------------------------------------------------------------
// Replay: one pass over many days equals one evaluation per day
// ---------------------------------------------------------------------------------------------

describe('evaluateHistory equals evaluateStore day by day on the logistics fixtures', () => {
  const all = () =>
    storeData({
      orders: [
        ...collectionFixture().orders,
        ...arrivalFixture().orders,
        ...deliveryFixture().orders,
      ],
    });

  it('holds with the default rules', () => {
    expectHistoryMatches(all(), '2026-10-30', '2026-12-15');
  });

  it('holds with arrivalDays 2 and an 18:00 cut-off', () => {
    expectHistoryMatches(all(), '2026-10-30', '2026-12-15', withLogistics(2, 18));
  });
});
