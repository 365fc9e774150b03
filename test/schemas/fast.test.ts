import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { fastInstantString } from '../../src/schemas/_fast.js';
import { assuredServiceSchema, fastAssuredService } from '../../src/schemas/assuredService.js';
import { chatSessionSchema, fastChatSession } from '../../src/schemas/chatSession.js';
import { disputeSchema, fastDispute } from '../../src/schemas/dispute.js';
import { fastOrder, orderSchema } from '../../src/schemas/order.js';
import { fastReview, reviewSchema } from '../../src/schemas/review.js';
import { fastServiceOrder, serviceOrderSchema } from '../../src/schemas/serviceOrder.js';
import { toEpochMs } from '../../src/time/shanghai.js';

// The fast paths are an optimisation only: they may decline, but never accept what the schema
// rejects, and what they return is exactly what the schema returns.

const T0 = Date.UTC(2026, 10, 1, 1);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const instantString = fc
  .record({
    y: fc.integer({ min: 1990, max: 2101 }),
    mo: fc.integer({ min: 0, max: 13 }),
    d: fc.integer({ min: 0, max: 32 }),
    h: fc.integer({ min: 0, max: 24 }),
    mi: fc.integer({ min: 0, max: 60 }),
    s: fc.integer({ min: 0, max: 60 }),
    sep: fc.constantFrom(' ', 'T'),
    frac: fc.constantFrom('', '.000', '.5', '.123', '.999', '.12345'),
    zone: fc.constantFrom(
      '',
      'Z',
      'z',
      '+08:00',
      '-05:30',
      '+0800',
      '+14:00',
      '+15:00',
      '+08:60',
      ' +08:00',
    ),
  })
  .map(
    ({ y, mo, d, h, mi, s, sep, frac, zone }) =>
      `${pad(y, 4)}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}:${pad(s)}${frac}${zone}`,
  );

const instant = fc.oneof(
  { arbitrary: instantString, weight: 2 },
  { arbitrary: fc.integer({ min: T0 - 40 * 86_400_000, max: T0 + 40 * 86_400_000 }), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      T0,
      T0 + 1,
      T0 - 1,
      1.5,
      -1,
      0,
      Number.NaN,
      '',
      'x',
      true,
      null,
      new Date(T0),
      new Date(Number.NaN),
    ),
    weight: 1,
  },
);
const optional = <T>(a: fc.Arbitrary<T>) =>
  fc.option(fc.oneof(a, fc.constant(null)), { nil: undefined, freq: 2 });
const id = fc.oneof(
  { arbitrary: fc.constantFrom('a', 'b'), weight: 8 },
  { arbitrary: fc.constantFrom('', 3, null), weight: 1 },
);
const money = fc.oneof(
  fc.constantFrom(
    '19.99',
    '0',
    '1.005',
    '-1',
    '1e3',
    '5.',
    '19.9900',
    ' 7 ',
    -0,
    0.1,
    1.005,
    1e21,
    Number.NaN,
  ),
  fc.integer({ min: -5, max: 100_000 }).map((n) => n / 100),
);

function record<T>(fields: { [k: string]: fc.Arbitrary<unknown> }): fc.Arbitrary<T> {
  return fc.record(fields, { requiredKeys: [] }) as unknown as fc.Arbitrary<T>;
}

function agree(
  fast: (x: unknown) => unknown,
  schema: z.ZodType,
  arb: fc.Arbitrary<unknown>,
): number {
  let accepted = 0;
  fc.assert(
    fc.property(arb, (input) => {
      const f = fast(input);
      const r = schema.safeParse(input);
      if (f !== undefined) {
        accepted++;
        expect(r.success).toBe(true);
        expect(f).toStrictEqual(r.data);
      }
    }),
    { numRuns: 3000 },
  );
  return accepted;
}

