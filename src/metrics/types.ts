/**
 * The metric model: definitions (with their defaults) and measurements.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import type { MeasureFunction } from '../engine/types.js';
import type { Direction, MetricUnit, ModuleId } from '../ids.js';
import type { StoreDataCollection } from '../model.js';
import type { CurveControlPoints } from '../rules/curve.js';
import type { MeasurementParameters } from '../rules/measurement.js';
import type { Provenance, Sourced } from '../rules/provenance.js';
import type { DayRange, WindowSpec } from '../time/window.js';
import type { OrderView, ReviewGroupView, ServiceOrderView } from './_entities.js';
import type { CustomerView } from './consultation/_customers.js';

/**
 * The measuring functions of a metric, one per entity family it reads. Each adds integer sums
 * (counts, milliseconds, fen) for the entity to the context; the engine windows and sums them.
 */
export interface MetricMeasures {
  /** A customer's chat sessions (merged) and orders. */
  readonly customer?: MeasureFunction<CustomerView>;
  /** One order with its disputes. */
  readonly order?: MeasureFunction<OrderView>;
  /** One service order. */
  readonly serviceOrder?: MeasureFunction<ServiceOrderView>;
  /** A customer's reviews. */
  readonly reviews?: MeasureFunction<ReviewGroupView>;
}

/**
 * A metric's defaults: what the default rule set holds for it, each with its provenance. A rule
 * set may override any of them (`defineRuleSet`).
 */
export interface MetricDefaults {
  /** Its window of anchor days `[D−a, D−b]`. */
  readonly window: Sourced<WindowSpec>;
  /** The control points of its absolute curve (`good` scores 9, `poor` 5). */
  readonly controlPoints: Sourced<CurveControlPoints>;
  /** Its weight in its module (relative; 0 keeps it measured and reported but out of the score). */
  readonly weight: Sourced<number>;
  /** Below this denominator it is `'too-little-data'` (0: no minimum). */
  readonly minimumSample: Sourced<number>;
}

/**
 * The count a metric's minimum-sample rule reads when its denominator is not a count of cases
 * (the facilitated amount share divides money: its sample is the received pre-sales
 * consultations), measured in the metric's window. No case: the metric is `no-data`.
 */
export interface MetricSampleDefinition {
  /** What it counts, for the docs. */
  readonly counts: string;
  /** What one case is called, singular and plural, for display. */
  readonly basis: readonly [singular: string, plural: string];
  /** Its measuring functions: each case adds (1, 1) on its anchor day. */
  readonly measure: MetricMeasures;
  /**
   * How many days before the metric's window its cases may be anchored and still count (a
   * consultation the day before the window facilitates an order of its first day); 0 by default.
   */
  readonly leadDays?: (rules: MeasurementParameters) => number;
}

/**
 * One rule of a metric's fine print. `<metric id>#<id>` names it, and a test that pins the rule
 * names it in its title: a note that no test names fails the check of the notes
 * (`test/metrics/catalogue.test.ts`).
 *
 * @example
 * ```ts
 * getMetricDefinition('after-sales.return-rate')?.notes?.[0]?.id;
 * //=> 'returns-only'
 * ```
 */
export interface MetricNote {
  /** Kebab-case, unique within its metric. */
  readonly id: string;
  /** The rule, one or two sentences. */
  readonly text: string;
}

