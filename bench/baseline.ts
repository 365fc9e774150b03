/**
 * The hand-written baseline: the nineteen metrics of the default rule set for ONE as-of day,
 * computed by the plainest correct loops over the parsed arrays. No zod, no Decimal, no engine,
 * no rule-set object: the default rules are constants here, every sum a plain number.
 *
 * It exists to measure the library against (`npm run bench`) and to cross-check it
 * (`test/bench/baseline.test.ts`): it is written from DOMAIN.md §2–4 directly, not from the
 * library's code.
 *
 * Results are tallies in the library's tally units (counts, ms, fen, points): the library's
 * `numerator` × the definition's `numeratorScale` (and likewise for the denominator).
 *
 * @module
 */
import type { ChatMessage, ChatSession, Order, Rating, Review, StoreData } from '../src/model.js';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const OFFSET = 8 * HOUR; // Asia/Shanghai, no DST since 1991

// The default rule set (DOMAIN.md §2–4).
const CHAT_FROM = 35; // [D−35, D−6]
const CHAT_TO = 6;
const ASSESS_FROM_H = 8; // sessions starting 08:00–24:00
const ASSESS_TO_H = 24;
const MERGE_GAP = 10 * 60_000; // < 10 min merges
const RESPONSE_LIMIT = 30_000; // ≤ 30 s
const ATTRIBUTION = 24 * HOUR; // order within [start, start + 24 h]
const REVIEWS_FROM = 90; // negative rate [D−90, D−1]
const REVIEWS_SHORT_FROM = 30; // satisfaction score, handling rate [D−30, D−1]
const LATEST = 20;
const HANDLING = 24 * HOUR;
const AFTER_SALES_FROM = 30; // [D−30, D−1]
const RETURN_SAT_FROM = 180; // [D−180, D−1]
const LOGISTICS_FROM = 30; // [D−30, D−1]
const CUTOFF_H = 16;
const ARRIVAL_DAYS = 1;
const DISPUTES_FROM = 35; // [D−35, D−5]
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
const isSatisfied = (r: Rating): boolean => r === 'very-satisfied' || r === 'satisfied';
const QUALITY = new Set([
  'quality',
  'fake-or-used',
  'dead-on-arrival',
  'missing-parts',
  'soft-failure',
  'appearance',
]);
/**
 * Whether an order with collection due day `due` counts in a logistics metric anchored on
 * `anchor`: the anchor in the window, and not cancelled before the end of the due day (an
 * anchor before the due day is in a window before the cancellation may have happened).
 */
