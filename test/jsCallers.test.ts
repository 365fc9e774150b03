/**
 * A JavaScript caller without types gets the library's errors: every exported function, given
 * wrong-typed arguments, throws a WeatherVaneError (or answers), never a TypeError or a
 * DecimalError from deep inside.
 */
import { describe, expect, it } from 'vitest';
import { ArgumentError, InvalidInputError, WeatherVaneError } from '../src/errors.js';
import * as lib from '../src/index.js';
import { compositeScore } from '../src/scoring/aggregate.js';

const JUNK: unknown[] = [
  undefined,
  null,
  'abc',
  5,
  Number.NaN,
  {},
  [],
  true,
  { asOf: '2026-11-23' },
];

describe('a JavaScript caller without types gets the library errors', () => {
  it('the two named cases', () => {
    expect(() => lib.parseStoreData({ store: { id: 's' }, reviews: [undefined] })).toThrow(
      InvalidInputError,
    );
    expect(() => compositeScore({}, 'abc' as never)).toThrow(ArgumentError);
    expect(() => compositeScore({}, 'abc' as never)).toThrow(/expected module weights/);
  });

  const functions = Object.entries(lib).filter(
    ([name, f]) => typeof f === 'function' && /^[a-z]/.test(name),
  ) as [string, (...args: unknown[]) => unknown][];
  it.each(functions)('%s', (_, f) => {
    for (const a of JUNK)
      for (const b of [undefined, ...JUNK]) {
        try {
          f(a, b);
        } catch (e) {
          if (!(e instanceof WeatherVaneError))
            throw new Error(`(${String(a)}, ${JSON.stringify(b)}): ${(e as Error).message}`);
        }
      }
  });
});
