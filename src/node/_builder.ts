/**
 * A store assembled record by record (private): each record is validated and normalised as
 * it arrives and only the normalised record is kept, so memory is bounded by the parsed
 * store. Issues are located as `file:line` (`orders.jsonl:13.paidAt`).
 *
 * @module
 */

import {
  Column,
  collectionFields,
  collectionFromFields,
  keepPacked,
  PACKED_COLLECTIONS,
  PackedBuilder,
  type PackedChats,
  type PackedCollection,
  type PackedCollections,
  packedStoreData,
} from '../_packed.js';
import { type InputIssue, InvalidInputError } from '../errors.js';
import {
  type AssuredService,
  type Dispute,
  LATEST_FACT_OF,
  type Review,
  type ServiceOrder,
  type Store,
  type StoreData,
} from '../model.js';
import {
  type ParseStoreDataOptions,
  parseRecord,
  RecordFailure,
  toInputIssue,
  unknownServices,
} from '../schemas/parse.js';
import {
  type CrossRecordProblem,
  crossIdProblems,
  duplicateIds,
  ID_COLLECTIONS,
  IdIndex,
  type IdLists,
  idListsOf,
  idOf,
  STORE_DATA_COLLECTIONS,
  type StoreDataCollection,
  storeSchema,
} from '../schemas/storeData.js';
import type { CsvCollection } from './csvMapping.js';

/**
 * A record of a store folder that `readStoreDir(dir, { lenient: true })` set aside: where it
 * was, what it was, and why.
 *
 * @example
 * ```ts
 * const order = { customerId: 'c1', placedAt: '2026-11-01 09:00:00', amount: 5 };
 * const bad = { store: { id: 'bad' }, orders: [
 *   { ...order, id: 'o1' }, { ...order, id: 'o2' }, { ...order, id: 'o3', placedAt: '2026-11-01' },
 * ] };
 * await writeStoreDir('stores/bad', bad);
 * const { rejected } = await readStoreDir('stores/bad', { lenient: true });
 * rejected[0];
 * //=> { collection: 'orders', file: 'orders.jsonl', line: 3, record: { id: 'o3', … },
 * //     issues: [{ path: 'orders.jsonl:3.placedAt', message: 'expected an instant: …' }] }
 * ```
 */
export interface RejectedFileRecord {
  /** The collection it was read for (`chatMessages`: a CSV message row). */
  readonly collection: CsvCollection;
  /** The file it was read from. */
  readonly file: string;
  /** The line it starts on. */
  readonly line: number;
  /**
   * The record as read: the parsed JSON line or the CSV row's raw record (the cells, for a
   * row of the wrong length; the text, for a line that is not JSON); a record set aside by a
   * check across records (a duplicate id, an order that was set aside) as normalised.
   */
  readonly record: unknown;
  /** Every problem found with it, paths naming file and line (`orders.jsonl:3.placedAt`). */
  readonly issues: readonly InputIssue[];
}

/**
 * What `readStoreDir(dir, { lenient: true })` returns: the store with every record that
 * passed, and the records set aside.
 *
 * @example
 * ```ts
 * const r: LenientReadResult = await readStoreDir('stores/s1', { lenient: true });
 * r.rejected.length;
 * //=> 0
 * ```
 */
export interface LenientReadResult {
  /** The store with every record that passed. */
  readonly data: StoreData;
  /** The records set aside, in the order they were found. */
  readonly rejected: readonly RejectedFileRecord[];
}

