/**
 * The metric model: ids, modules, definitions and results.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { Direction, MetricUnit, ModuleId } from '../ids.js';
import type { Provenance } from '../rules/provenance.js';
import type { DayRange } from '../time/window.js';
import type { MeasureContext } from './_engine.js';
import type { CustomerView, OrderView, ReviewGroupView, ServiceOrderView } from './_views.js';

/** The nineteen metric ids (the public contract). */
export type MetricId =
  | 'consultation.average-response-time'
  | 'consultation.presales-satisfaction'
  | 'consultation.response-rate-30s'
  | 'consultation.conversion-rate'
  | 'consultation.facilitated-amount-share'
  | 'consultation.message-rate'
  | 'reviews.negative-rate'
  | 'reviews.negative-handling-rate-24h'
  | 'reviews.satisfaction-score'
  | 'after-sales.repair-rate'
  | 'after-sales.quality-repair-rate'
  | 'after-sales.return-rate'
  | 'after-sales.duration'
  | 'after-sales.satisfaction'
  | 'after-sales.return-satisfaction'
  | 'logistics.same-day-collection-rate'
  | 'logistics.next-day-arrival-rate'
  | 'logistics.average-delivery-time'
  | 'disputes.dispute-rate';

/**
 * Metrics measured alongside the catalogue because a standing rule needs them, but not part of
 * any module: `reviews.good-rate` (好评率, for the 放心购 tag).
 */
export type SupplementaryMetricId = 'reviews.good-rate';

/**
 * The measuring functions of a metric, one per entity family it reads. Each adds integer sums
 * (counts, milliseconds, fen) for the entity to the context; the engine windows and sums them.
 */
export interface MetricMeasures {
  /** A customer's chat sessions (merged) and orders. */
  readonly customer?: (view: CustomerView, ctx: MeasureContext, slot: number) => void;
  /** One order with its disputes. */
  readonly order?: (view: OrderView, ctx: MeasureContext, slot: number) => void;
  /** One service order. */
  readonly serviceOrder?: (view: ServiceOrderView, ctx: MeasureContext, slot: number) => void;
  /** A customer's reviews. */
  readonly reviews?: (view: ReviewGroupView, ctx: MeasureContext, slot: number) => void;
}

/**
 * A metric's definition: the single source for the code, the docs and the formula reference.
 * Frozen, plain data plus its measuring functions.
 */
export interface MetricDefinition<
  Id extends MetricId | SupplementaryMetricId = MetricId | SupplementaryMetricId,
> {
  /** Stable id, `<module>.<kebab-name>`. */
  readonly id: Id;
  /** For a supplementary metric: the catalogue metric whose window it uses. */
  readonly windowOf?: MetricId;
  /** The module it belongs to. */
  readonly module: ModuleId;
  /** Names as JD's merchant back-end shows them (`zh`) and in English. */
  readonly name: { readonly zh: string; readonly en: string };
  /** Unit of the value. */
  readonly unit: MetricUnit;
  /** Whether higher or lower is better. */
  readonly direction: Direction;
  /** The formula in words. */
  readonly formula: string;
  /** What the numerator and denominator of the result hold. */
  readonly numerator: string;
  /** What the denominator holds. */
  readonly denominator: string;
  /** The day each event is placed on (its anchor). */
  readonly anchor: string;
  /** Where the formula comes from. */
  readonly source: readonly Provenance[];
  /** Further rules of the formula (fine print), for the docs. */
  readonly notes?: readonly string[];
  /** The tally's numerator is divided by this to give the result's numerator (ms → s: 1000). */
  readonly numeratorScale: number;
  /** The tally's denominator is divided by this to give the result's denominator. */
  readonly denominatorScale: number;
  /** The measuring functions. */
  readonly measure: MetricMeasures;
}

/**
 * The status of a metric result: `no-data` when its window holds nothing to divide by;
 * `too-little-data` when its denominator is below the rule set's minimum sample (the value is
 * still given; it is scored as the peers' median when peers are given, else left out of its
 * module, its weight shared among the others).
 */
export type MetricStatus = 'ok' | 'too-little-data' | 'no-data';

/**
 * One metric's value for one evaluation day.
 *
 * `value = numerator / denominator` always; for an average, the numerator is the total and the
 * denominator the count, in the value's unit. An empty window gives `status: 'no-data'`,
 * `value: null` (never `NaN`).
 */
export interface MetricResult {
  readonly id: MetricId | SupplementaryMetricId;
  readonly module: ModuleId;
  readonly unit: MetricUnit;
  readonly direction: Direction;
  readonly status: MetricStatus;
  /** Exact value, or `null` when there is no data. */
  readonly value: Decimal | null;
  /** Numerator in the value's unit (a total for averages). */
  readonly numerator: Decimal;
  /** Denominator (a count for averages). */
  readonly denominator: Decimal;
  /** The window of anchor days, both inclusive, `YYYY-MM-DD` Shanghai. */
  readonly window: DayRange;
  /**
   * Score 0–10: by the rule set's absolute curve (`good` scores 9, `poor` 5), or, in
   * `evaluateStore` with peers, by percentile among them; `null` without data or with too
   * little data (with peers: the peers' median score instead).
   */
  readonly score: number | null;
}

/**
 * The rule-set window key of a definition: its own id, or `windowOf` for a supplementary metric.
 *
 * @example
 * ```ts
 * windowKey(goodReviewRateDefinition);
 * //=> 'reviews.negative-rate'
 * ```
 */
export function windowKey(def: MetricDefinition): MetricId {
  return def.windowOf ?? (def.id as MetricId);
}
