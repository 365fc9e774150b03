/**
 * The way to a target: what each metric would have to reach alone, and the fewest changed cases
 * that reach the target together, chosen greedily by points gained per case.
 *
 * @module
 */
import { Dec, type DecimalValue } from '../decimal.js';
import { ArgumentError } from '../errors.js';
import type { Scorecard } from '../evaluate/evaluate.js';
import { MODULE_IDS, type ModuleId } from '../ids.js';
import { type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import type { MetricDefinition } from '../metrics/types.js';
import type { MetricValueInput } from './scoreValues.js';
import { prepareWhatIf, rescore, type WhatIfChange, type WhatIfOptions } from './whatIf.js';

/** A target: a total, a composite, a module score, or stars (which need peers' totals). */
export type Target =
  | { readonly total: number }
  | { readonly composite: number }
  | { readonly module: ModuleId; readonly score: number }
  | { readonly stars: number };

/** What one metric alone would have to reach. */
export interface MetricPath {
  readonly metric: MetricId;
  /** Whether this metric alone reaches the target. */
  readonly alone: boolean;
  /** The value that alone reaches the target (the least change), in the metric's unit. */
  readonly value?: DecimalValue;
  /** In cases, where the card has counts: how many more good (or fewer bad) cases of how many. */
  readonly cases?: { readonly change: number; readonly of: number };
  /**
   * Why it cannot alone: at its best already, no weight in its module, too small a gain, no
   * data, or too little data (below its minimum sample a metric is not scored by its value, so
   * no value of it moves the target).
   */
  readonly reason?: 'at-best' | 'no-weight' | 'too-small' | 'no-data' | 'too-little-data';
  /** In words. */
  readonly text: string;
}

/** One step of a plan: the cases of one metric, and where they bring the target. */
export interface PlanStep {
  readonly metric: MetricId;
  /** How many cases change (answered in time instead of not, a negative review fewer, …). */
  readonly cases: number;
  /**
   * The target quantity (total, composite, module score or stars) after this step and every
   * step before it: what `whatIf` gives for their cases together. Never lower than the step
   * before.
   */
  readonly reaches: number | null;
  readonly text: string;
}

/** The way to a target. */
export interface PathToTarget {
  /** The target quantity now. */
  readonly current: number | null;
  /** Whether it is reached already. */
  readonly reached: boolean;
  /** Each metric alone. */
  readonly perMetric: readonly MetricPath[];
  /**
   * The fewest changed cases together, greedily: one step per metric, whose cases add up to the
   * cases of `change` (what `whatIf` accepts).
   */
  readonly plan: {
    readonly reachable: boolean;
    readonly steps: readonly PlanStep[];
    readonly change: WhatIfChange;
    readonly caveat: string;
  };
}

const STARS = [2.5, 3, 3.5, 4, 4.5, 4.9];

function quantity(card: Scorecard, target: Target): number | null {
  if ('total' in target) return card.total;
  if ('composite' in target) return card.composite;
  if ('module' in target) return card.modules[target.module].score;
  return card.standing?.stars ?? null;
}

function goal(target: Target): number {
  if ('total' in target) return target.total;
  if ('composite' in target) return target.composite;
  if ('module' in target) return target.score;
  return target.stars;
}

function checkTarget(target: Target, options: WhatIfOptions): void {
  if (typeof target !== 'object' || target === null)
    throw new ArgumentError(
      'pathToTarget: expected a target { total } | { composite } | { module, score } | { stars }',
    );
  const v = goal(target);
  if ('stars' in target) {
    if (!STARS.includes(v))
      throw new ArgumentError(
        `pathToTarget: expected stars on the table (${STARS.join(', ')}), found ${String(v)}`,
      );
    if ((options?.peers?.composites?.length ?? 0) === 0)
      throw new ArgumentError(
        "pathToTarget: stars follow the ranking among peers' totals: pass options.peers with composites (a ranking read from JD cannot move)",
      );
    return;
  }
  if ('module' in target && !(MODULE_IDS as readonly string[]).includes(target.module))
    throw new ArgumentError(
      `pathToTarget: expected a module id (${MODULE_IDS.join(', ')}), found ${JSON.stringify(target.module)}`,
    );
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 10)
    throw new ArgumentError(
      `pathToTarget: expected a target score from 0 to 10, found ${String(v)}`,
    );
}

