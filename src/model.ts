/**
 * The normalised store data that {@link parseStoreData} returns and every calculator reads.
 *
 * Instants are epoch milliseconds (integers), money is integer fen (1 yuan = 100 fen), and
 * every collection is present: empty when the input had none, and then named in
 * `notProvided` (not provided is unknown, not none). Chat messages are sorted by time.
 *
 * @module
 */

/** An instant in epoch milliseconds (UTC). */
export type EpochMs = number;

/** Who sent a chat message: the customer, a human agent, or the robot (京东小智). */
export type MessageSender = 'customer' | 'agent' | 'robot';

/** The five satisfaction levels of JD ratings: 非常满意 … 非常不满意. */
export type Rating =
  | 'very-satisfied'
  | 'satisfied'
  | 'neutral'
  | 'dissatisfied'
  | 'very-dissatisfied';

/** A consultation (咨询) or an offline message (留言, left when no agent was online). */
export type ChatKind = 'consultation' | 'offline-message';

/** Pre-sales (售前) or after-sales (售后) chat. */
export type ChatStage = 'pre-sales' | 'after-sales';

/** One chat message. */
export interface ChatMessage {
  /** Sender. */
  readonly from: MessageSender;
  /** When it was sent, epoch ms. */
  readonly at: EpochMs;
}

/** A chat session (咚咚会话) as exported; sessions of one customer may be merged (`docs/sources.md`). */
export interface ChatSession {
  readonly id: string;
  readonly customerId: string;
  /** Defaults to `'consultation'`. */
  readonly kind: ChatKind;
  /** Explicit stage; when absent it is derived from the customer's earlier orders. */
  readonly stage?: ChatStage | undefined;
  /** Sorted by `at`, never empty, with at least one customer message. */
  readonly messages: readonly ChatMessage[];
  readonly rating?: Rating | undefined;
  /**
   * When the rating was given. A rating exported without it is dated, as of each evaluation
   * day, at the session record's last message that has happened by then (`assumption`).
   */
  readonly ratedAt?: EpochMs | undefined;
}

/** An order (订单). */
export interface Order {
  readonly id: string;
  readonly customerId: string;
  readonly placedAt: EpochMs;
  readonly paidAt?: EpochMs | undefined;
  /** Cash on delivery (货到付款): shippable when placed. Defaults to `false`. */
  readonly cashOnDelivery: boolean;
  /** Amount after discounts, in integer fen (on input: `amount` in yuan, see `OrderInput`). */
  readonly amountFen: number;
  /** Units (件数), default 1. */
  readonly units: number;
  readonly cancelledAt?: EpochMs | undefined;
  /** Left the warehouse (出库). */
  readonly outboundAt?: EpochMs | undefined;
  /** Collected by the carrier (揽收). */
  readonly collectedAt?: EpochMs | undefined;
  /** Delivered (妥投). */
  readonly deliveredAt?: EpochMs | undefined;
}

/** Star rating of a product review, 1–5. */
export type Stars = 1 | 2 | 3 | 4 | 5;

/** A product review (商品评价). */
export interface Review {
  readonly id: string;
  readonly customerId: string;
  readonly orderId?: string | undefined;
  readonly createdAt: EpochMs;
  readonly stars: Stars;
  /** The merchant's reply. */
  readonly repliedAt?: EpochMs | undefined;
  /** Excluded by JD (appeal upheld, fake, refunded return, unreasonable): counts nowhere. Default `false`. */
  readonly excluded: boolean;
}

/** Type of an after-sales service order (售后服务单). */
export type ServiceType = 'return' | 'exchange' | 'repair';

/** Reason of a service order; the first six are quality reasons (`docs/sources.md`). */
export type ServiceReason =
  | 'quality'
  | 'fake-or-used'
  | 'dead-on-arrival'
  | 'missing-parts'
  | 'soft-failure'
  | 'appearance'
  | 'no-reason'
  | 'other';

