/**
 * The id arena (`src/_idArena.ts`): any JS string goes in and comes out the same (non-ASCII,
 * astral characters, lone surrogates, empty, very long), an absent id stays absent; hashes and
 * comparisons on the stored code units agree with the strings; it grows, is posted between
 * threads as moved buffers and appended, and keeps the rows of a mask. The tables over it
 * number and find ids as a `Map` of the strings would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashOf, IdArena, IdTable, Interner } from '../../src/_idArena.js';
import { parseStoreData } from '../../src/schemas/parse.js';

/** Any string: UTF-16 code units at random, lone surrogates included. */
const anyString = fc.string({ unit: 'binary', maxLength: 40 });
/** Strings likely to repeat (a few short ones), for hashing and tables. */
const fewStrings = fc.constantFrom(
  '',
  'a',
  'é',
  'ÿ',
  'Ā',
  '\ud800',
  '\udc00',
  '😀',
  'a\ud800',
  '订单',
);
const anyId = fc.option(fc.oneof(anyString, fewStrings), { nil: undefined });

/** Every id of `a`, as strings. */
const listOf = (a: IdArena): (string | undefined)[] =>
  Array.from({ length: a.length }, (_, i) => a.at(i));

/** The arena of `list`, pushed one at a time from a small room (so that it grows). */
function pushed(list: readonly (string | undefined)[]): IdArena {
  const a = new IdArena(1, 1);
  for (const s of list) a.push(s);
  return a;
}

/** `a`'s fields sent through a structured clone that moves its buffers, as to a thread. */
function posted(a: IdArena): IdArena {
  const { fields, transfer } = a.fields();
  return IdArena.fromFields(structuredClone(fields, { transfer }));
}

describe('IdArena', () => {
  it('gives back every string exactly, and an absent id as undefined', () => {
    fc.assert(
      fc.property(fc.array(anyId, { maxLength: 60 }), (list) => {
        expect(listOf(pushed(list))).toStrictEqual(list);
        expect(listOf(IdArena.from(list))).toStrictEqual(list);
      }),
    );
  });

  it('tells an empty id from an absent one', () => {
    const a = IdArena.from(['', undefined, '', 'x', undefined]);
    expect(listOf(a)).toStrictEqual(['', undefined, '', 'x', undefined]);
    expect(a.isAbsent(0)).toBe(false);
    expect(a.isAbsent(1)).toBe(true);
    expect(a.equals(0, '')).toBe(true);
    expect(a.equals(1, '')).toBe(false);
    expect(a.equalsAt(0, a, 1)).toBe(false);
    expect(a.equalsAt(1, a, 4)).toBe(true);
  });

  it('keeps one byte a unit while every unit is below 256, two from the first that is not', () => {
    const a = IdArena.from(['abc', 'é', 'ÿ\u0080']);
    expect(a.wide).toBe(false);
    expect(a.units).toBeInstanceOf(Uint8Array);
    a.push('Ā');
    expect(a.wide).toBe(true);
    a.push('\ud83d\ude00');
    a.push('\udfff');
    expect(listOf(a)).toStrictEqual(['abc', 'é', 'ÿ\u0080', 'Ā', '😀', '\udfff']);
  });

  it('gives back very long ids (past one fromCharCode call), narrow and wide', () => {
    const narrow = 'x'.repeat(50_000);
    const wide = `${'订'.repeat(30_000)}\ud800${'y'.repeat(20_000)}`;
    const a = IdArena.from([narrow, wide, narrow]);
    expect(a.at(0)).toBe(narrow);
    expect(a.at(1)).toBe(wide);
    expect(a.equalsAt(0, a, 2)).toBe(true);
    expect(a.hashAt(1)).toBe(hashOf(wide));
  });

  it('hashes and compares the stored units as the strings they stand for', () => {
    fc.assert(
      fc.property(
        fc.array(anyId, { maxLength: 30 }),
        fc.oneof(anyString, fewStrings),
        (list, s) => {
          const a = pushed(list);
          const b = IdArena.from([...list].reverse());
          list.forEach((x, i) => {
            if (x !== undefined) expect(a.hashAt(i)).toBe(hashOf(x));
            expect(a.equals(i, s)).toBe(x === s);
            list.forEach((y, j) => {
              expect(a.equalsAt(i, b, list.length - 1 - j)).toBe(x === y);
            });
          });
        },
      ),
    );
  });

  it('grows from any room and from a reservation, keeping what it held', () => {
    fc.assert(
      fc.property(
        fc.array(anyId, { maxLength: 80 }),
        fc.nat(40),
        fc.nat(100),
        (list, ids, units) => {
          const a = new IdArena(ids, units);
          for (const s of list.slice(0, 10)) a.push(s);
          a.reserve(list.length + ids, units * 3);
          for (const s of list.slice(10)) a.push(s);
          expect(listOf(a)).toStrictEqual(list);
          expect(listOf(a.trim())).toStrictEqual(list);
          a.push('after');
          expect(a.at(list.length)).toBe('after');
        },
      ),
    );
  });

  it('is posted as moved buffers and appended, batch after batch, as one list', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyId, { maxLength: 12 }), { maxLength: 6 }), (batches) => {
        const all = new IdArena(1, 1);
        for (const batch of batches) {
          const sent = pushed(batch);
          const got = posted(sent);
          // Moved, not copied: the sender's buffers are gone.
          expect(sent.units.byteLength).toBe(0);
          expect(listOf(got)).toStrictEqual(batch);
          all.appendAll(got);
        }
        expect(listOf(all)).toStrictEqual(batches.flat());
      }),
    );
  });

  it('appends a wide batch to a narrow arena and a narrow one to a wide arena', () => {
    const a = IdArena.from(['ab', undefined]);
    a.appendAll(IdArena.from(['订单', '\ud800']));
    expect(a.wide).toBe(true);
    a.appendAll(IdArena.from(['é', undefined, '']));
    expect(listOf(a)).toStrictEqual(['ab', undefined, '订单', '\ud800', 'é', undefined, '']);
  });

  it('copies single ids across arenas', () => {
    fc.assert(
      fc.property(fc.array(anyId, { maxLength: 30 }), (list) => {
        const a = IdArena.from(list);
        const b = new IdArena(1, 1);
        for (let i = list.length - 1; i >= 0; i--) b.pushFrom(a, i);
        expect(listOf(b)).toStrictEqual([...list].reverse());
      }),
    );
  });

  it('keeps the ids of a mask', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyId, fc.boolean()), { maxLength: 40 }), (rows) => {
        const a = IdArena.from(rows.map(([s]) => s));
        const mask = Uint8Array.from(rows.map(([, k]) => (k ? 1 : 0)));
        const kept = a.keep(mask);
        expect(listOf(kept)).toStrictEqual(rows.filter(([, k]) => k).map(([s]) => s));
      }),
    );
  });
});

