import type { Order } from '../../model.js';
import { HOUR_MS } from '../../time/shanghai.js';
import type { MeasureContext } from '../_engine.js';
import type { MergedSession } from '../_views.js';

/** @internal The last instant (inclusive) at which an order is attributed to session `s`. */
export function attributionEnd(s: MergedSession, ctx: MeasureContext): number {
  return s.startAt + ctx.rules.chat.attributionHours.value * HOUR_MS;
}

/**
 * @internal Whether an order is attributed to a received pre-sales session of its customer:
 * placed no earlier than the session start and at most the attribution hours after it (both
 * ends inclusive), having happened, and not cancelled as of D (`docs/sources.md`).
 */
export function isAttributed(order: Order, s: MergedSession, ctx: MeasureContext): boolean {
  if (s.stage !== 'pre-sales' || s.firstReplyAt === undefined) return false;
  return (
    order.placedAt >= s.startAt &&
    order.placedAt <= attributionEnd(s, ctx) &&
    ctx.known(order.placedAt) &&
    !ctx.known(order.cancelledAt)
  );
}