interface CollectionState {
  /** The file its records came from (`orders.jsonl`). */
  file: string;
  /**
   * Normalised records; for a bad record, its raw `id` and `orderId` (cross-record checks).
   * Empty for a collection held column-wise (`packed`): its ids are in `ids`/`orderIds`.
   */
  readonly records: unknown[];
  /** Held column-wise: each record's id (and order id), the good records in the columns. */
  readonly packed: boolean;
  readonly ids: (string | undefined)[];
  readonly orderIds: (string | undefined)[];
  /** The raw id stubs of the bad records of a collection held column-wise, by index. */
  readonly stubs: Map<number, unknown>;
  /** The duplicate ids, found in the worker thread that read the collection. */
  duplicates?: CrossRecordProblem[] | undefined;
  /** Records taken, good and bad. */
  count: number;
  /** Which records are bad. */
  readonly bad: Set<number>;
  /** Line of each record, once a record's line is not `index + base`. */
  lines: number[] | undefined;
  base: number;
}

/**
 * One collection as a builder in a worker thread read it: what {@link StoreBuilder.absorb}
 * takes (plain data, posted between threads).
 */
export interface CollectionPart {
  readonly name: StoreDataCollection;
  readonly file: string;
  readonly count: number;
  readonly bad: readonly number[];
  readonly lines: number[] | undefined;
  readonly base: number;
  readonly records: unknown[];
  readonly stubs: readonly [number, unknown][];
  readonly duplicates: CrossRecordProblem[] | undefined;
  readonly latestMs: number;
  readonly issues: readonly InputIssue[];
  readonly otherRejected: readonly RejectedFileRecord[];
  readonly setAside: readonly [string, RejectedFileRecord & { issues: InputIssue[] }][];
}

/** A batch of a collection held column-wise, read on a worker thread (plain data, posted). */
export interface CollectionChunk {
  readonly name: StoreDataCollection;
  /** The batch's columns (`collectionFields`). */
  readonly fields: Record<string, unknown>;
  /** The number of the first customer id in `customers` (numbers run on from batch to batch). */
  readonly customersFrom: number;
  /** The customer ids first met in this batch. */
  readonly customers: string[];
  /** The bytes of the file read when the batch was taken (the columns' room is estimated from it). */
  readonly bytesRead: number;
  /** The id of each record of the batch, good and bad, in order (for the checks across records). */
  readonly ids: (string | undefined)[];
  /** The order id of each review of the batch. */
  readonly orderIds: (string | undefined)[];
}

function idStub(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as { id?: unknown; orderId?: unknown };
  return { id: r.id, orderId: r.orderId };
}

function isPacked(name: StoreDataCollection): name is PackedCollection {
  return (PACKED_COLLECTIONS as readonly string[]).includes(name);
}

/** Collects a store's records from files, then checks them across records. */
export class StoreBuilder {
  private store: Store | undefined;
  private readonly issues: InputIssue[] = [];
  private readonly state = new Map<StoreDataCollection, CollectionState>();
  /** The chat sessions, orders and reviews, column-wise (`src/_packed.ts`). */
  private readonly columns = new PackedBuilder();
  private packed: PackedCollections | undefined;

  /** Records set aside (lenient), by collection and index in it; the others by order found. */
  private readonly setAside = new Map<string, RejectedFileRecord & { issues: InputIssue[] }>();
  private readonly otherRejected: RejectedFileRecord[] = [];

  /** With `lenient`, a bad record is set aside instead of refusing the store. */
  constructor(private readonly lenient = false) {}

  /** Records taken so far, over every collection. */
  count = 0;
  /** The latest fact of the records parsed so far (see `markParsed`). */
  private latestMs = Number.NEGATIVE_INFINITY;

  /** The `store` object (from `store.json`); `where` names the file. */
  setStore(raw: unknown, where: string): void {
    const s = storeSchema.safeParse(raw);
    if (s.success) this.store = s.data;
    else for (const iss of s.error.issues) this.issues.push(toInputIssue(where, iss, raw));
  }

  /** A problem that is not about one record (a missing file, a line that is not JSON…). */
  addIssue(issue: InputIssue): void {
    this.issues.push(issue);
  }

