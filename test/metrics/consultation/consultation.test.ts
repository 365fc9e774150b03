import { describe, expect, it } from 'vitest';
import {
  afterSalesSatisfaction,
  averageResponseTime,
  conversionRate,
  facilitatedAmountShare,
  messageRate,
  presalesSatisfaction,
  responseRate30s,
} from '../../../src/evaluate/calculators.js';
import { evaluateHistory, evaluateStore } from '../../../src/evaluate/evaluate.js';
import type { ChatSession } from '../../../src/model.js';
import { defaultRuleSet, type RuleSet } from '../../../src/ruleset/ruleSet.js';
import { parseStoreData } from '../../../src/schemas/parse.js';
import type { MetricResult } from '../../../src/scoring/metric.js';
import { chat, order, sh, storeData } from '../../_helpers.js';

// Evaluation day used throughout: D = 2026-11-23, chat window [D−35, D−6] = 2026-10-19..2026-11-17.
const D = '2026-11-23';
const v = (r: MetricResult) => r.value?.toString() ?? null;

describe('averageResponseTime (平均响应时长)', () => {
  it('averages manual replies, each answering the earliest waiting customer message', () => {
    const data = storeData({
      chatSessions: [
        // customer 10:00:00, customer 10:00:05, agent 10:00:20 → 20 s (earliest waiting);
        // customer 10:01:00, robot 10:01:01 (ignored), agent 10:01:10 → 10 s; agent 10:01:20 (nothing waiting: not a reply)
        chat('u1', [
          ['customer', '2026-11-10 10:00:00'],
          ['customer', '2026-11-10 10:00:05'],
          ['agent', '2026-11-10 10:00:20'],
          ['customer', '2026-11-10 10:01:00'],
          ['robot', '2026-11-10 10:01:01'],
          ['agent', '2026-11-10 10:01:10'],
          ['agent', '2026-11-10 10:01:20'],
        ]),
        // A robot-only session has no manual reply: not in the average.
        chat('u2', [
          ['customer', '2026-11-10 11:00:00'],
          ['robot', '2026-11-10 11:00:01'],
        ]),
      ],
    });
    const r = averageResponseTime(data, { asOf: D });
    // (20 + 10) / 2 = 15 s
    expect(r.numerator.toString()).toBe('30');
    expect(r.denominator.toString()).toBe('2');
    expect(v(r)).toBe('15');
    expect(r.unit).toBe('seconds');
    expect(r.window).toEqual({ from: '2026-10-19', to: '2026-11-17' });
  });

  it('ignores offline messages and sessions outside assessment hours', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 07:59:59.999'],
          ['agent', '2026-11-10 08:00:09.999'],
        ]),
        chat('u2', [
          ['customer', '2026-11-10 08:00:00'],
          ['agent', '2026-11-10 08:00:04'],
        ]),
        chat(
          'u3',
          [
            ['customer', '2026-11-10 12:00:00'],
            ['agent', '2026-11-10 13:00:00'],
          ],
          { kind: 'offline-message' },
        ),
      ],
    });
    expect(v(averageResponseTime(data, { asOf: D }))).toBe('4');
  });

  it('is no-data on an empty window, never NaN', () => {
    const r = averageResponseTime(storeData(), { asOf: D });
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(r.numerator.toString()).toBe('0');
  });
});

