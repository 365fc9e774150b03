/**
 * Test builders: normalised records with defaults, and Shanghai-time instants.
 * Tests build `StoreData` directly (parse is tested on its own) so that each test states only
 * the fields that matter.
 */
import type {
  AssuredService,
  ChatMessage,
  ChatSession,
  Dispute,
  Order,
  Review,
  ServiceOrder,
  StoreData,
} from '../src/model.js';
import { markParsed } from '../src/model.js';
import { toEpochMs } from '../src/time/shanghai.js';

/** Epoch ms of a Shanghai local time `YYYY-MM-DD HH:mm[:ss[.SSS]]`. */
export function sh(local: string): number {
  const ms = toEpochMs(local);
  if (typeof ms !== 'number') throw new Error(ms.error);
  return ms;
}

let seq = 0;
const nextId = (p: string) => `${p}${++seq}`;

/** A chat session; `messages` as [sender, Shanghai time] pairs. */
export function chat(
  customerId: string,
  messages: [ChatMessage['from'], string][],
  extra: Partial<Omit<ChatSession, 'messages' | 'customerId'>> = {},
): ChatSession {
  return {
    id: nextId('c'),
    customerId,
    kind: 'consultation',
    messages: messages.map(([from, at]) => ({ from, at: sh(at) })).sort((a, b) => a.at - b.at),
    ...extra,
  };
}

/** An order placed (and, unless overridden, paid) at `placed`. */
export function order(
  customerId: string,
  placed: string,
  extra: Partial<Omit<Order, 'customerId'>> = {},
): Order {
  return {
    id: nextId('o'),
    customerId,
    placedAt: sh(placed),
    paidAt: sh(placed),
    cashOnDelivery: false,
    amountFen: 10_000,
    units: 1,
    ...extra,
  };
}

/** A review. */
export function review(
  customerId: string,
  created: string,
  stars: Review['stars'],
  extra: Partial<Review> = {},
): Review {
  return { id: nextId('r'), customerId, createdAt: sh(created), stars, excluded: false, ...extra };
}

/** A service order. */
export function serviceOrder(
  orderId: string,
  applied: string,
  extra: Partial<ServiceOrder> = {},
): ServiceOrder {
  return {
    id: nextId('s'),
    orderId,
    type: 'repair',
    reason: 'other',
    appliedAt: sh(applied),
    ...extra,
  };
}

/** A dispute. */
export function dispute(orderId: string, opened: string, extra: Partial<Dispute> = {}): Dispute {
  return { id: nextId('d'), orderId, openedAt: sh(opened), ...extra };
}

/** A store with the given collections (others empty). */
export function storeData(
  parts: Partial<Omit<StoreData, 'store'>> & { assuredServices?: AssuredService[] } = {},
): StoreData {
  return markParsed({
    store: { id: 'store-1', name: 'Test store' },
    chatSessions: [],
    orders: [],
    reviews: [],
    serviceOrders: [],
    disputes: [],
    assuredServices: [],
    ...parts,
  });
}

/** A scorecard's metric result without its score: what the metric's calculator measures. */
export function unscored<T extends { readonly score: unknown }>(result: T): Omit<T, 'score'> {
  const { score: _score, ...measurement } = result;
  return measurement;
}

/** Runs the CLI in process, capturing its output, with a clock when given. */
export async function runCliCaptured(
  args: readonly string[],
  now?: number,
): Promise<{ code: number; out: string; err: string }> {
  const { runCli } = await import('../src/cli/run.js');
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    ...(now === undefined ? {} : { now: () => now }),
  });
  return { code, out, err };
}
