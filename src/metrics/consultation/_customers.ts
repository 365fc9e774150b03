/**
 * The customer family: one customer's chat sessions (merged as of D, `_sessions.ts`) and orders,
 * split where nothing happens for longer than any window can span.
 *
 * @module
 */
import { type CustomerRows, customerRowsReaching } from '../../_packed.js';
import type { Entity, Family, MeasureContext } from '../../engine/types.js';
import {
  type ChatMessage,
  type ChatSession,
  LATEST_FACT_OF,
  later,
  type Order,
  type StoreData,
} from '../../model.js';
import type { ChatRules, MeasurementParameters } from '../../rules/measurement.js';
import { DAY_MS } from '../../time/shanghai.js';
import { compareIds } from '../_entities.js';
import { chatKnownBefore, orderKnownBefore } from '../_knownBefore.js';
import { type MergedSession, mergeSessions } from './_sessions.js';

/** A customer's chat sessions and orders as of D. */
export interface CustomerView {
  readonly customerId: string;
  /** Merged sessions as of D, by start. */
  readonly sessions: readonly MergedSession[];
  /** The customer's orders by `placedAt` (all of them: the measuring function decides what has happened). */
  readonly orders: readonly Order[];
}

/**
 * The positions (in `rows`) of the sessions and of the orders, grouped by customer and sorted
 * within each: every entity is a range of each, so a pass holds two integers a record, not a
 * list per customer.
 */
interface Groups {
  readonly rows: CustomerRows;
  readonly sessions: Int32Array;
  readonly orders: Int32Array;
}

class CustomerEntity implements Entity<CustomerView> {
  readonly customerId: string;
  readonly entityId: string;
  /** Where its sessions are in `groups.sessions` (sorted by start, then id): `[sFrom, sTo)`. */
  sFrom = 0;
  sTo = 0;
  /** Where its orders are in `groups.orders` (sorted by placedAt, then id): `[oFrom, oTo)`. */
  oFrom = 0;
  oTo = 0;
  minMs = Number.POSITIVE_INFINITY;
  maxMs = Number.NEGATIVE_INFINITY;
  /** Latest chat instant (message or rating): from then on the merge no longer depends on D. */
  lastChatMs = Number.NEGATIVE_INFINITY;
  /** When the customer's first order (of all their orders, not only this segment's) was placed. */
  firstOrderAt = Number.POSITIVE_INFINITY;
  #settled: CustomerView | undefined;
  #pieces: ChatSession[] | undefined;
  #orders: Order[] | undefined;
  readonly #chat: ChatRules;
  readonly #groups: Groups;

  constructor(customerId: string, chat: ChatRules, groups: Groups) {
    this.customerId = customerId;
    this.entityId = customerId;
    this.#chat = chat;
    this.#groups = groups;
  }

  /** The sessions, by start then id: built when first read, until {@link release}. */
  get pieces(): readonly ChatSession[] {
    if (this.#pieces === undefined) {
      const { rows, sessions } = this.#groups;
      const out: ChatSession[] = [];
      for (let i = this.sFrom; i < this.sTo; i++) out.push(rows.session(sessions[i] as number));
      this.#pieces = out;
    }
    return this.#pieces;
  }

  /** The orders, by placedAt then id: built when first read, until {@link release}. */
  get orders(): readonly Order[] {
    if (this.#orders === undefined) {
      const { rows, orders } = this.#groups;
      const out: Order[] = [];
      for (let j = this.oFrom; j < this.oTo; j++) out.push(rows.order(orders[j] as number));
      this.#orders = out;
    }
    return this.#orders;
  }