describe('responseRate30s (30秒应答率)', () => {
  it('counts a first reply at exactly 30 s in time, 30.001 s not', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 10:00:00'],
          ['agent', '2026-11-10 10:00:30'],
        ]),
        chat('u2', [
          ['customer', '2026-11-10 10:00:00'],
          ['agent', '2026-11-10 10:00:30.001'],
        ]),
      ],
    });
    expect(v(responseRate30s(data, { asOf: D }))).toBe('0.5');
  });

  it('counts a robot reply by default, and not when the rule says so', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 10:00:00'],
          ['robot', '2026-11-10 10:00:02'],
          ['agent', '2026-11-10 10:05:00'],
        ]),
      ],
    });
    expect(v(responseRate30s(data, { asOf: D }))).toBe('1');
    const noRobot: RuleSet = {
      ...defaultRuleSet,
      chat: {
        ...defaultRuleSet.chat,
        robotRepliesCount: { value: false, source: { tag: 'custom' } },
      },
    };
    expect(v(responseRate30s(data, { asOf: D, ruleSet: noRobot }))).toBe('0');
  });

  it('counts an unanswered session in the denominator only', () => {
    const data = storeData({ chatSessions: [chat('u1', [['customer', '2026-11-10 10:00:00']])] });
    const r = responseRate30s(data, { asOf: D });
    expect(r.numerator.toString()).toBe('0');
    expect(r.denominator.toString()).toBe('1');
  });

  it('measures from the first customer message, not an earlier agent greeting', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['agent', '2026-11-10 10:00:00'],
          ['customer', '2026-11-10 10:01:00'],
          ['agent', '2026-11-10 10:01:20'],
        ]),
      ],
    });
    expect(v(responseRate30s(data, { asOf: D }))).toBe('1');
  });

  it('judges assessment hours by the session start: 07:59:59.999 out, 08:00 in', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 07:59:59.999'],
          ['agent', '2026-11-10 08:00:01'],
        ]),
        chat('u2', [
          ['customer', '2026-11-10 08:00:00'],
          ['agent', '2026-11-10 08:05:00'],
        ]),
        chat('u3', [
          ['customer', '2026-11-10 23:59:59.999'],
          ['agent', '2026-11-11 00:00:05'],
        ]),
      ],
    });
    const r = responseRate30s(data, { asOf: D });
    // u2 (late) and u3 (23:59:59.999 is in [08:00, 24:00)) count; u1 does not.
    expect(r.denominator.toString()).toBe('2');
    expect(r.numerator.toString()).toBe('1');
  });

  it('applies the published 09:00–23:00 alternative by session start (08:56 answered 09:01 is out)', () => {
    const alt: RuleSet = {
      ...defaultRuleSet,
      chat: {
        ...defaultRuleSet.chat,
        assessmentHours: { value: { fromHour: 9, toHour: 23 }, source: { tag: 'custom' } },
      },
    };
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 08:56:00'],
          ['agent', '2026-11-10 09:01:00'],
        ]),
        chat('u2', [
          ['customer', '2026-11-10 22:59:59'],
          ['agent', '2026-11-10 23:00:10'],
        ]),
      ],
    });
    expect(responseRate30s(data, { asOf: D, ruleSet: alt }).denominator.toString()).toBe('1');
  });

  it('only counts pre-sales consultations', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 10:00:00'],
          ['agent', '2026-11-10 10:00:05'],
        ]),
        chat(
          'u2',
          [
            ['customer', '2026-11-10 10:00:00'],
            ['agent', '2026-11-10 10:00:05'],
          ],
          { stage: 'after-sales' },
        ),
      ],
      orders: [order('u1', '2026-11-01 10:00:00')],
    });
    // u1 had an earlier order: after-sales. u2 is after-sales by its explicit stage.
    expect(responseRate30s(data, { asOf: D }).status).toBe('no-data');
  });
});

describe('the chat window [D−35, D−6]', () => {
  const at = (local: string) =>
    storeData({
      chatSessions: [
        chat('u1', [
          ['customer', local],
          ['agent', local],
        ]),
      ],
    });
  it.each([
    ['2026-10-18 23:59:59.999', '0'],
    ['2026-10-19 00:00:00', '1'],
    ['2026-11-17 23:59:59.999', '1'],
    ['2026-11-18 00:00:00', '0'],
  ])('a session starting %s counts %s', (local, n) => {
    // Conversion has no assessment-hours filter, so midnight is a fair edge for it.
    expect(conversionRate(at(local), { asOf: D }).denominator.toString()).toBe(n);
  });
});

