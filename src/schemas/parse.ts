/**
 * `parseStoreData` and its safe and lenient variants: validate and normalise a store's raw
 * data, listing every problem.
 *
 * Each collection is checked in one loop: a record goes first through its accept-only fast
 * path (`_fast.ts`), and only when that declines through its zod schema, which words the
 * issues. Cross-record checks (duplicate ids, unknown orders) read only `id` and `orderId`.
 *
 * @module
 */
import type { z } from 'zod';
import {
  keepPacked,
  PACKED_COLLECTIONS,
  PackedBuilder,
  type PackedCollection,
  type PackedCollections,
  packedStoreData,
} from '../_packed.js';
import { didYouMean, unknownKeyMessage } from '../_suggest.js';
import { expectObjectArgument, type InputIssue, InvalidInputError } from '../errors.js';
import type { AssuredService, Dispute, ServiceOrder, Store, StoreData } from '../model.js';
import { LATEST_FACT_OF } from '../model.js';
import { quoteShort } from '../time/shanghai.js';
import { describeValue, expectedFound, PROTO_KEY_MESSAGE, protoKeyPaths } from './_common.js';
import { assuredServiceSchema, fastAssuredService, knownServiceIds } from './assuredService.js';
import { chatSessionSchema, fastChatSession } from './chatSession.js';
import { disputeSchema, fastDispute } from './dispute.js';
import { fastOrder, orderSchema } from './order.js';
import { fastReview, reviewSchema } from './review.js';
import { fastServiceOrder, serviceOrderSchema } from './serviceOrder.js';
import {
  type CrossRecordProblem,
  crossRecordProblems,
  idOf,
  STORE_DATA_COLLECTIONS,
  STORE_DATA_KEYS,
  STORE_DATA_WHAT,
  type StoreDataCollection,
  storeSchema,
} from './storeData.js';

/**
 * A record set aside by {@link parseStoreDataLenient}: where it was, what it was, and why.
 *
 * @example
 * ```ts
 * const { rejected } = parseStoreDataLenient({ store: { id: 's1' }, orders: [{ id: 'o1' }] });
 * rejected[0];
 * //=> { collection: 'orders', index: 0, record: { id: 'o1' }, issues: [{ path: 'orders[0].customerId', … }, …] }
 * ```
 */
export interface RejectedRecord {
  /** The collection the record was in. */
  readonly collection: StoreDataCollection;
  /** Its index in the input collection. */
  readonly index: number;
  /** The record as given (not normalised). */
  readonly record: unknown;
  /** Every problem found with it, paths from the root (`orders[3].paidAt`). */
  readonly issues: readonly InputIssue[];
}

/**
 * What {@link parseStoreDataLenient} returns: the good records, and the rejected ones.
 *
 * @example
 * ```ts
 * const r: LenientParseResult = parseStoreDataLenient({ store: { id: 's1' } });
 * r.rejected.length;
 * //=> 0
 * ```
 */
export interface LenientParseResult {
  /** The store with every record that passed. */
  readonly data: StoreData;
  /** The records set aside, by collection then index. */
  readonly rejected: readonly RejectedRecord[];
}

/**
 * What {@link safeParseStoreData} returns.
 *
 * @example
 * ```ts
 * const r: SafeParseStoreDataResult = safeParseStoreData(null);
 * r.success;
 * //=> false
 * ```
 */
export type SafeParseStoreDataResult =
  | {
      /** The input is valid. */
      readonly success: true;
      /** The normalised data. */
      readonly data: StoreData;
    }
  | {
      /** The input is invalid. */
      readonly success: false;
      /** Every problem, in {@link InvalidInputError.issues}. */
      readonly error: InvalidInputError;
    };

interface CollectionSpec<T> {
  readonly fast: (input: unknown) => T | undefined;
  readonly schema: z.ZodType<T>;
}

