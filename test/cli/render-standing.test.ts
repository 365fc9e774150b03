import { describe, expect, it } from 'vitest';
import { renderScorecard } from '../../src/cli/render.js';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { order, review, storeData } from '../_helpers.js';

describe('renderScorecard: what could not be verified, and too little data', () => {
  const data = storeData({
    orders: [order('u1', '2026-11-10 10:00:00')],
    reviews: Array.from({ length: 3 }, (_, i) => review(`r${i}`, '2026-11-15 10:00:00', 5)),
  });

  it('lists the facts a ranking alone cannot verify, and what each is needed for', () => {
    const text = renderScorecard(
      evaluateStore(data, { asOf: '2026-11-23', ranking: { rate: 0.95 } }),
    );
    expect(text).toContain('店铺星级 Stars 4.5');
    expect(text).toContain('京东好店 Good Shop eligible: no (not verified)');
    expect(text).toContain('Not verified (supply these facts to check them):');
    expect(text).toContain('moduleRankings.logistics: needed for 4.9 stars, Good Shop eligibility');
    expect(text).toContain('goodShop.baseline.storeAge: needed for Good Shop eligibility');
  });

  it('says nothing is unverified below the top band', () => {
    const text = renderScorecard(
      evaluateStore(data, { asOf: '2026-11-23', ranking: { rate: 0.5 } }),
    );
    expect(text).not.toContain('Not verified');
  });

  it('marks a metric with too little data', () => {
    const text = renderScorecard(evaluateStore(data, { asOf: '2026-11-23' }));
    expect(text).toMatch(/差评率 Negative review rate .*\(too little data: 3 in the denominator\)/);
  });
});
