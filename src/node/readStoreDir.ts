/**
 * `readStoreDir`: a store as a folder of files, one per collection, read record by record.
 *
 * @module
 */
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { TextDecoder } from 'node:util';
import { isMainThread, type Worker } from 'node:worker_threads';
import { didYouMean } from '../_suggest.js';
import { ArgumentError, type InputIssue, WeatherVaneError } from '../errors.js';
import type { StoreData } from '../model.js';
import type { ParseStoreDataOptions } from '../schemas/parse.js';
import { STORE_DATA_COLLECTIONS, type StoreDataCollection } from '../schemas/storeData.js';
import { quoteShort } from '../time/shanghai.js';
import {
  type CollectionChunk,
  type CollectionPart,
  type LenientReadResult,
  StoreBuilder,
} from './_builder.js';
import { forEachCsvRecord } from './_csv.js';
import {
  type CheckedFile,
  checkFile,
  escapeControls,
  openChecked,
  readSmallText,
  realRoot,
  textChunks,
} from './_files.js';
import { readJsonlInto } from './_jsonl.js';
import type { ReadJob, ReadMessage } from './_readWorker.js';
import { siblingScript, startThread } from './_thread.js';
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
 * Something `readStoreDir` noticed that does not refuse the store but should not pass
 * unseen: a file it does not read, a collection without a file, a file without records.
 *
 * @example
 * ```ts
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('stores/s1/notes.txt', 'to do');
 * const warnings: StoreDirWarning[] = [];
 * await readStoreDir('stores/s1', { onWarning: (w) => warnings.push(w) });
 * warnings[0];
 * //=> { kind: 'unknown-file', path: 'notes.txt', message: 'expected only the store\'s files, found "notes.txt": not read' }
 * ```
 */
export interface StoreDirWarning {
  /**
   * `unknown-file`: a file or folder no collection claims, not read; `absent-collection`: a
   * collection with no file (not provided); `empty-file`: a collection file without records.
   */
  readonly kind: 'unknown-file' | 'absent-collection' | 'empty-file';
  /** The file it is about (`orders.jsonl`). */
  readonly path: string;
  /** What was expected and what was found. */
  readonly message: string;
}

/**
 * Options of {@link readStoreDir}.
 *
 * @example
 * ```ts
 * const options: ReadStoreDirOptions = {
 *   encoding: 'gb18030',
 *   onWarning: (w) => console.error(`${w.path}: ${w.message}`),
 * };
 * ```
 */
export interface ReadStoreDirOptions {
  /** Called as records are read (every 100 000 records and at the end of each file). */
  readonly onProgress?: (progress: ReadProgress) => void;
  /** The CSV column mapping (default: `mapping.json` in the folder when there is one). */
  readonly mapping?: CsvMapping;
  /** The rule set whose 放心购 services the records may name, as for `parseStoreData`. */
  readonly ruleSet?: ParseStoreDataOptions['ruleSet'];
  /**
   * Set bad records aside instead of refusing the store (as `parseStoreDataLenient` does):
   * the result is then `{ data, rejected }` ({@link LenientReadResult}). Problems of a file
   * (refused, unreadable, a bad header, an encoding) still refuse the store. Default `false`.
   */
  readonly lenient?: boolean;
  /**
   * The encoding of the CSV files, any label `TextDecoder` knows (`'gb18030'`, `'gbk'`,
   * `'utf-16le'`, …); default UTF-8. A file starting with a UTF-8 byte order mark is read as
   * UTF-8 whatever this says. JSON and JSON Lines files are UTF-8 always, as their
   * specifications say (RFC 8259, jsonlines.org). Our choice (`assumption`).
   */
  readonly encoding?: string;
  /** Called with each {@link StoreDirWarning}; without it warnings are not reported. */
  readonly onWarning?: (warning: StoreDirWarning) => void;
  /**
   * The largest `store.json` or `mapping.json` read, in bytes (they are read whole); default
   * 1 048 576 (1 MiB), far above any real one (`assumption`). A larger file is an issue.
   */
  readonly maxJsonBytes?: number;
  /**
   * Worker threads reading the JSON Lines files in parallel, one file at a time each (the
   * records come back column-wise). Default: for a folder whose JSON Lines files weigh 8 MiB or
   * more, as many as the machine has cores (at most 4), in the main thread only; else none
   * (`assumption`: thresholds of speed only). `0` reads everything in the calling thread. The
   * result, issues and their order included, is the same either way.
   */
  readonly threads?: number;
}

