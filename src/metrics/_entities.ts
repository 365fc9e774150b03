/**
 * The order, service-order and review families the engine measures, and the views of them that
 * measuring functions read (the customer family is in `consultation/_customers.ts`).
 *
 * @module
 */
import { ordersReaching, reviewsReaching } from '../_packed.js';
import type { Entity, Family } from '../engine/types.js';
import {
  type Dispute,
  LATEST_FACT_OF,
  later,
  type Order,
  type Review,
  type ServiceOrder,
  type StoreData,
} from '../model.js';
import type { MeasurementParameters } from '../rules/measurement.js';
import { type DayNumber, dayNumberOf, HOUR_MS, msOfDay } from '../time/shanghai.js';
import {
  disputeKnownBefore,
  orderKnownBefore,
  reviewKnownBefore,
  serviceOrderKnownBefore,
} from './_knownBefore.js';

/** Orders records by id (the tie-break of equal instants). */
export function byIdThen(a: { id: string }, b: { id: string }): number {
  return compareIds(a.id, b.id);
}

/** Two ids in code-unit order. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

/** When an order became shippable (可生产), and its collection due day. */
export interface Shippable {
  /** Placed for cash on delivery, else paid. */
  readonly at: number;
  /** Its Shanghai day. */
  readonly day: DayNumber;
  /** The shippable day, or the next day when shippable at or after the cut-off hour. */
  readonly collectionDueDay: DayNumber;
}

/**
 * When an order became shippable and its collection due day, or `undefined` if it never did
 * (a prepaid order not paid). The one place of the rule, for the metrics and the deadlines.
 *
 * @internal
 */
export function shippableOf(order: Order, cutoffMs: number): Shippable | undefined {
  const at = order.cashOnDelivery ? order.placedAt : order.paidAt;
  if (at === undefined) return undefined;
  const day = dayNumberOf(at);
  return { at, day, collectionDueDay: msOfDay(at) >= cutoffMs ? day + 1 : day };
}

class OrderEntity implements Entity<OrderView>, OrderView {
  readonly order: Order;
  readonly entityId: string;
  readonly disputes: readonly Dispute[];
  readonly shippableAt: number | undefined;
  readonly shippableDay: DayNumber | undefined;
  readonly collectionDueDay: DayNumber | undefined;
  readonly minMs: number;
  readonly maxMs: number;

  constructor(order: Order, disputes: readonly Dispute[], maxMs: number, cutoffMs: number) {
    this.order = order;
    this.disputes = disputes;
    const ship = shippableOf(order, cutoffMs);
    this.shippableAt = ship?.at;
    this.shippableDay = ship?.day;
    this.collectionDueDay = ship?.collectionDueDay;
    this.entityId = order.id;
    this.minMs = order.placedAt;
    this.maxMs = maxMs;
  }

  viewAt(): OrderView {
    return this;
  }
}

/** The latest instant of an order's own facts. */
const orderMaxMs = LATEST_FACT_OF.orders;

/**
 * One entity per order, with its disputes attached, for the orders with a fact (their
 * own or a dispute's) at or after `relevantFromMs`.
 */
