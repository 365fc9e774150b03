/**
 * A forecast: what the windows do if nothing new happens. The scorecards of the next days from
 * the facts known at an instant, and, for each metric, the days its value changes because
 * events enter or leave its window, with those events.
 *
 * @module
 */
import type { DecimalValue } from '../decimal.js';
import type { TracedContribution } from '../engine/types.js';
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

/** What enters or leaves a metric's window on a day, by entity. */
export interface ForecastEvent {
  /** `'enters'` when the entity's sums start counting that day, `'leaves'` when they stop. */
  readonly change: 'enters' | 'leaves' | 'changes';
  /** What the entity is: a customer's chats, an order, a service order, a customer's reviews. */
  readonly family: 'customer' | 'order' | 'serviceOrder' | 'reviews';
  /** The order or service order id; the customer id for chats and reviews. */
  readonly recordId: string;
  /** The day the sums are anchored on (`null` for a selection within the window). */
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

/** The net change of one entity's sums in one slot on one day. */
interface Delta {
  readonly family: string;
  anchor: number;
  num: number;
  den: number;
}

/** A forecast. */
export interface Forecast {
  /** The knowledge cut-off, ISO-8601 with `+08:00`. */
  readonly knownAt: string;
  /** The scorecards of the forecast days, in day order, each with its `asOf`. */
  readonly scorecards: readonly Scorecard[];
  /** Every change of a metric's value from one forecast day to the next, by day then metric. */
  readonly changes: readonly ForecastChange[];
}

const NOUN = {
  customer: 'chats of customer',
  order: 'order',
  serviceOrder: 'service order',
  reviews: 'reviews of customer',
} as const;

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
 * @throws {ArgumentError} on unparsed data, a malformed `knownAt`, or `days` not a whole number in 1–366.
 *
 * @example
 * ```ts
 * const f = forecast(data, { knownAt: '2026-11-22 10:00', days: 30 });
 * f.scorecards[0]?.asOf;
 * //=> '2026-11-23'
 * f.changes[0]?.text;
 * //=> 'consultation.average-response-time on 2026-11-24: 34.50 s → 35.29 s (chats of customer jd_100e044c enter, …, 14 more)'
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
    known = { ...data, assuredServices: services };
  }

  // What starts counting on a forecast day (+) and what stops (−), by (day, slot): kept as
  // flat lists during the pass, summed per entity only for the changes whose events are read.
  const groups: number[][] = [];
  const ids: string[] = [];
  const families: string[] = [];
  const anchors: number[] = [];
  const nums: number[] = [];
  const dens: number[] = [];
  const note = (c: TracedContribution, day: DayNumber, sign: 1 | -1) => {
    if (day <= fromDay || day > toDay) return;
    const key = (day - fromDay) * 64 + c.slot;
    const at = ids.length;
    ids.push(c.entityId);
    families.push(c.family);
    anchors.push(c.anchor);
    nums.push(sign * c.numerator);
    dens.push(sign * c.denominator);
    const list = groups[key];
    if (list === undefined) groups[key] = [at];
    else list.push(at);
  };
  const scorecards = evaluateDays(known, fromDay, toDay, ruleSet, options, undefined, cut);
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
        note(c, c.from, 1);
        note(c, c.to + 1, -1);
      },
      cut,
    );
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
  const eventsOf = (day: DayNumber, slot: number): ForecastEvent[] => {
    const def = metricCatalogue[slot] as (typeof metricCatalogue)[number];
    trace();
    const byEntity = new Map<string, Delta>();
    for (const i of groups[(day - fromDay) * 64 + slot] ?? []) {
      const id = ids[i] as string;
      const d = byEntity.get(id);
      if (d === undefined) {
        byEntity.set(id, {
          family: families[i] as string,
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
    for (const [entityId, d] of byEntity) {
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
        recordId: entityId,
        anchorDay: Number.isNaN(d.anchor) ? null : dayKey(d.anchor),
        numerator: d.num / def.numeratorScale,
        denominator: d.den / def.denominatorScale,
      });
    }
    return out.sort((x, y) => (x.recordId < y.recordId ? -1 : x.recordId > y.recordId ? 1 : 0));
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
            .map((e) => `${NOUN[e.family]} ${e.recordId} ${verb(e.family, e.change)}`);
          const more = all.length > 3 ? `, ${all.length - 3} more` : '';
          return `${def.id} on ${card.asOf}: ${formatValue(a, unit)} → ${formatValue(b, unit)}${shown.length > 0 ? ` (${shown.join(', ')}${more})` : ''}`;
        },
      });
      changes.push(change);
    });
  }
  return { knownAt: formatShanghaiInstant(knownMs), scorecards, changes };
}

/** The verb agreeing with the family's noun: an order enters, a customer's chats enter. */
function verb(family: ForecastEvent['family'], change: ForecastEvent['change']): string {
  const plural = family === 'customer' || family === 'reviews';
  return plural ? change.slice(0, -1) : change;
}