/** Records between two progress reports. */
const PROGRESS_EVERY = 100_000;

/** Default of {@link ReadStoreDirOptions.maxJsonBytes}: 1 MiB. */
const MAX_JSON_BYTES = 1_048_576;

/** File extensions of data: an unclaimed file with one is an issue, not a warning. */
const DATA_EXTENSIONS = new Set(['json', 'jsonl', 'ndjson', 'csv', 'tsv', 'xls', 'xlsx']);

/** A collection file of a store folder. */
interface CollectionFile {
  readonly name: CsvCollection;
  readonly file: string;
  readonly format: 'jsonl' | 'csv';
}

/** What a folder is read with. */
interface Reading {
  readonly dir: string;
  /** The folder's real path: no file may lead outside it. */
  readonly root: string;
  readonly names: readonly string[];
  readonly builder: StoreBuilder;
  readonly warn: (warning: StoreDirWarning) => void;
  readonly maxJsonBytes: number;
}

async function readJsonFile(r: Reading, file: string, what: string): Promise<unknown> {
  const { builder } = r;
  if (!r.names.includes(file)) {
    builder.addIssue({
      path: file,
      message: `expected ${what} in ${file}, found no readable file (ENOENT)`,
    });
    return undefined;
  }
  const checked = checkFile(r.dir, r.root, file);
  const text = 'ino' in checked ? await readSmallText(checked, r.maxJsonBytes) : checked;
  if (typeof text !== 'string') {
    builder.addIssue(text);
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    builder.addIssue({
      path: file,
      message: `expected JSON, found a syntax error: ${escapeControls((e as Error).message)}`,
    });
    return undefined;
  }
}

/** The mapping in force: the option, else `mapping.json` in the folder, else none. */
async function loadMapping(r: Reading, option: CsvMapping | undefined): Promise<CsvMapping> {
  let raw: unknown = option;
  let where = 'mapping';
  if (raw === undefined) {
    if (!r.names.includes('mapping.json')) return {};
    where = 'mapping.json';
    raw = await readJsonFile(r, where, 'a CSV column mapping');
    if (raw === undefined) return {};
  }
  const issues = mappingIssues(raw, where);
  for (const i of issues) r.builder.addIssue(i);
  return issues.length === 0 ? (raw as CsvMapping) : {};
}

