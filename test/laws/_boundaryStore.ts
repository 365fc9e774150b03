/**
 * fast-check arbitrary of small RAW stores (input records, instants as epoch ms, amounts in
 * yuan) crowded at the boundaries of the default rule set, around the reference as-of day
 * {@link REF_AS_OF}: midnight Shanghai and ±1 ms, 08:00 (assessment hours), 16:00 (collection
 * cut-off), replies exactly 30 s and 30.001 s after, session gaps of exactly 10 min and 10 min
 * − 1 ms, exactly 24 h (review reply, attribution), the window edges (D−180, D−90, D−35,
 * D−30, D−6, D−5, D−1), the as-of instant itself and 1 ms before, equal instants listed in
 * various orders, offline messages, and (with `missingDecisions`) ratings without `ratedAt`,
 * rulings without `ruledAt` and upheld appeals without a ruling.
 *
 * Raw on purpose: the library's `parseStoreData` turns it into the data both the library and
 * the baseline read.
 */
import fc from 'fast-check';
import { dayStartMs, parseDayKey } from '../../src/time/shanghai.js';

export const REF_AS_OF = '2026-11-23';
export const REF_AS_OF_MS = dayStartMs(parseDayKey(REF_AS_OF));
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Days relative to the reference as-of day: every window edge, each side of it. */
const EDGE_DAYS = [
  1, 0, -1, -2, -4, -5, -6, -7, -29, -30, -31, -34, -35, -36, -89, -90, -91, -179, -180, -181,
];
/** Times of day: midnight and ±1 ms, 08:00 ±1 ms, 16:00 ±1 ms, the last second of the day. */
const EDGE_TIMES = [0, 1, -1, 8 * HOUR, 8 * HOUR - 1, 16 * HOUR, 16 * HOUR - 1, DAY - SEC];

/** An instant on an edge day at an edge time (mostly), or anywhere in the last 200 days. */
const instant: fc.Arbitrary<number> = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...EDGE_DAYS) },
      { weight: 1, arbitrary: fc.integer({ min: -200, max: 3 }) },
    ),
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...EDGE_TIMES) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: DAY - 1 }) },
    ),
  )
  .map(([d, t]) => REF_AS_OF_MS + d * DAY + t);

/** A delay after an instant: 0 (equal instants), the 30 s, 10 min and 24 h edges, or random. */
const delay: fc.Arbitrary<number> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      0,
      1,
      SEC,
      30 * SEC - 1,
      30 * SEC,
      30 * SEC + 1,
      10 * MIN - 1,
      10 * MIN,
      10 * MIN + 1,
      DAY - 1,
      DAY,
      DAY + 1,
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 * DAY }) },
);
/** A delay between two messages of one session. */
const messageDelay = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, 0, SEC, 30 * SEC, 30 * SEC + 1, 5 * SEC) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 12 * MIN }) },
  // now and then a session that goes on for days (across window edges or the as-of instant)
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 15 * DAY }) },
);
/** Gap from the previous session's last message to the next one's start. */
const sessionGap = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, 1, 10 * MIN - 1, 10 * MIN, 10 * MIN + 1, -SEC) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 * HOUR }) },
  // the same start as the previous session
  { weight: 1, arbitrary: fc.constant(Number.NaN) },
);

const CUSTOMERS = ['c0', 'c1', 'c2', 'c3'];
const customer = fc.constantFrom(...CUSTOMERS);
const RATINGS = [
  'very-satisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
  'very-dissatisfied',
] as const;
const rating = fc.constantFrom(...RATINGS);
const opt = <T>(a: fc.Arbitrary<T>, freq = 2) => fc.option(a, { nil: undefined, freq });

/** A raw record: plain JSON. */
export type Raw = Record<string, unknown>;
/** A raw store. */
export interface RawStore {
  store: { id: string };
  chatSessions: Raw[];
  orders: Raw[];
  reviews: Raw[];
  serviceOrders: Raw[];
  disputes: Raw[];
}

