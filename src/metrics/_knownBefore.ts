/**
 * Records as they were known before an instant (a forecast's knowledge cut-off): `undefined`
 * for a record created at or after it, the record itself when every fact of it is known, else
 * a copy without the facts stamped at or after it. A rating without its instant is kept: the
 * engine dates it from the facts that remain.
 *
 * @module
 */
import {
  type AssuredService,
  type ChatSession,
  type Dispute,
  LATEST_FACT_OF,
  type Order,
  type Review,
  type ServiceOrder,
} from '../model.js';

/** `t` when it is known before `cut`, else `undefined`. */
function before(t: number | undefined, cut: number): number | undefined {
  // Stryker disable next-line ConditionalExpression: a comparison with undefined is false: without the guard an absent instant still gives undefined
  return t !== undefined && t < cut ? t : undefined;
}

/** @internal */
export function chatKnownBefore(s: ChatSession, cut: number): ChatSession | undefined {
  if (LATEST_FACT_OF.chatSessions(s) < cut) return s;
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
  if (LATEST_FACT_OF.orders(o) < cut) return o;
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
  return LATEST_FACT_OF.reviews(r) < cut ? r : { ...r, repliedAt: before(r.repliedAt, cut) };
}

/** @internal */
export function serviceOrderKnownBefore(s: ServiceOrder, cut: number): ServiceOrder | undefined {
  if (s.appliedAt >= cut) return undefined;
  if (LATEST_FACT_OF.serviceOrders(s) < cut) return s;
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
  if (LATEST_FACT_OF.disputes(d) < cut) return d;
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
  return LATEST_FACT_OF.assuredServices(a) < cut
    ? a
    : { ...a, disabledAt: before(a.disabledAt, cut) };
}