function listFiles(r: Reading, mapping: CsvMapping): CollectionFile[] {
  const { builder, names } = r;
  const present = new Set(names);
  const claimed = new Set<string>(['store.json', 'mapping.json']);
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
    } else if (name !== 'chatMessages') {
      r.warn({
        kind: 'absent-collection',
        path: jsonl as string,
        message: `expected ${jsonl} or ${csv}, found neither: ${name} not provided`,
      });
    }
  }
  const expected = [...claimed];
  for (const file of [...names].sort()) {
    if (claimed.has(file)) continue;
    const dot = file.lastIndexOf('.');
    const ext = dot > 0 ? file.slice(dot + 1).toLowerCase() : '';
    const hint = didYouMean(file, expected);
    if (DATA_EXTENSIONS.has(ext)) {
      builder.addIssue({
        path: file,
        message: `expected a collection file named one of ${STORE_DATA_COLLECTIONS.map((c) => `${c}.jsonl`).join(', ')} (or .csv, or named in the mapping), found ${quoteShort(file)}${hint}`,
      });
    } else {
      r.warn({
        kind: 'unknown-file',
        path: file,
        message: `expected only the store's files, found ${quoteShort(file)}${hint}: not read`,
      });
    }
  }
  return files;
}
/**
 * Reads a store from a folder: `store.json` (the `store` object: `{ id, name?, category? }`)
 * and one file per collection, named after it: [JSON Lines](https://jsonlines.org/)
 * (`chatSessions.jsonl`, `orders.jsonl`, `reviews.jsonl`, `serviceOrders.jsonl`,
 * `disputes.jsonl`, `assuredServices.jsonl`, each line one record as in the JSON input) or
 * CSV (`orders.csv`, …, chat messages one per row in `chatMessages.csv` with `sessionId`,
 * `from`, `at`), headers and cell texts mapped by a {@link CsvMapping} (`mapping.json` in
 * the folder, or the `mapping` option). A missing file is a collection not provided (empty,
 * named in `notProvided`: unknown, not none, and named in an `absent-collection` warning);
 * blank lines are skipped. Files are streamed and each record is validated and normalised as it is
 * read, so memory is bounded by the parsed store, never by a text copy of it, and a file
 * past V8's string limit (about 512 MB) reads as well. Node only: import it from
 * `jd-weather-vane/node`.
 *
 * Validation is `parseStoreData`'s; it rejects with `InvalidInputError` listing every
 * issue, its path naming file and line: `orders.jsonl:13.paidAt`, `chatMessages.csv:7.at`.
 * Nothing is lost silently: a data file that no collection claims (`orders.json`,
 * `Orders.JSONL`, `notes.csv`) is an issue with the name it resembles, and so are a
 * collection given twice, a CSV header that is neither a field, mapped nor listed under the
 * mapping's `ignore`, a header given twice, two columns landing on one field, a file split by
 * another delimiter, and a file that is not valid text in its encoding (its likely encoding
 * named). Only regular files inside the folder are read: a symbolic link leading outside it,
 * to nothing or in a loop, a folder, a named pipe or a device under a file's name is an
 * issue, and not a byte of it is read. Other files, an absent collection file and a file
 * without records are warnings ({@link ReadStoreDirOptions.onWarning}). It rejects with
 * the library's errors only: `InvalidInputError`, or `ArgumentError` for a folder
 * that cannot be read or a bad option.
 *
 * With `{ lenient: true }` a bad record is set aside instead, and the result is
 * `{ data, rejected }` ({@link LenientReadResult}).
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
 * // Set the bad records aside:
 * const { data: good, rejected } = await readStoreDir('stores/bad', { lenient: true });
 * [good.orders.length, rejected[0]?.line];
 * //=> [2, 3]
 * ```
 */
