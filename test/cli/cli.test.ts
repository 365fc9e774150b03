import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, USAGE } from '../../src/cli/run.js';

const run = async (args: string[]) => {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
};
const dir = mkdtempSync(join(tmpdir(), 'jwv-cli-'));
const file = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
const sample = 'examples/sample-store.json';
const peers = 'examples/sample-peers.json';

describe('jd-weather-vane CLI (in process)', () => {
  it('prints a readable scorecard', async () => {
    const r = await run(['score', sample, '--as-of', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^京东风向标 Weather vane · .* · as of 2026-11-23 · rules jd-default/);
    for (const s of [
      '咨询体验 Consultation',
      '用户评价 Reviews',
      '售后体验 After-sales',
      '物流履约 Logistics',
      '交易纠纷 Disputes',
      '30秒应答率 30-second response rate',
      '2026-10-19..2026-11-17',
      'Composite',
      'Total',
    ]) {
      expect(r.out).toContain(s);
    }
    expect(r.out).not.toContain('排名 Standing');
  });

  it('adds the standing with --peers, and prints JSON with --json', async () => {
    const r = await run(['score', sample, '--as-of', '2026-11-23', '--peers', peers]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('排名 Standing');
    expect(r.out).toMatch(/店铺星级 Stars \d\.\d/);
    const j = await run(['score', sample, '--as-of', '2026-11-23', '--json']);
    expect(j.code).toBe(0);
    const card = JSON.parse(j.out);
    expect(Object.keys(card.metrics)).toHaveLength(19);
    expect(typeof card.metrics['consultation.response-rate-30s'].value).toBe('string');
    expect(card.asOf).toBe('2026-11-23');
  });

  it('exits 1 on invalid input, printing every issue with its path', async () => {
    const bad = file('bad.json', {
      store: { id: 's' },
      orders: [{ id: 'o1', customerId: 'c', placedAt: 'soon', amount: -1 }],
    });
    const r = await run(['score', bad, '--as-of', '2026-11-23']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/invalid input, 2 issue\(s\)/);
    expect(r.err).toContain('orders[0].placedAt');
    expect(r.err).toContain('orders[0].amount');
    const notJson = await run(['score', file('x.json', '{ nope'), '--as-of', '2026-11-23']);
    expect(notJson.code).toBe(1);
    expect(notJson.err).toMatch(/expected JSON/);
    const badPeers = await run([
      'score',
      sample,
      '--as-of',
      '2026-11-23',
      '--peers',
      file('p.json', { modules: { shipping: [1] } }),
    ]);
    expect(badPeers.code).toBe(1);
    expect(badPeers.err).toContain('modules.shipping');
  });

  it.each([
    [[], /expected the command "score", found nothing/],
    [['rank', sample], /expected the command "score", found "rank"/],
    [
      ['score'],
      /expected the store after "score": a .json file, a folder, or - for standard input/,
    ],
    [['score', sample], /expected --as-of YYYY-MM-DD/],
    [['score', sample, 'other.json', '--as-of', '2026-11-23'], /expected one store file/],
    [['score', sample, '--as-of', '23/11/2026'], /asOf as a calendar date YYYY-MM-DD/],
    [['score', sample, '--as-of', '2026-11-23', '--frobnicate'], /Unknown option '--frobnicate'/],
    [
      ['score', join(dir, 'missing.json'), '--as-of', '2026-11-23'],
      /cannot read the store file .*ENOENT/,
    ],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Usage: jd-weather-vane score');
  });

  it('prints help', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, out: USAGE, err: '' });
  });
});

describe('jd-weather-vane CLI (child process)', () => {
  const bin = ['--import', 'tsx', 'src/cli/main.ts'];
  it('exits 0 with a scorecard on good input', () => {
    const out = execFileSync(
      'node',
      [...bin, 'score', sample, '--as-of', '2026-11-23', '--peers', peers],
      { encoding: 'utf8' },
    );
    expect(out).toContain('排名 Standing');
  });
  it('exits 1 on bad input and 2 on bad arguments', () => {
    const bad = spawnSync(
      'node',
      [...bin, 'score', file('bad2.json', { store: {} }), '--as-of', '2026-11-23'],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('store.id');
    const usage = spawnSync('node', [...bin, 'score'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('Usage:');
  });
});
