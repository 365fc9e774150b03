/**
 * A store's data as it was known at an instant: every record created before it, every fact
 * stamped at or after it removed. What a forecast reads: "if nothing new happens".
 *
 * @module
 */
import {
  chatKnownBefore,
  disputeKnownBefore,
  orderKnownBefore,
  reviewKnownBefore,
  serviceKnownBefore,
  serviceOrderKnownBefore,
} from '../metrics/_knownBefore.js';
import { markParsed, type StoreData } from '../model.js';

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
  const keep = <T>(list: readonly T[], f: (x: T, cut: number) => T | undefined): T[] => {
    const out: T[] = [];
    for (const x of list) {
      const y = f(x, cutMs);
      if (y !== undefined) out.push(y);
    }
    return out;
  };
  return markParsed({
    store: data.store,
    chatSessions: keep(data.chatSessions, chatKnownBefore),
    orders: keep(data.orders, orderKnownBefore),
    reviews: keep(data.reviews, reviewKnownBefore),
    serviceOrders: keep(data.serviceOrders, serviceOrderKnownBefore),
    disputes: keep(data.disputes, disputeKnownBefore),
    assuredServices: keep(data.assuredServices, serviceKnownBefore),
    ...(data.notProvided === undefined ? {} : { notProvided: data.notProvided }),
  });
}
