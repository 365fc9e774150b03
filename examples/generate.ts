/**
 * A realistic, seeded, deterministic sample-store generator.
 *
 * {@link generateStore} produces the RAW input format of `docs/input.md` (plain,
 * JSON-serialisable objects) for a mid-sized JD POP store of the 家用电器 / 厨房小电 category:
 * chat sessions, orders, reviews, service orders, disputes and assured services, at rates
 * that give every metric of `docs/metrics.md` a realistic value. `examples/peers.ts` derives
 * category peers from such stores.
 *
 * Determinism: the output depends only on the options (a seeded sfc32 stream, integer
 * Shanghai arithmetic, never `Math.random`, `Date.now` or the host's local-time methods).
 *
 * Volume: about {@link RECORDS_PER_ORDER_DAY} records per order-day, i.e.
 * `records ≈ 2.41 × ordersPerDay × days` (orders 1, chat sessions ≈ 1.07, reviews ≈ 0.28,
 * service orders ≈ 0.037, disputes ≈ 0.0035, plus five assured services); use
 * {@link ordersPerDayFor} to aim at a record count. Time and memory are linear in the
 * record count.
 *
 * Run directly, it is a CLI:
 *
 * ```sh
 * npx tsx examples/generate.ts --seed 8 --end-day 2026-11-22 --days 200 --orders-per-day 8 \
 *   --out examples/sample-store.json
 * ```
 *
 * (then `npx biome check --write examples/sample-peers.json`, which only re-wraps the arrays;
 * `--records N` instead of `--orders-per-day` aims at N records, `--instant-format epoch-ms`
 * writes integers.)
 *
 * @module
 */
import { closeSync, openSync, realpathSync, writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createRandom, cumulative, type Random } from './_random.js';

// ---------------------------------------------------------------------------------------
// Types of the raw input (`docs/input.md`), as this generator emits it.
// ---------------------------------------------------------------------------------------

/** An instant as emitted: Shanghai local time `YYYY-MM-DD HH:mm:ss`, or epoch milliseconds. */
export type GeneratedInstant = string | number;

/** Chat satisfaction levels (`docs/metrics.md`). */
export type GeneratedRating =
  | 'very-satisfied'
  | 'satisfied'
  | 'neutral'
  | 'dissatisfied'
  | 'very-dissatisfied';

/** One chat message. */
export interface GeneratedMessage {
  /** Who sent it. */
  from: 'customer' | 'agent' | 'robot';
  /** When it was sent. */
  at: GeneratedInstant;
}

/** One exported chat session (咚咚 session or 留言). */
export interface GeneratedChatSession {
  /** Unique among chat sessions. */
  id: string;
  /** The customer's id (shared with their orders and reviews). */
  customerId: string;
  /** Omitted for consultations (the default); `'offline-message'` for a 留言. */
  kind?: 'consultation' | 'offline-message';
  /** Set on some sessions only; otherwise derived from the customer's earlier orders. */
  stage?: 'pre-sales' | 'after-sales';
  /** Ascending in time; the first is always the customer's. */
  messages: GeneratedMessage[];
  /** The customer's rating, when given. */
  rating?: GeneratedRating;
  /** When the rating was given (set iff `rating` is). */
  ratedAt?: GeneratedInstant;
}

/** One order. */
export interface GeneratedOrder {
  /** Unique among orders. */
  id: string;
  /** The customer's id. */
  customerId: string;
  /** When the order was submitted. */
  placedAt: GeneratedInstant;
  /** Amount in yuan after discounts, two decimals (`'59.90'`). */
  amount: string;
  /** When paid; absent for cash on delivery and unpaid orders. */
  paidAt?: GeneratedInstant;
  /** `true` for cash on delivery (about 3% of orders). */
  cashOnDelivery?: boolean;
  /** Units, 2 or 3; absent means 1. */
  units?: number;
  /** When cancelled (about 5% of orders). */
  cancelledAt?: GeneratedInstant;
  /** When it left the warehouse (出库). */
  outboundAt?: GeneratedInstant;
  /** When the carrier collected it (揽收). */
  collectedAt?: GeneratedInstant;
  /** When it was delivered (妥投). */
  deliveredAt?: GeneratedInstant;
}

/** One product review. */
export interface GeneratedReview {
  /** Unique among reviews. */
  id: string;
  /** The reviewer's customer id. */
  customerId: string;
  /** The order reviewed (absent on about 3% of reviews). */
  orderId?: string;
  /** When the review was written. */
  createdAt: GeneratedInstant;
  /** 1–5 stars. */
  stars: number;
  /** When the merchant replied. */
  repliedAt?: GeneratedInstant;
  /** `true` when JD excluded the review (appeal upheld, fake…). */
  excluded?: boolean;
}

/** Service-order types. */
export type GeneratedServiceType = 'return' | 'exchange' | 'repair';

/** Service-order reasons (the first six are quality reasons, `docs/metrics.md`). */
export type GeneratedServiceReason =
  | 'quality'
  | 'fake-or-used'
  | 'dead-on-arrival'
  | 'missing-parts'
  | 'soft-failure'
  | 'appearance'
  | 'no-reason'
  | 'other';

/** One after-sales service order (售后服务单). */
export interface GeneratedServiceOrder {
  /** Unique among service orders. */
  id: string;
  /** The order it is about (always an existing order). */
  orderId: string;
  /** Return, exchange or repair. */
  type: GeneratedServiceType;
  /** Why. */
  reason: GeneratedServiceReason;
  /** When the customer applied. */
  appliedAt: GeneratedInstant;
  /** When approved (审核通过). */
  approvedAt?: GeneratedInstant;
  /** When rejected (never together with `approvedAt`). */
  rejectedAt?: GeneratedInstant;
  /** When completed (only approved ones). */
  completedAt?: GeneratedInstant;
  /** The customer's rating of the service. */
  rating?: GeneratedRating;
  /** When rated (set iff `rating` is). */
  ratedAt?: GeneratedInstant;
}

