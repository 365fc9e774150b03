/**
 * The measuring engine: one pass over a store's entities, contributions summed per
 * evaluation day.
 *
 * Each metric's measuring function reads one entity (a customer's chats and orders, an order,
 * a service order, a customer's reviews) as of the evaluation day D and adds small integer
 * sums (counts, milliseconds, fen) placed on an *anchor day*. The engine keeps only the sums
 * whose anchor lies in the metric's window `[D−a, D−b]`.
 *
 * Replayability is structural: a measuring function may depend on D only through
 * {@link MeasureContext.known} ("has this instant happened before D 00:00?"),
 * {@link MeasureContext.inWindow} and the anchor of what it adds. Both calls record the first
 * later day at which their answer would change, so a contribution computed for D holds until
 * then. A single evaluation is a history of one day; a history re-measures an entity only on
 * the days its facts change, and adds each contribution to difference arrays over evaluation
 * days: one pass, however many days.
 *
 * @module
 */
import { ArgumentError, RuleSetError } from '../errors.js';
import { isParsedStoreData, type StoreData } from '../model.js';
import type { MeasurementRules } from '../rules/measurementDefaults.js';
import { DAY_MS, type DayNumber, dayNumberOf, dayStartMs } from '../time/shanghai.js';
import {
  buildCustomers,
  buildOrders,
  buildReviewGroups,
  buildServiceOrders,
  type Entity,
  type FamilyId,
} from './_views.js';
import { type MetricDefinition, type MetricMeasures, windowKey } from './types.js';

/**
 * What a measuring function sees: the evaluation day, the rules, and the calls through which
 * it reads time and adds its sums.
 */
export class MeasureContext {
  /** The rules in force. */
  readonly rules: MeasurementRules;
  /** The evaluation day D. */
  asOfDay: DayNumber = 0;
  /** The as-of instant, D 00:00 Shanghai: anything at or after it has not happened. */
  asOfMs = 0;
  /** First evaluation day after D at which something consulted would change. */
  nextChangeDay: DayNumber = Number.POSITIVE_INFINITY;
  /** Window starts (a of `[D−a, D−b]`) per slot. */
  readonly windowFrom: Int32Array;
  /** Window ends (b of `[D−a, D−b]`) per slot. */
  readonly windowTo: Int32Array;
  /** @internal pending contributions: slot, anchor (NaN = already windowed), numerator, denominator. */
  pending: number[] = [];

  constructor(rules: MeasurementRules, windowFrom: Int32Array, windowTo: Int32Array) {
    this.rules = rules;
    this.windowFrom = windowFrom;
    this.windowTo = windowTo;
  }

  /**
   * Whether an instant has happened as of D (strictly before D 00:00 Shanghai). A missing
   * instant never has. Records when a not-yet-happened instant will have.
   */
  known(t: number | undefined): boolean {
    if (t === undefined) return false;
    if (t < this.asOfMs) return true;
    const changes = dayNumberOf(t) + 1;
    if (changes < this.nextChangeDay) this.nextChangeDay = changes;
    return false;
  }

  /**
   * Whether an anchor day lies in the slot's window for D. Only for metrics that select
   * within their window (distinct customers, a customer's latest reviews) and then call
   * {@link addWindowed}; everything else calls {@link add} and lets the engine window it.
   */
  inWindow(slot: number, day: DayNumber): boolean {
    const last = this.asOfDay - (this.windowTo[slot] as number);
    if (day > last) {
      const enters = day + (this.windowTo[slot] as number);
      if (enters < this.nextChangeDay) this.nextChangeDay = enters;
      return false;
    }
    const a = this.windowFrom[slot] as number;
    if (day < this.asOfDay - a) return false;
    const leaves = day + a + 1;
    if (leaves < this.nextChangeDay) this.nextChangeDay = leaves;
    return true;
  }

  /** Adds sums anchored on `day`; the engine keeps them while the day is in the slot's window. */
  add(slot: number, day: DayNumber, numerator: number, denominator: number): void {
    this.pending.push(slot, day, numerator, denominator);
  }