/** What every definition holds: the metric's identity, formula and measuring functions. */
export interface MeasuredDefinition<Id extends string = string> {
  /** Stable id, `<module>.<kebab-name>`. */
  readonly id: Id;
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
  /** What the numerator of the result holds. */
  readonly numerator: string;
  /** What the denominator holds. */
  readonly denominator: string;
  /** What one case of the denominator is called, singular and plural ("review", "reviews"), for display. */
  readonly basis: readonly [singular: string, plural: string];
  /** The day each event is placed on (its anchor). */
  readonly anchor: string;
  /**
   * The collections of the store data its formula reads: when one of them is not provided
   * (`StoreData.notProvided`), the metric is `no-data` with `reason: 'not-provided'`.
   */
  readonly reads: readonly StoreDataCollection[];
  /**
   * It reads `orders` also to derive the pre-/after-sales stage of a chat session that does
   * not state its own: without orders it is known only when every session states its stage.
   */
  readonly readsOrdersForStage?: true;
  /** Its sample when that is not its denominator (see {@link MetricSampleDefinition}). */
  readonly sample?: MetricSampleDefinition;
  /**
   * How many days after its entity's last fact an anchor may lie: 0 when the anchor is the day
   * of a fact; more when it is a deadline's day (a collection due the next day, an arrival due
   * days later). The engine measures an entity that long after its last fact.
   */
  readonly anchorLagDays?: (rules: MeasurementParameters) => number;
  /** Where the formula comes from. */
  readonly source: readonly Provenance[];
  /** Further rules of the formula (fine print): the docs' fine print is generated from these alone. */
  readonly notes?: readonly MetricNote[];
  /** The tally's numerator is divided by this to give the result's numerator (ms → s: 1000). */
  readonly numeratorScale: number;
  /** The tally's denominator is divided by this to give the result's denominator. */
  readonly denominatorScale: number;
  /** The measuring functions, by the entity family they read. */
  readonly measure: MetricMeasures;
}

/**
 * A metric's definition: the single source for the code, the docs, the formula reference and
 * the default rule set. Frozen, plain data plus its measuring functions.
 */
export interface MetricDefinition<Id extends string = string> extends MeasuredDefinition<Id> {
  /** Its defaults in the default rule set. */
  readonly defaults: MetricDefaults;
}

/**
 * A metric measured alongside the catalogue because a standing rule needs it, but not part of
 * any module (`reviews.good-rate`, 好评率, for the 放心购 tag): it is not scored, has no minimum
 * sample, and uses the window of a catalogue metric.
 */
export interface SupplementaryDefinition<Id extends string = string>
  extends MeasuredDefinition<Id> {
  /** The catalogue metric whose window it uses. */
  readonly windowOf: MetricDefinition;
}

/**
 * The status of a metric result: `no-data` when its window holds nothing to divide by (or a
 * collection it reads was not provided: `reason: 'not-provided'`); `too-little-data` when its
 * sample (its denominator, or the count its definition names as its sample) is below the rule
 * set's minimum sample (the value is still given; it is scored at the industry average when
 * one is supplied, else at the peers' mean when peers are given, else left out of its module,
 * its weight shared among the others).
 */
export type MetricStatus = 'ok' | 'too-little-data' | 'no-data';

/**
 * Why a metric is `no-data` when its window is not simply empty: `'not-provided'`, a
 * collection it reads was not provided (unknown, not none; `notProvided` names it);
 * `'not-given'`, left out of the values given to `scoreValues`. Either way nothing stands in
 * for its score: unknown is not too little data.
 */
export type NoDataReason = 'not-provided' | 'not-given';

/**
 * One metric's measured value for one evaluation day, before any score: what a metric's
 * calculator returns, and what the scorecard scores.
 *
 * `value = numerator / denominator` always; for an average, the numerator is the total and the
 * denominator the count, in the value's unit. An empty window gives `status: 'no-data'`,
 * `value: null` (never `NaN`).
 */
export interface Measurement<Id extends string = string> {
  readonly id: Id;
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
   * `true` when the value was given alone (`scoreValues`, `whatIf`), without the sample it rests
   * on: numerator is the value and denominator 1, and no minimum sample applies.
   */
  readonly valueOnly?: true;
  /**
   * The count the minimum-sample rule read when it is not the denominator (the facilitated
   * amount share's received pre-sales consultations); `null` when no count is known (a value
   * given alone to `scoreValues`: no minimum-sample rule applies). Absent: the denominator is
   * the sample.
   */
  readonly sample?: Decimal | null;
  /** Why it is `no-data`, when its window is not simply empty. */
  readonly reason?: NoDataReason;
  /** With `reason: 'not-provided'`: the collections it reads that were not provided. */
  readonly notProvided?: readonly StoreDataCollection[];
}
