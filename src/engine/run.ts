/**
 * The measuring engine: one pass over a store's entities, contributions summed per evaluation
 * day.
 *
 * ## The authoring contract
 *
 * A measuring function reads one entity (a customer's chats and orders, an order, a service
 * order, a customer's reviews) as of an evaluation day D and adds small integer sums (counts,
 * milliseconds, fen) through its {@link MeasureContext}. It never reads D or the as-of
 * instant; it asks about time only through the context, and the engine records, for every
 * answer, the first later day at which it would change:
 *
 * - `ctx.known(t)`: has the instant `t` happened (strictly before D 00:00 Shanghai)? Use it for
 *   every fact that arrives later than the entity's creation (a payment, a reply, a ruling).
 * - `ctx.add(slot, anchorDay, num, den)`: the usual way to add. The engine keeps the sums for
 *   the days D whose window `[D−a, D−b]` holds `anchorDay`; the function does not window.
 * - `ctx.inWindow(slot, day)` + `ctx.addWindowed(slot, num, den)`: only for a metric that
 *   selects within its window (distinct customers, a customer's latest 20 reviews): it asks
 *   which anchors are in the window and adds the selection's sums as they stand.
 *
 * Its definition also says how many days after the entity's last fact an anchor may lie
 * (`anchorLagDays`: a collection due the day after payment, an arrival due days later), so
 * that the engine knows how long an entity keeps mattering.
 *
 * ## How one pass gives every day
 *
 * A contribution computed for D holds until the first recorded change day, so a history
 * re-measures an entity only on the days its facts or its windows change, and adds each
 * contribution once to a *difference array* over evaluation days: `+x` where it starts
 * counting, `−x` the day after it stops. One prefix sum then gives every day's total. For
 * example, over days 0–5, a review counted on days 1–3 adds 1 at index 1 and −1 at index 4:
 *
 * ```text
 * difference  [0, 1, 0, 0, -1, 0]
 * prefix sum  [0, 1, 1, 1,  0, 0]   the count on each evaluation day
 * ```
 *
 * A single evaluation is a history of one day.
 *
 * @module
 */
import { ArgumentError, InvalidInputError } from '../errors.js';
import { isParsedStoreData, type StoreData } from '../model.js';
import type { MeasurementParameters } from '../rules/measurement.js';
import { monthStartDay } from '../time/month.js';
import { type DayNumber, dayNumberOf, dayStartMs } from '../time/shanghai.js';
import {
  CALENDAR_MONTH_SPAN_DAYS,
  type EngineResult,
  type EngineSlot,
  type Entity,
  type Family,
  type MeasureContext,
  type MeasureFunction,
  type TracedContribution,
} from './types.js';

/** The first day of the month after the one holding `day`. */
function nextMonthStart(day: DayNumber): DayNumber {
  // A month has 28 to 31 days: 31 days after its first day is in the next month.
  return monthStartDay(monthStartDay(day) + 31);
}

/** The engine's side of a {@link MeasureContext}: the evaluation day and what was added. */
class Context implements MeasureContext {
  readonly rules: MeasurementParameters;
  #asOfDay: DayNumber = 0;
  #asOfMs = 0;
  #nextChangeDay: DayNumber = Number.POSITIVE_INFINITY;
  readonly #windowFrom: Int32Array;
  readonly #windowTo: Int32Array;
  readonly #monthly: Uint8Array;
  /** Pending contributions: slot, anchor (NaN = already windowed), numerator, denominator. */
  // Stryker disable next-line ArrayDeclaration: emptied (length = 0) before every use
  readonly #pending: number[] = [];
  /** The record of each pending contribution (`undefined`: the entity itself), for traces. */
  // Stryker disable next-line ArrayDeclaration: emptied (length = 0) before every use
  readonly #records: (string | undefined)[] = [];

  constructor(
    rules: MeasurementParameters,
    windowFrom: Int32Array,
    windowTo: Int32Array,
    monthly: Uint8Array,
  ) {
    this.rules = rules;
    this.#windowFrom = windowFrom;
    this.#windowTo = windowTo;
    this.#monthly = monthly;
  }

