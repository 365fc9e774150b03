import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { ArgumentError } from '../../src/errors.js';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { type ReadProgress, readStoreDir, writeStoreDir } from '../../src/node/index.js';
import { defineRuleSet } from '../../src/ruleset/defineRuleSet.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { folder as inFolder, issuesOf, scratch } from './_helpers.js';

const root = scratch('jwv-dir-');
const folder = (files: Record<string, string>): string => inFolder(root, files);
const jsonl = (...records: unknown[]): string => records.map((r) => JSON.stringify(r)).join('\n');
const order = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  customerId: 'c1',
  placedAt: '2026-11-01 09:00:00',
  paidAt: '2026-11-01 09:01:00',
  amount: '19.90',
  ...extra,
});
const sample = JSON.parse(readFileSync('examples/sample-store.json', 'utf8'));

describe('readStoreDir', () => {
  it('reads the sample store written as a folder exactly as parseStoreData reads the JSON', async () => {
    const dir = join(root, 'sample');
    await writeStoreDir(dir, sample);
    const fromDir = await readStoreDir(dir);
    expect(fromDir).toEqual(parseStoreData(sample));
    expect(fromDir.orders.length).toBeGreaterThan(100);
    const a = evaluateStore(fromDir, { asOf: '2026-11-23' });
    const b = evaluateStore(parseStoreData(sample), { asOf: '2026-11-23' });
    expect(a.composite).toBe(b.composite);
  });

  it('names a collection without its file not provided; an empty file is provided (none)', async () => {
    const dir = folder({
      'store.json': '{ "id": "s1" }',
      'orders.jsonl': jsonl(order('o1')),
      'reviews.jsonl': '',
    });
    const data = await readStoreDir(dir);
    expect(data.notProvided).toEqual([
      'chatSessions',
      'serviceOrders',
      'disputes',
      'assuredServices',
    ]);
    // Without the chat file, the chat metrics are unknown, not a store whose customers never wrote.
    const card = evaluateStore(data, { asOf: '2026-11-23' });
    expect(card.metrics['consultation.facilitated-amount-share'].reason).toBe('not-provided');
    expect(card.warnings?.[0]?.collection).toBe('chatSessions');
    expect(card.metrics['reviews.negative-rate'].reason).toBeUndefined();
  });

  it('joins lines across stream chunks (a file of several MB), with CRLF, a BOM and no final newline', async () => {
    const orders = Array.from({ length: 30_000 }, (_, i) =>
      order(`o${i}`, { customerId: `c${'x'.repeat(i % 97)}` }),
    );
    const text = `\ufeff${orders.map((o) => JSON.stringify(o)).join('\r\n')}`;
    expect(text.length).toBeGreaterThan(3 << 20);
    const dir = folder({ 'store.json': '{"id":"s1"}', 'orders.jsonl': text });
    const progress: ReadProgress[] = [];
    const data = await readStoreDir(dir, { onProgress: (p) => progress.push(p) });
    expect(data).toEqual(parseStoreData({ store: { id: 's1' }, orders }));
    const last = progress.at(-1) as ReadProgress;
    expect(last).toEqual({
      file: 'orders.jsonl',
      records: 30_000,
      bytesRead: last.totalBytes,
      totalBytes: Buffer.byteLength(text),
    });
  });

  it('missing collection files are empty collections; blank lines are skipped', async () => {
    const dir = folder({
      'store.json': '{"id":"s1","name":"店"}',
      'orders.jsonl': `\n${jsonl(order('o1'))}\n\n   \n`,
      'README.md': 'not a collection: ignored',
    });
    const data = await readStoreDir(dir);
    expect(data.store).toEqual({ id: 's1', name: '店', category: undefined });
    expect(data.orders.map((o) => o.id)).toEqual(['o1']);
    expect(data.reviews).toEqual([]);
  });

  it('names file and line in every issue, after blank and broken lines too', async () => {
    const dir = folder({
      'store.json': '{"id":"s1"}',
      'orders.jsonl': [
        JSON.stringify(order('o1')),
        '',
        '{ nope',
        JSON.stringify(order('o2', { placedAt: '2026-11-01', amount: 1.005 })),
        JSON.stringify(order('o1')),
      ].join('\n'),
      'disputes.jsonl': jsonl({ id: 'd1', orderId: 'o9', openedAt: '2026-11-02 10:00:00' }),
      'order.jsonl': '',
    });
    expect(await issuesOf(dir)).toEqual([
      'order.jsonl: expected a collection file named one of chatSessions.jsonl, orders.jsonl, reviews.jsonl, serviceOrders.jsonl, disputes.jsonl, assuredServices.jsonl (or .csv, or named in the mapping), found "order.jsonl": did you mean "orders.jsonl"?',
      expect.stringMatching(
        /^orders\.jsonl:3: expected one JSON record on the line, found a syntax error: /,
      ),
      expect.stringMatching(/^orders\.jsonl:4\.placedAt: expected an instant/),
      'orders.jsonl:4.amount: expected money in yuan with at most two decimals, found 1.005',
      'orders.jsonl:5.id: duplicate id "o1", first at orders.jsonl:1',
      'disputes.jsonl:1.orderId: expected the id of an order in orders, found "o9" (no such order)',
    ]);
  });

  it('a bad record still counts for the cross-record checks, located by its line', async () => {
    const dir = folder({
      'store.json': '{"id":"s1"}',
      'orders.jsonl': jsonl({ id: 'o1' }, order('o1')),
      'reviews.jsonl': jsonl({
        id: 'r1',
        customerId: 'c1',
        orderId: 'o1',
        createdAt: '2026-11-03 10:00:00',
        stars: 6,
      }),
    });
    const issues = await issuesOf(dir);
    expect(issues[0]).toMatch(/^orders\.jsonl:1\.customerId: expected/);
    expect(issues).toContain('orders.jsonl:2.id: duplicate id "o1", first at orders.jsonl:1');
    expect(issues.some((i) => i.startsWith('reviews.jsonl:1.stars: expected'))).toBe(true);
  });

  it("checks assured service ids against the rule set's services", async () => {
    const dir = folder({
      'store.json': '{"id":"s1"}',
      'assuredServices.jsonl': jsonl(
        { service: 'freight-insurance', enabledAt: '2026-01-01 00:00:00' },
        { service: 'green-packaging', enabledAt: '2026-01-01 00:00:00' },
      ),
    });
    expect(await issuesOf(dir)).toEqual([
      expect.stringMatching(
        /^assuredServices\.jsonl:2\.service: expected a service id the rule set knows \(.*\), found "green-packaging"$/,
      ),
    ]);
    const ruleSet = defineRuleSet({ bonus: { servicePoints: { 'green-packaging': 0.1 } } });
    const data = await readStoreDir(dir, { ruleSet });
    expect(data.assuredServices.map((a) => a.service)).toEqual([
      'freight-insurance',
      'green-packaging',
    ]);
  });

  it('store.json: missing, not JSON, or not a store', async () => {
    expect(await issuesOf(folder({}))).toEqual([
      'store.json: expected the store as a JSON object { id, name?, category? } in store.json, found no readable file (ENOENT)',
    ]);
    expect((await issuesOf(folder({ 'store.json': '{' })))[0]).toMatch(
      /^store\.json: expected JSON, found a syntax error/,
    );
    expect(await issuesOf(folder({ 'store.json': '{"name":"x"}' }))).toEqual([
      'store.json.id: expected a non-empty string id, found nothing',
    ]);
  });

  it('a folder that cannot be read is an ArgumentError', async () => {
    await expect(readStoreDir(join(root, 'nowhere'))).rejects.toThrow(ArgumentError);
    await expect(readStoreDir(join(root, 'nowhere'))).rejects.toThrow(
      /expected a readable store folder, found ".*nowhere" \(ENOENT\)/,
    );
  });
});