/** Dispute rulings. */
export type GeneratedRuling = 'merchant' | 'shared' | 'customer' | 'platform';

/** One trade dispute (交易纠纷). */
export interface GeneratedDispute {
  /** Unique among disputes. */
  id: string;
  /** The order disputed (always an existing order). */
  orderId: string;
  /** When the customer opened it. */
  openedAt: GeneratedInstant;
  /** Who was held responsible (set iff `ruledAt` is). */
  ruling?: GeneratedRuling;
  /** When ruled. */
  ruledAt?: GeneratedInstant;
  /** When the merchant's appeal was upheld. */
  appealUpheldAt?: GeneratedInstant;
}

/** The 放心购 service ids (`docs/metrics.md`). */
export const ASSURED_SERVICE_IDS = [
  'freight-insurance',
  'lightning-refund',
  'damage-compensation',
  'late-delivery-compensation',
  'return-or-exchange-180d',
  'product-liability-insurance',
  'no-reason-return-7d',
  'door-pickup',
  'price-protection',
] as const;

/** One 放心购 assured service's history. */
export interface GeneratedAssuredService {
  /** One of {@link ASSURED_SERVICE_IDS}. */
  service: (typeof ASSURED_SERVICE_IDS)[number];
  /** When the store opened it. */
  enabledAt: GeneratedInstant;
  /** When the store closed it, if it did. */
  disabledAt?: GeneratedInstant;
}

/** The store itself. */
export interface GeneratedStoreInfo {
  /** Store id. */
  id: string;
  /** Display name. */
  name: string;
  /** Main category (主营类目). */
  category: { level1: string; level2: string };
}

/** A whole generated store, in the raw input shape of `parseStoreData`. */
export interface GeneratedStoreData {
  /** The store. */
  store: GeneratedStoreInfo;
  /** Chat sessions, grouped by the day they start (unordered within a day). */
  chatSessions: GeneratedChatSession[];
  /** Orders, by `placedAt`. */
  orders: GeneratedOrder[];
  /** Reviews, grouped by the day they were written. */
  reviews: GeneratedReview[];
  /** Service orders, grouped by the day they were applied for. */
  serviceOrders: GeneratedServiceOrder[];
  /** Disputes, grouped by the day they were opened. */
  disputes: GeneratedDispute[];
  /** Assured services. */
  assuredServices: GeneratedAssuredService[];
}

/** Options of {@link generateStore}. */
export interface GenerateStoreOptions {
  /** Seed of the pseudo-random stream; same options, same output. */
  seed: number;
  /** Last day with data, `YYYY-MM-DD` (Shanghai). Nothing is stamped at or after its end. */
  endDay: string;
  /** Number of days with orders, ending with `endDay` (at least 1). */
  days: number;
  /** Mean orders per day (> 0); the daily count varies by weekday and promotions. */
  ordersPerDay: number;
  /** Store id; default `jd-store-<seed>`. */
  storeId?: string;
  /** `'shanghai-local'` (default): `2026-11-01 09:00:00`; `'epoch-ms'`: integers. */
  instantFormat?: 'shanghai-local' | 'epoch-ms';
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
 * Mean records produced per order-day (all collections together), measured over 400 days.
 * The realised count is within about ±2% of `RECORDS_PER_ORDER_DAY × ordersPerDay × days`
 * for stores of 1 000 orders and more.
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
export function countRecords(store: {
  chatSessions?: readonly unknown[];
  orders?: readonly unknown[];
  reviews?: readonly unknown[];
  serviceOrders?: readonly unknown[];
  disputes?: readonly unknown[];
  assuredServices?: readonly unknown[];
}): number {
  return (
    (store.chatSessions?.length ?? 0) +
    (store.orders?.length ?? 0) +
    (store.reviews?.length ?? 0) +
    (store.serviceOrders?.length ?? 0) +
    (store.disputes?.length ?? 0) +
    (store.assuredServices?.length ?? 0)
  );
}

// ---------------------------------------------------------------------------------------
// Shanghai time in integer arithmetic (UTC+8, no DST).
// ---------------------------------------------------------------------------------------

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

const dayOf = (ms: number): number => Math.floor((ms + OFFSET) / DAY);
const dayStart = (day: number): number => day * DAY - OFFSET;
const timeOfDay = (ms: number): number => (((ms + OFFSET) % DAY) + DAY) % DAY;

function parseDay(key: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ms / DAY;
    }
  }
  throw new RangeError(`generateStore: endDay must be a calendar day YYYY-MM-DD, got ${key}`);
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD` of a day number (Howard Hinnant's civil-from-days). */
function dayKey(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** A formatter to Shanghai local time, with cached day prefixes and times of day. */
function shanghaiFormatter(): (ms: number) => string {
  const times: string[] = new Array(86400);
  for (let s = 0; s < 86400; s++) {
    times[s] = `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
  }
  const prefixes = new Map<number, string>();
  return (ms) => {
    const day = dayOf(ms);
    let prefix = prefixes.get(day);
    if (prefix === undefined) {
      prefix = `${dayKey(day)} `;
      prefixes.set(day, prefix);
    }
    return prefix + times[Math.floor((ms - dayStart(day)) / SECOND)];
  };
}

