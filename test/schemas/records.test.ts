import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import type {
  AssuredService,
  ChatSession,
  Dispute,
  Order,
  Review,
  ServiceOrder,
  Store,
  StoreData,
} from '../../src/model.js';
import { isParsedStoreData, PARSED_STORE_DATA } from '../../src/model.js';
import { defineRuleSet } from '../../src/ruleset/defineRuleSet.js';
import {
  ASSURED_SERVICE_IDS,
  type AssuredServiceInput,
  assuredServiceSchema,
  fastAssuredService,
} from '../../src/schemas/assuredService.js';
import {
  type ChatMessageInput,
  type ChatSessionInput,
  type chatMessageSchema,
  chatSessionSchema,
  fastChatSession,
  sortMessages,
} from '../../src/schemas/chatSession.js';
import { type DisputeInput, disputeSchema, fastDispute } from '../../src/schemas/dispute.js';
import { fastOrder, type OrderInput, orderSchema } from '../../src/schemas/order.js';
import {
  parseStoreData,
  parseStoreDataLenient,
  safeParseStoreData,
} from '../../src/schemas/parse.js';
import { fastReview, type ReviewInput, reviewSchema } from '../../src/schemas/review.js';
import {
  fastServiceOrder,
  type ServiceOrderInput,
  serviceOrderSchema,
} from '../../src/schemas/serviceOrder.js';
import {
  type StoreDataInput,
  type StoreInput,
  storeDataSchema,
  storeSchema,
} from '../../src/schemas/storeData.js';

// Compile-time: each schema's output is exactly the model type (mutually assignable).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const outputsAreTheModel: [
  Same<z.output<typeof orderSchema>, Order>,
  Same<z.output<typeof chatSessionSchema>, ChatSession>,
  Same<z.output<typeof reviewSchema>, Review>,
  Same<z.output<typeof serviceOrderSchema>, ServiceOrder>,
  Same<z.output<typeof disputeSchema>, Dispute>,
  Same<z.output<typeof assuredServiceSchema>, AssuredService>,
  Same<z.output<typeof storeSchema>, Store>,
  Same<z.output<typeof storeDataSchema>, StoreData>,
] = [true, true, true, true, true, true, true, true];

// Compile-time: each documented input interface is accepted by its schema and names exactly
// the schema's fields (so the API docs show every input field).
// (Against the shape without the unknown-key catch-all: an interface has no index signature;
// nested records are checked on their own.)
type Accepts<I, S extends { readonly shape: z.core.$ZodShape }> = [I] extends [
  z.input<z.ZodObject<S['shape']>>,
]
  ? true
  : false;
type SameKeys<I, S extends { readonly shape: object }> = Same<keyof I, keyof S['shape']>;
const inputsAreTheSchemas: true[] = [
  true as Accepts<OrderInput, typeof orderSchema.in>,
  true as SameKeys<OrderInput, typeof orderSchema.in>,
  true as Accepts<
    Omit<ChatSessionInput, 'messages'> & { messages: [] },
    typeof chatSessionSchema.in
  >,
  true as SameKeys<ChatSessionInput, typeof chatSessionSchema.in>,
  true as Accepts<ChatMessageInput, typeof chatMessageSchema>,
  true as SameKeys<ChatMessageInput, typeof chatMessageSchema>,
  true as Accepts<ReviewInput, typeof reviewSchema.in>,
  true as SameKeys<ReviewInput, typeof reviewSchema.in>,
  true as Accepts<ServiceOrderInput, typeof serviceOrderSchema.in>,
  true as SameKeys<ServiceOrderInput, typeof serviceOrderSchema.in>,
  true as Accepts<DisputeInput, typeof disputeSchema.in>,
  true as SameKeys<DisputeInput, typeof disputeSchema.in>,
  true as Accepts<AssuredServiceInput, typeof assuredServiceSchema.in>,
  true as SameKeys<AssuredServiceInput, typeof assuredServiceSchema.in>,
  true as Accepts<StoreInput, typeof storeSchema.in>,
  true as SameKeys<StoreInput, typeof storeSchema.in>,
  true as SameKeys<StoreDataInput, typeof storeDataSchema.in>,
];

const T0 = Date.UTC(2026, 10, 1, 1); // 2026-11-01 09:00:00 Shanghai
const H = 3_600_000;

