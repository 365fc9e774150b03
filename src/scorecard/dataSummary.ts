/**
 * What a scorecard rests on, beside the metrics: how the chat sessions' pre-/after-sales stage
 * was decided, and the span of days the data covers.
 *
 * @module
 */
import { columnsOf } from '../_packed.js';
import { ArgumentError } from '../errors.js';
import { isParsedStoreData, type StoreData } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import { dayKeyOf, dayNumberOf, dayStartMs, parseDayKey } from '../time/shanghai.js';
import { type DayRange, resolveWindow } from '../time/window.js';

/**
 * Options of {@link chatStageCounts}.
 *
 * @example
 * ```ts
 * const options: ChatStageCountsOptions = { asOf: '2026-11-23' };
 * chatStageCounts(data, options).window;
 * //=> { from: '2026-10-19', to: '2026-11-17' }
 * ```
 */
export interface ChatStageCountsOptions {
  /** The evaluation day, `YYYY-MM-DD` (Shanghai). */
  readonly asOf: string;
  /** Rules (the chat window); {@link defaultRuleSet} by default. */
  readonly ruleSet?: RuleSet;
}

/**
 * How the stage of the consultations in the chat window was decided.
 *
 * @example
 * ```ts
 * const c: ChatStageCounts = chatStageCounts(data, { asOf: '2026-11-23' });
 * c.derivedPreSales + c.derivedAfterSales + c.explicit === c.sessions;
 * //=> true
 * ```
 */
export interface ChatStageCounts {
  /** The chat window (that of the 30-second response rate). */
  readonly window: DayRange;
  /** Consultation session records starting in the window (before merging). */
  readonly sessions: number;
  /** With an explicit `stage` in the input. */
  readonly explicit: number;
  /** Without one, derived pre-sales (the customer had no order placed before the session). */
  readonly derivedPreSales: number;
  /** Without one, derived after-sales (the customer had an order placed before the session). */
  readonly derivedAfterSales: number;
}

function assertParsed(data: StoreData): void {
  if (!isParsedStoreData(data))
    throw new ArgumentError(
      'Expected store data returned by parseStoreData, found data that did not come from it',
    );
}

/**
 * Counts the consultation sessions starting in the chat window by how their pre-/after-sales
 * stage was decided: given in the input, or derived from the customer's earlier orders. The
 * stage decides which satisfaction a rating feeds and which sessions the 30-second rate and
 * conversion count, so an export without stages should be checked here first. Counts session
 * records as given (pieces a customer's return within 10 minutes merges are counted apart).
 *
 * @example
 * ```ts
 * chatStageCounts(data, { asOf: '2026-11-23' });
 * //=> { window: { from: '2026-10-19', to: '2026-11-17' }, sessions: 248, explicit: 88,
 * //     derivedPreSales: 141, derivedAfterSales: 19 }
 * ```
 */