// ---------------------------------------------------------------------------------------
// Rates and distributions (a mid-sized 厨房小电 POP store).
// ---------------------------------------------------------------------------------------

/** Relative order volume by Shanghai hour (busy 09–23, evening peak). */
const ORDER_HOURS = cumulative([
  2.0, 1.0, 0.5, 0.3, 0.3, 0.4, 0.8, 1.5, 2.8, 4.2, 5.2, 5.0, 4.3, 4.5, 5.0, 5.0, 4.6, 4.2, 4.0,
  4.8, 6.0, 6.4, 5.2, 3.5,
]);
/** Relative chat volume by hour (like orders, slightly earlier in the evening). */
const CHAT_HOURS = cumulative([
  1.8, 0.9, 0.5, 0.3, 0.3, 0.4, 0.8, 1.6, 3.2, 4.8, 5.6, 5.2, 4.2, 4.6, 5.2, 5.2, 4.8, 4.4, 4.0,
  4.8, 5.8, 5.8, 4.6, 3.0,
]);
/** Weekday factors, Sunday first, mean 1. */
const WEEKDAY = [1.07, 0.97, 0.95, 0.96, 0.98, 1.0, 1.07];

const RATINGS: readonly GeneratedRating[] = [
  'very-satisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
  'very-dissatisfied',
];
const RATING_GOOD = cumulative([0.74, 0.19, 0.04, 0.02, 0.01]);
const RATING_SLOW = cumulative([0.45, 0.25, 0.14, 0.09, 0.07]);
const RATING_NONE = cumulative([0, 0.05, 0.15, 0.35, 0.45]);
const RATING_SERVICE_DONE = cumulative([0.6, 0.25, 0.08, 0.04, 0.03]);
const RATING_SERVICE_REJECTED = cumulative([0.05, 0.1, 0.2, 0.3, 0.35]);

/** Messages per consultation, 2..8. */
const MESSAGE_COUNT = cumulative([0.15, 0.2, 0.22, 0.16, 0.12, 0.08, 0.07]);

/** Stars 1..5. */
const STARS_NORMAL = cumulative([0.022, 0.012, 0.02, 0.07, 0.876]);
const STARS_PICKY = cumulative([0.06, 0.05, 0.09, 0.2, 0.6]);
const STARS_UNHAPPY = cumulative([0.35, 0.15, 0.15, 0.15, 0.2]);

const SERVICE_TYPES: readonly GeneratedServiceType[] = ['return', 'exchange', 'repair'];
const SERVICE_TYPE_WEIGHTS = cumulative([0.55, 0.25, 0.2]);
const REASONS: readonly GeneratedServiceReason[] = [
  'quality',
  'fake-or-used',
  'dead-on-arrival',
  'missing-parts',
  'soft-failure',
  'appearance',
  'no-reason',
  'other',
];
/** Reason weights per type, in the order of REASONS. */
const REASON_WEIGHTS: Record<GeneratedServiceType, Float64Array> = {
  return: cumulative([0.2, 0.02, 0.06, 0.05, 0.04, 0.08, 0.45, 0.1]),
  exchange: cumulative([0.3, 0.02, 0.15, 0.13, 0.0, 0.15, 0.1, 0.15]),
  repair: cumulative([0.5, 0.0, 0.1, 0.0, 0.25, 0.0, 0.0, 0.15]),
};

const RULINGS: readonly GeneratedRuling[] = ['merchant', 'shared', 'customer', 'platform'];
const RULING_WEIGHTS = cumulative([0.35, 0.15, 0.35, 0.15]);

/** Delivery days after collection: 0 (same-city), 1, 2, 3. */
const DELIVERY_DAYS = cumulative([0.02, 0.72, 0.2, 0.06]);

/** The product catalogue: price in fen and relative popularity. */
const PRODUCTS: readonly { priceFen: number; weight: number }[] = [
  { priceFen: 5990, weight: 8 }, // 煮蛋器
  { priceFen: 8990, weight: 10 }, // 电水壶
  { priceFen: 9900, weight: 6 }, // 三明治机
  { priceFen: 12900, weight: 9 }, // 榨汁杯
  { priceFen: 15900, weight: 8 }, // 养生壶
  { priceFen: 16900, weight: 5 }, // 电火锅
  { priceFen: 19900, weight: 6 }, // 电饼铛
  { priceFen: 25900, weight: 5 }, // 豆浆机
  { priceFen: 29900, weight: 9 }, // 电饭煲
  { priceFen: 35900, weight: 8 }, // 空气炸锅
  { priceFen: 39900, weight: 4 }, // 电压力锅
  { priceFen: 45900, weight: 3 }, // 烤箱
  { priceFen: 59900, weight: 3 }, // 破壁机
];
const PRODUCT_WEIGHTS = cumulative(PRODUCTS.map((p) => p.weight));
const UNITS = cumulative([0.7, 0.22, 0.08]);

const PRE_SALES_CHAT_SHARE = 0.4; // ordering customers who chatted within 24 h before
const NON_CONVERTING_CHATS_PER_ORDER = 0.5; // pre-sales sessions that lead to no order
const REPEAT_CUSTOMER_SHARE = 0.25;
const DELIVERY_INQUIRY_SHARE = 0.08; // after-sales chats about an order in transit
const SERVICE_ORDER_SHARE = 0.04;
const REVIEW_SHARE = 0.3;
const DISPUTE_SHARE = 0.0028; // base rate; rejected service orders and lost parcels add more
/** Customers who order every few days and review nearly all (one per 8 orders a day, 1–3). */
const POWER_REVIEWERS_PER_ORDER_DAY = 1 / 8;

