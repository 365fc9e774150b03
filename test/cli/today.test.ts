/**
 * `jd-weather-vane today`: the open deadlines and the forecast, in text and JSON.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatLeft } from '../../src/cli/today.js';
import { runCliCaptured, sh } from '../_helpers.js';

const run = runCliCaptured;
const sample = 'examples/sample-store.json';

const dir = mkdtempSync(join(tmpdir(), 'jwv-today-'));
const store = join(dir, 'store.json');
writeFileSync(
  store,
  JSON.stringify({
    store: { id: 's1' },
    reviews: [{ id: 'r-1', customerId: 'u1', createdAt: '2026-11-21 10:00', stars: 1 }],
    chatSessions: [
      {
        id: 'c-1',
        customerId: 'u2',
        messages: [{ from: 'customer', at: '2026-11-22 09:59:50' }],
      },
    ],
  }),
);

describe('jd-weather-vane today', () => {
  it('prints the open deadlines soonest first, grouped by metric, with the time left', async () => {
    const r = await run(['today', store, '--at', '2026-11-22 10:00', '--days', '3']);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('京东风向标 today · s1 · at 2026-11-22 10:00:00 (Shanghai, +08:00)');
    expect(r.out).toContain('Open deadlines: 2, soonest first.');
    const due = lines.filter((l) => l.trim().startsWith('due '));
    // Grouped by metric, the group with the soonest deadline first.
    const cells = due.map((l) =>
      l
        .trim()
        .split(/\s{2,}/)
        .slice(0, 3),
    );
    expect(cells).toEqual([
      ['due 2026-11-22 10:00:00', '0 s left', 'r-1'],
      ['due 2026-11-22 10:00:20', '20 s left', 'c-1'],
    ]);
    expect(r.out).toContain('Next 3 days if nothing new happens (2026-11-23 … 2026-11-25');
  });

  it('defaults --at to now, and says which instant it used', async () => {
    const r = await run(['today', store], sh('2026-11-21 12:00'));
    expect(r.out.split('\n')[0]).toBe(
      '京东风向标 today · s1 · at 2026-11-21 12:00:00 (Shanghai, +08:00)',
    );
    expect(r.out).toContain('Next 30 days');
  });

  it('prints JSON with --json: every deadline, and the forecast days and changes', async () => {
    const r = await run(['today', sample, '--at', '2026-11-22 10:00', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.at).toBe('2026-11-22T10:00:00.000+08:00');
    expect(j.deadlines.length).toBe(15);
    expect(j.deadlines[0]).toMatchObject({
      metric: 'logistics.next-day-arrival-rate',
      deadline: '2026-11-22T23:59:59.999+08:00',
    });
    expect(j.forecast.days).toHaveLength(30);
    expect(j.forecast.days[0].asOf).toBe('2026-11-23');
    expect(j.forecast.changes.length).toBeGreaterThan(0);
    // The open cases' range, and the days below the minimum sample.
    expect(j.forecast.openCases[0]).toMatchObject({
      metric: 'logistics.same-day-collection-rate',
      day: '2026-11-23',
      cases: 5,
    });
    expect(j.forecast.days[29].tooLittleData).toContain('after-sales.return-rate');
  });

  it('rejects --as-of with today, --at with score, and a malformed instant or day count', async () => {
    expect((await run(['today', store, '--as-of', '2026-11-22'])).code).toBe(2);
    expect(
      (await run(['score', store, '--as-of', '2026-11-22', '--at', '2026-11-22 10:00'])).code,
    ).toBe(2);
    const bad = await run(['today', store, '--at', 'soon']);
    expect([bad.code, bad.err.split('\n')[0]]).toEqual([
      2,
      expect.stringMatching(/^jd-weather-vane: --at: expected an instant/),
    ]);
    expect((await run(['today', store, '--days', '0'])).code).toBe(2);
    expect((await run(['todya', store])).err).toMatch(/did you mean "today"/);
  });
});

describe('jd-weather-vane today on the sample store, 30 days ahead', () => {
  it('shows too little data as such, and the open cases as a range, not as missed', async () => {
    const r = await run(['today', sample, '--at', '2026-11-22 10:00', '--days', '30']);
    expect(r.code).toBe(0);
    const line = (zh: string) =>
      r.out.split('\n').find((l) => l.startsWith(`  ${zh} `) && l.includes('changes')) ?? '';
    // As the windows empty, what is left is below the minimum sample (the last shipments,
    // whose returns cannot have come yet): too little data, not 0.00%.
    expect(line('退货率')).toMatch(/too little {2}changes/);
    // The orders still open at 10:00 are left out: the window ends empty, not at 0.00%.
    for (const zh of ['当日揽收率', '次日达占比', '退货率'])
      expect(line(zh)).not.toContain('0.00%');
    expect(r.out).toContain(
      '2026-11-23: 5 open · all missed 89.79% … all met 91.91% (left out: 91.74%)',
    );
  });
});

describe('formatLeft', () => {
  it.each([
    [0, '0 s'],
    [59_999, '59 s'],
    [60_000, '1 min'],
    [3_600_000 * 3 + 60_000 * 20, '3 h 20 min'],
    [3_600_000 * 50, '2 d 2 h'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatLeft(ms)).toBe(text);
  });
});
