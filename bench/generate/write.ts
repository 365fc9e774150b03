/**
 * Writes a generated store as JSON, streaming: the benchmark's large stores exceed the largest
 * string V8 can hold, so the text is never built whole. The layout (one record per line) is the
 * committed `examples/sample-store.json`'s.
 *
 * @module
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { STORE_DATA_COLLECTIONS, type StoreDataInput } from '../../src/index.js';

/**
 * Writes a store as compact JSON, one record per line, streaming (works for stores whose
 * JSON exceeds the largest JS string). Returns the bytes written.
 *
 * @example
 * ```ts
 * writeStoreJson(generateStore({ seed: 7, endDay: '2026-11-22', days: 7, ordersPerDay: 5 }), 'store.json');
 * //=> 41234 (bytes)
 * ```
 */
export function writeStoreJson(store: StoreDataInput, path: string): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  let chunk: string[] = [];
  let chunkLength = 0;
  const write = (s: string): void => {
    chunk.push(s);
    chunkLength += s.length;
    if (chunkLength > 1 << 20) flush();
  };
  const flush = (): void => {
    const buffer = Buffer.from(chunk.join(''), 'utf8');
    writeSync(fd, buffer);
    bytes += buffer.length;
    chunk = [];
    chunkLength = 0;
  };
  try {
    write(`{\n"store": ${JSON.stringify(store.store)}`);
    for (const key of STORE_DATA_COLLECTIONS) {
      const records: readonly unknown[] = store[key] ?? [];
      write(`,\n"${key}": [`);
      for (let i = 0; i < records.length; i++) {
        write(i === 0 ? '\n' : ',\n');
        write(JSON.stringify(records[i]));
      }
      write(records.length > 0 ? '\n]' : ']');
    }
    write('\n}\n');
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}
