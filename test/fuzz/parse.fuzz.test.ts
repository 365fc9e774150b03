/**
 * Fuzzed input: arbitrary JSON, and a valid store with one field corrupted at a time.
 *
 * `parseStoreData` returns a store or throws `InvalidInputError` naming the corrupted record,
 * never anything else; `parseStoreDataLenient` sets aside exactly the corrupted record (and,
 * for an order whose id was corrupted, the records naming that order) and keeps every other
 * one; nothing parsed or evaluated holds NaN or ±Infinity; nothing is written to
 * `Object.prototype`.
 *
 * Runs with a fixed seed in `npm test`; `FUZZ_RUNS=20000 npx vitest run test/fuzz` for a
 * longer run (`FUZZ_SEED=…` to change the seed).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { parseStoreData, parseStoreDataLenient } from '../../src/schemas/parse.js';
import fixture from '../fixtures/schema-store.json' with { type: 'json' };

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const params = { numRuns: RUNS, seed: SEED, endOnFailure: true };
const AS_OF = '2026-11-20';

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  // Nothing written to Object.prototype, by any run of any property.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

/** Every number reachable from `v` (Decimal values through `isFinite()`) is finite. */
function nonFinite(v: unknown, path = '$', seen = new Set<unknown>()): string[] {
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [`${path} = ${v}`];
  if (typeof v !== 'object' || v === null || seen.has(v)) return [];
  seen.add(v);
  const d = v as { isFinite?: unknown; toString(): string };
  if (
    typeof d.isFinite === 'function' &&
    typeof (v as { toFixed?: unknown }).toFixed === 'function'
  )
    return (d.isFinite as () => boolean).call(v) ? [] : [`${path} = ${d.toString()}`];
  const out: string[] = [];
  for (const [k, x] of Object.entries(v)) out.push(...nonFinite(x, `${path}.${k}`, seen));
  return out;
}