describe('IdTable and Interner', () => {
  it('find the first id equal to another, as a Map of the strings does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fewStrings, { nil: undefined }), { maxLength: 200 }),
        (list) => {
          const ids = new IdArena(1, 1);
          const table = new IdTable(ids);
          const first = new Map<string, number>();
          list.forEach((s, i) => {
            ids.push(s);
            const want = s === undefined ? -1 : (first.get(s) ?? i);
            if (s !== undefined && !first.has(s)) first.set(s, i);
            expect(table.add(i)).toBe(want);
          });
          const probe = IdArena.from(['', 'a', '\ud800', 'not there', undefined]);
          for (let j = 0; j < probe.length; j++) {
            const s = probe.at(j);
            const want = s === undefined ? -1 : (first.get(s) ?? -1);
            expect(table.findAt(probe, j)).toBe(want);
            if (s !== undefined) expect(table.find(s)).toBe(want);
          }
        },
      ),
    );
  });

  it('number distinct ids in the order first met, from strings or from another arena', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fewStrings, anyString), { maxLength: 300 }), (list) => {
        const byString = new Interner();
        const byArena = new Interner();
        const src = IdArena.from(list);
        const numbers = new Map<string, number>();
        list.forEach((s, j) => {
          if (!numbers.has(s)) numbers.set(s, numbers.size);
          expect(byString.id(s)).toBe(numbers.get(s));
          expect(byArena.idAt(src, j)).toBe(numbers.get(s));
        });
        expect(listOf(byString.table)).toStrictEqual([...numbers.keys()]);
        expect(listOf(byArena.table)).toStrictEqual([...numbers.keys()]);
        for (const [s, k] of numbers) expect(byArena.find(s)).toBe(k);
        expect(byString.find('\u0000never')).toBe(list.includes('\u0000never') ? 0 : -1);
      }),
    );
  });
});

describe('a parsed store with ids of any characters', () => {
  it('gives the records back with the very ids given', () => {
    const ids = ['订单😀', 'a\ud800', '\udc00', 'é', 'x'.repeat(5000), '\ud83d'];
    const data = parseStoreData({
      store: { id: 's' },
      orders: ids.map((id, i) => ({
        id,
        customerId: `客户${ids[(i + 1) % ids.length]}`,
        placedAt: 1_790_000_000_000 + i,
        amount: '1.00',
      })),
      reviews: ids.map((id, i) => ({
        id: `${id}-r`,
        customerId: `${id}\udfff`,
        ...(i % 2 === 0 ? { orderId: id } : {}),
        createdAt: 1_790_000_100_000,
        stars: 5,
      })),
    });
    expect(data.orders.map((o) => [o.id, o.customerId])).toStrictEqual(
      ids.map((id, i) => [id, `客户${ids[(i + 1) % ids.length]}`]),
    );
    expect(data.reviews.map((r) => [r.id, r.customerId, r.orderId])).toStrictEqual(
      ids.map((id, i) => [`${id}-r`, `${id}\udfff`, i % 2 === 0 ? id : undefined]),
    );
    expect(Object.keys(data.reviews[1] as object)).toContain('orderId');
  });
});
