/**
 * Ids of any characters through a store folder (`src/_idArena.ts`: ids are held as code units,
 * not strings): non-ASCII, astral characters, lone surrogates and very long ids are read back
 * exactly, and duplicate ids and references to unknown or set-aside orders are named with the
 * same wording, order, file and line, on worker threads (in batches) and in the calling thread.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { readStoreDir } from '../../src/node/index.js';
import { readTuning } from '../../src/node/readStoreDir.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { folder, scratch } from './_helpers.js';

const root = scratch('jwv-ids-');
const sample = JSON.parse(
  readFileSync(new URL('../../examples/sample-store.json', import.meta.url), 'utf8'),
) as { store: unknown } & Record<string, Record<string, unknown>[]>;

/** Order ids of every kind: wide, astral, lone surrogates at either end, Latin-1. */
const orderId = (id: string, i: number): string =>
  [`订单😀${id}`, `${id}\ud800`, `\udc00${id}`, `é${id}`][i % 4] as string;

/** The sample store with ids of any characters, references kept consistent. */
function weirdStore(): Record<string, unknown> {
  const ids = new Map<string, string>();
  sample.orders?.forEach((o, i) => {
    ids.set(o.id as string, orderId(o.id as string, i));
  });
  const ref = (r: Record<string, unknown>) =>
    r.orderId === undefined ? r : { ...r, orderId: ids.get(r.orderId as string) };
  return {
    store: sample.store,
    orders: sample.orders?.map((o) => ({
      ...o,
      id: ids.get(o.id as string),
      customerId: `${o.customerId}\udfff客`,
    })),
    chatSessions: sample.chatSessions?.map((s, i) => ({
      ...s,
      id: i % 2 === 0 ? `会话${s.id}` : `${s.id}\ud83d`,
      customerId: `${s.customerId}\udfff客`,
    })),
    reviews: sample.reviews?.map((r) => ({ ...ref(r), id: `${r.id}ÿ` })),
    serviceOrders: sample.serviceOrders?.map(ref),
    disputes: sample.disputes?.map(ref),
    assuredServices: sample.assuredServices,
  };
}

/** A store folder of `store`, one JSON line a record (line n: record n − 1). */
function write(store: Record<string, unknown>): string {
  const files: Record<string, string> = { 'store.json': JSON.stringify(store.store) };
  for (const [name, records] of Object.entries(store))
    if (name !== 'store')
      files[`${name}.jsonl`] = (records as unknown[]).map((r) => JSON.stringify(r)).join('\n');
  return folder(root, files);
}

/** The issues of a read, as `path: message`, or the records read. */
async function read(dir: string, threads: number, lenient = false): Promise<unknown> {
  try {
    return JSON.parse(JSON.stringify(await readStoreDir(dir, { threads, lenient })));
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    return e.issues.map((i) => `${i.path}: ${i.message}`);
  }
}

const LONG = `${'x'.repeat(3000)}\ud83d`;

/** `weirdStore` with duplicate ids, references to unknown orders and a bad order. */
function brokenStore(): Record<string, Record<string, unknown>[]> {
  const s = weirdStore() as Record<string, Record<string, unknown>[]>;
  const orders = s.orders as Record<string, unknown>[];
  const o = (i: number) => orders[i] as Record<string, unknown>;
  o(5).id = o(2).id; // "\udc00O000000003": a lone surrogate, duplicated
  o(10).id = LONG;
  o(700).id = LONG; // a very long id, duplicated (named shortened)
  o(20).placedAt = 'not an instant'; // a bad order, named by a review
  const chats = s.chatSessions as Record<string, unknown>[];
  (chats[3] as Record<string, unknown>).id = (chats[1] as Record<string, unknown>).id;
  const reviews = s.reviews as Record<string, unknown>[];
  (reviews[0] as Record<string, unknown>).orderId = '\ud800\ud800';
  (reviews[1] as Record<string, unknown>).orderId = o(20).id;
  (reviews[300] as Record<string, unknown>).orderId = LONG;
  (s.disputes?.[0] as Record<string, unknown>).orderId = '无此订单😀';
  return s;
}