describe('session merging (10 minutes)', () => {
  it('merges a return after 9:59 and starts a new session after exactly 10:00', () => {
    const merged = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 10:00:00'],
          ['agent', '2026-11-10 10:00:10'],
        ]),
        chat('u1', [
          ['customer', '2026-11-10 10:10:09.999'],
          ['agent', '2026-11-10 10:11:00'],
        ]),
      ],
    });
    const split = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 10:00:00'],
          ['agent', '2026-11-10 10:00:10'],
        ]),
        chat('u1', [
          ['customer', '2026-11-10 10:10:10'],
          ['agent', '2026-11-10 10:11:00'],
        ]),
      ],
    });
    expect(responseRate30s(merged, { asOf: D }).denominator.toString()).toBe('1');
    expect(responseRate30s(split, { asOf: D }).denominator.toString()).toBe('2');
    // Merged, both manual replies still count for the average: 10 s and 50.001 s.
    expect(averageResponseTime(merged, { asOf: D }).numerator.toString()).toBe('60.001');
  });

  it('chains merges and anchors on the first piece, even across midnight', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [['customer', '2026-11-17 23:55:00']]),
        chat('u1', [
          ['customer', '2026-11-18 00:04:00'],
          ['agent', '2026-11-18 00:04:10'],
        ]),
        chat('u1', [
          ['customer', '2026-11-18 00:13:00'],
          ['agent', '2026-11-18 00:13:10'],
        ]),
      ],
    });
    const r = responseRate30s(data, { asOf: D });
    // One session anchored 2026-11-17 (last day of the window), first reply 9 min 10 s after the first message.
    expect(r.denominator.toString()).toBe('1');
    expect(r.numerator.toString()).toBe('0');
  });

  it('does not merge different customers or different kinds', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [['customer', '2026-11-10 10:00:00']]),
        chat('u2', [['customer', '2026-11-10 10:01:00']]),
        chat('u1', [['customer', '2026-11-10 10:02:00']], { kind: 'offline-message' }),
      ],
    });
    const r = messageRate(data, { asOf: D });
    expect(r.numerator.toString()).toBe('1');
    expect(r.denominator.toString()).toBe('3');
  });

  it('takes the first explicit stage and the latest rating of the merged pieces', () => {
    const data = storeData({
      chatSessions: [
        chat(
          'u1',
          [
            ['customer', '2026-11-10 10:00:00'],
            ['agent', '2026-11-10 10:00:05'],
          ],
          {
            rating: 'dissatisfied',
            ratedAt: sh('2026-11-10 10:03:00'),
          },
        ),
        chat(
          'u1',
          [
            ['customer', '2026-11-10 10:05:00'],
            ['agent', '2026-11-10 10:05:05'],
          ],
          {
            stage: 'after-sales',
            rating: 'very-satisfied',
            ratedAt: sh('2026-11-10 10:08:00'),
          },
        ),
      ],
    });
    expect(presalesSatisfaction(data, { asOf: D }).status).toBe('no-data');
    expect(v(afterSalesSatisfaction(data, { asOf: D }))).toBe('1');
  });
});

describe('satisfaction (售前 / 售后)', () => {
  it('splits ratings by stage derived from earlier orders', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [['customer', '2026-11-10 10:00:00']], {
          rating: 'very-satisfied',
          ratedAt: sh('2026-11-10 10:10:00'),
        }),
        chat('u2', [['customer', '2026-11-10 10:00:00']], {
          rating: 'satisfied',
          ratedAt: sh('2026-11-10 10:10:00'),
        }),
        chat('u3', [['customer', '2026-11-10 10:00:00']], {
          rating: 'neutral',
          ratedAt: sh('2026-11-10 10:10:00'),
        }),
        chat('u4', [['customer', '2026-11-10 10:00:00']], {
          rating: 'dissatisfied',
          ratedAt: sh('2026-11-10 10:10:00'),
        }),
        chat('u5', [['customer', '2026-11-10 10:00:00']]),
      ],
      // u4 ordered before chatting (even a cancelled, unpaid order makes it after-sales);
      // u3 ordered exactly at the session start: not before it, so still pre-sales.
      orders: [
        order('u4', '2026-11-09 10:00:00', {
          paidAt: undefined,
          cancelledAt: sh('2026-11-09 11:00:00'),
        }),
        order('u3', '2026-11-10 10:00:00'),
      ],
    });
    const pre = presalesSatisfaction(data, { asOf: D });
    expect(pre.numerator.toString()).toBe('2');
    expect(pre.denominator.toString()).toBe('3');
    expect(pre.value?.toFixed(4)).toBe('0.6667');
    expect(v(afterSalesSatisfaction(data, { asOf: D }))).toBe('0');
  });

  it('does not count a rating stamped at or after the as-of instant', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [['customer', '2026-11-10 10:00:00']], {
          rating: 'satisfied',
          ratedAt: sh('2026-11-23 00:00:00'),
        }),
      ],
    });
    expect(presalesSatisfaction(data, { asOf: D }).status).toBe('no-data');
    // The session's start day 2026-11-10 is still in the window on D+1.
    expect(v(presalesSatisfaction(data, { asOf: '2026-11-24' }))).toBe('1');
  });
});