const SPECS: { readonly [K in StoreDataCollection]: CollectionSpec<unknown> } = {
  chatSessions: { fast: fastChatSession, schema: chatSessionSchema },
  orders: { fast: fastOrder, schema: orderSchema },
  reviews: { fast: fastReview, schema: reviewSchema },
  serviceOrders: { fast: fastServiceOrder, schema: serviceOrderSchema },
  disputes: { fast: fastDispute, schema: disputeSchema },
  assuredServices: { fast: fastAssuredService, schema: assuredServiceSchema },
};

const SINGULAR: { readonly [K in StoreDataCollection]: string } = {
  chatSessions: 'chat session',
  orders: 'order',
  reviews: 'review',
  serviceOrders: 'service order',
  disputes: 'dispute',
  assuredServices: 'assured service',
};

/** `orders[12].paidAt` from a prefix and a zod path. */
function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let s = prefix;
  for (const k of path) {
    if (typeof k === 'number') s += `[${k}]`;
    else s += s === '' ? String(k) : `.${String(k)}`;
  }
  return s;
}

/** A zod issue in our words: every schema words its own issues ("expected …, found …"); `prefix` starts every path. */
export function toInputIssue(prefix: string, iss: z.core.$ZodIssue, raw: unknown): InputIssue {
  const path = formatPath(prefix, iss.path);
  if (iss.message.startsWith('expected ')) return { path, message: iss.message };
  /* v8 ignore start: a last resort should a zod message slip through unworded */
  let found = raw;
  for (const k of iss.path) {
    found =
      typeof found === 'object' && found !== null
        ? (found as Record<PropertyKey, unknown>)[k]
        : undefined;
  }
  return {
    path,
    message: `expected a valid value (${iss.message}), found ${describeValue(found)}`,
  };
  /* v8 ignore stop */
}

/** The issues of one record, by index, per collection. */
type BadRecords = Map<number, InputIssue[]>;

interface Outcome {
  readonly issues: InputIssue[];
  readonly store: Store | undefined;
  /** The records parsed; for the collections held column-wise, empty (they are in `columns`). */
  readonly parsed: { [K in StoreDataCollection]: unknown[] };
  /** The chat sessions, orders and reviews parsed, column-wise (every record that passed alone). */
  readonly columns: PackedCollections;
  /** The records of each collection held column-wise that failed on their own (not in `columns`). */
  readonly failedAlone: { [K in PackedCollection]: ReadonlySet<number> };
  readonly raw: { [K in StoreDataCollection]: readonly unknown[] };
  readonly bad: { [K in StoreDataCollection]: BadRecords };
  /** The collections the input provided (present and not `null`). */
  readonly provided: Set<StoreDataCollection>;
  /** The latest fact of every record parsed (rejected ones count none; set-aside ones do). */
  readonly latest: { ms: number };
}

function addIssue(bad: BadRecords, index: number, issue: InputIssue): void {
  const list = bad.get(index);
  if (list === undefined) bad.set(index, [issue]);
  else list.push(issue);
}

/** What {@link parseRecord} returns for a record its schema rejects. */
export class RecordFailure {
  constructor(
    /** The schema's issues, paths relative to the record. */
    readonly zodIssues: readonly z.core.$ZodIssue[],
  ) {}

  /** The issues in our words, each path starting with `prefix` (`orders[12]`, `orders.jsonl:13`). */
  issues(prefix: string, record: unknown): InputIssue[] {
    return this.zodIssues.map((iss) => toInputIssue(prefix, iss, record));
  }
}

/**
 * Validates and normalises one record of a collection (fast path first, then its zod
 * schema): the normalised record, or a {@link RecordFailure}. Shared by
 * {@link parseStoreData} and the Node entry's file readers; the caller words the issues
 * with its own path prefix, only for a failure.
 */
