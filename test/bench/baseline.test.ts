/**
 * The benchmark's hand-written baseline computes the same numerators and denominators as the
 * library (no timing here: timing is `npm run bench`'s job).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baselineMetrics } from '../../bench/baseline.js';
import { compareWithLibrary } from '../../bench/compare.js';
import { generateStore } from '../../bench/generate/index.js';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { parseStoreData } from '../../src/schemas/parse.js';

const sample = parseStoreData(
  JSON.parse(readFileSync(new URL('../../examples/sample-store.json', import.meta.url), 'utf8')),
);

describe('bench baseline', () => {
  it.each([
    '2026-11-23',
    '2026-11-22',
    '2026-11-01',
    '2026-10-15',
    '2026-09-30',
    '2026-07-01',
    '2026-05-10',
    '2027-01-15',
  ])('equals evaluateStore on the sample store as of %s', (asOf) => {
    expect(
      compareWithLibrary(baselineMetrics(sample, asOf), evaluateStore(sample, { asOf })),
    ).toEqual([]);
  });

  it('sees data on the sample store (the comparison is not vacuous)', () => {
    const b = baselineMetrics(sample, '2026-11-23');
    for (const [id, t] of Object.entries(b)) expect(t.den, id).toBeGreaterThan(0);
  });

  it.each([1, 2, 3, 4, 5])('equals evaluateStore on a random small store (seed %i)', (seed) => {
    const data = parseStoreData(
      generateStore({ seed, endDay: '2026-03-10', days: 120, ordersPerDay: 6 + seed }),
    );
    for (const asOf of ['2026-03-11', '2026-02-20', '2026-01-05']) {
      expect(
        compareWithLibrary(baselineMetrics(data, asOf), evaluateStore(data, { asOf })),
      ).toEqual([]);
    }
  });
});
