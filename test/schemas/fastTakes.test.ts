import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { assuredServiceSchema, fastAssuredService } from '../../src/schemas/assuredService.js';
import { chatSessionSchema, fastChatSession } from '../../src/schemas/chatSession.js';
import { disputeSchema, fastDispute } from '../../src/schemas/dispute.js';
import { fastOrder, orderSchema } from '../../src/schemas/order.js';
import { fastReview, reviewSchema } from '../../src/schemas/review.js';
import { fastServiceOrder, serviceOrderSchema } from '../../src/schemas/serviceOrder.js';

// The fast paths exist for speed (the benchmark needs them to take the common forms): here,
// every plainly valid form, and every boundary the schema accepts (a reply at the very
// instant of the review, a rating at the first message), is taken by the fast path itself,
// with exactly what the schema returns. (`fast.test.ts` checks that they never take more.)

const T0 = Date.UTC(2026, 10, 1, 1); // 2026-11-01 09:00:00 in Shanghai
const H = 3_600_000;

function takes(fast: (x: unknown) => unknown, schema: z.ZodType, input: unknown): unknown {
  const f = fast(input);
  expect(f).toBeDefined();
  expect(f).toStrictEqual(schema.parse(input));
  return f;
}

describe('the fast path of reviews takes', () => {
  const review = { id: 'r1', customerId: 'c1', createdAt: T0, stars: 5 };

  it.each([1, 2, 3, 4, 5])('stars %i', (stars) => {
    expect(takes(fastReview, reviewSchema, { ...review, stars })).toMatchObject({ stars });
  });

  it('an orderId, a null orderId, a reply at the very instant of the review, and excluded', () => {
    expect(takes(fastReview, reviewSchema, { ...review, orderId: 'o1' })).toMatchObject({
      orderId: 'o1',
    });
    expect(takes(fastReview, reviewSchema, { ...review, orderId: null })).toMatchObject({
      orderId: undefined,
    });
    expect(takes(fastReview, reviewSchema, { ...review, repliedAt: T0 })).toMatchObject({
      repliedAt: T0,
    });
    expect(
      takes(fastReview, reviewSchema, { ...review, repliedAt: '2026-11-02 09:00:00' }),
    ).toMatchObject({ repliedAt: T0 + 24 * H });
    expect(takes(fastReview, reviewSchema, { ...review, excluded: true })).toMatchObject({
      excluded: true,
    });
    expect(takes(fastReview, reviewSchema, { ...review, excluded: null })).toMatchObject({
      excluded: false,
    });
  });
});

describe('the fast path of orders takes', () => {
  const order = { id: 'o1', customerId: 'c1', placedAt: T0, amount: '19.99' };

  it('the plain forms, every time at the instant it may not precede', () => {
    expect(takes(fastOrder, orderSchema, order)).toStrictEqual({
      id: 'o1',
      customerId: 'c1',
      placedAt: T0,
      paidAt: undefined,
      cashOnDelivery: false,
      amountFen: 1999,
      units: 1,
      cancelledAt: undefined,
      outboundAt: undefined,
      collectedAt: undefined,
      deliveredAt: undefined,
    });
    const all = {
      ...order,
      paidAt: T0,
      cancelledAt: T0,
      outboundAt: T0,
      collectedAt: T0,
      deliveredAt: T0,
      units: 2,
      amount: 19.9,
      cashOnDelivery: false,
    };
    expect(takes(fastOrder, orderSchema, all)).toMatchObject({ units: 2, amountFen: 1990 });
    expect(takes(fastOrder, orderSchema, { ...order, units: 1 })).toMatchObject({ units: 1 });
  });

  it('cash on delivery shipped with no payment', () => {
    const cod = { ...order, cashOnDelivery: true, outboundAt: T0 + H, deliveredAt: T0 + 2 * H };
    expect(takes(fastOrder, orderSchema, cod)).toMatchObject({ cashOnDelivery: true });
  });
});

