import type { MeasureContext } from '../../engine/types.js';
import type { Order } from '../../model.js';
import { HOUR_MS } from '../../time/shanghai.js';
import type { MergedSession } from './_sessions.js';

/** @internal The last instant (inclusive) at which an order is attributed to session `s`. */
export function attributionEnd(s: MergedSession, ctx: MeasureContext): number {
  return s.startAt + ctx.rules.chat.attributionHours.value * HOUR_MS;
}

/**
 * @internal Whether a merged session is a received pre-sales consultation: the only sessions
 * conversion and the facilitated amount read. An offline message (留言) is never one, even when
 * it was answered: it counts only toward the message rate.
 */
export function isReceivedPresalesConsultation(s: MergedSession): boolean {
  return s.kind === 'consultation' && s.stage === 'pre-sales' && s.firstReplyAt !== undefined;
}

/**
 * @internal Whether an order is attributed to a received pre-sales consultation of its customer:
 * placed no earlier than the session start and at most the attribution hours after it (both
 * ends inclusive), having happened, and not cancelled as of D (`docs/sources.md`).
 */
export function isAttributed(order: Order, s: MergedSession, ctx: MeasureContext): boolean {
  if (!isReceivedPresalesConsultation(s)) return false;
  return (
    order.placedAt >= s.startAt &&
    order.placedAt <= attributionEnd(s, ctx) &&
    ctx.known(order.placedAt) &&
    !ctx.known(order.cancelledAt)
  );
}
