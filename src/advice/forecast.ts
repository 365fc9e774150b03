/**
 * A forecast: what the windows do if nothing new happens. The scorecards of the next days from
 * the facts known at an instant, and, for each metric, the days its value changes because
 * events enter or leave its window, with those events.
 *
 * @module
 */
import { withCollections } from '../_packed.js';
import { Dec, type DecimalValue } from '../decimal.js';
import type { EngineResult, TracedContribution } from '../engine/types.js';
import { ArgumentError } from '../errors.js';
import { type EvaluateStoreOptions, evaluateDays, type Scorecard } from '../evaluate/evaluate.js';
import { formatValue } from '../format.js';
import { serviceKnownBefore } from '../metrics/_knownBefore.js';
import { getMetricDefinition, type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import { isParsedStoreData, latestFactMs, type StoreData } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import { parsePeerData } from '../scorecard/peers.js';
import {
  type DayNumber,
  dayKeyOf,
  dayNumberOf,
  formatShanghaiInstant,
  type InstantInput,
  msOfDay,
  toEpochMs,
} from '../time/shanghai.js';
import { listOpenDeadlines } from './deadlines.js';

/** Options of {@link forecast}. */
export interface ForecastOptions {
  /** The knowledge cut-off: only facts stamped strictly before it are used. */
  readonly knownAt: InstantInput;
  /** How many evaluation days to forecast, from the first whose as-of instant is at or after `knownAt` (1–366). */
  readonly days: number;
  /** Rules; the default rule set by default. */
  readonly ruleSet?: RuleSet;
  /** Peers (the same every day): scores by percentile, and a standing each day. */
  readonly peers?: EvaluateStoreOptions['peers'];
  /** A ranking (the same every day): a standing each day. */
  readonly ranking?: EvaluateStoreOptions['ranking'];
  /** Good Shop facts. */
  readonly goodShop?: EvaluateStoreOptions['goodShop'];
}

/** What a forecast event's record is. */
export type ForecastRecordKind = 'review' | 'order' | 'service-order' | 'chat-session' | 'customer';

/** What enters or leaves a metric's window on a day, by record. */
export interface ForecastEvent {
  /** `'enters'` when the record's sums start counting that day, `'leaves'` when they stop. */
  readonly change: 'enters' | 'leaves' | 'changes';
  /** The entity family the record is read through: a customer's chats and orders, an order, a service order, a customer's reviews. */
  readonly family: 'customer' | 'order' | 'serviceOrder' | 'reviews';
  /**
   * The record that enters or leaves: the review, order or service order id, or the chat
   * session's (its first piece's) id; the customer id for the conversion rate, which counts
   * distinct customers.
   */
  readonly recordId: string;
  /** What {@link recordId} names. */
  readonly record: ForecastRecordKind;
  /** The entity the record belongs to: the customer for chats and reviews, else the record itself. */
  readonly groupId: string;
  /**
   * The day the record's sums are anchored on; `null` for a selection within the window (a
   * customer counted once, a customer's latest 20 reviews when they have more).
   */
  readonly anchorDay: string | null;
  /** The change in the metric's numerator and denominator, in the result's units. */
  readonly numerator: number;
  readonly denominator: number;
}

/** A day on which a metric's value changes in the forecast. */
export interface ForecastChange {
  readonly metric: MetricId;
  /** The evaluation day of the new value. */
  readonly day: string;
  /** The value the day before (`null`: no data). */
  readonly from: DecimalValue | null;
  /** The value that day. */
  readonly to: DecimalValue | null;
  /** The events entering or leaving the window that day (summed per entity when first read). */
  readonly events: readonly ForecastEvent[];
  /** In words: "reviews.negative-rate on 2026-11-24: 3.14% → 2.98% (…)". */
  readonly text: string;
}

/** The net change of one record's sums in one slot on one day. */
interface Delta {
  readonly family: string;
  readonly recordId: string;
  readonly groupId: string;
  anchor: number;
  num: number;
  den: number;
}

/**
 * The cases still open at `knownAt` (those {@link openDeadlines} lists) that a metric would count
 * on a forecast day, and the range they span: every one met … every one missed.
 */
export interface ForecastOpenCases {
  readonly metric: MetricId;
  /** The evaluation day. */
  readonly day: string;
  /** How many open cases the window holds that day. */
  readonly cases: number;
  /** The value with them left out: the scorecard's (`null`: no data without them). */
  readonly leftOut: DecimalValue | null;
  /** The value if every open case meets its deadline. */
  readonly allMet: DecimalValue;
  /** The value if every one misses it (what the data as known at `knownAt` gives). */
  readonly allMissed: DecimalValue;
}

/** A forecast. */
export interface Forecast {
  /** The knowledge cut-off, ISO-8601 with `+08:00`. */
  readonly knownAt: string;
  /**
   * The scorecards of the forecast days, in day order, each with its `asOf`. A case still open
   * at `knownAt` is at stake, not missed: it is left out of these values (see {@link openCases}),
   * and a metric below its minimum sample is `'too-little-data'` as in any scorecard.
   */
  readonly scorecards: readonly Scorecard[];
  /** Per day and metric (by day, then metric), the open cases counted and the range they span. */
  readonly openCases: readonly ForecastOpenCases[];
  /** Every change of a metric's value from one forecast day to the next, by day then metric. */
  readonly changes: readonly ForecastChange[];
}

const NOUN: Readonly<Record<ForecastRecordKind, string>> = {
  review: 'review',
  order: 'order',
  'service-order': 'service order',
  'chat-session': 'chat session',
  customer: 'customer',
};

/** What a record of `family` read by `metric` is. */
function recordKindOf(family: ForecastEvent['family'], metric: MetricId): ForecastRecordKind {
  if (family === 'reviews') return 'review';
  if (family === 'serviceOrder') return 'service-order';
  if (family === 'order' || metric === 'consultation.facilitated-amount-share') return 'order';
  return metric === 'consultation.conversion-rate' ? 'customer' : 'chat-session';
}

/**
 * The scorecards of the next `days` evaluation days computed from the facts known at
 * `knownAt` only (the first day is the first whose as-of instant, 00:00 Shanghai, is at or after
 * `knownAt`), in one history pass over the data as it was known then (the engine's families
 * leave out what was not known at `knownAt`); and each day on which a
 * metric's value changes because events enter or leave its window, with those events. The
 * forecast of day D with `knownAt` = D 00:00 equals `evaluateStore` for D. The events are
 * traced by a second pass the first time one is read (`change.events`, `change.text`).
 * When every fact of the data comes before `knownAt` (the parsers note the latest; data built
 * by a spread has no note and is checked record by record), the pass is exactly a history's:
 * a forecast from now costs what a history of the same days costs.
 *
 * A case still open at `knownAt` (one {@link openDeadlines} lists: a review not replied, an order
 * not collected or not delivered, a consultation waiting for its first reply) is at stake, not
 * missed: the scorecards leave it out, and `openCases` gives, per day and metric, how many such
 * cases the window holds and the range they span (every one met … every one missed, the latter
 * being what the data as known at `knownAt` says). A day below a metric's minimum sample is
 * `'too-little-data'` there, as in any scorecard. Each event names the record that enters or
 * leaves (the review, order, service order or chat session), with its customer.
 *
 * @throws {ArgumentError} on unparsed data, a malformed `knownAt`, or `days` not a whole number in 1–366.
 *
 * @example
 * ```ts
 * const f = forecast(data, { knownAt: '2026-11-22 10:00', days: 30 });
 * f.scorecards[0]?.asOf;
 * //=> '2026-11-23'
 * f.changes.find((c) => c.metric === 'reviews.negative-rate')?.text;
 * //=> 'reviews.negative-rate on 2026-11-24: 2.70% → 2.71% (review R000000245 (customer jd_10770597) leaves)'
 * f.openCases[0]?.allMissed.toFixed(4);
 * //=> '0.8979'  (5 orders not yet collected at 10:00, all missed; all met: 0.9191)
 * ```
 */
export function forecast(data: StoreData, options: ForecastOptions): Forecast {
  if (!isParsedStoreData(data)) {
    throw new ArgumentError('forecast: expected store data returned by parseStoreData');
  }
  const knownMs = toEpochMs(options?.knownAt);
  if (typeof knownMs !== 'number') {
    throw new ArgumentError(`forecast: expected knownAt as an instant, ${knownMs.error}`);
  }
  const days = options.days;
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    throw new ArgumentError(
      `forecast: expected days as a whole number 1–366, found ${String(days)}`,
    );
  }
  if (options.peers !== undefined) parsePeerData(options.peers);
  const ruleSet = options.ruleSet ?? defaultRuleSet;
  const fromDay: DayNumber = dayNumberOf(knownMs) + (msOfDay(knownMs) === 0 ? 0 : 1);
  const toDay = fromDay + days - 1;
  // When the parser noted that every fact comes before the cut-off (the usual "forecast from
  // now"), the data as known is the data: nothing to check, and the pass is a history's.
  const latest = latestFactMs(data);
  const cut = latest === undefined || latest >= knownMs ? knownMs : undefined;
  // Otherwise the engine's families leave out what is not known at the cut-off as they read the
  // records; only the 放心购 services, read by the bonus, are cut here.
  let known = data;
  if (cut !== undefined) {
    const services = [];
    for (const a of data.assuredServices) {
      const b = serviceKnownBefore(a, cut);
      if (b !== undefined) services.push(b);
    }
    known = withCollections(data, { assuredServices: services });
  }

  // What starts counting on a forecast day (+) and what stops (−), by (day, slot): kept as
  // flat lists during the pass, summed per entity only for the changes whose events are read.
  const groups: number[][] = [];
  const ids: string[] = [];
  const groupIds: string[] = [];
  const families: string[] = [];
  const anchors: number[] = [];
  const nums: number[] = [];
  const dens: number[] = [];
  const note = (c: TracedContribution, day: DayNumber, sign: 1 | -1) => {
    if (day <= fromDay || day > toDay) return;
    const key = (day - fromDay) * 64 + c.slot;
    const at = ids.length;
    ids.push(c.recordId);
    groupIds.push(c.entityId);
    families.push(c.family);
    anchors.push(c.anchor);
    // 0 − x, not −1 × x: a sum that stops counting 0 is 0, not −0.
    nums.push(sign === 1 ? c.numerator : 0 - c.numerator);
    dens.push(sign === 1 ? c.denominator : 0 - c.denominator);
    const list = groups[key];
    if (list === undefined) groups[key] = [at];
    else list.push(at);
  };
  const dayKeys = new Map<DayNumber, string>();
  const dayKey = (day: DayNumber): string => {
    let k = dayKeys.get(day);
    if (k === undefined) {
      k = dayKeyOf(day);
      dayKeys.set(day, k);
    }
    return k;
  };
  // The cases open at the cut-off are at stake, not missed: the data as known counts them as
  // missed (their outcome is not known), so their contributions are traced in the same pass,
  // by record, and left out of the sums before scoring; the range they span is kept.
  const openBySlot = new Map<number, Set<string>>();
  // The orders' open cases are read off the pass itself: an order due (collection) or to arrive
  // by the end of a day on or after the cut-off's day is open exactly when it adds 0 to the
  // numerator (neither collected nor delivered before the cut-off, which is before that day's
  // end); one cancelled before the cut-off adds nothing. Reviews and chats are listed.
  const orderSlots = new Set([
    slotOf('logistics.same-day-collection-rate'),
    slotOf('logistics.next-day-arrival-rate'),
  ]);
  const cutDay = dayNumberOf(knownMs);
  const isOpen = (c: TracedContribution): boolean =>
    orderSlots.has(c.slot)
      ? c.anchor >= cutDay && c.numerator === 0
      : openBySlot.get(c.slot)?.has(c.recordId) === true;
  for (const d of listOpenDeadlines(data, knownMs, ruleSet, 'reviews-and-chats')) {
    const slot = slotOf(d.metric);
    let set = openBySlot.get(slot);
    if (set === undefined) {
      set = new Set();
      openBySlot.set(slot, set);
    }
    set.add(d.recordId);
  }
  const span = toDay - fromDay + 1;
  const openNum = new Map<number, Float64Array>();
  const openDen = new Map<number, Float64Array>();
  const openTrace = (c: TracedContribution) => {
    if (!isOpen(c)) return;
    let num = openNum.get(c.slot);
    let den = openDen.get(c.slot);
    if (num === undefined || den === undefined) {
      num = new Float64Array(span + 1);
      den = new Float64Array(span + 1);
      openNum.set(c.slot, num);
      openDen.set(c.slot, den);
    }
    const s = c.from - fromDay;
    const e = c.to - fromDay + 1;
    num[s] = (num[s] as number) + c.numerator;
    num[e] = (num[e] as number) - c.numerator;
    den[s] = (den[s] as number) + c.denominator;
    den[e] = (den[e] as number) - c.denominator;
  };
  const openCases: ForecastOpenCases[] = [];
  const leaveOpenCasesOut = (run: EngineResult) => {
    for (const [slot, dNum] of openNum) {
      const dDen = openDen.get(slot) as Float64Array;
      const def = metricCatalogue[slot] as (typeof metricCatalogue)[number];
      const nums = run.numerators[slot] as Float64Array;
      const dens = run.denominators[slot] as Float64Array;
      let accNum = 0;
      let accDen = 0;
      for (let i = 0; i < span; i++) {
        accNum += dNum[i] as number;
        accDen += dDen[i] as number;
        if (accDen === 0) continue;
        const num = (nums[i] as number) - accNum;
        const den = dens[i] as number;
        nums[i] = num;
        dens[i] = den - accDen;
        // An open case met adds 1 to the numerator per case in its denominator (the rates whose
        // deadlines openDeadlines lists; an after-sales duration's open case adds nothing yet).
        openCases.push({
          metric: def.id,
          day: dayKey(fromDay + i),
          cases: accDen / def.denominatorScale,
          leftOut: den === accDen ? null : new Dec(num).div(den - accDen),
          allMet: new Dec(num + accDen).div(den),
          allMissed: new Dec(num).div(den),
        });
      }
    }
    openCases.sort((x, y) =>
      x.day < y.day ? -1 : x.day > y.day ? 1 : slotOf(x.metric) - slotOf(y.metric),
    );
  };
  const scorecards = evaluateDays(
    known,
    fromDay,
    toDay,
    ruleSet,
    options,
    openTrace,
    cut,
    leaveOpenCasesOut,
  );
  // The events are traced by a second pass over the same data, run the first time an event is
  // read: a forecast read by its values (the CLI's chart) costs one pass.
  let traced = false;
  const trace = () => {
    if (traced) return;
    traced = true;
    evaluateDays(
      known,
      fromDay,
      toDay,
      ruleSet,
      {},
      (c) => {
        if (c.slot >= metricCatalogue.length) return;
        // An open case is left out of the values: it neither enters nor leaves them.
        if (isOpen(c)) return;
        note(c, c.from, 1);
        note(c, c.to + 1, -1);
      },
      cut,
    );
  };
  const eventsOf = (day: DayNumber, slot: number): ForecastEvent[] => {
    const def = metricCatalogue[slot] as (typeof metricCatalogue)[number];
    trace();
    // By record (several families read some slots: a service order and an order may share an id).
    const byRecord = new Map<string, Delta>();
    for (const i of groups[(day - fromDay) * 64 + slot] ?? []) {
      const key = `${families[i]}\u0000${ids[i]}`;
      const d = byRecord.get(key);
      if (d === undefined) {
        byRecord.set(key, {
          family: families[i] as string,
          recordId: ids[i] as string,
          groupId: groupIds[i] as string,
          anchor: anchors[i] as number,
          num: nums[i] as number,
          den: dens[i] as number,
        });
      } else {
        d.num += nums[i] as number;
        d.den += dens[i] as number;
        if (d.anchor !== anchors[i]) d.anchor = Number.NaN;
      }
    }
    const out: ForecastEvent[] = [];
    for (const d of byRecord.values()) {
      if (d.num === 0 && d.den === 0) continue;
      const family = d.family as ForecastEvent['family'];
      const change =
        d.den > 0 || (d.den === 0 && d.num > 0)
          ? 'enters'
          : d.den < 0 || d.num < 0
            ? 'leaves'
            : 'changes';
      out.push({
        change,
        family,
        recordId: d.recordId,
        record: recordKindOf(family, def.id),
        groupId: d.groupId,
        anchorDay: Number.isNaN(d.anchor) ? null : dayKey(d.anchor),
        numerator: d.num / def.numeratorScale,
        denominator: d.den / def.denominatorScale,
      });
    }
    return out.sort(
      (x, y) =>
        (x.recordId < y.recordId ? -1 : x.recordId > y.recordId ? 1 : 0) ||
        (x.family < y.family ? -1 : x.family > y.family ? 1 : 0),
    );
  };

  const changes: ForecastChange[] = [];
  for (let i = 1; i < scorecards.length; i++) {
    const before = scorecards[i - 1] as Scorecard;
    const card = scorecards[i] as Scorecard;
    metricCatalogue.forEach((def, slot) => {
      const a = before.metrics[def.id].value;
      const b = card.metrics[def.id].value;
      if (a === null ? b === null : b !== null && a.eq(b)) return;
      const day = fromDay + i;
      const unit = (getMetricDefinition(def.id) as (typeof metricCatalogue)[number]).unit;
      // The events are summed when first read (a forecast is mostly read by its values).
      let events: ForecastEvent[] | undefined;
      const eventsNow = () => {
        events ??= eventsOf(day, slot);
        return events;
      };
      const change = { metric: def.id, day: card.asOf, from: a, to: b } as ForecastChange;
      Object.defineProperty(change, 'events', { enumerable: true, get: eventsNow });
      Object.defineProperty(change, 'text', {
        enumerable: true,
        get: () => {
          const all = eventsNow();
          const shown = all
            .slice(0, 3)
            .map(
              (e) =>
                `${NOUN[e.record]} ${e.recordId}${e.groupId === e.recordId ? '' : ` (customer ${e.groupId})`} ${e.change}`,
            );
          const more = all.length > 3 ? `, ${all.length - 3} more` : '';
          return `${def.id} on ${card.asOf}: ${formatValue(a, unit)} → ${formatValue(b, unit)}${shown.length > 0 ? ` (${shown.join(', ')}${more})` : ''}`;
        },
      });
      changes.push(change);
    });
  }
  return { knownAt: formatShanghaiInstant(knownMs), scorecards, openCases, changes };
}

/** A metric's slot: its place in the catalogue. */
function slotOf(metric: MetricId): number {
  return metricCatalogue.findIndex((def) => def.id === metric);
}
