/**
 * The line scanner changes no result of a folder read: with it (in the calling thread or on
 * worker threads) and without it, `readStoreDir` gives the same data, the same issues with
 * the same file and line, and the same records set aside; and so does a file read in chunks
 * cut anywhere, lines running across them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { generateStore } from '../../bench/generate/index.js';
import { InvalidInputError } from '../../src/errors.js';
import { StoreBuilder } from '../../src/node/_builder.js';
import { readJsonlInto, setLineScanning } from '../../src/node/_jsonl.js';
import { type ReadStoreDirOptions, readStoreDir, writeStoreDir } from '../../src/node/index.js';
import { folder as inFolder, scratch } from './_helpers.js';

const root = scratch('jwv-scan-');
const sample = JSON.parse(
  readFileSync(new URL('../../examples/sample-store.json', import.meta.url), 'utf8'),
) as { store: unknown } & Record<string, unknown[]>;

afterEach(() => {
  setLineScanning(true);
});

/** Everything a read gives: every collection and the latest fact, or the issues; as JSON. */
async function outcome(dir: string, options: ReadStoreDirOptions = {}): Promise<string> {
  try {
    const r = await readStoreDir(dir, options);
    const data = 'data' in r ? r.data : r;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data)) out[k] = v;
    return JSON.stringify({ out, rejected: 'rejected' in r ? r.rejected : undefined });
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    return JSON.stringify({ issues: e.issues });
  }
}

/** The outcome without the scanner, and with it, in the calling thread and on two workers. */
async function compare(dir: string, options: ReadStoreDirOptions = {}): Promise<string> {
  setLineScanning(false);
  const without = await outcome(dir, { ...options, threads: 0 });
  setLineScanning(true);
  expect(await outcome(dir, { ...options, threads: 0 })).toBe(without);
  expect(await outcome(dir, { ...options, threads: 2 })).toBe(without);
  return without;
}

/** A folder of `store`, then `change` applied to the lines of its JSON Lines files. */
async function storeFolder(
  store: object,
  change: (name: string, lines: string[]) => string[] = (_, l) => l,
): Promise<string> {
  const dir = inFolder(root, {});
  await writeStoreDir(dir, store as Parameters<typeof writeStoreDir>[1]);
  for (const name of ['orders', 'chatSessions', 'reviews', 'serviceOrders', 'disputes']) {
    const file = join(dir, `${name}.jsonl`);
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, change(name, lines).join('\n'));
  }
  return dir;
}

/** Lines of the large collections, in forms the scanner takes and forms it declines. */
function mixed(name: string, lines: string[]): string[] {
  if (!['orders', 'chatSessions', 'reviews'].includes(name)) return lines;
  return lines.map((l, i) => {
    if (l === '') return l;
    switch (i % 13) {
      case 1: // Python's json.dumps
        return JSON.stringify(JSON.parse(l), null, 0).replaceAll('","', '", "');
      case 2:
        return `  ${l.replaceAll(':', ' : ')}\t\r`;
      case 3: // an escape: declined, the same record
        return l.replace('"id":"', '"id":"\\u0041');
      case 4: // a fraction: declined, and an issue
        return l.replace(/(\d{13})/, '$1.5');
      case 5: // a repeated key: declined, JSON.parse keeps the last
        return l.replace('{', '{"customerId":"first",');
      case 6: // not JSON
        return l.slice(0, -3);
      case 7: // an unknown key
        return l.replace('{', '{"note":"x",');
      case 8:
        return `${l}\r`;
      case 9:
        return `${l}\n   \n`;
      default:
        return l;
    }
  });
}

describe('readStoreDir with the line scanner', () => {
  it('reads the sample store as without it', async () => {
    const dir = await storeFolder(sample);
    expect(JSON.parse(await compare(dir)).out.orders.length).toBeGreaterThan(0);
    await compare(dir, { lenient: true });
  });

  it('reads lines it declines as without it: the same records, issues and lines', async () => {
    const dir = await storeFolder(sample, mixed);
    const strict = JSON.parse(await compare(dir)) as { issues: { path: string }[] };
    expect(strict.issues.length).toBeGreaterThan(0);
    expect(strict.issues.some((i) => i.path.startsWith('orders.jsonl:'))).toBe(true);
    const lenient = JSON.parse(await compare(dir, { lenient: true })) as {
      rejected: unknown[];
    };
    expect(lenient.rejected.length).toBeGreaterThan(0);
  });

  it.each([1, 2])('reads a generated store as without it (seed %i)', async (seed) => {
    const store = generateStore({ seed, endDay: '2026-03-10', days: 60, ordersPerDay: 40 + seed });
    const dir = await storeFolder(store);
    const read = JSON.parse(await compare(dir)) as { out: { chatSessions: unknown[] } };
    expect(read.out.chatSessions.length).toBeGreaterThan(1000);
    await compare(await storeFolder(store, mixed), { lenient: true });
  });
});

describe('readJsonlInto with the line scanner, in chunks cut anywhere', () => {
  const store = generateStore({ seed: 3, endDay: '2026-03-10', days: 4, ordersPerDay: 12 });

  /** The text of `name`'s file, lines changed by {@link mixed}; no LF at the end, or one. */
  const fileText = (name: string, end: string) =>
    mixed(
      name,
      (store[name as 'orders'] as unknown[]).map((r) => JSON.stringify(r)),
    ).join('\n') + end;

  /** What the builder makes of `text` in the chunks cut at `cuts`, lenient. */
  async function read(name: 'orders' | 'chatSessions' | 'reviews', text: string, cuts: number[]) {
    const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    async function* chunks() {
      let from = 0;
      for (const c of [...at, text.length]) {
        if (c > from) yield text.slice(from, c);
        from = Math.max(from, c);
      }
    }
    const b = new StoreBuilder(true);
    b.setStore({ id: 's' }, 'store.json');
    b.begin(name, `${name}.jsonl`);
    const records = await readJsonlInto(b, name, `${name}.jsonl`, chunks());
    const r = b.finishLenient();
    return JSON.stringify({ records, list: r.data[name], rejected: r.rejected, count: b.count });
  }

  it.each(['orders', 'chatSessions', 'reviews'] as const)('%s', async (name) => {
    for (const end of ['', '\n', '\r\n', '\n\n']) {
      const text = fileText(name, end);
      setLineScanning(false);
      const without = await read(name, text, []);
      setLineScanning(true);
      expect(await read(name, text, [])).toBe(without);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(), { maxLength: 12 }), async (cuts) => {
          expect(await read(name, text, cuts)).toBe(without);
        }),
        { numRuns: 40 },
      );
    }
  });
});
