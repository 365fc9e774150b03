/**
 * The store data input schema: the store and its record collections, with the checks that
 * span records (duplicate ids, references to unknown orders).
 *
 * @module
 */

import { z } from 'zod';
import { Interner } from '../_packed.js';
import {
  markParsed,
  STORE_DATA_COLLECTIONS,
  type Store,
  type StoreData,
  type StoreDataCollection,
  withNotProvided,
} from '../model.js';
import { quoteShort } from '../time/shanghai.js';
import { ALWAYS, expecting, idSchema, optionalTextSchema, strictObject } from './_common.js';
import { type AssuredServiceInput, assuredServiceSchema } from './assuredService.js';
import { type ChatSessionInput, chatSessionSchema } from './chatSession.js';
import { type DisputeInput, disputeSchema } from './dispute.js';
import { type OrderInput, orderSchema } from './order.js';
import { type ReviewInput, reviewSchema } from './review.js';
import { type ServiceOrderInput, serviceOrderSchema } from './serviceOrder.js';

/**
 * Schema of the store itself: its id, and optionally its name and main category (主营类目).
 *
 * @example
 * ```ts
 * storeSchema.parse({ id: 's1', category: { level1: '家用电器', level2: '厨房小电' } });
 * //=> { id: 's1', name: undefined, category: { level1: '家用电器', level2: '厨房小电' } }
 * storeSchema.safeParse({ id: '' }).success;
 * //=> false
 * ```
 */
export const storeSchema = strictObject(
  {
    id: idSchema,
    name: optionalTextSchema,
    category: strictObject(
      { level1: optionalTextSchema, level2: optionalTextSchema },
      'a category object { level1?, level2? }',
    ).nullish(),
  },
  'the store as an object { id, name?, category? }',
  'the store',
).transform(
  (s): Store => ({
    id: s.id,
    name: s.name ?? undefined,
    category:
      s.category === null || s.category === undefined
        ? undefined
        : { level1: s.category.level1 ?? undefined, level2: s.category.level2 ?? undefined },
  }),
);

/**
 * The store as accepted on input.
 *
 * @example
 * ```ts
 * const s: StoreInput = { id: 's1', name: null };
 * storeSchema.parse(s).name;
 * //=> undefined
 * ```
 */
export interface StoreInput {
  /** The store's id (店铺ID). */
  readonly id: string;
  /** Its name (店铺名称), shown on the scorecard. */
  readonly name?: string | null | undefined;
  /** Its main category (主营类目): peers are the stores of the same second-level category. */
  readonly category?:
    | {
        /** First-level category (一级类目). */
        readonly level1?: string | null | undefined;
        /** Second-level category (二级类目). */
        readonly level2?: string | null | undefined;
      }
    | null
    | undefined;
}

export { STORE_DATA_COLLECTIONS, type StoreDataCollection } from '../model.js';

/** What store data is, in messages. */
export const STORE_DATA_WHAT = 'store data';

/** The keys of store data: `store` and the collections. */
export const STORE_DATA_KEYS: readonly string[] = ['store', ...STORE_DATA_COLLECTIONS];

/**
 * One problem that spans records, on `collection[index].field`.
 *
 * @example
 * ```ts
 * const [p] = crossRecordProblems({ orders: [{ id: 'o1' }, { id: 'o1' }] });
 * `${p?.collection}[${p?.index}].${p?.field}: ${p?.message}`;
 * //=> 'orders[1].id: duplicate id "o1", first at orders[0]'
 * ```
 */
export interface CrossRecordProblem {
  /** The collection of the record at fault. */
  readonly collection: StoreDataCollection;
  /** Its index in that collection (for a duplicate id, every occurrence after the first). */
  readonly index: number;
  /** The field at fault: `id` or `orderId`. */
  readonly field: string;
  /** What was expected and what was found. */
  readonly message: string;
}

/** The collections whose records have ids. @internal */
export const ID_COLLECTIONS = [
  'chatSessions',
  'orders',
  'reviews',
  'serviceOrders',
  'disputes',
] as const;
const REFERRING = ['reviews', 'serviceOrders', 'disputes'] as const;

/** A record's `id` or `orderId` when it is a non-empty string. @internal */
export function idOf(v: unknown, key: 'id' | 'orderId'): string | undefined {
  // Stryker disable next-line ConditionalExpression: a primitive has no id property: v[key] is undefined
  if (typeof v !== 'object' || v === null) return undefined;
  const id = (v as Record<string, unknown>)[key];
  return typeof id === 'string' && id.length > 0 ? id : undefined;
}

/**
 * The `id`s (and `orderId`s) of one collection's records, by index: what the checks across
 * records read (records as objects, or the id columns a folder reader keeps).
 * @internal
 */