  /**
   * A problem of one record that never became one (a line that is not JSON, a CSV row of the
   * wrong length, a message row without its session): set aside when lenient, else an issue.
   */
  addRecordIssue(
    collection: CsvCollection,
    file: string,
    line: number,
    record: unknown,
    issue: InputIssue,
  ): void {
    if (this.lenient) this.otherRejected.push({ collection, file, line, record, issues: [issue] });
    else this.issues.push(issue);
  }

  /** Opens a collection read from `file`. */
  begin(name: StoreDataCollection, file: string): void {
    this.state.set(name, {
      file,
      records: [],
      packed: isPacked(name),
      ids: [],
      orderIds: [],
      stubs: new Map(),
      count: 0,
      bad: new Set(),
      lines: undefined,
      base: 1,
    });
  }

  /**
   * One raw record of the collection opened under `name`, from line `line`; `rewrite`
   * relocates an issue (a chat message's issue to its own file and line).
   */
  add(
    name: StoreDataCollection,
    raw: unknown,
    line: number,
    rewrite?: (issue: InputIssue) => InputIssue,
  ): void {
    const st = this.state.get(name) as CollectionState;
    const index = this.take(st, line);
    const out = parseRecord(name, raw);
    if (out instanceof RecordFailure) {
      const issues = out.issues(`${st.file}:${line}`, raw).map((i) => rewrite?.(i) ?? i);
      if (this.lenient) this.reject(name, index, raw, issues);
      else for (const i of issues) this.issues.push(i);
      st.bad.add(index);
      const stub = idStub(raw);
      if (st.packed) {
        st.stubs.set(index, stub);
        st.ids.push(idOf(stub, 'id'));
        if (name === 'reviews') st.orderIds.push(idOf(stub, 'orderId'));
      } else st.records.push(stub);
      this.count++;
    } else this.keep(name, st, out);
  }

  /**
   * One record of `name` from line `line`, already validated and normalised: what
   * `parseRecord` returns for a valid record (the line scanner's, `_scanRecords.ts`). Taken
   * as {@link add} takes a valid record.
   */
  addParsed(name: StoreDataCollection, record: unknown, line: number): void {
    const st = this.state.get(name) as CollectionState;
    this.take(st, line);
    this.keep(name, st, record);
  }

  /** Counts a record of `st` from line `line`, noting its line: its index in the collection. */
  private take(st: CollectionState, line: number): number {
    const index = st.count++;
    if (st.lines === undefined && index === 0) st.base = line;
    else if (st.lines === undefined && line !== index + st.base) {
      st.lines = Array.from({ length: index }, (_, i) => i + st.base);
    }
    st.lines?.push(line);
    return index;
  }

  /** Keeps the valid record `out` of `name` (counted by {@link take}). */
  private keep(name: StoreDataCollection, st: CollectionState, out: unknown): void {
    if (st.packed) {
      // Only the columns keep it: the record itself is garbage once pushed.
      this.columns.push(name as PackedCollection, out);
      st.ids.push((out as { id: string }).id);
      if (name === 'reviews') st.orderIds.push((out as Review).orderId);
    } else st.records.push(out);
    this.latestMs = Math.max(this.latestMs, (LATEST_FACT_OF[name] as (r: unknown) => number)(out));
    this.count++;
  }

  /**
   * The collection `name` as read by this builder (in a worker thread), as plain data for
   * {@link absorb}; `transfer` lists the buffers to move.
   */
  exportPart(name: StoreDataCollection): CollectionPart {
    const st = this.state.get(name) as CollectionState;
    // A collection held column-wise has gone out in batches ({@link flushChunk}), its ids too;
    // the others' duplicate ids are found here, in parallel with the other files.
    const duplicates =
      !st.packed && (ID_COLLECTIONS as readonly string[]).includes(name)
        ? duplicateIds(name, (this.idLists(name) as IdLists).ids)
        : undefined;
    return {
      name,
      duplicates,
      file: st.file,
      count: st.count,
      bad: [...st.bad],
      lines: st.lines,
      base: st.base,
      records: st.records,
      stubs: [...st.stubs],
      latestMs: this.latestMs,
      issues: this.issues,
      otherRejected: this.otherRejected,
      setAside: [...this.setAside],
    };
  }

