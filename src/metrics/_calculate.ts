/**
 * Measuring with definitions: the engine's slots from definitions and rules, and measurements
 * from the engine's sums. Measuring never scores: the scoring stage does.
 *
 * @module
 */
import { someSessionWithoutStage } from '../_packed.js';
import { Dec } from '../decimal.js';
import { runEngine } from '../engine/run.js';
import type { EngineResult, EngineSlot, SlotWindow, TracedContribution } from '../engine/types.js';
import type { StoreData, StoreDataCollection } from '../model.js';
import {
  DEFAULT_MEASUREMENT_PARAMETERS,
  type MeasurementParameters,
} from '../rules/measurement.js';
import type { Sourced } from '../rules/provenance.js';
import { type DayNumber, parseDayKey } from '../time/shanghai.js';
import { resolveWindow, type WindowSpec } from '../time/window.js';
import { FAMILIES } from './_families.js';
import type {
  MeasuredDefinition,
  Measurement,
  MetricDefinition,
  SupplementaryDefinition,
} from './types.js';

/**
 * The measuring part of a rule set: the parameters, and windows and minimum samples by metric
 * id (a metric the rules do not name uses its definition's defaults). A full rule set fits.
 */
export interface MeasuringRules extends MeasurementParameters {
  readonly windows?: Readonly<Partial<Record<string, Sourced<WindowSpec>>>>;
  readonly minimumSample?: Readonly<Partial<Record<string, Sourced<number>>>>;
}

type AnyDefinition = MetricDefinition | SupplementaryDefinition;

/** The catalogue definition whose window a definition uses. */
function ruledBy(def: AnyDefinition): MetricDefinition {
  return 'windowOf' in def ? def.windowOf : def;
}

/** @internal A definition's window under `rules`. */
export function windowOf(def: AnyDefinition, rules: MeasuringRules): WindowSpec {
  const owner = ruledBy(def);
  return (rules.windows?.[owner.id] ?? owner.defaults.window).value;
}

/** A definition's minimum sample under `rules`; a supplementary metric has none. */
function minimumSampleOf(def: AnyDefinition, rules: MeasuringRules): number {
  if ('windowOf' in def) return 0;
  return (rules.minimumSample?.[def.id] ?? def.defaults.minimumSample).value;
}

/** @internal The engine slot of a definition under `rules`. */
export function slotOf(
  def: AnyDefinition,
  rules: MeasuringRules,
  window: SlotWindow = windowOf(def, rules),
): EngineSlot {
  return {
    name: def.id,
    measure: def.measure as EngineSlot['measure'],
    window,
    anchorLagDays: def.anchorLagDays?.(rules) ?? 0,
  };
}

/**
 * @internal The engine slot of a definition's sample (see `MetricSampleDefinition`), in the
 * definition's window; `undefined` when its denominator is its sample.
 */
export function sampleSlotOf(def: AnyDefinition, rules: MeasuringRules): EngineSlot | undefined {
  if (def.sample === undefined) return undefined;
  const window = windowOf(def, rules);
  const lead = def.sample.leadDays?.(rules) ?? 0;
  return {
    name: `${def.id}:sample`,
    measure: def.sample.measure as EngineSlot['measure'],
    window: { ...window, fromDaysBack: window.fromDaysBack + lead },
    anchorLagDays: def.anchorLagDays?.(rules) ?? 0,
  };
}

/**
 * @internal The collections a definition reads that `data` does not provide (empty when it
 * has them all). A per-metric decision, taken once per evaluation: the `orders` a chat metric
 * reads only for the stage are missing only when some session does not state its stage.
 */
export function notProvidedFor(def: AnyDefinition, data: StoreData): StoreDataCollection[] {
  const missing = data.notProvided;
  if (missing === undefined || missing.length === 0) return [];
  const out = def.reads.filter((c) => missing.includes(c));
  if (
    def.readsOrdersForStage === true &&
    !out.includes('orders') &&
    missing.includes('orders') &&
    someSessionWithoutStage(data)
  )
    out.push('orders');
  return out;
}

/**
 * @internal A measurement made `no-data` because the collections `missing` were not provided:
 * unknown, not none (its sums, read off empty collections, are dropped).
 */
