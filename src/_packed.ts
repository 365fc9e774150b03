/**
 * The parsed store held column-wise (private). The three large collections (chat sessions,
 * orders, reviews: 97 % of a store's records) are kept as typed arrays, one per field (instants
 * as `Float64Array`s, an absent instant `NaN`; enumerations as `Uint8Array` codes; money as
 * integer fen), customer ids interned once per store, messages flattened into one column per
 * field with offsets. That is about 100 bytes a record, where records as objects took about 600,
 * and the columns are outside V8's heap (a collection walks no object graph).
 *
 * The public {@link StoreData} is unchanged: its `chatSessions`, `orders` and `reviews` are
 * getters that build the records (the very objects the parsers give: same keys, same order)
 * the first time they are read, and then stay plain arrays. The engine's families never read
 * them: they read the columns through {@link ordersReaching}, {@link reviewsReaching} and
 * {@link customerRecordsReaching}, which build only the records that can reach a window of the
 * days evaluated. Once a collection has been read as an array (and so may have been changed),
 * every reader takes the array.
 *
 * @module
 */
import { IdArena, type IdArenaFields, type IdStrings, Interner, SharedIds } from './_idArena.js';
import {
  type ChatKind,
  type ChatMessage,
  type ChatSession,
  type ChatStage,
  type MessageSender,
  markParsed,
  type Order,
  PACKED,
  type PackedHandle,
  type Rating,
  type Review,
  STORE_DATA_COLLECTIONS,
  type Stars,
  type Store,
  type StoreData,
  type StoreDataCollection,
} from './model.js';

/** The collections held column-wise. */
export const PACKED_COLLECTIONS = ['chatSessions', 'orders', 'reviews'] as const;
/** A collection held column-wise. */
export type PackedCollection = (typeof PACKED_COLLECTIONS)[number];

const KINDS: readonly ChatKind[] = ['consultation', 'offline-message'];
const STAGES: readonly (ChatStage | undefined)[] = [undefined, 'pre-sales', 'after-sales'];
const RATINGS: readonly (Rating | undefined)[] = [
  undefined,
  'very-satisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
  'very-dissatisfied',
];
const SENDERS: readonly MessageSender[] = ['customer', 'agent', 'robot'];

function codeOf<T>(list: readonly T[], value: T): number {
  const i = list.indexOf(value);
  if (i < 0) throw new Error(`packed store: no code for ${String(value)}`);
  return i;
}

/** `undefined` for the `NaN` of an absent instant. */
function opt(v: number): number | undefined {
  // biome-ignore lint/suspicious/noSelfCompare: NaN is the one value not equal to itself
  return v === v ? v : undefined;
}

/** An absent instant as `NaN`. */
function nan(v: number | undefined): number {
  return v === undefined ? Number.NaN : v;
}

/** The later of `a` and `b`, an absent (`NaN`) `b` leaving `a`. */
function mx(a: number, b: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.max answers NaN for an absent b
  return b > a ? b : a;
}

type Typed = Float64Array | Int32Array | Uint8Array;
type TypedCtor<T extends Typed> = { new (n: number): T };