describe('messageRate (留言率)', () => {
  it('divides offline messages by all sessions in assessment hours', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [['customer', '2026-11-10 12:00:00']], { kind: 'offline-message' }),
        chat('u2', [['customer', '2026-11-10 03:00:00']], { kind: 'offline-message' }),
        chat('u3', [['customer', '2026-11-10 12:00:00']]),
        chat('u4', [['customer', '2026-11-10 12:00:00']]),
        chat('u5', [['customer', '2026-11-10 12:00:00']]),
      ],
    });
    expect(v(messageRate(data, { asOf: D }))).toBe('0.25');
  });
});

describe('conversion and facilitated amount (咨询转化率, 促成金额占比)', () => {
  const received = (c: string, t: string) =>
    chat(c, [
      ['customer', t],
      ['agent', t],
    ]);

  it('counts distinct customers and attributes orders within 24 h, both ends inclusive', () => {
    const data = storeData({
      chatSessions: [
        received('u1', '2026-11-10 10:00:00'),
        received('u1', '2026-11-11 10:00:00'), // same customer again: still one customer
        received('u2', '2026-11-10 10:00:00'),
        received('u3', '2026-11-10 10:00:00'),
        chat('u4', [['customer', '2026-11-10 10:00:00']]), // never answered: not received
      ],
      orders: [
        order('u1', '2026-11-11 10:00:00', { amountFen: 10_000 }), // exactly at the second session's start
        order('u2', '2026-11-11 10:00:00.001', { amountFen: 20_000 }), // 24 h + 1 ms: not attributed
        order('u3', '2026-11-11 10:00:00', { amountFen: 30_000, paidAt: undefined }), // exactly 24 h, unpaid: attributed
        order('u4', '2026-11-10 11:00:00', { amountFen: 40_000 }), // no received session
      ],
    });
    const conv = conversionRate(data, { asOf: D });
    // Received: u1, u2, u3 → 3; converted: u1, u3 → 2.
    expect(conv.numerator.toString()).toBe('2');
    expect(conv.denominator.toString()).toBe('3');
    const share = facilitatedAmountShare(data, { asOf: D });
    // (100 + 300) / (100 + 200 + 300 + 400) = 0.4
    expect(share.numerator.toString()).toBe('400');
    expect(share.denominator.toString()).toBe('1000');
    expect(v(share)).toBe('0.4');
  });

  it('removes an order cancelled before the as-of instant, keeps one cancelled at or after it', () => {
    const data = (cancel: string) =>
      storeData({
        chatSessions: [received('u1', '2026-11-10 10:00:00')],
        orders: [order('u1', '2026-11-10 12:00:00', { cancelledAt: sh(cancel) })],
      });
    expect(v(conversionRate(data('2026-11-22 23:59:59.999'), { asOf: D }))).toBe('0');
    expect(facilitatedAmountShare(data('2026-11-22 23:59:59.999'), { asOf: D }).status).toBe(
      'no-data',
    );
    expect(v(conversionRate(data('2026-11-23 00:00:00'), { asOf: D }))).toBe('1');
    expect(v(facilitatedAmountShare(data('2026-11-23 00:00:00'), { asOf: D }))).toBe('1');
  });

  it('needs a pre-sales session: a returning customer’s chat does not facilitate', () => {
    const data = storeData({
      chatSessions: [received('u1', '2026-11-10 10:00:00')],
      orders: [order('u1', '2026-11-01 10:00:00'), order('u1', '2026-11-10 11:00:00')],
    });
    expect(conversionRate(data, { asOf: D }).status).toBe('no-data');
    expect(v(facilitatedAmountShare(data, { asOf: D }))).toBe('0');
  });
});

