/**
 * The entities the engine measures, and the views of them that measuring functions read.
 *
 * - customer: one customer's chat sessions (merged as of D) and orders;
 * - order: one order with its disputes;
 * - serviceOrder: one service order;
 * - reviews: one customer's reviews.
 *
 * @module
 */
import type {
  ChatKind,
  ChatMessage,
  ChatSession,
  ChatStage,
  Dispute,
  Order,
  Rating,
  Review,
  ServiceOrder,
  StoreData,
} from '../model.js';
import type { MeasurementRules } from '../rules/measurementDefaults.js';
import { compareMessages } from '../schemas/chatSession.js';
import { type DayNumber, dayNumberOf, HOUR_MS, msOfDay } from '../time/shanghai.js';
import type { MeasureContext } from './_engine.js';

/** The entity families. */
export type FamilyId = 'customer' | 'order' | 'serviceOrder' | 'reviews';

/** @internal What the engine needs of an entity. */
export interface Entity<V> {
  /** Earliest instant of the entity. */
  readonly minMs: number;
  /** Latest instant of the entity. */
  readonly maxMs: number;
  /** The entity as of the context's evaluation day. */
  viewAt(ctx: MeasureContext): V;
}

// ---------------------------------------------------------------------------------------------
// Chat: sessions merged as of D (`docs/sources.md`)
// ---------------------------------------------------------------------------------------------

/** A chat session as of D, after merging returns within the merge gap. */
export interface MergedSession {
  readonly kind: ChatKind;
  /** Pre- or after-sales: the first explicit stage of its pieces, else derived from earlier orders. */
  readonly stage: ChatStage;
  /** Earliest message (any sender). */
  readonly startAt: number;
  /** Shanghai day of the start: the anchor of chat metrics. */
  readonly startDay: DayNumber;
  /** Whether the start falls in the assessment hours. */
  readonly inAssessmentHours: boolean;
  /** First customer message. */
  readonly firstCustomerAt: number;
  /** First agent (or robot, when robot replies count) message at or after the first customer message. */
  readonly firstReplyAt: number | undefined;
  /** Manual agent replies, each answering the earliest customer message waiting. */
  readonly manualReplies: number;
  /** Σ(reply − earliest waiting customer message), ms. */
  readonly manualReplyMs: number;
  /** The rating of its latest rated piece (rated before the as-of instant). */
  readonly rating: Rating | undefined;
}

/** A customer's chat sessions and orders as of D. */
export interface CustomerView {
  readonly customerId: string;
  /** Merged sessions as of D, by start. */
  readonly sessions: readonly MergedSession[];
  /** The customer's orders by `placedAt` (all of them: the measuring function decides what has happened). */
  readonly orders: readonly Order[];
}

class CustomerEntity implements Entity<CustomerView> {
  readonly customerId: string;
  /** Sessions sorted by start, then id. */
  readonly pieces: ChatSession[] = [];
  /** Orders sorted by placedAt, then id. */
  readonly orders: Order[] = [];
  minMs = Number.POSITIVE_INFINITY;
  maxMs = Number.NEGATIVE_INFINITY;
  /** Latest chat instant (message or rating): from then on the merge no longer depends on D. */
  lastChatMs = Number.NEGATIVE_INFINITY;
  /** When the customer's first order (of all their orders, not only this segment's) was placed. */
  firstOrderAt = Number.POSITIVE_INFINITY;
  private settled: CustomerView | undefined;
  private readonly rules: MeasurementRules;

  constructor(customerId: string, rules: MeasurementRules) {
    this.customerId = customerId;
    this.rules = rules;
  }

  viewAt(ctx: MeasureContext): CustomerView {
    if (this.lastChatMs < ctx.asOfMs) {
      // Every chat fact has happened: the merge is the same for every later day.
      this.settled ??= {
        customerId: this.customerId,
        sessions: this.merge(ctx),
        orders: this.orders,
      };
      return this.settled;
    }
    return { customerId: this.customerId, sessions: this.merge(ctx), orders: this.orders };
  }

