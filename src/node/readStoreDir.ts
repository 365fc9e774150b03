/**
 * `readStoreDir`: a store as a folder of files, one per collection, read record by record.
 *
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ArgumentError, type InputIssue } from '../errors.js';
import type { StoreData } from '../model.js';
import type { ParseStoreDataOptions } from '../schemas/parse.js';
import { STORE_DATA_COLLECTIONS, type StoreDataCollection } from '../schemas/storeData.js';
import { StoreBuilder } from './_builder.js';
import { forEachCsvRecord } from './_csv.js';
import { forEachLine } from './_lines.js';
import {
  CSV_COLLECTIONS,
  type CsvCollection,
  type CsvMapping,
  mappingIssues,
} from './csvMapping.js';

/**
 * Progress of {@link readStoreDir}, reported every 100 000 records and at the end of each file.
 *
 * @example
 * ```ts
 * const seen: string[] = [];
 * await readStoreDir('stores/s1', { onProgress: (p) => seen.push(`${p.file} ${p.records}`) });
 * seen.at(-1);
 * //=> 'assuredServices.jsonl 3889'
 * ```
 */
export interface ReadProgress {
  /** The file being read (`orders.jsonl`). */
  readonly file: string;
  /** Records read so far, over every file. */
  readonly records: number;
  /** Bytes read so far, over every file. */
  readonly bytesRead: number;
  /** Bytes of every file to read. */
  readonly totalBytes: number;
}

/**
 * Options of {@link readStoreDir}.
 *
 * @example
 * ```ts
 * const options: ReadStoreDirOptions = { onProgress: (p) => console.error(p.records) };
 * ```
 */
export interface ReadStoreDirOptions {
  /** Called as records are read (every 100 000 records and at the end of each file). */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** The CSV column mapping (default: `mapping.json` in the folder when there is one). */
  readonly mapping?: CsvMapping;
  /** The rule set whose 放心购 services the records may name, as for `parseStoreData`. */
  readonly ruleSet?: ParseStoreDataOptions['ruleSet'];
}

/** Records between two progress reports. */
const PROGRESS_EVERY = 100_000;

/** A collection file of a store folder. */
interface CollectionFile {
  readonly name: CsvCollection;
  readonly file: string;
  readonly format: 'jsonl' | 'csv';
}