  viewAt(ctx: MeasureContext): CustomerView {
    // Stryker disable next-line ConditionalExpression,BlockStatement: the cache only saves merging again: once every chat fact is known, the merge is the same on every later day
    if (ctx.known(this.lastChatMs)) {
      // Every chat fact has happened: the merge is the same for every later day.
      this.#settled ??= {
        customerId: this.customerId,
        sessions: mergeSessions(this.pieces, this.firstOrderAt, this.#chat, ctx),
        orders: this.orders,
      };
      return this.#settled;
    }
    return {
      customerId: this.customerId,
      sessions: mergeSessions(this.pieces, this.firstOrderAt, this.#chat, ctx),
      orders: this.orders,
    };
  }

  /**
   * Measured on every day: the records built for it are let go of (read again, they are built
   * again). Held column-wise, a customer's records then live only while it is measured, not
   * for the whole pass: the pass's memory is one customer's, not every customer's.
   */
  release(): void {
    this.#settled = undefined;
    this.#pieces = undefined;
    this.#orders = undefined;
  }
}

/**
 * {@link CustomerRows} over records at hand (a store held as arrays, or records seen through a
 * knowledge cut-off): customers numbered in the order they first appear.
 */
class RecordRows implements CustomerRows {
  readonly sessionCount: number;
  readonly orderCount: number;
  readonly #ids: string[] = [];
  readonly #sessionKey: Int32Array;
  readonly #orderKey: Int32Array;
  constructor(
    readonly sessions: readonly ChatSession[],
    readonly orders: readonly Order[],
  ) {
    this.sessionCount = sessions.length;
    this.orderCount = orders.length;
    const numbers = new Map<string, number>();
    const number = (id: string): number => {
      let k = numbers.get(id);
      if (k === undefined) {
        k = this.#ids.length;
        numbers.set(id, k);
        this.#ids.push(id);
      }
      return k;
    };
    this.#sessionKey = Int32Array.from(sessions, (s) => number(s.customerId));
    this.#orderKey = Int32Array.from(orders, (o) => number(o.customerId));
  }
  get customerCount(): number {
    return this.#ids.length;
  }
  sessionCustomer(i: number): number {
    return this.#sessionKey[i] as number;
  }
  orderCustomer(j: number): number {
    return this.#orderKey[j] as number;
  }
  customerId(k: number): string {
    return this.#ids[k] as string;
  }
  sessionStart(i: number): number {
    return startOf(this.sessions[i] as ChatSession);
  }
  sessionEnd(i: number): number {
    return lastChatFact(this.sessions[i] as ChatSession);
  }
  orderPlaced(j: number): number {
    return (this.orders[j] as Order).placedAt;
  }
  orderEnd(j: number): number {
    return lastOrderFact(this.orders[j] as Order);
  }
  sessionId(i: number): string {
    return (this.sessions[i] as ChatSession).id;
  }
  orderId(j: number): string {
    return (this.orders[j] as Order).id;
  }
  session(i: number): ChatSession {
    return this.sessions[i] as ChatSession;
  }
  order(j: number): Order {
    return this.orders[j] as Order;
  }
}

function startOf(s: ChatSession): number {
  return (s.messages[0] as ChatMessage).at;
}

/** The latest instant of a chat session's facts: its last message or its rating. */
const lastChatFact = LATEST_FACT_OF.chatSessions;

function lastOrderFact(o: Order): number {
  return later(o.placedAt, o.cancelledAt);
}

/**
 * The rows of the customers with a fact at or after `relevantFromMs`: on the columns when the
 * store is held column-wise and nothing is cut off (no record built yet), else the records,
 * seen through the cut-off.
 */
function rowsOf(data: StoreData, relevantFromMs: number, knownBeforeMs: number): CustomerRows {
  const rows = customerRowsReaching(data, relevantFromMs);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without a cut-off (+∞) every fact is known before it, and the …KnownBefore functions return the record itself
  const cut = knownBeforeMs < Number.POSITIVE_INFINITY;
  if (rows !== undefined && !cut) return rows;
  let sessions: readonly ChatSession[];
  let orders: readonly Order[];
  if (rows !== undefined) {
    // Held column-wise, only the relevant customers' records are built.
    sessions = Array.from({ length: rows.sessionCount }, (_, i) => rows.session(i));
    orders = Array.from({ length: rows.orderCount }, (_, j) => rows.order(j));
  } else {
    sessions = data.chatSessions;
    orders = data.orders;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path: with no bound (−∞) the set would hold every customer, which is what skipping it means
    if (relevantFromMs > Number.NEGATIVE_INFINITY) {
      const relevant = new Set<string>();
      for (const s of sessions) if (lastChatFact(s) >= relevantFromMs) relevant.add(s.customerId);
      for (const o of orders) if (lastOrderFact(o) >= relevantFromMs) relevant.add(o.customerId);
      sessions = sessions.filter((s) => relevant.has(s.customerId));
      orders = orders.filter((o) => relevant.has(o.customerId));
    }
  }
  if (cut) {
    sessions = sessions
      .map((s) => chatKnownBefore(s, knownBeforeMs))
      .filter((s) => s !== undefined);
    orders = orders.map((o) => orderKnownBefore(o, knownBeforeMs)).filter((o) => o !== undefined);
  }
  return new RecordRows(sessions, orders);
}

/**
 * Groups chat sessions and orders by customer, for the customers with a fact (a chat
 * message, a rating, an order placed or cancelled) at or after `relevantFromMs`: the others
 * cannot contribute to the days evaluated. Held column-wise, the grouping, sorting and
 * splitting read the columns: a customer's records are built when the engine measures it.
 */
export function buildCustomers(
  data: StoreData,
  rules: MeasurementParameters,
  relevantFromMs = Number.NEGATIVE_INFINITY,
  segmentGapMs = Number.POSITIVE_INFINITY,
  knownBeforeMs = Number.POSITIVE_INFINITY,
): CustomerEntity[] {
  const rows = rowsOf(data, relevantFromMs, knownBeforeMs);
  // Customers numbered densely in the order they first appear (sessions, then orders): the
  // entities' order.
  const dense = new Int32Array(rows.customerCount).fill(-1);
  const firstSeen: number[] = [];
  const denseOf = (k: number): number => {
    let d = dense[k] as number;
    if (d === -1) {
      d = firstSeen.length;
      dense[k] = d;
      firstSeen.push(k);
    }
    return d;
  };
  const sessionOf = new Int32Array(rows.sessionCount);
  for (let i = 0; i < rows.sessionCount; i++) sessionOf[i] = denseOf(rows.sessionCustomer(i));
  const orderOf = new Int32Array(rows.orderCount);
  for (let j = 0; j < rows.orderCount; j++) orderOf[j] = denseOf(rows.orderCustomer(j));
  const m = firstSeen.length;
  const sStart = groupStarts(sessionOf, m);
  const oStart = groupStarts(orderOf, m);
  const groups: Groups = {
    rows,
    sessions: groupBy(sessionOf, sStart),
    orders: groupBy(orderOf, oStart),
  };
  // Sorted by instant, then id; a tie on both keeps the input order (as a stable sort of the
  // records would).
  const byStartThenId = (x: number, y: number): number =>
    rows.sessionStart(x) - rows.sessionStart(y) ||
    compareIds(rows.sessionId(x), rows.sessionId(y)) ||
    x - y;
  const byPlacedThenId = (x: number, y: number): number =>
    rows.orderPlaced(x) - rows.orderPlaced(y) ||
    compareIds(rows.orderId(x), rows.orderId(y)) ||
    x - y;
  const out: CustomerEntity[] = [];
  for (let d = 0; d < m; d++) {
    const c = new CustomerEntity(rows.customerId(firstSeen[d] as number), rules.chat, groups);
    c.sFrom = sStart[d] as number;
    c.sTo = sStart[d + 1] as number;
    c.oFrom = oStart[d] as number;
    c.oTo = oStart[d + 1] as number;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sorting a list of one (or none) changes nothing
    if (c.sTo - c.sFrom > 1) groups.sessions.subarray(c.sFrom, c.sTo).sort(byStartThenId);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sorting a list of one (or none) changes nothing
    if (c.oTo - c.oFrom > 1) groups.orders.subarray(c.oFrom, c.oTo).sort(byPlacedThenId);
    for (let i = c.sFrom; i < c.sTo; i++) {
      const p = groups.sessions[i] as number;
      const first = rows.sessionStart(p);
      const lastFact = rows.sessionEnd(p);
      // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
      if (first < c.minMs) c.minMs = first;
      // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
      if (lastFact > c.maxMs) c.maxMs = lastFact;
      // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
      if (lastFact > c.lastChatMs) c.lastChatMs = lastFact;
    }
    for (let j = c.oFrom; j < c.oTo; j++) {
      const o = groups.orders[j] as number;
      const placed = rows.orderPlaced(o);
      // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
      if (placed < c.minMs) c.minMs = placed;
      const last = rows.orderEnd(o);
      // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
      if (last > c.maxMs) c.maxMs = last;
    }
    c.firstOrderAt =
      c.oTo > c.oFrom
        ? rows.orderPlaced(groups.orders[c.oFrom] as number)
        : Number.POSITIVE_INFINITY;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: splitting a customer whose facts all lie within the gap gives one segment with the same facts (unless every fact is before relevantFromMs, which reaches no window)
    if (c.maxMs - c.minMs <= segmentGapMs) out.push(c);
    else splitCustomer(c, groups, rules, segmentGapMs, relevantFromMs, out);
  }
  return out;
}

/** Where each group starts in a list grouped by `groupOf` (`m` groups; one more: the end). */
function groupStarts(groupOf: Int32Array, m: number): Int32Array {
  const start = new Int32Array(m + 1);
  for (let i = 0; i < groupOf.length; i++) {
    const d = (groupOf[i] as number) + 1;
    start[d] = (start[d] as number) + 1;
  }
  for (let d = 0; d < m; d++) start[d + 1] = (start[d + 1] as number) + (start[d] as number);
  return start;
}

/** The positions `0 … n−1` grouped by `groupOf`, in input order within a group. */
function groupBy(groupOf: Int32Array, start: Int32Array): Int32Array {
  const next = start.slice(0, -1);
  const out = new Int32Array(groupOf.length);
  for (let i = 0; i < groupOf.length; i++) {
    const d = groupOf[i] as number;
    out[next[d] as number] = i;
    next[d] = (next[d] as number) + 1;
  }
  return out;
}

/**
 * Splits a customer's sessions and orders wherever nothing happens for more than `gapMs`.
 * With `gapMs` longer than any chat window plus the attribution window, two segments never
 * share a window, a merge or an attribution, so they are measured independently: a history
 * re-measures only the segment whose facts change, not the customer's whole past. The
 * pre-/after-sales stage still looks at the customer's first order of all. Each segment is a
 * range of the customer's sorted sessions and one of its sorted orders.
 */
function splitCustomer(
  c: CustomerEntity,
  groups: Groups,
  rules: MeasurementParameters,
  gapMs: number,
  relevantFromMs: number,
  out: CustomerEntity[],
): void {
  const { rows, sessions, orders } = groups;
  let seg: CustomerEntity | undefined;
  let segEnd = Number.NEGATIVE_INFINITY;
  const flush = () => {
    if (seg !== undefined && seg.maxMs >= relevantFromMs) out.push(seg);
  };
  let i = c.sFrom;
  let j = c.oFrom;
  while (i < c.sTo || j < c.oTo) {
    const p = i < c.sTo ? (sessions[i] as number) : -1;
    const o = j < c.oTo ? (orders[j] as number) : -1;
    // Stryker disable next-line EqualityOperator: a session and an order starting at the same instant join the same segment in either order (the second starts before the first one's end)
    const isPiece = p !== -1 && (o === -1 || rows.sessionStart(p) <= rows.orderPlaced(o));
    const start = isPiece ? rows.sessionStart(p) : rows.orderPlaced(o);
    const end = isPiece ? rows.sessionEnd(p) : rows.orderEnd(o);
    // Stryker disable next-line ConditionalExpression: before the first segment segEnd is −∞, so the gap test is true all the same
    if (seg === undefined || start - segEnd > gapMs) {
      flush();
      seg = new CustomerEntity(c.customerId, rules.chat, groups);
      seg.firstOrderAt = c.firstOrderAt;
      seg.sFrom = seg.sTo = i;
      seg.oFrom = seg.oTo = j;
      segEnd = Number.NEGATIVE_INFINITY;
    }
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (start < seg.minMs) seg.minMs = start;
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (end > seg.maxMs) seg.maxMs = end;
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (end > segEnd) segEnd = end;
    if (isPiece) {
      seg.sTo = ++i;
      // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
      if (end > seg.lastChatMs) seg.lastChatMs = end;
    } else {
      seg.oTo = ++j;
    }
  }
  flush();
}

/**
 * The customer family. Customers split where nothing happens for longer than the longest window
 * plus the attribution window: two segments then never share a window, a merge or an
 * attribution.
 */
export const customerFamily: Family<CustomerView> = {
  build(data, rules, scope) {
    const segmentGapMs =
      // Stryker disable next-line ArithmeticOperator: any gap longer than a window's span (30 days) plus attribution keeps a customer whole inside every window; the margin changes where entities are cut, not what they measure
      (scope.longestWindowDays + Math.ceil(rules.chat.attributionHours.value / 24) + 2) * DAY_MS;
    return buildCustomers(data, rules, scope.relevantFromMs, segmentGapMs, scope.knownBeforeMs);
  },
};
