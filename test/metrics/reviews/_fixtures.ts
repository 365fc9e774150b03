/**
 * Shared helpers of the review metric tests.
 */
import { expect } from 'vitest';
import type { MetricCalculator } from '../../../src/evaluate/calculators.js';
import {
  negativeReviewHandlingRate24h,
  negativeReviewRate,
  reviewSatisfactionScore,
} from '../../../src/evaluate/calculators.js';
import { evaluateHistory, evaluateStore } from '../../../src/evaluate/evaluate.js';
import type { MetricId } from '../../../src/metrics/catalogue.js';
import type { Review, StoreData } from '../../../src/model.js';
import type { MetricResult } from '../../../src/scoring/metric.js';
import { DAY_MS } from '../../../src/time/shanghai.js';
import { review, sh } from '../../_helpers.js';

/** The evaluation day used throughout. */
export const D = '2026-11-23';

/** A result's value as a decimal string, or null. */
export const v = (r: MetricResult): string | null => r.value?.toString() ?? null;

/** A result as [numerator, denominator, value] strings. */
export const nd = (r: MetricResult): [string, string, string | null] => [
  r.numerator.toString(),
  r.denominator.toString(),
  v(r),
];

/**
 * `count` reviews of one customer, one per day going back from `newest` (newest first), each
 * with the given stars and extra fields; ids `${prefix}-NN` (NN = 01 for the newest).
 */
export function daily(
  customerId: string,
  newest: string,
  count: number,
  stars: Review['stars'],
  extra: Partial<Review> = {},
  prefix = customerId,
): Review[] {
  const t0 = sh(newest);
  const out: Review[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      review(customerId, '2026-01-01 00:00', stars, {
        id: `${prefix}-${String(i + 1).padStart(2, '0')}`,
        ...extra,
        createdAt: t0 - i * DAY_MS,
      }),
    );
  }
  return out;
}

const CALCULATORS: readonly [MetricId, MetricCalculator][] = [
  ['reviews.negative-rate', negativeReviewRate],
  ['reviews.negative-handling-rate-24h', negativeReviewHandlingRate24h],
  ['reviews.satisfaction-score', reviewSatisfactionScore],
];

/**
 * Checks that `evaluateHistory` over `[from, to]` equals `evaluateStore` (and each review
 * calculator) on every day; returns the history's review results by metric id for further checks.
 */
export function expectHistoryMatches(
  data: StoreData,
  from: string,
  to: string,
): Record<MetricId, MetricResult[]> {
  const days = evaluateHistory(data, { from, to });
  const out = {} as Record<MetricId, MetricResult[]>;
  for (const card of days) {
    const single = evaluateStore(data, { asOf: card.asOf });
    for (const [id, calc] of CALCULATORS) {
      expect(card.metrics[id], `${id} on ${card.asOf}`).toEqual(single.metrics[id]);
      expect(card.metrics[id], `${id} on ${card.asOf} (calculator)`).toEqual(
        calc(data, { asOf: card.asOf }),
      );
      let list = out[id];
      if (list === undefined) {
        list = [];
        out[id] = list;
      }
      list.push(card.metrics[id]);
    }
  }
  return out;
}