const yuan = (fen: number): string =>
  `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

interface SessionDraft {
  from: ('customer' | 'agent' | 'robot')[];
  delays: number[];
  order: number[];
  kind: 'consultation' | 'offline-message';
  stage: 'pre-sales' | 'after-sales' | undefined;
  rating: (typeof RATINGS)[number] | undefined;
  rated: 'missing' | 'as-of' | 'as-of-1' | 'chain' | number;
  gap: number;
  ownLast: boolean;
  customerAt: number;
}

const sessionDraft = (missing: boolean): fc.Arbitrary<SessionDraft> =>
  fc
    .record({
      from: fc.array(
        fc.constantFrom<'customer' | 'agent' | 'robot'>(
          'customer',
          'customer',
          'agent',
          'agent',
          'robot',
        ),
        { minLength: 1, maxLength: 5 },
      ),
      kind: fc.constantFrom<'consultation' | 'offline-message'>(
        'consultation',
        'consultation',
        'offline-message',
      ),
      stage: fc.constantFrom<'pre-sales' | 'after-sales' | undefined>(
        undefined,
        undefined,
        'pre-sales',
        'after-sales',
      ),
      rating: opt(rating, 2),
      rated: fc.oneof(
        ...(missing ? [fc.constant<'missing'>('missing')] : []),
        // 'chain': the same ratedAt as the other pieces of its chain rated so
        fc.constantFrom<'as-of' | 'as-of-1' | 'chain'>(
          'as-of',
          'as-of-1',
          'chain',
          'chain',
          'chain',
        ),
        delay,
      ),
      gap: sessionGap,
      // the gap from the previous piece's own last message rather than the chain's
      ownLast: fc.boolean(),
      customerAt: fc.oneof(fc.constant(0), fc.nat(5)),
    })
    .chain((s) =>
      fc
        .record({
          delays: fc.array(messageDelay, { minLength: s.from.length, maxLength: s.from.length }),
          // listed order of the messages (the parser sorts by time, stably)
          order: fc.shuffledSubarray(
            Array.from({ length: s.from.length + 1 }, (_, i) => i),
            { minLength: s.from.length + 1, maxLength: s.from.length + 1 },
          ),
        })
        .map((x) => ({ ...s, ...x })),
    );

/** Chains of sessions of one customer and kind, one after the other (to merge or not). */
const chainDraft = (missing: boolean) =>
  fc.record({
    customerId: customer,
    start: instant,
    sessions: fc.array(sessionDraft(missing), { minLength: 1, maxLength: 3 }),
  });

/**
 * Raw stores crowded at the boundaries. With `missingDecisions`, some ratings lack `ratedAt`,
 * some rulings `ruledAt`, and some upheld appeals have no ruling.
 */
export function boundaryStoreArb(
  options: { missingDecisions?: boolean } = {},
): fc.Arbitrary<RawStore> {
  const missing = options.missingDecisions ?? false;
  return fc
    .record({
      chains: fc.array(chainDraft(missing), { maxLength: 5 }),
      // A bit of customer c0's id space for the code-point order of ids: s10 < s2.
      idBase: fc.constantFrom(0, 8),
    })
    .map(({ chains, idBase }) => {
      const sessions: Raw[] = [];
      const starts: number[] = [];
      let n = idBase;
      for (const ch of chains) {
        let prevStart = ch.start;
        let prevLast = ch.start - 10 * MIN - 1;
        let pieceLast = prevLast;
        let first = true;
        for (const s of ch.sessions) {
          const start = first
            ? ch.start
            : Number.isNaN(s.gap)
              ? prevStart
              : (s.ownLast ? pieceLast : prevLast) + s.gap;
          first = false;
          // one customer message at least, anywhere (a robot greeting may come first)
          const from = [...s.from];
          from.splice(s.customerAt % (from.length + 1), 0, 'customer');
          const ats: number[] = [start];
          for (const dl of s.delays) ats.push((ats[ats.length - 1] as number) + dl);
          const messages = s.order.map((i) => ({ from: from[i], at: ats[i] }));
          const last = ats[ats.length - 1] as number;
          prevStart = start;
          prevLast = Math.max(prevLast, last);
          pieceLast = last;
          starts.push(start);
          const rec: Raw = { id: `s${n++}`, customerId: ch.customerId, kind: s.kind, messages };
          if (s.stage !== undefined) rec.stage = s.stage;
          if (s.rating !== undefined) {
            rec.rating = s.rating;
            if (s.rated === 'as-of') rec.ratedAt = Math.max(REF_AS_OF_MS, start);
            else if (s.rated === 'as-of-1') rec.ratedAt = Math.max(REF_AS_OF_MS - 1, start);
            else if (s.rated === 'chain') rec.ratedAt = Math.max(ch.start + DAY, start);
            else if (s.rated !== 'missing') rec.ratedAt = last + s.rated;
          }
          sessions.push(rec);
        }
      }
      return { sessions, starts };
    })
    .chain(({ sessions, starts }) =>
      fc
        .array(orderDraft(starts), { minLength: 1, maxLength: 8 })
        .map((drafts) => ({ sessions, orders: drafts.map((o, i) => buildOrder(o, `o${i}`)) })),
    )
    .chain(({ sessions, orders }) => {
      const orderIds = orders.map((o) => o.id as string);
      const placed = orders.map((o) => o.placedAt as number);
      return fc
        .record({
          reviews: reviewsArb,
          serviceOrders: fc.array(serviceDraft(orderIds, missing), { maxLength: 5 }),
          disputes: fc.array(disputeDraft(orderIds, placed, missing), { maxLength: 5 }),
        })
        .map(
          (rest): RawStore => ({
            store: { id: 'boundary' },
            chatSessions: sessions,
            orders,
            reviews: rest.reviews,
            serviceOrders: rest.serviceOrders.map((s, i) => ({ id: `v${i}`, ...s })),
            disputes: rest.disputes.map((d, i) => ({ id: `d${i}`, ...d })),
          }),
        );
    });
}

// ---------------------------------------------------------------- orders
interface OrderDraft {
  customerId: string;
  placedAt: number;
  cod: boolean;
  paid: number | undefined;
  cancel: 'none' | 'due-end' | 'due-end-1' | 'as-of' | 'as-of-1' | number;
  outbound: number | undefined;
  collect: 'none' | 'due-end' | 'due-end-1' | number;
  deliver: 'none' | 'arrival-end' | 'arrival-end-1' | number;
  units: number;
  fen: number;
}

const orderDraft = (starts: number[]): fc.Arbitrary<OrderDraft> =>
  fc.record({
    customerId: customer,
    placedAt:
      starts.length === 0
        ? instant
        : fc.oneof(
            instant,
            fc
              .tuple(
                fc.constantFrom(...starts),
                fc.constantFrom(-1, 0, 1, HOUR, DAY - 1, DAY, DAY + 1),
              )
              .map(([s, d]) => s + d),
          ),
    cod: fc.boolean(),
    paid: opt(delay, 4),
    cancel: fc.oneof(
      { weight: 3, arbitrary: fc.constant<'none'>('none') },
      {
        weight: 2,
        arbitrary: fc.constantFrom<'due-end' | 'due-end-1' | 'as-of' | 'as-of-1'>(
          'due-end',
          'due-end-1',
          'as-of',
          'as-of-1',
        ),
      },
      { weight: 1, arbitrary: delay },
    ),
    outbound: opt(delay, 3),
    collect: fc.oneof(
      fc.constantFrom<'none' | 'due-end' | 'due-end-1'>('none', 'due-end', 'due-end-1'),
      delay,
    ),
    deliver: fc.oneof(
      fc.constantFrom<'none' | 'arrival-end' | 'arrival-end-1'>(
        'none',
        'arrival-end',
        'arrival-end-1',
      ),
      delay,
    ),
    units: fc.integer({ min: 1, max: 3 }),
    fen: fc.integer({ min: 0, max: 99_999 }),
  });

const dayStartOf = (ms: number): number =>
  REF_AS_OF_MS + Math.floor((ms - REF_AS_OF_MS) / DAY) * DAY;

function buildOrder(o: OrderDraft, id: string): Raw {
  const paidAt = o.paid === undefined ? undefined : o.placedAt + o.paid;
  // shippable: placed (cash on delivery) or paid; a prepaid order unpaid never ships
  const ship = o.cod ? o.placedAt : paidAt;
  const ref = ship ?? o.placedAt;
  const shipDay = dayStartOf(ref);
  const dueEnd = shipDay + (ref - shipDay >= 16 * HOUR ? 2 : 1) * DAY;
  const arrivalEnd = shipDay + 2 * DAY;
  const pick = (mode: string | number, end: number, base: number): number | undefined =>
    mode === 'none'
      ? undefined
      : typeof mode === 'number'
        ? base + mode
        : mode.endsWith('-1')
          ? end - 1
          : end;
  let outboundAt: number | undefined;
  let collectedAt: number | undefined;
  let deliveredAt: number | undefined;
  if (ship !== undefined) {
    outboundAt = o.outbound === undefined ? undefined : ship + o.outbound;
    const collectFloor = outboundAt ?? ship;
    collectedAt = pick(o.collect, dueEnd, collectFloor);
    if (collectedAt !== undefined) collectedAt = Math.max(collectedAt, collectFloor);
    const deliverFloor = collectedAt ?? collectFloor;
    deliveredAt = pick(o.deliver, arrivalEnd, deliverFloor);
    if (deliveredAt !== undefined) deliveredAt = Math.max(deliveredAt, deliverFloor);
  }
  let cancelledAt: number | undefined;
  if (o.cancel === 'as-of') cancelledAt = REF_AS_OF_MS;
  else if (o.cancel === 'as-of-1') cancelledAt = REF_AS_OF_MS - 1;
  else if (o.cancel === 'due-end') cancelledAt = dueEnd;
  else if (o.cancel === 'due-end-1') cancelledAt = dueEnd - 1;
  else if (typeof o.cancel === 'number') cancelledAt = o.placedAt + o.cancel;
  if (cancelledAt !== undefined && cancelledAt < o.placedAt) cancelledAt = o.placedAt;
  const rec: Raw = {
    id,
    customerId: o.customerId,
    placedAt: o.placedAt,
    cashOnDelivery: o.cod,
    amount: yuan(o.fen),
    units: o.units,
  };
  if (paidAt !== undefined) rec.paidAt = paidAt;
  if (cancelledAt !== undefined) rec.cancelledAt = cancelledAt;
  if (outboundAt !== undefined) rec.outboundAt = outboundAt;
  if (collectedAt !== undefined) rec.collectedAt = collectedAt;
  if (deliveredAt !== undefined) rec.deliveredAt = deliveredAt;
  return rec;
}

// ---------------------------------------------------------------- reviews
/** A review draft; `at` indexes the pool of shared instants, or is minus its own instant. */
const reviewDraft = (who: fc.Arbitrary<string>, own: fc.Arbitrary<number>) =>
  fc.record({
    customerId: who,
    at: fc.oneof(
      fc.nat(7),
      own.map((x) => -x),
    ),
    stars: fc.constantFrom(1, 2, 3, 4, 5),
    reply: fc.oneof(
      fc.constant<'none'>('none'),
      fc.constantFrom<'as-of' | 'as-of-1'>('as-of', 'as-of-1'),
      delay,
    ),
    excluded: fc.boolean(),
  });
type ReviewDraft = {
  customerId: string;
  at: number;
  stars: number;
  reply: 'none' | 'as-of' | 'as-of-1' | number;
  excluded: boolean;
};

/** Instants on one edge day of the review windows or the day after it. */
const reviewCluster = (day: number) =>
  fc
    .tuple(
      fc.constantFrom(day, day + 1),
      fc.oneof(fc.constantFrom(...EDGE_TIMES), fc.integer({ min: 0, max: DAY - 1 })),
    )
    .map(([d, t]) => REF_AS_OF_MS + d * DAY + t);

/**
 * Reviews: mostly customer c0, some at shared instants; one store in three has a customer with
 * 19–25 reviews in a few days (the latest-20 rule, with ties at the 20th).
 */
const reviewsArb: fc.Arbitrary<Raw[]> = fc
  .oneof(
    {
      weight: 2,
      arbitrary: fc.record({
        pool: fc.array(instant, { minLength: 1, maxLength: 8 }),
        drafts: fc.array(
          reviewDraft(
            fc.oneof(
              { weight: 5, arbitrary: fc.constant('c0') },
              { weight: 1, arbitrary: customer },
            ),
            instant,
          ),
          { maxLength: 26 },
        ),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(-2, -3, -31, -32, -90, -91).chain((day) =>
        fc.record({
          pool: fc.array(reviewCluster(day), { minLength: 1, maxLength: 8 }),
          drafts: fc.array(reviewDraft(fc.constant('c0'), reviewCluster(day)), {
            minLength: 19,
            maxLength: 25,
          }),
        }),
      ),
    },
  )
  .map(({ pool, drafts }: { pool: number[]; drafts: ReviewDraft[] }) =>
    drafts.map((r, i) => {
      const createdAt = r.at >= 0 ? (pool[r.at % pool.length] as number) : -r.at;
      const rec: Raw = { id: `r${i}`, customerId: r.customerId, createdAt, stars: r.stars };
      if (r.reply === 'as-of') rec.repliedAt = Math.max(createdAt, REF_AS_OF_MS);
      else if (r.reply === 'as-of-1') rec.repliedAt = Math.max(createdAt, REF_AS_OF_MS - 1);
      else if (r.reply !== 'none') rec.repliedAt = createdAt + r.reply;
      if (r.excluded && i % 4 === 0) rec.excluded = true;
      return rec;
    }),
  );

// ---------------------------------------------------------------- service orders
/** A decision instant: the as-of instant, 1 ms before it, or a delay after `base`; never before `base`. */
const at = (mode: 'as-of' | 'as-of-1' | number, base: number): number =>
  Math.max(
    base,
    mode === 'as-of' ? REF_AS_OF_MS : mode === 'as-of-1' ? REF_AS_OF_MS - 1 : base + mode,
  );

const serviceDraft = (orderIds: string[], missing: boolean) =>
  fc
    .record({
      orderId: fc.constantFrom(...orderIds),
      type: fc.constantFrom('return', 'return', 'exchange', 'repair'),
      reason: fc.constantFrom(
        'quality',
        'fake-or-used',
        'dead-on-arrival',
        'missing-parts',
        'soft-failure',
        'appearance',
        'no-reason',
        'other',
      ),
      appliedAt: instant,
      decision: fc.constantFrom('approved', 'approved', 'rejected', 'none'),
      decide: fc.oneof(delay, fc.constantFrom<'as-of' | 'as-of-1'>('as-of', 'as-of-1')),
      complete: opt(fc.oneof(delay, fc.constantFrom<'as-of' | 'as-of-1'>('as-of', 'as-of-1')), 2),
      rating: opt(rating, 2),
      rated: fc.oneof(
        ...(missing ? [fc.constant<'missing'>('missing'), fc.constant<'missing'>('missing')] : []),
        fc.constantFrom<'as-of' | 'as-of-1'>('as-of', 'as-of-1'),
        delay,
      ),
    })
    .map((s): Raw => {
      const rec: Raw = {
        orderId: s.orderId,
        type: s.type,
        reason: s.reason,
        appliedAt: s.appliedAt,
      };
      let decided = s.appliedAt;
      if (s.decision === 'approved') rec.approvedAt = decided = at(s.decide, s.appliedAt);
      if (s.decision === 'rejected') rec.rejectedAt = decided = at(s.decide, s.appliedAt);
      if (s.complete !== undefined) rec.completedAt = at(s.complete, decided);
      if (s.rating !== undefined) {
        rec.rating = s.rating;
        if (s.rated !== 'missing') rec.ratedAt = at(s.rated, s.appliedAt);
      }
      return rec;
    });

// ---------------------------------------------------------------- disputes
const disputeDraft = (orderIds: string[], placed: number[], missing: boolean) =>
  fc
    .record({
      i: fc.nat(orderIds.length - 1),
      opened: fc.oneof(
        instant.map((x) => -x),
        delay,
      ),
      ruling: opt(fc.constantFrom('merchant', 'merchant', 'shared', 'customer', 'platform'), 3),
      ruled: fc.oneof(
        ...(missing ? [fc.constant<'missing'>('missing')] : []),
        fc.constantFrom<'as-of' | 'as-of-1'>('as-of', 'as-of-1'),
        delay,
      ),
      appeal: opt(fc.oneof(delay, fc.constantFrom<'as-of' | 'as-of-1'>('as-of', 'as-of-1')), 2),
      appealWithoutRuling: missing ? fc.boolean() : fc.constant(false),
    })
    .map((d): Raw => {
      const openedAt = d.opened < 0 ? -d.opened : (placed[d.i] as number) + d.opened;
      const rec: Raw = { orderId: orderIds[d.i], openedAt };
      if (d.ruling !== undefined) {
        rec.ruling = d.ruling;
        const ruledAt = d.ruled === 'missing' ? undefined : at(d.ruled, openedAt);
        if (ruledAt !== undefined) rec.ruledAt = ruledAt;
        if (d.appeal !== undefined) rec.appealUpheldAt = at(d.appeal, ruledAt ?? openedAt);
      } else if (d.appealWithoutRuling && d.appeal !== undefined) {
        rec.appealUpheldAt = at(d.appeal, openedAt);
      }
      return rec;
    });