export function parseRecord(name: StoreDataCollection, record: unknown): unknown {
  const { fast, schema } = SPECS[name];
  const out = fast(record);
  // Stryker disable next-line ConditionalExpression: the fast path answers what the schema answers (test/schemas/fast.test.ts): skipping it changes only the time
  if (out !== undefined) return out;
  const r = schema.safeParse(record);
  // zod drops a `__proto__` key unseen: name it (only here, off the fast path, which declines it).
  const proto = protoIssues(record);
  if (proto.length === 0) return r.success ? r.data : new RecordFailure(r.error.issues);
  return new RecordFailure([...(r.success ? [] : r.error.issues), ...proto]);
}

/** A zod issue for every `__proto__` key of a record. */
function protoIssues(record: unknown): z.core.$ZodIssue[] {
  return protoKeyPaths(record).map(
    (path) =>
      ({ code: 'custom', path, message: PROTO_KEY_MESSAGE, input: record }) as z.core.$ZodIssue,
  );
}

function parseCollection(
  name: StoreDataCollection,
  records: readonly unknown[],
  bad: BadRecords,
  latest: { ms: number },
  columns: PackedBuilder,
): unknown[] {
  const packed = isPackedCollection(name);
  // Sized once: growing by push would copy the array again and again for millions of records.
  // Held column-wise, a record goes to the columns at once and is garbage while still young.
  // Stryker disable next-line ArrayDeclaration: sized for speed; the rejected indexes stay holes either way, and every use filters them out
  const parsed: unknown[] = packed ? [] : new Array(records.length);
  if (packed)
    columns.reserve(name, records.length, name === 'chatSessions' ? messageCount(records) : 0);
  const latestOf = LATEST_FACT_OF[name] as (record: unknown) => number;
  let max = latest.ms;
  for (let i = 0; i < records.length; i++) {
    const out = parseRecord(name, records[i]);
    if (out instanceof RecordFailure) bad.set(i, out.issues(`${name}[${i}]`, records[i]));
    else {
      if (packed) columns.push(name, out);
      else parsed[i] = out;
      // Taken while the record is at hand: a pass afterwards would read every record again.
      max = Math.max(max, latestOf(out));
    }
  }
  latest.ms = max;
  return parsed;
}

/** The messages of raw chat sessions (an upper bound of what passes), for the columns' room. */
function messageCount(records: readonly unknown[]): number {
  let n = 0;
  for (const r of records) {
    const m = (r as { messages?: unknown } | null | undefined)?.messages;
    if (Array.isArray(m)) n += m.length;
  }
  return n;
}

function isPackedCollection(name: StoreDataCollection): name is PackedCollection {
  return (PACKED_COLLECTIONS as readonly string[]).includes(name);
}

/**
 * Options of {@link parseStoreData} and its variants.
 *
 * @example
 * ```ts
 * const options: ParseStoreDataOptions = { ruleSet: defineRuleSet({ bonus: { servicePoints: { 'green-packaging': 0.1 } } }) };
 * ```
 */
export interface ParseStoreDataOptions {
  /**
   * The rule set whose 放心购 services the input may name (`bonus.servicePoints` adds to the
   * built-in ones); the default rule set's when absent.
   */
  readonly ruleSet?: {
    readonly bonus: { readonly servicePoints: Readonly<Record<string, unknown>> };
  };
}

/**
 * The parsed assured services whose id the rule set does not know (the list of 放心购 services
 * is open: the rule set says which ids it knows), by index. Shared with the Node entry.
 */
export function unknownServices(
  parsed: readonly unknown[],
  options: ParseStoreDataOptions,
): { index: number; message: string }[] {
  const known = knownServiceIds(options.ruleSet?.bonus);
  const knownSet = new Set(known);
  const out: { index: number; message: string }[] = [];
  parsed.forEach((a, index) => {
    // Stryker disable next-line OptionalChaining: forEach skips the holes of rejected records; every other entry is a parsed service
    const id = (a as AssuredService | undefined)?.service;
    // Stryker disable next-line ConditionalExpression: a parsed assured service always has its service id
    if (id !== undefined && !knownSet.has(id))
      out.push({
        index,
        message: `expected a service id the rule set knows (${known.join(', ')}; a rule set adds one with bonus.servicePoints), found ${quoteShort(id)}${didYouMean(id, known)}`,
      });
  });
  return out;
}

