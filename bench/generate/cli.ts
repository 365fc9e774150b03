/**
 * The generator's command line: writes one generated store as JSON.
 *
 * ```sh
 * npx tsx bench/generate/cli.ts --seed 8 --end-day 2026-11-22 --days 200 --orders-per-day 8 \
 *   --out examples/sample-store.json
 * ```
 *
 * The defaults are {@link SAMPLE_STORE_OPTIONS} and `examples/sample-store.json`, so that without
 * options it rewrites the committed sample (`npm run samples` rewrites both samples). `--records
 * N` instead of `--orders-per-day` aims at N records, `--instant-format epoch-ms` writes
 * integers, `--store-id` names the store.
 *
 * @module
 */
import {
  countRecords,
  type GenerateStoreOptions,
  generateStore,
  ordersPerDayFor,
  SAMPLE_STORE_OPTIONS,
  writeStoreJson,
} from './index.js';

const KNOWN = new Set([
  'seed',
  'end-day',
  'days',
  'orders-per-day',
  'records',
  'store-id',
  'instant-format',
  'out',
]);

function runCli(argv: readonly string[]): void {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i] ?? '';
    if (!name.startsWith('--')) throw new Error(`unexpected argument ${name}`);
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`missing value for ${name}`);
    args.set(name.slice(2), value);
    i++;
  }
  for (const name of args.keys()) if (!KNOWN.has(name)) throw new Error(`unknown option --${name}`);
  const days = Number(args.get('days') ?? SAMPLE_STORE_OPTIONS.days);
  const records = args.get('records');
  const format = args.get('instant-format') ?? 'shanghai-local';
  if (format !== 'shanghai-local' && format !== 'epoch-ms') {
    throw new Error(`--instant-format must be shanghai-local or epoch-ms, got ${format}`);
  }
  const options: GenerateStoreOptions = {
    seed: Number(args.get('seed') ?? SAMPLE_STORE_OPTIONS.seed),
    endDay: args.get('end-day') ?? SAMPLE_STORE_OPTIONS.endDay,
    days,
    ordersPerDay:
      records !== undefined
        ? ordersPerDayFor(Number(records), days)
        : Number(args.get('orders-per-day') ?? SAMPLE_STORE_OPTIONS.ordersPerDay),
    instantFormat: format,
  };
  const storeId = args.get('store-id');
  if (storeId !== undefined) options.storeId = storeId;
  const out = args.get('out') ?? 'examples/sample-store.json';

  const t0 = performance.now();
  const store = generateStore(options);
  const t1 = performance.now();
  const bytes = writeStoreJson(store, out);
  const t2 = performance.now();
  process.stderr.write(
    `${out}: ${countRecords(store)} records (ordersPerDay ${options.ordersPerDay}), ` +
      `generated in ${Math.round(t1 - t0)} ms, ${bytes} bytes written in ${Math.round(t2 - t1)} ms\n`,
  );
}

runCli(process.argv.slice(2));