export function chatStageCounts(data: StoreData, options: ChatStageCountsOptions): ChatStageCounts {
  assertParsed(data);
  const day = parseDayKey(options?.asOf, 'asOf');
  const rules = options.ruleSet ?? defaultRuleSet;
  const spec = rules.windows['consultation.response-rate-30s'].value;
  const fromDay = day - spec.fromDaysBack;
  const toDay = day - spec.toDaysBack;
  const asOfMs = dayStartMs(day);
  const counts = { sessions: 0, explicit: 0, derivedPreSales: 0, derivedAfterSales: 0 };
  const count = (start: number, kind: string, stage: unknown, firstOrderAt: number) => {
    if (kind !== 'consultation' || start >= asOfMs) return;
    const d = dayNumberOf(start);
    if (d < fromDay || d > toDay) return;
    counts.sessions++;
    if (stage !== undefined) counts.explicit++;
    else if (firstOrderAt < start) counts.derivedAfterSales++;
    else counts.derivedPreSales++;
  };
  const chats = columnsOf(data, 'chatSessions');
  const orders = columnsOf(data, 'orders');
  if (chats !== undefined && orders !== undefined) {
    // Held column-wise: the same counts on the columns, without building the records (the
    // collections share one table of customer ids).
    const o = orders.col;
    const firstOrder = new Float64Array(orders.columns.customers.length).fill(
      Number.POSITIVE_INFINITY,
    );
    for (let i = 0; i < o.length; i++) {
      const k = o.customer[i] as number;
      if ((o.placedAt[i] as number) < (firstOrder[k] as number))
        firstOrder[k] = o.placedAt[i] as number;
    }
    const c = chats.col;
    for (let i = 0; i < c.length; i++) {
      count(
        c.msgAt[c.msgStart[i] as number] as number,
        c.kind[i] === 0 ? 'consultation' : 'offline-message',
        c.stage[i] === 0 ? undefined : c.stage[i],
        firstOrder[c.customer[i] as number] as number,
      );
    }
  } else {
    const firstOrder = new Map<string, number>();
    for (const o of data.orders) {
      const t = firstOrder.get(o.customerId);
      if (t === undefined || o.placedAt < t) firstOrder.set(o.customerId, o.placedAt);
    }
    for (const s of data.chatSessions) {
      const start = s.messages[0]?.at;
      if (start === undefined) continue;
      count(start, s.kind, s.stage, firstOrder.get(s.customerId) ?? Number.POSITIVE_INFINITY);
    }
  }
  const { sessions, explicit, derivedPreSales, derivedAfterSales } = counts;
  return {
    window: resolveWindow(day, spec),
    sessions,
    explicit,
    derivedPreSales,
    derivedAfterSales,
  };
}

/**
 * The days the data covers: from the day of its earliest instant to the day of its latest
 * (Shanghai), over every record's instants; `null` for a store without records.
 *
 * @example
 * ```ts
 * dataSpan(parseStoreData(json));
 * //=> { from: '2026-05-07', to: '2026-11-22' }
 * dataSpan(parseStoreData({ store: { id: 's' } }));
 * //=> null
 * ```
 */
export function dataSpan(data: StoreData): DayRange | null {
  assertParsed(data);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const see = (t: number | undefined) => {
    if (t === undefined) return;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  };
  const chats = columnsOf(data, 'chatSessions')?.col;
  if (chats === undefined)
    for (const s of data.chatSessions) {
      see(s.messages[0]?.at);
      see(s.messages[s.messages.length - 1]?.at);
    }
  else
    for (let i = 0; i < chats.length; i++) {
      see(chats.msgAt[chats.msgStart[i] as number]);
      see(chats.msgAt[(chats.msgStart[i + 1] as number) - 1]);
    }
  const orders = columnsOf(data, 'orders')?.col;
  if (orders === undefined)
    for (const o of data.orders) {
      see(o.placedAt);
      see(o.deliveredAt ?? o.collectedAt ?? o.outboundAt ?? o.paidAt);
    }
  else
    for (let i = 0; i < orders.length; i++) {
      see(orders.placedAt[i]);
      // The first of these present (an absent instant is NaN).
      let t = orders.deliveredAt[i] as number;
      if (Number.isNaN(t)) t = orders.collectedAt[i] as number;
      if (Number.isNaN(t)) t = orders.outboundAt[i] as number;
      if (Number.isNaN(t)) t = orders.paidAt[i] as number;
      if (!Number.isNaN(t)) see(t);
    }
  const reviews = columnsOf(data, 'reviews')?.col;
  if (reviews === undefined) for (const r of data.reviews) see(r.createdAt);
  else for (let i = 0; i < reviews.length; i++) see(reviews.createdAt[i]);
  for (const s of data.serviceOrders) see(s.completedAt ?? s.approvedAt ?? s.appliedAt);
  for (const d of data.disputes) see(d.openedAt);
  if (lo === Number.POSITIVE_INFINITY) return null;
  return { from: dayKeyOf(dayNumberOf(lo)), to: dayKeyOf(dayNumberOf(hi)) };
}