type Issue = { path: PropertyKey[]; message: string };
function issues(schema: z.ZodType, input: unknown): Issue[] {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
}
function paths(schema: z.ZodType, input: unknown): string[] {
  return issues(schema, input).map((i) => i.path.join('.'));
}

const order = { id: 'o1', customerId: 'c1', placedAt: T0, amount: '19.99' };

describe('orderSchema', () => {
  it('reports an unknown field on its own path, with the field it resembles', () => {
    // A misspelled deliveredAt used to vanish: the next-day arrival rate fell to 0%.
    const raw = { ...order, paidAt: T0, deliverdAt: T0 + H, colour: 'red' };
    expect(issues(orderSchema, raw)).toEqual([
      {
        path: ['deliverdAt'],
        message:
          'expected a field of an order object, found unknown "deliverdAt": did you mean "deliveredAt"?',
      },
      {
        path: ['colour'],
        message:
          'expected a field of an order object (id, customerId, placedAt, paidAt, cashOnDelivery, amount, units, cancelledAt, outboundAt, collectedAt, deliveredAt), found unknown "colour"',
      },
    ]);
    expect(fastOrder(raw)).toBeUndefined();
  });

  it('normalises and applies defaults', () => {
    const o = orderSchema.parse({ ...order, paidAt: '2026-11-01 09:05:00' });
    expect(o).toStrictEqual({
      id: 'o1',
      customerId: 'c1',
      placedAt: T0,
      paidAt: T0 + 300_000,
      cashOnDelivery: false,
      amountFen: 1999,
      units: 1,
      cancelledAt: undefined,
      outboundAt: undefined,
      collectedAt: undefined,
      deliveredAt: undefined,
    });
    expect(fastOrder({ ...order, paidAt: '2026-11-01 09:05:00' })).toStrictEqual(o);
    expect(
      orderSchema.parse({ ...order, units: 3, cashOnDelivery: true, paidAt: null }),
    ).toMatchObject({
      units: 3,
      cashOnDelivery: true,
      paidAt: undefined,
    });
  });

  it('lists every bad field, each once', () => {
    expect(
      issues(orderSchema, {
        id: '',
        placedAt: 'soon',
        amount: 1.005,
        units: 0,
        cashOnDelivery: 'no',
      }),
    ).toEqual([
      { path: ['id'], message: 'expected a non-empty string id, found ""' },
      { path: ['customerId'], message: 'expected a non-empty string id, found nothing' },
      { path: ['placedAt'], message: expect.stringContaining('found "soon"') },
      { path: ['cashOnDelivery'], message: 'expected cashOnDelivery as true or false, found "no"' },
      {
        path: ['amount'],
        message: 'expected money in yuan with at most two decimals, found 1.005',
      },
      { path: ['units'], message: 'expected units as a positive integer, found 0' },
    ]);
    expect(paths(orderSchema, { ...order, units: 1.5 })).toEqual(['units']);
    expect(paths(orderSchema, { ...order, units: '2' })).toEqual(['units']);
    expect(paths(orderSchema, { ...order, units: 2 ** 53 })).toEqual(['units']);
    expect(fastOrder({ ...order, units: 2 ** 53 })).toBeUndefined();
  });

  it('says what a record that is not an object is', () => {
    expect(issues(orderSchema, null)).toEqual([
      { path: [], message: 'expected an order object, found null' },
    ]);
    expect(issues(orderSchema, [])).toEqual([
      { path: [], message: 'expected an order object, found an array' },
    ]);
    expect(fastOrder(null)).toBeUndefined();
  });

  it.each([
    ['paidAt', { paidAt: T0 - 1 }, ['paidAt']],
    ['cancelledAt', { cancelledAt: T0 - 1 }, ['cancelledAt']],
    ['outboundAt', { outboundAt: T0 - 1 }, ['outboundAt']],
    ['collectedAt', { collectedAt: T0 - 1 }, ['collectedAt']],
    ['deliveredAt', { deliveredAt: T0 - 1 }, ['deliveredAt']],
    ['collected before outbound', { outboundAt: T0 + 2 * H, collectedAt: T0 + H }, ['collectedAt']],
    ['delivered before outbound', { outboundAt: T0 + 2 * H, deliveredAt: T0 + H }, ['deliveredAt']],
    [
      'delivered before collected',
      { collectedAt: T0 + 2 * H, deliveredAt: T0 + H },
      ['deliveredAt'],
    ],
    [
      'delivered before outbound and collected',
      { outboundAt: T0 + 2 * H, collectedAt: T0 + 3 * H, deliveredAt: T0 + H },
      ['deliveredAt', 'deliveredAt'],
    ],
    [
      'a prepaid order shipped before it was paid',
      { paidAt: T0 + 5 * H, outboundAt: T0 + H, collectedAt: T0 + 2 * H, deliveredAt: T0 + 3 * H },
      ['outboundAt', 'collectedAt', 'deliveredAt'],
    ],
  ])('rejects an impossible order of events: %s', (_, fields, expected) => {
    const input = { ...order, ...fields };
    expect(paths(orderSchema, input)).toEqual(expected);
    expect(issues(orderSchema, input)[0]?.message).toMatch(
      /^expected \w+ at or after \w+ \(.*\(Shanghai\)\), found .*: impossible order of events$/,
    );
    expect(fastOrder(input)).toBeUndefined();
  });

  it('accepts events at the same instant, and checks order even when another field is bad', () => {
    const same = {
      ...order,
      paidAt: T0,
      outboundAt: T0,
      collectedAt: T0,
      deliveredAt: T0,
      cancelledAt: T0,
    };
    expect(orderSchema.safeParse(same).success).toBe(true);
    expect(paths(orderSchema, { ...order, amount: 'x', paidAt: T0 - 1 })).toEqual([
      'amount',
      'paidAt',
    ]);
    expect(issues(orderSchema, { ...order, placedAt: 'x', paidAt: T0 - 1 })).toHaveLength(1);
  });

  it('lets a cash-on-delivery order ship before it is paid', () => {
    const cod = {
      ...order,
      cashOnDelivery: true,
      outboundAt: T0 + H,
      deliveredAt: T0 + 3 * H,
      paidAt: T0 + 4 * H,
    };
    expect(paths(orderSchema, cod)).toEqual([]);
    expect(fastOrder(cod)).toBeDefined();
  });

  it('gives the exact message of an impossible order', () => {
    expect(issues(orderSchema, { ...order, paidAt: T0 - H })[0]?.message).toBe(
      'expected paidAt at or after placedAt (2026-11-01 09:00:00 (Shanghai)), found 2026-11-01 08:00:00 (Shanghai): impossible order of events',
    );
  });
});

