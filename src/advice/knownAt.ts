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
  const chatSessions = [];
  for (const s of data.chatSessions) {
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
  const orders = data.orders
    .filter((o) => o.placedAt < cutMs)
    .map((o) => ({
      ...o,
      paidAt: before(o.paidAt, cutMs),
      cancelledAt: before(o.cancelledAt, cutMs),
      outboundAt: before(o.outboundAt, cutMs),
      collectedAt: before(o.collectedAt, cutMs),
      deliveredAt: before(o.deliveredAt, cutMs),
    }));
  const reviews = data.reviews
    .filter((r) => r.createdAt < cutMs)
    .map((r) => ({ ...r, repliedAt: before(r.repliedAt, cutMs) }));
  const serviceOrders = data.serviceOrders
    .filter((s) => s.appliedAt < cutMs)
    .map((s) => {
      const rated = s.rating !== undefined && (s.ratedAt === undefined || s.ratedAt < cutMs);
      return {
        ...s,
        approvedAt: before(s.approvedAt, cutMs),
        rejectedAt: before(s.rejectedAt, cutMs),
        completedAt: before(s.completedAt, cutMs),
        rating: rated ? s.rating : undefined,
        ratedAt: rated ? s.ratedAt : undefined,
      };
    });
  const disputes = data.disputes
    .filter((d) => d.openedAt < cutMs)
    .map((d) => {
      const ruled = d.ruledAt !== undefined && d.ruledAt < cutMs;
      return {
        ...d,
        ruling: ruled ? d.ruling : undefined,
        ruledAt: ruled ? d.ruledAt : undefined,
        ruledAtInferred: ruled ? d.ruledAtInferred : undefined,
        appealUpheldAt: before(d.appealUpheldAt, cutMs),
      };
    });
  const assuredServices = data.assuredServices
    .filter((a) => a.enabledAt < cutMs)
    .map((a) => ({ ...a, disabledAt: before(a.disabledAt, cutMs) }));
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