export async function readStoreDir(
  dir: string,
  options: ReadStoreDirOptions & { readonly lenient: true },
): Promise<LenientReadResult>;
export async function readStoreDir(
  dir: string,
  options?: ReadStoreDirOptions & { readonly lenient?: false },
): Promise<StoreData>;
export async function readStoreDir(
  dir: string,
  options?: ReadStoreDirOptions,
): Promise<StoreData | LenientReadResult>;
export async function readStoreDir(
  dir: string,
  options: ReadStoreDirOptions = {},
): Promise<StoreData | LenientReadResult> {
  const { maxJsonBytes, encoding } = checkOptions(options);
  let names: string[];
  let root: string;
  try {
    names = readdirSync(dir);
    root = realRoot(dir);
  } catch (e) {
    throw new ArgumentError(
      `expected a readable store folder, found ${JSON.stringify(dir)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const builder = new StoreBuilder(options.lenient === true);
  const { onWarning } = options;
  const r: Reading = {
    dir,
    root,
    names,
    builder,
    warn: (w) => onWarning?.(w),
    maxJsonBytes,
  };
  try {
    await readFolder(r, options, encoding);
  } catch (e) {
    // A failure of the system itself (a disk error) is still the library's own error; an
    // error thrown by the caller's own callback (onProgress, onWarning) is theirs, as it was.
    if (e instanceof WeatherVaneError || typeof (e as { syscall?: unknown }).syscall !== 'string')
      throw e;
    throw new ArgumentError(
      `expected a readable store folder, found an error while reading ${JSON.stringify(dir)}: ${escapeControls((e as NodeJS.ErrnoException).code ?? (e as Error).message)}`,
    );
  }
  const parseOptions = options.ruleSet === undefined ? {} : { ruleSet: options.ruleSet };
  return options.lenient === true
    ? builder.finishLenient(parseOptions)
    : builder.finish(parseOptions);
}

/** The options checked: `maxJsonBytes` and `encoding` with their defaults. */
function checkOptions(options: ReadStoreDirOptions): {
  maxJsonBytes: number;
  encoding: string | undefined;
} {
  const { maxJsonBytes = MAX_JSON_BYTES, encoding, lenient } = options;
  if (!Number.isSafeInteger(maxJsonBytes) || maxJsonBytes <= 0) {
    throw new ArgumentError(
      `expected maxJsonBytes as a positive whole number of bytes, found ${String(maxJsonBytes)}`,
    );
  }
  if (lenient !== undefined && typeof lenient !== 'boolean') {
    throw new ArgumentError(`expected lenient as true or false, found ${String(lenient)}`);
  }
  const { threads } = options;
  if (threads !== undefined && (!Number.isSafeInteger(threads) || threads < 0 || threads > 64)) {
    throw new ArgumentError(
      `expected threads as a whole number from 0 to 64 (0: read in this thread), found ${String(threads)}`,
    );
  }
  if (encoding !== undefined) {
    try {
      new TextDecoder(encoding);
    } catch {
      throw new ArgumentError(
        `expected an encoding TextDecoder knows (utf-8, gb18030, gbk, big5, utf-16le, …), found ${typeof encoding === 'string' ? quoteShort(encoding) : String(encoding)}`,
      );
    }
  }
  return { maxJsonBytes, encoding };
}

async function readFolder(
  r: Reading,
  options: ReadStoreDirOptions,
  encoding: string | undefined,
): Promise<void> {
  const { builder } = r;
  const mapping = await loadMapping(r, options.mapping);
  const listed = listFiles(r, mapping);
  const store = await readJsonFile(
    r,
    'store.json',
    'the store as a JSON object { id, name?, category? }',
  );
  if (store !== undefined) builder.setStore(store, 'store.json');
  const files: (CollectionFile & { checked: CheckedFile })[] = [];
  for (const f of listed) {
    const checked = checkFile(r.dir, r.root, f.file);
    if ('ino' in checked) files.push({ ...f, checked });
    else builder.addIssue(checked);
  }
  const totalBytes = files.reduce((a, f) => a + f.checked.size, 0);
  const { onProgress } = options;
  let doneBytes = 0;
  // chatMessages.csv rows by session id, until their session's row takes them.
  const messages = new Map<string, { raw: Record<string, unknown>[]; lines: number[] }>();
  let messagesFile = '';
  const holdMessage = (record: Record<string, unknown>, line: number): void => {
    const id = record.sessionId;
    if (typeof id !== 'string') {
      builder.addRecordIssue('chatMessages', messagesFile, line, record, {
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
  // JSON Lines files go to worker threads, read in parallel, taken back in the listed order.
  const threads = threadsFor(options, files);
  const inFlight = new Map<string, { bytes: number; records: number }>();
  const progress = (file: string, bytes: number): void => {
    if (onProgress === undefined) return;
    let records = builder.count;
    let read = doneBytes + bytes;
    for (const p of inFlight.values()) {
      records += p.records;
      read += p.bytes;
    }
    onProgress({ file, records, bytesRead: read, totalBytes });
  };
  const parts =
    threads === undefined
      ? new Map<string, Promise<ThreadResult>>()
      : await readOnThreads(
          threads,
          files,
          options.lenient === true,
          inFlight,
          progress,
          (c, bytes) => builder.takeChunk(c, bytes),
        );
  for (const { name, file, format, checked } of files) {
    let bytes = 0;
    const report = (): void => progress(file, bytes);
    const onBytes = (b: number): void => {
      bytes = b;
    };
    let records = 0;
    const threaded = parts.get(file);
    if (threaded !== undefined) {
      const result = await threaded;
      inFlight.delete(file);
      if ('path' in result) {
        builder.addIssue(result);
        continue;
      }
      builder.absorb(result.part);
      records = result.records;
    } else {
      const take = (raw: unknown, line: number, rewrite?: (i: InputIssue) => InputIssue): void => {
        builder.add(name as StoreDataCollection, raw, line, rewrite);
        if (onProgress !== undefined && builder.count % PROGRESS_EVERY === 0) report();
      };
      if (name !== 'chatMessages') builder.begin(name, file);
      const fh = await openChecked(checked);
      if (!('fd' in fh)) {
        builder.addIssue(fh);
        continue;
      }
      const chunks = textChunks(
        fh,
        file,
        format === 'csv'
          ? { encoding, convertOnly: false }
          : { encoding: undefined, convertOnly: true },
        onBytes,
      );
      if (format === 'jsonl') {
        records = await readJsonlInto(builder, name as StoreDataCollection, file, chunks, () => {
          if (onProgress !== undefined && builder.count % PROGRESS_EVERY === 0) report();
        });
      } else {
        if (name === 'chatMessages') messagesFile = file;
        records = await forEachCsvRecord(chunks, file, name, mapping, {
          onRecord: (record, line) => {
            if (name === 'chatMessages') return holdMessage(record, line);
            if (name !== 'chatSessions') return take(record, line);
            const id = typeof record.id === 'string' ? record.id : '';
            const own = messages.get(id);
            messages.delete(id);
            take({ ...record, messages: own?.raw ?? [] }, line, (issue) =>
              relocateMessageIssue(issue, messagesFile, own?.lines),
            );
          },
          onIssue: (issue) => builder.addIssue(issue),
          onBadRow: (issue, cells, line) => builder.addRecordIssue(name, file, line, cells, issue),
        });
      }
    }
    if (records === 0) {
      r.warn({
        kind: 'empty-file',
        path: file,
        message: `expected records in ${file}, found none: read as no ${name} (an empty collection)`,
      });
    }
    doneBytes += checked.size;
    bytes = 0;
    report();
  }
  for (const [id, { raw, lines }] of messages) {
    const issue = {
      path: `${messagesFile}:${lines[0]}.sessionId`,
      message: `expected the id of a chat session in the chat sessions' CSV file, found ${JSON.stringify(id)} (no such session; ${lines.length} message(s))`,
    };
    builder.addRecordIssue('chatMessages', messagesFile, lines[0] as number, raw, issue);
  }
}