  private merge(ctx: MeasureContext): MergedSession[] {
    const out: MergedSession[] = [];
    this.mergeKind('consultation', ctx, out);
    this.mergeKind('offline-message', ctx, out);
    if (out.length > 1) out.sort((x, y) => x.startAt - y.startAt);
    return out;
  }

  private mergeKind(kind: ChatKind, ctx: MeasureContext, out: MergedSession[]): void {
    const gapMs = this.rules.chat.sessionMergeGapMinutes.value * 60_000;
    let group: { piece: ChatSession; count: number }[] = [];
    let groupLastAt = 0;
    for (const piece of this.pieces) {
      if (piece.kind !== kind) continue;
      const msgs = piece.messages;
      // Messages at or after the as-of instant have not happened: keep the prefix before it.
      let count = msgs.length;
      if (!ctx.known((msgs[count - 1] as ChatMessage).at)) {
        count = 0;
        while (count < msgs.length && ctx.known((msgs[count] as ChatMessage).at)) count++;
      }
      if (count === 0) continue;
      const firstAt = (msgs[0] as ChatMessage).at;
      const lastAt = (msgs[count - 1] as ChatMessage).at;
      if (group.length > 0 && firstAt - groupLastAt < gapMs) {
        group.push({ piece, count });
        if (lastAt > groupLastAt) groupLastAt = lastAt;
      } else {
        if (group.length > 0) this.emit(kind, group, ctx, out);
        group = [{ piece, count }];
        groupLastAt = lastAt;
      }
    }
    if (group.length > 0) this.emit(kind, group, ctx, out);
  }

  private emit(
    kind: ChatKind,
    group: { piece: ChatSession; count: number }[],
    ctx: MeasureContext,
    out: MergedSession[],
  ): void {
    let msgs: readonly ChatMessage[];
    let n: number;
    const first = group[0] as { piece: ChatSession; count: number };
    if (group.length === 1) {
      msgs = first.piece.messages;
      n = first.count;
    } else {
      const all: ChatMessage[] = [];
      let sorted = true;
      for (const g of group) {
        for (let i = 0; i < g.count; i++) {
          const m = g.piece.messages[i] as ChatMessage;
          const prev = all[all.length - 1];
          if (prev !== undefined && compareMessages(prev, m) > 0) sorted = false;
          all.push(m);
        }
      }
      if (!sorted) all.sort(compareMessages);
      msgs = all;
      n = all.length;
    }
    const robotCounts = this.rules.chat.robotRepliesCount.value;
    let firstCustomerAt: number | undefined;
    let firstReplyAt: number | undefined;
    let waiting: number | undefined;
    let manualReplies = 0;
    let manualReplyMs = 0;
    for (let i = 0; i < n; i++) {
      const m = msgs[i] as ChatMessage;
      if (m.from === 'customer') {
        if (firstCustomerAt === undefined) firstCustomerAt = m.at;
        if (waiting === undefined) waiting = m.at;
      } else {
        if (
          firstCustomerAt !== undefined &&
          firstReplyAt === undefined &&
          (m.from === 'agent' || robotCounts)
        ) {
          firstReplyAt = m.at;
        }
        // Robot messages neither reply nor answer the waiting customer (`docs/sources.md`).
        if (m.from === 'agent' && waiting !== undefined) {
          manualReplies++;
          manualReplyMs += m.at - waiting;
          waiting = undefined;
        }
      }
    }
    // Not a customer contact (yet): the customer's message has not happened as of D.
    if (firstCustomerAt === undefined) return;
    const startAt = (msgs[0] as ChatMessage).at;

    let stage: ChatStage | undefined;
    let rating: Rating | undefined;
    let ratedAt = Number.NEGATIVE_INFINITY;
    for (const g of group) {
      if (stage === undefined && g.piece.stage !== undefined) stage = g.piece.stage;
      const r = g.piece.rating;
      // An undated rating is dated at the piece's last message that has happened (its known
      // prefix, `count` messages): a message still to come must not change a result.
      const t = g.piece.ratedAt ?? (g.piece.messages[g.count - 1] as ChatMessage).at;
      if (r !== undefined && ctx.known(t) && t >= ratedAt) {
        rating = r;
        ratedAt = t as number;
      }
    }
    if (stage === undefined) {
      // After-sales when the customer had any order placed before the session started.
      stage = this.firstOrderAt < startAt ? 'after-sales' : 'pre-sales';
    }
    const hours = this.rules.chat.assessmentHours.value;
    const tod = msOfDay(startAt);
    out.push({
      kind,
      stage,
      startAt,
      startDay: dayNumberOf(startAt),
      inAssessmentHours: tod >= hours.fromHour * HOUR_MS && tod < hours.toHour * HOUR_MS,
      firstCustomerAt,
      firstReplyAt,
      manualReplies,
      manualReplyMs,
      rating,
    });
  }
}

