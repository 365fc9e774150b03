/**
 * `npx tsx bench/records-built.ts <store folder>`: the records built from the columns by one
 * evaluation (as of 2026-11-23) and by a 180-day history of the same store, by collection: what
 * bounds the history ratio (docs/performance.md).
 */
import { recordsBuilt } from '../src/_packed.js';
import { evaluateHistory, evaluateStore } from '../src/evaluate/evaluate.js';
import { readStoreDir } from '../src/node/index.js';

const d = await readStoreDir(process.argv[2] as string, { threads: 0 });
const snap = () => ({ ...recordsBuilt });
const diff = (a: typeof recordsBuilt, b: typeof recordsBuilt) =>
  Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v - (a as Record<string, number>)[k]!]));
let a = snap();
evaluateStore(d, { asOf: '2026-11-23' });
console.log('evaluate', JSON.stringify(diff(a, snap())));
a = snap();
evaluateHistory(d, { from: '2026-05-28', to: '2026-11-23' });
console.log('history', JSON.stringify(diff(a, snap())));