/** A metric's counts, when the card has them: cases the metric counts (whole numbers). */
function countsOf(card: Scorecard, def: MetricDefinition<MetricId>) {
  const m = card.metrics[def.id];
  if (def.unit !== 'ratio' || m.value === null) return undefined;
  if (!m.denominator.isInteger() || !m.numerator.isInteger() || m.denominator.lt(1))
    return undefined;
  if (m.valueOnly === true || m.status !== 'ok') return undefined;
  return { numerator: m.numerator.toNumber(), denominator: m.denominator.toNumber() };
}

/** The change of `k` cases of a counted ratio metric, in its good direction. */
function casesChange(
  def: MetricDefinition<MetricId>,
  n: number,
  d: number,
  k: number,
): MetricValueInput {
  return { numerator: def.direction === 'higher-is-better' ? n + k : n - k, denominator: d };
}

/** The most cases that can change in the good direction. */
function maxCases(def: MetricDefinition<MetricId>, n: number, d: number): number {
  return def.direction === 'higher-is-better' ? Math.max(0, Math.min(d, d) - n) : n;
}

/** The best value of a metric's unit in its good direction (for a value search). */
function bestValue(def: MetricDefinition<MetricId>): number {
  if (def.direction === 'lower-is-better') return 0;
  return def.unit === 'points' ? 10 : 1;
}

/**
 * The way to a target: for each metric, the value (and, where the card has counts, the number
 * of cases) that alone reaches it, or why it cannot; and a plan of the fewest changed cases
 * together, greedily by points gained per case, whose `change` `whatIf` reaches the target with.
 * Scores come from the rule set's curves (an assumption) unless peers are given. Stars need
 * peers' totals.
 *
 * @throws {ArgumentError} on a target above 10, a module that does not exist, stars not on the
 * table, or stars without peers' totals.
 *
 * @example
 * ```ts
 * const card = evaluateStore(data, { asOf: '2026-11-23' });
 * const way = pathToTarget(card, { total: 8 });
 * way.plan.reachable;
 * //=> true
 * (whatIf(card, way.plan.change).after.total ?? 0) >= 8;
 * //=> true
 * ```
 */