  /** Adds sums already restricted to the window through {@link inWindow}. */
  addWindowed(slot: number, numerator: number, denominator: number): void {
    this.pending.push(slot, Number.NaN, numerator, denominator);
  }
}

/** Daily sums per metric slot over a range of evaluation days. */
export interface EngineResult {
  /** First evaluation day. */
  readonly fromDay: DayNumber;
  /** Number of evaluation days. */
  readonly days: number;
  /** Numerator sums, `[slot][dayIndex]`, in tally units (counts, ms, fen). */
  readonly numerators: readonly Float64Array[];
  /** Denominator sums, `[slot][dayIndex]`. */
  readonly denominators: readonly Float64Array[];
}

/** Why unparsed data is refused, and what to do. */
function unparsedMessage(data: unknown): string {
  const found =
    data === null || data === undefined
      ? String(data)
      : typeof data === 'object'
        ? 'an object that did not come from parseStoreData'
        : `a ${typeof data}`;
  return `Expected store data returned by parseStoreData (or safeParseStoreData, parseStoreDataLenient, storeDataSchema), found ${found}: parse the raw input first, as in evaluateStore(parseStoreData(JSON.parse(text)), { asOf })`;
}

const FAMILY_ORDER: readonly FamilyId[] = ['customer', 'order', 'serviceOrder', 'reviews'];

/**
 * Measures `definitions` for every evaluation day in `[fromDay, toDay]`.
 * @internal
 */
export function runEngine(
  data: StoreData,
  definitions: readonly MetricDefinition[],
  rules: MeasurementRules,
  fromDay: DayNumber,
  toDay: DayNumber,
): EngineResult {
  if (!isParsedStoreData(data)) throw new ArgumentError(unparsedMessage(data));
  const slots = definitions.length;
  const days = toDay - fromDay + 1;
  const windowFrom = new Int32Array(slots);
  const windowTo = new Int32Array(slots);
  const missing = definitions.filter((d) => rules.windows[windowKey(d)] === undefined);
  if (missing.length > 0) {
    // A definition made with defineMetric for an id the rule set does not know.
    throw new RuleSetError(
      missing.map((d) => ({
        path: `windows.${windowKey(d)}`,
        message: `expected a window for metric ${JSON.stringify(d.id)} in the rule set, found none (the rule set knows only the catalogue's metrics)`,
      })),
    );
  }
  definitions.forEach((d, i) => {
    const w = rules.windows[windowKey(d)].value;
    windowFrom[i] = w.fromDaysBack;
    windowTo[i] = w.toDaysBack;
  });
  const diffNum = definitions.map(() => new Float64Array(days + 1));
  const diffDen = definitions.map(() => new Float64Array(days + 1));
  const ctx = new MeasureContext(rules, windowFrom, windowTo);
  // Anchors lie between an entity's earliest instant's day and its latest instant's day plus
  // the longest deadline (arrival days, review handling hours, next-day collection).
  const anchorSlack = Math.max(
    1,
    rules.logistics.arrivalDays.value + 1,
    Math.ceil(rules.reviews.handlingHours.value / 24),
  );

  for (const family of FAMILY_ORDER) {
    const measures: { slot: number; fn: NonNullable<MetricMeasures[FamilyId]> }[] = [];
    // The family's own window bounds: its entities matter for fewer days than the longest window.
    let familyMaxA = 0;
    let familyMinB = Number.POSITIVE_INFINITY;
    definitions.forEach((d, slot) => {
      const fn = d.measure[family];
      if (fn) {
        measures.push({ slot, fn });
        familyMaxA = Math.max(familyMaxA, windowFrom[slot] as number);
        familyMinB = Math.min(familyMinB, windowTo[slot] as number);
      }
    });
    if (measures.length === 0) continue;
    // An entity whose latest instant is before `relevantFromMs` has no anchor in any window of
    // [fromDay, toDay]: it is not built at all.
    const relevantFromMs = dayStartMs(fromDay - anchorSlack - familyMaxA);
    // Customers split where nothing happens for longer than a chat window plus attribution.
    const segmentGapMs =
      (familyMaxA + Math.ceil(rules.chat.attributionHours.value / 24) + 2) * DAY_MS;
    const entities = buildFamily(family, data, rules, relevantFromMs, segmentGapMs);
    const measureCount = measures.length;
    for (const entity of entities) {
      let day = Math.max(fromDay, dayNumberOf(entity.minMs) + familyMinB);
      const last = Math.min(toDay, dayNumberOf(entity.maxMs) + anchorSlack + familyMaxA);
      while (day <= last) {
        ctx.asOfDay = day;
        ctx.asOfMs = dayStartMs(day);
        ctx.nextChangeDay = Number.POSITIVE_INFINITY;
        ctx.pending.length = 0;
        const view = entity.viewAt(ctx);
        for (let k = 0; k < measureCount; k++) {
          const m = measures[k] as { slot: number; fn: NonNullable<MetricMeasures[FamilyId]> };
          (m.fn as (v: unknown, c: MeasureContext, s: number) => void)(view, ctx, m.slot);
        }
        const until = Math.min(ctx.nextChangeDay - 1, toDay);
        if (ctx.pending.length > 0) commit(ctx, day, until, fromDay, diffNum, diffDen);
        day = until + 1;
      }
    }
  }

  const numerators = diffNum.map((d) => prefixSum(d, days));
  const denominators = diffDen.map((d) => prefixSum(d, days));
  return { fromDay, days, numerators, denominators };
}