function show(v: unknown): string {
  try {
    return typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** Parses in both modes and evaluates what parsed; returns what happened. */
function run(input: unknown) {
  let strict: { ok: true; data: unknown } | { ok: false; error: unknown };
  try {
    strict = { ok: true, data: parseStoreData(input) };
  } catch (error) {
    strict = { ok: false, error };
  }
  let lenient: ReturnType<typeof parseStoreDataLenient> | undefined;
  let lenientError: unknown;
  try {
    lenient = parseStoreDataLenient(input);
  } catch (error) {
    lenientError = error;
  }
  return { strict, lenient, lenientError };
}

function expectClean(data: unknown): void {
  expect(nonFinite(data)).toEqual([]);
  const card = evaluateStore(data as Parameters<typeof evaluateStore>[0], { asOf: AS_OF });
  expect(nonFinite(card)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Hostile values

const deep = (depth: number, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
};

const HOSTILE: readonly unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  1e21,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  10n,
  '',
  ' ',
  '0',
  '-0',
  '-1',
  'NaN',
  'Infinity',
  '1e3',
  '0x10',
  '19.999',
  '９９',
  '2026-02-30 10:00:00',
  '2026-02-29T10:00:00+08:00',
  '2026-13-01 00:00:00',
  '2026-11-01T24:00:00+08:00',
  '2026-11-01T09:00:00+25:00',
  '2026-11-01T09:00:00+14:60',
  '2016-12-31T23:59:60Z',
  '2026-11-01T09:00:60+08:00',
  '\uFEFF2026-11-01 09:00:00',
  '2026-11-01 09:00:00\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFFx\uD83D',
  '1900-01-01 00:00:00',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00Z',
  'x'.repeat(100_000),
  '9'.repeat(400),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  new Date(Number.NaN),
  new Date('2026-11-01T01:00:00Z'),
  [],
  {},
  [1, 2],
  deep(5_000, 1),
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  Symbol('s'),
  () => 1,
  Object.create(null),
  Object.assign(Object.create(null), { id: 'x', from: 'customer', at: 1793494800000 }),
  new String('19.99'),
  new Number(5),
];

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  {
    weight: 1,
    arbitrary: fc.anything({
      maxDepth: 2,
      withBoxedValues: true,
      withNullPrototype: true,
      withSparseArray: true,
      withDate: true,
      withMap: true,
      withBigInt: true,
      withObjectString: true,
      withTypedArray: true,
    }),
  },
);

// ---------------------------------------------------------------------------------------------
// Where to corrupt

type Collection =
  | 'chatSessions'
  | 'orders'
  | 'reviews'
  | 'serviceOrders'
  | 'disputes'
  | 'assuredServices';

const FIELDS: Record<Collection, readonly (string | null)[]> = {
  // null: the record itself.
  chatSessions: [
    null,
    'id',
    'customerId',
    'kind',
    'stage',
    'messages',
    'messages.0',
    'messages.0.from',
    'messages.0.at',
    'messages.1.at',
    'rating',
    'ratedAt',
    '__proto__',
  ],
  orders: [
    null,
    'id',
    'customerId',
    'placedAt',
    'paidAt',
    'cashOnDelivery',
    'amount',
    'units',
    'cancelledAt',
    'outboundAt',
    'collectedAt',
    'deliveredAt',
    'constructor',
  ],
  reviews: [null, 'id', 'customerId', 'orderId', 'createdAt', 'stars', 'repliedAt', 'excluded'],
  serviceOrders: [
    null,
    'id',
    'orderId',
    'type',
    'reason',
    'appliedAt',
    'approvedAt',
    'rejectedAt',
    'completedAt',
    'rating',
    'ratedAt',
  ],
  disputes: [null, 'id', 'orderId', 'openedAt', 'ruling', 'ruledAt', 'appealUpheldAt'],
  assuredServices: [null, 'service', 'enabledAt', 'disabledAt'],
};

const COLLECTIONS = Object.keys(FIELDS) as Collection[];
type Base = Record<string, unknown> & { [K in Collection]: Record<string, unknown>[] };
const base = (): Base => structuredClone(fixture) as unknown as Base;

/** Sets `path` (dot-separated) on `target` to `value`, as an own property even for `__proto__`. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  fc.pre(typeof o === 'object' && o !== null);
  Object.defineProperty(o, keys.at(-1) as string, {
    value,
    enumerable: true,
    configurable: true,
    writable: true,
  });
}

const corruption = fc.constantFrom(...COLLECTIONS).chain((collection) =>
  fc.record({
    collection: fc.constant(collection),
    index: fc.nat({ max: fixture[collection].length - 1 }),
    field: fc.constantFrom(...FIELDS[collection]),
    value: hostile,
  }),
);

/** `orders[1]` → the indexes, per collection, of the records naming that order. */
function dependents(data: Base, orderId: unknown): Set<string> {
  const out = new Set<string>();
  for (const name of ['reviews', 'serviceOrders', 'disputes'] as const) {
    data[name].forEach((r, i) => {
      if (r.orderId === orderId) out.add(`${name}[${i}]`);
    });
  }
  return out;
}

interface Corruption {
  readonly collection: Collection;
  readonly index: number;
  readonly field: string | null;
  readonly value: unknown;
}

/** Corrupts one field of the fixture and checks both parsers' verdicts. */
function checkCorruption({ collection, index, field, value }: Corruption): void {
  const input = base();
  const record = `${collection}[${index}]`;
  const originalId = input[collection][index]?.id;
  if (field === null) (input[collection] as unknown[])[index] = value;
  else setPath(input[collection][index] as Record<string, unknown>, field, value);
  // A corrupted order id leaves the records that name the order dangling.
  const allowed =
    collection === 'orders' && (field === null || field === 'id')
      ? new Set([record, ...dependents(input, originalId)])
      : new Set([record]);

  const r = run(input);
  if (r.strict.ok) {
    // The corrupted value was acceptable: lenient agrees and sets nothing aside.
    expect(r.lenient?.rejected).toEqual([]);
    expect(r.lenient?.data).toEqual(r.strict.data);
    expectClean(r.strict.data);
    return;
  }
  const error = r.strict.error;
  expect(error).toBeInstanceOf(InvalidInputError);
  const paths = (error as InvalidInputError).issues.map((i) => i.path);
  expect(paths.length).toBeGreaterThan(0);
  for (const p of paths) expect(allowed).toContain(recordOf(p));
  // The issue names the corrupted field when the record survived as an object.
  if (field !== null && !field.startsWith('__') && field !== 'constructor') {
    const named = (error as InvalidInputError).issues.some(
      (i) =>
        i.path.startsWith(`${record}.${field.split('.')[0]}`) ||
        i.message.includes(field.split('.')[0] as string) ||
        (allowed.size > 1 && i.path !== record),
    );
    expect(named, JSON.stringify((error as InvalidInputError).issues)).toBe(true);
  }

  // Lenient: exactly the named records set aside, every other one kept.
  expect(r.lenient, String(r.lenientError)).toBeDefined();
  const lenient = r.lenient as ReturnType<typeof parseStoreDataLenient>;
  const rejected = lenient.rejected.map((x) => `${x.collection}[${x.index}]`);
  // A rejected order takes the records naming it along (they would dangle).
  const expected = new Set(paths.map(recordOf));
  if (collection === 'orders' && expected.has(record))
    for (const d of dependents(input, originalId)) expected.add(d);
  expect(new Set(rejected)).toEqual(expected);
  for (const name of COLLECTIONS) {
    const gone = rejected.filter((x) => x.startsWith(`${name}[`)).length;
    expect(lenient.data[name].length).toBe(input[name].length - gone);
  }
  for (const x of lenient.rejected)
    expect(x.record).toBe((input[x.collection] as unknown[])[x.index]);
  expectClean(lenient.data);
}

const recordOf = (path: string) => /^[a-zA-Z]+\[\d+\]/.exec(path)?.[0] ?? path;

describe('fuzzed input (fast-check, fixed seed)', () => {
  it('the unchanged fixture parses cleanly in both modes', () => {
    const r = run(base());
    expect(r.strict.ok).toBe(true);
    expect(r.lenient?.rejected).toEqual([]);
  });

  it('arbitrary JSON: a store or InvalidInputError, never anything else', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.constantFrom(...HOSTILE),
          fc.dictionary(
            fc.constantFrom('store', ...COLLECTIONS, '__proto__', 'constructor'),
            fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...HOSTILE)),
          ),
          fc.record({
            store: fc.oneof(fc.record({ id: fc.string() }), fc.jsonValue({ maxDepth: 2 })),
            orders: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
            chatSessions: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 4 }),
          }),
        ),
        (input) => {
          const r = run(input);
          if (!r.strict.ok) {
            expect(r.strict.error).toBeInstanceOf(InvalidInputError);
            expect((r.strict.error as InvalidInputError).issues.length).toBeGreaterThan(0);
          } else expectClean(r.strict.data);
          if (r.lenient === undefined) expect(r.lenientError).toBeInstanceOf(InvalidInputError);
          else expectClean(r.lenient.data);
        },
      ),
      params,
    );
  });

  it('one field of a valid store corrupted: only that record is named and set aside', () => {
    fc.assert(fc.property(corruption, checkCorruption), params);
  });

  it('every field of every record, with every listed hostile value', () => {
    let cases = 0;
    for (const collection of COLLECTIONS)
      for (let index = 0; index < fixture[collection].length; index++)
        for (const field of FIELDS[collection])
          for (const value of HOSTILE) {
            try {
              checkCorruption({ collection, index, field, value });
            } catch (e) {
              // fc.pre: the field's parent does not exist in this record.
              if (e instanceof Error && e.constructor.name === 'PreconditionFailure') continue;
              throw new Error(`${collection}[${index}].${field} = ${show(value)}: ${e}`);
            }
            cases++;
          }
    expect(cases).toBeGreaterThan(3000);
  });

  it('the store or a whole collection corrupted: InvalidInputError naming it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('store', 'store.id', 'store.name', 'store.category', ...COLLECTIONS),
        hostile,
        (where, value) => {
          const input = base();
          setPath(input, where, value);
          const r = run(input);
          if (r.strict.ok) {
            expectClean(r.strict.data);
            return;
          }
          expect(r.strict.error).toBeInstanceOf(InvalidInputError);
          const top = where.split('.')[0] as string;
          // Without readable orders, the records naming an order name no known order.
          const dangling = /^(reviews|serviceOrders|disputes)\[\d+\]\.orderId$/;
          for (const i of (r.strict.error as InvalidInputError).issues)
            expect(
              i.path.startsWith(top) || (top === 'orders' && dangling.test(i.path)),
              i.path,
            ).toBe(true);
          // An absent (null) or empty orders collection is no problem of its own.
          if (value !== null && value !== undefined && !(top === 'orders' && Array.isArray(value)))
            expect(
              (r.strict.error as InvalidInputError).issues.some((i) => i.path.startsWith(top)),
            ).toBe(true);
          if (where.startsWith('store')) expect(r.lenientError).toBeInstanceOf(InvalidInputError);
          else if (r.lenient === undefined)
            expect(r.lenientError).toBeInstanceOf(InvalidInputError);
          else expectClean(r.lenient.data);
        },
      ),
      params,
    );
  });

  it('ids and customer ids that are Object.prototype keys are plain ids', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'),
        (id) => {
          const input = base();
          for (const name of ['chatSessions', 'orders', 'reviews'] as const)
            for (const r of input[name]) r.customerId = id;
          input.orders[0] = { ...input.orders[0], id };
          for (const name of ['reviews', 'serviceOrders'] as const)
            for (const r of input[name]) if (r.orderId === '250001') r.orderId = id;
          const data = parseStoreData(input);
          expect(data.orders[0]?.id).toBe(id);
          expect(data.chatSessions.map((s) => s.customerId)).toEqual([id, id]);
          const clean = evaluateStore(parseStoreData(base()), { asOf: AS_OF });
          const card = evaluateStore(data, { asOf: AS_OF });
          // Renaming every customer and an order changes no metric.
          for (const [k, m] of Object.entries(card.metrics))
            expect([k, m.value?.toString()]).toEqual([
              k,
              clean.metrics[k as keyof typeof clean.metrics].value?.toString(),
            ]);
        },
      ),
      { ...params, numRuns: 5 },
    );
  });
});