const session = {
  id: 's1',
  customerId: 'c1',
  messages: [
    { from: 'customer', at: T0 },
    { from: 'agent', at: T0 + 20_000 },
  ],
};

describe('chatSessionSchema', () => {
  it('defaults kind to consultation and keeps what was given', () => {
    const s = chatSessionSchema.parse(session);
    expect(s).toStrictEqual({
      id: 's1',
      customerId: 'c1',
      kind: 'consultation',
      stage: undefined,
      messages: [
        { from: 'customer', at: T0 },
        { from: 'agent', at: T0 + 20_000 },
      ],
      rating: undefined,
      ratedAt: undefined,
    });
    expect(fastChatSession(session)).toStrictEqual(s);
    expect(fastChatSession({ ...session, note: 'x' })).toBeUndefined();
    expect(
      chatSessionSchema.parse({
        ...session,
        kind: 'offline-message',
        stage: 'after-sales',
        rating: 'neutral',
        ratedAt: T0 + H,
      }),
    ).toMatchObject({
      kind: 'offline-message',
      stage: 'after-sales',
      rating: 'neutral',
      ratedAt: T0 + H,
    });
  });

  it('sorts messages given out of time order; at the same instant they keep their listed order', () => {
    const messages = [
      { from: 'agent', at: T0 + 20_000 },
      { from: 'robot', at: T0 + 10_000 },
      { from: 'customer', at: T0 + 10_000 },
      { from: 'customer', at: T0 },
    ];
    const expected = [
      { from: 'customer', at: T0 },
      { from: 'robot', at: T0 + 10_000 },
      { from: 'customer', at: T0 + 10_000 },
      { from: 'agent', at: T0 + 20_000 },
    ];
    expect(chatSessionSchema.parse({ ...session, messages }).messages).toStrictEqual(expected);
    expect(fastChatSession({ ...session, messages })?.messages).toStrictEqual(expected);
    // Already in time order: an agent listed before the customer in the same second stays first.
    const sameSecond = [
      { from: 'agent', at: T0 },
      { from: 'customer', at: T0 },
      { from: 'agent', at: T0 },
    ];
    const kept = sameSecond.map((m) => ({ from: m.from, at: m.at }));
    expect(chatSessionSchema.parse({ ...session, messages: sameSecond }).messages).toStrictEqual(
      kept,
    );
    expect(fastChatSession({ ...session, messages: sameSecond })?.messages).toStrictEqual(kept);
    const sorted = [{ from: 'customer' as const, at: 1 }];
    expect(sortMessages(sorted)).toBe(sorted);
  });

  it('needs at least one message and one from the customer', () => {
    expect(issues(chatSessionSchema, { ...session, messages: [] })).toEqual([
      { path: ['messages'], message: 'expected at least one message, found an empty array' },
    ]);
    expect(
      issues(chatSessionSchema, { ...session, messages: [{ from: 'agent', at: T0 }] }),
    ).toEqual([
      {
        path: ['messages'],
        message: 'expected at least one customer message, found only agent or robot messages (1)',
      },
    ]);
    expect(
      paths(chatSessionSchema, { ...session, messages: [{ from: 'robot', at: 'x' }] }),
    ).toEqual(['messages.0.at', 'messages']);
    // A message whose sender is unreadable might have been the customer's: one issue, not two.
    expect(
      paths(chatSessionSchema, { ...session, messages: [{ from: 'client', at: T0 }] }),
    ).toEqual(['messages.0.from']);
    expect(issues(chatSessionSchema, { ...session, messages: 'hi' })).toEqual([
      { path: ['messages'], message: 'expected messages as an array of { from, at }, found "hi"' },
    ]);
    expect(paths(chatSessionSchema, { ...session, messages: [null] })).toEqual(['messages.0']);
    expect(fastChatSession({ ...session, messages: [] })).toBeUndefined();
    expect(fastChatSession({ ...session, messages: [{ from: 'agent', at: T0 }] })).toBeUndefined();
    expect(fastChatSession({ ...session, messages: [null] })).toBeUndefined();
    expect(fastChatSession({ ...session, messages: 'hi' })).toBeUndefined();
  });

  it('accepts a rating without ratedAt, undated (the engine dates it as of each day); ratedAt needs a rating and is not before the first message', () => {
    const undated = { ...session, rating: 'satisfied' };
    for (const parsed of [chatSessionSchema.parse(undated), fastChatSession(undated)]) {
      expect(parsed).toMatchObject({ rating: 'satisfied', ratedAt: undefined });
    }
    const given = chatSessionSchema.parse({ ...session, rating: 'neutral', ratedAt: T0 + H });
    expect(given.ratedAt).toBe(T0 + H);
    expect(issues(chatSessionSchema, { ...session, ratedAt: T0 + H })).toEqual([
      { path: ['rating'], message: 'expected a rating with ratedAt, found nothing' },
    ]);
    const early = { ...session, rating: 'satisfied', ratedAt: T0 - 1 };
    expect(paths(chatSessionSchema, early)).toEqual(['ratedAt']);
    expect(issues(chatSessionSchema, early)[0]?.message).toContain(
      'expected ratedAt at or after the first message',
    );
    // The earliest message counts, whatever the order given.
    expect(
      chatSessionSchema.safeParse({
        ...session,
        messages: [...session.messages].reverse(),
        rating: 'satisfied',
        ratedAt: T0,
      }).success,
    ).toBe(true);
    for (const bad of [{ ...session, ratedAt: T0 + H }, early]) {
      expect(fastChatSession(bad)).toBeUndefined();
    }
  });

  it('lists enum issues with the allowed values', () => {
    expect(
      issues(chatSessionSchema, {
        ...session,
        kind: 'chat',
        stage: 'during',
        rating: 'great',
        ratedAt: T0,
      }),
    ).toEqual([
      {
        path: ['kind'],
        message: 'expected a chat kind: one of "consultation", "offline-message", found "chat"',
      },
      {
        path: ['stage'],
        message: 'expected a chat stage: one of "pre-sales", "after-sales", found "during"',
      },
      {
        path: ['rating'],
        message:
          'expected a rating: one of "very-satisfied", "satisfied", "neutral", "dissatisfied", "very-dissatisfied", found "great"',
      },
    ]);
  });
});

