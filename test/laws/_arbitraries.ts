/**
 * fast-check arbitraries of small but gnarly normalised stores around an evaluation day: a few
 * customers, sessions that merge, orders at every stage, facts before and after the as-of instant.
 */
import fc from 'fast-check';
import type {
  ChatMessage,
  ChatSession,
  Dispute,
  Order,
  Rating,
  Review,
  ServiceOrder,
  StoreData,
} from '../../src/model.js';
import { markParsed } from '../../src/model.js';
import { dayStartMs, parseDayKey } from '../../src/time/shanghai.js';

export const AS_OF = '2026-11-23';
export const AS_OF_MS = dayStartMs(parseDayKey(AS_OF));
const DAY = 86_400_000;
// Instants from 200 days before the as-of instant to 10 days after it, at minute-ish resolution,
// with a bias towards the interesting edges (midnight, the as-of instant).
const instant = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .integer({ min: -200 * 24 * 60, max: 10 * 24 * 60 })
      .map((m) => AS_OF_MS + m * 60_000),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: -200, max: 10 })
      .chain((d) => fc.constantFrom(0, -1, 1).map((e) => AS_OF_MS + d * DAY + e)),
  },
);
const later = (t: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: 90 }).map((s) => t + s * 1000),
    fc.integer({ min: 0, max: 5 * 24 * 60 }).map((m) => t + m * 60_000),
  );
const customer = fc.constantFrom('c0', 'c1', 'c2', 'c3', 'c4');
const rating = fc.constantFrom<Rating>(
  'very-satisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
  'very-dissatisfied',
);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });

const session = (id: string) =>
  fc
    .record({
      customerId: customer,
      start: instant,
      gaps: fc.array(
        fc.tuple(
          fc.constantFrom<ChatMessage['from']>('customer', 'agent', 'robot'),
          fc.integer({ min: 0, max: 700_000 }),
        ),
        { maxLength: 4 },
      ),
      kind: fc.constantFrom<ChatSession['kind']>('consultation', 'consultation', 'offline-message'),
      stage: opt(fc.constantFrom<'pre-sales' | 'after-sales'>('pre-sales', 'after-sales')),
      rating: opt(rating),
      rateDelay: fc.integer({ min: 0, max: 3 * DAY }),
    })
    .map(({ customerId, start, gaps, kind, stage, rating, rateDelay }): ChatSession => {
      const messages: ChatMessage[] = [{ from: 'customer', at: start }];
      let t = start;
      for (const [from, g] of gaps) {
        t += g;
        messages.push({ from, at: t });
      }
      return {
        id,
        customerId,
        kind,
        messages,
        ...(stage ? { stage } : {}),
        ...(rating ? { rating, ratedAt: start + rateDelay } : {}),
      };
    });

const order = (id: string) =>
  fc
    .record({
      customerId: customer,
      placedAt: instant,
      cod: fc.boolean(),
      units: fc.integer({ min: 1, max: 3 }),
      amountFen: fc.integer({ min: 0, max: 50_000 }),
    })
    .chain((o) =>
      fc
        .record({
          paid: o.cod ? fc.constant(undefined) : opt(later(o.placedAt)),
          cancelled: opt(later(o.placedAt)),
          outbound: opt(later(o.placedAt)),
        })
        .chain((p) => {
          const base = p.outbound ?? p.paid ?? o.placedAt;
          return fc.record({ collected: opt(later(base)) }).chain((c) =>
            fc.record({ delivered: opt(later(c.collected ?? base)) }).map(
              (d): Order => ({
                id,
                customerId: o.customerId,
                placedAt: o.placedAt,
                paidAt: p.paid,
                cashOnDelivery: o.cod,
                amountFen: o.amountFen,
                units: o.units,
                cancelledAt: p.cancelled,
                outboundAt: p.outbound,
                collectedAt: c.collected,
                deliveredAt: d.delivered,
              }),
            ),
          );
        }),
    );

