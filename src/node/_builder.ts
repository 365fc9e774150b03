/**
 * A store assembled record by record (private): each record is validated and normalised as
 * it arrives and only the normalised record is kept, so memory is bounded by the parsed
 * store. Issues are located as `file:line` (`orders.jsonl:13.paidAt`).
 *
 * @module
 */

import { MessageChannel } from 'node:worker_threads';
import { IdArena, type IdArenaFields, Interner } from '../_idArena.js';
import {
  collectionFields,
  collectionFromFields,
  keepPacked,
  PACKED_COLLECTIONS,
  PackedBuilder,
  type PackedChats,
  type PackedCollection,
  type PackedCollections,
  packedStoreData,
  type RowIds,
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
  /**
   * Held column-wise: each record's id (and a review's order id), good and bad, kept here
   * (in a worker thread, since the last batch) and not in the columns, which take the good
   * records' ids from here when the read is done.
   */
  readonly packed: boolean;
  ids: IdArena;
  orderIds: IdArena;
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
  /**
   * The customer ids the batch names, each once, numbered from 0 by their index (the batch's
   * `customer` column): an id arena's buffers, moved.
   */
  readonly customers: IdArenaFields;
  /** The bytes of the file read when the batch was taken (the columns' room is estimated from it). */
  readonly bytesRead: number;
  /**
   * The id of each record of the batch, good and bad, in order (the checks across records, and
   * the good rows' ids): an id arena's buffers, moved.
   */
  readonly ids: IdArenaFields;
  /** The order id of each review of the batch (empty for the other collections). */
  readonly orderIds: IdArenaFields;
}

/**
 * Frees the buffers of a batch once copied into the store's columns. Moved in from a worker,
 * they are memory outside V8's heap that only a collection of their small wrappers would free,
 * and the calling thread allocates so little on its heap that collections are rare: on the
 * 5 M-record folder some 200 MB of taken batches waited for one. Moved into a channel whose
 * ends are both closed, they are detached here at once and freed on the event loop's next turn.
 */