const review = { id: 'r1', customerId: 'c1', createdAt: T0, stars: 5 };

describe('reviewSchema', () => {
  it('defaults excluded to false; orderId optional', () => {
    expect(reviewSchema.parse(review)).toStrictEqual({
      id: 'r1',
      customerId: 'c1',
      orderId: undefined,
      createdAt: T0,
      stars: 5,
      repliedAt: undefined,
      excluded: false,
    });
    expect(fastReview(review)).toStrictEqual(reviewSchema.parse(review));
    expect(reviewSchema.parse({ ...review, orderId: 'o1', excluded: true })).toMatchObject({
      orderId: 'o1',
      excluded: true,
    });
    expect(reviewSchema.parse({ ...review, orderId: null }).orderId).toBeUndefined();
    expect(fastReview({ ...review, orderId: null })?.orderId).toBeUndefined();
  });

  it.each([0, 6, 4.5, '5', null])('rejects stars %j', (stars) => {
    expect(issues(reviewSchema, { ...review, stars })).toEqual([
      {
        path: ['stars'],
        message: expect.stringMatching(/^expected stars as an integer from 1 to 5, found /),
      },
    ]);
    expect(fastReview({ ...review, stars })).toBeUndefined();
  });

  it('rejects a reply before the review, and an empty orderId', () => {
    expect(paths(reviewSchema, { ...review, repliedAt: T0 - 1 })).toEqual(['repliedAt']);
    expect(fastReview({ ...review, repliedAt: T0 - 1 })).toBeUndefined();
    expect(reviewSchema.safeParse({ ...review, repliedAt: T0 }).success).toBe(true);
    expect(paths(reviewSchema, { ...review, orderId: '' })).toEqual(['orderId']);
    expect(fastReview({ ...review, orderId: '' })).toBeUndefined();
  });
});

