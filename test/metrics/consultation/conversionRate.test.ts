import { describe, expect, it } from 'vitest';
import { conversionRate } from '../../../src/index.js';
import { chat, order, storeData } from '../../_helpers.js';
import { D } from './_fixtures.js';

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
  ])(
    'a session starting %s counts %s [consultation.conversion-rate#no-assessment-hours]',
    (local, n) => {
      // Conversion has no assessment-hours filter, so midnight is a fair edge for it.
      expect(conversionRate(at(local), { asOf: D }).denominator.toString()).toBe(n);
    },
  );
});

describe('attribution starts at the session start', () => {
  it('does not attribute an order placed 1 ms before a consultation marked pre-sales', () => {
    const session = chat(
      'u1',
      [
        ['customer', '2026-11-10 10:00:00'],
        ['agent', '2026-11-10 10:00:05'],
      ],
      { stage: 'pre-sales' },
    );
    const numerator = (placed: string) =>
      conversionRate(storeData({ chatSessions: [session], orders: [order('u1', placed)] }), {
        asOf: D,
      }).numerator.toString();
    expect([numerator('2026-11-10 09:59:59.999'), numerator('2026-11-10 10:00:00')]).toEqual([
      '0',
      '1',
    ]);
  });
});
