/**
 * The store data input schema: the store and its record collections, with the checks that
 * span records (duplicate ids, references to unknown orders).
 *
 * @module
 */

import { z } from 'zod';
import { IdArena, IdTable } from '../_idArena.js';
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
 * records read (read from records as objects, or the id arenas a folder reader keeps). Arenas,
 * not string lists: a folder reader's millions of ids stay off the JS heap
 * (`src/_idArena.ts`).
 * @internal
 */
export interface IdLists {
  /** Each record's `id`, absent when it has no readable one. */
  readonly ids: IdArena;
  /** Each record's `orderId` (referring collections), absent when it has none. */
  readonly orderIds?: IdArena | undefined;
  /** The duplicate ids, when found already ({@link duplicateIds}, in a worker thread). */
  readonly duplicates?: readonly CrossRecordProblem[] | undefined;
  /** The ids, when indexed already (orders: what references are checked against). */
  readonly idSet?: IdIndex | undefined;
}

/**
 * The duplicate ids of one collection's id list (every occurrence after the first), as
 * {@link crossRecordProblems} names them.
 * @internal
 */
export function duplicateIds(collection: StoreDataCollection, ids: IdArena): CrossRecordProblem[] {
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
  const ids = new IdArena(records.length);
  const orderIds = refers ? new IdArena(records.length) : undefined;
  // Stryker disable next-line EqualityOperator: records[length] is undefined: idOf answers undefined
  for (let i = 0; i < records.length; i++) {
    ids.push(idOf(records[i], 'id'));
    orderIds?.push(idOf(records[i], 'orderId'));
  }
  return { ids, orderIds };
}

/**
 * The ids of one collection as they come (all at once, or in batches from a worker thread)
 * into the arena `ids`, indexed in a typed hash table over the arena (no string per id; faster
 * than a `Map` of hundreds of thousands of strings): an id met again is a duplicate of the
 * record that indexed it, whose index the table holds.
 * @internal
 */
export class IdIndex {
  readonly #table: IdTable;
  /** The ids of `ids` indexed so far. */
  #count = 0;
  /** The duplicates found so far, as {@link crossRecordProblems} names them. */
  readonly duplicates: CrossRecordProblem[] = [];
  constructor(
    readonly collection: StoreDataCollection,
    readonly ids: IdArena,
  ) {
    this.#table = new IdTable(ids);
  }
  /** Indexes the ids appended to `ids` since the last call (an absent id: no readable one). */
  update(): void {
    const n = this.ids.length;
    for (let i = this.#count; i < n; i++) {
      const k = this.#table.add(i);
      if (k === -1 || k === i) continue;
      // The one string built: the id an issue names.
      this.duplicates.push({
        collection: this.collection,
        index: i,
        field: 'id',
        message: `duplicate id ${quoteShort(this.ids.at(i) as string)}, first at ${this.collection}[${k}]`,
      });
    }
    this.#count = n;
  }
  /** Whether some record has the id `j` of `src` (an absent one: no). */
  hasAt(src: IdArena, j: number): boolean {
    return this.#table.findAt(src, j) !== -1;
  }
}

/** The ids indexed, their duplicates added to `out`. */
function internIds(
  collection: StoreDataCollection,
  ids: IdArena,
  out: CrossRecordProblem[],
): IdIndex {
  const index = new IdIndex(collection, ids);
  index.update();
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
  // No orders: every reference is to an unknown order.
  let orderIds: IdIndex | undefined;
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
      orderIds = l.idSet ?? internIds(name, l.ids, []);
  }
  for (const name of REFERRING) {
    const refs = lists[name]?.orderIds;
    if (refs === undefined) continue;
    for (let i = 0; i < refs.length; i++) {
      if (!refs.isAbsent(i) && orderIds?.hasAt(refs, i) !== true) {
        out.push({
          collection: name,
          index: i,
          field: 'orderId',
          message: `expected the id of an order in orders, found ${quoteShort(refs.at(i) as string)} (no such order)`,
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
