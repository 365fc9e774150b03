/**
 * The monthly chat figures are slots of the evaluation's one engine pass: each day's standing
 * assesses the last complete calendar month as of the first day of the next month, exactly as
 * `chatDefectPenaltyForMonth` does, whatever the range evaluated.
 */
import { describe, expect, it } from 'vitest';
import { chatDefectPenaltyForMonth } from '../../src/evaluate/chatMonth.js';
import { evaluateHistory, evaluateStore } from '../../src/evaluate/evaluate.js';
import type { ChatSession } from '../../src/model.js';
import { chat, sh, storeData } from '../_helpers.js';

/** A rated session of customer `u` on `day` at 10:00, answered after `replySeconds`. */
function rated(
  u: string,
  day: string,
  rating: NonNullable<ChatSession['rating']>,
  ratedAt: string,
  replySeconds = 20,
): ChatSession {
  const s = String(replySeconds).padStart(2, '0');
  return chat(
    u,
    [
      ['customer', `${day} 10:00:00`],
      ['agent', `${day} 10:00:${s}`],
    ],
    { rating, ratedAt: sh(ratedAt) },
  );
}

// October: 12 rated sessions, 5 satisfied (41.67%: a failure, > 10 ratings). One October
// session is rated on 2026-11-10, after October's assessment day (11-01): it never counts for
// October. November: 11 sessions, all satisfied, one on 11-30 23:59:59.999 and one rated at
// the as-of instant of 12-01.
const october = [
  ...Array.from({ length: 11 }, (_, i) => {
    const d = `2026-10-${String(i + 1).padStart(2, '0')}`;
    return rated(`o${i}`, d, i < 5 ? 'satisfied' : 'dissatisfied', `${d} 11:00:00`);
  }),
  rated('late', '2026-10-31', 'very-satisfied', '2026-11-10 09:00:00'),
];
const november = [
  ...Array.from({ length: 9 }, (_, i) => {
    const d = `2026-11-${String(i + 2).padStart(2, '0')}`;
    return rated(`n${i}`, d, 'very-satisfied', `${d} 11:00:00`, 45);
  }),
  chat(
    'edge',
    [
      ['customer', '2026-11-30 23:59:59.999'],
      ['agent', '2026-12-01 00:00:30'],
    ],
    { rating: 'satisfied', ratedAt: sh('2026-11-30 23:59:59.999') },
  ),
  rated('asof', '2026-11-20', 'satisfied', '2026-12-01 00:00:00'),
];
const data = storeData({ chatSessions: [...october, ...november] });
const ranking = { rate: 0.5 };

describe('the monthly chat figures in one engine pass', () => {
  it('assesses October as of 2026-11-01 on every day of November, a late rating never counting', () => {
    for (const asOf of ['2026-11-01', '2026-11-15', '2026-11-30']) {
      const p = evaluateStore(data, { asOf, ranking }).standing?.chatPenalty;
      expect(p?.month).toBe('2026-10');
      // 11 ratings known on 11-01 (the 12th was rated on 11-10): 5 / 11 satisfied.
      expect(p?.figures.ratings).toBe(11);
      expect(p?.figures.satisfaction).toBe(5 / 11);
      expect(p?.failures).toEqual(['satisfaction']);
      expect(p).toEqual(chatDefectPenaltyForMonth(data, { month: '2026-10' }));
    }
  });

  it('moves to November on 2026-12-01: the last millisecond in, the rating at the as-of instant out', () => {
    const p = evaluateStore(data, { asOf: '2026-12-01', ranking }).standing?.chatPenalty;
    expect(p?.month).toBe('2026-11');
    // 9 sessions + the one starting 11-30 23:59:59.999; the 11-20 session's rating (12-01 00:00)
    // has not happened: 10 ratings, all satisfied. Consultations: the 11 November sessions.
    // Replies: 9 × 45 s and 20 s; the edge session's reply (12-01 00:00:30) has not happened.
    expect(p?.figures).toEqual({
      ratings: 10,
      satisfaction: 1,
      consultations: 11,
      averageResponseSeconds: 42.5,
      messageRate: 0,
    });
    expect(p).toEqual(chatDefectPenaltyForMonth(data, { month: '2026-11' }));
  });

  it('gives every day of a history its standing, equal to evaluateStore day by day', () => {
    const days = evaluateHistory(data, { from: '2026-10-25', to: '2026-12-05', ranking });
    expect(days).toHaveLength(42);
    for (const card of days) {
      expect(card.standing, card.asOf).toBeDefined();
      expect(card, card.asOf).toEqual(evaluateStore(data, { asOf: card.asOf, ranking }));
    }
    expect(days.map((d) => d.standing?.chatPenalty.month)).toEqual([
      ...Array(7).fill('2026-09'),
      ...Array(30).fill('2026-10'),
      ...Array(5).fill('2026-11'),
    ]);
  });

  it('has no standing in a history without peers or a ranking', () => {
    const days = evaluateHistory(data, { from: '2026-11-01', to: '2026-11-02' });
    expect(days.map((d) => d.standing)).toEqual([undefined, undefined]);
  });
});
