/**
 * Records as they were known before an instant (a forecast's knowledge cut-off): `undefined`
 * for a record created at or after it, the record itself when every fact of it is known, else
 * a copy without the facts stamped at or after it. A rating without its instant is kept: the
 * engine dates it from the facts that remain.
 *
 * @module
 */
import type {
  AssuredService,
  ChatSession,
  Dispute,
  Order,
  Review,
  ServiceOrder,
} from '../model.js';

/** `t` when it is known before `cut`, else `undefined`. */
function before(t: number | undefined, cut: number): number | undefined {
  // Stryker disable next-line ConditionalExpression: a comparison with undefined is false: without the guard an absent instant still gives undefined
  return t !== undefined && t < cut ? t : undefined;
}

/** Whether both instants are before `cut` (an absent one counts as before). */
function before2(a: number | undefined, b: number | undefined, cut: number): boolean {
  return (a === undefined || a < cut) && (b === undefined || b < cut);
}

/** @internal */
export function chatKnownBefore(s: ChatSession, cut: number): ChatSession | undefined {
  // Stryker disable next-line OptionalChaining: a parsed session has at least one message
  const last = s.messages[s.messages.length - 1]?.at ?? 0;
  if (last < cut && (s.ratedAt === undefined || s.ratedAt < cut)) return s;
  const messages = s.messages.filter((m) => m.at < cut);
  if (messages.length === 0) return undefined;
  const rated = s.rating !== undefined && (s.ratedAt === undefined || s.ratedAt < cut);
  return {
    ...s,
    messages,
    rating: rated ? s.rating : undefined,
    ratedAt: rated ? s.ratedAt : undefined,
  };
}

/** @internal */
export function orderKnownBefore(o: Order, cut: number): Order | undefined {
  if (o.placedAt >= cut) return undefined;
  if (
    before2(o.paidAt, o.cancelledAt, cut) &&
    before2(o.outboundAt, o.collectedAt, cut) &&
    before2(o.deliveredAt, undefined, cut)
  )
    return o;
  return {
    ...o,
    paidAt: before(o.paidAt, cut),
    cancelledAt: before(o.cancelledAt, cut),
    outboundAt: before(o.outboundAt, cut),
    collectedAt: before(o.collectedAt, cut),
    deliveredAt: before(o.deliveredAt, cut),
  };
}

/** @internal */
export function reviewKnownBefore(r: Review, cut: number): Review | undefined {
  if (r.createdAt >= cut) return undefined;
  return before2(r.repliedAt, undefined, cut) ? r : { ...r, repliedAt: before(r.repliedAt, cut) };
}

/** @internal */
export function serviceOrderKnownBefore(s: ServiceOrder, cut: number): ServiceOrder | undefined {
  if (s.appliedAt >= cut) return undefined;
  if (before2(s.approvedAt, s.rejectedAt, cut) && before2(s.completedAt, s.ratedAt, cut)) return s;
  const rated = s.rating !== undefined && (s.ratedAt === undefined || s.ratedAt < cut);
  return {
    ...s,
    approvedAt: before(s.approvedAt, cut),
    rejectedAt: before(s.rejectedAt, cut),
    completedAt: before(s.completedAt, cut),
    rating: rated ? s.rating : undefined,
    ratedAt: rated ? s.ratedAt : undefined,
  };
}

/** @internal */
export function disputeKnownBefore(d: Dispute, cut: number): Dispute | undefined {
  if (d.openedAt >= cut) return undefined;
  if (before2(d.ruledAt, d.appealUpheldAt, cut)) return d;
  // Stryker disable next-line ConditionalExpression: a comparison with undefined is false: without the guard a dispute never ruled is still not ruled
  const ruled = d.ruledAt !== undefined && d.ruledAt < cut;
  return {
    ...d,
    ruling: ruled ? d.ruling : undefined,
    ruledAt: ruled ? d.ruledAt : undefined,
    ruledAtInferred: ruled ? d.ruledAtInferred : undefined,
    appealUpheldAt: before(d.appealUpheldAt, cut),
  };
}

/** @internal */
export function serviceKnownBefore(a: AssuredService, cut: number): AssuredService | undefined {
  if (a.enabledAt >= cut) return undefined;
  return before2(a.disabledAt, undefined, cut)
    ? a
    : { ...a, disabledAt: before(a.disabledAt, cut) };
}