export interface IdLists {
  /** Each record's `id`, `undefined` when it has no readable one. */
  readonly ids: readonly (string | undefined)[];
  /** Each record's `orderId` (referring collections), `undefined` when it has none. */
  readonly orderIds?: readonly (string | undefined)[] | undefined;
  /** The duplicate ids, when found already ({@link duplicateIds}, in a worker thread). */
  readonly duplicates?: readonly CrossRecordProblem[] | undefined;
  /** The ids, when indexed already (orders: what references are checked against). */
  readonly idSet?: { has(id: string): boolean } | undefined;
}

/**
 * The duplicate ids of one collection's id list (every occurrence after the first), as
 * {@link crossRecordProblems} names them.
 * @internal
 */
export function duplicateIds(
  collection: StoreDataCollection,
  ids: readonly (string | undefined)[],
): CrossRecordProblem[] {
  const out: CrossRecordProblem[] = [];
  internIds(collection, ids, out);
  return out;
}

/**
 * The ids (and, for a collection that `refers` to orders, the order ids) of `records`, read as
 * {@link idOf} reads them.
 * @internal
 */
export function idListsOf(records: readonly unknown[], refers: boolean): IdLists {
  const ids: (string | undefined)[] = new Array(records.length);
  const orderIds: (string | undefined)[] | undefined = refers
    ? new Array(records.length)
    : undefined;
  // Stryker disable next-line EqualityOperator: records[length] is undefined: idOf answers undefined
  for (let i = 0; i < records.length; i++) {
    ids[i] = idOf(records[i], 'id');
    if (orderIds !== undefined) orderIds[i] = idOf(records[i], 'orderId');
  }
  return { ids, orderIds };
}

/**
 * The ids of one collection as they come (all at once, or in batches from a worker thread),
 * interned in a typed hash table (faster than a `Map` of hundreds of thousands of strings): an
 * id met again is a duplicate of the record that interned it.
 * @internal
 */
export class IdIndex {
  readonly #seen = new Interner();
  readonly #firstAt: number[] = [];
  #count = 0;
  /** The duplicates found so far, as {@link crossRecordProblems} names them. */
  readonly duplicates: CrossRecordProblem[] = [];
  constructor(readonly collection: StoreDataCollection) {}
  /** The ids of the next records (`undefined`: a record without a readable id). */
  add(ids: readonly (string | undefined)[]): void {
    for (let j = 0; j < ids.length; j++) {
      const i = this.#count++;
      const id = ids[j];
      if (id === undefined) continue;
      const before = this.#seen.table.length;
      const k = this.#seen.id(id);
      if (k === before) this.#firstAt.push(i);
      else
        this.duplicates.push({
          collection: this.collection,
          index: i,
          field: 'id',
          message: `duplicate id ${quoteShort(id)}, first at ${this.collection}[${this.#firstAt[k]}]`,
        });
    }
  }
  /** Whether some record has the id `id`. */
  has(id: string): boolean {
    return this.#seen.find(id) !== -1;
  }
}

/** The ids indexed, their duplicates added to `out`. */
function internIds(
  collection: StoreDataCollection,
  ids: readonly (string | undefined)[],
  out: CrossRecordProblem[],
): IdIndex {
  const index = new IdIndex(collection);
  index.add(ids);
  for (const p of index.duplicates) out.push(p);
  return index;
}

/**
 * Checks across records, on raw or parsed collections alike (only `id` and `orderId` are
 * read): duplicate ids within a collection, and a review (when it has an `orderId`), service
 * order or dispute naming an order that is not in `orders`.
 *
 * @example
 * ```ts
 * crossRecordProblems({ orders: [{ id: 'o1' }, { id: 'o1' }], disputes: [{ id: 'd1', orderId: 'o2' }] });
 * //=> [{ collection: 'orders', index: 1, field: 'id', message: 'duplicate id "o1", first at orders[0]' },
 * //    { collection: 'disputes', index: 0, field: 'orderId',
 * //      message: 'expected the id of an order in orders, found "o2" (no such order)' }]
 * ```
 */
export function crossRecordProblems(
  collections: {
    readonly [K in StoreDataCollection]?: readonly unknown[] | null | undefined;
  },
): CrossRecordProblem[] {
  const lists: { [K in StoreDataCollection]?: IdLists } = {};
  for (const name of ID_COLLECTIONS) {
    const records = collections[name];
    if (Array.isArray(records))
      lists[name] = idListsOf(records, (REFERRING as readonly string[]).includes(name));
  }
  return crossIdProblems(lists);
}

/**
 * {@link crossRecordProblems} over the collections' id lists.
 * @internal
 */
