/**
 * Replay of the chat metrics: one pass over many days equals one evaluation per day.
 */
import { describe, expect, it } from 'vitest';
import {
  afterSalesSatisfaction,
  evaluateHistory,
  evaluateStore,
  presalesSatisfaction,
} from '../../../src/index.js';
import { chat, order, sh, storeData } from '../../_helpers.js';

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
