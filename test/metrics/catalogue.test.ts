/**
 * One metric, one test file: every metric file `src/metrics/<module>/<name>.ts` (not starting
 * with `_`) has `test/metrics/<module>/<name>.test.ts`, which calls its calculator `<name>`.
 * One note, one test: every note of a metric's fine print (`notes`, from which docs/metrics.md is
 * generated) is named `<metric id>#<note id>` by a test that pins it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isMetricId, MODULE_IDS, metricCatalogue } from '../../src/index.js';
import { defineSupplementaryMetric } from '../../src/metrics/_calculate.js';
import { goodReviewRateDefinition } from '../../src/metrics/reviews/goodReviewRate.js';

const SRC = fileURLToPath(new URL('../../src/metrics/', import.meta.url));
const TESTS = fileURLToPath(new URL('./', import.meta.url));

/** Every module folder of src/metrics and its metric files, as `<module>/<name>`. */
function metricFiles(): string[] {
  const out: string[] = [];
  for (const folder of readdirSync(SRC, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of readdirSync(`${SRC}${folder.name}`)) {
      if (file.startsWith('_') || !file.endsWith('.ts') || file.endsWith('.d.ts')) continue;
      out.push(`${folder.name}/${file.slice(0, -'.ts'.length)}`);
    }
  }
  return out.sort();
}

describe('one test file per metric', () => {
  const files = metricFiles();

  it('finds a metric file for every catalogued metric, in every module folder', () => {
    // Guards the two checks below against passing on an empty or wrong listing.
    expect(files.length).toBeGreaterThanOrEqual(metricCatalogue.length);
    const folders = new Set(files.map((f) => f.split('/')[0]));
    for (const module of MODULE_IDS) expect(folders, module).toContain(module);
  });

  it('has test/metrics/<module>/<name>.test.ts for every src/metrics/<module>/<name>.ts', () => {
    const missing = files.filter((f) => !existsSync(`${TESTS}${f}.test.ts`));
    expect(missing, 'metric files without their test file').toEqual([]);
  });

  it('calls the metric’s calculator, named like its file, in that test file', () => {
    const silent = files.filter((f) => {
      const path = `${TESTS}${f}.test.ts`;
      const name = f.split('/')[1] ?? '';
      return existsSync(path) && !readFileSync(path, 'utf8').includes(`${name}(`);
    });
    expect(silent, 'test files that never call their calculator').toEqual([]);
  });
});

/** Every test file under test/, with its text. */
function testFiles(dir = fileURLToPath(new URL('../', import.meta.url))): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...testFiles(path));
    else if (e.name.endsWith('.test.ts')) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

describe('one test per note of the fine print', () => {
  const notes = metricCatalogue.flatMap((m) =>
    (m.notes ?? []).map((n) => ({ metric: m.id, id: n.id, name: `${m.id}#${n.id}` })),
  );
  const THIS = fileURLToPath(import.meta.url);

  it('gives every note a kebab-case id, unique within its metric', () => {
    expect(notes.length).toBeGreaterThanOrEqual(metricCatalogue.length);
    for (const n of notes) expect(n.id, n.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(notes.map((n) => n.name)).size).toBe(notes.length);
  });

  it('has a test naming `<metric id>#<note id>` for every note (in its title, as `[…]`)', () => {
    const texts = testFiles().filter((t) => t !== readFileSync(THIS, 'utf8'));
    // A name is found in a test title's bracketed list: `[a#x, b#y]`.
    const named = new Set<string>();
    for (const t of texts)
      for (const list of t.matchAll(/\[([a-z0-9.-]+#[a-z0-9-]+(?:, [a-z0-9.-]+#[a-z0-9-]+)*)\]/g))
        for (const name of (list[1] as string).split(', ')) named.add(name);
    const missing = notes.filter((n) => !named.has(n.name)).map((n) => n.name);
    expect(missing, 'notes no test names').toEqual([]);
    // And no test names a note that does not exist (a renamed note leaves no stale name behind).
    const known = new Set(notes.map((n) => n.name));
    const stale = [...named].filter(
      (name) => metricCatalogue.some((m) => name.startsWith(`${m.id}#`)) && !known.has(name),
    );
    expect(stale, 'names of notes that do not exist').toEqual([]);
  });
});

describe('isMetricId', () => {
  it('knows the nineteen ids and nothing else', () => {
    expect(metricCatalogue.every((m) => isMetricId(m.id))).toBe(true);
    expect([isMetricId('reviews.good-rate'), isMetricId('reviews.nope')]).toEqual([false, false]);
  });
});

describe('a definition is frozen when it is defined', () => {
  it('freezes its data deeply, but not its functions or the definitions it refers to', () => {
    const base = goodReviewRateDefinition;
    const measure = { ...base.measure };
    const def = defineSupplementaryMetric({
      ...base,
      name: { ...base.name },
      basis: [...base.basis] as unknown as typeof base.basis,
      measure,
    });
    const fn = Object.values(measure)[0];
    expect([
      Object.isFrozen(def),
      Object.isFrozen(def.name),
      Object.isFrozen(def.basis),
      Object.isFrozen(def.measure),
      typeof fn,
      Object.isFrozen(fn),
    ]).toEqual([true, true, true, true, 'function', false]);
  });
});
