#!/usr/bin/env node
/**
 * Checks that no file of the package or of the built docs names a file the repository does not
 * have, and that no link of the built docs points nowhere.
 *
 *   node scripts/check-names.mjs <file or folder>…
 *
 * In every text file: each `name.md` must be a file of the repository (by name), each
 * `docs/…`, `examples/…`, `src/…`, `test/…`, `scripts/…`, `bench/…` path must exist in it
 * (`docs/api`, the built API docs, excepted), `seeds/` is never named. In HTML and Markdown, a relative
 * `href` must point to a file that exists, and an absolute one to a real host (typedoc turns
 * `FILE.md` in a comment into `http://FILE.md`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter(Boolean);
const trackedSet = new Set(tracked);
const dirs = new Set();
for (const f of tracked) for (let d = dirname(f); d !== '.'; d = dirname(d)) dirs.add(d);
const mdNames = new Set(tracked.filter((f) => f.endsWith('.md')).map((f) => basename(f)));
const TEXT = new Set([
  '.js',
  '.cjs',
  '.mjs',
  '.ts',
  '.cts',
  '.mts',
  '.md',
  '.json',
  '.html',
  '.map',
  '.txt',
]);

function* files(p) {
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const e of readdirSync(p)) if (e !== 'node_modules') yield* files(join(p, e));
  } else if (TEXT.has(extname(p))) yield p;
}

const problems = [];
const report = (file, what) => problems.push(`${relative(process.cwd(), file)}: ${what}`);

for (const arg of process.argv.slice(2)) {
  for (const file of files(arg)) {
    const text = readFileSync(file, 'utf8');
    // Markdown file names (not inside a URL, nor a Markdown link's target: those are checked
    // as links below, relative to the page, as the generated API reference's own pages are).
    const prose = extname(file) === '.md' ? text.replace(/\]\([^)\s]+\)/g, ']()') : text;
    for (const m of prose.matchAll(/(?<![\w/.-])([\w-]+\.md)\b/g)) {
      if (!mdNames.has(m[1])) report(file, `names ${m[1]}, which is not in the repository`);
    }
    for (const m of text.matchAll(
      /(?<![\w/.:-])((?:docs|examples|src|test|scripts|bench)\/[\w./-]*[\w])/g,
    )) {
      const p = m[1];
      if (p.startsWith('docs/api')) continue;
      if (!trackedSet.has(p) && !dirs.has(p))
        report(file, `names ${p}, which is not in the repository`);
    }
    if (/(?<![\w-])seeds\//.test(text))
      report(file, 'names seeds/, which is not in the repository');
    const links =
      extname(file) === '.html'
        ? [...text.matchAll(/href="([^"]*)"/g)]
        : extname(file) === '.md'
          ? [...text.matchAll(/\]\(([^)\s]+)\)/g)]
          : [];
    for (const m of links) checkLink(file, m[1]);
  }
}

/** A link must point somewhere: a relative one to a file that exists, an absolute one to a real host. */
function checkLink(file, href) {
  if (href === '' || href.startsWith('#') || href.startsWith('mailto:')) return;
  const abs = /^([a-z]+):\/\/([^/?#]*)/i.exec(href);
  if (abs) {
    const host = abs[2];
    if (!host.includes('.') || /\.(md|ts|js|json|html)$/i.test(host))
      report(file, `links ${href}, which points nowhere`);
    return;
  }
  const target = resolve(dirname(file), decodeURI(href.split(/[?#]/)[0]));
  if (!existsSync(target)) report(file, `links ${href}, which does not exist`);
}
if (problems.length > 0) {
  console.error(`${problems.length} file name(s) or link(s) pointing nowhere:`);
  for (const p of problems.slice(0, 50)) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`names and links ok: ${process.argv.slice(2).join(', ')}`);
