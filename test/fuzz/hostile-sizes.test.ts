/**
 * Hostile sizes: each is scored (equal to the independent baseline of `bench/baseline.ts`) or
 * rejected with a clear error, never a stack overflow or a hang. No timed assertion: the work
 * is linear by construction (one pass, sorted merges, issues appended one by one), and these
 * sizes are past the limits a recursion or a spread into function arguments would hit
 * (about 120 000 arguments here).
 */

import { describe, expect, it } from 'vitest';
import { baselineMetrics } from '../../bench/baseline.js';
import { compareWithLibrary } from '../../bench/compare.js';
import { InvalidInputError } from '../../src/errors.js';
import { evaluateHistory, evaluateStore } from '../../src/evaluate/evaluate.js';
import { STORE_DATA_COLLECTIONS } from '../../src/model.js';
import { parseStoreData, parseStoreDataLenient } from '../../src/schemas/parse.js';

const T0 = Date.parse('2026-11-01T01:00:00Z'); // 2026-11-01 09:00 Shanghai
const AS_OF = '2026-11-20';
const MINUTE = 60_000;

/** Scores `input` and checks it against the baseline; returns the scorecard. */
function scoredLikeBaseline(input: unknown) {
  // Every collection given (empty when absent): the baseline loop measures, it does not know
  // which collections were provided.
  const raw = input as Record<string, unknown>;
  const given = Object.fromEntries(STORE_DATA_COLLECTIONS.map((c) => [c, raw[c] ?? []]));
  const data = parseStoreData({ ...raw, ...given });
  const card = evaluateStore(data, { asOf: AS_OF });
  expect(compareWithLibrary(baselineMetrics(data, AS_OF), card)).toEqual([]);
  return card;
}

/** `n` sessions of customer `c`, the i-th at `T0 + i · step`, answered `reply` ms later. */
function sessionsOfOne(n: number, step: number, reply: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    customerId: 'c',
    messages: [
      { from: 'customer', at: T0 + i * step },
      { from: 'agent', at: T0 + i * step + reply },
    ],
  }));
}

