/**
 * The CLI's failure modes, as a user meets them (child processes): each gives its exit code
 * and one clear first line on stderr, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'jwv-fail-'));
const file = (name: string, content: string) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};
const sample = 'examples/sample-store.json';
const AS_OF = ['--as-of', '2026-11-23'];

/** Runs the CLI in a shell, so that its stdout can be a pipe closed early. */
function cli(args: string[], pipe = '') {
  const quoted = args.map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const r = spawnSync(
    'bash',
    [
      '-c',
      `node --import tsx src/cli/main.ts ${quoted} ${pipe}; echo "exit=\${PIPESTATUS[0]}" >&2`,
    ],
    { encoding: 'utf8' },
  );
  const err = r.stderr.replace(/exit=\d+\n$/, '');
  const code = Number(/exit=(\d+)\n$/.exec(r.stderr)?.[1]);
  if (Number.isNaN(code)) throw new Error(`no exit status in: ${r.stderr}`);
  return { code, out: r.stdout, err, first: err.split('\n')[0] };
}

const truncated = readFileSync(sample, 'utf8').slice(0, 300);

describe('CLI failure modes (child processes)', () => {
  it.each([
    [
      'a missing file',
      ['score', join(dir, 'nope.json'), ...AS_OF],
      2,
      /^jd-weather-vane: cannot read the store file ".*nope\.json": ENOENT$/,
    ],
    [
      'a folder without store.json',
      ['score', mkdtempSync(join(dir, 'folder-')), ...AS_OF],
      1,
      /^jd-weather-vane: invalid store input, 1 issue\(s\):$/,
    ],
    [
      'an empty file',
      ['score', file('empty.json', ''), ...AS_OF],
      1,
      /^jd-weather-vane: invalid store input, 1 issue\(s\):$/,
    ],
    [
      'a truncated JSON',
      ['score', file('trunc.json', truncated), ...AS_OF],
      1,
      /^jd-weather-vane: invalid store input, 1 issue\(s\):$/,
    ],
    [
      'a file of the wrong shape',
      ['score', file('arr.json', '[1, 2]'), ...AS_OF],
      1,
      /^jd-weather-vane: invalid store input, 1 issue\(s\):$/,
    ],
    [
      'a peers file of the wrong shape',
      ['score', sample, ...AS_OF, '--peers', file('p.json', '[]')],
      1,
      /^jd-weather-vane: invalid peers input, 1 issue\(s\):$/,
    ],
    [
      'a peers file naming an unknown metric',
      [
        'score',
        sample,
        ...AS_OF,
        '--peers',
        file('p2.json', '{"metrics":{"consultation.typing-speed":[1]}}'),
      ],
      1,
      /^jd-weather-vane: invalid peers input, 1 issue\(s\):$/,
    ],
    [
      'a missing peers file',
      ['score', sample, ...AS_OF, '--peers', join(dir, 'none.json')],
      2,
      /^jd-weather-vane: cannot read the peers file ".*none\.json": ENOENT$/,
    ],
  ])('%s: exit %i, one clear line, no stack trace', (_, args, code, first) => {
    const r = cli(args as string[]);
    expect([r.code, r.first]).toEqual([code, expect.stringMatching(first as RegExp)]);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  });

  it('the issue of an empty or truncated file says what was expected and found', () => {
    expect(cli(['score', file('empty2.json', ''), ...AS_OF]).err).toContain('expected JSON in');
    expect(cli(['score', file('trunc2.json', truncated), ...AS_OF]).err).toMatch(
      /found a syntax error: .*position/,
    );
  });

  it('a stdout closed early (| head -1) ends quietly with exit 0', () => {
    const r = cli(['score', sample, ...AS_OF], '| head -1');
    expect(r.out.split('\n').length).toBe(2);
    expect(r.out).toContain('京东风向标');
    expect([r.code, r.err]).toEqual([0, '']);
  });

  it('a stdout closed before anything is written (| true): exit 0, no EPIPE stack trace', () => {
    for (let i = 0; i < 3; i++) {
      const r = cli(['score', sample, ...AS_OF, '--json'], '| true');
      expect([r.code, r.err]).toEqual([0, '']);
    }
  });
});
