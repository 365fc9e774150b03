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
      for (const i of out.issues(`${st.file}:${line}`, raw)) {
        this.issues.push(rewrite === undefined ? i : rewrite(i));
      }
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

  private where(name: StoreDataCollection, index: number): string {
    const st = this.state.get(name) as CollectionState;
    return `${st.file}:${st.lines === undefined ? index + st.base : st.lines[index]}`;
  }

  /** The store, or {@link InvalidInputError} listing every issue found. */
  finish(options: ParseStoreDataOptions = {}): StoreData {
    const records = {} as { [K in StoreDataCollection]: unknown[] };
    for (const name of STORE_DATA_COLLECTIONS) records[name] = this.state.get(name)?.records ?? [];
    const services = this.state.get('assuredServices');
    for (const p of unknownServices(records.assuredServices, options)) {
      if (services?.bad.has(p.index)) continue;
      this.issues.push({
        path: `${this.where('assuredServices', p.index)}.service`,
        message: p.message,
      });
    }
    for (const p of crossRecordProblems(records)) {
      const message = p.message.replace(
        /first at (\w+)\[(\d+)\]$/,
        (_, c: StoreDataCollection, i: string) => `first at ${this.where(c, Number(i))}`,
      );
      this.issues.push({ path: `${this.where(p.collection, p.index)}.${p.field}`, message });
    }
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