describe('as-of instant: nothing at or after D 00:00 counts', () => {
  it('drops messages at or after the as-of instant before merging', () => {
    // A session starting on D−6 whose agent reply comes exactly at the as-of instant (6 days later).
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-17 10:00:00'],
          ['agent', '2026-11-23 00:00:00'],
        ]),
      ],
    });
    const r = averageResponseTime(data, { asOf: D });
    expect(r.status).toBe('no-data');
    expect(conversionRate(data, { asOf: D }).status).toBe('no-data');
    // One day later the reply has happened.
    expect(averageResponseTime(data, { asOf: '2026-11-24' }).denominator.toString()).toBe('1');
  });
});

describe('evaluateHistory equals evaluateStore day by day on the chat fixtures', () => {
  it('holds across window edges, late replies, late ratings and cancellations', () => {
    const data = storeData({
      chatSessions: [
        chat(
          'u1',
          [
            ['customer', '2026-11-10 10:00:00'],
            ['agent', '2026-11-10 10:00:12'],
          ],
          {
            rating: 'satisfied',
            ratedAt: sh('2026-11-20 09:00:00'),
          },
        ),
        chat('u1', [
          ['customer', '2026-11-10 10:05:00'],
          ['agent', '2026-11-12 10:00:00'],
        ]),
        chat('u2', [
          ['customer', '2026-11-12 22:00:00'],
          ['robot', '2026-11-12 22:00:01'],
        ]),
        chat('u3', [['customer', '2026-11-13 09:00:00']], { kind: 'offline-message' }),
        chat('u4', [
          ['customer', '2026-11-14 09:00:00'],
          ['agent', '2026-11-14 09:00:40'],
        ]),
      ],
      orders: [
        order('u1', '2026-11-10 11:00:00', { cancelledAt: sh('2026-11-25 08:00:00') }),
        order('u2', '2026-11-13 08:00:00', { amountFen: 5_990 }),
        order('u4', '2026-11-01 08:00:00'),
      ],
    });
    const days = evaluateHistory(data, { from: '2026-11-12', to: '2026-12-25' });
    expect(days).toHaveLength(44);
    for (const card of days) {
      const single = evaluateStore(data, { asOf: card.asOf });
      expect(card).toEqual(single);
    }
  });
});

describe('a customer’s visits far apart (measured as independent segments)', () => {
  // First order in March, chats in October and November, each visit more than a chat window apart.
  const data = storeData({
    chatSessions: [
      chat(
        'u1',
        [
          ['customer', '2026-10-01 10:00:00'],
          ['agent', '2026-10-01 10:00:05'],
        ],
        {
          rating: 'satisfied',
          ratedAt: sh('2026-10-01 10:05:00'),
        },
      ),
      chat(
        'u1',
        [
          ['customer', '2026-11-15 10:00:00'],
          ['agent', '2026-11-15 10:00:05'],
        ],
        {
          rating: 'dissatisfied',
          ratedAt: sh('2026-11-20 10:05:00'),
        },
      ),
    ],
    orders: [
      order('u1', '2026-03-01 10:00:00'),
      order('u1', '2026-11-15 11:00:00', { cancelledAt: sh('2026-12-01 09:00:00') }),
    ],
  });

  it('still derives the stage from the customer’s first order of all', () => {
    // Both sessions are after-sales: the March order was placed before them.
    expect(presalesSatisfaction(data, { asOf: '2026-11-23' }).status).toBe('no-data');
    expect(afterSalesSatisfaction(data, { asOf: '2026-10-10' }).value?.toString()).toBe('1');
    expect(afterSalesSatisfaction(data, { asOf: '2026-11-24' }).denominator.toString()).toBe('1');
  });

  it('gives every history day exactly the single-day scorecard', () => {
    const days = evaluateHistory(data, { from: '2026-09-25', to: '2026-12-31' });
    for (const card of days) expect(card).toEqual(evaluateStore(data, { asOf: card.asOf }));
  });
});