function startOf(s: ChatSession): number {
  return (s.messages[0] as ChatMessage).at;
}

function byIdThen(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function lastChatFact(s: ChatSession): number {
  const last = (s.messages[s.messages.length - 1] as ChatMessage).at;
  return s.ratedAt !== undefined && s.ratedAt > last ? s.ratedAt : last;
}

function lastOrderFact(o: Order): number {
  return o.cancelledAt !== undefined && o.cancelledAt > o.placedAt ? o.cancelledAt : o.placedAt;
}

/**
 * @internal Groups chat sessions and orders by customer, for the customers with a fact (a chat
 * message, a rating, an order placed or cancelled) at or after `relevantFromMs`: the others
 * cannot contribute to the days evaluated.
 */
export function buildCustomers(
  data: StoreData,
  rules: MeasurementRules,
  relevantFromMs = Number.NEGATIVE_INFINITY,
  segmentGapMs = Number.POSITIVE_INFINITY,
): CustomerEntity[] {
  let relevant: Set<string> | undefined;
  if (relevantFromMs > Number.NEGATIVE_INFINITY) {
    relevant = new Set<string>();
    for (const s of data.chatSessions)
      if (lastChatFact(s) >= relevantFromMs) relevant.add(s.customerId);
    for (const o of data.orders) if (lastOrderFact(o) >= relevantFromMs) relevant.add(o.customerId);
  }
  const byId = new Map<string, CustomerEntity>();
  const get = (id: string): CustomerEntity => {
    let c = byId.get(id);
    if (c === undefined) {
      c = new CustomerEntity(id, rules);
      byId.set(id, c);
    }
    return c;
  };
  for (const s of data.chatSessions) {
    if (relevant !== undefined && !relevant.has(s.customerId)) continue;
    const c = get(s.customerId);
    c.pieces.push(s);
    const first = startOf(s);
    const lastFact = lastChatFact(s);
    if (first < c.minMs) c.minMs = first;
    if (lastFact > c.maxMs) c.maxMs = lastFact;
    if (lastFact > c.lastChatMs) c.lastChatMs = lastFact;
  }
  for (const o of data.orders) {
    if (relevant !== undefined && !relevant.has(o.customerId)) continue;
    const c = get(o.customerId);
    c.orders.push(o);
    if (o.placedAt < c.minMs) c.minMs = o.placedAt;
    const last = lastOrderFact(o);
    if (last > c.maxMs) c.maxMs = last;
  }
  const out: CustomerEntity[] = [];
  for (const c of byId.values()) {
    if (c.pieces.length > 1) c.pieces.sort(byStartThenId);
    if (c.orders.length > 1) c.orders.sort(byPlacedThenId);
    c.firstOrderAt = c.orders[0]?.placedAt ?? Number.POSITIVE_INFINITY;
    if (c.maxMs - c.minMs <= segmentGapMs) out.push(c);
    else splitCustomer(c, rules, segmentGapMs, relevantFromMs, out);
  }
  return out;
}

/**
 * Splits a customer's sessions and orders wherever nothing happens for more than `gapMs`.
 * With `gapMs` longer than any chat window plus the attribution window, two segments never
 * share a window, a merge or an attribution, so they are measured independently: a history
 * re-measures only the segment whose facts change, not the customer's whole past. The
 * pre-/after-sales stage still looks at the customer's first order of all.
 */
function splitCustomer(
  c: CustomerEntity,
  rules: MeasurementRules,
  gapMs: number,
  relevantFromMs: number,
  out: CustomerEntity[],
): void {
  let seg: CustomerEntity | undefined;
  let segEnd = Number.NEGATIVE_INFINITY;
  const flush = () => {
    if (seg !== undefined && seg.maxMs >= relevantFromMs) out.push(seg);
  };
  let i = 0;
  let j = 0;
  while (i < c.pieces.length || j < c.orders.length) {
    const p = c.pieces[i];
    const o = c.orders[j];
    const isPiece = p !== undefined && (o === undefined || startOf(p) <= o.placedAt);
    const start = isPiece ? startOf(p) : (o as Order).placedAt;
    const end = isPiece ? lastChatFact(p) : lastOrderFact(o as Order);
    if (seg === undefined || start - segEnd > gapMs) {
      flush();
      seg = new CustomerEntity(c.customerId, rules);
      seg.firstOrderAt = c.firstOrderAt;
      segEnd = Number.NEGATIVE_INFINITY;
    }
    if (start < seg.minMs) seg.minMs = start;
    if (end > seg.maxMs) seg.maxMs = end;
    if (end > segEnd) segEnd = end;
    if (isPiece) {
      seg.pieces.push(p);
      if (end > seg.lastChatMs) seg.lastChatMs = end;
      i++;
    } else {
      seg.orders.push(o as Order);
      j++;
    }
  }
  flush();
}

function byStartThenId(x: ChatSession, y: ChatSession): number {
  return startOf(x) - startOf(y) || byIdThen(x, y);
}

function byPlacedThenId(x: Order, y: Order): number {
  return x.placedAt - y.placedAt || byIdThen(x, y);
}

// ---------------------------------------------------------------------------------------------
// Orders (logistics, outbound units, disputes)
// ---------------------------------------------------------------------------------------------

/** An order with what the logistics and dispute metrics derive from it (independent of D). */
export interface OrderView {
  readonly order: Order;
  /** Disputes opened on it, in input order. */
  readonly disputes: readonly Dispute[];
  /** When it became shippable (可生产): placed for cash on delivery, else paid; undefined if never. */
  readonly shippableAt: number | undefined;
  /** Shanghai day of `shippableAt`. */
  readonly shippableDay: DayNumber | undefined;
  /** Collection due day: the shippable day, or the next day when shippable at or after the cut-off hour. */
  readonly collectionDueDay: DayNumber | undefined;
}

const NO_DISPUTES: readonly Dispute[] = Object.freeze([]);

function later(max: number, t: number | undefined): number {
  return t !== undefined && t > max ? t : max;
}

class OrderEntity implements Entity<OrderView>, OrderView {
  readonly order: Order;
  readonly disputes: readonly Dispute[];
  readonly shippableAt: number | undefined;
  readonly shippableDay: DayNumber | undefined;
  readonly collectionDueDay: DayNumber | undefined;
  readonly minMs: number;
  readonly maxMs: number;

  constructor(order: Order, disputes: readonly Dispute[], maxMs: number, cutoffMs: number) {
    this.order = order;
    this.disputes = disputes;
    const ship = order.cashOnDelivery ? order.placedAt : order.paidAt;
    this.shippableAt = ship;
    if (ship !== undefined) {
      const day = dayNumberOf(ship);
      this.shippableDay = day;
      this.collectionDueDay = msOfDay(ship) >= cutoffMs ? day + 1 : day;
    } else {
      this.shippableDay = undefined;
      this.collectionDueDay = undefined;
    }
    this.minMs = order.placedAt;
    this.maxMs = maxMs;
  }

  viewAt(): OrderView {
    return this;
  }
}

/**
 * @internal One entity per order, with its disputes attached, for the orders with a fact (their
 * own or a dispute's) at or after `relevantFromMs`.
 */
export function buildOrders(
  data: StoreData,
  rules: MeasurementRules,
  relevantFromMs = Number.NEGATIVE_INFINITY,
): OrderEntity[] {
  // Disputes by order, in input order, and their latest instant.
  const disputesOf = new Map<string, { list: Dispute[]; maxMs: number }>();
  for (const d of data.disputes) {
    let e = disputesOf.get(d.orderId);
    if (e === undefined) {
      e = { list: [], maxMs: Number.NEGATIVE_INFINITY };
      disputesOf.set(d.orderId, e);
    }
    e.list.push(d);
    e.maxMs = later(later(later(e.maxMs, d.openedAt), d.ruledAt), d.appealUpheldAt);
  }
  const cutoffMs = rules.logistics.collectionCutoffHour.value * HOUR_MS;
  const out: OrderEntity[] = [];
  for (const o of data.orders) {
    let max = later(later(later(o.placedAt, o.paidAt), o.cancelledAt), o.outboundAt);
    max = later(later(max, o.collectedAt), o.deliveredAt);
    let disputes = NO_DISPUTES;
    if (disputesOf.size > 0) {
      const e = disputesOf.get(o.id);
      if (e !== undefined) {
        disputes = e.list;
        max = later(max, e.maxMs);
      }
    }
    if (max < relevantFromMs) continue;
    out.push(new OrderEntity(o, disputes, max, cutoffMs));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Service orders
// ---------------------------------------------------------------------------------------------

/** A service order (independent of D). */
export interface ServiceOrderView {
  readonly serviceOrder: ServiceOrder;
}

class ServiceOrderEntity implements Entity<ServiceOrderView>, ServiceOrderView {
  readonly serviceOrder: ServiceOrder;
  readonly minMs: number;
  readonly maxMs: number;
  constructor(s: ServiceOrder) {
    this.serviceOrder = s;
    this.minMs = s.appliedAt;
    this.maxMs = serviceOrderMaxMs(s);
  }
  viewAt(): ServiceOrderView {
    return this;
  }
}

function serviceOrderMaxMs(s: ServiceOrder): number {
  return later(
    later(later(later(s.appliedAt, s.approvedAt), s.rejectedAt), s.completedAt),
    s.ratedAt,
  );
}

/** @internal One entity per service order with a fact at or after `relevantFromMs`. */
export function buildServiceOrders(
  data: StoreData,
  relevantFromMs = Number.NEGATIVE_INFINITY,
): ServiceOrderEntity[] {
  const out: ServiceOrderEntity[] = [];
  for (const s of data.serviceOrders) {
    if (serviceOrderMaxMs(s) >= relevantFromMs) out.push(new ServiceOrderEntity(s));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reviews
// ---------------------------------------------------------------------------------------------

/** One customer's reviews that are not excluded, latest first (by `createdAt`, then id). */
export interface ReviewGroupView {
  readonly customerId: string;
  readonly reviews: readonly Review[];
}

class ReviewGroupEntity implements Entity<ReviewGroupView>, ReviewGroupView {
  readonly customerId: string;
  readonly reviews: Review[] = [];
  minMs = Number.POSITIVE_INFINITY;
  maxMs = Number.NEGATIVE_INFINITY;
  constructor(customerId: string) {
    this.customerId = customerId;
  }
  viewAt(): ReviewGroupView {
    return this;
  }
}

function latestFirst(x: Review, y: Review): number {
  return y.createdAt - x.createdAt || byIdThen(y, x);
}

/**
 * @internal Groups reviews by customer; excluded reviews count nowhere and are left out here, and
 * so are reviews whose every instant is before `relevantFromMs` (their anchors are in no window
 * of the days evaluated, so no customer's latest-20 selection can include them).
 */
export function buildReviewGroups(
  data: StoreData,
  relevantFromMs = Number.NEGATIVE_INFINITY,
): ReviewGroupEntity[] {
  const byId = new Map<string, ReviewGroupEntity>();
  for (const r of data.reviews) {
    if (r.excluded || later(r.createdAt, r.repliedAt) < relevantFromMs) continue;
    let g = byId.get(r.customerId);
    if (g === undefined) {
      g = new ReviewGroupEntity(r.customerId);
      byId.set(r.customerId, g);
    }
    g.reviews.push(r);
    if (r.createdAt < g.minMs) g.minMs = r.createdAt;
    const last = r.repliedAt !== undefined && r.repliedAt > r.createdAt ? r.repliedAt : r.createdAt;
    if (last > g.maxMs) g.maxMs = last;
  }
  const out: ReviewGroupEntity[] = [];
  for (const g of byId.values()) {
    if (g.reviews.length > 1) g.reviews.sort(latestFirst);
    out.push(g);
  }
  return out;
}