export function crossIdProblems(
  lists: {
    readonly [K in StoreDataCollection]?: IdLists | undefined;
  },
): CrossRecordProblem[] {
  const out: CrossRecordProblem[] = [];
  let orderIds: { has(id: string): boolean } = new Set<string>();
  for (const name of ID_COLLECTIONS) {
    const l = lists[name];
    if (l === undefined) continue;
    if (l.duplicates === undefined) {
      const ids = internIds(name, l.ids, out);
      if (name === 'orders') orderIds = ids;
      continue;
    }
    for (const p of l.duplicates) out.push(p);
    if (name === 'orders' && REFERRING.some((r) => lists[r]?.orderIds !== undefined))
      orderIds = l.idSet ?? new Set(l.ids as readonly string[]);
  }
  for (const name of REFERRING) {
    const refs = lists[name]?.orderIds;
    if (refs === undefined) continue;
    for (let i = 0; i < refs.length; i++) {
      const orderId = refs[i];
      if (orderId !== undefined && !orderIds.has(orderId)) {
        out.push({
          collection: name,
          index: i,
          field: 'orderId',
          message: `expected the id of an order in orders, found ${quoteShort(orderId)} (no such order)`,
        });
      }
    }
  }
  return out;
}

function collection<T extends z.ZodType>(schema: T, what: string) {
  return z.array(schema, expecting(`${what} as an array`)).nullish();
}

/**
 * Schema of a store's data: the store and its collections, every collection optional (an
 * absent or `null` one becomes `[]` and is named in `notProvided`: unknown, not none), with the cross-record checks (duplicate ids, records
 * naming an unknown order). `parseStoreData` gives the same result much faster on large
 * inputs, with issue paths as strings; use this schema to compose or introspect.
 *
 * @example
 * ```ts
 * storeDataSchema.parse({ store: { id: 's1' } }).orders;
 * //=> []
 * storeDataSchema.safeParse({ store: { id: 's1' }, disputes: [{ id: 'd1', orderId: 'o9', openedAt: 1793584800000 }] })
 *   .error?.issues[0]?.path;
 * //=> ['disputes', 0, 'orderId']   (no such order)
 * ```
 */
export const storeDataSchema = strictObject(
  {
    store: storeSchema,
    chatSessions: collection(chatSessionSchema, 'chatSessions'),
    orders: collection(orderSchema, 'orders'),
    reviews: collection(reviewSchema, 'reviews'),
    serviceOrders: collection(serviceOrderSchema, 'serviceOrders'),
    disputes: collection(disputeSchema, 'disputes'),
    assuredServices: collection(assuredServiceSchema, 'assuredServices'),
  },
  STORE_DATA_WHAT,
)
  .superRefine((d, ctx) => {
    for (const p of crossRecordProblems(d)) {
      ctx.addIssue({ code: 'custom', message: p.message, path: [p.collection, p.index, p.field] });
    }
  }, ALWAYS)
  .transform(
    (d): StoreData =>
      markParsed(
        withNotProvided(
          {
            store: d.store,
            chatSessions: d.chatSessions ?? [],
            orders: d.orders ?? [],
            reviews: d.reviews ?? [],
            serviceOrders: d.serviceOrders ?? [],
            disputes: d.disputes ?? [],
            assuredServices: d.assuredServices ?? [],
          },
          (c) => d[c] !== undefined && d[c] !== null,
        ),
      ),
  );

/**
 * A store's data as accepted on input.
 *
 * @example
 * ```ts
 * const raw: StoreDataInput = { store: { id: 's1' }, orders: [] };
 * storeDataSchema.parse(raw).chatSessions;
 * //=> []
 * ```
 */
export interface StoreDataInput {
  /** The store itself. */
  readonly store: StoreInput;
  /** Chat sessions (咚咚会话): the consultation module and after-sales satisfaction. */
  readonly chatSessions?: readonly ChatSessionInput[] | null | undefined;
  /** Orders (订单): logistics, disputes, conversion, the after-sales rates' units, the stage. */
  readonly orders?: readonly OrderInput[] | null | undefined;
  /** Product reviews (商品评价): the reviews module. */
  readonly reviews?: readonly ReviewInput[] | null | undefined;
  /** After-sales service orders (售后服务单): the after-sales module. */
  readonly serviceOrders?: readonly ServiceOrderInput[] | null | undefined;
  /** Transaction disputes (交易纠纷): the disputes module. */
  readonly disputes?: readonly DisputeInput[] | null | undefined;
  /** 放心购 services the store opened: the bonus points. */
  readonly assuredServices?: readonly AssuredServiceInput[] | null | undefined;
}