describe('hostile sizes', () => {
  it('a session of a million messages is scored', () => {
    const messages = Array.from({ length: 1_000_000 }, (_, i) => ({
      from: i % 2 === 0 ? 'customer' : 'agent',
      at: T0 + i * 1000,
    }));
    const card = scoredLikeBaseline({
      store: { id: 's' },
      chatSessions: [{ id: 'x', customerId: 'c', messages }],
    });
    // 500 000 replies, each 1 s after its question.
    const m = card.metrics['consultation.average-response-time'];
    expect([m.numerator?.toString(), m.denominator?.toString(), m.value?.toString()]).toEqual([
      '500000',
      '500000',
      '1',
    ]);
  });

  it('a million messages listed newest first are sorted, not recursed over', () => {
    const messages = Array.from({ length: 1_000_000 }, (_, i) => ({
      from: i % 2 === 0 ? 'agent' : 'customer',
      at: T0 + (999_999 - i) * 1000,
    }));
    const data = parseStoreData({
      store: { id: 's' },
      chatSessions: [{ id: 'x', customerId: 'c', messages }],
    });
    const sorted = data.chatSessions[0]?.messages ?? [];
    expect(sorted.length).toBe(1_000_000);
    expect([sorted[0]?.at, sorted[999_999]?.at]).toEqual([T0, T0 + 999_999_000]);
  });

  it('250 000 bad messages in one record: every issue listed, no stack overflow', () => {
    const messages = Array.from({ length: 250_000 }, (_, i) => ({ from: 'bot', at: T0 + i }));
    const input = { store: { id: 's' }, chatSessions: [{ id: 'x', customerId: 'c', messages }] };
    let error: unknown;
    try {
      parseStoreData(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const issues = (error as InvalidInputError).issues;
    expect(issues.length).toBe(250_000);
    expect(issues[249_999]?.path).toBe('chatSessions[0].messages[249999].from');
    // The message shows the first 20 and counts the rest: one screen, not 250 000 lines.
    const lines = (error as InvalidInputError).message.split('\n');
    expect(lines.length).toBe(22);
    expect(lines.at(-1)).toBe('  … and 249980 more');
    const lenient = parseStoreDataLenient(input);
    expect(lenient.rejected.map((r) => [r.index, r.issues.length])).toEqual([[0, 250_000]]);
  });

  it('a customer with 100 000 sessions a second apart: merged into one, scored', () => {
    const chatSessions = sessionsOfOne(100_000, 1000, 500);
    const card = scoredLikeBaseline({ store: { id: 's' }, chatSessions });
    const m = card.metrics['consultation.response-rate-30s'];
    expect([m.numerator?.toString(), m.denominator?.toString()]).toEqual(['1', '1']);
  });

  it('a customer with 100 000 sessions 11 minutes apart: none merged, scored', () => {
    const chatSessions = sessionsOfOne(100_000, -11 * MINUTE, 40_000);
    const card = scoredLikeBaseline({ store: { id: 's' }, chatSessions });
    const m = card.metrics['consultation.response-rate-30s'];
    expect(m.numerator?.toString()).toBe('0');
    expect(Number(m.denominator?.toString())).toBeGreaterThan(1000);
  });

  it('100 000 orders on one day, of one customer who chatted 100 000 times', () => {
    const chatSessions = sessionsOfOne(100_000, 100, 50);
    const orders = Array.from({ length: 100_000 }, (_, i) => ({
      id: `o${i}`,
      customerId: 'c',
      placedAt: T0 + i * 100,
      paidAt: T0 + i * 100 + 1,
      amount: '0.01',
      outboundAt: T0 + 600 * MINUTE,
      collectedAt: T0 + 620 * MINUTE,
      deliveredAt: T0 + 1440 * MINUTE,
    }));
    const card = scoredLikeBaseline({ store: { id: 's' }, chatSessions, orders });
    const share = card.metrics['consultation.facilitated-amount-share'];
    expect([share.numerator?.toString(), share.denominator?.toString()]).toEqual(['1000', '1000']);
    const collected = card.metrics['logistics.same-day-collection-rate'];
    expect([collected.numerator?.toString(), collected.denominator?.toString()]).toEqual([
      '100000',
      '100000',
    ]);
  });

  it('ids of 10 000 characters are scored, and quoted in messages cut at 60', () => {
    const long = 'x'.repeat(10_000);
    const order = { id: long, customerId: long, placedAt: T0, paidAt: T0 + 1, amount: 1 };
    const card = scoredLikeBaseline({
      store: { id: long },
      orders: [order],
      chatSessions: [{ id: long, customerId: long, messages: [{ from: 'customer', at: T0 }] }],
    });
    expect(card.store.id.length).toBe(10_000);
    expect(() => parseStoreData({ store: { id: 's' }, orders: [order, order] })).toThrow(
      `orders[1].id: duplicate id "${'x'.repeat(60)}…", first at orders[0]`,
    );
    const lenient = parseStoreDataLenient({
      store: { id: 's' },
      disputes: [{ id: 'd', orderId: long, openedAt: T0 }],
    });
    expect(lenient.rejected[0]?.issues[0]?.message).toBe(
      `expected the id of an order in orders, found "${'x'.repeat(60)}…" (no such order)`,
    );
  });

  it('an instant of 100 000 characters is rejected with a one-line message', () => {
    expect(() =>
      parseStoreData({
        store: { id: 's' },
        orders: [{ id: 'o', customerId: 'c', placedAt: ' '.repeat(100_000), amount: 1 }],
      }),
    ).toThrow(/found " {60}…"$/);
  });

  it('a history longer than 10 000 days is refused before any work', () => {
    const data = parseStoreData({ store: { id: 's' } });
    expect(() => evaluateHistory(data, { from: '1992-01-01', to: '2099-12-31' })).toThrow(/10000/);
  });
});
