/**
 * `jd-weather-vane report`: writes the HTML report of a store (the page itself is tested in
 * test/report/), with its options checked and the default evaluation day noted.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../_helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'jwv-report-'));
const sample = 'examples/sample-store.json';
const peers = 'examples/sample-peers.json';
const run = runCliCaptured;

describe('jd-weather-vane report', () => {
  it('writes the report of a store with its peers, in Chinese with English beside it', async () => {
    const path = join(dir, 'zh.html');
    const r = await run(['report', sample, '--as-of', '2026-11-23', '--peers', peers, '-o', path]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      new RegExp(
        `^wrote ${path} \\(\\d+ KB\\): jd-store-8 as of 2026-11-23, 180 days of history, 30 days of forecast, 14 open deadlines\\n$`,
      ),
    );
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('data-field="stars"');
    expect(html).toContain('(180 天 days)');
  });

  it('takes --days, --lang en and --json, and writes to standard output with -o -', async () => {
    const path = join(dir, 'en.html');
    const r = await run([
      'report',
      sample,
      '--as-of=2026-11-23',
      '--days',
      '30',
      '--lang',
      'en',
      '--output',
      path,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out);
    expect(result).toMatchObject({ output: path, asOf: '2026-11-23', days: 30, lang: 'en' });
    expect(readFileSync(path, 'utf8')).toContain('<html lang="en">');
    const stdout = await run(['report', sample, '--as-of', '2026-11-23', '--days', '2', '-o', '-']);
    expect(stdout.code).toBe(0);
    expect(stdout.out.startsWith('<!doctype html>')).toBe(true);
  });

  it('shows the industry averages of --averages beside the metrics', async () => {
    const averages = join(dir, 'averages.json');
    writeFileSync(averages, JSON.stringify({ 'reviews.negative-rate': 0.012 }));
    const path = join(dir, 'averages.html');
    const r = await run([
      'report',
      sample,
      '--as-of',
      '2026-11-23',
      '--days',
      '2',
      '--averages',
      averages,
      '-o',
      path,
    ]);
    expect(r.code).toBe(0);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('行业均值 <span class="en">Industry average</span>');
    expect(html).toContain('data-field="industryAverage" data-value="0.012">1.20%');
  });

  it('is evaluated as of today in Shanghai when --as-of is not given, with a note saying so', async () => {
    // 2026-11-23 01:00 in Shanghai is still 2026-11-22 in UTC.
    const now = Date.parse('2026-11-22T17:00:00Z');
    const r = await run(['report', sample, '--days', '3', '-o', join(dir, 'today.html')], now);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'jd-weather-vane: note: --as-of not given: evaluated as of 2026-11-23 (today in Shanghai), which counts everything up to the end of 2026-11-22, the last complete day.\n',
    );
    expect(readFileSync(join(dir, 'today.html'), 'utf8')).toContain(
      '<p class="note">--as-of not given: evaluated as of 2026-11-23',
    );
    // A note is not a warning: --strict goes on.
    const strict = await run(
      ['report', sample, '--days', '3', '--strict', '-o', join(dir, 'strict.html')],
      now,
    );
    expect(strict.code).toBe(0);
  });

  it('refuses a missing -o, an unknown language, days out of range and an unwritable path', async () => {
    const asOf = ['--as-of', '2026-11-23'];
    expect((await run(['report', sample, ...asOf])).err).toContain(
      'expected -o <file.html> (or -o - for standard output)',
    );
    const lang = await run(['report', sample, ...asOf, '--lang', 'fr', '-o', '-']);
    expect(lang.code).toBe(2);
    expect(lang.err).toContain('expected --lang zh or en, found "fr"');
    const days = await run(['report', sample, ...asOf, '--days', '0', '-o', '-']);
    expect(days.err).toContain('expected --days as a whole number 1–732, found "0"');
    const bad = await run(['report', sample, ...asOf, '--days', '2', '-o', join(dir, 'no', 'x')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('cannot write the report to');
    expect((await run(['report', sample, ...asOf, '--at', 'x', '-o', '-'])).err).toContain(
      '--at does not apply to "report"',
    );
  });
});