/** A JSON Lines file read on a worker thread: the collection, or the issue of opening it. */
type ThreadResult = { readonly part: CollectionPart; readonly records: number } | InputIssue;

/**
 * Folders whose JSON Lines files weigh less than this are read in the calling thread: starting
 * a worker costs more than it saves (`assumption`, a matter of speed only).
 */
const THREADS_FROM_BYTES = 8 * 1024 * 1024;

/**
 * How the worker threads post back (internal; tests make batches small so that a few records
 * span several): records per batch of chat sessions, orders or reviews.
 */
export const readTuning = { batchRecords: 65_536 };

/** The most worker threads a folder is read with by default. */
const MAX_THREADS = 4;

/** The worker threads to read `files` with (and their script), or `undefined`: this thread. */
function threadsFor(
  options: ReadStoreDirOptions,
  files: readonly (CollectionFile & { checked: CheckedFile })[],
): { count: number; script: URL } | undefined {
  const jsonl = files.filter((f) => f.format === 'jsonl');
  const bytes = jsonl.reduce((a, f) => a + f.checked.size, 0);
  const count =
    options.threads ??
    (isMainThread && bytes >= THREADS_FROM_BYTES
      ? Math.min(availableParallelism(), MAX_THREADS)
      : 0);
  if (count < 1 || jsonl.length === 0) return undefined;
  const script = siblingScript('_readWorker.ts', 'read-worker');
  return script === undefined ? undefined : { count: Math.min(count, jsonl.length), script };
}

