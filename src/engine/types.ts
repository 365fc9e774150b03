/**
 * The engine's contract with what it measures: entities, their families, and slots.
 *
 * @module
 */
import type { StoreData } from '../model.js';
import type { MeasurementParameters } from '../rules/measurement.js';
import type { DayNumber } from '../time/shanghai.js';
import type { WindowSpec } from '../time/window.js';

/**
 * What a measuring function sees: the rules, and the four calls through which it reads time
 * and adds its sums. When to use which call: `docs/architecture.md` (the engine's contract).
 */
export interface MeasureContext {
  /** The measurement parameters in force (chat, review and logistics rules). */
  readonly rules: MeasurementParameters;
  /**
   * Whether an instant has happened as of the evaluation day D (strictly before D 00:00
   * Shanghai). A missing instant never has. The only way to ask about time: the engine records
   * the day the answer changes.
   */
  known(t: number | undefined): boolean;
  /**
   * Whether an anchor day lies in the slot's window for D. Only for metrics that select within
   * their window (distinct customers, a customer's latest reviews), which then add with
   * {@link addWindowed}.
   */
  inWindow(slot: number, day: DayNumber): boolean;
  /**
   * Adds integer sums anchored on `day`; the engine counts them while `day` is in the slot's
   * window. `record` names the record the sums come from (a review or session id) when the
   * entity holds several; without it, the entity's own id (an order, a service order) names it.
   * Only traces read it (a forecast's events, its open cases).
   */
  add(slot: number, day: DayNumber, numerator: number, denominator: number, record?: string): void;
  /** Adds integer sums already restricted to the window through {@link inWindow}; `record` as in {@link add}. */
  addWindowed(slot: number, numerator: number, denominator: number, record?: string): void;
}

/** A measuring function: reads one entity's view as of D and adds its sums to `slot`. */
export type MeasureFunction<V> = (view: V, ctx: MeasureContext, slot: number) => void;

/** What the engine needs of an entity: its span in time and its view as of an evaluation day. */
export interface Entity<V> {
  /** The record the entity stands for (an order or service order id; a customer id), for traces. */
  readonly entityId: string;
  /** Earliest instant of the entity. */
  readonly minMs: number;
  /** Latest instant of the entity: after it is known, only windows change its contributions. */
  readonly maxMs: number;
  /** The entity as of the context's evaluation day (reading time only through `ctx.known`). */
  viewAt(ctx: MeasureContext): V;
  /**
   * Called once the engine has measured the entity on every day it will: what `viewAt` built
   * may be let go of (an entity whose records are built from the columns then holds only
   * their rows, and a pass holds one entity's records at a time).
   */
  release?(): void;
}

/** Where a family's entities matter: facts before `relevantFromMs` reach no window evaluated. */
export interface FamilyScope {
  /** Entities whose every fact is before this instant are not built. */
  readonly relevantFromMs: number;
  /** The longest window (in days back) of the slots that read this family. */
  readonly longestWindowDays: number;
  /**
   * A knowledge cut-off (a forecast's): records created at or after it are left out, and
   * their facts stamped at or after it are hidden. `+∞` when there is none.
   */
  readonly knownBeforeMs: number;
}

/** A family of entities (customers, orders…) and how to build them from a store's data. */
export interface Family<V> {
  /** Builds the entities with a fact in scope. */
  build(data: StoreData, rules: MeasurementParameters, scope: FamilyScope): Iterable<Entity<V>>;
}

/** A slot's window: rolling, or the last complete calendar month. */
export type SlotWindow = WindowSpec | 'previous-calendar-month';

/** The longest span, in days, from an anchor to an evaluation day that counts it in a month window. */
export const CALENDAR_MONTH_SPAN_DAYS = 62;

/** One thing the engine sums: a metric (or a metric over another window). */
export interface EngineSlot {
  /** Name used in error messages (the metric id). */
  readonly name: string;
  /** Its measuring functions, by family id. */
  // biome-ignore lint/suspicious/noExplicitAny: each family passes its own view type
  readonly measure: Readonly<Record<string, MeasureFunction<any> | undefined>>;
  /**
   * The window of anchor days counted for D: a rolling window `[D−a, D−b]`, or
   * `'previous-calendar-month'`: the last complete calendar month before D, measured as of the
   * first day of D's month (a monthly assessment; such a slot takes `add` only).
   */
  readonly window: SlotWindow;
  /** How many days after its entity's last fact an anchor may lie (a due day after a deadline). */
  readonly anchorLagDays: number;
}

/**
 * One contribution as the engine commits it: slot, entity, anchor day (`NaN` when added
 * through `addWindowed`), sums, and the evaluation days `[from, to]` it counts on (within the
 * range evaluated). What a forecast reads to say which events enter or leave a window. The
 * engine passes one object, reassigned for every contribution: copy what you keep.
 */
export interface TracedContribution {
  readonly slot: number;
  readonly family: string;
  readonly entityId: string;
  /** The record the sums come from: the one passed to `add`, else the entity's id. */
  readonly recordId: string;
  readonly anchor: DayNumber;
  readonly numerator: number;
  readonly denominator: number;
  readonly from: DayNumber;
  readonly to: DayNumber;
}

/** Daily sums per slot over a range of evaluation days. */
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
