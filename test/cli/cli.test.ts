import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { displayWidth } from '../../src/cli/render.js';
import { MAX_ISSUES_SHOWN, runCli, USAGE } from '../../src/cli/run.js';
import { metricCatalogue } from '../../src/metrics/catalogue.js';

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
    expect(Object.keys(card.metrics)).toHaveLength(metricCatalogue.length);
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
    expect(r.err).toMatch(/invalid store input, 2 issue\(s\)/);
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
    [
      [],
      /expected the command "score", "history", "today", "forecast", "what-if", "target", "report", found nothing/,
    ],
    [
      ['rank', sample],
      /expected the command "score", "history", "today", "forecast", "what-if", "target", "report", found "rank"/,
    ],
    [
      ['score'],
      /expected the store after "score": a .json file, a folder, or - for standard input/,
    ],
    [['score', sample], /expected --as-of YYYY-MM-DD/],
    [['score', sample, 'other.json', '--as-of', '2026-11-23'], /expected one store file/],
    [['score', sample, '--as-of', '23/11/2026'], /--as-of as a calendar date YYYY-MM-DD/],
    [['score', sample, '--as-of', '2026-11-23', '--frobnicate'], /unknown option --frobnicate\n/],
    [
      ['score', join(dir, 'missing.json'), '--as-of', '2026-11-23'],
      /cannot read the store file .*ENOENT/,
    ],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    // One line and where the help is, not the whole help burying it (issue 19).
    expect(r.err).not.toContain('Usage:');
    expect(r.err.trimEnd().split('\n')).toHaveLength(2);
    expect(r.err).toMatch(/\nrun 'jd-weather-vane (score )?--help' for usage\n$/);
  });

  it('prints help', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, out: USAGE, err: '' });
  });
});

describe('CLI rough edges (issue 14)', async () => {
  const store = {
    store: { id: 's' },
    orders: [
      {
        id: 'o1',
        customerId: 'c',
        placedAt: '2026-11-01 09:00:00',
        paidAt: '2026-11-01 09:00:00',
        amount: '9.90',
      },
    ],
  };

  it('words an unknown option itself, with the option it resembles', async () => {
    const r = await run(['score', sample, '--as-of', '2026-11-23', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(
      'jd-weather-vane: unknown option --jsn: did you mean --json?',
    );
    expect((await run(['score', sample, '--as-of'])).err).toMatch(
      /^jd-weather-vane: expected a value after --as-of, found nothing/,
    );
    expect((await run(['score', sample, '-x'])).err).toMatch(/^jd-weather-vane: unknown option -x/);
    expect((await run(['scor', sample])).err).toMatch(/found "scor": did you mean "score"\?/);
  });

  it('prints its version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, out: `${pkg.version}\n`, err: '' });
    expect((await run(['-v'])).out).toBe(`${pkg.version}\n`);
  });

  it('reads a UTF-8 file with a byte order mark', async () => {
    const p = file('bom.json', `\uFEFF${JSON.stringify(store)}`);
    const r = await run(['score', p, '--as-of', '2026-11-02']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('warns when the as-of day is outside the data, and fails with --strict', async () => {
    const p = file('span.json', store);
    const late = await run(['score', p, '--as-of', '2030-01-01']);
    expect(late.code).toBe(0);
    expect(late.err).toBe(
      "jd-weather-vane: warning: the as-of day 2030-01-01 is 1157 days after the data's last day 2026-11-01: the windows read days the data does not cover, so metrics are no-data or rest on part of their window\n",
    );
    const early = await run(['score', p, '--as-of', '2026-11-01']);
    expect(early.err).toMatch(/not after the data's first day 2026-11-01/);
    expect((await run(['score', p, '--as-of', '2026-11-02'])).err).toBe('');
    expect(
      (await run(['score', file('empty.json', { store: { id: 's' } }), '--as-of', '2026-11-02']))
        .err,
    ).toMatch(/no records/);
    const strict = await run(['score', p, '--as-of', '2030-01-01', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.out).toBe('');
    const json = await run(['score', p, '--as-of', '2030-01-01', '--json']);
    expect(JSON.parse(json.err).warning.code).toBe('as-of-outside-data');
  });

  it('caps a long error list, and gives every issue as JSON under --json', async () => {
    const orders = Array.from({ length: 25 }, (_, i) => ({ id: `o${i}`, customerId: 'c' }));
    const p = file('many.json', { store: { id: 's' }, orders });
    const r = await run(['score', p, '--as-of', '2026-11-23']);
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toBe('jd-weather-vane: invalid store input, 50 issue(s):');
    expect(lines).toHaveLength(1 + MAX_ISSUES_SHOWN + 1);
    expect(lines.at(-1)).toBe('  … and 30 more (every issue with --json)');
    const j = await run(['score', p, '--as-of', '2026-11-23', '--json']);
    expect(j.code).toBe(1);
    expect(j.out).toBe('');
    const e = JSON.parse(j.err).error;
    expect(e.code).toBe('invalid_input');
    expect(e.issues).toHaveLength(50);
    expect(e.issues[0]).toEqual({
      path: 'orders[0].placedAt',
      message: 'expected an instant (ISO-8601 string, epoch ms or Date), found nothing',
    });
    expect(JSON.parse((await run(['score', '--json'])).err).error.code).toBe('usage');
  });

  it('shows what each metric rests on and how the stage was decided; percentages with 2 decimals', async () => {
    const r = await run(['score', sample, '--as-of', '2026-11-23']);
    expect(r.out).toContain(
      "售前/售后 Stage of 248 consultation(s) 2026-10-19..2026-11-17: 88 given in the data, 160 derived (141 pre-sales, 19 after-sales, from the customer's earlier orders)",
    );
    expect(r.out).toMatch(
      /30秒应答率 30-second response rate +84\.24% +5\.87 +2\.06 +203 pre-sales consultations +2026-10-19/,
    );
    // Every metric row puts its window at the same display column, CJK names included.
    const rows = r.out
      .split('\n')
      .filter((l) => / \d{4}-\d{2}-\d{2}\.\./.test(l) && !l.includes('Stage'));
    expect(rows).toHaveLength(metricCatalogue.length);
    const columns = new Set(
      rows.map((l) => displayWidth(l.slice(0, l.search(/\d{4}-\d{2}-\d{2}\.\./)))),
    );
    expect([...columns]).toHaveLength(1);
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
    expect(usage.stderr).toBe(
      'jd-weather-vane: expected the store after "score": a .json file, a folder, or - for standard input\n' +
        "run 'jd-weather-vane score --help' for usage\n",
    );
  });
});
