import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateHistory, evaluateStore } from '../../src/evaluate/evaluate.js';
import type { StoreData } from '../../src/model.js';
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

  it('the host time zone never changes a result (child processes, one per zone)', () => {
    // Offsets on 2026-01-01 prove each child runs in its zone (as getTimezoneOffset gives them).
    const zones: [string, number][] = [
      ['Asia/Shanghai', -480],
      ['UTC', 0],
      ['Pacific/Kiritimati', -840],
      ['Pacific/Pago_Pago', 660],
      ['America/Los_Angeles', 480],
    ];
    const stores = fc.sample(storeArb, { numRuns: 40, seed: 20261127 });
    const raw = [JSON.parse(readFileSync('test/fixtures/schema-store.json', 'utf8'))];
    const input = JSON.stringify({ stores, raw, asOf: AS_OF });
    const child = fileURLToPath(new URL('./_tz-child.ts', import.meta.url));
    const results = zones.map(([zone, offset]) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', child], {
        input,
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as { offset: number };
      expect([zone, out.offset]).toEqual([zone, offset]);
      return JSON.stringify({ ...out, offset: undefined });
    });
    for (const r of results) expect(r).toBe(results[0]);
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