function inLogistics(
  anchor: number,
  D: number,
  due: number,
  cancelledEarly: boolean,
  cancelledKnown: boolean,
): boolean {
  if (anchor < D - LOGISTICS_FROM || anchor > D - 1) return false;
  return !cancelledEarly || (anchor < due && !cancelledKnown);
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
  const known = (ms: number | undefined): boolean => ms !== undefined && ms < asOfMs;

  // ---- Disputes counted per order: merchant or shared ruling, opened and ruled, no appeal upheld.
  const disputesByOrder = new Map<string, number>();
  for (const x of data.disputes) {
    if (x.ruling !== 'merchant' && x.ruling !== 'shared') continue;
    if (!known(x.openedAt) || !known(x.ruledAt) || known(x.appealUpheldAt)) continue;
    disputesByOrder.set(x.orderId, (disputesByOrder.get(x.orderId) ?? 0) + 1);
  }

  // ---- Orders: logistics, outbound units, disputes, facilitated amount (denominator); by customer.
  const ordersByCustomer = new Map<string, Order[]>();
  const outbound = { num: 0, den: 0 };
  const collection = t('logistics.same-day-collection-rate');
  const arrival = t('logistics.next-day-arrival-rate');
  const delivery = t('logistics.average-delivery-time');
  const disputeRate = t('disputes.dispute-rate');
  const facilitated = t('consultation.facilitated-amount-share');
  for (const o of data.orders) {
    const list = ordersByCustomer.get(o.customerId);
    if (list === undefined) ordersByCustomer.set(o.customerId, [o]);
    else list.push(o);

    const placedDay = dayOf(o.placedAt);
    // Facilitated amount share, denominator: placed in the chat window, not cancelled as of D.
    if (placedDay >= D - CHAT_FROM && placedDay <= D - CHAT_TO && !known(o.cancelledAt)) {
      facilitated.den += o.amountFen;
    }
    if (o.outboundAt !== undefined) {
      const day = dayOf(o.outboundAt);
      if (day >= D - AFTER_SALES_FROM && day <= D - 1) outbound.den += o.units;
    }
    if (
      placedDay >= D - DISPUTES_FROM &&
      placedDay <= D - DISPUTES_TO &&
      (o.cashOnDelivery || known(o.paidAt))
    ) {
      disputeRate.den += 1;
      disputeRate.num += disputesByOrder.get(o.id) ?? 0;
    }
    const ship = o.cashOnDelivery ? o.placedAt : o.paidAt;
    if (ship === undefined) continue;
    const shipDay = dayOf(ship);
    const due = ship - dayStart(shipDay) >= CUTOFF_H * HOUR ? shipDay + 1 : shipDay;
    const cancelledEarly = o.cancelledAt !== undefined && o.cancelledAt < dayStart(due + 1);
    // Cancelled before the end of the due day: out of every logistics metric once known (an
    // anchor on or after the due day is only in a window when the due day has ended).
    const cancelledKnown = known(o.cancelledAt);
    if (inLogistics(due, D, due, cancelledEarly, cancelledKnown)) {
      collection.den += 1;
      if (o.collectedAt !== undefined && o.collectedAt < dayStart(due + 1)) collection.num += 1;
    }
    const deadline = shipDay + ARRIVAL_DAYS;
    if (inLogistics(deadline, D, due, cancelledEarly, cancelledKnown)) {
      arrival.den += 1;
      if (o.deliveredAt !== undefined && o.deliveredAt < dayStart(deadline + 1)) arrival.num += 1;
    }
    if (
      o.deliveredAt !== undefined &&
      o.deliveredAt >= ship &&
      inLogistics(dayOf(o.deliveredAt), D, due, cancelledEarly, cancelledKnown)
    ) {
      delivery.den += 1;
      delivery.num += o.deliveredAt - ship;
    }
  }
  for (const id of [
    'after-sales.repair-rate',
    'after-sales.quality-repair-rate',
    'after-sales.return-rate',
  ] as const) {
    t(id).den = outbound.den;
  }

  // ---- Service orders.
  const repair = t('after-sales.repair-rate');
  const quality = t('after-sales.quality-repair-rate');
  const returns = t('after-sales.return-rate');
  const duration = t('after-sales.duration');
  const returnSat = t('after-sales.return-satisfaction');
  for (const s of data.serviceOrders) {
    const rejected = known(s.rejectedAt);
    if (s.approvedAt !== undefined && !rejected) {
      const day = dayOf(s.approvedAt);
      if (day >= D - AFTER_SALES_FROM && day <= D - 1) {
        repair.num += 1;
        if (QUALITY.has(s.reason)) quality.num += 1;
        if (s.type === 'return') returns.num += 1;
      }
      if (s.completedAt !== undefined && known(s.approvedAt)) {
        const done = dayOf(s.completedAt);
        if (done >= D - AFTER_SALES_FROM && done <= D - 1) {
          duration.num += s.completedAt - s.appliedAt;
          duration.den += 1;
        }
      }
    }
    if (s.type === 'return' && s.rating !== undefined && s.ratedAt !== undefined) {
      const day = dayOf(s.ratedAt);
      if (day >= D - RETURN_SAT_FROM && day <= D - 1) {
        returnSat.den += 1;
        if (isSatisfied(s.rating)) returnSat.num += 1;
      }
    }
  }

  // ---- Reviews: not excluded, created in the longest window (or with a deadline in the short
  // one); each customer's latest 20 in each metric's window.
  const reviewsByCustomer = new Map<string, Review[]>();
  for (const r of data.reviews) {
    if (r.excluded) continue;
    const day = dayOf(r.createdAt);
    if (day < D - REVIEWS_FROM - 1 || day > D - 1) continue;
    const list = reviewsByCustomer.get(r.customerId);
    if (list === undefined) reviewsByCustomer.set(r.customerId, [r]);
    else list.push(r);
  }
  const negative = t('reviews.negative-rate');
  const handling = t('reviews.negative-handling-rate-24h');
  const score = t('reviews.satisfaction-score');
  for (const list of reviewsByCustomer.values()) {
    list.sort((a, b) => b.createdAt - a.createdAt || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0));
    let nNeg = 0;
    let nScore = 0;
    let nHandling = 0;
    for (const r of list) {
      const created = dayOf(r.createdAt);
      if (nNeg < LATEST && created >= D - REVIEWS_FROM && created <= D - 1) {
        nNeg++;
        negative.den += 1;
        if (r.stars === 1) negative.num += 1;
      }
      if (nScore < LATEST && created >= D - REVIEWS_SHORT_FROM && created <= D - 1) {
        nScore++;
        score.den += 1;
        score.num += 2 * r.stars;
      }
      const deadline = r.createdAt + HANDLING;
      const deadlineDay = dayOf(deadline);
      if (nHandling < LATEST && deadlineDay >= D - REVIEWS_SHORT_FROM && deadlineDay <= D - 1) {
        nHandling++;
        if (r.stars <= 3) {
          handling.den += 1;
          if (r.repliedAt !== undefined && r.repliedAt <= deadline) handling.num += 1;
        }
      }
    }
  }

  // ---- Chat: per customer, sessions merged per kind as of D, then every chat metric.
  const chatsByCustomer = new Map<string, ChatSession[]>();
  for (const s of data.chatSessions) {
    const list = chatsByCustomer.get(s.customerId);
    if (list === undefined) chatsByCustomer.set(s.customerId, [s]);
    else list.push(s);
  }
  const chat: ChatTallies = {
    D,
    asOfMs,
    response: t('consultation.average-response-time'),
    presales: t('consultation.presales-satisfaction'),
    rate30: t('consultation.response-rate-30s'),
    message: t('consultation.message-rate'),
    afterSales: t('after-sales.satisfaction'),
    receivedStarts: [],
    receivedInWindow: false,
    convertedInWindow: false,
  };
  const conversion = t('consultation.conversion-rate');
  const noOrders: Order[] = [];
  const group: ChatSession[] = [];
  const counts: number[] = [];
  for (const [customerId, pieces] of chatsByCustomer) {
    if (pieces.length > 1) pieces.sort(byStartThenId);
    const orders = ordersByCustomer.get(customerId) ?? noOrders;
    chat.receivedStarts = [];
    chat.receivedInWindow = false;
    chat.convertedInWindow = false;
    for (let k = 0; k < 2; k++) {
      const kind = k === 0 ? 'consultation' : 'offline-message';
      group.length = 0;
      counts.length = 0;
      let groupLast = 0;
      for (const piece of pieces) {
        if (piece.kind !== kind) continue;
        let n = 0;
        while (n < piece.messages.length && (piece.messages[n] as ChatMessage).at < asOfMs) n++;
        if (n === 0) continue;
        const first = (piece.messages[0] as ChatMessage).at;
        const last = (piece.messages[n - 1] as ChatMessage).at;
        if (group.length > 0 && first - groupLast < MERGE_GAP) {
          if (last > groupLast) groupLast = last;
        } else {
          if (group.length > 0) session(chat, kind, group, counts, orders);
          group.length = 0;
          counts.length = 0;
          groupLast = last;
        }
        group.push(piece);
        counts.push(n);
      }
      if (group.length > 0) session(chat, kind, group, counts, orders);
    }
    if (chat.receivedInWindow) {
      conversion.den += 1;
      if (chat.convertedInWindow) conversion.num += 1;
    }
    // Facilitated amount share, numerator: orders in the window attributed to a received
    // pre-sales session of this customer.
    const starts = chat.receivedStarts;
    if (starts.length === 0) continue;
    for (const o of orders) {
      const placedDay = dayOf(o.placedAt);
      if (placedDay < D - CHAT_FROM || placedDay > D - CHAT_TO || known(o.cancelledAt)) continue;
      for (const s of starts) {
        if (o.placedAt >= s && o.placedAt <= s + ATTRIBUTION) {
          facilitated.num += o.amountFen;
          break;
        }
      }
    }
  }
  return out;
}

