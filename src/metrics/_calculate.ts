/**
 * Turning engine sums into {@link MetricResult}s, and the calculator every metric exports.
 *
 * @module
 */

import { Dec } from '../decimal.js';
import type { StoreData } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../rules/ruleSet.js';
import type { CurveControlPoints } from '../rules/scoringDefaults.js';
import { scoreByCurve } from '../scoring/curve.js';
import { type DayNumber, parseDayKey } from '../time/shanghai.js';
import { resolveWindow } from '../time/window.js';
import { type EngineResult, runEngine } from './_engine.js';
import { type MetricDefinition, type MetricResult, windowKey } from './types.js';

/** Options of every metric calculator. */
export interface MetricOptions {
  /** The evaluation day D, `YYYY-MM-DD` (Shanghai). Its as-of instant is D 00:00 Asia/Shanghai. */
  readonly asOf: string;
  /** Rules to apply; {@link defaultRuleSet} by default. */
  readonly ruleSet?: RuleSet;
}

/** A metric calculator: `(data, { asOf, ruleSet? }) → MetricResult`. */
export type MetricCalculator = (data: StoreData, options: MetricOptions) => MetricResult;

/** @internal The result of slot `slot` on day index `i` of an engine run. */
export function resultFromSums(
  def: MetricDefinition,
  run: EngineResult,
  slot: number,
  i: number,
  ruleSet: RuleSet,
): MetricResult {
  const day: DayNumber = run.fromDay + i;
  const num = (run.numerators[slot] as Float64Array)[i] as number;
  const den = (run.denominators[slot] as Float64Array)[i] as number;
  const numerator = def.numeratorScale === 1 ? new Dec(num) : new Dec(num).div(def.numeratorScale);
  const denominator =
    def.denominatorScale === 1 ? new Dec(den) : new Dec(den).div(def.denominatorScale);
  const noData = den === 0;
  const value = noData ? null : numerator.div(denominator);
  // A supplementary metric (no minimum of its own) has none.
  const minimum =
    (ruleSet.minimumSample as Partial<Record<string, { value: number }>>)[def.id]?.value ?? 0;
  const status = noData ? 'no-data' : denominator.lt(minimum) ? 'too-little-data' : 'ok';
  // The rule set's absolute curve; evaluateStore replaces it with a percentile when peers are
  // given. Too little data: no score of its own (the peers' median with peers, else left out).
  const curve = (ruleSet.controlPoints as Partial<Record<string, { value: CurveControlPoints }>>)[
    def.id
  ];
  const score =
    value === null || status !== 'ok' || curve === undefined
      ? null
      : scoreByCurve(value.toNumber(), curve.value, def.direction, def.unit);
  return {
    id: def.id,
    module: def.module,
    unit: def.unit,
    direction: def.direction,
    status,
    value,
    numerator,
    denominator,
    window: resolveWindow(day, ruleSet.windows[windowKey(def)].value),
    score,
  };
}

/** @internal Measures `defs` for one evaluation day. */
export function measureDay(
  data: StoreData,
  defs: readonly MetricDefinition[],
  asOf: string,
  ruleSet: RuleSet = defaultRuleSet,
): MetricResult[] {
  const day = parseDayKey(asOf, 'asOf');
  const run = runEngine(data, defs, ruleSet, day, day);
  return defs.map((d, slot) => resultFromSums(d, run, slot, 0, ruleSet));
}

/**
 * Builds the calculator of a metric definition.
 *
 * @example
 * ```ts
 * const calc = calculatorFor(responseRate30sDefinition);
 * calc(data, { asOf: '2026-11-23' }).id;
 * //=> 'consultation.response-rate-30s'
 * ```
 */
export function calculatorFor(def: MetricDefinition): MetricCalculator {
  return (data, options) =>
    measureDay(data, [def], options.asOf, options.ruleSet)[0] as MetricResult;
}

/**
 * Freezes a metric definition (deeply enough for its data fields).
 *
 * @example
 * ```ts
 * Object.isFrozen(defineMetric({ ...someDefinition })); //=> true
 * ```
 */
export function defineMetric(def: MetricDefinition): MetricDefinition {
  Object.freeze(def.name);
  Object.freeze(def.source);
  if (def.notes) Object.freeze(def.notes);
  Object.freeze(def.measure);
  return Object.freeze(def);
}
