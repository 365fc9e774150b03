/**
 * The parsers' hidden note of a store's latest fact (what lets a forecast from "now" skip the
 * knowledge cut-off). Its only promise: never earlier than a fact of the data it sits on, and
 * absent from data that changed since it was taken.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isParsedStoreData,
  parseStoreData,
  parseStoreDataLenient,
  storeDataSchema,
} from '../src/index.js';
import { LATEST_FACT_OF, latestFactMs, type Review } from '../src/model.js';
import { readStoreDir, writeStoreDir } from '../src/node/index.js';

/** Every instant of every record, collected field by field from the input's epoch-ms form. */
function latestOfInput(json: Record<string, unknown[]>): number {
  let max = Number.NEGATIVE_INFINITY;
  const visit = (v: unknown, key: string) => {
    if (Array.isArray(v)) for (const x of v) visit(x, key);
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) visit(x, k);
    else if (typeof v === 'number' && (key.endsWith('At') || key === 'at')) max = Math.max(max, v);
  };
  for (const [k, v] of Object.entries(json)) if (k !== 'store') visit(v, k);
  return max;
}

const sh = (s: string) => Date.parse(`${s.replace(' ', 'T')}+08:00`);

// Each collection holds the store's latest fact once, in a field other than its creation.
const input = {
  store: { id: 's1' },
  orders: [
    {
      id: 'o1',
      customerId: 'c1',
      placedAt: sh('2026-11-01 09:00'),
      amount: 10,
      paidAt: sh('2026-11-01 09:01'),
      deliveredAt: sh('2026-11-03 10:00'),
    },
  ],
  chatSessions: [
    {
      id: 'c-1',
      customerId: 'c1',
      messages: [
        { from: 'customer', at: sh('2026-11-02 09:00') },
        { from: 'agent', at: sh('2026-11-02 09:05') },
      ],
      rating: 'satisfied',
      ratedAt: sh('2026-11-02 10:00'),
    },
  ],
  reviews: [
    {
      id: 'r1',
      customerId: 'c1',
      orderId: 'o1',
      createdAt: sh('2026-11-04 09:00'),
      stars: 2,
      repliedAt: sh('2026-11-04 20:00'),
    },
  ],
  serviceOrders: [
    {
      id: 'so1',
      orderId: 'o1',
      type: 'return',
      reason: 'quality',
      appliedAt: sh('2026-11-05 09:00'),
      approvedAt: sh('2026-11-05 10:00'),
      completedAt: sh('2026-11-06 11:00'),
    },
  ],
  disputes: [
    {
      id: 'd1',
      orderId: 'o1',
      openedAt: sh('2026-11-06 09:00'),
      ruling: 'customer',
      ruledAt: sh('2026-11-07 09:00'),
      appealUpheldAt: sh('2026-11-08 09:00'),
    },
  ],
  assuredServices: [
    {
      service: 'price-protection',
      enabledAt: sh('2026-10-01 00:00'),
      disabledAt: sh('2026-11-09 00:00'),
    },
  ],
};

describe('the latest fact the parsers note', () => {
  it('is the latest instant of any field of any record, whichever parser read them', async () => {
    const expected = latestOfInput(input as never);
    expect(expected).toBe(sh('2026-11-09 00:00'));
    expect(latestFactMs(parseStoreData(input))).toBe(expected);
    expect(latestFactMs(parseStoreDataLenient(input).data)).toBe(expected);
    expect(latestFactMs(storeDataSchema.parse(input))).toBe(expected);
    const dir = await mkdtemp(join(tmpdir(), 'jwv-latest-'));
    try {
      await writeStoreDir(dir, input);
      expect(latestFactMs(await readStoreDir(dir))).toBe(expected);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('takes each collection latest field in turn', () => {
    // Drop the later collections one by one: the note follows the latest that remains.
    const order = [
      'assuredServices',
      'disputes',
      'serviceOrders',
      'reviews',
      'chatSessions',
    ] as const;
    const partial: Record<string, unknown> = { ...input };
    for (const name of order) {
      delete partial[name];
      expect(latestFactMs(parseStoreData(partial))).toBe(latestOfInput(partial as never));
    }
    expect(latestFactMs(parseStoreData(partial))).toBe(sh('2026-11-03 10:00'));
    expect(latestFactMs(parseStoreData({ store: { id: 's1' } }))).toBe(Number.NEGATIVE_INFINITY);
  });

  it('is never earlier than a fact the lenient parser keeps', () => {
    // The second review is set aside (an unknown order): the note may count it, not miss o1's.
    const withBad = {
      ...input,
      reviews: [
        ...input.reviews,
        { id: 'r2', customerId: 'c1', orderId: 'o9', createdAt: sh('2026-11-20 09:00'), stars: 5 },
      ],
    };
    const { data, rejected } = parseStoreDataLenient(withBad);
    expect(rejected.map((r) => [r.collection, r.index])).toEqual([['reviews', 1]]);
    expect(latestFactMs(data)).toBeGreaterThanOrEqual(latestOfInput(input as never));
  });

  it('is gone from data built by a spread, and from data whose collections grew since', () => {
    const data = parseStoreData(input);
    // A spread keeps the brand (enumerable) and leaves the note (not enumerable).
    expect(isParsedStoreData({ ...data })).toBe(true);
    expect(latestFactMs({ ...data })).toBeUndefined();
    expect(latestFactMs(data)).toBe(sh('2026-11-09 00:00'));
    const later: Review = {
      id: 'r9',
      customerId: 'c1',
      createdAt: sh('2026-12-01 09:00'),
      stars: 1,
      excluded: false,
    };
    (data.reviews as Review[]).push(later);
    expect(latestFactMs(data)).toBeUndefined();
  });

  it('reads every instant field of every kind of record', () => {
    // Each field alone later than the others: the record's latest fact is that field's.
    const fields = {
      chatSessions: ['ratedAt', 'messages'],
      orders: ['placedAt', 'paidAt', 'cancelledAt', 'outboundAt', 'collectedAt', 'deliveredAt'],
      reviews: ['createdAt', 'repliedAt'],
      serviceOrders: ['appliedAt', 'approvedAt', 'rejectedAt', 'completedAt', 'ratedAt'],
      disputes: ['openedAt', 'ruledAt', 'appealUpheldAt'],
      assuredServices: ['enabledAt', 'disabledAt'],
    } as const;
    const early = 1_000;
    const late = 2_000;
    for (const [name, list] of Object.entries(fields)) {
      for (const field of list) {
        const record: Record<string, unknown> = {
          messages: [
            { from: 'customer', at: 0 },
            { from: 'agent', at: early },
          ],
        };
        for (const f of list) if (f !== 'messages') record[f] = early;
        if (field === 'messages')
          record.messages = [
            { from: 'customer', at: 0 },
            { from: 'agent', at: late },
          ];
        else record[field] = late;
        const latestOf = LATEST_FACT_OF[name as keyof typeof fields] as (r: unknown) => number;
        expect([name, field, latestOf(record)]).toEqual([name, field, late]);
        // An absent optional field counts for nothing (a record's creation is never absent).
        if (
          !['messages', 'placedAt', 'createdAt', 'appliedAt', 'openedAt', 'enabledAt'].includes(
            field,
          )
        ) {
          record[field] = undefined;
          expect([name, field, latestOf(record)]).toEqual([name, field, early]);
        }
      }
    }
  });
});