describe('fast paths agree with the schemas', () => {
  it('instant strings', () => {
    fc.assert(
      fc.property(instantString, (s) => {
        const f = fastInstantString(s);
        if (f !== -1) expect(f).toBe(toEpochMs(s));
        const r = toEpochMs(s);
        // When toEpochMs accepts the plain forms, so does the fast parser.
        if (
          typeof r === 'number' &&
          /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{3})?(Z|[+-]\d\d:\d\d)?$/.test(s)
        ) {
          expect(f).toBe(r);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('orders', () => {
    const arb = record({
      id,
      customerId: id,
      placedAt: instant,
      paidAt: optional(instant),
      cashOnDelivery: fc.constantFrom(true, false, 'yes', undefined, null),
      amount: money,
      units: fc.constantFrom(1, 2, 0, 1.5, '2', 2 ** 53, undefined, null),
      cancelledAt: optional(instant),
      outboundAt: optional(instant),
      collectedAt: optional(instant),
      deliveredAt: optional(instant),
      extra: fc.anything(),
    });
    expect(agree(fastOrder, orderSchema, arb)).toBeGreaterThan(0);
  });

  it('chat sessions', () => {
    const message = fc.oneof(
      {
        arbitrary: fc.record({
          from: fc.constantFrom('customer', 'agent', 'robot', 'bot'),
          at: instant,
        }),
        weight: 10,
      },
      { arbitrary: fc.constantFrom(null, 'hi', {}), weight: 1 },
    );
    const arb = record({
      id,
      customerId: id,
      kind: fc.constantFrom('consultation', 'offline-message', 'chat', undefined, null),
      stage: optional(fc.constantFrom('pre-sales', 'after-sales', 'x')),
      messages: fc.oneof(
        { arbitrary: fc.array(message, { maxLength: 5 }), weight: 10 },
        { arbitrary: fc.constant('x'), weight: 1 },
      ),
      rating: optional(fc.constantFrom('satisfied', 'neutral', 'great')),
      ratedAt: optional(instant),
    });
    expect(agree(fastChatSession, chatSessionSchema, arb)).toBeGreaterThan(0);
  });

  it('reviews', () => {
    const arb = record({
      id,
      customerId: id,
      orderId: optional(id),
      createdAt: instant,
      stars: fc.constantFrom(1, 2, 3, 4, 5, 0, 6, 4.5, '5'),
      repliedAt: optional(instant),
      excluded: fc.constantFrom(true, false, 1, undefined, null),
    });
    expect(agree(fastReview, reviewSchema, arb)).toBeGreaterThan(0);
  });

  it('service orders', () => {
    const arb = record({
      id,
      orderId: id,
      type: fc.constantFrom('return', 'exchange', 'repair', 'refund'),
      reason: fc.constantFrom('quality', 'no-reason', 'bored'),
      appliedAt: instant,
      approvedAt: optional(instant),
      rejectedAt: optional(instant),
      completedAt: optional(instant),
      rating: optional(fc.constantFrom('satisfied', 'great')),
      ratedAt: optional(instant),
    });
    expect(agree(fastServiceOrder, serviceOrderSchema, arb)).toBeGreaterThan(0);
  });

  it('disputes', () => {
    const arb = record({
      id,
      orderId: id,
      openedAt: instant,
      ruling: optional(fc.constantFrom('merchant', 'shared', 'customer', 'platform', 'judge')),
      ruledAt: optional(instant),
      appealUpheldAt: optional(instant),
    });
    expect(agree(fastDispute, disputeSchema, arb)).toBeGreaterThan(0);
  });

  it('assured services', () => {
    const arb = record({
      service: fc.constantFrom('freight-insurance', 'door-pickup', 'free-lunch'),
      enabledAt: instant,
      disabledAt: optional(instant),
    });
    expect(agree(fastAssuredService, assuredServiceSchema, arb)).toBeGreaterThan(0);
  });

  it('records that are not objects', () => {
    for (const fast of [
      fastOrder,
      fastChatSession,
      fastReview,
      fastServiceOrder,
      fastDispute,
      fastAssuredService,
    ]) {
      for (const x of [null, undefined, 'x', 1, []]) expect(fast(x)).toBeUndefined();
    }
  });
});
