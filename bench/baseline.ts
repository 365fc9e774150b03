/**
 * The hand-written baseline: the nineteen metrics of the default rule set for ONE as-of day,
 * computed by the plainest loops over the parsed arrays. No zod, no Decimal, no engine, no
 * rule-set object: the default rules are constants here, every sum a plain number.
 *
 * It exists to measure the library against (`npm run bench`) and to cross-check it
 * (`test/bench/baseline.test.ts`, on the sample store and on random stores crowded at the
 * boundaries). It is written from the project's domain reference (metric catalogue, time
 * rules, chat rules and their fine print) alone, never from the library's code, so that a
 * choice the library makes wrongly is not copied here.
 *
 * Results are tallies in the library's tally units (counts, ms, fen, points): the library's
 * `numerator` × the definition's `numeratorScale` (and likewise for the denominator).
 *
 * Where the reference leaves room, the reading taken here is marked `READING:`.
 *
 * @module
 */
import type { ChatMessage, ChatSession, Rating, StoreData } from '../src/model.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const OFFSET = 8 * HOUR; // Asia/Shanghai, no DST since 1991

// The default rule set.
const CHAT_FROM = 35; // chat (咚咚) metrics: [D−35, D−6]
const CHAT_TO = 6;
const ASSESS_FROM = 8 * HOUR; // sessions starting 08:00–24:00 (by the session's start)
const MERGE_GAP = 10 * 60_000; // a gap under 10 min merges; exactly 10 min does not
const RESPONSE_LIMIT = 30_000; // first reply ≤ 30 s after the first customer message
const ATTRIBUTION = 24 * HOUR; // order placed in [start, start + 24 h], both ends inclusive
const REVIEWS_FROM = 90; // negative rate [D−90, D−1]
const REVIEWS_SHORT_FROM = 30; // satisfaction score [D−30, D−1]; handling rate by deadline day
const LATEST = 20; // each customer's latest 20 reviews in the window
const HANDLING = 24 * HOUR; // reply at most 24 h after creation
const AFTER_SALES_FROM = 30; // [D−30, D−1]
const RETURN_SAT_FROM = 180; // [D−180, D−1]
const LOGISTICS_FROM = 30; // [D−30, D−1]
const CUTOFF = 16 * HOUR; // shippable at/after 16:00 → due the next day
const ARRIVAL_DAYS = 1; // delivered by the end of the day after the shippable day
const DISPUTES_FROM = 35; // orders placed in [D−35, D−5]
const DISPUTES_TO = 5;

/** A numerator and a denominator in tally units. */
export interface BaselineTally {
  num: number;
  den: number;
}

/** The nineteen tallies, by metric id. */
export type BaselineResult = Record<string, BaselineTally>;

/** The ids the baseline computes, in catalogue order. */
export const BASELINE_METRIC_IDS = [
  'consultation.average-response-time',
  'consultation.presales-satisfaction',
  'consultation.response-rate-30s',
  'consultation.conversion-rate',
  'consultation.facilitated-amount-share',
  'consultation.message-rate',
  'reviews.negative-rate',
  'reviews.negative-handling-rate-24h',
  'reviews.satisfaction-score',
  'after-sales.repair-rate',
  'after-sales.quality-repair-rate',
  'after-sales.return-rate',
  'after-sales.duration',
  'after-sales.satisfaction',
  'after-sales.return-satisfaction',
  'logistics.same-day-collection-rate',
  'logistics.next-day-arrival-rate',
  'logistics.average-delivery-time',
  'disputes.dispute-rate',
] as const;

const dayOf = (ms: number): number => Math.floor((ms + OFFSET) / DAY);
const dayStart = (day: number): number => day * DAY - OFFSET;
const timeOfDay = (ms: number): number => (((ms + OFFSET) % DAY) + DAY) % DAY;
const isSatisfied = (r: Rating): boolean => r === 'very-satisfied' || r === 'satisfied';
const QUALITY: ReadonlySet<string> = new Set([
  'quality',
  'fake-or-used',
  'dead-on-arrival',
  'missing-parts',
  'soft-failure',
  'appearance',
]);
/** Code-point order (not locale order). */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** One session record with its messages before the as-of instant, in stable time order. */
interface Piece {
  readonly rec: ChatSession;
  readonly msgs: readonly ChatMessage[];
  readonly start: number;
  readonly last: number;
  /** Whether a customer message is among `msgs`. */
  readonly hasCustomer: boolean;
  /** The rating's instant (inferred when `ratedAt` is missing); only when the rating has happened. */
  readonly ratedAt: number | undefined;
}