const serviceOrder = { id: 'so1', orderId: 'o1', type: 'return', reason: 'quality', appliedAt: T0 };

describe('serviceOrderSchema', () => {
  it('parses a full service order', () => {
    const input = {
      ...serviceOrder,
      approvedAt: T0 + H,
      completedAt: T0 + 2 * H,
      rating: 'very-satisfied',
      ratedAt: T0 + 3 * H,
    };
    const s = serviceOrderSchema.parse(input);
    expect(s).toStrictEqual({
      id: 'so1',
      orderId: 'o1',
      type: 'return',
      reason: 'quality',
      appliedAt: T0,
      approvedAt: T0 + H,
      rejectedAt: undefined,
      completedAt: T0 + 2 * H,
      rating: 'very-satisfied',
      ratedAt: T0 + 3 * H,
    });
    expect(fastServiceOrder(input)).toStrictEqual(s);
  });

  it.each([
    ['approved before applied', { approvedAt: T0 - 1 }, ['approvedAt']],
    ['rejected before applied', { rejectedAt: T0 - 1 }, ['rejectedAt']],
    ['completed before applied', { completedAt: T0 - 1 }, ['completedAt']],
    ['rated before applied', { rating: 'neutral', ratedAt: T0 - 1 }, ['ratedAt']],
    ['both approved and rejected', { approvedAt: T0 + 1, rejectedAt: T0 + 2 }, ['rejectedAt']],
    ['ratedAt without rating', { ratedAt: T0 + 1 }, ['rating']],
  ])('rejects %s', (_, fields, expected) => {
    expect(paths(serviceOrderSchema, { ...serviceOrder, ...fields })).toEqual(expected);
    expect(fastServiceOrder({ ...serviceOrder, ...fields })).toBeUndefined();
  });

  it('accepts a rating without ratedAt, undated (the engine dates it as of each day)', () => {
    const input = {
      ...serviceOrder,
      approvedAt: T0 + H,
      completedAt: T0 + 2 * H,
      rating: 'neutral',
    };
    for (const parsed of [serviceOrderSchema.parse(input), fastServiceOrder(input)]) {
      expect(parsed).toMatchObject({ rating: 'neutral', ratedAt: undefined });
    }
  });

  it('words the both-approved-and-rejected issue', () => {
    expect(
      issues(serviceOrderSchema, { ...serviceOrder, approvedAt: T0 + 1, rejectedAt: T0 + 2 })[0]
        ?.message,
    ).toBe('expected either approvedAt or rejectedAt, found both');
    expect(issues(serviceOrderSchema, { ...serviceOrder, type: 'refund' })[0]?.message).toBe(
      'expected a service type: one of "return", "exchange", "repair", found "refund"',
    );
    expect(fastServiceOrder({ ...serviceOrder, type: 'refund' })).toBeUndefined();
    expect(fastServiceOrder({ ...serviceOrder, reason: 'bored' })).toBeUndefined();
  });
});

