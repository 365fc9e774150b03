/**
 * What a scorecard rests on, beside the metrics: how the chat sessions' pre-/after-sales stage
 * was decided, and the span of days the data covers.
 *
 * @module
 */
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
  const firstOrder = new Map<string, number>();
  for (const o of data.orders) {
    const t = firstOrder.get(o.customerId);
    if (t === undefined || o.placedAt < t) firstOrder.set(o.customerId, o.placedAt);
  }
  let sessions = 0;
  let explicit = 0;
  let derivedPreSales = 0;
  let derivedAfterSales = 0;
  const asOfMs = dayStartMs(day);
  for (const s of data.chatSessions) {
    if (s.kind !== 'consultation') continue;
    const start = s.messages[0]?.at;
    if (start === undefined || start >= asOfMs) continue;
    const d = dayNumberOf(start);
    if (d < fromDay || d > toDay) continue;
    sessions++;
    if (s.stage !== undefined) explicit++;
    else if ((firstOrder.get(s.customerId) ?? Number.POSITIVE_INFINITY) < start)
      derivedAfterSales++;
    else derivedPreSales++;
  }
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
  for (const s of data.chatSessions) {
    see(s.messages[0]?.at);
    see(s.messages[s.messages.length - 1]?.at);
  }
  for (const o of data.orders) {
    see(o.placedAt);
    see(o.deliveredAt ?? o.collectedAt ?? o.outboundAt ?? o.paidAt);
  }
  for (const r of data.reviews) see(r.createdAt);
  for (const s of data.serviceOrders) see(s.completedAt ?? s.approvedAt ?? s.appliedAt);
  for (const d of data.disputes) see(d.openedAt);
  if (lo === Number.POSITIVE_INFINITY) return null;
  return { from: dayKeyOf(dayNumberOf(lo)), to: dayKeyOf(dayNumberOf(hi)) };
}