/** Validates everything; problems that are not about one record go to `issues`. */
function examine(input: unknown, options: ParseStoreDataOptions = {}): Outcome {
  expectObjectArgument('parseStoreData', 'the options', options);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidInputError([
      {
        path: '',
        message: expectedFound(
          'store data as an object { store, chatSessions?, orders?, … }',
          input,
        ),
      },
    ]);
  }
  const root = input as Record<string, unknown>;
  const issues: InputIssue[] = [];
  for (const k of Object.keys(root)) {
    if (!STORE_DATA_KEYS.includes(k))
      issues.push({ path: k, message: unknownKeyMessage(k, STORE_DATA_KEYS, STORE_DATA_WHAT) });
  }
  let store: Store | undefined;
  const s = storeSchema.safeParse(root.store);
  const storeProto = protoIssues(root.store);
  if (s.success && storeProto.length === 0) store = s.data;
  else {
    for (const iss of [...(s.success ? [] : s.error.issues), ...storeProto])
      issues.push(toInputIssue('store', iss, root.store));
  }
  const parsed = {} as { [K in StoreDataCollection]: unknown[] };
  const latest = { ms: Number.NEGATIVE_INFINITY };
  const raw = {} as { [K in StoreDataCollection]: readonly unknown[] };
  const bad = {} as { [K in StoreDataCollection]: BadRecords };
  const provided = new Set<StoreDataCollection>();
  const columns = new PackedBuilder();
  for (const name of STORE_DATA_COLLECTIONS) {
    const value = root[name];
    parsed[name] = [];
    bad[name] = new Map();
    // Stryker disable next-line ArrayDeclaration: an absent collection has no rejected index to read, and the id checks find no id in a string
    raw[name] = [];
    if (value === undefined || value === null) continue;
    provided.add(name);
    if (!Array.isArray(value)) {
      issues.push({
        path: name,
        message: expectedFound(`${name} as an array of ${SINGULAR[name]}s`, value),
      });
      continue;
    }
    raw[name] = value;
    parsed[name] = parseCollection(name, value, bad[name], latest, columns);
  }
  const failedAlone = {
    chatSessions: new Set(bad.chatSessions.keys()),
    orders: new Set(bad.orders.keys()),
    reviews: new Set(bad.reviews.keys()),
  };
  for (const p of unknownServices(parsed.assuredServices, options)) {
    addIssue(bad.assuredServices, p.index, {
      path: `assuredServices[${p.index}].service`,
      message: p.message,
    });
  }
  const cross: CrossRecordProblem[] = crossRecordProblems(raw);
  for (const p of cross) {
    addIssue(bad[p.collection], p.index, {
      path: `${p.collection}[${p.index}].${p.field}`,
      message: p.message,
    });
  }
  return {
    issues,
    store,
    parsed,
    columns: columns.done(),
    failedAlone,
    raw,
    bad,
    provided,
    latest,
  };
}

/**
 * Which rows of a collection's columns to keep: its columns hold every record that passed
 * alone, and a record may have failed a check across records since.
 */
function keptRows(o: Outcome, name: PackedCollection): Uint8Array {
  const bad = o.bad[name];
  const keep = new Uint8Array(o.columns[name].length);
  let row = 0;
  for (let i = 0; i < o.raw[name].length; i++) {
    // A record with an issue of its own is not in the columns.
    if (o.failedAlone[name].has(i)) continue;
    if (!bad.has(i)) keep[row] = 1;
    row++;
  }
  return keep;
}

function sortedIndexes(bad: BadRecords): number[] {
  return [...bad.keys()].sort((a, b) => a - b);
}