describe('offline messages (留言) count only toward the message rate', () => {
  // A pre-sales customer (no earlier order) leaves a 留言 that is answered and rated, then orders.
  const offline = (rating?: ChatSession['rating']) =>
    chat(
      'u1',
      [
        ['customer', '2026-11-10 10:00:00'],
        ['agent', '2026-11-10 10:00:10'],
      ],
      rating === undefined
        ? { kind: 'offline-message' }
        : { kind: 'offline-message', rating, ratedAt: sh('2026-11-10 10:05:00') },
    );

  it('a rated 留言 alone: pre-sales satisfaction is no-data', () => {
    const data = storeData({ chatSessions: [offline('very-satisfied')] });
    const r = presalesSatisfaction(data, { asOf: D });
    expect(r.status).toBe('no-data');
    expect(r.denominator.toString()).toBe('0');
  });

  it('a rated after-sales 留言 alone: after-sales satisfaction is no-data', () => {
    const data = storeData({
      chatSessions: [offline('dissatisfied')],
      orders: [order('u1', '2026-11-01 09:00:00')],
    });
    expect(afterSalesSatisfaction(data, { asOf: D }).status).toBe('no-data');
  });

  it('a replied 留言 then an order: conversion is no-data, facilitated share 0', () => {
    const data = storeData({
      chatSessions: [offline()],
      orders: [order('u1', '2026-11-10 11:00:00', { amountFen: 5_000 })],
    });
    expect(conversionRate(data, { asOf: D }).status).toBe('no-data');
    const share = facilitatedAmountShare(data, { asOf: D });
    expect(share.numerator.toString()).toBe('0');
    expect(share.denominator.toString()).toBe('50');
    expect(v(share)).toBe('0');
  });

  it('the same contact as a consultation counts in all four', () => {
    const consultation = (rating: ChatSession['rating']) => ({
      ...offline(rating),
      kind: 'consultation' as const,
    });
    const presales = storeData({
      chatSessions: [consultation('very-satisfied')],
      orders: [order('u1', '2026-11-10 11:00:00', { amountFen: 5_000 })],
    });
    expect(v(presalesSatisfaction(presales, { asOf: D }))).toBe('1');
    expect(v(conversionRate(presales, { asOf: D }))).toBe('1');
    expect(v(facilitatedAmountShare(presales, { asOf: D }))).toBe('1');
    const aftersales = storeData({
      chatSessions: [consultation('dissatisfied')],
      orders: [order('u1', '2026-11-01 09:00:00')],
    });
    expect(v(afterSalesSatisfaction(aftersales, { asOf: D }))).toBe('0');
  });

  it('the 留言 still counts in the message rate', () => {
    const data = storeData({ chatSessions: [offline('very-satisfied')] });
    expect(v(messageRate(data, { asOf: D }))).toBe('1');
  });
});