/** An after-sales service order (售后服务单). */
export interface ServiceOrder {
  readonly id: string;
  readonly orderId: string;
  readonly type: ServiceType;
  readonly reason: ServiceReason;
  readonly appliedAt: EpochMs;
  /** Approved (审核通过). */
  readonly approvedAt?: EpochMs | undefined;
  readonly rejectedAt?: EpochMs | undefined;
  readonly completedAt?: EpochMs | undefined;
  readonly rating?: Rating | undefined;
  /**
   * When the rating was given. A rating exported without it is dated, as of each evaluation
   * day, at `completedAt`, else `approvedAt`, else `appliedAt`, taking only those that have
   * happened by then (`assumption`).
   */
  readonly ratedAt?: EpochMs | undefined;
}

/** Who a dispute ruling holds responsible. */
export type DisputeRuling = 'merchant' | 'shared' | 'customer' | 'platform';

/** A transaction dispute (交易纠纷). */
export interface Dispute {
  readonly id: string;
  readonly orderId: string;
  readonly openedAt: EpochMs;
  readonly ruling?: DisputeRuling | undefined;
  /**
   * When the ruling was made. A ruling exported without it is dated at `openedAt`
   * (`assumption`), and {@link Dispute.ruledAtInferred} says so.
   */
  readonly ruledAt?: EpochMs | undefined;
  /** `true` when `ruledAt` was not in the input and was dated at `openedAt`. */
  readonly ruledAtInferred?: true | undefined;
  /**
   * The merchant's appeal against the ruling was upheld (申诉成功). Accepted without a ruling
   * (an export may clear the ruling once the appeal is upheld): it then removes nothing.
   */
  readonly appealUpheldAt?: EpochMs | undefined;
}

/** Ids of the 放心购 services the default rule set knows (`docs/sources.md`). */
export type BuiltInAssuredServiceId =
  | 'freight-insurance'
  | 'lightning-refund'
  | 'damage-compensation'
  | 'late-delivery-compensation'
  | 'return-or-exchange-180d'
  | 'product-liability-insurance'
  | 'no-reason-return-7d'
  | 'door-pickup'
  | 'price-protection';

/**
 * Id of an 放心购 assured-purchase service: a built-in one, or any id a rule set adds with its
 * points (`bonus.servicePoints`).
 */
export type AssuredServiceId = BuiltInAssuredServiceId | (string & {});

/** An 放心购 service the store opened. */
export interface AssuredService {
  readonly service: AssuredServiceId;
  readonly enabledAt: EpochMs;
  readonly disabledAt?: EpochMs | undefined;
}

/** The store itself. */
export interface Store {
  readonly id: string;
  readonly name?: string | undefined;
  /** Main category (主营类目); peers are the stores of the same second-level category. */
  readonly category?:
    | { readonly level1?: string | undefined; readonly level2?: string | undefined }
    | undefined;
}

/**
 * The names of the record collections of {@link StoreData}, in the order they are checked
 * and reported.
 *
 * @example
 * ```ts
 * STORE_DATA_COLLECTIONS[1];
 * //=> 'orders'
 * ```
 */
export const STORE_DATA_COLLECTIONS = [
  'chatSessions',
  'orders',
  'reviews',
  'serviceOrders',
  'disputes',
  'assuredServices',
] as const;

/**
 * A record collection of {@link StoreData}.
 *
 * @example
 * ```ts
 * const c: StoreDataCollection = 'serviceOrders';
 * ```
 */
export type StoreDataCollection = (typeof STORE_DATA_COLLECTIONS)[number];

/**
 * A store's data, validated and normalised by {@link parseStoreData}: the form the calculators
 * read (instants in epoch ms, money in fen). What you pass in is `StoreDataInput` (the input
 * guide, docs/input.md, lists every field, unit and accepted form).
 *
 * The parsers keep `chatSessions`, `orders` and `reviews` column-wise (about 100 bytes a record,
 * docs/performance.md): each is built as an array of these records the first time it is read,
 * and is a plain array from then on. The library's own functions read the columns and never
 * build them; a spread (`{ ...data }`) reads, and so builds, every collection.
 *
 * @example
 * ```ts
 * const data: StoreData = parseStoreData({ store: { id: 's1' }, orders: [
 *   { id: 'o1', customerId: 'c1', placedAt: '2026-11-01 09:00:00', amount: 5 },
 * ] });
 * data.orders[0]?.amountFen;
 * //=> 500
 * ```
 */