describe('the CLI reads a folder, a .json file, or standard input', () => {
  const io = (extra: { stderrIsTTY?: boolean; stdin?: AsyncIterable<string> } = {}) => {
    const r = { out: '', err: '' };
    return {
      r,
      io: {
        stdout: (s: string) => {
          r.out += s;
        },
        stderr: (s: string) => {
          r.err += s;
        },
        now: (() => {
          let t = 0;
          return () => (t += 500);
        })(),
        ...extra,
      },
    };
  };
  const sampleDir = join(root, 'cli-sample');

  it('prints the same scorecard from the folder, the file and standard input', async () => {
    await writeStoreDir(sampleDir, sample);
    const args = ['--as-of', '2026-11-23', '--json'];
    const a = io();
    expect(await runCli(['score', sampleDir, ...args], a.io)).toBe(0);
    const b = io();
    expect(await runCli(['score', 'examples/sample-store.json', ...args], b.io)).toBe(0);
    const text = readFileSync('examples/sample-store.json', 'utf8');
    const c = io({ stdin: Readable.from([text.slice(0, 1000), text.slice(1000)]) });
    expect(await runCli(['score', '-', ...args], c.io)).toBe(0);
    expect(a.r.out).toBe(b.r.out);
    expect(c.r.out).toBe(b.r.out);
    expect(a.r.err + b.r.err + c.r.err).toBe('');
    const bytes = io({ stdin: Readable.from([Buffer.from(text)]) });
    expect(await runCli(['score', '-', ...args], bytes.io)).toBe(0);
    expect(bytes.r.out).toBe(b.r.out);
  });

  it('shows progress on a terminal only, and never with --quiet', async () => {
    const tty = io({ stderrIsTTY: true });
    expect(await runCli(['score', sampleDir, '--as-of', '2026-11-23'], tty.io)).toBe(0);
    expect(tty.r.err).toContain('reading orders.jsonl: ');
    expect(tty.r.err).toMatch(/records, [\d,]+\/s, 100%/);
    expect(tty.r.err).toContain('evaluating as of 2026-11-23…');
    expect(tty.r.err.endsWith('\r\x1b[K')).toBe(true);
    const file = io({ stderrIsTTY: true });
    await runCli(['score', 'examples/sample-store.json', '--as-of', '2026-11-23'], file.io);
    expect(file.r.err).toContain('reading examples/sample-store.json…');
    const quiet = io({ stderrIsTTY: true });
    await runCli(['score', sampleDir, '--as-of', '2026-11-23', '--quiet'], quiet.io);
    expect(quiet.r.err).toBe('');
  });

  it('exits 1 with file:line issues for a bad folder, and on bad JSON from standard input', async () => {
    const dir = folder({ 'store.json': '{"id":"s1"}', 'orders.jsonl': jsonl({ id: 'o1' }) });
    const bad = io({ stderrIsTTY: true });
    expect(await runCli(['score', dir, '--as-of', '2026-11-23'], bad.io)).toBe(1);
    expect(bad.r.err).toContain('  orders.jsonl:1.customerId: expected');
    const stdin = io({ stdin: Readable.from(['{ nope']) });
    expect(await runCli(['score', '-', '--as-of', '2026-11-23'], stdin.io)).toBe(1);
    expect(stdin.r.err).toMatch(/expected JSON in standard input, found a syntax error/);
  });
});