// ---------------------------------------------------------------------------------------
// The generator.
// ---------------------------------------------------------------------------------------

/**
 * Generates a realistic store in the raw input format, deterministically from `options`.
 *
 * Every record is valid: ids unique per collection, service orders, disputes and reviews
 * name existing orders, events follow the ones they depend on, nothing is stamped at or
 * after `endDay` 24:00 (Shanghai) nor, apart from assured services, before the first day's
 * 00:00. Events that would fall after the end are simply absent, as in a real export.
 *
 * Produces about {@link RECORDS_PER_ORDER_DAY} × `ordersPerDay` × `days` records.
 *
 * @example
 * ```ts
 * const store = generateStore({ seed: 7, endDay: '2026-11-22', days: 30, ordersPerDay: 10 });
 * store.orders[0].placedAt;
 * //=> '2026-10-24 00:…' (Shanghai local time, on the first day)
 * ```
 */
export function generateStore(options: GenerateStoreOptions): GeneratedStoreData {
  const { seed, days, ordersPerDay } = options;
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`generateStore: days must be a positive integer, got ${days}`);
  }
  if (!(ordersPerDay > 0) || !Number.isFinite(ordersPerDay)) {
    throw new RangeError(`generateStore: ordersPerDay must be > 0, got ${ordersPerDay}`);
  }
  const rng: Random = createRandom(seed);
  const fmt: (ms: number) => GeneratedInstant =
    options.instantFormat === 'epoch-ms' ? (ms) => ms : shanghaiFormatter();

  const endDay = parseDay(options.endDay);
  const firstDay = endDay - days + 1;
  const startMs = dayStart(firstDay);
  const endMs = dayStart(endDay + 1);
  /** A duration in whole seconds, drawn uniformly from [lo, hi] ms. */
  const secs = (lo: number, hi: number): number =>
    Math.round(lo / SECOND + rng.next() * ((hi - lo) / SECOND)) * SECOND;
  const bucketOf = (ms: number): number => dayOf(ms) - firstDay;

  const chatBuckets: GeneratedChatSession[][] = [];
  const reviewBuckets: GeneratedReview[][] = [];
  const serviceBuckets: GeneratedServiceOrder[][] = [];
  const disputeBuckets: GeneratedDispute[][] = [];
  for (let d = 0; d < days; d++) {
    chatBuckets.push([]);
    reviewBuckets.push([]);
    serviceBuckets.push([]);
    disputeBuckets.push([]);
  }
  const orders: GeneratedOrder[] = [];

  // Customers: ids, and when each first ordered (-1: never yet).
  const customerIds: string[] = [];
  const firstOrderAt: number[] = [];
  const buyers: number[] = [];
  const idSalt = (seed >>> 0) % 9973;
  const newCustomer = (): number => {
    const i = customerIds.length;
    customerIds.push(`jd_${(0x10000000 + (i + idSalt) * 7919).toString(16)}`);
    firstOrderAt.push(-1);
    return i;
  };
  const power: number[] = [];
  const powerCount = Math.min(
    3,
    Math.max(1, Math.round(ordersPerDay * POWER_REVIEWERS_PER_ORDER_DAY)),
  );
  for (let i = 0; i < powerCount; i++) power.push(newCustomer());
  const powerDailyChance = Math.min(0.35, 0.05 * ordersPerDay);

  const amountStrings = new Map<number, string>();
  const amountOf = (fen: number): string => {
    let s = amountStrings.get(fen);
    if (s === undefined) {
      s = `${Math.floor(fen / 100)}.${pad2(fen % 100)}`;
      amountStrings.set(fen, s);
    }
    return s;
  };

  const sampleTime = (day: number, hours: Float64Array): number =>
    dayStart(day) + rng.weighted(hours) * HOUR + rng.int(0, 3599) * SECOND;

  const pickRating = (weights: Float64Array): GeneratedRating =>
    RATINGS[rng.weighted(weights)] as GeneratedRating;

  // ---- chat ----------------------------------------------------------------------------

  /** Appends a message unless it falls at or after the end; says whether it did. */
  const pushMessage = (
    messages: GeneratedMessage[],
    from: GeneratedMessage['from'],
    at: number,
  ): boolean => {
    if (at >= endMs) return false;
    messages.push({ from, at: fmt(at) });
    return true;
  };

  /**
   * Adds a session for `customer` starting at `start` (skipped outside the data range).
   * `kind` 'auto' makes night sessions often offline messages. Returns the last message's
   * instant, or -1 when nothing was added.
   */
  const addChat = (
    customer: number,
    start: number,
    stage: 'pre-sales' | 'after-sales' | undefined,
    kind: 'auto' | 'consultation',
    followUps: boolean,
  ): number => {
    if (start < startMs || start >= endMs) return -1;
    const night = timeOfDay(start) < 8 * HOUR;
    const offline = kind === 'auto' && rng.chance(night ? 0.45 : 0.03);
    const id = '';
    const customerId = customerIds[customer] as string;
    const messages: GeneratedMessage[] = [];
    // Literal per shape, so that keys come out in the documented order.
    const session: GeneratedChatSession = offline
      ? stage === undefined
        ? { id, customerId, kind: 'offline-message', messages }
        : { id, customerId, kind: 'offline-message', stage, messages }
      : stage === undefined
        ? { id, customerId, messages }
        : { id, customerId, stage, messages };
    let last = start;
    if (offline) {
      pushMessage(messages, 'customer', start);
      const extra = rng.int(0, 2);
      for (let i = 0; i < extra; i++) {
        const t = last + secs(5 * SECOND, 90 * SECOND);
        if (!pushMessage(messages, 'customer', t)) break;
        last = t;
      }
      if (rng.chance(0.6)) {
        const reply = night
          ? dayStart(dayOf(start)) + 8 * HOUR + secs(10 * MINUTE, 150 * MINUTE)
          : last + secs(10 * MINUTE, 120 * MINUTE);
        if (reply > last && pushMessage(messages, 'agent', reply)) last = reply;
      }
      chatBuckets[bucketOf(start)]?.push(session);
      return last;
    }

    const total = 2 + rng.weighted(MESSAGE_COUNT);
    const r = rng.next();
    // Reply modes: none, robot only, robot then agent, agent.
    const mode = night
      ? r < 0.08
        ? 0
        : r < 0.43
          ? 1
          : r < 0.58
            ? 2
            : 3
      : r < 0.03
        ? 0
        : r < 0.07
          ? 1
          : r < 0.12
            ? 2
            : 3;
    pushMessage(messages, 'customer', start);
    let firstReplyDelay = Number.POSITIVE_INFINITY;
    if (mode === 0) {
      const extra = rng.int(0, 2);
      for (let i = 0; i < extra; i++) {
        const t = last + secs(5 * SECOND, 60 * SECOND);
        if (!pushMessage(messages, 'customer', t)) break;
        last = t;
      }
    } else {
      if (total > 2 && rng.chance(0.25)) {
        const t = last + secs(3 * SECOND, 20 * SECOND);
        if (pushMessage(messages, 'customer', t)) last = t;
      }
      let replier: 'agent' | 'robot' = mode === 3 ? 'agent' : 'robot';
      let reply: number;
      if (replier === 'robot') {
        reply = start + secs(SECOND, 3 * SECOND);
      } else {
        const u = rng.next();
        reply =
          start +
          (u < 0.76
            ? secs(2 * SECOND, 25 * SECOND)
            : u < 0.86
              ? secs(25 * SECOND, 30 * SECOND)
              : u < 0.98
                ? secs(31 * SECOND, 120 * SECOND)
                : secs(2 * MINUTE, 5 * MINUTE));
      }
      if (reply <= last) reply = last + SECOND;
      if (pushMessage(messages, replier, reply)) {
        firstReplyDelay = reply - start;
        last = reply;
        let customerTurn = true;
        while (messages.length < total) {
          let t: number;
          if (customerTurn) {
            t = last + secs(8 * SECOND, 120 * SECOND);
            if (!pushMessage(messages, 'customer', t)) break;
          } else {
            if (replier === 'robot' && mode === 2) {
              replier = 'agent';
              t = last + secs(10 * SECOND, 90 * SECOND);
            } else {
              t =
                last +
                (replier === 'robot'
                  ? secs(SECOND, 3 * SECOND)
                  : rng.chance(0.92)
                    ? secs(4 * SECOND, 40 * SECOND)
                    : secs(40 * SECOND, 120 * SECOND));
            }
            if (!pushMessage(messages, replier, t)) break;
          }
          last = t;
          customerTurn = !customerTurn;
        }
      }
    }
    const replied = firstReplyDelay !== Number.POSITIVE_INFINITY;
    if (replied ? rng.chance(0.3) : rng.chance(0.05)) {
      const ratedAt = last + secs(5 * SECOND, 10 * MINUTE);
      if (ratedAt < endMs) {
        session.rating = pickRating(
          !replied ? RATING_NONE : firstReplyDelay <= 30 * SECOND ? RATING_GOOD : RATING_SLOW,
        );
        session.ratedAt = fmt(ratedAt);
      }
    }
    chatBuckets[bucketOf(start)]?.push(session);
    if (followUps) {
      if (rng.chance(0.05)) {
        // Comes back within 10 minutes: JD merges the two exported sessions into one.
        addChat(
          customer,
          last + secs(30 * SECOND, 9 * MINUTE + 30 * SECOND),
          stage,
          'consultation',
          false,
        );
      } else if (rng.chance(0.03)) {
        addChat(customer, last + secs(15 * MINUTE, 90 * MINUTE), stage, 'consultation', false);
      }
    }
    return last;
  };

  /** The stage to state explicitly, or undefined to leave it to derivation. */
  const explicitStage = (
    intended: 'pre-sales' | 'after-sales',
    customer: number,
    at: number,
  ): 'pre-sales' | 'after-sales' | undefined => {
    const ordered = firstOrderAt[customer] ?? -1;
    const derived = ordered >= 0 && ordered < at ? 'after-sales' : 'pre-sales';
    if (derived !== intended) return intended; // e.g. a returning buyer asking about a new product
    return rng.chance(0.25) ? intended : undefined;
  };

  // ---- orders and what follows them ---------------------------------------------------

  let appealsUpheld = 0;

  const addDispute = (order: GeneratedOrder, opened: number): void => {
    if (opened >= endMs) return;
    const dispute: GeneratedDispute = { id: '', orderId: order.id, openedAt: fmt(opened) };
    if (rng.chance(0.85)) {
      const ruled = opened + secs(DAY, 6 * DAY);
      if (ruled < endMs) {
        const ruling = RULINGS[rng.weighted(RULING_WEIGHTS)] as GeneratedRuling;
        dispute.ruling = ruling;
        dispute.ruledAt = fmt(ruled);
        if (
          (ruling === 'merchant' || ruling === 'shared') &&
          (appealsUpheld === 0 || rng.chance(0.2))
        ) {
          const upheld = ruled + secs(DAY, 7 * DAY);
          if (upheld < endMs) {
            dispute.appealUpheldAt = fmt(upheld);
            appealsUpheld++;
          }
        }
      }
    }
    disputeBuckets[bucketOf(opened)]?.push(dispute);
  };

  const addOrder = (placed: number, powerIndex: number): void => {
    const isPower = powerIndex >= 0;
    const customer = isPower
      ? (power[powerIndex] as number)
      : buyers.length > 0 && rng.chance(REPEAT_CUSTOMER_SHARE)
        ? (buyers[rng.int(0, buyers.length - 1)] as number)
        : newCustomer();

    if (!isPower && rng.chance(PRE_SALES_CHAT_SHARE)) {
      const u = rng.next();
      const lead =
        u < 0.6
          ? secs(MINUTE, 30 * MINUTE)
          : u < 0.85
            ? secs(30 * MINUTE, 4 * HOUR)
            : secs(4 * HOUR, 23 * HOUR);
      const start = placed - lead;
      addChat(customer, start, explicitStage('pre-sales', customer, start), 'auto', true);
    }
    if ((firstOrderAt[customer] ?? -1) < 0) {
      firstOrderAt[customer] = placed;
      buyers.push(customer);
    }

    const product = PRODUCTS[rng.weighted(PRODUCT_WEIGHTS)] as { priceFen: number };
    const units = 1 + rng.weighted(UNITS);
    let fen = product.priceFen * units;
    if (rng.chance(0.3)) fen -= (fen >= 30000 ? rng.int(2, 5) : rng.int(0, 1)) * 1000; // coupon
    // The order's life, in ms; -1 when it does not happen.
    let paid = -1;
    let shippable = -1;
    let cancelled = -1;
    let outbound = -1;
    let collected = -1;
    let delivered = -1;
    let lost = false;
    const cashOnDelivery = rng.chance(0.03);
    if (cashOnDelivery) {
      shippable = placed;
    } else if (rng.chance(0.02)) {
      cancelled = placed + secs(15 * MINUTE, 24 * HOUR); // never paid
    } else {
      const u = rng.next();
      paid =
        placed +
        (u < 0.85
          ? secs(10 * SECOND, 5 * MINUTE)
          : u < 0.98
            ? secs(5 * MINUTE, HOUR)
            : secs(HOUR, 12 * HOUR));
      shippable = paid;
    }
    if (shippable >= 0) {
      if (rng.chance(0.028)) {
        cancelled = shippable + secs(2 * MINUTE, 3 * HOUR);
      } else {
        const tod = timeOfDay(shippable);
        outbound =
          tod < 16 * HOUR
            ? shippable +
              (rng.chance(0.9) ? secs(15 * MINUTE, 150 * MINUTE) : secs(150 * MINUTE, 6 * HOUR))
            : dayStart(dayOf(shippable) + 1) + 8 * HOUR + secs(0, 3 * HOUR);
        if (rng.chance(0.03)) outbound += DAY;
        if (rng.chance(0.005)) {
          cancelled = outbound + secs(10 * MINUTE, 3 * HOUR); // intercepted
        } else {
          const pickup = dayStart(dayOf(outbound)) + 17 * HOUR + 30 * MINUTE + secs(0, 90 * MINUTE);
          collected =
            outbound + 5 * MINUTE <= pickup && rng.chance(0.96)
              ? pickup
              : dayStart(dayOf(outbound) + 1) + 10 * HOUR + secs(0, 8 * HOUR);
          if (rng.chance(0.002)) {
            lost = true;
          } else {
            const k = rng.weighted(DELIVERY_DAYS);
            delivered =
              k === 0
                ? collected + secs(2 * HOUR, 5 * HOUR)
                : dayStart(dayOf(collected) + k) + 9 * HOUR + secs(0, 11 * HOUR);
          }
        }
      }
    }
    // Keys in the documented order: id, customerId, placedAt, paidAt, cashOnDelivery, amount…
    const order = {
      id: `O${String(orders.length + 1).padStart(9, '0')}`,
      customerId: customerIds[customer] as string,
      placedAt: fmt(placed),
    } as GeneratedOrder;
    orders.push(order);
    if (paid >= 0 && paid < endMs) order.paidAt = fmt(paid);
    if (cashOnDelivery) order.cashOnDelivery = true;
    order.amount = amountOf(Math.max(fen, 990));
    if (units > 1) order.units = units;
    if (cancelled >= 0 && cancelled < endMs) order.cancelledAt = fmt(cancelled);
    if (outbound >= 0 && outbound < endMs) order.outboundAt = fmt(outbound);
    if (collected >= 0 && collected < endMs) order.collectedAt = fmt(collected);
    if (delivered >= 0 && delivered < endMs) order.deliveredAt = fmt(delivered);

    if (shippable >= 0 && !isPower && rng.chance(DELIVERY_INQUIRY_SHARE)) {
      const start = shippable + secs(3 * HOUR, 3 * DAY);
      addChat(customer, start, explicitStage('after-sales', customer, start), 'auto', true);
    }
    if (lost && collected < endMs && rng.chance(0.3)) {
      addDispute(order, collected + secs(3 * DAY, 8 * DAY));
    }
    if (delivered < 0 || delivered >= endMs) return;

    // After delivery: service order, review, dispute.
    let unhappy = false;
    let rejected = -1;
    if (rng.chance(SERVICE_ORDER_SHARE)) {
      const applied =
        delivered +
        HOUR +
        Math.round(Math.min(rng.exponential(3 * DAY), 25 * DAY) / SECOND) * SECOND;
      if (applied < endMs) {
        const type = SERVICE_TYPES[rng.weighted(SERVICE_TYPE_WEIGHTS)] as GeneratedServiceType;
        const reasonIndex = rng.weighted(REASON_WEIGHTS[type]);
        const service: GeneratedServiceOrder = {
          id: '',
          orderId: order.id,
          type,
          reason: REASONS[reasonIndex] as GeneratedServiceReason,
          appliedAt: fmt(applied),
        };
        unhappy = reasonIndex <= 5;
        const u = rng.next();
        let rated = -1;
        let weights = RATING_SERVICE_DONE;
        if (u < 0.87) {
          const approved = applied + secs(10 * MINUTE, 20 * HOUR);
          if (approved < endMs) {
            service.approvedAt = fmt(approved);
            let completed = applied + secs(DAY, 5 * DAY);
            if (completed < approved + HOUR) completed = approved + HOUR;
            if (completed < endMs) {
              service.completedAt = fmt(completed);
              if (rng.chance(0.4)) rated = completed + secs(10 * MINUTE, 3 * DAY);
            }
          }
        } else if (u < 0.97) {
          rejected = applied + secs(HOUR, 48 * HOUR);
          if (rejected < endMs) {
            service.rejectedAt = fmt(rejected);
            unhappy = true;
            weights = RATING_SERVICE_REJECTED;
            if (rng.chance(0.3)) rated = rejected + secs(10 * MINUTE, 2 * DAY);
          } else {
            rejected = -1;
          }
        }
        if (rated >= 0 && rated < endMs) {
          service.rating = pickRating(weights);
          service.ratedAt = fmt(rated);
        }
        serviceBuckets[bucketOf(applied)]?.push(service);
        if (rng.chance(0.5)) {
          const start = applied - secs(0, 2 * HOUR);
          addChat(customer, start, explicitStage('after-sales', customer, start), 'auto', true);
        }
      }
    }

    if (rng.chance(isPower ? 0.97 : REVIEW_SHARE)) {
      const created =
        delivered +
        30 * MINUTE +
        Math.round(Math.min(rng.exponential(2.5 * DAY), 20 * DAY) / SECOND) * SECOND;
      if (created < endMs) {
        const stars =
          1 + rng.weighted(unhappy ? STARS_UNHAPPY : isPower ? STARS_PICKY : STARS_NORMAL);
        const customerId = customerIds[customer] as string;
        const review: GeneratedReview = rng.chance(0.03)
          ? { id: '', customerId, createdAt: fmt(created), stars }
          : { id: '', customerId, orderId: order.id, createdAt: fmt(created), stars };
        let replied = -1;
        if (stars <= 3) {
          const u = rng.next();
          if (u < 0.8) replied = created + secs(10 * MINUTE, 23.5 * HOUR);
          else if (u < 0.9) replied = created + secs(25 * HOUR, 72 * HOUR);
        } else if (rng.chance(0.15)) {
          replied = created + secs(10 * MINUTE, 48 * HOUR);
        }
        if (replied >= 0 && replied < endMs) review.repliedAt = fmt(replied);
        if (rng.chance(stars <= 3 ? 0.12 : 0.01)) review.excluded = true;
        reviewBuckets[bucketOf(created)]?.push(review);
      }
    }

    if (rng.chance(rejected >= 0 ? 0.1 : DISPUTE_SHARE)) {
      addDispute(order, (rejected >= 0 ? rejected : delivered) + secs(HOUR, 5 * DAY));
    }
  };

  // ---- day by day ----------------------------------------------------------------------

  for (let d = 0; d < days; d++) {
    const day = firstDay + d;
    const key = dayKey(day).slice(5);
    const promo =
      key === '11-11' || key === '06-18' ? 2.2 : key === '11-10' || key === '06-17' ? 1.4 : 1;
    const factor = (WEEKDAY[(((day + 4) % 7) + 7) % 7] ?? 1) * promo * rng.between(0.9, 1.1);
    const n = rng.roundStochastic(ordersPerDay * factor);
    const times = new Float64Array(n);
    for (let i = 0; i < n; i++) times[i] = sampleTime(day, ORDER_HOURS);
    times.sort();
    const powerAt = new Int32Array(n).fill(-1);
    if (n > 0) {
      for (let p = 0; p < power.length; p++) {
        if (rng.chance(powerDailyChance)) powerAt[rng.int(0, n - 1)] = p;
      }
    }
    for (let i = 0; i < n; i++) addOrder(times[i] as number, powerAt[i] as number);

    const chats = rng.roundStochastic(ordersPerDay * factor * NON_CONVERTING_CHATS_PER_ORDER);
    for (let i = 0; i < chats; i++) {
      const start = sampleTime(day, CHAT_HOURS);
      const customer =
        customerIds.length > 0 && rng.chance(0.25)
          ? rng.int(0, customerIds.length - 1)
          : newCustomer();
      addChat(customer, start, explicitStage('pre-sales', customer, start), 'auto', true);
    }
  }

  // ---- ids in export order ------------------------------------------------------------

  const flatten = <T extends { id: string }>(buckets: T[][], prefix: string): T[] => {
    const out: T[] = [];
    for (const bucket of buckets) {
      for (const record of bucket) {
        record.id = `${prefix}${String(out.length + 1).padStart(9, '0')}`;
        out.push(record);
      }
    }
    return out;
  };

  return {
    store: {
      id: options.storeId ?? `jd-store-${seed}`,
      name: '悦厨小家电旗舰店',
      category: { level1: '家用电器', level2: '厨房小电' },
    },
    chatSessions: flatten(chatBuckets, 'S'),
    orders,
    reviews: flatten(reviewBuckets, 'R'),
    serviceOrders: flatten(serviceBuckets, 'AS'),
    disputes: flatten(disputeBuckets, 'D'),
    assuredServices: assuredServices(rng, fmt, firstDay, endDay),
  };
}

