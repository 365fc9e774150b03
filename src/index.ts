/**
 * jd-weather-vane: JD.COM's store weather vane (京东风向标), metric by metric.
 *
 * @packageDocumentation
 */

export type {
  AssuredService,
  AssuredServiceId,
  ChatKind,
  ChatMessage,
  ChatSession,
  ChatStage,
  Dispute,
  DisputeRuling,
  EpochMs,
  MessageSender,
  Order,
  Rating,
  Review,
  ServiceOrder,
  ServiceReason,
  ServiceType,
  Stars,
  Store,
  StoreData,
} from './model.js';
export {
  ArgumentError,
  type InputIssue,
  InvalidInputError,
  RuleSetError,
  WeatherVaneError,
  type WeatherVaneErrorCode,
} from './errors.js';
export { Dec, type DecimalValue } from './decimal.js';

// Time
export {
  DAY_MS,
  type DayNumber,
  dayKeyOf,
  dayNumberOf,
  dayStartMs,
  HOUR_MS,
  type InstantInput,
  msOfDay,
  parseDayKey,
  SHANGHAI,
  SHANGHAI_OFFSET_MS,
  toEpochMs,
  tryParseDayKey,
} from './time/shanghai.js';
export { asOfInstant, type DayRange, resolveWindow, type WindowSpec, windowSpecProblem } from './time/window.js';

// Metrics
export type {
  Direction,
  MetricDefinition,
  MetricId,
  MetricMeasures,
  MetricResult,
  MetricStatus,
  MetricUnit,
  ModuleId,
} from './metrics/types.js';
export { MODULE_IDS } from './metrics/types.js';
export type { MeasureContext } from './metrics/_engine.js';
export type { CustomerView, MergedSession, OrderView, ReviewGroupView, ServiceOrderView } from './metrics/_views.js';
export { calculatorFor, defineMetric, type MetricCalculator, type MetricOptions } from './metrics/_calculate.js';
export { getMetricDefinition, isMetricId, metricCatalogue } from './metrics/catalogue.js';
export { averageResponseTime, averageResponseTimeDefinition } from './metrics/consultation/averageResponseTime.js';
export { presalesSatisfaction, presalesSatisfactionDefinition } from './metrics/consultation/presalesSatisfaction.js';
export { responseRate30s, responseRate30sDefinition } from './metrics/consultation/responseRate30s.js';
export { conversionRate, conversionRateDefinition } from './metrics/consultation/conversionRate.js';
export {
  facilitatedAmountShare,
  facilitatedAmountShareDefinition,
} from './metrics/consultation/facilitatedAmountShare.js';
export { messageRate, messageRateDefinition } from './metrics/consultation/messageRate.js';
export { negativeReviewRate, negativeReviewRateDefinition } from './metrics/reviews/negativeReviewRate.js';
export {
  negativeReviewHandlingRate24h,
  negativeReviewHandlingRate24hDefinition,
} from './metrics/reviews/negativeReviewHandlingRate24h.js';
export {
  reviewSatisfactionScore,
  reviewSatisfactionScoreDefinition,
} from './metrics/reviews/reviewSatisfactionScore.js';
export { repairRate, repairRateDefinition } from './metrics/after-sales/repairRate.js';
export { qualityRepairRate, qualityRepairRateDefinition } from './metrics/after-sales/qualityRepairRate.js';
export { returnRate, returnRateDefinition } from './metrics/after-sales/returnRate.js';
export { afterSalesDuration, afterSalesDurationDefinition } from './metrics/after-sales/afterSalesDuration.js';
export {
  afterSalesSatisfaction,
  afterSalesSatisfactionDefinition,
} from './metrics/after-sales/afterSalesSatisfaction.js';
export { returnSatisfaction, returnSatisfactionDefinition } from './metrics/after-sales/returnSatisfaction.js';
export {
  sameDayCollectionRate,
  sameDayCollectionRateDefinition,
} from './metrics/logistics/sameDayCollectionRate.js';
export { nextDayArrivalRate, nextDayArrivalRateDefinition } from './metrics/logistics/nextDayArrivalRate.js';
export { averageDeliveryTime, averageDeliveryTimeDefinition } from './metrics/logistics/averageDeliveryTime.js';
export { disputeRate, disputeRateDefinition } from './metrics/disputes/disputeRate.js';

// Rules
export {
  type AssessmentHours,
  type ChatRules,
  DEFAULT_CHAT_RULES,
  DEFAULT_LOGISTICS_RULES,
  DEFAULT_REVIEW_RULES,
  DEFAULT_WINDOWS,
  type LogisticsRules,
  type MeasurementRules,
  type ReviewRules,
} from './rules/measurementDefaults.js';
export { formatProvenance, type Provenance, type ProvenanceTag, type Sourced, sourced } from './rules/provenance.js';
export { defaultRuleSet, type RuleSet } from './rules/ruleSet.js';

// Scorecard
export {
  type EvaluateHistoryOptions,
  type EvaluateStoreOptions,
  evaluateHistory,
  evaluateStore,
  type Scorecard,
} from './scorecard/evaluateStore.js';
