/**
 * A `__proto__` key (JSON.parse keeps it as an own key) is named wherever it is in store data,
 * never dropped unseen by a schema.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { parseStoreData } from '../../src/schemas/parse.js';

function pathsOf(json: string): string[] {
  try {
    parseStoreData(JSON.parse(json));
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).issues.map((i) => i.path);
  }
  throw new Error('expected an InvalidInputError, found none');
}

describe('a __proto__ key in store data is named, not dropped', () => {
  it('in the store, its category, a record, a record inside a record', () => {
    expect(pathsOf('{"store":{"id":"s","__proto__":1}}')).toEqual(['store.__proto__']);
    expect(pathsOf('{"store":{"id":"s","category":{"level1":"a","__proto__":1}}}')).toEqual([
      'store.category.__proto__',
    ]);
    expect(
      pathsOf(
        '{"store":{"id":"s"},"orders":[{"id":"o","customerId":"c","placedAt":"2026-11-01 10:00:00","amount":1,"__proto__":{"x":1}}]}',
      ),
    ).toEqual(['orders[0].__proto__']);
    expect(
      pathsOf(
        '{"store":{"id":"s"},"chatSessions":[{"id":"c1","customerId":"c","messages":[{"from":"customer","at":"2026-11-01 10:00:00","__proto__":1}]}]}',
      ),
    ).toEqual(['chatSessions[0].messages[0].__proto__']);
  });

  it('alongside the record own issues', () => {
    expect(
      pathsOf(
        '{"store":{"id":"s"},"orders":[{"id":"o","customerId":"c","placedAt":"nope","amount":1,"__proto__":1}]}',
      ),
    ).toEqual(['orders[0].placedAt', 'orders[0].__proto__']);
  });
});