/** Five of the nine 放心购 services: three long-standing, one opened, one closed in range. */
function assuredServices(
  rng: Random,
  fmt: (ms: number) => GeneratedInstant,
  firstDay: number,
  endDay: number,
): GeneratedAssuredService[] {
  const at = (day: number): number => dayStart(day) + 9 * HOUR + rng.int(0, 9 * 3600) * SECOND;
  const span = endDay - firstDay + 1;
  const out: GeneratedAssuredService[] = [
    { service: 'freight-insurance', enabledAt: fmt(at(firstDay - rng.int(200, 700))) },
    { service: 'lightning-refund', enabledAt: fmt(at(firstDay - rng.int(100, 500))) },
    { service: 'no-reason-return-7d', enabledAt: fmt(at(firstDay - rng.int(300, 900))) },
  ];
  const others = ASSURED_SERVICE_IDS.filter(
    (s) => s !== 'freight-insurance' && s !== 'lightning-refund' && s !== 'no-reason-return-7d',
  );
  const opened = others.splice(rng.int(0, others.length - 1), 1)[0] ?? 'door-pickup';
  const closed = others[rng.int(0, others.length - 1)] ?? 'price-protection';
  out.push({
    service: opened,
    enabledAt: fmt(at(firstDay + Math.floor(span * rng.between(0.3, 0.7)))),
  });
  out.push({
    service: closed,
    enabledAt: fmt(at(firstDay - rng.int(60, 400))),
    disabledAt: fmt(at(firstDay + Math.floor(span * rng.between(0.2, 0.9)))),
  });
  return out;
}

