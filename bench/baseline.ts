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

/** What the chat metrics need of one customer (arrays allocated on first use). */
interface Customer {
  /** Earliest order, any (cancelled or unpaid included), for the chat stage. */
  firstOrderAt: number;
  /** placedAt of orders that happened and are not cancelled as of the as-of instant (attribution). */
  live: number[] | null;
  /** Starts of the received pre-sales consultation sessions (any day). */
  received: number[] | null;
  /** Indices of its consultation records, then of its offline-message records. */
  consultations: number[] | null;
  offline: number[] | null;
  /** Received in a pre-sales consultation session in the chat window (conversion denominator). */
  receivedInWindow: boolean;
  /** ... and ordered within the attribution window after one (conversion numerator). */
  converted: boolean;
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
  const customers = new Map<string, Customer>();
  const customer = (id: string): Customer => {
    let c = customers.get(id);
    if (c === undefined) {
      c = {
        firstOrderAt: Number.POSITIVE_INFINITY,
        live: null,
        received: null,
        consultations: null,
        offline: null,
        receivedInWindow: false,
        converted: false,
      };
      customers.set(id, c);
    }
    return c;
  };
  const disputeOrders = new Set<string>(); // orders counted by the dispute rate
  const dr = t('disputes.dispute-rate');
  const sdc = t('logistics.same-day-collection-rate');
  const nda = t('logistics.next-day-arrival-rate');
  const adt = t('logistics.average-delivery-time');
  let outboundUnits = 0;
  // Orders of the facilitated amount share: placed in the chat window, not cancelled.
  const chatWindowOrders: StoreData['orders'][number][] = [];
  for (const o of data.orders) {
    const c = customer(o.customerId);
    if (o.placedAt < c.firstOrderAt) c.firstOrderAt = o.placedAt;
    if (known(o.placedAt) && !known(o.cancelledAt)) {
      if (c.live === null) c.live = [o.placedAt];
      else c.live.push(o.placedAt);
      if (inWindow(dayOf(o.placedAt), CHAT_FROM, CHAT_TO)) chatWindowOrders.push(o);
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
  for (const c of customers.values()) if (c.live !== null) c.live.sort((a, b) => a - b);

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
      // A rating without ratedAt is dated at completedAt, else approvedAt, else appliedAt,
      // each only once it has happened: nothing stamped at or after the as-of instant may
      // change a result, so a completion still to come is as good as absent.
      const at =
        s.ratedAt ??
        (known(s.completedAt) ? s.completedAt : known(s.approvedAt) ? s.approvedAt : s.appliedAt);
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
  // Messages at/after the as-of instant are dropped before merging; a record with none left is
  // gone. Parsed messages are sorted by time, stably (equal instants in their listed order).
  const recs = data.chatSessions;
  const nRec = recs.length;
  const pStart = new Float64Array(nRec);
  const pLast = new Float64Array(nRec);
  const pRatedAt = new Float64Array(nRec); // NaN: no rating known as of the as-of instant
  const pCount = new Int32Array(nRec); // messages before the as-of instant
  const pCustomer = new Uint8Array(nRec); // 1 when one of them is the customer's
  for (let r = 0; r < nRec; r++) {
    const s = recs[r] as ChatSession;
    const all = s.messages;
    let n = 0;
    let hasCustomer = 0;
    while (n < all.length && (all[n] as ChatMessage).at < asOfMs) {
      if ((all[n] as ChatMessage).from === 'customer') hasCustomer = 1;
      n++;
    }
    if (n === 0) continue;
    pCount[r] = n;
    pCustomer[r] = hasCustomer;
    pStart[r] = (all[0] as ChatMessage).at;
    pLast[r] = (all[n - 1] as ChatMessage).at;
    pRatedAt[r] = Number.NaN;
    if (s.rating !== undefined) {
      // A rating without ratedAt is dated at the record's last message that has happened:
      // messages at or after the as-of instant are dropped first, and must not change a result.
      const at = s.ratedAt ?? (all[n - 1] as ChatMessage).at;
      if (known(at)) pRatedAt[r] = at;
    }
    const c = customer(s.customerId);
    if (s.kind === 'offline-message') {
      if (c.offline === null) c.offline = [r];
      else c.offline.push(r);
    } else if (c.consultations === null) c.consultations = [r];
    else c.consultations.push(r);
  }

  const art = t('consultation.average-response-time');
  const psat = t('consultation.presales-satisfaction');
  const r30 = t('consultation.response-rate-30s');
  const conv = t('consultation.conversion-rate');
  const fac = t('consultation.facilitated-amount-share');
  const msg = t('consultation.message-rate');
  const asat = t('after-sales.satisfaction');
  const merged: ChatMessage[] = [];

  /** One merged consultation session: records `list[i..j)` of customer `c`. */
  const consultation = (c: Customer, list: number[], i: number, j: number): void => {
    // READING: a record whose customer messages are all at/after the as-of instant still merges
    // with its agent or robot messages (messages are dropped, not records); but a merged
    // session without any customer message is no session yet (a session is a customer's
    // contact, and an input session needs a customer message).
    let hasCustomer = false;
    for (let k = i; k < j; k++) if (pCustomer[list[k] as number] === 1) hasCustomer = true;
    if (!hasCustomer) return;
    const start = pStart[list[i] as number] as number;
    const inChat = inWindow(dayOf(start), CHAT_FROM, CHAT_TO);
    const inHours = timeOfDay(start) >= ASSESS_FROM;
    if (inChat && inHours) msg.den += 1;

    // Stage: the first explicit stage among the pieces, else after-sales when the customer
    // has any order placed before the session start.
    let stage: ChatSession['stage'];
    for (let k = i; k < j && stage === undefined; k++) stage = recs[list[k] as number]?.stage;
    if (stage === undefined) stage = c.firstOrderAt < start ? 'after-sales' : 'pre-sales';

    // Messages of the merged session: pieces in merge order, then a stable sort by time.
    let msgs: readonly ChatMessage[];
    let n: number;
    if (j - i === 1) {
      const r = list[i] as number;
      msgs = (recs[r] as ChatSession).messages;
      n = pCount[r] as number;
    } else {
      merged.length = 0;
      for (let k = i; k < j; k++) {
        const r = list[k] as number;
        const m = (recs[r] as ChatSession).messages;
        const cnt = pCount[r] as number;
        for (let q = 0; q < cnt; q++) merged.push(m[q] as ChatMessage);
      }
      merged.sort((a, b) => a.at - b.at); // stable
      msgs = merged;
      n = merged.length;
    }

    // First reply: the first agent or robot message after the first customer message (in the
    // stable order). READING: an agent message listed before the customer message at the same
    // instant came first, so it does not answer it.
    let firstCustomer = -1;
    let firstReply = -1;
    for (let q = 0; q < n; q++) {
      const x = msgs[q] as ChatMessage;
      if (firstCustomer < 0) {
        if (x.from === 'customer') firstCustomer = x.at;
      } else if (x.from !== 'customer') {
        firstReply = x.at;
        break;
      }
    }
    const isReceived = firstReply >= 0;

    if (inChat && inHours) {
      // Average response time: manual replies only; robot messages ignored entirely.
      let waiting = -1;
      for (let q = 0; q < n; q++) {
        const x = msgs[q] as ChatMessage;
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
        if (isReceived && firstReply - firstCustomer <= RESPONSE_LIMIT) r30.num += 1;
      }
    }

    // Rating: the piece with the latest ratedAt; equal ratedAt → the later piece.
    let rating: Rating | undefined;
    let ratedAt = Number.NEGATIVE_INFINITY;
    for (let k = i; k < j; k++) {
      const r = list[k] as number;
      const at = pRatedAt[r] as number;
      if (at >= ratedAt) {
        ratedAt = at;
        rating = (recs[r] as ChatSession).rating;
      }
    }

    if (stage === 'pre-sales') {
      if (inChat && rating !== undefined) {
        psat.den += 1;
        if (isSatisfied(rating)) psat.num += 1;
      }
      if (isReceived) {
        // Starts of every received pre-sales consultation (any day: the facilitated amount is
        // anchored on the order, see below).
        if (c.received === null) c.received = [start];
        else c.received.push(start);
        if (inChat) {
          c.receivedInWindow = true;
          const live = c.live;
          if (live !== null) {
            const q = lowerBound(live, start);
            if (q < live.length && (live[q] as number) <= start + ATTRIBUTION) c.converted = true;
          }
        }
      }
    } else if (inChat && rating !== undefined) {
      asat.den += 1;
      if (isSatisfied(rating)) asat.num += 1;
    }
  };

  /** One merged offline-message session: a 留言 counts only toward the message rate. */
  const offline = (list: number[], i: number, j: number): void => {
    let hasCustomer = false;
    for (let k = i; k < j; k++) if (pCustomer[list[k] as number] === 1) hasCustomer = true;
    if (!hasCustomer) return;
    const start = pStart[list[i] as number] as number;
    if (inWindow(dayOf(start), CHAT_FROM, CHAT_TO) && timeOfDay(start) >= ASSESS_FROM) {
      msg.num += 1;
      msg.den += 1;
    }
  };

  /**
   * Merges the records of one customer and kind: by start, then by id in code-point order
   * (never by input position); a gap under 10 minutes merges, merges chain.
   * READING: "the previous session's last message" of a chain is the latest message of
   * everything merged so far (a piece can end before the one it merged into).
   */
  const sessions = (c: Customer, list: number[], isOffline: boolean): void => {
    if (list.length > 1) {
      list.sort(
        (a, b) =>
          (pStart[a] as number) - (pStart[b] as number) ||
          byCodePoint((recs[a] as ChatSession).id, (recs[b] as ChatSession).id),
      );
    }
    let i = 0;
    while (i < list.length) {
      let last = pLast[list[i] as number] as number;
      let j = i + 1;
      while (j < list.length && (pStart[list[j] as number] as number) - last < MERGE_GAP) {
        last = Math.max(last, pLast[list[j] as number] as number);
        j++;
      }
      if (isOffline) offline(list, i, j);
      else consultation(c, list, i, j);
      i = j;
    }
  };
  for (const c of customers.values()) {
    if (c.consultations !== null) sessions(c, c.consultations, false);
    if (c.offline !== null) sessions(c, c.offline, true);
  }
  for (const c of customers.values()) {
    if (c.receivedInWindow) conv.den += 1;
    if (c.converted) conv.num += 1;
    if (c.received !== null && c.received.length > 1) c.received.sort((a, b) => a - b);
  }

  // Facilitated amount share: orders placed in the chat window, not cancelled as of the as-of
  // instant; facilitated when placed within 24 h after the start of a received pre-sales
  // consultation session of the same customer.
  // READING: the session itself may start before the window (the anchor is the order).
  for (const o of chatWindowOrders) {
    fac.den += o.amountFen;
    const starts = (customers.get(o.customerId) as Customer).received;
    if (starts === null) continue;
    const i = lowerBound(starts, o.placedAt - ATTRIBUTION);
    if (i < starts.length && (starts[i] as number) <= o.placedAt) fac.num += o.amountFen;
  }

  return out;
}
