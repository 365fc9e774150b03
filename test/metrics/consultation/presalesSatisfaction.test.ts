import { describe, expect, it } from 'vitest';
import { presalesSatisfaction } from '../../../src/index.js';
import { chat, order, sh, storeData } from '../../_helpers.js';
import { aroundD, CHAT_WINDOW, D, rated, ratedAtWindowEdges, v } from './_fixtures.js';

describe('presalesSatisfaction (售前客服满意度)', () => {
  it('does not count a rating stamped at or after the as-of instant [consultation.presales-satisfaction#rating-happened]', () => {
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

  it('counts sessions starting on D−35 (from 00:00) and D−6 (to 23:59:59.999), not 1 ms outside', () => {
    // No customer ordered before chatting: every session is pre-sales.
    const data = storeData({ chatSessions: ratedAtWindowEdges() });
    expect(aroundD(presalesSatisfaction, data)).toEqual({
      '2026-11-22': '2/2',
      '2026-11-23': '1/2',
      '2026-11-24': '0/2',
    });
    const r = presalesSatisfaction(data, { asOf: D });
    expect(v(r)).toBe('0.5');
    expect(r.window).toEqual(CHAT_WINDOW);
    expect(r.status).toBe('too-little-data');
  });

  it('counts a rating 1 ms before the as-of instant, and only ratings: 2 of 3 rated is 0.666…7', () => {
    const data = storeData({
      chatSessions: [
        rated('u1', '2026-11-17 10:00:00', 'very-satisfied', {
          ratedAt: sh('2026-11-22 23:59:59.999'),
        }),
        rated('u2', '2026-11-17 10:00:00', 'satisfied'),
        rated('u3', '2026-11-17 10:00:00', 'neutral'),
        chat('u4', [['customer', '2026-11-17 10:00:00']]), // unrated: nowhere
        rated('u5', '2026-11-17 10:00:00', 'very-satisfied'), // ordered 1 ms before: after-sales
      ],
      orders: [order('u5', '2026-11-17 09:59:59.999')],
    });
    const r = presalesSatisfaction(data, { asOf: D });
    expect(`${r.numerator.toString()}/${r.denominator.toString()}`).toBe('2/3');
    expect(v(r)).toBe('0.6666666666666666666666666666666666666667');
  });

  it('is no-data on an empty window, never NaN', () => {
    const r = presalesSatisfaction(
      storeData({ chatSessions: [rated('u1', '2026-11-18 00:00:00', 'satisfied')] }),
      {
        asOf: D,
      },
    );
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(r.numerator.toString()).toBe('0');
    expect(r.denominator.toString()).toBe('0');
  });

  it('applies no assessment hours: a session started at 03:00 counts [consultation.presales-satisfaction#no-assessment-hours]', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [['customer', '2026-11-10 03:00:00']], {
          rating: 'very-satisfied',
          ratedAt: sh('2026-11-10 03:05:00'),
        }),
        chat('u2', [['customer', '2026-11-10 07:59:59.999']], {
          rating: 'neutral',
          ratedAt: sh('2026-11-10 08:05:00'),
        }),
      ],
    });
    const r = presalesSatisfaction(data, { asOf: D });
    expect([r.numerator.toString(), r.denominator.toString()]).toEqual(['1', '2']);
  });
});
