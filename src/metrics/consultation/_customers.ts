/**
 * The customer family: one customer's chat sessions (merged as of D, `_sessions.ts`) and orders,
 * split where nothing happens for longer than any window can span.
 *
 * @module
 */
import { customerRecordsReaching } from '../../_packed.js';
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
import { byIdThen } from '../_entities.js';
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

class CustomerEntity implements Entity<CustomerView> {
  readonly customerId: string;
  readonly entityId: string;
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
  #settled: CustomerView | undefined;
  readonly #chat: ChatRules;

  constructor(customerId: string, chat: ChatRules) {
    this.customerId = customerId;
    this.entityId = customerId;
    this.#chat = chat;
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
 * Groups chat sessions and orders by customer, for the customers with a fact (a chat
 * message, a rating, an order placed or cancelled) at or after `relevantFromMs`: the others
 * cannot contribute to the days evaluated.
 */
export function buildCustomers(
  data: StoreData,
  rules: MeasurementParameters,
  relevantFromMs = Number.NEGATIVE_INFINITY,
  segmentGapMs = Number.POSITIVE_INFINITY,
  knownBeforeMs = Number.POSITIVE_INFINITY,
): CustomerEntity[] {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: without a cut-off (+∞) every fact is known before it, and the …KnownBefore functions return the record itself
  const cut = knownBeforeMs < Number.POSITIVE_INFINITY;
  let relevant: Set<string> | undefined;
  // Held column-wise, only the relevant customers' records are built (src/_packed.ts).
  const packed = customerRecordsReaching(data, relevantFromMs);
  const sessions = packed?.chatSessions ?? data.chatSessions;
  const orders = packed?.orders ?? data.orders;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path: with no bound (−∞) the set would hold every customer, which is what skipping it means
  if (packed === undefined && relevantFromMs > Number.NEGATIVE_INFINITY) {
    relevant = new Set<string>();
    for (const s of sessions) if (lastChatFact(s) >= relevantFromMs) relevant.add(s.customerId);
    for (const o of orders) if (lastOrderFact(o) >= relevantFromMs) relevant.add(o.customerId);
  }
  // Entities in the order their customer first appears; looked up by the customer's number in
  // the store's columns when held column-wise (no string hashing), else by id.
  const entities: CustomerEntity[] = [];
  const byId = new Map<string, CustomerEntity>();
  // Sized once: filled sparsely, an array grown by index would turn into a dictionary.
  const byNumber: (CustomerEntity | undefined)[] = new Array(packed?.customerCount ?? 0);
  const get = (id: string, number: number | undefined): CustomerEntity => {
    let c = number === undefined ? byId.get(id) : byNumber[number];
    if (c === undefined) {
      c = new CustomerEntity(id, rules.chat);
      if (number === undefined) byId.set(id, c);
      else byNumber[number] = c;
      entities.push(c);
    }
    return c;
  };
  const sessionCustomer = packed?.chatCustomer;
  const orderCustomer = packed?.orderCustomer;
  for (let i = 0; i < sessions.length; i++) {
    const raw = sessions[i] as ChatSession;
    if (relevant !== undefined && !relevant.has(raw.customerId)) continue;
    const s = cut ? chatKnownBefore(raw, knownBeforeMs) : raw;
    if (s === undefined) continue;
    const c = get(s.customerId, sessionCustomer?.[i]);
    c.pieces.push(s);
    const first = startOf(s);
    const lastFact = lastChatFact(s);
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (first < c.minMs) c.minMs = first;
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (lastFact > c.maxMs) c.maxMs = lastFact;
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (lastFact > c.lastChatMs) c.lastChatMs = lastFact;
  }
  for (let i = 0; i < orders.length; i++) {
    const raw = orders[i] as Order;
    if (relevant !== undefined && !relevant.has(raw.customerId)) continue;
    const o = cut ? orderKnownBefore(raw, knownBeforeMs) : raw;
    if (o === undefined) continue;
    const c = get(o.customerId, orderCustomer?.[i]);
    c.orders.push(o);
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (o.placedAt < c.minMs) c.minMs = o.placedAt;
    const last = lastOrderFact(o);
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (last > c.maxMs) c.maxMs = last;
  }
  const out: CustomerEntity[] = [];
  for (const c of entities) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sorting a list of one (or none) changes nothing
    if (c.pieces.length > 1) c.pieces.sort(byStartThenId);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: sorting a list of one (or none) changes nothing
    if (c.orders.length > 1) c.orders.sort(byPlacedThenId);
    c.firstOrderAt = c.orders[0]?.placedAt ?? Number.POSITIVE_INFINITY;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: splitting a customer whose facts all lie within the gap gives one segment with the same facts (unless every fact is before relevantFromMs, which reaches no window)
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
  rules: MeasurementParameters,
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
    // Stryker disable next-line EqualityOperator: a session and an order starting at the same instant join the same segment in either order (the second starts before the first one's end)
    const isPiece = p !== undefined && (o === undefined || startOf(p) <= o.placedAt);
    const start = isPiece ? startOf(p) : (o as Order).placedAt;
    const end = isPiece ? lastChatFact(p) : lastOrderFact(o as Order);
    // Stryker disable next-line ConditionalExpression: before the first segment segEnd is −∞, so the gap test is true all the same
    if (seg === undefined || start - segEnd > gapMs) {
      flush();
      seg = new CustomerEntity(c.customerId, rules.chat);
      seg.firstOrderAt = c.firstOrderAt;
      segEnd = Number.NEGATIVE_INFINITY;
    }
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (start < seg.minMs) seg.minMs = start;
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (end > seg.maxMs) seg.maxMs = end;
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (end > segEnd) segEnd = end;
    if (isPiece) {
      seg.pieces.push(p);
      // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
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
