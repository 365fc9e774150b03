/**
 * Issue 14: the docs cited files the user does not have (DOMAIN.md, DESIGN.md, "seed 000"),
 * which typedoc even turned into http://DOMAIN.md links.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

describe('citations a reader can open', () => {
  it('no source file, shipped doc or README names a file outside the repository or a seed by number', () => {
    const files = [
      ...filesUnder('src'),
      ...readdirSync('docs')
        .filter((f) => f.endsWith('.md'))
        .map((f) => join('docs', f)),
      ...filesUnder('docs/zh-CN'),
      'README.md',
      'README.zh-CN.md',
      'CHANGELOG.md',
    ];
    const offending = files.filter((f) =>
      /DOMAIN\.md|DESIGN\.md|STYLE\.md|seeds\/|\bseed 00[01]\b|\(00[01]:/.test(
        readFileSync(f, 'utf8'),
      ),
    );
    expect(offending).toEqual([]);
    // Every file the sources page is cited for exists, and names both articles.
    const sources = readFileSync('docs/sources.md', 'utf8');
    expect(sources).toContain('### Article ZH');
    expect(sources).toContain('### Article EN');
  });

  it('scripts/check-names.mjs finds a missing file, a seed folder and a link to nowhere', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jwv-names-'));
    writeFileSync(
      join(dir, 'page.html'),
      'see DOMAIN.md and docs/input.md <a href="http://DOMAIN.md">x</a> <a href="missing.html">y</a> seeds/000',
    );
    const r = spawnSync('node', ['scripts/check-names.mjs', dir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('names DOMAIN.md, which is not in the repository');
    expect(r.stderr).toContain('names seeds/, which is not in the repository');
    expect(r.stderr).toContain('links http://DOMAIN.md, which points nowhere');
    expect(r.stderr).toContain('links missing.html, which does not exist');
    expect(r.stderr).not.toContain('docs/input.md');
    // A Markdown page's links are checked relative to the page, as the API reference's are.
    writeFileSync(join(dir, 'page.md'), '[a](Other.md) [b](page.md#top) [c](https://DESIGN.md)');
    const md = spawnSync('node', ['scripts/check-names.mjs', join(dir, 'page.md')], {
      encoding: 'utf8',
    });
    expect(md.status).toBe(1);
    expect(md.stderr).toContain('links Other.md, which does not exist');
    expect(md.stderr).toContain('links https://DESIGN.md, which points nowhere');
    expect(md.stderr).not.toContain('page.md#top');
    writeFileSync(join(dir, 'page.md'), '[a](page.md) [b](page.html)');
    writeFileSync(join(dir, 'page.html'), 'see docs/input.md and README.md');
    expect(execFileSync('node', ['scripts/check-names.mjs', dir], { encoding: 'utf8' })).toMatch(
      /names and links ok/,
    );
  });
});