  /** Starts measuring for evaluation day `day`. */
  begin(day: DayNumber): void {
    this.#asOfDay = day;
    this.#asOfMs = dayStartMs(day);
    this.#nextChangeDay = Number.POSITIVE_INFINITY;
    this.#pending.length = 0;
    this.#records.length = 0;
  }

  /** First evaluation day after the current one at which something consulted would change. */
  get nextChangeDay(): DayNumber {
    return this.#nextChangeDay;
  }

  /** The contributions added since {@link begin}, four numbers each. */
  get pending(): readonly number[] {
    return this.#pending;
  }

  /** The record of each pending contribution, in the same order. */
  get records(): readonly (string | undefined)[] {
    return this.#records;
  }

  windowFrom(slot: number): number {
    return this.#windowFrom[slot] as number;
  }

  windowTo(slot: number): number {
    return this.#windowTo[slot] as number;
  }

  isMonthly(slot: number): boolean {
    return this.#monthly[slot] === 1;
  }

  known(t: number | undefined): boolean {
    // Stryker disable next-line ConditionalExpression: `undefined < asOfMs` is false and day NaN changes nothing: the same answer, said plainly
    if (t === undefined) return false;
    if (t < this.#asOfMs) return true;
    const changes = dayNumberOf(t) + 1;
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (changes < this.#nextChangeDay) this.#nextChangeDay = changes;
    return false;
  }

  inWindow(slot: number, day: DayNumber): boolean {
    if (this.#monthly[slot] === 1) {
      throw new Error(`engine: a calendar-month slot (${slot}) takes add() only, not inWindow()`);
    }
    const b = this.#windowTo[slot] as number;
    if (day > this.#asOfDay - b) {
      const enters = day + b;
      // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
      if (enters < this.#nextChangeDay) this.#nextChangeDay = enters;
      return false;
    }
    const a = this.#windowFrom[slot] as number;
    if (day < this.#asOfDay - a) return false;
    const leaves = day + a + 1;
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (leaves < this.#nextChangeDay) this.#nextChangeDay = leaves;
    return true;
  }

  add(slot: number, day: DayNumber, numerator: number, denominator: number, record?: string): void {
    this.#pending.push(slot, day, numerator, denominator);
    this.#records.push(record);
  }

  addWindowed(slot: number, numerator: number, denominator: number, record?: string): void {
    this.#pending.push(slot, Number.NaN, numerator, denominator);
    this.#records.push(record);
  }
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

type AnyMeasure = MeasureFunction<unknown>;

/**
 * Measures `slots` for every evaluation day in `[fromDay, toDay]`, reading the families'
 * entities in the order of `families`' keys.
 *
 * @internal
 */
export function runEngine(
  data: StoreData,
  slots: readonly EngineSlot[],
  families: Readonly<Record<string, Family<unknown>>>,
  rules: MeasurementParameters,
  fromDay: DayNumber,
  toDay: DayNumber,
  trace?: (contribution: TracedContribution) => void,
  knownBeforeMs: number = Number.POSITIVE_INFINITY,
): EngineResult {
  if (!isParsedStoreData(data)) throw new ArgumentError(unparsedMessage(data));
  const count = slots.length;
  const days = toDay - fromDay + 1;
  const windowFrom = new Int32Array(count);
  const windowTo = new Int32Array(count);
  const monthly = new Uint8Array(count);
  slots.forEach((s, i) => {
    if (s.window === 'previous-calendar-month') {
      // For the family bounds: an anchor counts from the next month's first day (D − 1 at
      // the least) until that month's last day (D − 62 at the most).
      monthly[i] = 1;
      windowFrom[i] = CALENDAR_MONTH_SPAN_DAYS;
      windowTo[i] = 1;
    } else {
      windowFrom[i] = s.window.fromDaysBack;
      windowTo[i] = s.window.toDaysBack;
    }
  });
  // A month slot of day D is measured as of the first day of D's month: for the days of the
  // range's first month, that day comes before the range.
  const monthStart = monthStartDay(fromDay);
  const diffNum = slots.map(() => new Float64Array(days + 1));
  const diffDen = slots.map(() => new Float64Array(days + 1));
  // Sum of the magnitudes added per slot, numerators at 2·slot and denominators at 2·slot + 1:
  // while it stays a safe integer, every cell of the difference arrays and every prefix sum is
  // exact (none can exceed it).
  const magnitudes = new Float64Array(2 * count);
  const ctx = new Context(rules, windowFrom, windowTo, monthly);

  // Stryker disable next-line StringLiteral: assigned at the start of each family, before any use
  let family = '';
  // Stryker disable next-line StringLiteral: assigned for each entity, before any use
  let entityId = '';
  // Stryker disable next-line ObjectLiteral: every field is assigned before each call of the trace; the literal only gives the object its shape
  const traced = {
    slot: 0,
    // Stryker disable next-line StringLiteral: assigned before each call of the trace
    family: '',
    // Stryker disable next-line StringLiteral: assigned before each call of the trace
    entityId: '',
    // Stryker disable next-line StringLiteral: assigned before each call of the trace
    recordId: '',
    anchor: 0,
    numerator: 0,
    denominator: 0,
    from: 0,
    to: 0,
  } satisfies TracedContribution;
  for (const [familyId, familyOf] of Object.entries(families)) {
    family = familyId;
    const measures: { slot: number; fn: AnyMeasure }[] = [];
    const monthlyMeasures: { slot: number; fn: AnyMeasure }[] = [];
    // The family's own bounds: its entities matter for fewer days than the longest window.
    let maxA = 0;
    let minB = Number.POSITIVE_INFINITY;
    let lag = 0;
    slots.forEach((s, slot) => {
      const fn = s.measure[familyId];
      if (fn) {
        measures.push({ slot, fn });
        // Stryker disable next-line ConditionalExpression: a window's slot measured on the month's assessment day (before the range) commits only to days before fromDay, which commit() drops
        if (monthly[slot] === 1) monthlyMeasures.push({ slot, fn });
        maxA = Math.max(maxA, windowFrom[slot] as number);
        minB = Math.min(minB, windowTo[slot] as number);
        lag = Math.max(lag, s.anchorLagDays);
      }
    });
    // Stryker disable next-line ConditionalExpression: a family nothing measures adds nothing; the skip saves building its entities
    if (measures.length === 0) continue;
    // An entity whose latest instant is before `relevantFromMs` has no anchor in any window of
    // [fromDay, toDay]: it is not built at all.
    const relevantFromMs = dayStartMs(fromDay - lag - maxA);
    const entities = familyOf.build(data, rules, {
      relevantFromMs,
      longestWindowDays: maxA,
      knownBeforeMs,
    });
    for (const entity of entities) {
      entityId = entity.entityId;
      // Stryker disable next-line ArithmeticOperator: an earlier first day only measures days on which no anchor of the entity (none before its first fact's day) is in a window yet: more work, the same sums
      const first = dayNumberOf(entity.minMs) + minB;
      // The first month's assessment day, before the range: only the month slots, once, for
      // the entities with a fact before it (a month slot's window ends the day before).
      // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: work only: with no month slot nothing is measured, and an entity whose facts all start on or after the assessment day knows none of them then
      const atMonthStart = monthlyMeasures.length > 0 && first <= monthStart;
      if (monthStart < fromDay && atMonthStart) {
        // Stryker disable next-line ArithmeticOperator: measured as of the month's first day, a month slot's anchors are all before it, assessed on that day at the latest: a later bound of validity commits nothing more
        measureDays(entity, ctx, monthlyMeasures, monthStart, monthStart, fromDay - 1);
      }
      // Stryker disable next-line ArithmeticOperator: starting earlier only measures days whose contributions the anchors window out: more work, the same sums
      const start = Math.max(fromDay, first);
      const last = Math.min(toDay, dayNumberOf(entity.maxMs) + lag + maxA);
      measureDays(entity, ctx, measures, start, last, toDay);
      entity.release?.();
    }
  }

  /**
   * Measures an entity from day `from` to day `last`, each measurement holding until the first
   * day its answers change (at most `until`).
   */
  function measureDays(
    entity: Entity<unknown>,
    c: Context,
    measures: readonly { slot: number; fn: AnyMeasure }[],
    from: DayNumber,
    last: DayNumber,
    until: DayNumber,
  ): void {
    let day = from;
    while (day <= last) {
      c.begin(day);
      const view = entity.viewAt(c);
      for (let k = 0; k < measures.length; k++) {
        const m = measures[k] as { slot: number; fn: AnyMeasure };
        m.fn(view, c, m.slot);
      }
      const validTo = Math.min(c.nextChangeDay - 1, until);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: committing nothing changes nothing
      if (c.pending.length > 0) commit(c, day, validTo);
      day = validTo + 1;
    }
  }

  /** Applies the pending contributions, valid for evaluation days `[validFrom, validTo]`. */
  function commit(c: Context, validFrom: DayNumber, validTo: DayNumber): void {
    const p = c.pending;
    for (let i = 0; i < p.length; i += 4) {
      const slot = p[i] as number;
      const anchor = p[i + 1] as number;
      let lo = validFrom;
      let hi = validTo;
      if (c.isMonthly(slot)) {
        // Counted on the days of the month after the anchor's, when measured on its first day.
        const assessed = nextMonthStart(anchor);
        if (assessed < validFrom || assessed > validTo) continue;
        lo = assessed;
        hi = nextMonthStart(assessed) - 1;
      } else if (
        // Stryker disable next-line ConditionalExpression: with a NaN anchor both bounds are NaN, and a comparison with NaN is false: lo and hi stay as they are
        !Number.isNaN(anchor)
      ) {
        // The anchor is in the window [D−a, D−b] for D in [anchor + b, anchor + a].
        const enters = anchor + c.windowTo(slot);
        const leaves = anchor + c.windowFrom(slot);
        // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
        if (enters > lo) lo = enters;
        // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
        if (leaves < hi) hi = leaves;
      }
      // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
      if (lo < fromDay) lo = fromDay;
      // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
      if (hi > toDay) hi = toDay;
      if (lo > hi) continue;
      const num = p[i + 2] as number;
      const den = p[i + 3] as number;
      if (trace !== undefined) {
        // One object reused for every contribution (a trace copies what it keeps).
        traced.slot = slot;
        traced.family = family;
        traced.entityId = entityId;
        traced.recordId = c.records[i / 4] ?? entityId;
        traced.anchor = anchor;
        traced.numerator = num;
        traced.denominator = den;
        traced.from = lo;
        traced.to = hi;
        trace(traced);
      }
      const dn = diffNum[slot] as Float64Array;
      const dd = diffDen[slot] as Float64Array;
      const s = lo - fromDay;
      const e = hi - fromDay + 1;
      magnitudes[2 * slot] = (magnitudes[2 * slot] as number) + Math.abs(num);
      magnitudes[2 * slot + 1] = (magnitudes[2 * slot + 1] as number) + Math.abs(den);
      // Stryker disable next-line ConditionalExpression: adding 0 changes nothing
      if (num !== 0) {
        dn[s] = (dn[s] as number) + num;
        dn[e] = (dn[e] as number) - num;
      }
      // Stryker disable next-line ConditionalExpression: adding 0 changes nothing
      if (den !== 0) {
        dd[s] = (dd[s] as number) + den;
        dd[e] = (dd[e] as number) - den;
      }
    }
  }

  assertExact(slots, magnitudes);
  const numerators = diffNum.map((d) => prefixSum(d, days));
  const denominators = diffDen.map((d) => prefixSum(d, days));
  return { fromDay, days, numerators, denominators };
}

/**
 * Throws when a slot's sums could not be added exactly: integers beyond 2^53 − 1 (money in
 * fen, durations in ms) lose units silently in floating point.
 */
function assertExact(slots: readonly EngineSlot[], magnitudes: Float64Array): void {
  const issues = [];
  for (let slot = 0; slot < slots.length; slot++) {
    const m = Math.max(magnitudes[2 * slot] as number, magnitudes[2 * slot + 1] as number);
    if (!Number.isSafeInteger(m)) {
      issues.push({
        path: '',
        message: `expected the sums of ${(slots[slot] as EngineSlot).name} to stay at most ${Number.MAX_SAFE_INTEGER} (2^53 − 1, the largest integer added exactly), found ${m} (amounts in fen or durations in ms too large)`,
      });
    }
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
}

function prefixSum(diff: Float64Array, days: number): Float64Array {
  const out = new Float64Array(days);
  let acc = 0;
  // Stryker disable next-line EqualityOperator: a write past the end of a typed array is ignored
  for (let i = 0; i < days; i++) {
    acc += diff[i] as number;
    out[i] = acc;
  }
  return out;
}
