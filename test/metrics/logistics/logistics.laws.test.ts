/**
 * Laws of the logistics and dispute metrics over random orders crowded around their edges: the
 * collection cut-off, midnight, the end of the due day, and the as-of instant.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MetricCalculator } from '../../../src/evaluate/calculators.js';
import {
  averageDeliveryTime,
  disputeRate,
  nextDayArrivalRate,
  sameDayCollectionRate,
} from '../../../src/evaluate/calculators.js';
import { evaluateHistory } from '../../../src/evaluate/evaluate.js';
import type { MetricId } from '../../../src/metrics/catalogue.js';
import type { Dispute, Order, StoreData } from '../../../src/model.js';
import { defaultRuleSet, type RuleSet } from '../../../src/ruleset/ruleSet.js';
import { DAY_MS, dayKeyOf, dayStartMs, HOUR_MS, parseDayKey } from '../../../src/time/shanghai.js';
import { storeData } from '../../_helpers.js';

const D = parseDayKey('2026-11-23');

const CALCULATORS: readonly [MetricId, MetricCalculator][] = [
  ['logistics.same-day-collection-rate', sameDayCollectionRate],
  ['logistics.next-day-arrival-rate', nextDayArrivalRate],
  ['logistics.average-delivery-time', averageDeliveryTime],
  ['disputes.dispute-rate', disputeRate],
];

const twoDays: RuleSet = {
  ...defaultRuleSet,
  logistics: { ...defaultRuleSet.logistics, arrivalDays: { value: 2, source: { tag: 'custom' } } },
};

// A time of day biased to the edges: midnight, 1 ms before it, the 16:00 cut-off and 1 ms before it.
const timeOfDay = fc.oneof(
  fc.constantFrom(0, DAY_MS - 1, 16 * HOUR_MS, 16 * HOUR_MS - 1),
  fc.integer({ min: 0, max: DAY_MS - 1 }),
);
/** An instant on day `D + k`, k in [min, max]. */
const onDay = (min: number, max: number) =>
  fc.tuple(fc.integer({ min, max }), timeOfDay).map(([k, t]) => dayStartMs(D + k) + t);
/** An instant 0–3 days after `t`'s day, never before `t`. */
const after = (t: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: 3 }), timeOfDay)
    .map(([k, tod]) => Math.max(t, dayStartMs(Math.floor((t + 8 * HOUR_MS) / DAY_MS) + k) + tod));
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

const orderArb = (id: string): fc.Arbitrary<{ order: Order; disputes: Dispute[] }> =>
  fc.record({ placedAt: onDay(-40, 3), cod: fc.boolean() }).chain(({ placedAt, cod }) =>
    fc
      .record({ paidAt: opt(after(placedAt)), cancelledAt: opt(after(placedAt)) })
      .chain(({ paidAt, cancelledAt }) => {
        const base = cod ? placedAt : (paidAt ?? placedAt);
        return fc.record({ collectedAt: opt(after(base)) }).chain(({ collectedAt }) =>
          fc
            .record({
              deliveredAt: opt(after(collectedAt ?? base)),
              disputes: fc.array(
                fc.record({
                  opened: after(placedAt),
                  ruling: opt(
                    fc.constantFrom<NonNullable<Dispute['ruling']>>(
                      'merchant',
                      'shared',
                      'customer',
                      'platform',
                    ),
                  ),
                  ruled: opt(fc.integer({ min: 0, max: 4 * DAY_MS })),
                  upheld: opt(fc.integer({ min: 0, max: 4 * DAY_MS })),
                }),
                { maxLength: 2 },
              ),
            })
            .map(({ deliveredAt, disputes }) => ({
              order: {
                id,
                customerId: 'u',
                placedAt,
                paidAt,
                cashOnDelivery: cod,
                amountFen: 100,
                units: 1,
                cancelledAt,
                collectedAt,
                deliveredAt,
              },
              disputes: disputes.map((d, i): Dispute => {
                const ruledAt = d.ruled === undefined ? undefined : d.opened + d.ruled;
                return {
                  id: `${id}-d${i}`,
                  orderId: id,
                  openedAt: d.opened,
                  ruling: d.ruling,
                  ruledAt,
                  appealUpheldAt:
                    ruledAt === undefined || d.upheld === undefined
                      ? undefined
                      : ruledAt + d.upheld,
                };
              }),
            })),
        );
      }),
  );

const storeArb: fc.Arbitrary<StoreData> = fc
  .integer({ min: 1, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => orderArb(`o${i}`))))
  .map((xs) =>
    storeData({ orders: xs.map((x) => x.order), disputes: xs.flatMap((x) => x.disputes) }),
  );

/** The store as known at `asOfMs`: every fact stamped at or after it removed. */
function knownAt(data: StoreData, asOfMs: number): StoreData {
  const keep = (t: number | undefined) => (t !== undefined && t < asOfMs ? t : undefined);
  const orders = data.orders
    .filter((o) => o.placedAt < asOfMs)
    .map((o) => ({
      ...o,
      paidAt: keep(o.paidAt),
      cancelledAt: keep(o.cancelledAt),
      collectedAt: keep(o.collectedAt),
      deliveredAt: keep(o.deliveredAt),
    }));
  const ids = new Set(orders.map((o) => o.id));
  const disputes = data.disputes
    .filter((d) => ids.has(d.orderId) && d.openedAt < asOfMs)
    .map((d) => ({ ...d, ruledAt: keep(d.ruledAt), appealUpheldAt: keep(d.appealUpheldAt) }));
  return { ...data, orders, disputes };
}

describe('laws of the logistics and dispute metrics', () => {
  for (const [label, ruleSet] of [
    ['default rules', defaultRuleSet],
    ['arrivalDays 2', twoDays],
  ] as const) {
    it(`evaluateHistory equals each day's calculator (${label})`, () => {
      fc.assert(
        fc.property(storeArb, (data) => {
          const days = evaluateHistory(data, {
            from: dayKeyOf(D - 12),
            to: dayKeyOf(D + 8),
            ruleSet,
          });
          for (const card of days) {
            for (const [id, calc] of CALCULATORS) {
              expect(card.metrics[id]).toEqual(calc(data, { asOf: card.asOf, ruleSet }));
            }
          }
        }),
        { numRuns: 40 },
      );
    });

    it(`removing every fact at or after the as-of instant changes nothing (${label})`, () => {
      fc.assert(
        fc.property(storeArb, fc.integer({ min: -10, max: 6 }), (data, k) => {
          const asOf = dayKeyOf(D + k);
          const past = knownAt(data, dayStartMs(D + k));
          for (const [, calc] of CALCULATORS) {
            expect(calc(past, { asOf, ruleSet })).toEqual(calc(data, { asOf, ruleSet }));
          }
        }),
        { numRuns: 150 },
      );
    });
  }
});