/**
 * Starts reading the JSON Lines files of `files` on `threads.count` worker threads, the largest
 * first; each file is opened and checked here and its handle moved to the worker. Resolves to
 * each file's result by file name, once every file is opened.
 */
async function readOnThreads(
  threads: { count: number; script: URL },
  files: readonly (CollectionFile & { checked: CheckedFile })[],
  lenient: boolean,
  inFlight: Map<string, { bytes: number; records: number }>,
  progress: (file: string, bytes: number) => void,
  onChunk: (chunk: CollectionChunk, fileBytes: number) => void,
): Promise<Map<string, Promise<ThreadResult>>> {
  const out = new Map<string, Promise<ThreadResult>>();
  const queue: {
    job: ReadJob;
    resolve: (r: ThreadResult) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const jsonl = files
    .filter((f) => f.format === 'jsonl')
    .sort((a, b) => b.checked.size - a.checked.size);
  const sizes = new Map(jsonl.map((f) => [f.file, f.checked.size]));
  for (const f of jsonl) {
    const fh = await openChecked(f.checked);
    if (!('fd' in fh)) {
      out.set(f.file, Promise.resolve(fh));
      continue;
    }
    const job: ReadJob = {
      name: f.name as StoreDataCollection,
      file: f.file,
      handle: fh,
      lenient,
      batch: readTuning.batchRecords,
    };
    out.set(
      f.file,
      new Promise<ThreadResult>((resolve, reject) => queue.push({ job, resolve, reject })),
    );
  }
  const workers = Math.min(threads.count, queue.length);
  for (let w = 0; w < workers; w++) {
    const worker: Worker = startThread(threads.script, { jwvReadWorker: true });
    let current: (typeof queue)[number] | undefined;
    const next = (): void => {
      current = queue.shift();
      if (current === undefined) {
        void worker.terminate();
        return;
      }
      inFlight.set(current.job.file, { bytes: 0, records: 0 });
      worker.postMessage(current.job, [current.job.handle as never]);
    };
    // A failure (the worker's, or a throw of the caller's onProgress) rejects what is pending:
    // it surfaces where the file is awaited, as it would in this thread, and the files not yet
    // handed over are closed.
    const fail = (e: unknown): void => {
      current?.reject(e);
      current = undefined;
      for (const q of queue.splice(0)) {
        q.reject(e);
        void q.job.handle.close().catch(() => {});
      }
      void worker.terminate();
    };
    worker.on('message', (m: ReadMessage) => {
      const job = current;
      if (job === undefined) return;
      try {
        if ('chunk' in m) onChunk(m.chunk, sizes.get(job.job.file) ?? 0);
        else if ('progress' in m) {
          inFlight.set(job.job.file, m.progress);
          progress(job.job.file, 0);
        } else if ('part' in m) {
          job.resolve(m);
          next();
        } else {
          job.reject(Object.assign(new Error(m.error.message), m.error));
          next();
        }
      } catch (e) {
        fail(e);
      }
    });
    worker.on('error', fail);
    // A worker gone without a word (its thread ended) must not leave a file awaited forever.
    worker.on('exit', (code) => {
      if (current !== undefined) fail(new Error(`a reading thread ended (exit code ${code})`));
    });
    next();
  }
  // Every promise is awaited in the listed order; a failure is seen there.
  for (const p of out.values()) p.catch(() => {});
  return out;
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