export function buildOrders(
  data: StoreData,
  rules: MeasurementParameters,
  relevantFromMs = Number.NEGATIVE_INFINITY,
  knownBeforeMs = Number.POSITIVE_INFINITY,
): OrderEntity[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without a cut-off (+∞) every fact is known before it, and the …KnownBefore functions return the record itself
  const cut = knownBeforeMs < Number.POSITIVE_INFINITY;
  // Disputes by order, in input order, and their latest instant.
  const disputesOf = new Map<string, { list: Dispute[]; maxMs: number }>();
  for (const raw of data.disputes) {
    const d = cut ? disputeKnownBefore(raw, knownBeforeMs) : raw;
    if (d === undefined) continue;
    let e = disputesOf.get(d.orderId);
    if (e === undefined) {
      e = { list: [], maxMs: Number.NEGATIVE_INFINITY };
      disputesOf.set(d.orderId, e);
    }
    e.list.push(d);
    e.maxMs = later(e.maxMs, LATEST_FACT_OF.disputes(d));
  }
  const cutoffMs = rules.logistics.collectionCutoffHour.value * HOUR_MS;
  const out: OrderEntity[] = [];
  // Built from the columns only for the orders that can matter (src/_packed.ts).
  for (const raw of ordersReaching(data, relevantFromMs, disputesOf.keys())) {
    // Relevance first, on the record as given (hiding later facts only narrows its span): the
    // knowledge cut-off is checked only for the orders that can matter.
    // Stryker disable next-line ConditionalExpression: a fast path: the check after the cut-off (`max < relevantFromMs`) declines every order this one does, since hiding facts only moves its latest instant earlier
    if (orderMaxMs(raw) < relevantFromMs && !disputesOf.has(raw.id)) continue;
    const o = cut ? orderKnownBefore(raw, knownBeforeMs) : raw;
    if (o === undefined) continue;
    let max = orderMaxMs(o);
    let disputes = NO_DISPUTES;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: looking an order up in an empty map finds nothing
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

/** The latest instant of a service order's facts. */
const serviceOrderMaxMs = LATEST_FACT_OF.serviceOrders;

class ServiceOrderEntity implements Entity<ServiceOrderView>, ServiceOrderView {
  readonly serviceOrder: ServiceOrder;
  readonly entityId: string;
  readonly minMs: number;
  readonly maxMs: number;
  constructor(s: ServiceOrder) {
    this.serviceOrder = s;
    this.entityId = s.id;
    this.minMs = s.appliedAt;
    this.maxMs = serviceOrderMaxMs(s);
  }
  viewAt(): ServiceOrderView {
    return this;
  }
}

/** One entity per service order with a fact at or after `relevantFromMs`. */
export function buildServiceOrders(
  data: StoreData,
  relevantFromMs = Number.NEGATIVE_INFINITY,
  knownBeforeMs = Number.POSITIVE_INFINITY,
): ServiceOrderEntity[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without a cut-off (+∞) every fact is known before it, and the …KnownBefore functions return the record itself
  const cut = knownBeforeMs < Number.POSITIVE_INFINITY;
  const out: ServiceOrderEntity[] = [];
  for (const raw of data.serviceOrders) {
    const s = cut ? serviceOrderKnownBefore(raw, knownBeforeMs) : raw;
    if (s !== undefined && serviceOrderMaxMs(s) >= relevantFromMs)
      out.push(new ServiceOrderEntity(s));
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
  readonly entityId: string;
  readonly reviews: Review[] = [];
  minMs = Number.POSITIVE_INFINITY;
  maxMs = Number.NEGATIVE_INFINITY;
  constructor(customerId: string) {
    this.customerId = customerId;
    this.entityId = customerId;
  }
  viewAt(): ReviewGroupView {
    return this;
  }
}

function latestFirst(x: Review, y: Review): number {
  return y.createdAt - x.createdAt || byIdThen(y, x);
}

/**
 * Groups reviews by customer; excluded reviews count nowhere and are left out here, and
 * so are reviews whose every instant is before `relevantFromMs` (their anchors are in no window
 * of the days evaluated, so no customer's latest-20 selection can include them).
 */
export function buildReviewGroups(
  data: StoreData,
  relevantFromMs = Number.NEGATIVE_INFINITY,
  knownBeforeMs = Number.POSITIVE_INFINITY,
): ReviewGroupEntity[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without a cut-off (+∞) every fact is known before it, and the …KnownBefore functions return the record itself
  const cut = knownBeforeMs < Number.POSITIVE_INFINITY;
  const byId = new Map<string, ReviewGroupEntity>();
  for (const raw of reviewsReaching(data, relevantFromMs)) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path: the same check after the cut-off declines every review this one does, since hiding a reply only moves its latest instant earlier
    if (raw.excluded || LATEST_FACT_OF.reviews(raw) < relevantFromMs) continue;
    const r = cut ? reviewKnownBefore(raw, knownBeforeMs) : raw;
    if (r === undefined) continue;
    if (r.excluded || LATEST_FACT_OF.reviews(r) < relevantFromMs) continue;
    let g = byId.get(r.customerId);
    if (g === undefined) {
      g = new ReviewGroupEntity(r.customerId);
      byId.set(r.customerId, g);
    }
    g.reviews.push(r);
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (r.createdAt < g.minMs) g.minMs = r.createdAt;
    const last = LATEST_FACT_OF.reviews(r);
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (last > g.maxMs) g.maxMs = last;
  }
  const out: ReviewGroupEntity[] = [];
  for (const g of byId.values()) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sorting a list of one changes nothing
    if (g.reviews.length > 1) g.reviews.sort(latestFirst);
    out.push(g);
  }
  return out;
}

/** The order family: one entity per order, with its disputes. */
export const orderFamily: Family<OrderView> = {
  build: (data, rules, scope) =>
    buildOrders(data, rules, scope.relevantFromMs, scope.knownBeforeMs),
};

/** The service-order family. */
export const serviceOrderFamily: Family<ServiceOrderView> = {
  build: (data, _rules, scope) =>
    buildServiceOrders(data, scope.relevantFromMs, scope.knownBeforeMs),
};

/** The review family: one entity per customer's reviews. */
export const reviewGroupFamily: Family<ReviewGroupView> = {
  build: (data, _rules, scope) =>
    buildReviewGroups(data, scope.relevantFromMs, scope.knownBeforeMs),
};
