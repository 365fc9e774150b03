/**
 * What is still open at an instant and by when: the cases whose outcome will count in a metric
 * and can still be decided, each with its deadline. Follows from the measuring rules alone,
 * with no scoring assumption.
 *
 * @module
 */
import type { IdArena } from '../_idArena.js';
import { idSetOf, recordsWhere } from '../_packed.js';
import { ArgumentError } from '../errors.js';
import { shippableOf } from '../metrics/_entities.js';
import type { MetricId } from '../metrics/catalogue.js';
import { mergeSessions } from '../metrics/consultation/_sessions.js';
import { dayEndMs } from '../metrics/logistics/_shippable.js';
import { handlingDeadlineMs, isMediumOrNegative } from '../metrics/reviews/_latestReviews.js';
import { isParsedStoreData, latestFactMs, type Stars, type StoreData } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import { formatShanghaiInstant, HOUR_MS, toEpochMs } from '../time/shanghai.js';

/** `2026-11-22 10:00:00`: an instant as a merchant reads it (Shanghai time). */
const local = (ms: number) => formatShanghaiInstant(ms).slice(0, 19).replace('T', ' ');

/** One open case: what it is, by when, and what meeting or missing the deadline does. */
export interface OpenDeadline {
  /** The metric the outcome counts in. */
  readonly metric: MetricId;
  /** The review, order or service order id; the session id (its first piece) for chats. */
  readonly recordId: string;
  /** The customer. */
  readonly customerId: string;
  /** The last instant at which the case can still be met, ISO-8601 with `+08:00`. */
  readonly deadline: string;
  /** The same deadline, epoch ms. */
  readonly deadlineMs: number;
  /** Milliseconds left at `at` (0 when the deadline is `at` itself). */
  readonly leftMs: number;
  /** What the case is, in words. */
  readonly what: string;
  /** What meeting the deadline adds to the metric's tally (numerator / denominator). */
  readonly ifMet: string;
  /** What missing it adds. */
  readonly ifMissed: string;
  /** After-sales duration only: hours already on the service order's clock at `at`. */
  readonly hoursOnClock?: number;
}

/** Options of {@link openDeadlines}. */
export interface OpenDeadlinesOptions {
  /** The instant to look from (any instant, not only midnight): nothing stamped at or after it is known. */
  readonly at: string | number | Date;
  /** Rules; the default rule set by default. */
  readonly ruleSet?: RuleSet;
}

/**
 * Every case still open at `at` that will count in a metric, soonest deadline first (then by
 * metric and record id): medium and negative reviews not yet replied (due 24 h after creation;
 * a reply at exactly 24 h is in time), shippable orders not yet collected (due by the end of
 * their collection due day; the cut-off hour decides the day), orders not yet delivered (due by
 * the end of the shippable day + `arrivalDays`), approved service orders not completed (with
 * the hours on their clock; due when they would pass the 60 h of the "long after-sales times"
 * consumer warning, the rule set's `consumerWarnings`), and pre-sales consultations in the
 * assessment hours waiting for a first reply (due 30 s after the customer's first message).
 *
 * A deadline that has passed is not open. "By the end of day X" is 23:59:59.999 of X.
 *
 * @throws {ArgumentError} on data that did not come from `parseStoreData` or a malformed `at`.
 *
 * @example
 * ```ts
 * const open = openDeadlines(data, { at: '2026-11-22 10:00' });
 * open[0];
 * //=> { metric: 'logistics.next-day-arrival-rate', recordId: 'O000001618', deadline: '2026-11-22T23:59:59.999+08:00', … }
 * ```
 */
export function openDeadlines(data: StoreData, options: OpenDeadlinesOptions): OpenDeadline[] {
  if (!isParsedStoreData(data)) {
    throw new ArgumentError('openDeadlines: expected store data returned by parseStoreData');
  }
  const atMs = toEpochMs(options?.at);
  if (typeof atMs !== 'number') {
    throw new ArgumentError(`openDeadlines: expected at as an instant, ${atMs.error}`);
  }
  return listOpenDeadlines(data, atMs, options.ruleSet ?? defaultRuleSet, 'all');
}

/**
 * The open deadlines at `atMs` of checked data; with `'reviews-and-chats'`, those of reviews and
 * chats only: a forecast finds the orders' in its own pass, without reading every order again,
 * and an after-sales duration's open case adds nothing to a forecast's sums.
 *
 * @internal
 */
