/**
 * `writeStoreDir`: a store's raw data written as the folder {@link readStoreDir} reads.
 *
 * @module
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STORE_DATA_COLLECTIONS } from '../schemas/storeData.js';

/** Lines gathered before one write. */
const BATCH = 4096;

/**
 * Writes a store's data (the JSON input form, `{ store, orders?, … }`) as a folder:
 * `store.json` and one JSON Lines file per collection (empty when the collection is), one
 * record per line. The folder is created if needed; files of the same names are replaced. Records are written as
 * given (JSON.stringify), not validated: {@link readStoreDir} validates when reading.
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { writeStoreDir, readStoreDir } from 'jd-weather-vane/node';
 * await writeStoreDir('stores/copy', JSON.parse(readFileSync('store.json', 'utf8')));
 * (await readStoreDir('stores/copy')).orders.length;
 * //=> 1635
 * ```
 */
export async function writeStoreDir(
  dir: string,
  input: { readonly store: unknown },
): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'store.json'), `${JSON.stringify(input.store)}\n`);
  for (const name of STORE_DATA_COLLECTIONS) {
    const given = (input as Record<string, unknown>)[name];
    const records: readonly unknown[] = Array.isArray(given) ? given : [];
    const out = createWriteStream(join(dir, `${name}.jsonl`));
    const done = new Promise<void>((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
    });
    for (let i = 0; i < records.length; i += BATCH) {
      let text = '';
      const end = Math.min(i + BATCH, records.length);
      for (let k = i; k < end; k++) text += `${JSON.stringify(records[k])}\n`;
      if (!out.write(text)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    out.end();
    await done;
  }
}
