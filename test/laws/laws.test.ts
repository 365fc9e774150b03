import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/model.js';
import { evaluateHistory, evaluateStore } from '../../src/scorecard/evaluateStore.js';
import { dayKeyOf, parseDayKey } from '../../src/time/shanghai.js';
import { AS_OF, AS_OF_MS, mapInstants, storeArb } from './_arbitraries.js';

const card = (data: StoreData, asOf = AS_OF) =>
  JSON.stringify(evaluateStore(data, { asOf }).metrics);

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('laws over whole random stores (all nineteen metrics)', () => {
  it('record order never changes a result', () => {
    fc.assert(
      fc.property(storeArb, fc.integer(), (data, seed) => {
        const other: StoreData = {
          ...data,
          chatSessions: shuffled(data.chatSessions, seed),
          orders: shuffled(data.orders, seed + 1),
          reviews: shuffled(data.reviews, seed + 2),
          serviceOrders: shuffled(data.serviceOrders, seed + 3),
          disputes: shuffled(data.disputes, seed + 4),
        };
        expect(card(other)).toBe(card(data));
      }),
      { numRuns: 150 },
    );
  });

  it('nothing stamped at or after the as-of instant changes a result', () => {
    fc.assert(
      fc.property(storeArb, fc.integer({ min: 0, max: 400 * 86_400_000 }), (data, shift) => {
        // Move every not-yet-happened instant further into the future (order within records kept).
        const moved = mapInstants(data, (t) => (t >= AS_OF_MS ? t + shift : t));
        expect(card(moved)).toBe(card(data));
      }),
      { numRuns: 150 },
    );
  });

  it('the host time zone never changes a result', () => {
    const zones = [
      'Asia/Shanghai',
      'UTC',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Europe/London',
    ];
    const original = process.env.TZ;
    try {
      fc.assert(
        fc.property(storeArb, fc.constantFrom(...zones), (data, zone) => {
          process.env.TZ = original;
          const here = card(data);
          process.env.TZ = zone;
          expect(new Date(0).getTimezoneOffset() === 0 || zone !== 'UTC').toBe(true);
          expect(card(data)).toBe(here);
        }),
        { numRuns: 60 },
      );
    } finally {
      process.env.TZ = original;
    }
  });

  it('evaluateHistory equals evaluateStore for every day, facts known later included', () => {
    fc.assert(
      fc.property(
        storeArb,
        fc.integer({ min: -60, max: 5 }),
        fc.integer({ min: 0, max: 40 }),
        (data, start, len) => {
          const from = parseDayKey(AS_OF) + start;
          const days = evaluateHistory(data, { from: dayKeyOf(from), to: dayKeyOf(from + len) });
          expect(days).toHaveLength(len + 1);
          for (const d of days) expect(JSON.stringify(d.metrics)).toBe(card(data, d.asOf));
        },
      ),
      { numRuns: 60 },
    );
  });
});
