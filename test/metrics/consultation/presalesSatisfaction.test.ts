import { describe, expect, it } from 'vitest';
import { presalesSatisfaction } from '../../../src/index.js';
import { chat, sh, storeData } from '../../_helpers.js';
import { D, v } from './_fixtures.js';

describe('presalesSatisfaction (售前客服满意度)', () => {
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
