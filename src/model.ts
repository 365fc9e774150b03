/**
 * The normalised store data that {@link parseStoreData} returns and every calculator reads.
 *
 * Instants are epoch milliseconds (integers), money is integer fen (1 yuan = 100 fen), and
 * every optional collection is present (empty when the input had none). Chat messages are
 * sorted by time.
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
 * A store's data, validated and normalised by {@link parseStoreData}: the form the calculators
 * read (instants in epoch ms, money in fen). What you pass in is `StoreDataInput` (the input
 * guide, docs/input.md, lists every field, unit and accepted form).
 */
export interface StoreData {
  readonly store: Store;
  readonly chatSessions: readonly ChatSession[];
  readonly orders: readonly Order[];
  readonly reviews: readonly Review[];
  readonly serviceOrders: readonly ServiceOrder[];
  readonly disputes: readonly Dispute[];
  readonly assuredServices: readonly AssuredService[];
}

/**
 * The brand {@link parseStoreData} puts on the data it returns (a registered symbol, so that
 * two copies of the library in one process, ESM and CommonJS, recognise each other's data).
 * @internal
 */
export const PARSED_STORE_DATA: unique symbol = Symbol.for('jd-weather-vane.parsed-store-data');

/**
 * Marks `data` as parsed store data (what the parsers return).
 * @internal
 */
export function markParsed<T extends object>(data: T): T {
  (data as { [PARSED_STORE_DATA]?: true })[PARSED_STORE_DATA] = true;
  return data;
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
