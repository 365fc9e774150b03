/**
 * A store's data as it was known at an instant: every record created before it, every fact
 * stamped at or after it removed. What a forecast reads: "if nothing new happens".
 *
 * @module
 */
import { markParsed, type StoreData } from '../model.js';

/** `t` when it is known before `cutMs`, else `undefined`. */
function before(t: number | undefined, cutMs: number): number | undefined {
  return t !== undefined && t < cutMs ? t : undefined;
}

/**
 * The data known strictly before `cutMs`: records created at or after it are left out, and so
 * are their facts stamped at or after it (a payment, a reply, a rating, a ruling); a rating
 * without its instant is kept (the engine dates it from the facts that remain). Evaluated for
 * the day whose as-of instant is `cutMs`, it gives what the whole data gives (nothing stamped
 * at or after the as-of instant changes a result); for later days it answers "if nothing new
 * happens".
 *
 * @internal
 */
export function dataKnownBefore(data: StoreData, cutMs: number): StoreData {
  // Most records are wholly known: they are kept as they are, only the others are copied.
  const chatSessions = [];
  for (const s of data.chatSessions) {
    const last = s.messages[s.messages.length - 1]?.at ?? 0;
    if (last < cutMs && (s.ratedAt === undefined || s.ratedAt < cutMs)) {
      chatSessions.push(s);
      continue;
    }
    const messages = s.messages.filter((m) => m.at < cutMs);
    if (messages.length === 0) continue;
    const rated = s.rating !== undefined && (s.ratedAt === undefined || s.ratedAt < cutMs);
    chatSessions.push({
      ...s,
      messages,
      rating: rated ? s.rating : undefined,
      ratedAt: rated ? s.ratedAt : undefined,
    });
  }
  const orders = [];
  for (const o of data.orders) {
    if (o.placedAt >= cutMs) continue;
    if (
      before2(o.paidAt, o.cancelledAt, cutMs) &&
      before2(o.outboundAt, o.collectedAt, cutMs) &&
      before2(o.deliveredAt, undefined, cutMs)
    ) {
      orders.push(o);
      continue;
    }
    orders.push({
      ...o,
      paidAt: before(o.paidAt, cutMs),
      cancelledAt: before(o.cancelledAt, cutMs),
      outboundAt: before(o.outboundAt, cutMs),
      collectedAt: before(o.collectedAt, cutMs),
      deliveredAt: before(o.deliveredAt, cutMs),
    });
  }
  const reviews = [];
  for (const r of data.reviews) {
    if (r.createdAt >= cutMs) continue;
    reviews.push(
      before2(r.repliedAt, undefined, cutMs) ? r : { ...r, repliedAt: before(r.repliedAt, cutMs) },
    );
  }
  const serviceOrders = [];
  for (const s of data.serviceOrders) {
    if (s.appliedAt >= cutMs) continue;
    if (before2(s.approvedAt, s.rejectedAt, cutMs) && before2(s.completedAt, s.ratedAt, cutMs)) {
      serviceOrders.push(s);
      continue;
    }
    const rated = s.rating !== undefined && (s.ratedAt === undefined || s.ratedAt < cutMs);
    serviceOrders.push({
      ...s,
      approvedAt: before(s.approvedAt, cutMs),
      rejectedAt: before(s.rejectedAt, cutMs),
      completedAt: before(s.completedAt, cutMs),
      rating: rated ? s.rating : undefined,
      ratedAt: rated ? s.ratedAt : undefined,
    });
  }
  const disputes = [];
  for (const d of data.disputes) {
    if (d.openedAt >= cutMs) continue;
    if (before2(d.ruledAt, d.appealUpheldAt, cutMs)) {
      disputes.push(d);
      continue;
    }
    const ruled = d.ruledAt !== undefined && d.ruledAt < cutMs;
    disputes.push({
      ...d,
      ruling: ruled ? d.ruling : undefined,
      ruledAt: ruled ? d.ruledAt : undefined,
      ruledAtInferred: ruled ? d.ruledAtInferred : undefined,
      appealUpheldAt: before(d.appealUpheldAt, cutMs),
    });
  }
  const assuredServices = [];
  for (const a of data.assuredServices) {
    if (a.enabledAt >= cutMs) continue;
    assuredServices.push(
      before2(a.disabledAt, undefined, cutMs)
        ? a
        : { ...a, disabledAt: before(a.disabledAt, cutMs) },
    );
  }
  return markParsed({
    store: data.store,
    chatSessions,
    orders,
    reviews,
    serviceOrders,
    disputes,
    assuredServices,
  });
}

/** Whether both instants are before `cutMs` (an absent one counts as before). */
function before2(a: number | undefined, b: number | undefined, cutMs: number): boolean {
  return (a === undefined || a < cutMs) && (b === undefined || b < cutMs);
}
