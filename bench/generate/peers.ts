/**
 * Category peers (`PeerData`) for the sample store, derived rather than invented: `count`
 * stores generated with other seeds and volumes (4 to 30 orders a day, so the peers span small
 * and busy stores), each measured by the library, then each scored against the others. So the
 * peers' metric values, module scores and totals are on exactly the scale the sample store is
 * scored on, and the sample's ranking among them is meaningful.
 *
 * Run `npx tsx bench/generate/peers.ts` to rewrite `examples/sample-peers.json` (`npm run
 * samples` rewrites both samples and formats them).
 *
 * @module
 */
import { writeFileSync } from 'node:fs';
import {
  evaluateStore,
  type MetricId,
  MODULE_IDS,
  type ModuleId,
  metricCatalogue,
  type PeerData,
  parseStoreData,
  type StoreData,
} from '../../src/index.js';
import { generateStore, SAMPLE_STORE_OPTIONS } from './index.js';

/** Options of {@link derivePeers}. */
export interface DerivePeersOptions {
  /** Number of peer stores. */
  readonly count: number;
  /** The evaluation day the peers are measured on. */
  readonly asOf: string;
  /** First seed; peers use `firstSeed`, `firstSeed + 1`, … (the sample store is seed 8). */
  readonly firstSeed?: number;
}

/** Peers file: {@link PeerData} with lists for every module and metric. */
export interface DerivedPeers {
  category: string;
  asOf: string;
  composites: number[];
  modules: Record<ModuleId, number[]>;
  metrics: Record<MetricId, number[]>;
}

/**
 * Generates `count` peer stores (volumes from 4 to 30 orders a day), measures them, and scores
 * each against the others' metric values.
 *
 * @example
 * ```ts
 * derivePeers({ count: 5, asOf: '2026-11-23' }).composites.length;
 * //=> 5
 * ```
 */
export function derivePeers(options: DerivePeersOptions): DerivedPeers {
  const first = options.firstSeed ?? 1000;
  const stores: StoreData[] = [];
  for (let i = 0; i < options.count; i++) {
    stores.push(
      parseStoreData(
        generateStore({
          ...SAMPLE_STORE_OPTIONS,
          seed: first + i,
          storeId: `peer-${i + 1}`,
          ordersPerDay: 4 + ((i * 7) % 27),
        }),
      ),
    );
  }
  const values = stores.map((s) => evaluateStore(s, { asOf: options.asOf }).metrics);
  const metrics = {} as Record<MetricId, number[]>;
  for (const d of metricCatalogue) {
    metrics[d.id] = values.flatMap((m) =>
      m[d.id].value === null ? [] : [m[d.id].value?.toNumber() as number],
    );
  }
  const composites: number[] = [];
  const modules = Object.fromEntries(MODULE_IDS.map((m) => [m, [] as number[]])) as Record<
    ModuleId,
    number[]
  >;
  stores.forEach((store, i) => {
    // Each peer against the others (never itself).
    const others = {} as Record<MetricId, number[]>;
    for (const d of metricCatalogue) {
      others[d.id] = values.flatMap((m, j) =>
        j === i || m[d.id].value === null ? [] : [m[d.id].value?.toNumber() as number],
      );
    }
    const card = evaluateStore(store, { asOf: options.asOf, peers: { metrics: others } });
    if (card.total !== null) composites.push(card.total);
    for (const m of MODULE_IDS) {
      const s = card.modules[m].score;
      if (s !== null) modules[m].push(s);
    }
  });
  return { category: '厨房小电', asOf: options.asOf, composites, modules, metrics };
}

/** The peers as a compact JSON text (one list per line). */
export function peersJson(peers: PeerData): string {
  return `${JSON.stringify(peers, null, 2).replace(/\[\s+([^\]]*?)\s+\]/g, (_, inner: string) => `[${inner.replace(/\s+/g, ' ')}]`)}\n`;
}

if (process.argv[1]?.endsWith('peers.ts')) {
  const peers = derivePeers({ count: 40, asOf: '2026-11-23' });
  writeFileSync('examples/sample-peers.json', peersJson(peers));
  process.stderr.write(`examples/sample-peers.json: ${peers.composites.length} peers\n`);
}
