/**
 * Shared helpers of the after-sales tests.
 */
import type { MetricResult, Order, Rating, ServiceOrder } from '../../../src/index.js';
import { order, serviceOrder, sh } from '../../_helpers.js';

/** Evaluation day used throughout: D = 2026-11-23. */
export const D = '2026-11-23';
/** D + 1. */
export const D1 = '2026-11-24';
/** First day of the 30-day window [D−30, D−1]. */
export const FIRST = '2026-10-24';
/** Last day of every after-sales window (D−1). */
export const LAST = '2026-11-22';
/** The as-of instant of D: D 00:00 Shanghai. */
export const AS_OF = '2026-11-23 00:00:00';

/** The value as an exact decimal string, or null. */
export const v = (r: MetricResult): string | null => r.value?.toString() ?? null;

/** Numerator, denominator and value as exact strings. */
export const parts = (r: MetricResult) => ({
  numerator: r.numerator.toString(),
  denominator: r.denominator.toString(),
  value: v(r),
  status: r.status,
});

/**
 * Each rating and whether it counts as satisfied (非常满意 + 满意): one alone gives a satisfaction
 * of '1' or '0'.
 */
export const SATISFIED_BY_RATING: readonly [Rating, string][] = [
  ['very-satisfied', '1'],
  ['satisfied', '1'],
  ['neutral', '0'],
  ['dissatisfied', '0'],
  ['very-dissatisfied', '0'],
];

let n = 0;

/** An order of `units` that left the warehouse at `outbound` (Shanghai time), placed a day earlier. */
export function outbound(at: string, units = 1, extra: Partial<Order> = {}): Order {
  const out = sh(at);
  return order(`buyer${++n}`, '2026-01-01 00:00:00', {
    placedAt: out - 86_400_000,
    paidAt: out - 86_400_000,
    units,
    outboundAt: out,
    ...extra,
  });
}

/** A service order approved at `approved` (Shanghai time), applied an hour earlier. */
export function approved(at: string, extra: Partial<ServiceOrder> = {}): ServiceOrder {
  const t = sh(at);
  return serviceOrder('o-any', '2026-01-01 00:00:00', {
    appliedAt: t - 3_600_000,
    approvedAt: t,
    ...extra,
  });
}