describe('the fast path of chat sessions takes', () => {
  const session = {
    id: 's1',
    customerId: 'c1',
    messages: [
      { from: 'customer', at: T0 },
      { from: 'agent', at: T0 + 10_000 },
      { from: 'robot', at: T0 + 20_000 },
    ],
  };

  it('each kind and stage, and the default kind', () => {
    expect(takes(fastChatSession, chatSessionSchema, session)).toMatchObject({
      kind: 'consultation',
    });
    for (const kind of ['consultation', 'offline-message'])
      expect(takes(fastChatSession, chatSessionSchema, { ...session, kind })).toMatchObject({
        kind,
      });
    for (const stage of ['pre-sales', 'after-sales'])
      expect(takes(fastChatSession, chatSessionSchema, { ...session, stage })).toMatchObject({
        stage,
      });
  });

  it('a rating without a time, and a rating at the first message', () => {
    expect(
      takes(fastChatSession, chatSessionSchema, { ...session, rating: 'satisfied' }),
    ).toMatchObject({ rating: 'satisfied', ratedAt: undefined });
    expect(
      takes(fastChatSession, chatSessionSchema, { ...session, rating: 'neutral', ratedAt: T0 }),
    ).toMatchObject({ rating: 'neutral', ratedAt: T0 });
  });

  it('messages out of order (sorted), and a customer message that is not the first', () => {
    const messages = [
      { from: 'agent', at: T0 + 10_000 },
      { from: 'customer', at: T0 },
    ];
    expect(
      (takes(fastChatSession, chatSessionSchema, { ...session, messages }) as { messages: unknown })
        .messages,
    ).toStrictEqual([
      { from: 'customer', at: T0 },
      { from: 'agent', at: T0 + 10_000 },
    ]);
  });
});

describe('the fast path of service orders takes', () => {
  const so = { id: 'so1', orderId: 'o1', type: 'return', reason: 'quality', appliedAt: T0 };

  it.each(['return', 'exchange', 'repair'])('type %s', (type) => {
    expect(takes(fastServiceOrder, serviceOrderSchema, { ...so, type })).toMatchObject({ type });
  });

  it('every time given, at the instant it may not precede, and a rating', () => {
    const full = {
      ...so,
      reason: 'no-reason',
      approvedAt: T0,
      completedAt: T0,
      rating: 'very-satisfied',
      ratedAt: T0,
    };
    expect(takes(fastServiceOrder, serviceOrderSchema, full)).toMatchObject({
      reason: 'no-reason',
      rating: 'very-satisfied',
      ratedAt: T0,
    });
    expect(takes(fastServiceOrder, serviceOrderSchema, { ...so, rejectedAt: T0 })).toMatchObject({
      rejectedAt: T0,
    });
  });
});

describe('the fast path of disputes takes', () => {
  const dispute = { id: 'd1', orderId: 'o1', openedAt: T0 };

  it.each(['merchant', 'shared', 'customer', 'platform'])('ruling %s', (ruling) => {
    expect(
      takes(fastDispute, disputeSchema, { ...dispute, ruling, ruledAt: T0 + H }),
    ).toMatchObject({ ruling, ruledAt: T0 + H });
  });

  it('an open dispute, a ruling at the instant it opened, and an appeal upheld', () => {
    expect(takes(fastDispute, disputeSchema, dispute)).toStrictEqual({
      id: 'd1',
      orderId: 'o1',
      openedAt: T0,
      ruling: undefined,
      ruledAt: undefined,
      appealUpheldAt: undefined,
    });
    expect(
      takes(fastDispute, disputeSchema, {
        ...dispute,
        ruling: 'merchant',
        ruledAt: T0,
        appealUpheldAt: T0,
      }),
    ).toMatchObject({ ruledAt: T0, appealUpheldAt: T0 });
  });
});

describe('the fast path of assured services takes', () => {
  it('an open service, and one disabled at the instant it was enabled', () => {
    const a = { service: 'freight-insurance', enabledAt: T0 };
    expect(takes(fastAssuredService, assuredServiceSchema, a)).toStrictEqual({
      service: 'freight-insurance',
      enabledAt: T0,
      disabledAt: undefined,
    });
    expect(takes(fastAssuredService, assuredServiceSchema, { ...a, disabledAt: T0 })).toMatchObject(
      { disabledAt: T0 },
    );
  });
});
