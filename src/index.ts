/**
 * jd-weather-vane: JD.COM's store weather vane (京东风向标), metric by metric.
 *
 * @packageDocumentation
 */

export { displayWidth, type RenderScorecardOptions, renderScorecard } from './cli/render.js';
export { Dec, type DecimalValue } from './decimal.js';
export {
  ArgumentError,
  type InputIssue,
  InvalidInputError,
  isInvalidInputError,
  isWeatherVaneError,
  RuleSetError,
  WeatherVaneError,
  type WeatherVaneErrorCode,
} from './errors.js';
export { formatValue } from './format.js';
export type { Direction, MetricUnit, ModuleId } from './ids.js';
export { MODULE_IDS, MODULE_NAMES } from './ids.js';
export {
  calculatorFor,
  defineMetric,
  type MetricCalculator,
  type MetricOptions,
} from './metrics/_calculate.js';
export type { MeasureContext } from './metrics/_engine.js';
export type {
  CustomerView,
  MergedSession,
  OrderView,
  ReviewGroupView,
  ServiceOrderView,
} from './metrics/_views.js';
export {
  afterSalesDuration,
  afterSalesDurationDefinition,
} from './metrics/after-sales/afterSalesDuration.js';
export {
  afterSalesSatisfaction,
  afterSalesSatisfactionDefinition,
} from './metrics/after-sales/afterSalesSatisfaction.js';
export {
  qualityRepairRate,
  qualityRepairRateDefinition,
} from './metrics/after-sales/qualityRepairRate.js';
export { repairRate, repairRateDefinition } from './metrics/after-sales/repairRate.js';
export { returnRate, returnRateDefinition } from './metrics/after-sales/returnRate.js';
export {
  returnSatisfaction,
  returnSatisfactionDefinition,
} from './metrics/after-sales/returnSatisfaction.js';
export { getMetricDefinition, isMetricId, metricCatalogue } from './metrics/catalogue.js';
export {
  averageResponseTime,
  averageResponseTimeDefinition,
} from './metrics/consultation/averageResponseTime.js';
export { conversionRate, conversionRateDefinition } from './metrics/consultation/conversionRate.js';
export {
  facilitatedAmountShare,
  facilitatedAmountShareDefinition,
} from './metrics/consultation/facilitatedAmountShare.js';
export { messageRate, messageRateDefinition } from './metrics/consultation/messageRate.js';
export {
  presalesSatisfaction,
  presalesSatisfactionDefinition,
} from './metrics/consultation/presalesSatisfaction.js';
export {
  responseRate30s,
  responseRate30sDefinition,
} from './metrics/consultation/responseRate30s.js';
export { disputeRate, disputeRateDefinition } from './metrics/disputes/disputeRate.js';
export { formatBasis, formatMetricValue } from './metrics/format.js';
export {
  averageDeliveryTime,
  averageDeliveryTimeDefinition,
} from './metrics/logistics/averageDeliveryTime.js';
export {
  nextDayArrivalRate,
  nextDayArrivalRateDefinition,
} from './metrics/logistics/nextDayArrivalRate.js';
export {
  sameDayCollectionRate,
  sameDayCollectionRateDefinition,
} from './metrics/logistics/sameDayCollectionRate.js';
export { goodReviewRate, goodReviewRateDefinition } from './metrics/reviews/goodReviewRate.js';
export {
  negativeReviewHandlingRate24h,
  negativeReviewHandlingRate24hDefinition,
} from './metrics/reviews/negativeReviewHandlingRate24h.js';
export {
  negativeReviewRate,
  negativeReviewRateDefinition,
} from './metrics/reviews/negativeReviewRate.js';
export {
  reviewSatisfactionScore,
  reviewSatisfactionScoreDefinition,
} from './metrics/reviews/reviewSatisfactionScore.js';
// Metrics
export type {
  MetricDefinition,
  MetricId,
  MetricMeasures,
  MetricResult,
  MetricStatus,
  SupplementaryMetricId,
} from './metrics/types.js';
export { windowKey } from './metrics/types.js';
export type {
  AssuredService,
  AssuredServiceId,
  BuiltInAssuredServiceId,
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
export { isParsedStoreData } from './model.js';
export { defineRuleSet, type RuleSetOverrides, validateRuleSet } from './rules/defineRuleSet.js';
// Rules
export {
  type AssessmentHours,
  type ChatRules,
  DEFAULT_CHAT_RULES,
  DEFAULT_LOGISTICS_RULES,
  DEFAULT_MINIMUM_SAMPLES,
  DEFAULT_REVIEW_RULES,
  DEFAULT_WINDOWS,
  type LogisticsRules,
  type MeasurementRules,
  type ReviewRules,
} from './rules/measurementDefaults.js';
export {
  formatProvenance,
  type Provenance,
  type ProvenanceTag,
  provenancesOf,
  type Sourced,
  sourced,
} from './rules/provenance.js';
export { defaultRuleSet, type RuleSet, type ScoringRules } from './rules/ruleSet.js';
export {
  type AssuredServiceGroup,
  type AssuredTagRules,
  type BonusRules,
  type ChatPenaltyRules,
  type ConsumerWarningRule,
  type ConsumerWarningRules,
  type CurveControlPoints,
  DEFAULT_ACTIVITY_GATE,
  DEFAULT_ASSURED_TAG_RULES,
  DEFAULT_BONUS,
  DEFAULT_CHAT_PENALTY_RULES,
  DEFAULT_CONSUMER_WARNING_RULES,
  DEFAULT_CONTROL_POINTS,
  DEFAULT_GOOD_SHOP_RULES,
  DEFAULT_METRIC_WEIGHTS,
  DEFAULT_MODULE_WEIGHTS,
  DEFAULT_STAR_TABLE,
  DEFAULT_WARM_SHOPKEEPER_RULES,
  type GoodShopRules,
  type ModuleWeights,
  type StarBand,
  type StarTable,
  type WarmShopkeeperRules,
} from './rules/scoringDefaults.js';
// Input: schemas and parsing
export {
  ASSURED_SERVICE_IDS,
  type AssuredServiceInput,
  assuredServiceSchema,
  knownServiceIds,
} from './schemas/assuredService.js';
export {
  type ChatMessageInput,
  type ChatSessionInput,
  chatMessageSchema,
  chatSessionSchema,
} from './schemas/chatSession.js';
export { type DisputeInput, disputeSchema } from './schemas/dispute.js';
export { type OrderInput, orderSchema } from './schemas/order.js';
export {
  type LenientParseResult,
  type ParseStoreDataOptions,
  parseStoreData,
  parseStoreDataLenient,
  type RejectedRecord,
  type SafeParseStoreDataResult,
  safeParseStoreData,
} from './schemas/parse.js';
export { parsePeerData, peerDataIssues, peerDataSchema } from './schemas/peers.js';
export { type ReviewInput, reviewSchema } from './schemas/review.js';
export { type ServiceOrderInput, serviceOrderSchema } from './schemas/serviceOrder.js';
export {
  STORE_DATA_COLLECTIONS,
  type StoreDataCollection,
  type StoreDataInput,
  type StoreInput,
  storeDataSchema,
  storeSchema,
} from './schemas/storeData.js';
export {
  type ChatStageCounts,
  type ChatStageCountsOptions,
  chatStageCounts,
  dataSpan,
} from './scorecard/dataSummary.js';
// Scorecard
export {
  type EvaluateHistoryOptions,
  type EvaluateStoreOptions,
  evaluateHistory,
  evaluateStore,
  type Scorecard,
} from './scorecard/evaluateStore.js';
export {
  compositeOf,
  type MetricContribution,
  type MetricScore,
  type ModuleScore,
  type PeerData,
  type ScoreMethod,
  type ScoreMetricOptions,
  scoreMetric,
  scoreModules,
} from './scorecard/scoring.js';
export {
  chatDefectPenaltyForMonth,
  computeStanding,
  type GoodShopFacts,
  type MonthlyChatPenalty,
  type RankingInput,
  type Standing,
  type StandingInputs,
  type UnverifiedOutcome,
  type UnverifiedRequirement,
} from './scorecard/standing.js';
export {
  compositeScore,
  roundScore,
  validateModuleWeights,
  type WeightedItem,
  weightedMean,
} from './scoring/aggregate.js';
export {
  type AssuredBonus,
  assuredBonus,
  isServiceOpen,
  servicePointsOf,
  totalScore,
} from './scoring/bonus.js';
// Scoring
export { curveBadness, scoreByCurve, validateCurve } from './scoring/curve.js';
export {
  bestAttainable,
  peerMedian,
  rankingRate,
  scoreAgainstPeers,
} from './scoring/percentile.js';
// Standing
export { activityGate } from './standing/activityGate.js';
export {
  type AssuredPurchaseTagOptions,
  assuredPurchaseTag,
} from './standing/assuredPurchaseTag.js';
export {
  type ChatDefect,
  type ChatDefectPenalty,
  type ChatDefectPenaltyOptions,
  chatDefectPenalty,
} from './standing/chatDefectPenalty.js';
export {
  type ConsumerWarning,
  type ConsumerWarningsOptions,
  consumerWarnings,
} from './standing/consumerWarnings.js';
export {
  type GoodShopBaseline,
  type GoodShopEligibility,
  type GoodShopEligibilityOptions,
  goodShopEligibility,
} from './standing/goodShop.js';
export {
  type ModuleRankings,
  type StoreStars,
  type StoreStarsOptions,
  storeStars,
} from './standing/stars.js';
export { type WarmShopkeeperBadgeOptions, warmShopkeeperBadge } from './standing/warmShopkeeper.js';
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
export {
  asOfInstant,
  type DayRange,
  resolveWindow,
  type WindowSpec,
  windowSpecProblem,
} from './time/window.js';
export { VERSION } from './version.js';