/** A typed column that grows by doubling, trimmed by {@link done}. */
export class Column<T extends Typed> {
  a: T;
  n = 0;
  constructor(
    private readonly ctor: TypedCtor<T>,
    capacity = 256,
  ) {
    this.a = new ctor(Math.max(capacity, 16));
  }
  /**
   * Room for `n` values in all, allocated once: growing by doubling allocates new buffers, and
   * each large buffer counts towards the external memory that makes V8 collect the whole heap
   * (costly while a large raw input is alive).
   */
  reserve(n: number): void {
    if (n <= this.a.length) return;
    const b = new this.ctor(n);
    b.set(this.a.subarray(0, this.n) as never);
    this.a = b;
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new this.ctor(this.n * 2);
      b.set(this.a as never);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  /** Pushes every value of `src`. */
  pushAll(src: ArrayLike<number>): void {
    this.reserveMore(src.length);
    this.a.set(src as never, this.n);
    this.n += src.length;
  }
  /** Room for `more` values beyond those pushed, growing by doubling. */
  reserveMore(more: number): void {
    if (this.n + more > this.a.length) this.reserve(Math.max(this.n + more, this.a.length * 2));
  }
  /** The values, trimmed; the column lets go of its buffer (it is not pushed to again). */
  done(): T {
    // Within an eighth of its room (room reserved from an estimate), a view of the buffer:
    // copying it would hold both at once.
    const out =
      this.a.length === this.n
        ? this.a
        : (this.a.length - this.n) * 8 <= this.a.length
          ? (this.a.subarray(0, this.n) as T)
          : (this.a.slice(0, this.n) as T);
    this.a = new this.ctor(0);
    return out;
  }
}

const f64 = () => new Column(Float64Array);
const i32 = () => new Column(Int32Array);
const u8 = () => new Column(Uint8Array);

/** Keeps the rows `i` for which `keep[i]` is 1. */
function keepRows<T extends Typed>(a: T, keep: Uint8Array, n: number): T {
  const out = new (a.constructor as TypedCtor<T>)(n);
  let j = 0;
  for (let i = 0; i < a.length; i++) if (keep[i] === 1) out[j++] = a[i] as number;
  return out;
}

function countKept(keep: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < keep.length; i++) n += keep[i] as number;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Chat sessions
// ---------------------------------------------------------------------------------------------

/** Chat sessions column-wise; the messages of session `i` are `msgStart[i] … msgStart[i+1]−1`. */
export class PackedChats {
  constructor(
    readonly ids: IdArena,
    readonly customer: Int32Array,
    readonly kind: Uint8Array,
    readonly stage: Uint8Array,
    readonly rating: Uint8Array,
    readonly ratedAt: Float64Array,
    readonly msgStart: Int32Array,
    readonly msgAt: Float64Array,
    readonly msgFrom: Uint8Array,
  ) {}
  /** The number of rows (the ids are not counted: a folder reader sets them last). */
  get length(): number {
    return this.customer.length;
  }
  /** The session `i` as the parsers give it. */
  record(i: number, customers: IdStrings): ChatSession {
    const from = this.msgStart[i] as number;
    const to = this.msgStart[i + 1] as number;
    const messages: ChatMessage[] = new Array(to - from);
    for (let j = from; j < to; j++)
      messages[j - from] = {
        from: SENDERS[this.msgFrom[j] as number] as MessageSender,
        at: this.msgAt[j] as number,
      };
    return {
      id: this.ids.at(i) as string,
      customerId: customers.at(this.customer[i] as number) as string,
      kind: KINDS[this.kind[i] as number] as ChatKind,
      stage: STAGES[this.stage[i] as number],
      messages,
      rating: RATINGS[this.rating[i] as number],
      ratedAt: opt(this.ratedAt[i] as number),
    };
  }
  /** The latest instant of session `i`'s facts: its last message or its rating. */
  lastFact(i: number): number {
    return mx(
      this.msgAt[(this.msgStart[i + 1] as number) - 1] as number,
      this.ratedAt[i] as number,
    );
  }
  keep(keep: Uint8Array): PackedChats {
    const n = countKept(keep);
    const starts = new Int32Array(n + 1);
    let m = 0;
    for (let i = 0, j = 0; i < this.length; i++) {
      if (keep[i] !== 1) continue;
      starts[j++] = m;
      m += (this.msgStart[i + 1] as number) - (this.msgStart[i] as number);
    }
    starts[n] = m;
    const at = new Float64Array(m);
    const from = new Uint8Array(m);
    for (let i = 0, k = 0; i < this.length; i++) {
      if (keep[i] !== 1) continue;
      for (let j = this.msgStart[i] as number; j < (this.msgStart[i + 1] as number); j++, k++) {
        at[k] = this.msgAt[j] as number;
        from[k] = this.msgFrom[j] as number;
      }
    }
    return new PackedChats(
      this.ids.keep(keep),
      keepRows(this.customer, keep, n),
      keepRows(this.kind, keep, n),
      keepRows(this.stage, keep, n),
      keepRows(this.rating, keep, n),
      keepRows(this.ratedAt, keep, n),
      starts,
      at,
      from,
    );
  }
}

class ChatColumns {
  /** Whether the rows' ids are kept here (else the caller keeps them: see {@link PackedBuilder}). */
  constructor(readonly withIds: boolean) {}
  readonly ids = new IdArena();
  readonly customer = i32();
  readonly kind = u8();
  readonly stage = u8();
  readonly rating = u8();
  readonly ratedAt = f64();
  readonly msgStart = i32();
  readonly msgAt = f64();
  readonly msgFrom = u8();
  reserve(sessions: number, messages: number): void {
    for (const c of [this.customer, this.kind, this.stage, this.rating, this.ratedAt])
      c.reserve(sessions);
    this.msgStart.reserve(sessions + 1);
    this.msgAt.reserve(messages);
    this.msgFrom.reserve(messages);
  }
  /** Appends the sessions of `col`, their customers renumbered by `customer`. */
  append(col: PackedChats, customer: Int32Array): void {
    const n = col.length;
    if (this.withIds) this.ids.appendAll(col.ids);
    this.customer.reserveMore(n);
    this.msgStart.reserveMore(n);
    const base = this.msgAt.n;
    for (let i = 0; i < n; i++) {
      this.customer.push(customer[col.customer[i] as number] as number);
      this.msgStart.push(base + (col.msgStart[i] as number));
    }
    this.kind.pushAll(col.kind);
    this.stage.pushAll(col.stage);
    this.rating.pushAll(col.rating);
    this.ratedAt.pushAll(col.ratedAt);
    this.msgAt.pushAll(col.msgAt);
    this.msgFrom.pushAll(col.msgFrom);
  }
  push(s: ChatSession, customers: Interner): void {
    if (this.withIds) this.ids.push(s.id);
    this.customer.push(customers.id(s.customerId));
    this.kind.push(codeOf(KINDS, s.kind));
    this.stage.push(codeOf(STAGES, s.stage));
    this.rating.push(codeOf(RATINGS, s.rating));
    this.ratedAt.push(nan(s.ratedAt));
    this.msgStart.push(this.msgAt.n);
    for (const m of s.messages) {
      this.msgAt.push(m.at);
      this.msgFrom.push(codeOf(SENDERS, m.from));
    }
  }
  done(): PackedChats {
    this.msgStart.push(this.msgAt.n);
    return new PackedChats(
      this.ids.trim(),
      this.customer.done(),
      this.kind.done(),
      this.stage.done(),
      this.rating.done(),
      this.ratedAt.done(),
      this.msgStart.done(),
      this.msgAt.done(),
      this.msgFrom.done(),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------------

/** Orders column-wise. */
export class PackedOrders {
  constructor(
    readonly ids: IdArena,
    readonly customer: Int32Array,
    readonly placedAt: Float64Array,
    readonly paidAt: Float64Array,
    readonly cashOnDelivery: Uint8Array,
    readonly amountFen: Float64Array,
    readonly units: Float64Array,
    readonly cancelledAt: Float64Array,
    readonly outboundAt: Float64Array,
    readonly collectedAt: Float64Array,
    readonly deliveredAt: Float64Array,
  ) {}
  /** The number of rows (the ids are not counted: a folder reader sets them last). */
  get length(): number {
    return this.customer.length;
  }
  record(i: number, customers: IdStrings): Order {
    return {
      id: this.ids.at(i) as string,
      customerId: customers.at(this.customer[i] as number) as string,
      placedAt: this.placedAt[i] as number,
      paidAt: opt(this.paidAt[i] as number),
      cashOnDelivery: this.cashOnDelivery[i] === 1,
      amountFen: this.amountFen[i] as number,
      units: this.units[i] as number,
      cancelledAt: opt(this.cancelledAt[i] as number),
      outboundAt: opt(this.outboundAt[i] as number),
      collectedAt: opt(this.collectedAt[i] as number),
      deliveredAt: opt(this.deliveredAt[i] as number),
    };
  }
  /** The latest instant of order `i`'s own facts. */
  lastFact(i: number): number {
    let m = this.placedAt[i] as number;
    m = mx(m, this.paidAt[i] as number);
    m = mx(m, this.cancelledAt[i] as number);
    m = mx(m, this.outboundAt[i] as number);
    m = mx(m, this.collectedAt[i] as number);
    return mx(m, this.deliveredAt[i] as number);
  }
  keep(keep: Uint8Array): PackedOrders {
    const n = countKept(keep);
    return new PackedOrders(
      this.ids.keep(keep),
      keepRows(this.customer, keep, n),
      keepRows(this.placedAt, keep, n),
      keepRows(this.paidAt, keep, n),
      keepRows(this.cashOnDelivery, keep, n),
      keepRows(this.amountFen, keep, n),
      keepRows(this.units, keep, n),
      keepRows(this.cancelledAt, keep, n),
      keepRows(this.outboundAt, keep, n),
      keepRows(this.collectedAt, keep, n),
      keepRows(this.deliveredAt, keep, n),
    );
  }
}

class OrderColumns {
  /** Whether the rows' ids are kept here (else the caller keeps them: see {@link PackedBuilder}). */
  constructor(readonly withIds: boolean) {}
  readonly ids = new IdArena();
  readonly customer = i32();
  readonly placedAt = f64();
  readonly paidAt = f64();
  readonly cashOnDelivery = u8();
  readonly amountFen = f64();
  readonly units = f64();
  readonly cancelledAt = f64();
  readonly outboundAt = f64();
  readonly collectedAt = f64();
  readonly deliveredAt = f64();
  reserve(n: number): void {
    for (const c of [
      this.customer,
      this.placedAt,
      this.paidAt,
      this.cashOnDelivery,
      this.amountFen,
      this.units,
      this.cancelledAt,
      this.outboundAt,
      this.collectedAt,
      this.deliveredAt,
    ] as Column<Typed>[])
      c.reserve(n);
  }
  /** Appends the orders of `col`, their customers renumbered by `customer`. */
  append(col: PackedOrders, customer: Int32Array): void {
    const n = col.length;
    if (this.withIds) this.ids.appendAll(col.ids);
    this.customer.reserveMore(n);
    for (let i = 0; i < n; i++) {
      this.customer.push(customer[col.customer[i] as number] as number);
    }
    this.placedAt.pushAll(col.placedAt);
    this.paidAt.pushAll(col.paidAt);
    this.cashOnDelivery.pushAll(col.cashOnDelivery);
    this.amountFen.pushAll(col.amountFen);
    this.units.pushAll(col.units);
    this.cancelledAt.pushAll(col.cancelledAt);
    this.outboundAt.pushAll(col.outboundAt);
    this.collectedAt.pushAll(col.collectedAt);
    this.deliveredAt.pushAll(col.deliveredAt);
  }
  push(o: Order, customers: Interner): void {
    if (this.withIds) this.ids.push(o.id);
    this.customer.push(customers.id(o.customerId));
    this.placedAt.push(o.placedAt);
    this.paidAt.push(nan(o.paidAt));
    this.cashOnDelivery.push(o.cashOnDelivery ? 1 : 0);
    this.amountFen.push(o.amountFen);
    this.units.push(o.units);
    this.cancelledAt.push(nan(o.cancelledAt));
    this.outboundAt.push(nan(o.outboundAt));
    this.collectedAt.push(nan(o.collectedAt));
    this.deliveredAt.push(nan(o.deliveredAt));
  }
  done(): PackedOrders {
    return new PackedOrders(
      this.ids.trim(),
      this.customer.done(),
      this.placedAt.done(),
      this.paidAt.done(),
      this.cashOnDelivery.done(),
      this.amountFen.done(),
      this.units.done(),
      this.cancelledAt.done(),
      this.outboundAt.done(),
      this.collectedAt.done(),
      this.deliveredAt.done(),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Reviews
// ---------------------------------------------------------------------------------------------

/** Reviews column-wise. */
export class PackedReviews {
  constructor(
    readonly ids: IdArena,
    readonly customer: Int32Array,
    readonly orderIds: IdArena,
    readonly createdAt: Float64Array,
    readonly stars: Uint8Array,
    readonly repliedAt: Float64Array,
    readonly excluded: Uint8Array,
  ) {}
  /** The number of rows (the ids are not counted: a folder reader sets them last). */
  get length(): number {
    return this.customer.length;
  }
  record(i: number, customers: IdStrings): Review {
    return {
      id: this.ids.at(i) as string,
      customerId: customers.at(this.customer[i] as number) as string,
      orderId: this.orderIds.at(i),
      createdAt: this.createdAt[i] as number,
      stars: this.stars[i] as Stars,
      repliedAt: opt(this.repliedAt[i] as number),
      excluded: this.excluded[i] === 1,
    };
  }
  lastFact(i: number): number {
    return mx(this.createdAt[i] as number, this.repliedAt[i] as number);
  }
  keep(keep: Uint8Array): PackedReviews {
    const n = countKept(keep);
    return new PackedReviews(
      this.ids.keep(keep),
      keepRows(this.customer, keep, n),
      this.orderIds.keep(keep),
      keepRows(this.createdAt, keep, n),
      keepRows(this.stars, keep, n),
      keepRows(this.repliedAt, keep, n),
      keepRows(this.excluded, keep, n),
    );
  }
}

class ReviewColumns {
  /** Whether the rows' ids are kept here (else the caller keeps them: see {@link PackedBuilder}). */
  constructor(readonly withIds: boolean) {}
  readonly ids = new IdArena();
  readonly customer = i32();
  readonly orderIds = new IdArena();
  readonly createdAt = f64();
  readonly stars = u8();
  readonly repliedAt = f64();
  readonly excluded = u8();
  reserve(n: number): void {
    for (const c of [
      this.customer,
      this.createdAt,
      this.stars,
      this.repliedAt,
      this.excluded,
    ] as Column<Typed>[])
      c.reserve(n);
  }
  /** Appends the reviews of `col`, their customers renumbered by `customer`. */
  append(col: PackedReviews, customer: Int32Array): void {
    const n = col.length;
    if (this.withIds) {
      this.ids.appendAll(col.ids);
      this.orderIds.appendAll(col.orderIds);
    }
    this.customer.reserveMore(n);
    for (let i = 0; i < n; i++) {
      this.customer.push(customer[col.customer[i] as number] as number);
    }
    this.createdAt.pushAll(col.createdAt);
    this.stars.pushAll(col.stars);
    this.repliedAt.pushAll(col.repliedAt);
    this.excluded.pushAll(col.excluded);
  }
  push(r: Review, customers: Interner): void {
    if (this.withIds) {
      this.ids.push(r.id);
      this.orderIds.push(r.orderId);
    }
    this.customer.push(customers.id(r.customerId));
    this.createdAt.push(r.createdAt);
    this.stars.push(r.stars);
    this.repliedAt.push(nan(r.repliedAt));
    this.excluded.push(r.excluded ? 1 : 0);
  }
  done(): PackedReviews {
    return new PackedReviews(
      this.ids.trim(),
      this.customer.done(),
      this.orderIds.trim(),
      this.createdAt.done(),
      this.stars.done(),
      this.repliedAt.done(),
      this.excluded.done(),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

/** The column-wise collections of one store, and its customer ids. */
export interface PackedCollections {
  /** The store's customer ids, numbered (the rows' `customer` columns hold the numbers). */
  readonly customers: IdArena;
  readonly chatSessions: PackedChats;
  readonly orders: PackedOrders;
  readonly reviews: PackedReviews;
}

/**
 * Takes records of the three large collections one at a time (a record can be dropped as soon
 * as it is pushed) and gives the columns.
 *
 * With `withIds` false the rows' ids (and reviews' order ids) are not kept: a folder reader
 * keeps every record's id, good or bad, in one arena for its checks across records, and gives
 * the good rows' ids to {@link PackedBuilder.done} (the same arena when every record passed),
 * rather than holding the characters twice.
 */
export class PackedBuilder {
  #customers = new Interner();
  #chats: ChatColumns;
  #orders: OrderColumns;
  #reviews: ReviewColumns;
  constructor(readonly withIds = true) {
    this.#chats = new ChatColumns(withIds);
    this.#orders = new OrderColumns(withIds);
    this.#reviews = new ReviewColumns(withIds);
  }
  pushChat(s: ChatSession): void {
    this.#chats.push(s, this.#customers);
  }
  pushOrder(o: Order): void {
    this.#orders.push(o, this.#customers);
  }
  pushReview(r: Review): void {
    this.#reviews.push(r, this.#customers);
  }
  /**
   * Room for `n` records of `c` (and, for chat sessions, `messages` messages), when known
   * beforehand (records given in memory): the columns are allocated once.
   */
  reserve(c: PackedCollection, n: number, messages = 0): void {
    if (c === 'chatSessions') this.#chats.reserve(n, messages);
    else if (c === 'orders') this.#orders.reserve(n);
    else this.#reviews.reserve(n);
  }
  /** Pushes `record` onto the columns of `collection`. */
  push(collection: PackedCollection, record: unknown): void {
    if (collection === 'chatSessions') this.pushChat(record as ChatSession);
    else if (collection === 'orders') this.pushOrder(record as Order);
    else this.pushReview(record as Review);
  }
  /**
   * The rows of `c` pushed since the last flush, which this builder lets go of, and the
   * customer ids they name, numbered from 0 (their `customer` column holds these numbers): a
   * worker thread posts them in batches, so that it holds one batch at a time. The customer
   * ids are forgotten too, and numbered afresh in the next batch: a thread keeping every
   * customer id of a large file (millions, with their hash table) held about 100 MB through
   * the read, where the calling thread, which numbers them for the store, needs them anyway.
   */
  flush<C extends PackedCollection>(c: C): { col: PackedCollections[C]; customers: IdArena } {
    let col: PackedCollections[PackedCollection];
    if (c === 'chatSessions') {
      col = this.#chats.done();
      this.#chats = new ChatColumns(this.withIds);
    } else if (c === 'orders') {
      col = this.#orders.done();
      this.#orders = new OrderColumns(this.withIds);
    } else {
      col = this.#reviews.done();
      this.#reviews = new ReviewColumns(this.withIds);
    }
    const customers = this.#customers.table;
    this.#customers = new Interner();
    return { col: col as PackedCollections[C], customers };
  }
  /** This store's number of the customer id `j` of `src` (a batch's customers). */
  customerNumberAt(src: IdArena, j: number): number {
    return this.#customers.idAt(src, j);
  }
  /** Appends the rows of `col` (a batch from a worker thread), its customers renumbered. */
  append<C extends PackedCollection>(c: C, col: PackedCollections[C], customer: Int32Array): void {
    if (c === 'chatSessions') this.#chats.append(col as PackedChats, customer);
    else if (c === 'orders') this.#orders.append(col as PackedOrders, customer);
    else this.#reviews.append(col as PackedReviews, customer);
  }
  #result: PackedCollections | undefined;
  /**
   * The columns (the same object when asked again); `ids` gives the rows' ids of a builder
   * without them (`withIds` false), by collection.
   */
  done(ids: { readonly [K in PackedCollection]?: RowIds } = {}): PackedCollections {
    const put = <T extends PackedChats | PackedOrders | PackedReviews>(col: T, i?: RowIds): T =>
      i === undefined ? col : withIds(col, i.ids, i.orderIds);
    this.#result ??= {
      customers: this.#customers.table.trim(),
      chatSessions: put(this.#chats.done(), ids.chatSessions),
      orders: put(this.#orders.done(), ids.orders),
      reviews: put(this.#reviews.done(), ids.reviews),
    };
    return this.#result;
  }
}

/** The ids of a collection's rows, and for reviews their order ids. */
export interface RowIds {
  readonly ids: IdArena;
  readonly orderIds?: IdArena | undefined;
}

/** `col` with the id columns `ids` (and `orderIds`, reviews) in place of its own. */
function withIds<T extends PackedChats | PackedOrders | PackedReviews>(
  col: T,
  ids: IdArena,
  orderIds: IdArena | undefined,
): T {
  if (ids.length !== col.length) throw new Error('packed store: ids and rows differ in number');
  // The same class (its methods), the same columns but the ids.
  const out = Object.assign(Object.create(Object.getPrototypeOf(col) as object) as T, col, { ids });
  if (orderIds !== undefined) Object.assign(out, { orderIds });
  return out;
}

/** `packed` with only the rows `keep[collection][i] === 1` (rows of an absent mask all kept). */
export function keepPacked(
  packed: PackedCollections,
  keep: { readonly [K in PackedCollection]?: Uint8Array | undefined },
): PackedCollections {
  return {
    customers: packed.customers,
    chatSessions:
      keep.chatSessions === undefined
        ? packed.chatSessions
        : packed.chatSessions.keep(keep.chatSessions),
    orders: keep.orders === undefined ? packed.orders : packed.orders.keep(keep.orders),
    reviews: keep.reviews === undefined ? packed.reviews : packed.reviews.keep(keep.reviews),
  };
}

/** The version of the column layout below: bumped whenever a column changes. */
const PACKED_LAYOUT = 2;

/** The hidden state of a store held column-wise: its columns, and which were read as arrays. */
class Packed implements PackedHandle {
  readonly layout = PACKED_LAYOUT;
  readonly #arrays: { [K in PackedCollection]?: unknown[] } = {};
  constructor(readonly columns: PackedCollections) {}
  isArray(c: StoreDataCollection): boolean {
    return !(PACKED_COLLECTIONS as readonly string[]).includes(c) || c in this.#arrays;
  }
  length(c: StoreDataCollection): number {
    return this.columns[c as PackedCollection].length;
  }
  /** Every record of `c`, built once. */
  array(c: PackedCollection): unknown[] {
    let a = this.#arrays[c];
    if (a === undefined) {
      const col = this.columns[c];
      const customers = new SharedIds(this.columns.customers);
      a = new Array(col.length);
      for (let i = 0; i < col.length; i++) a[i] = col.record(i, customers);
      this.#arrays[c] = a;
    }
    return a;
  }
  /** Records `c` as an array set by the user. */
  set(c: PackedCollection, value: unknown[]): void {
    this.#arrays[c] = value;
  }
}

/**
 * The parsed store data over `columns` (the three large collections) and the other
 * collections as arrays, marked parsed with its latest fact and `notProvided` as the parsers
 * set them.
 */
export function packedStoreData(
  store: Store,
  columns: PackedCollections,
  rest: Pick<StoreData, 'serviceOrders' | 'disputes' | 'assuredServices'>,
  provided: (c: StoreDataCollection) => boolean,
  latestMs: number,
): StoreData {
  const packed = new Packed(columns);
  const data: Record<string, unknown> = { store };
  for (const c of STORE_DATA_COLLECTIONS) {
    if (c === 'serviceOrders' || c === 'disputes' || c === 'assuredServices') {
      data[c] = rest[c];
      continue;
    }
    Object.defineProperty(data, c, {
      enumerable: true,
      configurable: true,
      get() {
        const value = packed.array(c);
        // A plain property from now on: reading it again costs nothing (a frozen store keeps
        // its getter, which answers the same array each time).
        if (Object.isExtensible(data))
          Object.defineProperty(data, c, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        return value;
      },
      set(value: unknown[]) {
        packed.set(c, value);
        Object.defineProperty(data, c, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      },
    });
  }
  const missing = notProvided(provided);
  if (missing.length > 0) data.notProvided = missing;
  Object.defineProperty(data, PACKED, { value: packed, enumerable: false, configurable: true });
  return markParsed(data as unknown as StoreData, latestMs);
}

/**
 * The collections `provided` says were not. Apart from {@link packedStoreData} on purpose: a
 * closure there over `provided` would put it in the context its getters keep for the store's
 * life, and with it whatever `provided` closes over (a folder reader's whole builder: its
 * table of customer ids, its index of order ids, about 100 MB on a large store).
 */
function notProvided(provided: (c: StoreDataCollection) => boolean): StoreDataCollection[] {
  return STORE_DATA_COLLECTIONS.filter((c) => !provided(c));
}

/**
 * `data` with the collections of `patch` in place of its own, as a spread
 * (`{ ...data, ...patch }`) gives it, but keeping the collections held column-wise as columns
 * (a spread reads, and so builds, every one of them).
 */
export function withCollections(
  data: StoreData,
  patch: Partial<Pick<StoreData, 'serviceOrders' | 'disputes' | 'assuredServices'>>,
): StoreData {
  const p = (data as { [PACKED]?: Packed })[PACKED];
  if (p === undefined || p.layout !== PACKED_LAYOUT) return { ...data, ...patch };
  const out: Record<string | symbol, unknown> = {};
  for (const key of Reflect.ownKeys(data)) {
    const d = Object.getOwnPropertyDescriptor(data, key) as PropertyDescriptor;
    if (!d.enumerable) continue;
    if (d.get !== undefined) {
      // Read through the same handle: built once for both, whichever reads it first.
      const c = key as PackedCollection;
      Object.defineProperty(out, key, {
        enumerable: true,
        configurable: true,
        get: () => p.array(c),
      });
    } else out[key] = key in patch ? patch[key as keyof typeof patch] : d.value;
  }
  Object.defineProperty(out, PACKED, { value: p, enumerable: false, configurable: true });
  return out as unknown as StoreData;
}

/** The columns of `data`'s collection `c`, unless `data` has none or it was read as an array. */
export function columnsOf<C extends PackedCollection>(
  data: StoreData,
  c: C,
): { columns: PackedCollections; col: PackedCollections[C] } | undefined {
  // Not `instanceof`: the package's bundles each have their own copy of this module.
  const p = (data as { [PACKED]?: Packed })[PACKED];
  if (p === undefined || p.layout !== PACKED_LAYOUT || p.isArray(c)) return undefined;
  return { columns: p.columns, col: p.columns[c] };
}

/**
 * Records built from the columns so far, by collection (the performance notes count what an
 * evaluation and a history build).
 */
export const recordsBuilt = { chatSessions: 0, orders: 0, reviews: 0 };

/** The record type of each collection held column-wise. */
interface RecordOf {
  chatSessions: ChatSession;
  orders: Order;
  reviews: Review;
}

/**
 * The records of `data`'s collection `c` whose row passes `test` (read on the columns, with
 * the store's customer ids), built in input order; or, when `c` is an array, the array itself.
 * `test` only narrows: the caller applies its own checks to what it gets, and `test` must pass
 * every record those checks would keep.
 */
export function recordsWhere<C extends PackedCollection>(
  data: StoreData,
  c: C,
  test: (col: PackedCollections[C], i: number, customers: IdArena) => boolean,
): readonly RecordOf[C][] {
  const p = columnsOf(data, c);
  if (p === undefined) return data[c] as readonly RecordOf[C][];
  const { col, columns } = p;
  const out: RecordOf[C][] = [];
  // Customer ids built per record (not shared, as in customerRecordsReaching): the records
  // selected here seldom share a customer, and a table the size of the store's customers for
  // each call would cost more than it saves.
  const customers = columns.customers;
  for (let i = 0; i < col.length; i++)
    if (test(col, i, customers)) out.push(col.record(i, customers) as RecordOf[C]);
  recordsBuilt[c] += out.length;
  return out;
}

/**
 * Every record of `data`'s collection `c`, built anew from the columns without keeping them
 * (the store goes on being read column-wise), or the array itself. For the benchmark's
 * hand-written baseline, which walks plain arrays.
 */
export function recordsOf<C extends PackedCollection>(
  data: StoreData,
  c: C,
): readonly RecordOf[C][] {
  return recordsWhere(data, c, () => true);
}

/**
 * A set of ids (usually few) to test the ids of a column against: the column's ids are hashed
 * and compared where they are stored, never built as strings (millions of rows are tested).
 */
export function idSetOf(ids: Iterable<string>): Interner {
  const set = new Interner();
  for (const id of ids) set.id(id);
  return set;
}

/**
 * The orders whose own latest fact is at or after `fromMs`, or whose id is one of `keep` (see
 * {@link recordsWhere}).
 */
export function ordersReaching(
  data: StoreData,
  fromMs: number,
  keep: Iterable<string>,
): readonly Order[] {
  const kept = idSetOf(keep);
  const none = kept.table.length === 0;
  return recordsWhere(
    data,
    'orders',
    (col, i) => col.lastFact(i) >= fromMs || (!none && kept.findAt(col.ids, i) !== -1),
  );
}

/** The reviews not excluded whose latest fact is at or after `fromMs` (see {@link recordsWhere}). */
export function reviewsReaching(data: StoreData, fromMs: number): readonly Review[] {
  return recordsWhere(
    data,
    'reviews',
    (col, i) => col.excluded[i] === 0 && col.lastFact(i) >= fromMs,
  );
}

/**
 * The chat sessions and orders of one store's customers, by position in a selection of rows
 * (the same positions as a list of records would have): what the customer family groups,
 * sorts and splits before any record is built, and builds a customer's records from when the
 * engine measures that customer. {@link customerRowsReaching} reads them on the columns;
 * the family reads records at hand through the same members (`_customers.ts`).
 */
export interface CustomerRows {
  /** How many sessions, and orders, are selected. */
  readonly sessionCount: number;
  readonly orderCount: number;
  /** How many customer numbers there are (they run from 0). */
  readonly customerCount: number;
  /** The customer number of session `i` (of order `j`): equal numbers, the same customer. */
  sessionCustomer(i: number): number;
  orderCustomer(j: number): number;
  /** The customer id of number `k`. */
  customerId(k: number): string;
  /** Session `i`'s first message's instant, and its latest fact (last message or rating). */
  sessionStart(i: number): number;
  sessionEnd(i: number): number;
  /** Order `j`'s placement, and its latest placement or cancellation. */
  orderPlaced(j: number): number;
  orderEnd(j: number): number;
  /** Ids, to order records that tie on their instant. */
  sessionId(i: number): string;
  orderId(j: number): string;
  /** The records themselves (built from the columns, or the records at hand). */
  session(i: number): ChatSession;
  order(j: number): Order;
}

/** {@link CustomerRows} on the columns: position `i` is row `sessionRows[i]`. */
class PackedCustomerRows implements CustomerRows {
  readonly sessionCount: number;
  readonly orderCount: number;
  readonly customerCount: number;
  readonly #names: SharedIds;
  constructor(
    readonly chats: PackedChats,
    readonly orders: PackedOrders,
    customers: IdArena,
    readonly sessionRows: Int32Array,
    readonly orderRows: Int32Array,
  ) {
    this.sessionCount = sessionRows.length;
    this.orderCount = orderRows.length;
    this.customerCount = customers.length;
    // One string per customer, shared by the customer's records.
    this.#names = new SharedIds(customers);
  }
  sessionCustomer(i: number): number {
    return this.chats.customer[this.sessionRows[i] as number] as number;
  }
  orderCustomer(j: number): number {
    return this.orders.customer[this.orderRows[j] as number] as number;
  }
  customerId(k: number): string {
    return this.#names.at(k) as string;
  }
  sessionStart(i: number): number {
    const c = this.chats;
    return c.msgAt[c.msgStart[this.sessionRows[i] as number] as number] as number;
  }
  sessionEnd(i: number): number {
    return this.chats.lastFact(this.sessionRows[i] as number);
  }
  orderPlaced(j: number): number {
    return this.orders.placedAt[this.orderRows[j] as number] as number;
  }
  orderEnd(j: number): number {
    const r = this.orderRows[j] as number;
    return mx(this.orders.placedAt[r] as number, this.orders.cancelledAt[r] as number);
  }
  sessionId(i: number): string {
    return this.chats.ids.at(this.sessionRows[i] as number) as string;
  }
  orderId(j: number): string {
    return this.orders.ids.at(this.orderRows[j] as number) as string;
  }
  session(i: number): ChatSession {
    recordsBuilt.chatSessions++;
    return this.chats.record(this.sessionRows[i] as number, this.#names);
  }
  order(j: number): Order {
    recordsBuilt.orders++;
    return this.orders.record(this.orderRows[j] as number, this.#names);
  }
}

/**
 * The chat sessions and orders of the customers with a fact (a chat's last message or rating,
 * an order placed or cancelled) at or after `fromMs`, in input order, as rows of the columns:
 * no record is built until the family asks for one. `undefined` when either collection is an
 * array (the caller then reads the records).
 */
export function customerRowsReaching(data: StoreData, fromMs: number): CustomerRows | undefined {
  const c = columnsOf(data, 'chatSessions');
  const o = columnsOf(data, 'orders');
  if (c === undefined || o === undefined) return undefined;
  const chats = c.col;
  const orders = o.col;
  const customers = c.columns.customers;
  const relevant = new Uint8Array(customers.length);
  for (let i = 0; i < chats.length; i++)
    if (chats.lastFact(i) >= fromMs) relevant[chats.customer[i] as number] = 1;
  for (let i = 0; i < orders.length; i++)
    if (mx(orders.placedAt[i] as number, orders.cancelledAt[i] as number) >= fromMs)
      relevant[orders.customer[i] as number] = 1;
  const sessionRows = new Column(Int32Array);
  for (let i = 0; i < chats.length; i++)
    if (relevant[chats.customer[i] as number] === 1) sessionRows.push(i);
  const orderRows = new Column(Int32Array);
  for (let i = 0; i < orders.length; i++)
    if (relevant[orders.customer[i] as number] === 1) orderRows.push(i);
  return new PackedCustomerRows(chats, orders, customers, sessionRows.done(), orderRows.done());
}

/** Whether some chat session of `data` does not state its stage. */
export function someSessionWithoutStage(data: StoreData): boolean {
  const p = columnsOf(data, 'chatSessions');
  if (p === undefined) return data.chatSessions.some((s) => s.stage === undefined);
  const stage = p.col.stage;
  for (let i = 0; i < stage.length; i++) if (stage[i] === 0) return true;
  return false;
}

/**
 * The fields of one column-wise collection as plain data (typed arrays; an id arena as its
 * buffers), to
 * post from a worker thread ({@link collectionFromFields} builds it again); `transfer` lists
 * the buffers to move rather than copy.
 */
export function collectionFields(col: PackedChats | PackedOrders | PackedReviews): {
  fields: Record<string, unknown>;
  transfer: ArrayBuffer[];
} {
  const fields: Record<string, unknown> = { ...col };
  const transfer: ArrayBuffer[] = [];
  for (const [k, v] of Object.entries(fields))
    if (ArrayBuffer.isView(v)) transfer.push(v.buffer as ArrayBuffer);
    else if (v instanceof IdArena) {
      // An arena goes as its buffers (moved), not as a class instance (cloned field by field).
      const a = v.fields();
      fields[k] = a.fields;
      for (const b of a.transfer) transfer.push(b);
    }
  return { fields, transfer };
}

/** The arena of {@link IdArena.fields}' plain data. */
function arenaOf(f: unknown): IdArena {
  return IdArena.fromFields(f as IdArenaFields);
}

/** The collection `c` from {@link collectionFields}' fields. */
export function collectionFromFields<C extends PackedCollection>(
  c: C,
  f: Record<string, unknown>,
): PackedCollections[C] {
  if (c === 'chatSessions') {
    const a = f as unknown as PackedChats;
    return new PackedChats(
      arenaOf(f.ids),
      a.customer,
      a.kind,
      a.stage,
      a.rating,
      a.ratedAt,
      a.msgStart,
      a.msgAt,
      a.msgFrom,
    ) as PackedCollections[C];
  }
  if (c === 'orders') {
    const a = f as unknown as PackedOrders;
    return new PackedOrders(
      arenaOf(f.ids),
      a.customer,
      a.placedAt,
      a.paidAt,
      a.cashOnDelivery,
      a.amountFen,
      a.units,
      a.cancelledAt,
      a.outboundAt,
      a.collectedAt,
      a.deliveredAt,
    ) as PackedCollections[C];
  }
  const a = f as unknown as PackedReviews;
  return new PackedReviews(
    arenaOf(f.ids),
    a.customer,
    arenaOf(f.orderIds),
    a.createdAt,
    a.stars,
    a.repliedAt,
    a.excluded,
  ) as PackedCollections[C];
}
