import { describe, expect, it } from 'vitest';
import type { Review } from '../../../src/model.js';
import type { MetricResult } from '../../../src/scoring/metric.js';
import { review, sh, storeData } from '../../_helpers.js';
import { expectHistoryMatches, nd, v } from './_fixtures.js';

/**
 * A customer with more reviews than the limit, created far apart: between the facts nothing
 * re-measures the customer unless the selection records when a later review enters its window.
 */
function sparse(customerId: string): Review[] {
  const tied = Array.from({ length: 21 }, (_, i) =>
    review(customerId, '2026-10-01 10:00', i === 0 ? 1 : 2, {
      id: `${customerId}-${String(i + 1).padStart(2, '0')}`,
      ...(i % 3 === 0 ? { repliedAt: sh('2026-10-01 18:00') } : {}),
    }),
  );
  return [
    ...tied,
    review(customerId, '2026-11-15 10:00', 1, { id: `${customerId}-late1` }),
    review(customerId, '2026-12-01 10:00', 3, {
      id: `${customerId}-late2`,
      repliedAt: sh('2026-12-02 10:00'),
    }),
  ];
}

describe('review metrics: evaluateHistory equals evaluateStore with sparse large customers', () => {
  it('re-measures a customer when a newer review enters the window and pushes an older one out', () => {
    const data = storeData({ reviews: sparse('p') });
    const h = expectHistoryMatches(data, '2026-09-25', '2027-01-15');
    const at = (id: 'reviews.negative-rate' | 'reviews.satisfaction-score', asOf: string) =>
      h[id][(Date.parse(asOf) - Date.parse('2026-09-25')) / 86_400_000] as MetricResult;
    // 2026-11-15: only the 21 tied reviews are in the window; the view's order puts p-01 (the
    // smallest id, the 1-star one) last, so it is the 21st and drops out → 0 / 20.
    expect(nd(at('reviews.negative-rate', '2026-11-15'))).toEqual(['0', '20', '0']);
    // 2026-11-16: late1 (1 star) enters and pushes p-02 out: 1 / 20.
    expect(nd(at('reviews.negative-rate', '2026-11-16'))).toEqual(['1', '20', '0.05']);
    // 2026-12-02: late2 enters and pushes p-03 out: still 1 / 20.
    expect(nd(at('reviews.negative-rate', '2026-12-02'))).toEqual(['1', '20', '0.05']);
    // Satisfaction (30 days): on 2026-11-16 only late1 is in [10-17, 11-15] → 2 × 1 / 1.
    expect(nd(at('reviews.satisfaction-score', '2026-11-16'))).toEqual(['2', '1', '2']);
    // On 2026-10-31 (window 10-01..10-30): the 20 latest tied reviews, all 2 stars → 80 / 20.
    expect(nd(at('reviews.satisfaction-score', '2026-10-31'))).toEqual(['80', '20', '4']);
    // Handling (deadline 2026-10-02 in the window): p-21..p-02, replied p-04, p-07, …, p-19 → 6 / 20.
    const handling = h['reviews.negative-handling-rate-24h'];
    expect(
      nd(
        handling[
          (Date.parse('2026-10-20') - Date.parse('2026-09-25')) / 86_400_000
        ] as MetricResult,
      ),
    ).toEqual(['6', '20', '0.3']);
    expect(new Set(handling.map(v)).size).toBeGreaterThan(2);
  });
});