function letGo(chunk: CollectionChunk): void {
  const buffers = new Set<ArrayBuffer>();
  const add = (v: unknown) => {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer && v.buffer.byteLength > 0)
      buffers.add(v.buffer);
  };
  for (const v of Object.values(chunk.fields)) add(v);
  for (const f of [chunk.customers, chunk.ids, chunk.orderIds]) {
    add(f.units);
    add(f.ends);
    add(f.absent);
  }
  if (buffers.size === 0) return;
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(null, [...buffers]);
  port1.close();
  port2.close();
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
  private readonly columns = new PackedBuilder(false);
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
      ids: new IdArena(),
      orderIds: new IdArena(),
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
    const { col, customers } = this.columns.flush(name as PackedCollection);
    const f = collectionFields(col);
    const c = customers.fields();
    const ids = st.ids.fields();
    const orderIds = st.orderIds.fields();
    // The arenas' buffers move to the calling thread: this builder starts new ones.
    st.ids = new IdArena();
    st.orderIds = new IdArena();
    const chunk: CollectionChunk = {
      name,
      fields: f.fields,
      customers: c.fields,
      bytesRead,
      ids: ids.fields,
      orderIds: orderIds.fields,
    };
    return {
      chunk,
      transfer: [...f.transfer, ...c.transfer, ...ids.transfer, ...orderIds.transfer],
    };
  }

  /** Collections read in batches on worker threads, as their batches arrive. */
  private readonly chunked = new Map<
    StoreDataCollection,
    {
      readonly ids: IdArena;
      readonly orderIds: IdArena;
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
    const ids = IdArena.fromFields(chunk.ids);
    const orderIds = IdArena.fromFields(chunk.orderIds);
    if (ch === undefined) {
      const all = new IdArena();
      ch = {
        ids: all,
        orderIds: new IdArena(),
        index: new IdIndex(name, all),
      };
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
        // The id arenas likewise: ids and their units, scaled from the batch's.
        const room = (into: IdArena, batch: IdArena) =>
          into.reserve(Math.ceil(batch.length * scale) + 16, Math.ceil(batch.used * scale) + 16);
        room(ch.ids, ids);
        if (orderIds.length > 0) room(ch.orderIds, orderIds);
      }
    }
    const customers = IdArena.fromFields(chunk.customers);
    // The batch's customer numbers to the store's.
    const customer = new Int32Array(customers.length);
    for (let j = 0; j < customers.length; j++)
      customer[j] = this.columns.customerNumberAt(customers, j);
    this.columns.append(name as PackedCollection, col, customer);
    ch.ids.appendAll(ids);
    ch.orderIds.appendAll(orderIds);
    ch.index.update();
    letGo(chunk);
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
      ids: ch?.ids ?? new IdArena(),
      orderIds: ch?.orderIds ?? new IdArena(),
      stubs: new Map(part.stubs),
      duplicates: packed ? (ch?.index.duplicates ?? []) : part.duplicates,
      count: part.count,
      bad: new Set(part.bad),
      lines: part.lines,
      base: part.base,
    });
    if (name === 'orders' && ch !== undefined) this.orderIndex = ch.index;
    // Its duplicates taken, a collection's table of ids is let go of (the orders' is kept for
    // the references checked at the end): tens of MB for millions of records.
    this.chunked.delete(name);
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
    const orders = this.state.get('orders');
    if (orders === undefined) return;
    const orderIds = (this.idLists('orders') as IdLists).ids;
    // The ids of the orders not kept, each with the first such order: looked up on the arenas
    // (no string per order), and nothing to do when every order is kept (the usual case).
    const gone = new Interner();
    const goneAt: number[] = [];
    for (let i = 0; i < orders.count; i++) {
      if (orderIds.isAbsent(i) || this.kept('orders', i)) continue;
      if (gone.findAt(orderIds, i) === -1) {
        gone.idAt(orderIds, i);
        goneAt.push(i);
      }
    }
    if (goneAt.length === 0) return;
    // An id that a kept order has too is still an accepted order's.
    const accepted = new Uint8Array(goneAt.length);
    for (let i = 0; i < orders.count; i++) {
      if (!this.kept('orders', i)) continue;
      const k = gone.findAt(orderIds, i);
      if (k !== -1) accepted[k] = 1;
    }
    for (const name of ['reviews', 'serviceOrders', 'disputes'] as const) {
      const st = this.state.get(name);
      const refs = this.idLists(name)?.orderIds;
      if (st === undefined || refs === undefined) continue;
      for (let i = 0; i < refs.length; i++) {
        if (st.bad.has(i) || refs.isAbsent(i)) continue;
        const k = gone.findAt(refs, i);
        if (k === -1 || accepted[k] === 1 || this.setAside.has(`${name}:${i}`)) continue;
        this.reject(name, i, this.recordAt(name, i), [
          {
            path: `${this.where(name, i)}.orderId`,
            message: `expected the id of an accepted order, found ${JSON.stringify(refs.at(i))} (${this.where('orders', goneAt[k] as number)} was set aside)`,
          },
        ]);
      }
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

  /**
   * The ids of the good rows of each collection held column-wise, for the columns: the arena
   * of every record's id itself when every record passed (no copy), else the good ones' ids.
   */
  private rowIds(): { [K in PackedCollection]?: RowIds } {
    const out: { [K in PackedCollection]?: RowIds } = {};
    for (const name of PACKED_COLLECTIONS) {
      const st = this.state.get(name);
      if (st === undefined) continue;
      const orderIds = name === 'reviews' ? st.orderIds : undefined;
      if (st.bad.size === 0) {
        out[name] = { ids: st.ids.trim(), orderIds: orderIds?.trim() };
        continue;
      }
      const good = new Uint8Array(st.count).fill(1);
      for (const i of st.bad) good[i] = 0;
      out[name] = { ids: st.ids.keep(good), orderIds: orderIds?.keep(good) };
    }
    return out;
  }

  /** The store, or {@link InvalidInputError} listing every issue found. */
  finish(options: ParseStoreDataOptions = {}): StoreData {
    const records = {} as { [K in StoreDataCollection]: unknown[] };
    for (const name of STORE_DATA_COLLECTIONS) records[name] = this.state.get(name)?.records ?? [];
    this.records = records;
    this.packed = this.columns.done(this.rowIds());
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