// ---------------------------------------------------------------------------------------
// Peers.
// ---------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------
// Writing, and the CLI.
// ---------------------------------------------------------------------------------------

const COLLECTIONS = [
  'chatSessions',
  'orders',
  'reviews',
  'serviceOrders',
  'disputes',
  'assuredServices',
] as const;

/**
 * Writes a store as compact JSON, one record per line, streaming (works for stores whose
 * JSON exceeds the largest JS string). Returns the bytes written.
 *
 * @example
 * ```ts
 * writeStoreJson(generateStore({ seed: 7, endDay: '2026-11-22', days: 7, ordersPerDay: 5 }), 'store.json');
 * //=> 41234 (bytes)
 * ```
 */
export function writeStoreJson(store: GeneratedStoreData, path: string): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  let chunk: string[] = [];
  let chunkLength = 0;
  const write = (s: string): void => {
    chunk.push(s);
    chunkLength += s.length;
    if (chunkLength > 1 << 20) flush();
  };
  const flush = (): void => {
    const buffer = Buffer.from(chunk.join(''), 'utf8');
    writeSync(fd, buffer);
    bytes += buffer.length;
    chunk = [];
    chunkLength = 0;
  };
  try {
    write(`{\n"store": ${JSON.stringify(store.store)}`);
    for (const key of COLLECTIONS) {
      const records: readonly unknown[] = store[key];
      write(`,\n"${key}": [`);
      for (let i = 0; i < records.length; i++) {
        write(i === 0 ? '\n' : ',\n');
        write(JSON.stringify(records[i]));
      }
      write(records.length > 0 ? '\n]' : ']');
    }
    write('\n}\n');
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}