export interface StoreData {
  readonly store: Store;
  readonly chatSessions: readonly ChatSession[];
  readonly orders: readonly Order[];
  readonly reviews: readonly Review[];
  readonly serviceOrders: readonly ServiceOrder[];
  readonly disputes: readonly Dispute[];
  readonly assuredServices: readonly AssuredService[];
  /**
   * The collections the input did not provide (a key absent or `null` in the JSON input, a
   * folder without the collection's file): each is empty here, but unknown, not none. The
   * metrics that read one are `no-data` with `reason: 'not-provided'`, and the scorecard warns.
   * Absent when every collection was provided; an empty list (`orders: []`) means that nothing
   * happened. A plain field, so that a spread (`{ ...data, orders }`) keeps it: drop a name
   * from it when you fill that collection in.
   */
  readonly notProvided?: readonly StoreDataCollection[];
}

/**
 * `data` with `notProvided` set to the collections in `provided` that are `false`, in the order
 * of {@link STORE_DATA_COLLECTIONS} (left out when there is none). What every parser returns.
 * @internal
 */
export function withNotProvided(
  data: StoreData,
  provided: (collection: StoreDataCollection) => boolean,
): StoreData {
  const missing = STORE_DATA_COLLECTIONS.filter((c) => !provided(c));
  return missing.length === 0 ? data : { ...data, notProvided: missing };
}

/**
 * The brand {@link parseStoreData} puts on the data it returns (a registered symbol, so that
 * two copies of the library in one process, ESM and CommonJS, recognise each other's data).
 * @internal
 */
export const PARSED_STORE_DATA: unique symbol = Symbol.for('jd-weather-vane.parsed-store-data');

/**
 * Marks `data` as parsed store data (what the parsers return), and notes on it, hidden (a
 * non-enumerable property, which a spread leaves behind), its latest fact (see
 * {@link latestFactMs}): `latestMs` when the parser took it record by record (it may be later
 * than every fact kept, never earlier), else from a pass over the records.
 * @internal
 */
export function markParsed(data: StoreData, latestMs: number = scanLatestFactMs(data)): StoreData {
  (data as { [PARSED_STORE_DATA]?: true })[PARSED_STORE_DATA] = true;
  Object.defineProperty(data, LATEST_FACT, {
    value: { ms: latestMs, lengths: lengthsOf(data) } satisfies LatestFact,
    enumerable: false,
    configurable: true,
  });
  return data;
}

/** The latest fact of a parsed store, as noted when it was parsed. */
interface LatestFact {
  readonly ms: number;
  /** The collections' lengths then: a record pushed onto one since makes the note stale. */
  readonly lengths: string;
}

const LATEST_FACT: unique symbol = Symbol('jd-weather-vane.latest-fact');

/**
 * The hidden handle of a store whose large collections are held column-wise (`src/_packed.ts`):
 * a registered symbol, so that the package's bundles (`.`, `./node`, each with its own copy of
 * this module) read each other's columns.
 * @internal
 */
export const PACKED: unique symbol = Symbol.for('jd-weather-vane.packed');

/**
 * What `model.ts` asks of a store held column-wise: whether a collection is an array yet, and
 * its length without building it.
 * @internal
 */
export interface PackedHandle {
  /** The layout of the columns: a handle of another layout (another version) is not read. */
  readonly layout: number;
  isArray(c: StoreDataCollection): boolean;
  length(c: StoreDataCollection): number;
}

/**
 * The number of records of `data`'s collection `c`, without building records held
 * column-wise.
 * @internal
 */
