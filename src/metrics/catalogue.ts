/**
 * Every metric definition, in one list: the single source of the scorecard, the docs, the
 * formula reference and the default rule set. Adding a metric = its file, its test file and
 * one line here (`docs/architecture.md`).
 *
 * @module
 */
import { afterSalesDurationDefinition } from './after-sales/afterSalesDuration.js';
import { afterSalesSatisfactionDefinition } from './after-sales/afterSalesSatisfaction.js';
import { qualityRepairRateDefinition } from './after-sales/qualityRepairRate.js';
import { repairRateDefinition } from './after-sales/repairRate.js';
import { returnRateDefinition } from './after-sales/returnRate.js';
import { returnSatisfactionDefinition } from './after-sales/returnSatisfaction.js';
import { averageResponseTimeDefinition } from './consultation/averageResponseTime.js';
import { conversionRateDefinition } from './consultation/conversionRate.js';
import { facilitatedAmountShareDefinition } from './consultation/facilitatedAmountShare.js';
import { messageRateDefinition } from './consultation/messageRate.js';
import { presalesSatisfactionDefinition } from './consultation/presalesSatisfaction.js';
import { responseRate30sDefinition } from './consultation/responseRate30s.js';
import { disputeRateDefinition } from './disputes/disputeRate.js';
import { averageDeliveryTimeDefinition } from './logistics/averageDeliveryTime.js';
import { nextDayArrivalRateDefinition } from './logistics/nextDayArrivalRate.js';
import { sameDayCollectionRateDefinition } from './logistics/sameDayCollectionRate.js';
import { negativeReviewHandlingRate24hDefinition } from './reviews/negativeReviewHandlingRate24h.js';
import { negativeReviewRateDefinition } from './reviews/negativeReviewRate.js';
import { reviewSatisfactionScoreDefinition } from './reviews/reviewSatisfactionScore.js';
import type { MetricDefinition } from './types.js';

/**
 * Every metric definition, grouped by module in display order.
 *
 * @example
 * ```ts
 * metricCatalogue.length;
 * //=> 19
 * metricCatalogue.filter((m) => m.module === 'logistics').map((m) => m.id);
 * //=> ['logistics.same-day-collection-rate', 'logistics.next-day-arrival-rate', 'logistics.average-delivery-time']
 * ```
 */
export const metricCatalogue = Object.freeze([
  averageResponseTimeDefinition,
  presalesSatisfactionDefinition,
  responseRate30sDefinition,
  conversionRateDefinition,
  facilitatedAmountShareDefinition,
  messageRateDefinition,
  negativeReviewRateDefinition,
  negativeReviewHandlingRate24hDefinition,
  reviewSatisfactionScoreDefinition,
  repairRateDefinition,
  qualityRepairRateDefinition,
  returnRateDefinition,
  afterSalesDurationDefinition,
  afterSalesSatisfactionDefinition,
  returnSatisfactionDefinition,
  sameDayCollectionRateDefinition,
  nextDayArrivalRateDefinition,
  averageDeliveryTimeDefinition,
  disputeRateDefinition,
] as const);

/**
 * The nineteen metric ids (the public contract), taken from the catalogue's definitions: a
 * metric's id is written once, in its file.
 */
export type MetricId = (typeof metricCatalogue)[number]['id'];

const BY_ID = new Map<string, MetricDefinition<MetricId>>(metricCatalogue.map((m) => [m.id, m]));

/**
 * The definition of a metric id, or `undefined` for an unknown id.
 *
 * @example
 * ```ts
 * getMetricDefinition('reviews.negative-rate')?.name.zh;
 * //=> '差评率'
 * getMetricDefinition('reviews.nope');
 * //=> undefined
 * ```
 */
export function getMetricDefinition(id: string): MetricDefinition<MetricId> | undefined {
  return BY_ID.get(id);
}

/**
 * Whether a string is one of the nineteen metric ids.
 *
 * @example
 * ```ts
 * isMetricId('disputes.dispute-rate');
 * //=> true
 * ```
 */
export function isMetricId(id: string): id is MetricId {
  return BY_ID.has(id);
}