function readJsonFile(path: string, file: string, what: string, builder: StoreBuilder): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    builder.addIssue({
      path: file,
      message: `expected ${what} in ${file}, found no readable file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    builder.addIssue({
      path: file,
      message: `expected JSON, found a syntax error: ${(e as Error).message}`,
    });
    return undefined;
  }
}

/** The mapping in force: the option, else `mapping.json` in the folder, else none. */
function loadMapping(
  dir: string,
  names: readonly string[],
  option: CsvMapping | undefined,
  builder: StoreBuilder,
): CsvMapping {
  let raw: unknown = option;
  let where = 'mapping';
  if (raw === undefined) {
    if (!names.includes('mapping.json')) return {};
    where = 'mapping.json';
    raw = readJsonFile(join(dir, where), where, 'a CSV column mapping', builder);
    if (raw === undefined) return {};
  }
  const issues = mappingIssues(raw, where);
  for (const i of issues) builder.addIssue(i);
  return issues.length === 0 ? (raw as CsvMapping) : {};
}

function listFiles(
  dir: string,
  mappingOption: CsvMapping | undefined,
  builder: StoreBuilder,
): { mapping: CsvMapping; files: CollectionFile[] } {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new ArgumentError(
      `expected a readable store folder, found ${JSON.stringify(dir)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const mapping = loadMapping(dir, names, mappingOption, builder);
  const present = new Set(names);
  const claimed = new Set<string>();
  const files: CollectionFile[] = [];
  for (const name of CSV_COLLECTIONS) {
    const csv = mapping.files?.[name] ?? `${name}.csv`;
    const jsonl = name === 'chatMessages' ? undefined : `${name}.jsonl`;
    claimed.add(csv);
    if (jsonl !== undefined) claimed.add(jsonl);
    const hasCsv = present.has(csv);
    const hasJsonl = jsonl !== undefined && present.has(jsonl);
    if (hasCsv && hasJsonl) {
      builder.addIssue({
        path: csv,
        message: `expected one file for ${name}, found both ${jsonl} and ${csv}`,
      });
    } else if (hasCsv) files.push({ name, file: csv, format: 'csv' });
    else if (hasJsonl) files.push({ name, file: jsonl as string, format: 'jsonl' });
    else if (mapping.files?.[name] !== undefined) {
      builder.addIssue({
        path: csv,
        message: `expected the file ${JSON.stringify(csv)} named in the mapping for ${name}, found no such file`,
      });
    }
  }
  for (const file of [...names].sort()) {
    if (!/\.(jsonl|csv)$/.test(file) || claimed.has(file)) continue;
    builder.addIssue({
      path: file,
      message: `expected a collection file named one of ${STORE_DATA_COLLECTIONS.map((c) => `${c}.jsonl`).join(', ')} (or .csv, or named in the mapping), found ${JSON.stringify(file)}`,
    });
  }
  return { mapping, files };
}

function readStoreJson(dir: string, builder: StoreBuilder): void {
  const raw = readJsonFile(
    join(dir, 'store.json'),
    'store.json',
    'the store as a JSON object { id, name?, category? }',
    builder,
  );
  if (raw !== undefined) builder.setStore(raw, 'store.json');
}

/**
 * Reads a store from a folder: `store.json` (the `store` object: `{ id, name?, category? }`)
 * and one file per collection, named after it: [JSON Lines](https://jsonlines.org/)
 * (`chatSessions.jsonl`, `orders.jsonl`, `reviews.jsonl`, `serviceOrders.jsonl`,
 * `disputes.jsonl`, `assuredServices.jsonl`, each line one record as in the JSON input) or
 * CSV (`orders.csv`, …, chat messages one per row in `chatMessages.csv` with `sessionId`,
 * `from`, `at`), headers and cell texts mapped by a {@link CsvMapping} (`mapping.json` in
 * the folder, or the `mapping` option). A missing file is a collection not provided (empty,
 * named in `notProvided`: unknown, not none); blank lines
 * are skipped. Files are streamed and each record is validated and normalised as it is
 * read, so memory is bounded by the parsed store, never by a text copy of it, and a file
 * past V8's string limit (about 512 MB) reads as well. Node only: import it from
 * `jd-weather-vane/node`.
 *
 * Validation is `parseStoreData`'s; it rejects with `InvalidInputError` listing every
 * issue, its path naming file and line: `orders.jsonl:13.paidAt`, `chatMessages.csv:7.at`.
 * A `.jsonl` or `.csv` file that no collection claims is an issue too (nothing is ignored
 * silently), and so is a collection given twice.
 *
 * @example
 * ```ts
 * import { mkdirSync, writeFileSync } from 'node:fs';
 * import { readStoreDir, writeStoreDir } from 'jd-weather-vane/node';
 * const data = await readStoreDir('stores/s1');
 * evaluateStore(data, { asOf: '2026-11-23' }).composite;
 * //=> 7.16
 * const order = { customerId: 'c1', placedAt: '2026-11-01 09:00:00', amount: 5 };
 * const bad = { store: { id: 'bad' }, orders: [
 *   { ...order, id: 'o1' }, { ...order, id: 'o2' }, { ...order, id: 'o3', placedAt: '2026-11-01' },
 * ] };
 * await writeStoreDir('stores/bad', bad);
 * await readStoreDir('stores/bad');
 * // rejects with InvalidInputError, issues:
 * //=> [{ path: 'orders.jsonl:3.placedAt', message: 'expected an instant: …, found "2026-11-01"' }]
 * // A CSV export with its own headers:
 * mkdirSync('exports/s2', { recursive: true });
 * writeFileSync('exports/s2/store.json', '{ "id": "s2" }');
 * writeFileSync('exports/s2/orders.csv', '订单编号,customerId,placedAt,amount\no1,c1,2026-11-01 09:00:00,5\n');
 * (await readStoreDir('exports/s2', { mapping: { columns: { orders: { 订单编号: 'id' } } } })).orders[0]?.id;
 * //=> 'o1'
 * ```
 */
export async function readStoreDir(
  dir: string,
  options: ReadStoreDirOptions = {},
): Promise<StoreData> {
  const builder = new StoreBuilder();
  const { mapping, files } = listFiles(dir, options.mapping, builder);
  readStoreJson(dir, builder);
  const sizes = files.map((c) => statSync(join(dir, c.file)).size);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const { onProgress } = options;
  let doneBytes = 0;
  // chatMessages.csv rows by session id, until their session's row takes them.
  const messages = new Map<string, { raw: Record<string, unknown>[]; lines: number[] }>();
  let messagesFile = '';
  const holdMessage = (record: Record<string, unknown>, line: number): void => {
    const id = record.sessionId;
    if (typeof id !== 'string') {
      builder.addIssue({
        path: `${messagesFile}:${line}.sessionId`,
        message: "expected the id of the message's session, found nothing",
      });
      return;
    }
    const { sessionId: _, ...message } = record;
    const entry = messages.get(id);
    if (entry === undefined) messages.set(id, { raw: [message], lines: [line] });
    else {
      entry.raw.push(message);
      entry.lines.push(line);
    }
  };
  for (const [k, { name, file, format }] of files.entries()) {
    let bytes = 0;
    const report = (): void =>
      onProgress?.({ file, records: builder.count, bytesRead: doneBytes + bytes, totalBytes });
    const onBytes = (b: number): void => {
      bytes = b;
    };
    const take = (raw: unknown, line: number, rewrite?: (i: InputIssue) => InputIssue): void => {
      builder.add(name as StoreDataCollection, raw, line, rewrite);
      if (onProgress !== undefined && builder.count % PROGRESS_EVERY === 0) report();
    };
    const path = join(dir, file);
    if (name !== 'chatMessages') builder.begin(name, file);
    if (format === 'jsonl') {
      await forEachLine(
        path,
        (text, line) => {
          if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) return;
          let raw: unknown;
          try {
            raw = JSON.parse(text);
          } catch (e) {
            builder.addIssue({
              path: `${file}:${line}`,
              message: `expected one JSON record on the line, found a syntax error: ${(e as Error).message}`,
            });
            return;
          }
          take(raw, line);
        },
        onBytes,
      );
    } else {
      if (name === 'chatMessages') messagesFile = file;
      await forEachCsvRecord(
        path,
        file,
        name,
        mapping,
        (record, line) => {
          if (name === 'chatMessages') return holdMessage(record, line);
          if (name !== 'chatSessions') return take(record, line);
          const id = typeof record.id === 'string' ? record.id : '';
          const own = messages.get(id);
          messages.delete(id);
          take({ ...record, messages: own?.raw ?? [] }, line, (issue) =>
            relocateMessageIssue(issue, messagesFile, own?.lines),
          );
        },
        (issue) => builder.addIssue(issue),
        onBytes,
      );
    }
    doneBytes += sizes[k] as number;
    bytes = 0;
    report();
  }
  for (const [id, { lines }] of messages) {
    builder.addIssue({
      path: `${messagesFile}:${lines[0]}.sessionId`,
      message: `expected the id of a chat session in the chat sessions' CSV file, found ${JSON.stringify(id)} (no such session; ${lines.length} message(s))`,
    });
  }
  return builder.finish(options.ruleSet === undefined ? {} : { ruleSet: options.ruleSet });
}

/** `chatSessions.csv:4.messages[1].at` → `chatMessages.csv:17.at`, the message's own row. */
function relocateMessageIssue(
  issue: InputIssue,
  messagesFile: string,
  lines: readonly number[] | undefined,
): InputIssue {
  const m = /^[^:]+:\d+\.messages\[(\d+)\](.*)$/.exec(issue.path);
  const line = m === null || lines === undefined ? undefined : lines[Number(m[1])];
  if (m === null || line === undefined) return issue;
  return { path: `${messagesFile}:${line}${m[2]}`, message: issue.message };
}