export function collectionLength(d: StoreData, c: StoreDataCollection): number {
  const p = (d as { [PACKED]?: PackedHandle })[PACKED];
  return p !== undefined && !p.isArray(c) ? p.length(c) : d[c].length;
}

function lengthsOf(d: StoreData): string {
  return STORE_DATA_COLLECTIONS.map((c) => collectionLength(d, c)).join(',');
}

/**
 * The latest instant of any fact of `data` (a record's creation, each of its later facts, a
 * chat's last message, a rating, a ruling; `-Infinity` for a store with no record), as noted by
 * the parser that returned `data` (or later: a parser may count a record it then sets aside);
 * `undefined` when there is no such note (data built by a spread, or a collection whose length
 * changed since). A forecast whose knowledge cut-off is after it knows every fact, and skips
 * checking each record against the cut-off.
 * @internal
 */
export function latestFactMs(data: StoreData): number | undefined {
  const note = (data as { [LATEST_FACT]?: LatestFact })[LATEST_FACT];
  return note !== undefined && note.lengths === lengthsOf(data) ? note.ms : undefined;
}

/**
 * The later of `max` and `t` (`max` when `t` is absent).
 * @internal
 */
export function later(max: number, t: number | undefined): number {
  return t === undefined ? max : Math.max(max, t);
}

/**
 * The latest instant of one record's facts, by collection (a chat's messages are sorted: its
 * last message is its latest). The parsers take each record's as they create it; the engine's
 * families bound their entities by them.
 * @internal
 */
export const LATEST_FACT_OF = {
  chatSessions: (s: ChatSession): number =>
    later((s.messages[s.messages.length - 1] as ChatMessage).at, s.ratedAt),
  orders: (o: Order): number =>
    later(
      later(later(later(later(o.placedAt, o.paidAt), o.cancelledAt), o.outboundAt), o.collectedAt),
      o.deliveredAt,
    ),
  reviews: (r: Review): number => later(r.createdAt, r.repliedAt),
  serviceOrders: (s: ServiceOrder): number =>
    later(later(later(later(s.appliedAt, s.approvedAt), s.rejectedAt), s.completedAt), s.ratedAt),
  disputes: (d: Dispute): number => later(later(d.openedAt, d.ruledAt), d.appealUpheldAt),
  assuredServices: (a: AssuredService): number => later(a.enabledAt, a.disabledAt),
} as const;

/** One pass over every record of `data`: the latest instant of their facts. */
function scanLatestFactMs(d: StoreData): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of d.chatSessions) max = Math.max(max, LATEST_FACT_OF.chatSessions(s));
  for (const o of d.orders) max = Math.max(max, LATEST_FACT_OF.orders(o));
  for (const r of d.reviews) max = Math.max(max, LATEST_FACT_OF.reviews(r));
  for (const s of d.serviceOrders) max = Math.max(max, LATEST_FACT_OF.serviceOrders(s));
  for (const x of d.disputes) max = Math.max(max, LATEST_FACT_OF.disputes(x));
  for (const a of d.assuredServices) max = Math.max(max, LATEST_FACT_OF.assuredServices(a));
  return max;
}

/**
 * Whether `value` was returned by {@link parseStoreData}, {@link safeParseStoreData},
 * {@link parseStoreDataLenient} or `storeDataSchema`: only such data is evaluated. The brand
 * is an enumerable symbol property: a spread (`{ ...data, orders: data.orders.filter(f) }`)
 * keeps it (put only parsed records in), `JSON.stringify` and `structuredClone` drop it.
 *
 * @example
 * ```ts
 * isParsedStoreData(parseStoreData({ store: { id: 's1' } }));
 * //=> true
 * isParsedStoreData(JSON.parse('{"store":{"id":"s1"},"orders":[]}'));
 * //=> false
 * ```
 */
export function isParsedStoreData(value: unknown): value is StoreData {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [PARSED_STORE_DATA]?: unknown })[PARSED_STORE_DATA] === true
  );
}
