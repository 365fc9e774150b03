/**
 * The inputs of the values path are checked as strictly as records: scoreValues's store, ranking
 * and facts (unknown keys, wrong types), a module ranking for an unknown module, a `__proto__`
 * key anywhere (named, not dropped); whatever a JavaScript caller passes, only library errors.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, InvalidInputError, WeatherVaneError } from '../../src/errors.js';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { scoreValues } from '../../src/values/scoreValues.js';
import { whatIf } from '../../src/values/whatIf.js';

const base = { asOf: '2026-11-23', metrics: { 'reviews.negative-rate': 0.01 } };

/** The paths of the issues scoreValues names for `input`. */
function pathsOf(input: unknown): string[] {
  try {
    scoreValues(input as never);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).issues.map((i) => i.path);
  }
  throw new Error('expected an InvalidInputError, found none');
}

describe('scoreValues checks its store, ranking and facts', () => {
  it('the store: unknown keys and wrong types (once accepted silently)', () => {
    expect(pathsOf({ ...base, store: { id: 's', nmae: 'x' } })).toEqual(['store.nmae']);
    expect(pathsOf({ ...base, store: 5 })).toEqual(['store']);
    expect(pathsOf({ ...base, store: { id: 7 } })).toEqual(['store.id']);
  });

  it('the ranking: its rate, its keys, a module ranking for an unknown module', () => {
    expect(pathsOf({ ...base, ranking: { rate: 91 } })).toEqual(['ranking.rate']);
    expect(pathsOf({ ...base, ranking: { rate: 0.9, rank: 1 } })).toEqual(['ranking.rank']);
    expect(
      pathsOf({ ...base, ranking: { rate: 0.9, modules: { shipping: 0.5, reviews: 'high' } } }),
    ).toEqual(['ranking.modules.shipping', 'ranking.modules.reviews']);
    expect(pathsOf({ ...base, ranking: 'top' })).toEqual(['ranking']);
  });

  it('the facts: unknown keys, wrong types (once a library error only by chance, deep inside)', () => {
    expect(
      pathsOf({
        ...base,
        ranking: { rate: 0.9 },
        facts: { goodshop: {}, chatMonth: { ratings: 'x', satisfaction: 2 } },
      }),
    ).toEqual([
      'facts.goodshop',
      'facts.chatMonth.ratings',
      'facts.chatMonth.consultations',
      'facts.chatMonth.satisfaction',
      'facts.chatMonth.messageRate',
      'facts.chatMonth.averageResponseSeconds',
    ]);
    expect(
      pathsOf({ ...base, facts: { goodShop: { certified: 'yes', baseline: { integrity: 1 } } } }),
    ).toEqual(['facts.goodShop.certified', 'facts.goodShop.baseline.integrity']);
  });

  it('a __proto__ key anywhere is named, not dropped', () => {
    const parsed = (s: string) => JSON.parse(s);
    expect(
      pathsOf(parsed('{"asOf":"2026-11-23","metrics":{},"store":{"id":"s","__proto__":{"x":1}}}')),
    ).toEqual(['store.__proto__']);
    expect(
      pathsOf(
        parsed(
          '{"asOf":"2026-11-23","metrics":{},"ranking":{"rate":0.5,"modules":{"__proto__":0.5}}}',
        ),
      ),
    ).toEqual(['ranking.modules.__proto__']);
    expect(
      pathsOf(
        parsed(
          '{"asOf":"2026-11-23","metrics":{},"facts":{"goodShop":{"baseline":{"__proto__":true}}}}',
        ),
      ),
    ).toEqual(['facts.goodShop.baseline.__proto__']);
    expect(pathsOf(parsed('{"asOf":"2026-11-23","metrics":{"__proto__":0.1}}'))).toEqual([
      'metrics.__proto__',
    ]);
    expect(
      pathsOf(parsed('{"asOf":"2026-11-23","metrics":{},"industryAverages":{"__proto__":0.1}}')),
    ).toEqual(['industryAverages.__proto__']);
  });

  it('law: whatever a JavaScript caller passes, only the library errors', () => {
    const fields = [
      'store',
      'asOf',
      'metrics',
      'goodReviewRate',
      'services',
      'industryAverages',
      'peers',
      'ranking',
      'facts',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.anything(), (field, value) => {
        try {
          scoreValues({ ...base, [field]: value } as never);
        } catch (e) {
          expect(e).toBeInstanceOf(WeatherVaneError);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (input, options) => {
        try {
          scoreValues(input as never, options as never);
        } catch (e) {
          expect(e).toBeInstanceOf(WeatherVaneError);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('whatIf checks its change as strictly', () => {
  const data = parseStoreData(JSON.parse(readFileSync('examples/sample-store.json', 'utf8')));
  const card = evaluateStore(data, { asOf: '2026-11-23', ranking: { rate: 0.9 } });
  const changePaths = (change: unknown) => {
    try {
      whatIf(card, change as never);
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      return (e as InvalidInputError).issues.map((i) => i.path);
    }
    throw new Error('expected an InvalidInputError, found none');
  };

  it('module rankings for an unknown module or out of range, metrics that are not an object', () => {
    expect(changePaths({ moduleRankings: { shipping: 0.5, logistics: 5 } })).toEqual([
      'moduleRankings.shipping',
      'moduleRankings.logistics',
    ]);
    expect(changePaths({ moduleRankings: 'x' })).toEqual(['moduleRankings']);
    expect(changePaths({ metrics: null })).toEqual(['metrics']);
    expect(changePaths({ metrics: [0.9] })).toEqual(['metrics']);
  });

  it('evaluateStore names a module ranking for an unknown module', () => {
    expect(() =>
      evaluateStore(data, {
        asOf: '2026-11-23',
        ranking: { rate: 0.9, modules: { shipping: 0.5 } as never },
      }),
    ).toThrow(ArgumentError);
  });

  it('law: whatever change a JavaScript caller passes, only the library errors', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record(
            { metrics: fc.anything(), open: fc.anything(), moduleRankings: fc.anything() },
            { requiredKeys: [] },
          ),
        ),
        (change) => {
          try {
            whatIf(card, change as never);
          } catch (e) {
            expect(e).toBeInstanceOf(WeatherVaneError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