describe('equal instants', () => {
  const raw = (messages: { from: string; at: string }[], id = 's1') => ({
    id,
    customerId: 'u1',
    messages,
  });

  it('two messages in the same second keep their listed order: a reply listed after the question answers it', () => {
    const data = parseStoreData({
      store: { id: 'x' },
      chatSessions: [
        raw([
          { from: 'customer', at: '2026-11-10 10:00:00' },
          { from: 'agent', at: '2026-11-10 10:00:00' },
        ]),
      ],
    });
    const art = averageResponseTime(data, { asOf: D });
    expect(art.denominator.toString()).toBe('1');
    expect(v(art)).toBe('0');
    expect(v(responseRate30s(data, { asOf: D }))).toBe('1');
  });

  it('an agent message listed before the customer in the same second does not answer it', () => {
    const data = parseStoreData({
      store: { id: 'x' },
      chatSessions: [
        raw([
          { from: 'agent', at: '2026-11-10 10:00:00' },
          { from: 'customer', at: '2026-11-10 10:00:00' },
          { from: 'agent', at: '2026-11-10 10:00:40' },
        ]),
      ],
    });
    const art = averageResponseTime(data, { asOf: D });
    expect(art.denominator.toString()).toBe('1');
    expect(v(art)).toBe('40');
    // First reply at or after the first customer message: the 10:00:00 agent message, listed
    // before the customer's, is not "after" it in the record's order.
    expect(v(responseRate30s(data, { asOf: D }))).toBe('0');
  });

  it('merged pieces with equal instants are taken by start, then id, whatever the input order', () => {
    // Two records of one customer starting in the same second: "a" before "b" by id.
    const a = raw([{ from: 'customer', at: '2026-11-10 10:00:00' }], 'a');
    const b = raw(
      [
        { from: 'agent', at: '2026-11-10 10:00:00' },
        { from: 'customer', at: '2026-11-10 10:00:00' },
        { from: 'agent', at: '2026-11-10 10:00:50' },
      ],
      'b',
    );
    for (const chatSessions of [
      [a, b],
      [b, a],
    ]) {
      const data = parseStoreData({ store: { id: 'x' }, chatSessions });
      // Merged messages: a's customer, then b's agent (answers it: 0 s), b's customer, b's agent (50 s).
      const art = averageResponseTime(data, { asOf: D });
      expect(art.numerator.toString()).toBe('50');
      expect(art.denominator.toString()).toBe('2');
      expect(v(responseRate30s(data, { asOf: D }))).toBe('1');
    }
  });

  it("a merged session's rating is the latest ratedAt; equal ratedAt: the later piece's", () => {
    const piece = (id: string, at: string, rating: string, ratedAt: string) => ({
      ...raw(
        [
          { from: 'customer', at },
          { from: 'agent', at },
        ],
        id,
      ),
      rating,
      ratedAt,
    });
    const satisfaction = (chatSessions: unknown[]) =>
      v(presalesSatisfaction(parseStoreData({ store: { id: 'x' }, chatSessions }), { asOf: D }));
    // Later ratedAt wins even from the earlier piece.
    const early = piece('p1', '2026-11-10 10:00:00', 'satisfied', '2026-11-10 10:09:00');
    const late = piece('p2', '2026-11-10 10:05:00', 'dissatisfied', '2026-11-10 10:08:00');
    expect(satisfaction([early, late])).toBe('1');
    expect(satisfaction([late, early])).toBe('1');
    // Equal ratedAt: the later piece (by start) wins.
    const tie1 = piece('p1', '2026-11-10 10:00:00', 'satisfied', '2026-11-10 10:09:00');
    const tie2 = piece('p2', '2026-11-10 10:05:00', 'neutral', '2026-11-10 10:09:00');
    expect(satisfaction([tie1, tie2])).toBe('0');
    expect(satisfaction([tie2, tie1])).toBe('0');
    // Equal start and equal ratedAt: the later piece by id.
    const same1 = piece('p1', '2026-11-10 10:00:00', 'neutral', '2026-11-10 10:09:00');
    const same2 = piece('p2', '2026-11-10 10:00:00', 'very-satisfied', '2026-11-10 10:09:00');
    expect(satisfaction([same2, same1])).toBe('1');
  });

  it('a rating without ratedAt is dated at the record’s last message that has happened', () => {
    const rated = {
      ...raw([
        { from: 'customer', at: '2026-11-10 10:00:00' },
        { from: 'agent', at: '2026-11-10 10:00:10' },
      ]),
      rating: 'satisfied',
    };
    const data = parseStoreData({ store: { id: 'x' }, chatSessions: [rated] });
    expect(v(presalesSatisfaction(data, { asOf: D }))).toBe('1');
    // The last message at the as-of instant is dropped first: the rating is dated at the
    // customer's message before it, and counts. A message still to come never changes a result:
    // without it, the same.
    const late = {
      ...raw([
        { from: 'customer', at: '2026-11-22 23:59:59' },
        { from: 'agent', at: '2026-11-23 00:00:00' },
      ]),
      rating: 'satisfied',
    };
    const withoutLate = { ...late, messages: late.messages.slice(0, 1) };
    const lateData = parseStoreData({ store: { id: 'x' }, chatSessions: [late] });
    const windows = {
      ...defaultRuleSet.windows,
      'consultation.presales-satisfaction': {
        ...defaultRuleSet.windows['consultation.presales-satisfaction'],
        value: { fromDaysBack: 2, toDaysBack: 1 },
      },
    };
    const ruleSet: RuleSet = { ...defaultRuleSet, windows };
    const cut = parseStoreData({ store: { id: 'x' }, chatSessions: [withoutLate] });
    expect(v(presalesSatisfaction(lateData, { asOf: D, ruleSet }))).toBe('1');
    expect(v(presalesSatisfaction(cut, { asOf: D, ruleSet }))).toBe('1');
    expect(v(presalesSatisfaction(lateData, { asOf: '2026-11-24', ruleSet }))).toBe('1');
    // Only a message before the as-of instant dates it: a session whose every message is in
    // the future is not a session yet.
    expect(presalesSatisfaction(lateData, { asOf: '2026-11-22', ruleSet }).status).toBe('no-data');
  });
});
