/**
 * Child process of the host-time-zone law (`laws.test.ts`): run with `TZ` set, it reads
 * stores from stdin, evaluates them, and prints its zone's offset and the results. A child
 * process, because in a worker thread (Stryker's vitest runner) setting `process.env.TZ`
 * does not take effect.
 */
import { readFileSync } from 'node:fs';
import { evaluateHistory, evaluateStore } from '../../src/evaluate/evaluate.js';
import { markParsed, type StoreData } from '../../src/model.js';
import { parseStoreData } from '../../src/schemas/parse.js';

const input = JSON.parse(readFileSync(0, 'utf8')) as {
  stores: StoreData[];
  raw: unknown[];
  asOf: string;
};
const { raw, asOf } = input;
// The stores were parsed in the parent process (normalised records sent as JSON).
const stores = input.stores.map((d) => markParsed(d));
const parsed = raw.map((r) => parseStoreData(r));
const out = {
  offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(),
  parsed,
  cards: [...stores, ...parsed].map((d) => evaluateStore(d, { asOf }).metrics),
  history: stores.map((d) =>
    evaluateHistory(d, { from: '2026-11-01', to: asOf }).map((c) => c.composite),
  ),
};
process.stdout.write(JSON.stringify(out));