export function listOpenDeadlines(
  data: StoreData,
  atMs: number,
  rules: RuleSet,
  kinds: 'all' | 'reviews-and-chats',
): OpenDeadline[] {
  const all = kinds === 'all';
  const known = (t: number | undefined): t is number => t !== undefined && t < atMs;
  const out: OpenDeadline[] = [];
  // Each loop checks the deadline before it describes the case: most records are long decided,
  // and a forecast asks at its cut-off over the whole data.
  const open = (deadlineMs: number) => deadlineMs >= atMs;
  const push = (
    e: Omit<OpenDeadline, 'deadline' | 'leftMs' | 'deadlineMs'> & { readonly deadlineMs: number },
  ) => {
    const { metric, recordId, customerId, deadlineMs, ...rest } = e;
    out.push({
      metric,
      recordId,
      customerId,
      deadline: formatShanghaiInstant(deadlineMs),
      deadlineMs,
      leftMs: deadlineMs - atMs,
      ...rest,
    });
  };

  // Reviews: 24-hour handling of medium and negative reviews.
  // Held column-wise, only the reviews that may be waiting are built (src/_packed.ts).
  const reviews = recordsWhere(
    data,
    'reviews',
    (c, i) =>
      c.excluded[i] === 0 &&
      isMediumOrNegative(c.stars[i] as Stars) &&
      (c.createdAt[i] as number) < atMs &&
      !((c.repliedAt[i] as number) < atMs),
  );
  for (const r of reviews) {
    if (r.excluded || !isMediumOrNegative(r.stars) || !known(r.createdAt) || known(r.repliedAt))
      continue;
    const deadlineMs = handlingDeadlineMs(r, rules);
    if (!open(deadlineMs)) continue;
    push({
      metric: 'reviews.negative-handling-rate-24h',
      recordId: r.id,
      customerId: r.customerId,
      deadlineMs,
      what: `${r.stars}-star review created ${local(r.createdAt)}, not replied`,
      ifMet: 'handled in time: +1 / +1',
      ifMissed: 'not handled in time: +0 / +1',
    });
  }

  // Orders: same-day collection and next-day arrival.
  const cutoffMs = rules.logistics.collectionCutoffHour.value * HOUR_MS;
  const arrivalDays = rules.logistics.arrivalDays.value;
  const orders = all
    ? recordsWhere(
        data,
        'orders',
        (c, i) => !((c.collectedAt[i] as number) < atMs && (c.deliveredAt[i] as number) < atMs),
      )
    : [];
  for (const o of orders) {
    // Decided orders first, without building their shippable instant.
    if (known(o.collectedAt) && known(o.deliveredAt)) continue;
    const ship = shippableOf(o, cutoffMs);
    if (ship === undefined || !known(ship.at) || known(o.cancelledAt)) continue;
    const { at: shippableAt, day: shippableDay, collectionDueDay: dueDay } = ship;
    const collectBy = dayEndMs(dueDay) - 1;
    if (!known(o.collectedAt) && open(collectBy)) {
      push({
        metric: 'logistics.same-day-collection-rate',
        recordId: o.id,
        customerId: o.customerId,
        deadlineMs: collectBy,
        what: `order shippable ${local(shippableAt)}, not collected`,
        ifMet: 'collected by the end of its due day: +1 / +1',
        ifMissed: 'not collected in time: +0 / +1',
      });
    }
    const deliverBy = dayEndMs(shippableDay + arrivalDays) - 1;
    if (!known(o.deliveredAt) && open(deliverBy)) {
      push({
        metric: 'logistics.next-day-arrival-rate',
        recordId: o.id,
        customerId: o.customerId,
        deadlineMs: deliverBy,
        what: `order shippable ${local(shippableAt)}, not delivered`,
        ifMet: `delivered by the end of the shippable day + ${arrivalDays}: +1 / +1`,
        ifMissed: 'not delivered in time: +0 / +1',
      });
    }
  }

  // Service orders: approved, not completed (the after-sales duration's clock runs).
  let customerOf: Map<string, string> | undefined;
  const warnHours = rules.consumerWarnings.longAfterSalesTimes.value.minHoursExclusive;
  for (const s of all ? data.serviceOrders : []) {
    if (!known(s.approvedAt) || known(s.completedAt) || known(s.rejectedAt)) continue;
    const deadlineMs = s.appliedAt + warnHours * HOUR_MS;
    if (!open(deadlineMs)) continue;
    customerOf ??= customersOfServiceOrders(data, atMs, warnHours);
    const hoursOnClock = (atMs - s.appliedAt) / HOUR_MS;
    push({
      metric: 'after-sales.duration',
      recordId: s.id,
      customerId: customerOf.get(s.orderId) ?? '',
      deadlineMs,
      what: `${s.type} service order applied ${local(s.appliedAt)}, approved, not completed`,
      ifMet: `completed within ${warnHours} h: adds its hours to the average, below the warning line`,
      ifMissed: `every further hour adds to the average; past ${warnHours} h it weighs toward the "long after-sales times" warning`,
      hoursOnClock,
    });
  }

  // Chats: pre-sales consultations in the assessment hours waiting for a first reply.
  const limitMs = rules.chat.responseThresholdSeconds.value * 1000;
  // A session waiting at `at` has its first customer message in [at − limit, at): only the
  // customers with such a message are merged (the others have nothing open), so that a
  // forecast, which asks at its cut-off, does not merge every customer's history again.
  const waiting = new Set<string>();
  // Data whose latest fact (the parser's note) is before the span has no such message.
  const latest = latestFactMs(data);
  const chats =
    latest === undefined || latest >= atMs - limitMs
      ? recordsWhere(
          data,
          'chatSessions',
          (c, i) => (c.msgAt[(c.msgStart[i + 1] as number) - 1] as number) >= atMs - limitMs,
        )
      : [];
  for (const s of chats) {
    // Messages are in time order: a session whose messages all lie before the span has none in it.
    const last = s.messages[s.messages.length - 1];
    if (last === undefined || last.at < atMs - limitMs) continue;
    for (const m of s.messages) {
      if (m.from === 'customer' && m.at >= atMs - limitMs && m.at < atMs) {
        waiting.add(s.customerId);
        break;
      }
    }
  }
  const byCustomer = new Map<string, StoreData['chatSessions'][number][]>();
  // Tested on the columns by customer number, each number looked up once (1 waiting, 2 not):
  // the customer ids are hashed where they are stored, not built as strings.
  const waitingIds = idSetOf(waiting);
  let marks: Int8Array | undefined;
  const ofWaiting = (c: { customer: Int32Array }, i: number, customers: IdArena) => {
    const k = c.customer[i] as number;
    marks ??= new Int8Array(customers.length);
    if (marks[k] === 0) marks[k] = waitingIds.findAt(customers, k) === -1 ? 2 : 1;
    return marks[k] === 1;
  };
  for (const s of waiting.size === 0 ? [] : recordsWhere(data, 'chatSessions', ofWaiting)) {
    if (!waiting.has(s.customerId)) continue;
    const list = byCustomer.get(s.customerId);
    if (list === undefined) byCustomer.set(s.customerId, [s]);
    else list.push(s);
  }
  const firstOrder = new Map<string, number>();
  for (const o of waiting.size === 0 ? [] : recordsWhere(data, 'orders', ofWaiting)) {
    if (!waiting.has(o.customerId) || !known(o.placedAt)) continue;
    const prev = firstOrder.get(o.customerId);
    if (prev === undefined || o.placedAt < prev) firstOrder.set(o.customerId, o.placedAt);
  }
  const start = (s: StoreData['chatSessions'][number]) => s.messages[0]?.at ?? 0;
  for (const [customerId, pieces] of byCustomer) {
    pieces.sort((a, b) => start(a) - start(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const merged = mergeSessions(
      pieces,
      firstOrder.get(customerId) ?? Number.POSITIVE_INFINITY,
      rules.chat,
      { known: (t) => known(t) },
    );
    for (const m of merged) {
      if (m.kind !== 'consultation' || m.stage !== 'pre-sales' || !m.inAssessmentHours) continue;
      if (m.firstReplyAt !== undefined || !open(m.firstCustomerAt + limitMs)) continue;
      push({
        metric: 'consultation.response-rate-30s',
        recordId: m.id,
        customerId,
        deadlineMs: m.firstCustomerAt + limitMs,
        what: `pre-sales consultation since ${local(m.firstCustomerAt)}, no reply yet`,
        ifMet: 'first reply in time: +1 / +1',
        ifMissed: 'no reply in time: +0 / +1',
      });
    }
  }

  return out.sort(
    (a, b) =>
      a.deadlineMs - b.deadlineMs ||
      (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) ||
      (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0),
  );
}

/**
 * The customer of each order an open service order names: one pass over the orders, keeping
 * only those (a map of every order would cost more than the pass).
 */
function customersOfServiceOrders(
  data: StoreData,
  atMs: number,
  warnHours: number,
): Map<string, string> {
  const need = new Set<string>();
  for (const s of data.serviceOrders)
    if (s.appliedAt + warnHours * HOUR_MS >= atMs) need.add(s.orderId);
  const out = new Map<string, string>();
  const needIds = idSetOf(need);
  for (const o of recordsWhere(data, 'orders', (c, i) => needIds.findAt(c.ids, i) !== -1))
    if (need.has(o.id)) out.set(o.id, o.customerId);
  return out;
}
