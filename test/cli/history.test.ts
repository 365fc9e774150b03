/**
 * `jd-weather-vane history`: the scorecards of a range of days from one pass, as charts, JSON
 * or CSV, equal to `evaluateHistory`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { historyRange } from '../../src/cli/commands/history.js';
import { runCli } from '../../src/cli/run.js';
import { evaluateHistory } from '../../src/evaluate/evaluate.js';
import { parseStoreData } from '../../src/schemas/parse.js';

const sample = 'examples/sample-store.json';
const run = async (args: string[], now?: number) => {
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
    ...(now === undefined ? {} : { now: () => now }),
  });
  return { code, out, err };
};
const data = parseStoreData(JSON.parse(readFileSync(sample, 'utf8')));

describe('history', () => {
  it('prints a chart per score and metric over the days asked', async () => {
    const r = await run(['history', sample, '--from', '2026-11-01', '--to', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(
      '京东风向标 history 历史 · 悦厨小家电旗舰店 (jd-store-8) · 2026-11-01 … 2026-11-23 (23 days) · rules jd-default',
    );
    const days = evaluateHistory(data, { from: '2026-11-01', to: '2026-11-23' });
    const total = lines.find((l) => l.includes('总分 Total')) as string;
    // 23 bars, then the range and the last day's total.
    const bars = total.slice(total.search(/[▁▂▃▄▅▆▇█]/));
    expect(bars.slice(0, 23)).toMatch(/^[▁▂▃▄▅▆▇█]{23}$/);
    expect(bars.slice(23, 25)).toBe('  ');
    expect(total).toContain(`now ${days.at(-1)?.total?.toFixed(2)}`);
    expect(r.out).toContain('30秒应答率 30-second response rate');
  });

  it('--json gives every day equal to evaluateHistory; --csv a row per day', async () => {
    const days = evaluateHistory(data, { from: '2026-11-20', to: '2026-11-23' });
    const j = await run(['history', sample, '--from', '2026-11-20', '--days', '4', '--json']);
    expect(j.code).toBe(0);
    const parsed = JSON.parse(j.out);
    expect(parsed.map((d: { asOf: string }) => d.asOf)).toEqual(days.map((d) => d.asOf));
    expect(parsed.map((d: { total: number }) => d.total)).toEqual(days.map((d) => d.total));
    expect(parsed[3].metrics['consultation.response-rate-30s'].value).toBe(
      days[3]?.metrics['consultation.response-rate-30s'].value?.toString(),
    );
    const c = await run(['history', sample, '--to', '2026-11-23', '--days', '4', '--csv']);
    const rows = c.out.trimEnd().split('\n');
    expect(rows).toHaveLength(5);
    expect(rows[0]?.split(',').slice(0, 5)).toEqual([
      'asOf',
      'total',
      'composite',
      'bonus',
      'consultation',
    ]);
    expect(rows[0]?.split(',')).toHaveLength(4 + 5 + 19);
    expect(rows[4]?.split(',')[1]).toBe(String(days[3]?.total));
  });

  it('defaults --to to today in Shanghai with a note, and warns of days past the data', async () => {
    // 2026-11-23 01:00 in Shanghai is 2026-11-22 17:00 UTC.
    const now = Date.UTC(2026, 10, 22, 17, 0);
    const r = await run(['history', sample, '--days', '2'], now);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'jd-weather-vane: note: --to not given: 2026-11-23, today in Shanghai (the data through 2026-11-22, the last complete day)\n',
    );
    expect(r.out).toContain('2026-11-22 … 2026-11-23 (2 days)');
    expect(historyRange({}, now)).toMatchObject({ from: '2026-10-25', to: '2026-11-23' });
    const late = await run(['history', sample, '--to', '2027-01-10', '--days', '2', '--strict']);
    expect(late.code).toBe(1);
  });

  it('refuses what does not make a range', async () => {
    for (const [args, message] of [
      [['--from', '2026-11-23', '--to', '2026-11-01'], /expected --from on or before --to/],
      [['--from', '2026-11-01', '--to', '2026-11-02', '--days', '2'], /at most two of/],
      [['--days', '0'], /--days as a whole number 1–366/],
      [['--to', '2026-11-31'], /--to/],
      [['--json', '--csv', '--to', '2026-11-23'], /expected --json or --csv, found both/],
      [['--at', '2026-11-22 10:00'], /--at does not apply to "history"/],
    ] as const) {
      const r = await run(['history', sample, ...args]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    }
  });
});

describe('today warns of stale data', () => {
  it('warns when the data ends more than 3 days before --at, not 3 days or fewer', async () => {
    const stale = await run(['today', sample, '--at', '2026-11-26 10:00']);
    expect(stale.code).toBe(0);
    expect(stale.err).toBe(
      'jd-weather-vane: warning: the data ends on 2026-11-22, 4 days before --at: what was open then has long been met or missed, and the forecast lacks everything since; export fresh data\n',
    );
    expect((await run(['today', sample, '--at', '2026-11-25 23:59'])).err).toBe('');
  });
});

describe('forecast', () => {
  it('prints each metric’s next days with bilingual names, as text, JSON or CSV', async () => {
    const at = ['--at', '2026-11-22 10:00', '--days', '10'];
    const r = await run(['forecast', sample, ...at]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('京东风向标 forecast 预测 · jd-store-8');
    expect(r.out).toContain('Next 10 days if nothing new happens (2026-11-23 … 2026-12-02');
    expect(r.out).toMatch(/ {2}30秒应答率 30-second response rate +84\.24% /);
    const j = JSON.parse((await run(['forecast', sample, ...at, '--json'])).out);
    const t = JSON.parse((await run(['today', sample, ...at, '--json'])).out);
    // The forecast of `today`, without the deadlines.
    expect(j).toEqual(t.forecast);
    const c = (await run(['forecast', sample, ...at, '--csv'])).out.trimEnd().split('\n');
    expect(c).toHaveLength(11);
    expect(c[0]?.split(',')).toHaveLength(20);
    expect(c[1]?.split(',')[0]).toBe('2026-11-23');
    expect(c[1]?.split(',')[3]).toBe(j.days[0].metrics['consultation.response-rate-30s']);
    expect((await run(['forecast', sample, '--json', '--csv'])).code).toBe(2);
    expect((await run(['forecast', sample, '--as-of', '2026-11-23'])).code).toBe(2);
  });
});