export function notProvidedMeasurement<Id extends string>(
  m: Measurement<Id>,
  missing: readonly StoreDataCollection[],
): Measurement<Id> {
  const zero = new Dec(0);
  const { sample: _, ...rest } = m;
  return {
    ...rest,
    status: 'no-data',
    value: null,
    numerator: zero,
    denominator: zero,
    reason: 'not-provided',
    notProvided: missing,
  };
}

/** @internal Runs the engine over `slots` for the evaluation days `[fromDay, toDay]`. */
export function measureSlots(
  data: StoreData,
  slots: readonly EngineSlot[],
  rules: MeasurementParameters,
  fromDay: DayNumber,
  toDay: DayNumber,
  trace?: (contribution: TracedContribution) => void,
  knownBeforeMs?: number,
): EngineResult {
  return runEngine(data, slots, FAMILIES, rules, fromDay, toDay, trace, knownBeforeMs);
}

/**
 * @internal The measurement of slot `slot` on day index `i` of an engine run; a definition with
 * a sample of its own reads it from slot `sampleSlot` (its {@link sampleSlotOf}).
 */
export function measurementFromSums<Id extends string>(
  def: MeasuredDefinition<Id> & AnyDefinition,
  run: EngineResult,
  slot: number,
  i: number,
  rules: MeasuringRules,
  window: WindowSpec = windowOf(def, rules),
  sampleSlot?: number,
): Measurement<Id> {
  const day: DayNumber = run.fromDay + i;
  const num = (run.numerators[slot] as Float64Array)[i] as number;
  const den = (run.denominators[slot] as Float64Array)[i] as number;
  // Stryker disable next-line ConditionalExpression: dividing by a scale of 1 gives the same decimal: the branch only saves the division
  const numerator = def.numeratorScale === 1 ? new Dec(num) : new Dec(num).div(def.numeratorScale);
  const denominator =
    // Stryker disable next-line ConditionalExpression: dividing by a scale of 1 gives the same decimal: the branch only saves the division
    def.denominatorScale === 1 ? new Dec(den) : new Dec(den).div(def.denominatorScale);
  // The sample the minimum-sample rule reads: the denominator, or the definition's own count.
  const own =
    sampleSlot === undefined
      ? undefined
      : new Dec((run.denominators[sampleSlot] as Float64Array)[i] as number);
  const sample = own ?? denominator;
  const noData = den === 0 || sample.isZero();
  return {
    id: def.id,
    module: def.module,
    unit: def.unit,
    direction: def.direction,
    status: noData ? 'no-data' : sample.lt(minimumSampleOf(def, rules)) ? 'too-little-data' : 'ok',
    value: noData ? null : numerator.div(denominator),
    numerator,
    denominator,
    window: resolveWindow(day, window),
    ...(own === undefined ? {} : { sample: own }),
  };
}

/** @internal Measures one definition for one evaluation day (`asOf`, `YYYY-MM-DD`). */
export function measureDay<Id extends string>(
  def: MeasuredDefinition<Id> & AnyDefinition,
  data: StoreData,
  asOf: unknown,
  rules: MeasuringRules = DEFAULT_MEASUREMENT_PARAMETERS,
): Measurement<Id> {
  const day = parseDayKey(asOf as string, 'asOf');
  const sampleSlot = sampleSlotOf(def, rules);
  const slots = sampleSlot === undefined ? [slotOf(def, rules)] : [slotOf(def, rules), sampleSlot];
  const run = measureSlots(data, slots, rules, day, day);
  const m = measurementFromSums(
    def,
    run,
    0,
    0,
    rules,
    undefined,
    sampleSlot === undefined ? undefined : 1,
  );
  const missing = notProvidedFor(def, data);
  return missing.length === 0 ? m : notProvidedMeasurement(m, missing);
}

/** Freezes an object and the data reachable from it (not into functions or other definitions). */
function freezeData<T>(value: T): T {
  // Object.isFrozen(null) is true: null returns here too.
  if (typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) freezeData(v);
  return value;
}

function freezeDefinition<D extends MeasuredDefinition>(def: D): D {
  return freezeData(def);
}

/** @internal Freezes a catalogue metric's definition, keeping its literal id in its type. */
export function defineMetric<const Id extends string>(
  def: MetricDefinition<Id>,
): MetricDefinition<Id> {
  return freezeDefinition(def);
}

/** @internal Freezes a supplementary metric's definition. */
export function defineSupplementaryMetric<const Id extends string>(
  def: SupplementaryDefinition<Id>,
): SupplementaryDefinition<Id> {
  return freezeDefinition(def);
}