function allIssues(o: Outcome): InputIssue[] {
  const all = [...o.issues];
  for (const name of STORE_DATA_COLLECTIONS) {
    const bad = o.bad[name];
    // Stryker disable next-line ConditionalExpression: an empty map adds nothing
    if (bad.size === 0) continue;
    // One by one: spreading a record's issues into push() overflows the stack past ~100 000.
    for (const i of sortedIndexes(bad))
      for (const issue of bad.get(i) as InputIssue[]) all.push(issue);
  }
  return all;
}

function storeData(
  store: Store,
  columns: PackedCollections,
  p: Outcome['parsed'],
  provided: Outcome['provided'],
  latestMs: number,
): StoreData {
  return packedStoreData(
    store,
    columns,
    {
      serviceOrders: p.serviceOrders as ServiceOrder[],
      disputes: p.disputes as Dispute[],
      assuredServices: p.assuredServices as AssuredService[],
    },
    (c) => provided.has(c),
    latestMs,
  );
}

/**
 * Validates and normalises a store's raw data (the input guide, `docs/input.md`): instants become
 * epoch ms (offset-less strings are Shanghai time), money integer fen, defaults are applied,
 * chat messages sorted, absent (or `null`) collections `[]` and named in `notProvided` (unknown,
 * not none: the metrics that read them are `no-data`, reason `'not-provided'`). Throws {@link InvalidInputError} listing
 * **every** problem, each with its path (`orders[12].paidAt`) and a message saying what was
 * expected and what was found. **An unknown key is an error**, at every level, with the known key
 * it resembles (a misspelled `deliverdAt` would otherwise vanish and its metric fall to 0%):
 * map an export's columns explicitly. The result carries a brand that the evaluators check
 * ({@link isParsedStoreData}). A 放心购
 * service must be one the rule set knows (`options.ruleSet`, the default one when absent).
 *
 * @example
 * ```ts
 * parseStoreData({ store: { id: 's1' }, orders: [
 *   { id: 'o1', customerId: 'c1', placedAt: '2026-11-01 09:00:00', amount: '19.99' },
 * ] }).orders[0]?.amountFen;
 * //=> 1999
 * parseStoreData({ store: { id: 's1' }, order: [] });
 * // throws InvalidInputError, issues:
 * //=> [{ path: 'order', message: 'expected a field of store data, found unknown "order": did you mean "orders"?' }]
 * parseStoreData({ store: { id: 's1' }, orders: [{ id: 'o1', customerId: 'c1', placedAt: '2026-11-01', amount: 1.005 }] });
 * // throws InvalidInputError, issues:
 * //=> [{ path: 'orders[0].placedAt', message: 'expected an instant: ISO-8601 …, found "2026-11-01"' },
 * //    { path: 'orders[0].amount', message: 'expected money in yuan with at most two decimals, found 1.005' }]
 * ```
 */
export function parseStoreData(input: unknown, options?: ParseStoreDataOptions): StoreData {
  const o = examine(input, options);
  const issues = allIssues(o);
  // Stryker disable next-line ConditionalExpression: a store that failed its schema always left an issue
  if (issues.length > 0 || o.store === undefined) throw new InvalidInputError(issues);
  return storeData(o.store, o.columns, o.parsed, o.provided, o.latest.ms);
}

/**
 * {@link parseStoreData} without throwing: `{ success: true, data }` or
 * `{ success: false, error }` with the {@link InvalidInputError}.
 *
 * @example
 * ```ts
 * safeParseStoreData({ store: { id: 's1' } }).success;
 * //=> true
 * const r = safeParseStoreData({ store: {} });
 * r.success ? null : r.error.issues;
 * //=> [{ path: 'store.id', message: 'expected a non-empty string id, found nothing' }]
 * ```
 */
export function safeParseStoreData(
  input: unknown,
  options?: ParseStoreDataOptions,
): SafeParseStoreDataResult {
  try {
    return { success: true, data: parseStoreData(input, options) };
  } catch (e) {
    if (e instanceof InvalidInputError) return { success: false, error: e };
    /* v8 ignore next */
    throw e;
  }
}

