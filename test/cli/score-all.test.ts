import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateStore } from '../../bench/generate/index.js';
import { runCli } from '../../src/cli/run.js';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { MODULE_IDS, type ModuleId } from '../../src/ids.js';
import { writeStoreDir } from '../../src/node/index.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import type { PeerData } from '../../src/scorecard/peers.js';

const AS_OF = '2026-11-23';
const run = async (args: string[]) => {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
};
const cli = (args: string[]) =>
  spawnSync('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });

/** Five generated stores in two categories (three folders, two .json files) and a bad one. */
const root = mkdtempSync(join(tmpdir(), 'jwv-all-'));
const raws = [0, 1, 2, 3, 4].map((i) => {
  const raw = generateStore({
    seed: 700 + i,
    endDay: '2026-11-22',
    days: 60,
    ordersPerDay: 3 + i,
    storeId: `st-${i}`,
  });
  const level2 = i % 2 === 0 ? '生活电器' : '厨房小电';
  return { ...raw, store: { ...raw.store, category: { level1: '家用电器', level2 } } };
});
const paths = raws.map((_, i) => join(root, i < 3 ? `s${i}` : `s${i}.json`));
beforeAll(async () => {
  for (let i = 0; i < raws.length; i++) {
    if (i < 3) await writeStoreDir(paths[i] as string, raws[i] as { store: unknown });
    else writeFileSync(paths[i] as string, JSON.stringify(raws[i]));
  }
  // Sorted between s2 and s3: the others before and after it are still scored.
  writeFileSync(join(root, 's2-bad.json'), JSON.stringify({ store: {}, orders: [{ id: 1 }] }));
  // Neither a store folder nor a .json file: not a store of the run.
  writeFileSync(join(root, 'notes.txt'), 'not a store');
  mkdirSync(join(root, '.hidden'));
});
const cards = () => raws.map((r) => evaluateStore(parseStoreData(r), { asOf: AS_OF }));
const fixed = (v: number | null) => (v === null ? '—' : v.toFixed(2));

describe('score <folder> --all', () => {
  it('scores every store, one line each in name order, names the failing one, exits 1', async () => {
    const r = await run(['score', root, '--all', '--as-of', AS_OF]);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^store +total +composite +consult +reviews +after-sales/);
    expect(lines).toHaveLength(1 + raws.length);
    cards().forEach((card, i) => {
      const cells = (lines[i + 1] as string).trim().split(/ +/);
      expect(cells).toEqual([
        `st-${i}`,
        fixed(card.total),
        fixed(card.composite),
        ...MODULE_IDS.map((m) => fixed(card.modules[m].score)),
      ]);
    });
    expect(r.err).toContain(`${join(root, 's2-bad.json')}: invalid store input, 5 issue(s)`);
    expect(r.err).toContain('store.id: expected a non-empty string id');
    expect(r.err).toContain('1 of 6 stores could not be scored');
  });

  it('prints JSON Lines with --json: each store’s scorecard, as score --json gives it', async () => {
    const r = await run(['score', root, '--all', '--as-of', AS_OF, '--json']);
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(raws.length);
    const one = await run(['score', paths[3] as string, '--as-of', AS_OF, '--json']);
    expect(JSON.parse(lines[3] as string)).toEqual(JSON.parse(one.out));
    const error = JSON.parse(r.err.split('\n')[0] as string);
    expect(error.error.message).toContain('s2-bad.json');
    expect(error.error.issues).toHaveLength(5);
  });

  it('prints CSV with --csv, and stars with peers', async () => {
    const peers = join(root, '..', `peers-${Date.now()}.json`);
    writeFileSync(peers, JSON.stringify({ composites: [5, 6, 7, 8, 9] }));
    const r = await run(['score', root, '--all', '--as-of', AS_OF, '--csv', '--peers', peers]);
    const lines = r.out.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'store,path,total,composite,consultation,reviews,after-sales,logistics,disputes,stars',
    );
    const card = evaluateStore(parseStoreData(raws[0]), {
      asOf: AS_OF,
      peers: { composites: [5, 6, 7, 8, 9] },
    });
    expect(lines[1]).toBe(
      [
        'st-0',
        paths[0],
        fixed(card.total),
        fixed(card.composite),
        ...MODULE_IDS.map((m) => fixed(card.modules[m].score)),
        String(card.standing?.stars),
      ].join(','),
    );
  });

  it('ranks each store among the others of its category with --peers-from-run', async () => {
    const r = await run(['score', root, '--all', '--as-of', AS_OF, '--peers-from-run', '--json']);
    const got = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    // The oracle, step by step: the stores' metric values; each store scored against the
    // others' of its category; then scored and ranked with their totals and module scores too.
    const data = raws.map((raw) => parseStoreData(raw));
    const category = (i: number) => raws[i]?.store.category.level2 as string;
    const others = (i: number) =>
      raws.map((_, j) => j).filter((j) => j !== i && category(j) === category(i));
    const plain = cards();
    const metricsOf = (i: number) => {
      const metrics: Record<string, number[]> = {};
      for (const j of others(i)) {
        for (const [id, m] of Object.entries(plain[j]?.metrics ?? {})) {
          if (m.status === 'ok' && m.value !== null) {
            metrics[id] = [...(metrics[id] ?? []), m.value.toNumber()];
          }
        }
      }
      return metrics;
    };
    const second = data.map((d, i) =>
      evaluateStore(d, { asOf: AS_OF, peers: { category: category(i), metrics: metricsOf(i) } }),
    );
    for (let i = 0; i < data.length; i++) {
      const modules: Partial<Record<ModuleId, number[]>> = {};
      for (const j of others(i)) {
        for (const m of MODULE_IDS) {
          const s = second[j]?.modules[m].score;
          if (s !== null && s !== undefined) modules[m] = [...(modules[m] ?? []), s];
        }
      }
      const peers: PeerData = {
        category: category(i),
        metrics: metricsOf(i),
        composites: others(i).map((j) => second[j]?.total as number),
        modules,
      };
      const want = evaluateStore(data[i] as never, { asOf: AS_OF, peers });
      expect(got[i]).toEqual(JSON.parse(JSON.stringify(want)));
      expect(want.standing?.stars).not.toBeUndefined();
    }
  });

  it('warns per store when the as-of day is outside its data, and fails it with --strict', async () => {
    const one = mkdtempSync(join(tmpdir(), 'jwv-all-one-'));
    writeFileSync(join(one, 'a.json'), JSON.stringify(raws[0]));
    const warned = await run(['score', one, '--all', '--as-of', '2027-06-01', '--csv']);
    expect(warned.code).toBe(0);
    expect(warned.out.trimEnd().split('\n')).toHaveLength(2);
    expect(warned.err).toContain(`warning: ${join(one, 'a.json')}: `);
    const strict = await run(['score', one, '--all', '--as-of', '2027-06-01', '--csv', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.out.trimEnd().split('\n')).toHaveLength(1);
    expect(strict.err).toContain('1 of 1 stores could not be scored');
  });

  it('names a store that cannot be read at all (a folder without store.json) and scores the rest', async () => {
    const mixed = mkdtempSync(join(tmpdir(), 'jwv-all-mixed-'));
    writeFileSync(join(mixed, 'a.json'), JSON.stringify(raws[1]));
    mkdirSync(join(mixed, 'b-empty'));
    const r = await run(['score', mixed, '--all', '--as-of', AS_OF, '--csv']);
    expect(r.code).toBe(1);
    expect(r.out.trimEnd().split('\n')).toHaveLength(2);
    expect(r.err).toContain(`${join(mixed, 'b-empty')}: `);
    expect(r.err).toContain('store.json');
  });

  it('refuses what --all cannot take, as usage errors', async () => {
    const cases: [string[], string][] = [
      [['score', root, '--csv', '--as-of', AS_OF], '--csv applies to --all'],
      [['score', paths[0] as string, '--all', '--as-of', AS_OF], "one store's folder"],
      [['score', paths[3] as string, '--all', '--as-of', AS_OF], 'found a file'],
      [['score', join(root, 'nope'), '--all', '--as-of', AS_OF], 'no such folder'],
      [['score', root, '--all'], 'expected --as-of'],
      [['score', root, root, '--all', '--as-of', AS_OF], 'found also'],
      [['score', '--all', '--as-of', AS_OF], 'expected a folder of stores'],
      [['score', root, '--all', '--as-of', AS_OF, '--json', '--csv'], 'found both'],
      [
        ['score', root, '--all', '--as-of', AS_OF, '--peers', 'p.json', '--peers-from-run'],
        'found both',
      ],
      [['score', root, '--all', '--as-of', AS_OF, '--workers', '0'], '--workers'],
      [['score', join(root, '.hidden'), '--all', '--as-of', AS_OF], 'found none'],
      [['score', '--values', 'v.json', '--all', '--as-of', AS_OF], 'expected a folder'],
      [
        ['score', root, '--values', 'v.json', '--all', '--as-of', AS_OF],
        '--values applies to one store',
      ],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
      expect(r.err).toContain(message);
    }
  });

  it('runs on worker threads as a child process, with the same lines as in process', async () => {
    const inProcess = await run(['score', root, '--all', '--as-of', AS_OF, '--csv']);
    const r = cli(['score', root, '--all', '--as-of', AS_OF, '--csv', '--workers', '2']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(inProcess.out);
    expect(r.stderr).toContain('s2-bad.json: invalid store input');
    const ok = cli(['score', join(root, '..', 'missing-folder'), '--all', '--as-of', AS_OF]);
    expect(ok.status).toBe(2);
  });
});

describe('--csv against a careless spreadsheet', () => {
  it('a store id a spreadsheet would run as a formula is written as text; numbers stay numbers', async () => {
    const { csvCell } = await import('../../src/cli/commands/scoreAll.js');
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('-0.5')).toBe('-0.5');
    expect(csvCell('7.16')).toBe('7.16');
    expect(csvCell('店,铺')).toBe('"店,铺"');
    const evil = mkdtempSync(join(tmpdir(), 'jwv-all-evil-'));
    writeFileSync(
      join(evil, 'a.json'),
      JSON.stringify({ ...raws[1], store: { id: '=1+2', name: 'x' } }),
    );
    const r = await run(['score', evil, '--all', '--as-of', AS_OF, '--csv']);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[1]?.startsWith("'=1+2,")).toBe(true);
  });
});
