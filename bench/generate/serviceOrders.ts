/**
 * After-sales service orders (售后服务单), as `ServiceOrderInput`.
 *
 * 4% of delivered orders, applied for an hour or more after delivery with an exponential wait
 * (mean 3 days, capped at 25), so the return and repair rates land near a small-appliance
 * store's few percent. Returns are most of them (55%, 45% of those without a reason: the 7-day
 * no-questions return), then exchanges (25%) and repairs (20%, half for quality); the first
 * six reasons are the quality reasons the quality-repair rate counts. 87% are approved within
 * 10 minutes to 20 hours and completed 1 to 5 days after the application (the after-sales
 * duration), 10% rejected, 3% left pending; 40% of the completed and 30% of the rejected are
 * rated, the rejected ones far worse. Half bring an after-sales chat. A service order for a quality reason or a
 * rejected one makes its customer unhappy, which the review and the dispute then reflect.
 *
 * @module
 */
import type { ServiceOrderInput } from '../../src/index.js';
import { serviceChat } from './chatSessions.js';
import { DAY, type Draft, type Generation, HOUR, MINUTE, SECOND } from './context.js';
import { cumulative } from './random.js';

type ServiceType = ServiceOrderInput['type'];
type ServiceReason = ServiceOrderInput['reason'];

/** Delivered orders with a service order. */
const SERVICE_ORDER_SHARE = 0.04;
const SERVICE_TYPES: readonly ServiceType[] = ['return', 'exchange', 'repair'];
const SERVICE_TYPE_WEIGHTS = cumulative([0.55, 0.25, 0.2]);
/** The reasons; the first six are the quality reasons. */
const REASONS: readonly ServiceReason[] = [
  'quality',
  'fake-or-used',
  'dead-on-arrival',
  'missing-parts',
  'soft-failure',
  'appearance',
  'no-reason',
  'other',
];
/** Reason weights per type, in the order of REASONS. */
const REASON_WEIGHTS: Record<ServiceType, Float64Array> = {
  return: cumulative([0.2, 0.02, 0.06, 0.05, 0.04, 0.08, 0.45, 0.1]),
  exchange: cumulative([0.3, 0.02, 0.15, 0.13, 0.0, 0.15, 0.1, 0.15]),
  repair: cumulative([0.5, 0.0, 0.1, 0.0, 0.25, 0.0, 0.0, 0.15]),
};
/** Ratings (best first) of a completed and of a rejected service order. */
const RATING_SERVICE_DONE = cumulative([0.6, 0.25, 0.08, 0.04, 0.03]);
const RATING_SERVICE_REJECTED = cumulative([0.05, 0.1, 0.2, 0.3, 0.35]);

/** What a service order leaves for the review and the dispute that may follow. */
export interface ServiceOutcome {
  /** Applied for a quality reason, or rejected. */
  readonly unhappy: boolean;
  /** When it was rejected, or -1. */
  readonly rejected: number;
}

const NONE: ServiceOutcome = { unhappy: false, rejected: -1 };

/** Maybe a service order about `orderId`, delivered at `delivered` to `customer`. */
export function serviceOrder(
  g: Generation,
  orderId: string,
  customer: number,
  delivered: number,
): ServiceOutcome {
  const { rng } = g;
  if (!rng.chance(SERVICE_ORDER_SHARE)) return NONE;
  const applied =
    delivered + HOUR + Math.round(Math.min(rng.exponential(3 * DAY), 25 * DAY) / SECOND) * SECOND;
  if (applied >= g.endMs) return NONE;
  const type = SERVICE_TYPES[rng.weighted(SERVICE_TYPE_WEIGHTS)] as ServiceType;
  const reasonIndex = rng.weighted(REASON_WEIGHTS[type]);
  const service: Draft<ServiceOrderInput> = {
    id: '',
    orderId,
    type,
    reason: REASONS[reasonIndex] as ServiceReason,
    appliedAt: g.fmt(applied),
  };
  let unhappy = reasonIndex <= 5;
  let rejected = -1;
  const u = rng.next();
  let rated = -1;
  let weights = RATING_SERVICE_DONE;
  if (u < 0.87) {
    const approved = applied + g.secs(10 * MINUTE, 20 * HOUR);
    if (approved < g.endMs) {
      service.approvedAt = g.fmt(approved);
      let completed = applied + g.secs(DAY, 5 * DAY);
      if (completed < approved + HOUR) completed = approved + HOUR;
      if (completed < g.endMs) {
        service.completedAt = g.fmt(completed);
        if (rng.chance(0.4)) rated = completed + g.secs(10 * MINUTE, 3 * DAY);
      }
    }
  } else if (u < 0.97) {
    rejected = applied + g.secs(HOUR, 48 * HOUR);
    if (rejected < g.endMs) {
      service.rejectedAt = g.fmt(rejected);
      unhappy = true;
      weights = RATING_SERVICE_REJECTED;
      if (rng.chance(0.3)) rated = rejected + g.secs(10 * MINUTE, 2 * DAY);
    } else {
      rejected = -1;
    }
  }
  if (rated >= 0 && rated < g.endMs) {
    service.rating = g.rating(weights);
    service.ratedAt = g.fmt(rated);
  }
  g.serviceOrders.add(applied, service);
  serviceChat(g, customer, applied);
  return { unhappy, rejected };
}
