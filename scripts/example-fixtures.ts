/**
 * The named fixtures the TSDoc `@example`s of `src/` may use without defining them
 * (`scripts/check-examples.ts` imports them into every example). Keep the list short: an
 * example that needs particular records defines them inline.
 *
 * | name | what it is |
 * |---|---|
 * | `json` | `examples/sample-store.json` as read from the file (unparsed input) |
 * | `data` | that store parsed: `parseStoreData(json)` |
 * | `peers` | `examples/sample-peers.json` parsed: `parsePeerData(…)` |
 * | `card` | `evaluateStore(data, { asOf: '2026-11-23' })` (no peers) |
 * | `peerCard` | `evaluateStore(data, { asOf: '2026-11-23', peers })` |
 * | `emptyStore` | a store with no records: `parseStoreData({ store: { id: 'empty' } })` |
 * | `emptyCard` | `evaluateStore(emptyStore, { asOf: '2026-11-23' })`: every metric no-data |
 */
import { readFileSync } from 'node:fs';
import {
  evaluateStore,
  type PeerData,
  parsePeerData,
  parseStoreData,
  type Scorecard,
  type StoreData,
} from '../src/index.js';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8'));

/** `examples/sample-store.json` as read from the file, before parsing. */
export const json: unknown = read('sample-store.json');
/** The sample store, parsed. */
export const data: StoreData = parseStoreData(json);
/** The sample peers, parsed. */
export const peers: PeerData = parsePeerData(read('sample-peers.json'));
/** The sample store's scorecard as of 2026-11-23, without peers. */
export const card: Scorecard = evaluateStore(data, { asOf: '2026-11-23' });
/** The sample store's scorecard as of 2026-11-23, scored against the sample peers. */
export const peerCard: Scorecard = evaluateStore(data, { asOf: '2026-11-23', peers });
/** A store with no records at all. */
export const emptyStore: StoreData = parseStoreData({ store: { id: 'empty' } });
/** The empty store's scorecard as of 2026-11-23: every metric is no-data. */
export const emptyCard: Scorecard = evaluateStore(emptyStore, { asOf: '2026-11-23' });
