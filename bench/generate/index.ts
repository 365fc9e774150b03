/**
 * The data generator of the benchmark, the tests and the samples: a realistic, seeded,
 * deterministic JD POP store of the 家用电器 / 厨房小电 category.
 *
 * {@link generateStore} produces the raw input of `parseStoreData`, typed by the library's own
 * input types (`StoreDataInput`, `OrderInput`, `ChatSessionInput`, …), at rates that give every
 * metric of `docs/metrics.md` a realistic value. One file per record family says what it
 * generates and why its distributions are what they are: `orders.ts` (and what follows an
 * order), `chatSessions.ts`, `serviceOrders.ts`, `reviews.ts`, `disputes.ts`,
 * `assuredServices.ts`; `customers.ts` says who orders and chats, `context.ts` holds the
 * shared state and `random.ts` the seeded stream. `peers.ts` derives category peers from such
 * stores, `cli.ts` writes one to a file.
 *
 * Volume: each day's expected orders are `ordersPerDay` × a weekday factor (busier at the
 * weekend) × a promotion factor (2.2 on 11.11 and 6.18, 1.4 the day before) × a random 0.9–1.1,
 * and half as many chats lead to no order. About {@link RECORDS_PER_ORDER_DAY} records per
 * order-day in all; {@link ordersPerDayFor} aims at a record count. Time and memory are linear in
 * the record count.
 *
 * Determinism: the output depends only on the options: one seeded stream drawn in a fixed
 * order (day by day, order by order, each order's follow-ups in turn, then the assured
 * services), the library's integer Shanghai calendar, never `Math.random`, `Date.now` or the
 * host's local-time methods. Any change to the order of draws changes every store after it, and
 * the committed samples with them.
 *
 * @module
 */
import {
  type AssuredServiceInput,
  type ChatSessionInput,
  type DisputeInput,
  type OrderInput,
  type ReviewInput,
  type ServiceOrderInput,
  STORE_DATA_COLLECTIONS,
  type StoreDataInput,
  type StoreInput,
} from '../../src/index.js';
import { dayKeyOf } from '../../src/time/shanghai.js';
import { assuredServices } from './assuredServices.js';
import { visits } from './chatSessions.js';
import { type GenerateStoreOptions, Generation } from './context.js';
import { ordersOn } from './orders.js';

export type { GenerateStoreOptions } from './context.js';
export { writeStoreJson } from './write.js';

/** A whole generated store: the library's `StoreDataInput` with every collection present. */
export interface GeneratedStoreData extends StoreDataInput {
  /** The store, with a name and a category. */
  readonly store: StoreInput;
  /** Chat sessions, grouped by the day they start (unordered within a day). */
  readonly chatSessions: ChatSessionInput[];
  /** Orders, by `placedAt`. */
  readonly orders: OrderInput[];
  /** Reviews, grouped by the day they were written. */
  readonly reviews: ReviewInput[];
  /** Service orders, grouped by the day they were applied for. */
  readonly serviceOrders: ServiceOrderInput[];
  /** Disputes, grouped by the day they were opened. */
  readonly disputes: DisputeInput[];
  /** Assured services. */
  readonly assuredServices: AssuredServiceInput[];
}

/**
 * The options `examples/sample-store.json` is generated with (the CLI's defaults): 200 days
 * ending 2026-11-22, 8 orders a day, about 3 900 records, under 1 MB.
 */
export const SAMPLE_STORE_OPTIONS: Readonly<GenerateStoreOptions> = Object.freeze({
  seed: 8,
  endDay: '2026-11-22',
  days: 200,
  ordersPerDay: 8,
});

/**
 * Mean records produced per order-day (all collections together), measured over 400 days:
 * orders 1, chat sessions ≈ 1.07, reviews ≈ 0.28, service orders ≈ 0.037, disputes ≈ 0.0035
 * (plus five assured services). The realised count is within about ±2% of
 * `RECORDS_PER_ORDER_DAY × ordersPerDay × days` for stores of 1 000 orders and more.
 */
export const RECORDS_PER_ORDER_DAY = 2.41;

/**
 * The `ordersPerDay` that gives about `records` records over `days` days.
 *
 * @example
 * ```ts
 * ordersPerDayFor(5_000_000, 400);
 * //=> 5187 (rounded to whole orders; about 5 M records)
 * ```
 */
export function ordersPerDayFor(records: number, days: number): number {
  return Math.max(1, Math.round(records / (RECORDS_PER_ORDER_DAY * days)));
}

/**
 * Total records across all collections of a store (chat sessions, orders, reviews,
 * service orders, disputes, assured services).
 *
 * @example
 * ```ts
 * countRecords(generateStore({ seed: 1, endDay: '2026-11-22', days: 30, ordersPerDay: 10 }));
 * //=> about 720
 * ```
 */
export function countRecords(store: Omit<StoreDataInput, 'store'>): number {
  let n = 0;
  for (const key of STORE_DATA_COLLECTIONS) n += store[key]?.length ?? 0;
  return n;
}

/** Weekday factors, Sunday first, mean 1. */
const WEEKDAY = [1.07, 0.97, 0.95, 0.96, 0.98, 1.0, 1.07];

/** The day's volume factor: weekday × promotion × a random 0.9–1.1. */
function dayFactor(g: Generation, day: number): number {
  const key = dayKeyOf(day).slice(5);
  const promo =
    key === '11-11' || key === '06-18' ? 2.2 : key === '11-10' || key === '06-17' ? 1.4 : 1;
  // Day 0 (1970-01-01) was a Thursday.
  return (WEEKDAY[(((day + 4) % 7) + 7) % 7] ?? 1) * promo * g.rng.between(0.9, 1.1);
}

/**
 * Generates a realistic store in the raw input format, deterministically from `options`.
 *
 * Every record is valid: ids unique per collection, service orders, disputes and reviews
 * name existing orders, events follow the ones they depend on, nothing is stamped at or
 * after `endDay` 24:00 (Shanghai) nor, apart from assured services, before the first day's
 * 00:00. Events that would fall after the end are simply absent, as in a real export.
 *
 * Produces about {@link RECORDS_PER_ORDER_DAY} × `ordersPerDay` × `days` records. Throws a
 * `RangeError` for a bad option (`endDay` must be a calendar day between 1992 and 2099).
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 7, endDay: '2026-11-22', days: 30, ordersPerDay: 10 });
 * store.orders[0].placedAt;
 * //=> '2026-10-24 00:…' (Shanghai local time, on the first day)
 * ```
 */
export function generateStore(options: GenerateStoreOptions): GeneratedStoreData {
  const g = new Generation(options);
  for (let day = g.firstDay; day <= g.endDay; day++) {
    const expected = options.ordersPerDay * dayFactor(g, day);
    ordersOn(g, day, expected);
    visits(g, day, expected);
  }
  return {
    store: {
      id: options.storeId ?? `jd-store-${options.seed}`,
      name: '悦厨小家电旗舰店',
      category: { level1: '家用电器', level2: '厨房小电' },
    },
    chatSessions: g.chatSessions.export('S'),
    orders: g.orders,
    reviews: g.reviews.export('R'),
    serviceOrders: g.serviceOrders.export('AS'),
    disputes: g.disputes.export('D'),
    assuredServices: assuredServices(g),
  };
}