/** A session after merging pieces of one customer and one kind. */
interface Merged {
  readonly customerId: string;
  readonly kind: ChatSession['kind'];
  readonly pieces: Piece[];
  readonly start: number;
  last: number;
}

/** The first value of `sorted` (ascending) that is ≥ `x`, as an index. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The nineteen metrics for as-of day `asOf` (`YYYY-MM-DD`, Shanghai).
 *
 * @example
 * ```ts
 * baselineMetrics(data, '2026-11-23')['reviews.negative-rate'];
 * //=> { num: 12, den: 480 }
 * ```
 */
export function baselineMetrics(data: StoreData, asOf: string): BaselineResult {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const D = Date.UTC(y, m - 1, d) / DAY;
  const asOfMs = dayStart(D);
  const out: BaselineResult = {};
  for (const id of BASELINE_METRIC_IDS) out[id] = { num: 0, den: 0 };
  const t = (id: (typeof BASELINE_METRIC_IDS)[number]): BaselineTally => out[id] as BaselineTally;
  /** Happened: stamped, and before the as-of instant. A missing timestamp never happened. */
  const known = (ms: number | undefined): ms is number => ms !== undefined && ms < asOfMs;
  const inWindow = (day: number, from: number, to: number): boolean =>
    day >= D - from && day <= D - to;

  // ================================ Orders ================================
  // Earliest order per customer (any order, cancelled or unpaid included) for the chat stage.
  const firstOrderAt = new Map<string, number>();
  // Orders that count for attribution: happened and not cancelled as of the as-of instant.
  const liveOrders = new Map<string, number[]>(); // customer → placedAt (sorted below)
  const disputeOrders = new Set<string>(); // orders counted by the dispute rate
  const dr = t('disputes.dispute-rate');
  const sdc = t('logistics.same-day-collection-rate');
  const nda = t('logistics.next-day-arrival-rate');
  const adt = t('logistics.average-delivery-time');
  let outboundUnits = 0;
  for (const o of data.orders) {
    const first = firstOrderAt.get(o.customerId);
    if (first === undefined || o.placedAt < first) firstOrderAt.set(o.customerId, o.placedAt);
    if (known(o.placedAt) && !known(o.cancelledAt)) {
      const list = liveOrders.get(o.customerId);
      if (list === undefined) liveOrders.set(o.customerId, [o.placedAt]);
      else list.push(o.placedAt);
    }

    // After-sales denominator: units by outbound day, cancelled orders included.
    if (known(o.outboundAt) && inWindow(dayOf(o.outboundAt), AFTER_SALES_FROM, 1)) {
      outboundUnits += o.units;
    }

    // Disputes denominator: placed in [D−35, D−5], paid before the as-of instant or COD.
    // READING: cancelled orders are not removed (the rule names none).
    if (
      inWindow(dayOf(o.placedAt), DISPUTES_FROM, DISPUTES_TO) &&
      (o.cashOnDelivery || known(o.paidAt))
    ) {
      dr.den += 1;
      disputeOrders.add(o.id);
    }

    // Logistics: shippable = placed (COD) or paid; never shippable or not yet: nowhere.
    const ship = o.cashOnDelivery ? o.placedAt : o.paidAt;
    if (!known(ship)) continue;
    const shipDay = dayOf(ship);
    const dueDay = timeOfDay(ship) >= CUTOFF ? shipDay + 1 : shipDay;
    const dueEnd = dayStart(dueDay + 1);
    // Cancelled before the end of its collection due day (and known to be): nowhere.
    if (known(o.cancelledAt) && o.cancelledAt < dueEnd) continue;
    if (inWindow(dueDay, LOGISTICS_FROM, 1)) {
      sdc.den += 1;
      if (known(o.collectedAt) && o.collectedAt < dueEnd) sdc.num += 1;
    }
    const arrivalDay = shipDay + ARRIVAL_DAYS;
    if (inWindow(arrivalDay, LOGISTICS_FROM, 1)) {
      nda.den += 1;
      if (known(o.deliveredAt) && o.deliveredAt < dayStart(arrivalDay + 1)) nda.num += 1;
    }
    if (known(o.deliveredAt) && inWindow(dayOf(o.deliveredAt), LOGISTICS_FROM, 1)) {
      adt.den += 1;
      adt.num += o.deliveredAt - ship;
    }
  }
  for (const list of liveOrders.values()) list.sort((a, b) => a - b);

  // ================================ Disputes ================================
  // Every dispute on a counted order: opened, ruled merchant or shared with its ruling known
  // (a ruling without ruledAt is dated at openedAt), and no appeal upheld (known). An appeal
  // without a counted ruling removes nothing: it simply has nothing to remove.
  for (const x of data.disputes) {
    if (!disputeOrders.has(x.orderId)) continue;
    if (!known(x.openedAt)) continue;
    if (x.ruling !== 'merchant' && x.ruling !== 'shared') continue;
    const ruledAt = x.ruledAtInferred === true ? undefined : x.ruledAt;
    if (!known(ruledAt ?? x.openedAt)) continue;
    if (known(x.appealUpheldAt)) continue;
    dr.num += 1;
  }

  // ================================ After-sales ================================
  const rep = t('after-sales.repair-rate');
  const qrep = t('after-sales.quality-repair-rate');
  const ret = t('after-sales.return-rate');
  const dur = t('after-sales.duration');
  const rsat = t('after-sales.return-satisfaction');
  rep.den = outboundUnits;
  qrep.den = outboundUnits;
  ret.den = outboundUnits;
  for (const s of data.serviceOrders) {
    const approved = known(s.approvedAt);
    if (approved && inWindow(dayOf(s.approvedAt as number), AFTER_SALES_FROM, 1)) {
      rep.num += 1;
      if (QUALITY.has(s.reason)) qrep.num += 1;
      if (s.type === 'return') ret.num += 1;
    }
    if (approved && known(s.completedAt) && inWindow(dayOf(s.completedAt), AFTER_SALES_FROM, 1)) {
      dur.den += 1;
      dur.num += s.completedAt - s.appliedAt;
    }
    if (s.type === 'return' && s.rating !== undefined) {
      // A rating without ratedAt is dated at completedAt, else approvedAt, else appliedAt
      // (the parser may have filled it in: `ratedAtInferred`; it is re-derived here).
      // READING: by presence, whether or not that instant has happened: a rating whose
      // completion is still to come is dated then, so it is not yet known (a later export of
      // the same history replays the same result).
      const given = s.ratedAtInferred === true ? undefined : s.ratedAt;
      const at = given ?? s.completedAt ?? s.approvedAt ?? s.appliedAt;
      if (known(at) && inWindow(dayOf(at), RETURN_SAT_FROM, 1)) {
        rsat.den += 1;
        if (isSatisfied(s.rating)) rsat.num += 1;
      }
    }
  }

  // ================================ Reviews ================================
  // Excluded and not-yet-happened reviews first; then each metric's window and anchor; then
  // each customer's latest 20 in that window; then the star classes.
  const neg = t('reviews.negative-rate');
  const hand = t('reviews.negative-handling-rate-24h');
  const rsc = t('reviews.satisfaction-score');
  type R = StoreData['reviews'][number];
  const negWin = new Map<string, R[]>();
  const handWin = new Map<string, R[]>();
  const scoreWin = new Map<string, R[]>();
  const push = (map: Map<string, R[]>, r: R): void => {
    const list = map.get(r.customerId);
    if (list === undefined) map.set(r.customerId, [r]);
    else list.push(r);
  };
  for (const r of data.reviews) {
    if (r.excluded || !known(r.createdAt)) continue;
    const day = dayOf(r.createdAt);
    if (inWindow(day, REVIEWS_FROM, 1)) push(negWin, r);
    if (inWindow(day, REVIEWS_SHORT_FROM, 1)) push(scoreWin, r);
    if (inWindow(dayOf(r.createdAt + HANDLING), REVIEWS_SHORT_FROM, 1)) push(handWin, r);
  }
  // READING: "latest" is by createdAt; equal createdAt are ordered by id (code-point order,
  // the greater id the later), as merged chat pieces are, so that the choice never depends on
  // the order of the input records.
  const latest = (list: R[]): R[] =>
    list.length <= LATEST
      ? list
      : [...list]
          .sort((a, b) => b.createdAt - a.createdAt || byCodePoint(b.id, a.id))
          .slice(0, LATEST);
  for (const list of negWin.values()) {
    for (const r of latest(list)) {
      neg.den += 1;
      if (r.stars === 1) neg.num += 1;
    }
  }
  for (const list of handWin.values()) {
    for (const r of latest(list)) {
      if (r.stars > 3) continue;
      hand.den += 1;
      if (known(r.repliedAt) && r.repliedAt - r.createdAt <= HANDLING) hand.num += 1;
    }
  }
  for (const list of scoreWin.values()) {
    for (const r of latest(list)) {
      rsc.den += 1;
      rsc.num += 2 * r.stars;
    }
  }

  // ================================ Chat ================================
  // Messages at/after the as-of instant are dropped before merging; a record with no customer
  // message left is gone. Messages keep their listed order at equal instants (stable sort by time).
  const groups = new Map<string, Piece[]>(); // customer + kind → pieces
  for (const s of data.chatSessions) {
    let msgs: ChatMessage[] = [];
    let sorted = true;
    for (const x of s.messages) {
      if (x.at >= asOfMs) continue;
      if (msgs.length > 0 && x.at < (msgs[msgs.length - 1] as ChatMessage).at) sorted = false;
      msgs.push(x);
    }
    if (msgs.length === 0) continue;
    if (!sorted) msgs = msgs.sort((a, b) => a.at - b.at); // Array.prototype.sort is stable
    const start = (msgs[0] as ChatMessage).at;
    const last = (msgs[msgs.length - 1] as ChatMessage).at;
    let ratedAt: number | undefined;
    if (s.rating !== undefined) {
      // A rating without ratedAt is dated at the session's last message (the parser may have
      // filled it in: `ratedAtInferred`; it is re-derived here).
      // READING: the record's own last message, whether or not it has happened: a rating
      // given at the end of a session still going on at the as-of instant is not yet known.
      const given = s.ratedAtInferred === true ? undefined : s.ratedAt;
      let lastAll = last;
      for (const x of s.messages) if (x.at > lastAll) lastAll = x.at;
      const at = given ?? lastAll;
      if (known(at)) ratedAt = at;
    }
    const key = `${s.customerId}\u0000${s.kind}`;
    const hasCustomer = msgs.some((x) => x.from === 'customer');
    const piece: Piece = { rec: s, msgs, start, last, hasCustomer, ratedAt };
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [piece]);
    else list.push(piece);
  }

  const sessions: Merged[] = [];
  for (const pieces of groups.values()) {
    // By start, then by id in code-point order; never by input position.
    pieces.sort((a, b) => a.start - b.start || byCodePoint(a.rec.id, b.rec.id));
    let cur: Merged | undefined;
    for (const p of pieces) {
      // READING: "the previous session's last message" of a chain is the latest message of
      // everything merged so far (a piece can end before the one it merged into).
      if (cur !== undefined && p.start - cur.last < MERGE_GAP) {
        cur.pieces.push(p);
        if (p.last > cur.last) cur.last = p.last;
      } else {
        cur = {
          customerId: p.rec.customerId,
          kind: p.rec.kind,
          pieces: [p],
          start: p.start,
          last: p.last,
        };
        sessions.push(cur);
      }
    }
  }

  const art = t('consultation.average-response-time');
  const psat = t('consultation.presales-satisfaction');
  const r30 = t('consultation.response-rate-30s');
  const conv = t('consultation.conversion-rate');
  const fac = t('consultation.facilitated-amount-share');
  const msg = t('consultation.message-rate');
  const asat = t('after-sales.satisfaction');
  const convCustomers = new Set<string>();
  const convHit = new Set<string>();
  // Starts of every received pre-sales consultation session, by customer (any day: the
  // facilitated amount is anchored on the order, see below).
  const receivedStarts = new Map<string, number[]>();

  for (const s of sessions) {
    // READING: a record whose customer messages are all at/after the as-of instant still merges
    // with its agent or robot messages (messages are dropped, not records); but a merged
    // session without any customer message is no session yet (a session is a customer's
    // contact, and an input session needs a customer message).
    if (!s.pieces.some((p) => p.hasCustomer)) continue;
    const inChat = inWindow(dayOf(s.start), CHAT_FROM, CHAT_TO);
    const inHours = timeOfDay(s.start) >= ASSESS_FROM;
    if (s.kind === 'offline-message') {
      // A 留言 counts only toward the message rate.
      if (inChat && inHours) {
        msg.num += 1;
        msg.den += 1;
      }
      continue;
    }
    if (inChat && inHours) msg.den += 1;

    // Stage: the first explicit stage among the pieces, else after-sales when the customer
    // has any order placed before the session start.
    let stage: ChatSession['stage'];
    for (const p of s.pieces) {
      if (p.rec.stage !== undefined) {
        stage = p.rec.stage;
        break;
      }
    }
    if (stage === undefined) {
      const first = firstOrderAt.get(s.customerId);
      stage = first !== undefined && first < s.start ? 'after-sales' : 'pre-sales';
    }

    // Messages of the merged session: pieces in merge order, then a stable sort by time.
    let msgs: ChatMessage[];
    if (s.pieces.length === 1) msgs = (s.pieces[0] as Piece).msgs as ChatMessage[];
    else {
      msgs = [];
      for (const p of s.pieces) for (const x of p.msgs) msgs.push(x);
      msgs.sort((a, b) => a.at - b.at);
    }

    // First reply: the first agent or robot message after the first customer message (in the
    // stable order). READING: an agent message listed before the customer message at the same
    // instant came first, so it does not answer it.
    let firstCustomer = -1;
    let firstReply = -1;
    for (const x of msgs) {
      if (firstCustomer < 0) {
        if (x.from === 'customer') firstCustomer = x.at;
      } else if (x.from !== 'customer') {
        firstReply = x.at;
        break;
      }
    }
    const received = firstReply >= 0;

    if (inChat && inHours) {
      // Average response time: manual replies only; robot messages ignored entirely.
      let waiting = -1;
      for (const x of msgs) {
        if (x.from === 'customer') {
          if (waiting < 0) waiting = x.at;
        } else if (x.from === 'agent' && waiting >= 0) {
          art.num += x.at - waiting;
          art.den += 1;
          waiting = -1;
        }
      }
      if (stage === 'pre-sales') {
        r30.den += 1;
        if (received && firstReply - firstCustomer <= RESPONSE_LIMIT) r30.num += 1;
      }
    }

    // Rating: the piece with the latest ratedAt; equal ratedAt → the later piece.
    let rating: Rating | undefined;
    let ratedAt = Number.NEGATIVE_INFINITY;
    for (const p of s.pieces) {
      if (p.ratedAt !== undefined && p.ratedAt >= ratedAt) {
        ratedAt = p.ratedAt;
        rating = p.rec.rating;
      }
    }

    if (stage === 'pre-sales') {
      if (inChat && rating !== undefined) {
        psat.den += 1;
        if (isSatisfied(rating)) psat.num += 1;
      }
      if (received) {
        const list = receivedStarts.get(s.customerId);
        if (list === undefined) receivedStarts.set(s.customerId, [s.start]);
        else list.push(s.start);
        if (inChat) {
          convCustomers.add(s.customerId);
          const orders = liveOrders.get(s.customerId);
          if (orders !== undefined) {
            const i = lowerBound(orders, s.start);
            if (i < orders.length && (orders[i] as number) <= s.start + ATTRIBUTION) {
              convHit.add(s.customerId);
            }
          }
        }
      }
    } else if (inChat && rating !== undefined) {
      asat.den += 1;
      if (isSatisfied(rating)) asat.num += 1;
    }
  }
  conv.den = convCustomers.size;
  conv.num = convHit.size;

  // Facilitated amount share: orders placed in the chat window, not cancelled as of the as-of
  // instant; facilitated when placed within 24 h after the start of a received pre-sales
  // consultation session of the same customer.
  // READING: the session itself may start before the window (the anchor is the order).
  for (const list of receivedStarts.values()) list.sort((a, b) => a - b);
  for (const o of data.orders) {
    if (!known(o.placedAt) || known(o.cancelledAt)) continue;
    if (!inWindow(dayOf(o.placedAt), CHAT_FROM, CHAT_TO)) continue;
    fac.den += o.amountFen;
    const starts = receivedStarts.get(o.customerId);
    if (starts === undefined) continue;
    const i = lowerBound(starts, o.placedAt - ATTRIBUTION);
    if (i < starts.length && (starts[i] as number) <= o.placedAt) fac.num += o.amountFen;
  }

  return out;
}