function runCli(argv: readonly string[]): void {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i] ?? '';
    if (!name.startsWith('--')) throw new Error(`unexpected argument ${name}`);
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`missing value for ${name}`);
    args.set(name.slice(2), value);
    i++;
  }
  const known = new Set([
    'seed',
    'end-day',
    'days',
    'orders-per-day',
    'records',
    'store-id',
    'instant-format',
    'out',
  ]);
  for (const name of args.keys()) if (!known.has(name)) throw new Error(`unknown option --${name}`);
  const days = Number(args.get('days') ?? SAMPLE_STORE_OPTIONS.days);
  const records = args.get('records');
  const format = args.get('instant-format') ?? 'shanghai-local';
  if (format !== 'shanghai-local' && format !== 'epoch-ms') {
    throw new Error(`--instant-format must be shanghai-local or epoch-ms, got ${format}`);
  }
  const options: GenerateStoreOptions = {
    seed: Number(args.get('seed') ?? SAMPLE_STORE_OPTIONS.seed),
    endDay: args.get('end-day') ?? SAMPLE_STORE_OPTIONS.endDay,
    days,
    ordersPerDay:
      records !== undefined
        ? ordersPerDayFor(Number(records), days)
        : Number(args.get('orders-per-day') ?? SAMPLE_STORE_OPTIONS.ordersPerDay),
    instantFormat: format,
  };
  const storeId = args.get('store-id');
  if (storeId !== undefined) options.storeId = storeId;
  const out = args.get('out') ?? 'examples/sample-store.json';

  const t0 = performance.now();
  const store = generateStore(options);
  const t1 = performance.now();
  const bytes = writeStoreJson(store, out);
  const t2 = performance.now();
  process.stderr.write(
    `${out}: ${countRecords(store)} records (ordersPerDay ${options.ordersPerDay}), ` +
      `generated in ${Math.round(t1 - t0)} ms, ${bytes} bytes written in ${Math.round(t2 - t1)} ms\n`,
  );
}

function isMain(): boolean {
  const invoked = process.argv[1];
  if (invoked === undefined) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(invoked)).href;
  } catch {
    return false;
  }
}

if (isMain()) runCli(process.argv.slice(2));
