/**
 * `jd-weather-vane/node`: reading stores from files, for Node.js only (the main entry stays
 * free of Node built-ins). A store folder holds `store.json` and one JSON Lines or CSV file
 * per collection; each record is validated as it is read.
 *
 * @example
 * ```ts
 * import { readStoreDir } from 'jd-weather-vane/node';
 * import { evaluateStore } from 'jd-weather-vane';
 * const card = evaluateStore(await readStoreDir('stores/s1'), { asOf: '2026-11-23' });
 * ```
 *
 * @module node
 */

export type { LenientReadResult, RejectedFileRecord } from './_builder.js';
export { CSV_FIELDS, type CsvCollection, type CsvMapping } from './csvMapping.js';
export {
  type ReadProgress,
  type ReadStoreDirOptions,
  readStoreDir,
  type StoreDirWarning,
} from './readStoreDir.js';
export { writeStoreDir } from './writeStoreDir.js';
