import { describe, expect, it } from 'vitest';
import { evaluateHistory, evaluateStore } from '../../../src/evaluate/evaluate.js';
import type { MetricId } from '../../../src/metrics/catalogue.js';
import { serviceOrder, sh, storeData } from '../../_helpers.js';
import { AS_OF, approved, outbound } from './_fixtures.js';

const IDS: MetricId[] = [
  'after-sales.repair-rate',
  'after-sales.quality-repair-rate',
  'after-sales.return-rate',
  'after-sales.duration',
  'after-sales.return-satisfaction',
];

describe('evaluateHistory equals evaluateStore day by day on the after-sales fixtures', () => {
  it('holds across window edges, late approvals, rejections, completions and ratings', () => {
    const big = outbound('2026-10-24 00:00:00', 3);
    const data = storeData({
      orders: [
        big,
        outbound('2026-10-23 23:59:59.999', 2),
        outbound('2026-11-10 10:00:00', 2, { cancelledAt: sh('2026-11-12 10:00:00') }),
        outbound('2026-11-22 23:59:59.999', 1),
        outbound(AS_OF, 4),
        outbound('2026-12-05 10:00:00', 1, { outboundAt: undefined }),
      ],
      serviceOrders: [
        approved('2026-10-24 00:00:00', { orderId: big.id, type: 'return', reason: 'quality' }),
        approved('2026-10-23 23:59:59.999', { type: 'repair', reason: 'dead-on-arrival' }),
        approved('2026-11-22 23:59:59.999', {
          type: 'return',
          reason: 'no-reason',
          completedAt: sh('2026-11-25 10:00:00'),
          rating: 'satisfied',
          ratedAt: sh('2026-11-26 10:00:00'),
        }),
        approved(AS_OF, {
          type: 'exchange',
          reason: 'appearance',
          rejectedAt: sh('2026-11-30 09:00:00'),
        }),
        serviceOrder('o-any', '2026-11-20 10:00:00', {
          type: 'return',
          reason: 'missing-parts',
          completedAt: sh('2026-11-21 10:00:00'),
          approvedAt: sh('2026-11-27 00:00:00'),
          rating: 'neutral',
          ratedAt: sh('2026-05-27 00:00:00'),
        }),
        serviceOrder('o-any', '2026-11-01 10:00:00', { rejectedAt: sh('2026-11-02 10:00:00') }),
      ],
    });
    const days = evaluateHistory(data, { from: '2026-10-20', to: '2027-01-10' });
    expect(days).toHaveLength(83);
    let withData = 0;
    for (const card of days) {
      const single = evaluateStore(data, { asOf: card.asOf });
      for (const id of IDS) {
        expect(card.metrics[id], `${id} on ${card.asOf}`).toEqual(single.metrics[id]);
        if (single.metrics[id].status !== 'no-data') withData++;
      }
    }
    // The fixture is not vacuous: many (day, metric) pairs have data.
    expect(withData).toBeGreaterThan(100);
  });
});
