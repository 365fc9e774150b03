/**
 * `readStoreDir`: a store as a folder of files, one per collection, read record by record.
 *
 * @module
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ArgumentError } from '../errors.js';
import type { StoreData } from '../model.js';
import { STORE_DATA_COLLECTIONS, type StoreDataCollection } from '../schemas/storeData.js';
import { StoreBuilder } from './_builder.js';
import { forEachLine } from './_lines.js';

/**
 * Progress of {@link readStoreDir}, reported every 100 000 records and at the end of each file.
 *
 * @example
 * ```ts
 * await readStoreDir('store/', { onProgress: (p) => console.error(p.file, p.records) });
 * // orders.jsonl 100000 …
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
}

/** Records between two progress reports. */
const PROGRESS_EVERY = 100_000;

/** A store folder's collection files, in the order of the collections. */
interface StoreDirFiles {
  readonly collections: { readonly name: StoreDataCollection; readonly file: string }[];
}

function listFiles(dir: string, builder: StoreBuilder): StoreDirFiles {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new ArgumentError(
      `expected a readable store folder, found ${JSON.stringify(dir)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const known = new Set<string>(STORE_DATA_COLLECTIONS);
  const collections: { name: StoreDataCollection; file: string }[] = [];
  for (const file of names.sort()) {
    const m = /^(.*)\.jsonl$/.exec(file);
    if (m === null) continue;
    const name = m[1] as string;
    if (known.has(name)) collections.push({ name: name as StoreDataCollection, file });
    else {
      builder.addIssue({
        path: file,
        message: `expected a collection file named one of ${STORE_DATA_COLLECTIONS.map((c) => `${c}.jsonl`).join(', ')}, found ${JSON.stringify(file)}`,
      });
    }
  }
  collections.sort(
    (a, b) => STORE_DATA_COLLECTIONS.indexOf(a.name) - STORE_DATA_COLLECTIONS.indexOf(b.name),
  );
  return { collections };
}

function readStoreJson(dir: string, builder: StoreBuilder): void {
  let text: string;
  try {
    text = readFileSync(join(dir, 'store.json'), 'utf8');
  } catch (e) {
    builder.addIssue({
      path: 'store.json',
      message: `expected the store as a JSON object { id, name?, category? } in store.json, found no readable file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    });
    return;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    builder.addIssue({
      path: 'store.json',
      message: `expected JSON, found a syntax error: ${(e as Error).message}`,
    });
    return;
  }
  builder.setStore(raw, 'store.json');
}

/**
 * Reads a store from a folder: `store.json` (the `store` object: `{ id, name?, category? }`)
 * and one [JSON Lines](https://jsonlines.org/) file per collection, named after it
 * (`chatSessions.jsonl`, `orders.jsonl`, `reviews.jsonl`, `serviceOrders.jsonl`,
 * `disputes.jsonl`, `assuredServices.jsonl`), each line one record as in the JSON input; a
 * missing file is an empty collection, blank lines are skipped. Files are streamed line by
 * line and each record is validated and normalised as it is read, so memory is bounded by
 * the parsed store, never by a text copy of it, and a file past V8's string limit (about
 * 512 MB) reads as well. Node only: import it from `jd-weather-vane/node`.
 *
 * Validation is `parseStoreData`'s; it rejects with `InvalidInputError` listing
 * every issue, its path naming file and line: `orders.jsonl:13.paidAt`. A `.jsonl` file
 * whose name is not a collection's is an issue too (nothing is ignored silently).
 *
 * @example
 * ```ts
 * import { readStoreDir } from 'jd-weather-vane/node';
 * const data = await readStoreDir('stores/s1');
 * evaluateStore(data, { asOf: '2026-11-23' }).composite;
 * //=> 9.12
 * await readStoreDir('stores/bad');
 * // rejects with InvalidInputError, issues:
 * //=> [{ path: 'orders.jsonl:3.placedAt', message: 'expected an instant: …, found "2026-11-01"' }]
 * ```
 */
export async function readStoreDir(
  dir: string,
  options: ReadStoreDirOptions = {},
): Promise<StoreData> {
  const builder = new StoreBuilder();
  const { collections } = listFiles(dir, builder);
  readStoreJson(dir, builder);
  const sizes = collections.map((c) => statSync(join(dir, c.file)).size);
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const { onProgress } = options;
  let doneBytes = 0;
  for (const [k, { name, file }] of collections.entries()) {
    builder.begin(name, file);
    let bytes = 0;
    const report = (): void =>
      onProgress?.({ file, records: builder.count, bytesRead: doneBytes + bytes, totalBytes });
    await forEachLine(
      join(dir, file),
      (text, line) => {
        if (text.trim() === '') return;
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
        builder.add(name, raw, line);
        if (onProgress !== undefined && builder.count % PROGRESS_EVERY === 0) report();
      },
      (b) => {
        bytes = b;
      },
    );
    doneBytes += sizes[k] as number;
    bytes = 0;
    report();
  }
  return builder.finish();
}
