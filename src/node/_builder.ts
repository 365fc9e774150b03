/**
 * A store assembled record by record (private): each record is validated and normalised as
 * it arrives and only the normalised record is kept, so memory is bounded by the parsed
 * store. Issues are located as `file:line` (`orders.jsonl:13.paidAt`).
 *
 * @module
 */
import { type InputIssue, InvalidInputError } from '../errors.js';
import {
  LATEST_FACT_OF,
  markParsed,
  type Store,
  type StoreData,
  withNotProvided,
} from '../model.js';
import {
  type ParseStoreDataOptions,
  parseRecord,
  RecordFailure,
  toInputIssue,
  unknownServices,
} from '../schemas/parse.js';
import {
  crossRecordProblems,
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
  /** Normalised records; for a bad record, its raw `id` and `orderId` (cross-record checks). */
  readonly records: unknown[];
  /** Which records are bad. */
  readonly bad: Set<number>;
  /** Line of each record, once a record's line is not `index + base`. */
  lines: number[] | undefined;
  base: number;
}

function idStub(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as { id?: unknown; orderId?: unknown };
  return { id: r.id, orderId: r.orderId };
}

/** Collects a store's records from files, then checks them across records. */
export class StoreBuilder {
  private store: Store | undefined;
  private readonly issues: InputIssue[] = [];
  private readonly state = new Map<StoreDataCollection, CollectionState>();

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
    this.state.set(name, { file, records: [], bad: new Set(), lines: undefined, base: 1 });
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
    const index = st.records.length;
    if (st.lines === undefined && index === 0) st.base = line;
    else if (st.lines === undefined && line !== index + st.base) {
      st.lines = Array.from({ length: index }, (_, i) => i + st.base);
    }
    st.lines?.push(line);
    const out = parseRecord(name, raw);
    if (out instanceof RecordFailure) {
      const issues = out.issues(`${st.file}:${line}`, raw).map((i) => rewrite?.(i) ?? i);
      if (this.lenient) this.reject(name, index, raw, issues);
      else for (const i of issues) this.issues.push(i);
      st.bad.add(index);
      st.records.push(idStub(raw));
    } else {
      st.records.push(out);
      this.latestMs = Math.max(
        this.latestMs,
        (LATEST_FACT_OF[name] as (r: unknown) => number)(out),
      );
    }
    this.count++;
  }

  private lineOf(name: StoreDataCollection, index: number): number {
    const st = this.state.get(name) as CollectionState;
    return st.lines === undefined ? index + st.base : (st.lines[index] as number);
  }

  private where(name: StoreDataCollection, index: number): string {
    return `${(this.state.get(name) as CollectionState).file}:${this.lineOf(name, index)}`;
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
  private crossIssue(
    name: StoreDataCollection,
    index: number,
    records: readonly unknown[],
    issue: InputIssue,
  ): void {
    if (this.lenient) this.reject(name, index, records[index], [issue]);
    else this.issues.push(issue);
  }

  /**
   * Lenient: a review, service order or dispute naming an order that was set aside is set
   * aside too (its order's facts are unknown), as `parseStoreDataLenient` does.
   */
  private rejectDependents(records: { [K in StoreDataCollection]: unknown[] }): void {
    const ordersBad = this.state.get('orders')?.bad;
    if (ordersBad === undefined) return;
    const accepted = new Set<string>();
    const setAside = new Map<string, number>();
    records.orders.forEach((o, i) => {
      const id = (o as { id?: unknown } | undefined)?.id;
      if (typeof id !== 'string') return;
      if (!ordersBad.has(i) && !this.setAside.has(`orders:${i}`)) accepted.add(id);
      else if (!setAside.has(id)) setAside.set(id, i);
    });
    for (const name of ['reviews', 'serviceOrders', 'disputes'] as const) {
      const bad = this.state.get(name)?.bad;
      records[name].forEach((r, i) => {
        const orderId = (r as { orderId?: unknown }).orderId;
        if (bad?.has(i) || typeof orderId !== 'string' || accepted.has(orderId)) return;
        const at = setAside.get(orderId);
        if (at === undefined || this.setAside.has(`${name}:${i}`)) return;
        this.reject(name, i, r, [
          {
            path: `${this.where(name, i)}.orderId`,
            message: `expected the id of an accepted order, found ${JSON.stringify(orderId)} (${this.where('orders', at)} was set aside)`,
          },
        ]);
      });
    }
  }

  /** The store and the records set aside (lenient), or {@link InvalidInputError}. */
  finishLenient(options: ParseStoreDataOptions = {}): LenientReadResult {
    const data = this.finish(options);
    if (this.setAside.size === 0) return { data, rejected: this.otherRejected };
    const keep = <T>(name: StoreDataCollection, list: readonly T[]): T[] => {
      const bad = this.state.get(name)?.bad;
      return list.filter((_, i) => !bad?.has(i) && !this.setAside.has(`${name}:${i}`));
    };
    const all = this.records as { [K in StoreDataCollection]: unknown[] };
    const kept = markParsed(
      {
        store: data.store,
        chatSessions: keep('chatSessions', all.chatSessions),
        orders: keep('orders', all.orders),
        reviews: keep('reviews', all.reviews),
        serviceOrders: keep('serviceOrders', all.serviceOrders),
        disputes: keep('disputes', all.disputes),
        assuredServices: keep('assuredServices', all.assuredServices),
      } as StoreData,
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
    const services = this.state.get('assuredServices');
    for (const p of unknownServices(records.assuredServices, options)) {
      if (services?.bad.has(p.index)) continue;
      this.crossIssue('assuredServices', p.index, records.assuredServices, {
        path: `${this.where('assuredServices', p.index)}.service`,
        message: p.message,
      });
    }
    for (const p of crossRecordProblems(records)) {
      const message = p.message.replace(
        /first at (\w+)\[(\d+)\]$/,
        (_, c: StoreDataCollection, i: string) => `first at ${this.where(c, Number(i))}`,
      );
      this.crossIssue(p.collection, p.index, records[p.collection], {
        path: `${this.where(p.collection, p.index)}.${p.field}`,
        message,
      });
    }
    if (this.lenient) this.rejectDependents(records);
    if (this.issues.length > 0 || this.store === undefined) {
      throw new InvalidInputError(this.issues);
    }
    // A collection without its file is not provided: unknown, not none.
    return markParsed(
      withNotProvided(
        {
          store: this.store,
          chatSessions: records.chatSessions,
          orders: records.orders,
          reviews: records.reviews,
          serviceOrders: records.serviceOrders,
          disputes: records.disputes,
          assuredServices: records.assuredServices,
        } as StoreData,
        (c) => this.state.has(c),
      ),
      this.latestMs,
    );
  }
}
