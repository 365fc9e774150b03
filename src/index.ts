/**
 * jd-weather-vane: JD.COM's store weather vane (京东风向标), metric by metric.
 *
 * The public surface, stage by stage (see `docs/architecture.md`): parse the input, measure
 * (one calculator per metric, or every metric at once with `evaluateStore`), score, rank. What
 * is not exported here is internal and may change without notice.
 *
 * @packageDocumentation
 */

// Advice: what is open, what ages out
export {
  type OpenDeadline,
  type OpenDeadlinesOptions,
  openDeadlines,
} from './advice/deadlines.js';
export {
  type Forecast,
  type ForecastChange,
  type ForecastEvent,
  type ForecastOpenCases,
  type ForecastOptions,
  type ForecastRecordKind,
  forecast,
} from './advice/forecast.js';
// Display
export { displayWidth, type RenderScorecardOptions, renderScorecard } from './cli/render.js';
// Ids and display
export type { DecimalValue } from './decimal.js';
// Metrics: the engine's view types (for reading definitions), definitions, calculators
export type { MeasureContext, MeasureFunction } from './engine/types.js';
// Errors
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
// Evaluation: every stage at once
export {
  afterSalesDuration,
  afterSalesSatisfaction,
  averageDeliveryTime,
  averageResponseTime,
  conversionRate,
  disputeRate,
  facilitatedAmountShare,
  goodReviewRate,
  type MetricCalculator,
  type MetricOptions,
  messageRate,
  negativeReviewHandlingRate24h,
  negativeReviewRate,
  nextDayArrivalRate,
  presalesSatisfaction,
  qualityRepairRate,
  repairRate,
  responseRate30s,
  returnRate,
  returnSatisfaction,
  reviewSatisfactionScore,
  sameDayCollectionRate,
} from './evaluate/calculators.js';
export { chatDefectPenaltyForMonth } from './evaluate/chatMonth.js';
export {
  type EvaluateHistoryOptions,
  type EvaluateStoreOptions,
  evaluateHistory,
  evaluateStore,
  type Scorecard,
} from './evaluate/evaluate.js';
export { formatPercent, formatValue } from './format.js';
export {
  type Direction,
  type MetricUnit,
  MODULE_IDS,
  MODULE_NAMES,
  type ModuleId,
  type Name,
} from './ids.js';
export type { OrderView, ReviewGroupView, ServiceOrderView } from './metrics/_entities.js';
export {
  getMetricDefinition,
  isMetricId,
  type MetricId,
  metricCatalogue,
} from './metrics/catalogue.js';
export type { CustomerView } from './metrics/consultation/_customers.js';
export type { MergedSession } from './metrics/consultation/_sessions.js';
export { formatBasis, formatMetricValue } from './metrics/format.js';
export type {
  MeasuredDefinition,
  Measurement,
  MetricDefaults,
  MetricDefinition,
  MetricMeasures,
  MetricNote,
  MetricSampleDefinition,
  MetricStatus,
  NoDataReason,
  SupplementaryDefinition,
} from './metrics/types.js';
// Input: records, schemas and parsing
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
// Rules
export type { CurveControlPoints } from './rules/curve.js';
export type {
  AssessmentHours,
  ChatRules,
  LogisticsRules,
  MeasurementParameters,
  ReviewRules,
} from './rules/measurement.js';
export {
  formatProvenance,
  type Provenance,
  type ProvenanceTag,
  provenancesOf,
  type Sourced,
} from './rules/provenance.js';
export type {
  AssuredServiceGroup,
  AssuredTagRules,
  BonusRules,
  ChatPenaltyRules,
  ConsumerWarningRule,
  ConsumerWarningRules,
  GoodShopRules,
  ModuleLabel,
  ModuleLabelRules,
  ModuleWeights,
  StarBand,
  StarTable,
  WarmShopkeeperRules,
} from './rules/scoringDefaults.js';
export { defineRuleSet, type RuleSetOverrides, validateRuleSet } from './ruleset/defineRuleSet.js';
export { ruleSetFingerprint } from './ruleset/fingerprint.js';
export {
  defaultRuleSet,
  type MeasurementRules,
  type RuleSet,
  type ScoringRules,
} from './ruleset/ruleSet.js';
export {
  ASSURED_SERVICE_IDS,
  ASSURED_SERVICE_NAMES,
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
// Scorecard
export {
  type ChatStageCounts,
  type ChatStageCountsOptions,
  chatStageCounts,
  dataSpan,
} from './scorecard/dataSummary.js';
export {
  type IndustryAverages,
  industryAveragesIssues,
  parseIndustryAverages,
} from './scorecard/industryAverages.js';
export { type PeerData, parsePeerData, peerDataIssues, peerDataSchema } from './scorecard/peers.js';
export {
  type ScorecardScores,
  type ScorecardWarning,
  type ScoredWith,
  type ScoreStoreInput,
  scoreStore,
} from './scorecard/scorecard.js';
// Scoring
export { compositeScore, type WeightedItem } from './scoring/aggregate.js';
export { type AssuredBonus, assuredBonus, totalScore } from './scoring/bonus.js';
export { scoreByCurve } from './scoring/curve.js';
export {
  type MetricResult,
  type MetricScore,
  type ScoreMethod,
  type ScoreMetricOptions,
  scoreMetric,
  type VersusAverage,
} from './scoring/metric.js';
export { type MetricContribution, type ModuleScore, scoreModules } from './scoring/modules.js';
export { rankingRate, scoreAgainstPeers } from './scoring/percentile.js';
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
  computeStanding,
  type GoodShopFacts,
  type MonthlyChatFigures,
  type MonthlyChatPenalty,
  type RankingInput,
  type Standing,
  type StandingFacts,
  type UnverifiedOutcome,
  type UnverifiedRequirement,
} from './standing/standing.js';
export {
  type ModuleRankings,
  type StoreStars,
  type StoreStarsOptions,
  storeStars,
} from './standing/stars.js';
export { type WarmShopkeeperBadgeOptions, warmShopkeeperBadge } from './standing/warmShopkeeper.js';
export type { InstantInput } from './time/shanghai.js';
export type { DayRange, WindowSpec } from './time/window.js';
export {
  type ParseScorecardOptions,
  parseScorecard,
  scorecardSchema,
} from './values/parseScorecard.js';
export {
  type MetricPath,
  type PathToTarget,
  type PlanStep,
  pathToTarget,
  type Target,
} from './values/pathToTarget.js';
// Values: scores from the numbers a merchant sees, what-if
export {
  type MetricValueInput,
  type ScoreValuesOptions,
  type StoreValues,
  scoreValues,
  storeValuesIssues,
  storeValuesSchema,
} from './values/scoreValues.js';
export {
  type MetricMove,
  type MetricMoveReason,
  type ScorecardDifference,
  type WhatIf,
  type WhatIfChange,
  type WhatIfOptions,
  whatIf,
} from './values/whatIf.js';
export { VERSION } from './version.js';