/**
 * Like {@link parseStoreData}, but a bad record is set aside instead of failing the whole
 * input: `data` holds the good records and `rejected` each bad one with its collection,
 * index, raw record and issues. A record failing a cross-record check is rejected too (for a
 * duplicate id, the later records; a review, service order or dispute naming an unknown or
 * rejected order). Problems not about one record (input not an object, `store` missing or
 * bad, a collection that is not an array) still throw {@link InvalidInputError}.
 *
 * @example
 * ```ts
 * const { data, rejected } = parseStoreDataLenient({ store: { id: 's1' }, orders: [
 *   { id: 'o1', customerId: 'c1', placedAt: 1793494800000, amount: 5 },
 *   { id: 'o1', customerId: 'c2', placedAt: 1793494800000, amount: 6 },
 * ] });
 * [data.orders.length, rejected[0]?.index, rejected[0]?.issues[0]?.message];
 * //=> [1, 1, 'duplicate id "o1", first at orders[0]']
 * ```
 */
export function parseStoreDataLenient(
  input: unknown,
  options?: ParseStoreDataOptions,
): LenientParseResult {
  const o = examine(input, options);
  // Stryker disable next-line ConditionalExpression: a store that failed its schema always left an issue
  if (o.issues.length > 0 || o.store === undefined) throw new InvalidInputError(o.issues);
  // A reference to an order that was itself rejected would dangle: reject it too.
  const orderBad = o.bad.orders;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with no rejected order the block finds nothing to reject
  if (orderBad.size > 0) {
    const rejectedOrders = new Map<string, number>();
    for (const i of orderBad.keys()) {
      const id = (o.raw.orders[i] as { id?: unknown } | null | undefined)?.id;
      if (typeof id === 'string' && !rejectedOrders.has(id)) rejectedOrders.set(id, i);
    }
    // A record that passed has the id and order id it was given (ids are taken as they are).
    const accepted = new Set<string>();
    o.raw.orders.forEach((r, i) => {
      if (!orderBad.has(i)) accepted.add(idOf(r, 'id') as string);
    });
    for (const name of ['reviews', 'serviceOrders', 'disputes'] as const) {
      const records = o.raw[name];
      // Stryker disable next-line EqualityOperator: records[length] is undefined, skipped like a hole
      for (let i = 0; i < records.length; i++) {
        const orderId = idOf(records[i], 'orderId');
        // Stryker disable next-line ConditionalExpression: no rejected order has the id undefined
        if (o.bad[name].has(i) || orderId === undefined) continue;
        const at = rejectedOrders.get(orderId);
        // Stryker disable next-line ConditionalExpression: an id neither accepted nor rejected is a missing order, already an issue of this record (skipped above)
        if (at !== undefined && !accepted.has(orderId)) {
          addIssue(o.bad[name], i, {
            path: `${name}[${i}].orderId`,
            message: `expected the id of an accepted order, found ${quoteShort(orderId)} (orders[${at}] was rejected)`,
          });
        }
      }
    }
  }
  const rejected: RejectedRecord[] = [];
  const kept = {} as Outcome['parsed'];
  const masks: { [K in PackedCollection]?: Uint8Array } = {};
  for (const name of STORE_DATA_COLLECTIONS) {
    const bad = o.bad[name];
    const parsed = o.parsed[name];
    // Stryker disable next-line ConditionalExpression,BlockStatement: filtering with no bad index keeps every record
    if (bad.size === 0) {
      kept[name] = parsed;
      continue;
    }
    if (isPackedCollection(name)) masks[name] = keptRows(o, name);
    for (const i of sortedIndexes(bad)) {
      rejected.push({
        collection: name,
        index: i,
        record: o.raw[name][i],
        issues: bad.get(i) as InputIssue[],
      });
    }
    kept[name] = parsed.filter((_, i) => !bad.has(i));
  }
  const columns = keepPacked(o.columns, masks);
  return { data: storeData(o.store, columns, kept, o.provided, o.latest.ms), rejected };
}