describe.each([
  ['one batch a file', 65_536],
  ['batches of 2 records', 2],
])('ids of any characters in a store folder (%s)', (_, batch) => {
  afterEach(() => {
    readTuning.batchRecords = 65_536;
  });

  it('are read back exactly, on worker threads and in the calling thread', async () => {
    readTuning.batchRecords = batch;
    const store = weirdStore();
    const dir = write(store);
    const want = parseStoreData(store);
    for (const threads of [0, 2]) {
      const data = await readStoreDir(dir, { threads });
      for (const c of ['chatSessions', 'orders', 'reviews'] as const)
        expect(data[c], `${c}, threads ${threads}`).toStrictEqual(want[c]);
    }
  });

  it('name duplicates and unknown orders alike, with their files and lines', async () => {
    readTuning.batchRecords = batch;
    const dir = write(brokenStore());
    const alone = (await read(dir, 0)) as string[];
    const q = JSON.stringify;
    expect(alone).toStrictEqual([
      `orders.jsonl:21.placedAt: ${alone.find((l) => l.startsWith('orders.jsonl:21.placedAt'))?.slice(26)}`,
      `chatSessions.jsonl:4.id: duplicate id ${q(`S000000002\ud83d`)}, first at chatSessions.jsonl:2`,
      `orders.jsonl:6.id: duplicate id ${q('\udc00O000000003')}, first at orders.jsonl:3`,
      `orders.jsonl:701.id: duplicate id ${q(`${'x'.repeat(60)}…`)}, first at orders.jsonl:11`,
      `reviews.jsonl:1.orderId: expected the id of an order in orders, found ${q('\ud800\ud800')} (no such order)`,
      // The review of the order renamed to the long id names an order no longer there.
      `reviews.jsonl:12.orderId: expected the id of an order in orders, found ${q(orderId('O000000011', 10))} (no such order)`,
      `disputes.jsonl:1.orderId: expected the id of an order in orders, found ${q('无此订单😀')} (no such order)`,
    ]);
    expect(await read(dir, 2)).toStrictEqual(alone);
  });

  it('set aside a review of an order set aside, naming both lines', async () => {
    readTuning.batchRecords = batch;
    const dir = write(brokenStore());
    const alone = (await read(dir, 0, true)) as { rejected: { line: number; issues: unknown[] }[] };
    const review = alone.rejected.find(
      (r) => JSON.stringify(r).includes('reviews.jsonl') && r.line === 2,
    );
    expect(review?.issues).toStrictEqual([
      {
        path: 'reviews.jsonl:2.orderId',
        message: `expected the id of an accepted order, found ${JSON.stringify(orderId('O000000021', 20))} (orders.jsonl:21 was set aside)`,
      },
    ]);
    expect(await read(dir, 2, true)).toStrictEqual(alone);
  });
});

describe('a file of ids posted in batches', () => {
  it('keeps the ids of the good records when bad ones are among them', async () => {
    readTuning.batchRecords = 3;
    try {
      const store = weirdStore() as Record<string, Record<string, unknown>[]>;
      const bad = { ...(store.orders?.[4] as object), placedAt: 'never' };
      const lines = (store.orders as unknown[]).map((r) => JSON.stringify(r));
      lines.splice(4, 1, JSON.stringify(bad));
      const dir = write(store);
      writeFileSync(join(dir, 'orders.jsonl'), lines.join('\n'));
      const want = (store.orders as unknown[]).filter((_, i) => i !== 4);
      for (const threads of [0, 2]) {
        const { data } = await readStoreDir(dir, { threads, lenient: true });
        expect(data.orders.map((o) => o.id)).toStrictEqual(
          want.map((o) => (o as { id: string }).id),
        );
      }
    } finally {
      readTuning.batchRecords = 65_536;
    }
  });
});