export function pathToTarget(
  card: Scorecard,
  target: Target,
  options: WhatIfOptions = {},
): PathToTarget {
  checkTarget(target, options);
  const ctx = prepareWhatIf('pathToTarget', card, options);
  const base = ctx.card;
  const want = goal(target);
  const current = quantity(base, target);
  const caveat =
    options.peers === undefined
      ? "Scores come from the rule set's curves (an assumption: JD does not publish how a value becomes a score); with peers they come from the ranking among them."
      : 'Scores are percentiles among the peers given; the peers are assumed not to change.';
  const quantityAfter = (change: WhatIfChange) => quantity(rescore(ctx, change), target);
  const reachedBy = (change: WhatIfChange) => {
    const q = quantityAfter(change);
    return q !== null && q >= want;
  };
  if (current !== null && current >= want)
    return {
      current,
      reached: true,
      perMetric: [],
      plan: { reachable: true, steps: [], change: {}, caveat },
    };

  // Each metric alone.
  const perMetric: MetricPath[] = [];
  for (const def of metricCatalogue) {
    const m = base.metrics[def.id];
    const name = `${def.name.zh} ${def.name.en}`;
    if (m.status === 'too-little-data') {
      perMetric.push({
        metric: def.id,
        alone: false,
        reason: 'too-little-data',
        text: `${name}: too little data (${m.denominator.toString()} ${def.basis[1]}, the minimum is ${ctx.ruleSet.minimumSample[def.id].value}): its value is not scored`,
      });
      continue;
    }
    const counts = countsOf(base, def);
    if (counts !== undefined) {
      const max = maxCases(def, counts.numerator, counts.denominator);
      const change = (k: number): WhatIfChange => ({
        metrics: { [def.id]: casesChange(def, counts.numerator, counts.denominator, k) },
      });
      if (max === 0) {
        perMetric.push({
          metric: def.id,
          alone: false,
          reason: 'at-best',
          text: `${name}: at its best already`,
        });
        continue;
      }
      if (!reachedBy(change(max))) {
        perMetric.push({
          metric: def.id,
          alone: false,
          reason:
            m.score === null ||
            base.modules[def.module].metrics.find((c) => c.id === def.id)?.weight === 0
              ? 'no-weight'
              : 'too-small',
          text: `${name}: cannot reach the target alone`,
        });
        continue;
      }
      let lo = 1;
      let hi = max;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (reachedBy(change(mid))) hi = mid;
        else lo = mid + 1;
      }
      const n =
        def.direction === 'higher-is-better' ? counts.numerator + lo : counts.numerator - lo;
      const what = def.direction === 'higher-is-better' ? 'more' : 'fewer';
      perMetric.push({
        metric: def.id,
        alone: true,
        value: new Dec(n).div(counts.denominator),
        cases: { change: lo, of: counts.denominator },
        text: `${name}: ${lo} ${what} "${def.numerator}", of ${counts.denominator} ${def.basis[1]}`,
      });
      continue;
    }
    if (m.value === null) {
      perMetric.push({ metric: def.id, alone: false, reason: 'no-data', text: `${name}: no data` });
      continue;
    }
    // A value alone: search between the value and the unit's best (seconds and hours: 0).
    const best = bestValue(def);
    const from = m.value.toNumber();
    if (from === best) {
      perMetric.push({
        metric: def.id,
        alone: false,
        reason: 'at-best',
        text: `${name}: at its best already`,
      });
      continue;
    }
    const at = (x: number): WhatIfChange => ({ metrics: { [def.id]: x } });
    if (!reachedBy(at(best))) {
      perMetric.push({
        metric: def.id,
        alone: false,
        reason: 'too-small',
        text: `${name}: cannot reach the target alone`,
      });
      continue;
    }
    let lo = from;
    let hi = best;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (reachedBy(at(mid))) hi = mid;
      else lo = mid;
    }
    perMetric.push({
      metric: def.id,
      alone: true,
      value: new Dec(hi),
      text: `${name}: ${hi} alone reaches it`,
    });
  }

  // The plan: counted metrics, greedily by gain per case. `state` holds each metric's cases
  // (in the order first chosen), so a metric is one step however many batches it took.
  const counted = new Map<MetricId, { def: MetricDefinition<MetricId>; n: number; d: number }>();
  for (const def of metricCatalogue) {
    const c = countsOf(base, def);
    if (c !== undefined) counted.set(def.id, { def, n: c.numerator, d: c.denominator });
  }
  const changeOf = (cases: ReadonlyMap<MetricId, number>): WhatIfChange => {
    const metrics: Partial<Record<MetricId, MetricValueInput>> = {};
    for (const [id, k] of cases) {
      const c = counted.get(id) as { def: MetricDefinition<MetricId>; n: number; d: number };
      metrics[id] = casesChange(c.def, c.n, c.d, k);
    }
    return { metrics };
  };
  const state = new Map<MetricId, number>();
  let now = current ?? 0;
  for (let guard = 0; guard < 200 && now < want; guard++) {
    let best: { id: MetricId; k: number; q: number; rate: number } | undefined;
    for (const [id, c] of counted) {
      const done = state.get(id) ?? 0;
      const left = maxCases(c.def, c.n, c.d) - done;
      if (left <= 0) continue;
      // The smallest batch of cases that moves the target (scores are rounded to 2 decimals).
      for (const k of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) {
        const take = Math.min(k, left);
        const q = quantityAfter(changeOf(new Map(state).set(id, done + take))) ?? 0;
        if (q > now) {
          const rate = (q - now) / take;
          if (best === undefined || rate > best.rate) best = { id, k: take, q, rate };
          break;
        }
        if (take === left) break;
      }
    }
    if (best === undefined) break;
    state.set(best.id, (state.get(best.id) ?? 0) + best.k);
    now = best.q;
  }
  // Batches overshoot: take back every case the target does not need, metric by metric.
  if (state.size > 0 && reachedBy(changeOf(state))) {
    for (const [id, k] of [...state].reverse()) {
      let lo = 0;
      let hi = k;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (reachedBy(changeOf(new Map(state).set(id, mid)))) hi = mid;
        else lo = mid + 1;
      }
      if (lo === 0) state.delete(id);
      else state.set(id, lo);
    }
  }
  // One step per metric, in the order chosen; each step reaches what its cases and every
  // earlier step's give together, so the figures only rise and the last is the plan's.
  const steps: PlanStep[] = [];
  const sofar = new Map<MetricId, number>();
  for (const [id, k] of state) {
    sofar.set(id, k);
    const def = (counted.get(id) as { def: MetricDefinition<MetricId> }).def;
    const reaches = quantityAfter(changeOf(sofar));
    steps.push({
      metric: id,
      cases: k,
      reaches,
      text: `${def.name.zh} ${def.name.en}: ${k} ${def.direction === 'higher-is-better' ? 'more' : 'fewer'} "${def.numerator}" → ${reaches ?? '—'}`,
    });
  }
  const change = changeOf(state);
  return {
    current,
    reached: false,
    perMetric,
    plan: { reachable: reachedBy(change), steps, change, caveat },
  };
}