  /**
   * The records of `name` (held column-wise) taken since the last batch, their columns, ids
   * and new customer ids, which this builder then lets go of (in a worker thread: its heap
   * holds one batch at a time); `undefined` for a collection held as records.
   */
  flushChunk(
    name: StoreDataCollection,
    bytesRead: number,
  ): { chunk: CollectionChunk; transfer: ArrayBuffer[] } | undefined {
    const st = this.state.get(name) as CollectionState;
    if (!st.packed) return undefined;
    const { col, customersFrom, customers } = this.columns.flush(name as PackedCollection);
    const f = collectionFields(col);
    const chunk: CollectionChunk = {
      name,
      fields: f.fields,
      customersFrom,
      customers,
      bytesRead,
      ids: st.ids.splice(0),
      orderIds: st.orderIds.splice(0),
    };
    return { chunk, transfer: f.transfer };
  }

  /** Collections read in batches on worker threads, as their batches arrive. */
  private readonly chunked = new Map<
    StoreDataCollection,
    {
      readonly customer: Column<Int32Array>;
      readonly ids: (string | undefined)[];
      readonly orderIds: (string | undefined)[];
      readonly index: IdIndex;
    }
  >();

  /** The orders' ids, indexed as their batches arrived from a worker thread. */
  private orderIndex: IdIndex | undefined;

  /**
   * A batch of a collection read on a worker thread ({@link flushChunk}), taken as it arrives
   * (while the files are still being read): its columns appended, its customers renumbered,
   * its ids checked for duplicates.
   */
  takeChunk(chunk: CollectionChunk, fileBytes: number): void {
    const name = chunk.name;
    let ch = this.chunked.get(name);
    const col = collectionFromFields(name as PackedCollection, chunk.fields);
    if (ch === undefined) {
      ch = { customer: new Column(Int32Array), ids: [], orderIds: [], index: new IdIndex(name) };
      this.chunked.set(name, ch);
      // Room for the whole file, estimated from its first batch (a tenth more): the columns
      // are then allocated once, rather than grown by doubling (each growth holding two).
      if (chunk.bytesRead > 0 && chunk.bytesRead < fileBytes) {
        const scale = (fileBytes / chunk.bytesRead) * 1.1;
        const messages = name === 'chatSessions' ? (col as PackedChats).msgAt.length : 0;
        this.columns.reserve(
          name as PackedCollection,
          Math.ceil(col.length * scale) + 16,
          Math.ceil(messages * scale) + 16,
        );
      }
    }
    for (const c of chunk.customers) ch.customer.push(this.columns.customerNumber(c));
    this.columns.append(name as PackedCollection, col, ch.customer.a);
    for (const id of chunk.ids) ch.ids.push(id);
    for (const id of chunk.orderIds) ch.orderIds.push(id);
    ch.index.add(chunk.ids);
  }

  /** A collection read by another builder ({@link exportPart}), taken as if read here. */
  absorb(part: CollectionPart): void {
    const name = part.name;
    const packed = isPacked(name);
    const ch = this.chunked.get(name);
    this.state.set(name, {
      file: part.file,
      records: part.records,
      packed,
      ids: ch?.ids ?? [],
      orderIds: ch?.orderIds ?? [],
      stubs: new Map(part.stubs),
      duplicates: packed ? (ch?.index.duplicates ?? []) : part.duplicates,
      count: part.count,
      bad: new Set(part.bad),
      lines: part.lines,
      base: part.base,
    });
    if (name === 'orders' && ch !== undefined) this.orderIndex = ch.index;
    this.count += part.count;
    this.latestMs = Math.max(this.latestMs, part.latestMs);
    for (const i of part.issues) this.issues.push(i);
    for (const r of part.otherRejected) this.otherRejected.push(r);
    for (const [k, v] of part.setAside) this.setAside.set(k, v);
  }

