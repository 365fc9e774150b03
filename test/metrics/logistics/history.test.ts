/**
 * Replay of the logistics metrics: one pass over many days equals one evaluation per day.
 */
import { describe, it } from 'vitest';
import { storeData } from '../../_helpers.js';
import {
  arrivalFixture,
  collectionFixture,
  deliveryFixture,
  expectHistoryMatches,
  withLogistics,
} from './_fixtures.js';

describe('evaluateHistory equals evaluateStore day by day on the logistics fixtures', () => {
  const all = () =>
    storeData({
      orders: [
        ...collectionFixture().orders,
        ...arrivalFixture().orders,
        ...deliveryFixture().orders,
      ],
    });

  it('holds with the default rules', () => {
    expectHistoryMatches(all(), '2026-10-30', '2026-12-15');
  });

  it('holds with arrivalDays 2 and an 18:00 cut-off', () => {
    expectHistoryMatches(all(), '2026-10-30', '2026-12-15', withLogistics(2, 18));
  });
});
