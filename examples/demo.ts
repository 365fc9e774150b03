/**
 * `npm run demo`: the scorecard of the sample store against its sample peers, with the standing,
 * computed with the package's API as an application would (the command line does the same:
 * `npx jd-weather-vane score examples/sample-store.json --as-of 2026-11-23 --peers examples/sample-peers.json`).
 */
import { readFileSync } from 'node:fs';
import {
  chatStageCounts,
  evaluateStore,
  parsePeerData,
  parseStoreData,
  renderScorecard,
} from 'jd-weather-vane';

const read = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));

const data = parseStoreData(read('./sample-store.json'));
const peers = parsePeerData(read('./sample-peers.json'));
const asOf = '2026-11-23';
const card = evaluateStore(data, { asOf, peers });
console.log(renderScorecard(card, { stages: chatStageCounts(data, { asOf }) }));
