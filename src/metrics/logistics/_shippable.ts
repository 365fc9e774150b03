/**
 * Shared rules of the logistics metrics (`docs/sources.md`): which orders are
 * in them at all, and the ends of their deadline days.
 *
 * @module
 */

import type { MeasureContext } from '../../engine/types.js';
import { type DayNumber, dayStartMs } from '../../time/shanghai.js';
import type { OrderView } from '../_entities.js';

/**
 * The instant a Shanghai day ends: the next day's 00:00, excluded. "By the end of day X" means
 * strictly before `dayEndMs(X)`, so 23:59:59.999 is in time and 00:00 the next day is late.
 *
 * @example
 * ```ts
 * import { parseDayKey, toEpochMs } from '../../time/shanghai.js';
 * dayEndMs(parseDayKey('2026-11-01')) === toEpochMs('2026-11-02 00:00:00');
 * //=> true
 * ```
 */
export function dayEndMs(day: DayNumber): number {
  return dayStartMs(day + 1);
}

/**
 * Whether an order is in the logistics metrics as seen from an event anchored on `anchorDay`:
 * it must have become shippable (paid; placed for cash on delivery) and not have been cancelled
 * before the end of its collection due day.
 *
 * Replayable: when the anchor is on or after the due day, an anchor in the window means the due
 * day is over at the as-of instant, so the cancellation is compared with the deadline directly.
 * Only when the anchor comes earlier (an order delivered before its due day ended) does the
 * cancellation have to be known as of D (`ctx.known`).
 *
 * @example
 * ```ts
 * // Paid 2026-11-01 17:00 (due 11-02), cancelled 11-02 23:59:59.999: out of every logistics metric.
 * const data = parseStoreData({ store: { id: 's' }, orders: [{ id: 'o1', customerId: 'c1',
 *   placedAt: '2026-11-01 17:00:00', paidAt: '2026-11-01 17:00:00', amount: 100,
 *   cancelledAt: '2026-11-02T23:59:59.999+08:00', collectedAt: '2026-11-02 10:00:00' }] });
 * sameDayCollectionRate(data, { asOf: '2026-11-23' }).denominator.toString();
 * //=> '0'
 * // Cancelled at 11-03 00:00, after its due day: it stays.
 * const late = parseStoreData({ store: { id: 's' }, orders: [{ id: 'o1', customerId: 'c1',
 *   placedAt: '2026-11-01 17:00:00', paidAt: '2026-11-01 17:00:00', amount: 100,
 *   cancelledAt: '2026-11-03 00:00:00', collectedAt: '2026-11-02 10:00:00' }] });
 * sameDayCollectionRate(late, { asOf: '2026-11-23' }).denominator.toString();
 * //=> '1'
 * ```
 */
export function inLogistics(view: OrderView, anchorDay: DayNumber, ctx: MeasureContext): boolean {
  const due = view.collectionDueDay;
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: every caller returns first for an order without a due day (one never shippable)
  if (due === undefined) return false;
  const cancelledAt = view.order.cancelledAt;
  if (cancelledAt === undefined || cancelledAt >= dayEndMs(due)) return true;
  // Cancelled before the end of the due day: out, once the cancellation has happened as of D.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an anchor on or after the due day counts only from the next day, when a cancellation before the due day's end is known, so !ctx.known answers false all the same
  return anchorDay < due && !ctx.known(cancelledAt);
}