const dispute = { id: 'd1', orderId: 'o1', openedAt: T0 };

describe('disputeSchema', () => {
  it('parses open, ruled and appealed disputes', () => {
    expect(disputeSchema.parse(dispute)).toStrictEqual({
      id: 'd1',
      orderId: 'o1',
      openedAt: T0,
      ruling: undefined,
      ruledAt: undefined,
      appealUpheldAt: undefined,
    });
    const full = { ...dispute, ruling: 'merchant', ruledAt: T0 + H, appealUpheldAt: T0 + 2 * H };
    expect(disputeSchema.parse(full)).toMatchObject({
      ruling: 'merchant',
      ruledAt: T0 + H,
      appealUpheldAt: T0 + 2 * H,
    });
    expect(fastDispute(full)).toStrictEqual(disputeSchema.parse(full));
  });

  it.each([
    ['ruled before opened', { ruling: 'shared', ruledAt: T0 - 1 }, ['ruledAt']],
    ['ruledAt without ruling', { ruledAt: T0 + 1 }, ['ruling']],
    [
      'appeal before the ruling',
      { ruling: 'merchant', ruledAt: T0 + H, appealUpheldAt: T0 + 1 },
      ['appealUpheldAt'],
    ],
    ['appeal before the dispute was opened', { appealUpheldAt: T0 - 1 }, ['appealUpheldAt']],
    ['a bad ruling', { ruling: 'judge', ruledAt: T0 + 1 }, ['ruling']],
  ])('rejects %s', (_, fields, expected) => {
    expect(paths(disputeSchema, { ...dispute, ...fields })).toEqual(expected);
    expect(fastDispute({ ...dispute, ...fields })).toBeUndefined();
  });

  it('dates a ruling without ruledAt at openedAt, and accepts an upheld appeal without a ruling', () => {
    const ruled = { ...dispute, ruling: 'customer' };
    for (const parsed of [disputeSchema.parse(ruled), fastDispute(ruled)]) {
      expect(parsed).toStrictEqual({
        ...disputeSchema.parse(dispute),
        ruling: 'customer',
        ruledAt: T0,
        ruledAtInferred: true,
      });
    }
    const cleared = { ...dispute, appealUpheldAt: T0 + H };
    for (const parsed of [disputeSchema.parse(cleared), fastDispute(cleared)]) {
      expect(parsed).toMatchObject({
        ruling: undefined,
        ruledAt: undefined,
        appealUpheldAt: T0 + H,
      });
      expect(parsed && 'ruledAtInferred' in parsed).toBe(false);
    }
  });
});

describe('assuredServiceSchema', () => {
  it('accepts exactly the nine service ids', () => {
    expect(ASSURED_SERVICE_IDS).toHaveLength(9);
    for (const service of ASSURED_SERVICE_IDS) {
      const a = { service, enabledAt: '2026-01-01 00:00:00' };
      expect(assuredServiceSchema.parse(a)).toStrictEqual({
        service,
        enabledAt: Date.UTC(2025, 11, 31, 16),
        disabledAt: undefined,
      });
      expect(fastAssuredService(a)).toStrictEqual(assuredServiceSchema.parse(a));
    }
  });

  it('accepts any id at the record level: the rule set decides which it knows', () => {
    expect(assuredServiceSchema.parse({ service: 'free-lunch', enabledAt: T0 }).service).toBe(
      'free-lunch',
    );
    expect(fastAssuredService({ service: 'free-lunch', enabledAt: T0 })?.service).toBe(
      'free-lunch',
    );
    expect(paths(assuredServiceSchema, { service: '', enabledAt: T0 })).toEqual(['service']);
  });

  it('parseStoreData names every service the rule set does not know, with the known ids', () => {
    const input = {
      store: { id: 's' },
      assuredServices: [
        { service: 'door-pickup', enabledAt: T0 },
        { service: 'free-lunch', enabledAt: T0 },
        { service: 'green-packaging', enabledAt: T0 },
      ],
    };
    const r = safeParseStoreData(input);
    const found = r.success ? [] : r.error.issues;
    expect(found.map((i) => i.path)).toEqual([
      'assuredServices[1].service',
      'assuredServices[2].service',
    ]);
    for (const id of ASSURED_SERVICE_IDS) expect(found[0]?.message).toContain(id);
    expect(found[0]?.message).toMatch(/found "free-lunch"$/);
    // A rule set that adds the service accepts it (and still names the other).
    const ruleSet = defineRuleSet({ bonus: { servicePoints: { 'green-packaging': 0.2 } } });
    const withRules = safeParseStoreData(input, { ruleSet });
    expect(withRules.success ? [] : withRules.error.issues.map((i) => i.path)).toEqual([
      'assuredServices[1].service',
    ]);
    const lenient = parseStoreDataLenient(input, { ruleSet });
    expect(lenient.data.assuredServices.map((a) => a.service)).toEqual([
      'door-pickup',
      'green-packaging',
    ]);
    expect(lenient.rejected.map((x) => x.index)).toEqual([1]);
    // Scored with that rule set, it adds its points.
    const data = parseStoreData(
      { ...input, assuredServices: [input.assuredServices[2]] },
      { ruleSet },
    );
    expect(evaluateStore(data, { asOf: '2026-12-01', ruleSet }).bonus.points).toBe(0.2);
  });

  it('rejects disabled before enabled', () => {
    expect(
      paths(assuredServiceSchema, { service: 'door-pickup', enabledAt: T0, disabledAt: T0 - 1 }),
    ).toEqual(['disabledAt']);
    expect(
      fastAssuredService({ service: 'door-pickup', enabledAt: T0, disabledAt: T0 - 1 }),
    ).toBeUndefined();
    expect(
      assuredServiceSchema.parse({ service: 'door-pickup', enabledAt: T0, disabledAt: null })
        .disabledAt,
    ).toBeUndefined();
  });
});