  private lineOf(name: StoreDataCollection, index: number): number {
    const st = this.state.get(name) as CollectionState;
    return st.lines === undefined ? index + st.base : (st.lines[index] as number);
  }

  private where(name: StoreDataCollection, index: number): string {
    return `${(this.state.get(name) as CollectionState).file}:${this.lineOf(name, index)}`;
  }

  /** The row in the columns of each record of a collection held column-wise (−1: bad). */
  private rowsOf(name: PackedCollection): Int32Array {
    const st = this.state.get(name) as CollectionState;
    const rows = new Int32Array(st.count);
    for (let i = 0, row = 0; i < st.count; i++) rows[i] = st.bad.has(i) ? -1 : row++;
    return rows;
  }

  /** The record `index` of `name` as kept: normalised, or the id stub of a bad record. */
  private recordAt(name: StoreDataCollection, index: number): unknown {
    const st = this.state.get(name) as CollectionState;
    if (!st.packed) return st.records[index];
    if (st.bad.has(index)) return st.stubs.get(index);
    const packed = this.packed as PackedCollections;
    const row = this.rowsOf(name as PackedCollection)[index] as number;
    return packed[name as PackedCollection].record(row, packed.customers);
  }

  /** Sets the record `index` of `name` aside (lenient) with `issues`, or adds to its issues. */
  private reject(
    name: StoreDataCollection,
    index: number,
    record: unknown,
    issues: readonly InputIssue[],
  ): void {
    const key = `${name}:${index}`;
    const entry = this.setAside.get(key);
    if (entry !== undefined) entry.issues.push(...issues);
    else {
      const file = (this.state.get(name) as CollectionState).file;
      const line = this.lineOf(name, index);
      this.setAside.set(key, { collection: name, file, line, record, issues: [...issues] });
    }
  }

  /** A problem across records of one record: an issue, or (lenient) the record set aside. */
  private crossIssue(name: StoreDataCollection, index: number, issue: InputIssue): void {
    if (this.lenient) this.reject(name, index, this.recordAt(name, index), [issue]);
    else this.issues.push(issue);
  }

  /** The ids (and order ids) of a collection, by index. */
  private idLists(name: StoreDataCollection): IdLists | undefined {
    const st = this.state.get(name);
    if (st === undefined) return undefined;
    const { duplicates } = st;
    if (st.packed)
      return { ids: st.ids, orderIds: name === 'reviews' ? st.orderIds : undefined, duplicates };
    return { ...idListsOf(st.records, name !== 'orders'), duplicates };
  }

  /**
   * Lenient: a review, service order or dispute naming an order that was set aside is set
   * aside too (its order's facts are unknown), as `parseStoreDataLenient` does.
   */
  private rejectDependents(): void {
    const ordersBad = this.state.get('orders')?.bad;
    if (ordersBad === undefined) return;
    const accepted = new Set<string>();
    const setAside = new Map<string, number>();
    const orderIds = (this.state.get('orders') as CollectionState).ids;
    orderIds.forEach((id, i) => {
      if (id === undefined) return;
      if (!ordersBad.has(i) && !this.setAside.has(`orders:${i}`)) accepted.add(id);
      else if (!setAside.has(id)) setAside.set(id, i);
    });
    for (const name of ['reviews', 'serviceOrders', 'disputes'] as const) {
      const st = this.state.get(name);
      const refs = this.idLists(name)?.orderIds;
      if (st === undefined || refs === undefined) continue;
      refs.forEach((orderId, i) => {
        if (st.bad.has(i) || orderId === undefined || accepted.has(orderId)) return;
        const at = setAside.get(orderId);
        if (at === undefined || this.setAside.has(`${name}:${i}`)) return;
        this.reject(name, i, this.recordAt(name, i), [
          {
            path: `${this.where(name, i)}.orderId`,
            message: `expected the id of an accepted order, found ${JSON.stringify(orderId)} (${this.where('orders', at)} was set aside)`,
          },
        ]);
      });
    }
  }

