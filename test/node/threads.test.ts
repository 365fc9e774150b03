/**
 * `readStoreDir` on worker threads (`threads`) gives what it gives in the calling thread: the
 * same records, the same issues in the same order with the same file and line, the same
 * records set aside, warnings and progress totals. (Folders here are small, so the default
 * reads them in the calling thread; `threads: 2` makes the workers read them.)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArgumentError, InvalidInputError } from '../../src/errors.js';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { threadsStarted } from '../../src/node/_thread.js';
import {
  type ReadProgress,
  type ReadStoreDirOptions,
  readStoreDir,
  type StoreDirWarning,
  writeStoreDir,
} from '../../src/node/index.js';
import { readTuning } from '../../src/node/readStoreDir.js';
import { folder as inFolder, scratch } from './_helpers.js';

const root = scratch('jwv-threads-');
const sample = JSON.parse(
  readFileSync(new URL('../../examples/sample-store.json', import.meta.url), 'utf8'),
) as { store: unknown } & Record<string, unknown[]>;

/** What a read gives, all of it: data, or the error's issues; warnings; the last progress. */
async function outcome(dir: string, options: ReadStoreDirOptions): Promise<unknown> {
  const warnings: StoreDirWarning[] = [];
  const progress: ReadProgress[] = [];
  const all = {
    ...options,
    onWarning: (w: StoreDirWarning) => warnings.push(w),
    onProgress: (p: ReadProgress) => progress.push(p),
  };
  let result: unknown;
  try {
    result = JSON.parse(JSON.stringify(await readStoreDir(dir, all)));
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    result = { issues: e.issues };
  }
  const last = progress[progress.length - 1];
  return { result, warnings, records: last?.records, bytes: last?.bytesRead };
}

/** A folder of the sample store, then `change` applied to its files' lines. */
async function sampleFolder(
  change: (name: string, lines: string[]) => string[] = (_, l) => l,
): Promise<string> {
  const dir = inFolder(root, {});
  await writeStoreDir(dir, sample);
  for (const name of ['orders', 'chatSessions', 'reviews', 'serviceOrders', 'disputes']) {
    const file = join(dir, `${name}.jsonl`);
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, change(name, lines).join('\n'));
  }
  return dir;
}

describe.each([
  ['one batch a file', 65_536],
  ['batches of 3 records', 3],
])('readStoreDir on worker threads (%s)', (_, batch) => {
  beforeEach(() => {
    readTuning.batchRecords = batch;
  });
  afterEach(() => {
    readTuning.batchRecords = 65_536;
  });

  it('reads a store as the calling thread does, and it scores the same', async () => {
    const dir = await sampleFolder();
    const started = threadsStarted.count;
    const alone = await outcome(dir, { threads: 0 });
    expect(threadsStarted.count).toBe(started);
    expect(await outcome(dir, { threads: 2 })).toEqual(alone);
    expect(threadsStarted.count).toBe(started + 2);
    expect((alone as { records: number }).records).toBeGreaterThan(100);
    const a = await readStoreDir(dir, { threads: 0 });
    const b = await readStoreDir(dir, { threads: 3 });
    expect(evaluateStore(b, { asOf: '2026-11-23' })).toEqual(
      evaluateStore(a, { asOf: '2026-11-23' }),
    );
  });

  /** Lines broken in every way the reader names, in several files. */
  const broken = (name: string, lines: string[]): string[] => {
    const out = [...lines];
    if (name === 'orders') {
      out[2] = out[1] as string; // a duplicate id
      out[4] = '{"id": "o-x", "customerId": '; // not JSON
      out[6] = (out[6] as string).replace(/"placedAt":[^,]+/, '"placedAt":"2026-13-45"');
      out.splice(8, 0, '', '   '); // blank lines: no record, later lines keep their numbers
    }
    if (name === 'reviews')
      out[3] = (out[3] as string).replace(/"orderId":"[^"]+"/, '"orderId":"nope"');
    if (name === 'chatSessions') out[5] = (out[5] as string).replace('"messages":', '"mesages":');
    if (name === 'disputes') out.push(out[0] as string); // a duplicate at the end
    return out;
  };

  it('names the same issues, in the same order, with the same files and lines', async () => {
    const dir = await sampleFolder(broken);
    const alone = (await outcome(dir, { threads: 0 })) as { result: { issues: unknown[] } };
    expect(alone.result.issues.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(alone.result.issues)).toMatch(/orders\.jsonl:3\.id/);
    expect(await outcome(dir, { threads: 2 })).toEqual(alone);
  });

  it('sets the same records aside when lenient, and keeps the same others', async () => {
    const dir = await sampleFolder(broken);
    const alone = (await outcome(dir, { threads: 0, lenient: true })) as {
      result: { rejected: unknown[] };
    };
    expect(alone.result.rejected.length).toBeGreaterThanOrEqual(6);
    expect(await outcome(dir, { threads: 2, lenient: true })).toEqual(alone);
  });

  it('names a file that is not UTF-8, and warns of an empty one, as the calling thread does', async () => {
    const dir = await sampleFolder();
    writeFileSync(join(dir, 'reviews.jsonl'), Buffer.from([0x7b, 0x22, 0xc4, 0xe3, 0x22, 0x7d]));
    writeFileSync(join(dir, 'disputes.jsonl'), '');
    const alone = (await outcome(dir, { threads: 0 })) as { result: { issues: unknown[] } };
    expect(JSON.stringify(alone.result.issues)).toMatch(/reviews\.jsonl/);
    expect(await outcome(dir, { threads: 2 })).toEqual(alone);
  });

  it('refuses a link out, a directory and a FIFO under a file name unread, as the calling thread does', async () => {
    const dir = await sampleFolder();
    rmSync(join(dir, 'orders.jsonl'));
    symlinkSync('/etc/passwd', join(dir, 'orders.jsonl'));
    rmSync(join(dir, 'reviews.jsonl'));
    mkdirSync(join(dir, 'reviews.jsonl'));
    rmSync(join(dir, 'disputes.jsonl'));
    execFileSync('mkfifo', [join(dir, 'disputes.jsonl')]);
    const alone = (await outcome(dir, { threads: 0 })) as { result: { issues: unknown[] } };
    const text = JSON.stringify(alone.result.issues);
    expect(text).toMatch(/orders\.jsonl/);
    expect(text).toMatch(/reviews\.jsonl/);
    expect(text).toMatch(/disputes\.jsonl/);
    expect(text).not.toContain('root:');
    expect(await outcome(dir, { threads: 2 })).toEqual(alone);
  });

  it('rejects with the error an onProgress throws, as the calling thread does', async () => {
    const dir = await sampleFolder();
    const stop = new Error('stop');
    const onProgress = () => {
      throw stop;
    };
    await expect(readStoreDir(dir, { threads: 0, onProgress })).rejects.toBe(stop);
    await expect(readStoreDir(dir, { threads: 2, onProgress })).rejects.toBe(stop);
  });

  it('refuses a threads option that is not a whole number from 0 to 64', async () => {
    const dir = await sampleFolder();
    for (const threads of [-1, 1.5, 65, Number.NaN, '2' as unknown as number]) {
      await expect(readStoreDir(dir, { threads }), String(threads)).rejects.toThrow(ArgumentError);
    }
  });
});