describe('storeSchema and storeDataSchema', () => {
  it('normalises the store', () => {
    expect(
      storeSchema.parse({
        id: 's1',
        name: '小店',
        category: { level1: '家电', level2: null },
      }),
    ).toStrictEqual({
      id: 's1',
      name: '小店',
      category: { level1: '家电', level2: undefined },
    });
    expect(storeSchema.parse({ id: 's1', category: null })).toStrictEqual({
      id: 's1',
      name: undefined,
      category: undefined,
    });
    expect(paths(storeSchema, { id: 's1', name: 3, category: 'x' })).toEqual(['name', 'category']);
    expect(paths(storeSchema, { id: 's1', owner: 'x', category: { level3: 'x' } })).toEqual([
      'category.level3',
      'owner',
    ]);
    expect(
      issues(chatSessionSchema, {
        ...session,
        messages: [{ from: 'customer', at: T0, txt: 'hi' }],
      }),
    ).toEqual([
      {
        path: ['messages', 0, 'txt'],
        message: 'expected a field of a message object (from, at), found unknown "txt"',
      },
    ]);
  });

  it('gives [] for absent collections, names them not provided, and checks across records', () => {
    const parsed = storeDataSchema.parse({ store: { id: 's1' }, orders: null, reviews: [] });
    expect({ ...parsed }).toStrictEqual({
      store: { id: 's1', name: undefined, category: undefined },
      chatSessions: [],
      orders: [],
      reviews: [],
      serviceOrders: [],
      disputes: [],
      assuredServices: [],
      notProvided: ['chatSessions', 'orders', 'serviceOrders', 'disputes', 'assuredServices'],
      [PARSED_STORE_DATA]: true,
    });
    expect(isParsedStoreData(parsed)).toBe(true);
    expect(paths(storeDataSchema, { store: { id: 's1' }, order: [] })).toEqual(['order']);
    const input: StoreDataInput = {
      store: { id: 's1' },
      orders: [order, { ...order, amount: 'x' }],
      disputes: [{ id: 'd1', orderId: 'o9', openedAt: T0 }],
    };
    expect(issues(storeDataSchema, input)).toEqual([
      { path: ['orders', 1, 'amount'], message: expect.stringContaining('found "x"') },
      { path: ['orders', 1, 'id'], message: 'duplicate id "o1", first at orders[0]' },
      {
        path: ['disputes', 0, 'orderId'],
        message: 'expected the id of an order in orders, found "o9" (no such order)',
      },
    ]);
    expect(paths(storeDataSchema, 'x')).toEqual(['']);
  });
});

it('output types are the model types; input interfaces are the schemas', () => {
  expect(outputsAreTheModel.every(Boolean)).toBe(true);
  expect(inputsAreTheSchemas.every(Boolean)).toBe(true);
});