  /** Whether the record `index` of `name` is kept (not bad, not set aside). */
  private kept(name: StoreDataCollection, index: number): boolean {
    const bad = this.state.get(name)?.bad;
    return !bad?.has(index) && !this.setAside.has(`${name}:${index}`);
  }

  /** The store and the records set aside (lenient), or {@link InvalidInputError}. */
  finishLenient(options: ParseStoreDataOptions = {}): LenientReadResult {
    const data = this.finish(options);
    if (this.setAside.size === 0) return { data, rejected: this.otherRejected };
    const keep = <T>(name: StoreDataCollection, list: readonly T[]): T[] =>
      list.filter((_, i) => this.kept(name, i));
    const masks: { [K in PackedCollection]?: Uint8Array } = {};
    for (const name of PACKED_COLLECTIONS) {
      const st = this.state.get(name);
      if (st === undefined) continue;
      const rows = this.rowsOf(name);
      const mask = new Uint8Array((this.packed as PackedCollections)[name].length);
      for (let i = 0; i < st.count; i++) {
        const row = rows[i] as number;
        if (row >= 0 && this.kept(name, i)) mask[row] = 1;
      }
      masks[name] = mask;
    }
    const all = this.records as { [K in StoreDataCollection]: unknown[] };
    const kept = packedStoreData(
      data.store,
      keepPacked(this.packed as PackedCollections, masks),
      {
        serviceOrders: keep('serviceOrders', all.serviceOrders) as ServiceOrder[],
        disputes: keep('disputes', all.disputes) as Dispute[],
        assuredServices: keep('assuredServices', all.assuredServices) as AssuredService[],
      },
      () => true,
      this.latestMs,
    );
    return { data: kept, rejected: [...this.otherRejected, ...this.setAside.values()] };
  }

  private records: { [K in StoreDataCollection]: unknown[] } | undefined;

  /** The store, or {@link InvalidInputError} listing every issue found. */
  finish(options: ParseStoreDataOptions = {}): StoreData {
    const records = {} as { [K in StoreDataCollection]: unknown[] };
    for (const name of STORE_DATA_COLLECTIONS) records[name] = this.state.get(name)?.records ?? [];
    this.records = records;
    this.packed = this.columns.done();
    const services = this.state.get('assuredServices');
    for (const p of unknownServices(records.assuredServices, options)) {
      if (services?.bad.has(p.index)) continue;
      this.crossIssue('assuredServices', p.index, {
        path: `${this.where('assuredServices', p.index)}.service`,
        message: p.message,
      });
    }
    const lists: { [K in StoreDataCollection]?: IdLists | undefined } = {};
    for (const name of STORE_DATA_COLLECTIONS) lists[name] = this.idLists(name);
    if (lists.orders !== undefined && this.orderIndex !== undefined)
      lists.orders = { ...lists.orders, idSet: this.orderIndex };
    for (const p of crossIdProblems(lists)) {
      const message = p.message.replace(
        /first at (\w+)\[(\d+)\]$/,
        (_, c: StoreDataCollection, i: string) => `first at ${this.where(c, Number(i))}`,
      );
      this.crossIssue(p.collection, p.index, {
        path: `${this.where(p.collection, p.index)}.${p.field}`,
        message,
      });
    }
    if (this.lenient) this.rejectDependents();
    if (this.issues.length > 0 || this.store === undefined) {
      throw new InvalidInputError(this.issues);
    }
    // A collection without its file is not provided: unknown, not none.
    return packedStoreData(
      this.store,
      this.packed,
      {
        serviceOrders: records.serviceOrders as ServiceOrder[],
        disputes: records.disputes as Dispute[],
        assuredServices: records.assuredServices as AssuredService[],
      },
      (c) => this.state.has(c),
      this.latestMs,
    );
  }
}