function buildFamily(
  family: FamilyId,
  data: StoreData,
  rules: MeasurementRules,
  relevantFromMs: number,
  segmentGapMs: number,
): Iterable<Entity<unknown>> {
  switch (family) {
    case 'customer':
      return buildCustomers(data, rules, relevantFromMs, segmentGapMs);
    case 'order':
      return buildOrders(data, rules, relevantFromMs);
    case 'serviceOrder':
      return buildServiceOrders(data, relevantFromMs);
    case 'reviews':
      return buildReviewGroups(data, relevantFromMs);
  }
}

/** Applies the pending contributions, valid for evaluation days `[validFrom, validTo]`. */
function commit(
  ctx: MeasureContext,
  validFrom: DayNumber,
  validTo: DayNumber,
  fromDay: DayNumber,
  diffNum: Float64Array[],
  diffDen: Float64Array[],
): void {
  const p = ctx.pending;
  for (let i = 0; i < p.length; i += 4) {
    const slot = p[i] as number;
    const anchor = p[i + 1] as number;
    let lo = validFrom;
    let hi = validTo;
    if (!Number.isNaN(anchor)) {
      // The anchor is in the window [D−a, D−b] for D in [anchor + b, anchor + a].
      const enters = anchor + (ctx.windowTo[slot] as number);
      const leaves = anchor + (ctx.windowFrom[slot] as number);
      if (enters > lo) lo = enters;
      if (leaves < hi) hi = leaves;
    }
    if (lo > hi) continue;
    const num = p[i + 2] as number;
    const den = p[i + 3] as number;
    const dn = diffNum[slot] as Float64Array;
    const dd = diffDen[slot] as Float64Array;
    const s = lo - fromDay;
    const e = hi - fromDay + 1;
    if (num !== 0) {
      dn[s] = (dn[s] as number) + num;
      dn[e] = (dn[e] as number) - num;
    }
    if (den !== 0) {
      dd[s] = (dd[s] as number) + den;
      dd[e] = (dd[e] as number) - den;
    }
  }
}

function prefixSum(diff: Float64Array, days: number): Float64Array {
  const out = new Float64Array(days);
  let acc = 0;
  for (let i = 0; i < days; i++) {
    acc += diff[i] as number;
    out[i] = acc;
  }
  return out;
}