/** Chat tallies and the state of the customer being measured. */
interface ChatTallies {
  readonly D: number;
  readonly asOfMs: number;
  readonly response: BaselineTally;
  readonly presales: BaselineTally;
  readonly rate30: BaselineTally;
  readonly message: BaselineTally;
  readonly afterSales: BaselineTally;
  /** Starts of the customer's received pre-sales sessions (for attribution). */
  receivedStarts: number[];
  receivedInWindow: boolean;
  convertedInWindow: boolean;
}

function byStartThenId(a: ChatSession, b: ChatSession): number {
  const d = (a.messages[0] as ChatMessage).at - (b.messages[0] as ChatMessage).at;
  return d !== 0 ? d : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byTime(a: ChatMessage, b: ChatMessage): number {
  return a.at - b.at;
}

/** One merged session: the pieces of `group`, each with its first `counts[i]` messages. */
function session(
  c: ChatTallies,
  kind: 'consultation' | 'offline-message',
  group: readonly ChatSession[],
  counts: readonly number[],
  orders: readonly Order[],
): void {
  // Messages before the as-of instant, by time (then customer, robot, agent when merged).
  let msgs: readonly ChatMessage[];
  let n: number;
  if (group.length === 1) {
    msgs = (group[0] as ChatSession).messages;
    n = counts[0] as number;
  } else {
    const all: ChatMessage[] = [];
    for (let i = 0; i < group.length; i++) {
      const g = group[i] as ChatSession;
      for (let k = 0; k < (counts[i] as number); k++) all.push(g.messages[k] as ChatMessage);
    }
    all.sort(byTime); // stable: equal instants keep the pieces' order (start, then id)
    msgs = all;
    n = all.length;
  }
  let firstCustomer = -1;
  let firstReply = -1;
  let waiting = -1;
  let replies = 0;
  let replyMs = 0;
  for (let i = 0; i < n; i++) {
    const msg = msgs[i] as ChatMessage;
    if (msg.from === 'customer') {
      if (firstCustomer < 0) firstCustomer = msg.at;
      if (waiting < 0) waiting = msg.at;
    } else {
      if (firstCustomer >= 0 && firstReply < 0) firstReply = msg.at; // robot replies count
      if (msg.from === 'agent' && waiting >= 0) {
        replies++;
        replyMs += msg.at - waiting;
        waiting = -1;
      }
    }
  }
  if (firstCustomer < 0) return; // no customer contact has happened yet
  const startAt = (msgs[0] as ChatMessage).at;
  let stage: 'pre-sales' | 'after-sales' | undefined;
  let rating: Rating | undefined;
  let ratedAt = Number.NEGATIVE_INFINITY;
  for (const g of group) {
    if (stage === undefined) stage = g.stage;
    if (
      g.rating !== undefined &&
      g.ratedAt !== undefined &&
      g.ratedAt < c.asOfMs &&
      g.ratedAt >= ratedAt
    ) {
      rating = g.rating;
      ratedAt = g.ratedAt;
    }
  }
  if (stage === undefined) {
    let firstOrderAt = Number.POSITIVE_INFINITY;
    for (const o of orders) if (o.placedAt < firstOrderAt) firstOrderAt = o.placedAt;
    stage = firstOrderAt < startAt ? 'after-sales' : 'pre-sales';
  }
  const received = firstReply >= 0;
  if (kind === 'consultation' && stage === 'pre-sales' && received) c.receivedStarts.push(startAt);

  const startDay = dayOf(startAt);
  if (startDay < c.D - CHAT_FROM || startDay > c.D - CHAT_TO) return;
  const tod = startAt - dayStart(startDay);
  const inHours = tod >= ASSESS_FROM_H * HOUR && tod < ASSESS_TO_H * HOUR;
  if (inHours) {
    c.message.den += 1;
    if (kind === 'offline-message') c.message.num += 1;
  }
  if (kind === 'consultation' && inHours && replies > 0) {
    c.response.num += replyMs;
    c.response.den += replies;
  }
  if (kind === 'consultation' && inHours && stage === 'pre-sales') {
    c.rate30.den += 1;
    if (received && firstReply - firstCustomer <= RESPONSE_LIMIT) c.rate30.num += 1;
  }
  if (kind === 'consultation' && rating !== undefined) {
    const sat = stage === 'pre-sales' ? c.presales : c.afterSales;
    sat.den += 1;
    if (isSatisfied(rating)) sat.num += 1;
  }
  if (kind === 'consultation' && stage === 'pre-sales' && received) {
    c.receivedInWindow = true;
    for (const o of orders) {
      if (
        o.placedAt >= startAt &&
        o.placedAt <= startAt + ATTRIBUTION &&
        o.placedAt < c.asOfMs &&
        !(o.cancelledAt !== undefined && o.cancelledAt < c.asOfMs)
      ) {
        c.convertedInWindow = true;
        break;
      }
    }
  }
}
