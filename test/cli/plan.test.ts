/**
 * `score --values`, `what-if` and `target` on the command line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

const run = async (args: string[]) => {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
};
const sample = 'examples/sample-store.json';
const values = 'examples/sample-values.json';

describe('score --values', () => {
  it('scores a values file exactly as the store it was read from', async () => {
    const fromValues = JSON.parse((await run(['score', '--values', values, '--json'])).out);
    const fromStore = JSON.parse(
      (await run(['score', sample, '--as-of', '2026-11-23', '--json'])).out,
    );
    expect([fromValues.composite, fromValues.total]).toEqual([
      fromStore.composite,
      fromStore.total,
    ]);
    expect(fromValues.metrics['consultation.response-rate-30s'].source).toBe('values');
  });

  it('invents no basis for bare values and shows the industry averages given (行业均值, better/worse)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jwv-values-')), 'v.json');
    writeFileSync(
      file,
      JSON.stringify({
        asOf: '2026-11-23',
        metrics: {
          'consultation.response-rate-30s': 0.92,
          'consultation.facilitated-amount-share': 0.3,
          'reviews.negative-rate': { value: 0.01, sample: 40 },
        },
        industryAverages: {
          'consultation.response-rate-30s': 0.85,
          'reviews.negative-rate': 0.02,
          'disputes.dispute-rate': 0.001,
        },
      }),
    );
    const r = await run(['score', '--values', file]);
    expect(r.code).toBe(0);
    const line = (zh: string) => r.out.split('\n').find((l) => l.includes(zh)) ?? '';
    // Before: "1 pre-sales consultation" and "¥1.00 of orders", and no average anywhere.
    expect(line('30秒应答率')).toMatch(/92\.00%.*85\.00% better\s+value given/);
    expect(line('促成金额占比')).toMatch(/value given/);
    expect(line('差评率')).toMatch(/2\.00% better\s+40 reviews/);
    // A metric given nothing shows its average alone, and no basis.
    expect(line('交易纠纷率')).toMatch(/0\.10%\s+—/);
    expect(r.out).toContain('行业均值 average');
    expect(r.out).not.toMatch(/1 pre-sales consultation|¥1\.00 of orders/);
  });

  it('names every bad value', async () => {
    const r = await run(['score', '--values', 'examples/sample-store.json']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/invalid values input/);
  });
});

describe('what-if', () => {
  it('prints before → after with the difference, from a store or a values file alike', async () => {
    const args = ['--set', 'consultation.response-rate-30s=0.92', '--open', 'door-pickup'];
    const a = await run(['what-if', sample, '--as-of', '2026-11-23', ...args]);
    const b = await run(['what-if', values, ...args]);
    expect(a.code).toBe(0);
    expect(a.out).toContain('total       7.56 → 7.79 (+0.23)');
    expect(a.out.split('\n').slice(1)).toEqual(b.out.split('\n').slice(1));
    const j = JSON.parse((await run(['what-if', values, ...args, '--json'])).out);
    expect(j.difference.total).toBe(0.23);
  });

  it('refuses a malformed --set, an unknown metric, a missing --as-of for a store', async () => {
    expect((await run(['what-if', values, '--set', 'consultation.response-rate-30s'])).code).toBe(
      2,
    );
    expect((await run(['what-if', values, '--set', 'reviews.nope=0.1'])).code).toBe(1);
    expect((await run(['what-if', sample])).err).toMatch(/--as-of/);
  });
});

describe('target', () => {
  it('prints each metric alone and the plan for a total', async () => {
    const r = await run(['target', sample, '--as-of', '2026-11-23', '--total', '8']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('30秒应答率 30-second response rate: 28 more');
    expect(r.out).toMatch(/The fewest cases together \(reaches it\)/);
  });

  it('needs exactly one target, and peers for stars', async () => {
    expect((await run(['target', values])).code).toBe(2);
    expect((await run(['target', values, '--total', '8', '--stars', '4.5'])).code).toBe(2);
    expect((await run(['target', values, '--stars', '4.5'])).err).toMatch(/peers' totals/);
    const r = await run([
      'target',
      values,
      '--stars',
      '4.5',
      '--peers',
      'examples/sample-peers.json',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('4.5 stars (now 4.00)');
  });
});