export const storeArb: fc.Arbitrary<StoreData> = fc
  .record({ nSessions: fc.integer({ min: 0, max: 12 }), nOrders: fc.integer({ min: 1, max: 12 }) })
  .chain(({ nSessions, nOrders }) =>
    fc.record({
      chatSessions: fc.tuple(...Array.from({ length: nSessions }, (_, i) => session(`s${i}`))),
      orders: fc.tuple(...Array.from({ length: nOrders }, (_, i) => order(`o${i}`))),
    }),
  )
  .chain(({ chatSessions, orders }) => {
    const orderIds = orders.map((o) => o.id);
    const review = (id: string) =>
      fc
        .record({
          customerId: customer,
          createdAt: instant,
          stars: fc.constantFrom<Review['stars']>(1, 2, 3, 4, 5),
          reply: opt(fc.integer({ min: 0, max: 2 * DAY })),
          excluded: fc.boolean(),
        })
        .map(
          (r): Review => ({
            id,
            customerId: r.customerId,
            createdAt: r.createdAt,
            stars: r.stars,
            repliedAt: r.reply === undefined ? undefined : r.createdAt + r.reply,
            excluded: r.excluded && r.stars === 1,
          }),
        );
    const service = (id: string) =>
      fc
        .record({
          orderId: fc.constantFrom(...orderIds),
          type: fc.constantFrom<ServiceOrder['type']>('return', 'exchange', 'repair'),
          reason: fc.constantFrom<ServiceOrder['reason']>(
            'quality',
            'dead-on-arrival',
            'no-reason',
            'other',
          ),
          appliedAt: instant,
          approve: opt(fc.integer({ min: 0, max: 3 * DAY })),
          complete: opt(fc.integer({ min: 0, max: 6 * DAY })),
          rating: opt(rating),
          rate: fc.integer({ min: 0, max: 8 * DAY }),
        })
        .map(
          (s): ServiceOrder => ({
            id,
            orderId: s.orderId,
            type: s.type,
            reason: s.reason,
            appliedAt: s.appliedAt,
            approvedAt: s.approve === undefined ? undefined : s.appliedAt + s.approve,
            completedAt:
              s.complete === undefined || s.approve === undefined
                ? undefined
                : s.appliedAt + s.approve + s.complete,
            ...(s.rating ? { rating: s.rating, ratedAt: s.appliedAt + s.rate } : {}),
          }),
        );
    const dispute = (id: string) =>
      fc
        .record({
          orderId: fc.constantFrom(...orderIds),
          openedAt: instant,
          ruling: opt(
            fc.constantFrom<NonNullable<Dispute['ruling']>>(
              'merchant',
              'shared',
              'customer',
              'platform',
            ),
          ),
          rule: fc.integer({ min: 0, max: 10 * DAY }),
          appeal: opt(fc.integer({ min: 0, max: 10 * DAY })),
        })
        .map(
          (d): Dispute => ({
            id,
            orderId: d.orderId,
            openedAt: d.openedAt,
            ...(d.ruling
              ? {
                  ruling: d.ruling,
                  ruledAt: d.openedAt + d.rule,
                  ...(d.appeal === undefined
                    ? {}
                    : { appealUpheldAt: d.openedAt + d.rule + d.appeal }),
                }
              : {}),
          }),
        );
    return fc
      .record({
        nr: fc.integer({ min: 0, max: 25 }),
        ns: fc.integer({ min: 0, max: 6 }),
        nd: fc.integer({ min: 0, max: 4 }),
      })
      .chain(({ nr, ns, nd }) =>
        fc.record({
          reviews: fc.tuple(...Array.from({ length: nr }, (_, i) => review(`r${i}`))),
          serviceOrders: fc.tuple(...Array.from({ length: ns }, (_, i) => service(`v${i}`))),
          disputes: fc.tuple(...Array.from({ length: nd }, (_, i) => dispute(`d${i}`))),
        }),
      )
      .map(
        (rest): StoreData =>
          markParsed({
            store: { id: 'prop' },
            chatSessions,
            orders,
            reviews: rest.reviews,
            serviceOrders: rest.serviceOrders,
            disputes: rest.disputes,
            assuredServices: [],
          }),
      );
  });

/** Every instant of a store mapped through `f` (messages re-sorted). */
export function mapInstants(data: StoreData, f: (t: number) => number): StoreData {
  const m = (t: number | undefined) => (t === undefined ? undefined : f(t));
  return {
    ...data,
    chatSessions: data.chatSessions.map((s) => ({
      ...s,
      messages: s.messages.map((x) => ({ ...x, at: f(x.at) })).sort((a, b) => a.at - b.at),
      ratedAt: m(s.ratedAt),
    })),
    orders: data.orders.map((o) => ({
      ...o,
      placedAt: f(o.placedAt),
      paidAt: m(o.paidAt),
      cancelledAt: m(o.cancelledAt),
      outboundAt: m(o.outboundAt),
      collectedAt: m(o.collectedAt),
      deliveredAt: m(o.deliveredAt),
    })),
    reviews: data.reviews.map((r) => ({
      ...r,
      createdAt: f(r.createdAt),
      repliedAt: m(r.repliedAt),
    })),
    serviceOrders: data.serviceOrders.map((s) => ({
      ...s,
      appliedAt: f(s.appliedAt),
      approvedAt: m(s.approvedAt),
      rejectedAt: m(s.rejectedAt),
      completedAt: m(s.completedAt),
      ratedAt: m(s.ratedAt),
    })),
    disputes: data.disputes.map((d) => ({
      ...d,
      openedAt: f(d.openedAt),
      ruledAt: m(d.ruledAt),
      appealUpheldAt: m(d.appealUpheldAt),
    })),
  };
}
