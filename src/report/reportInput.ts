/**
 * What a report shows, and {@link prepareReport}, which computes it from a store's data. The
 * renderer reads only this (a report is a pure function of the results): a saved input renders
 * the same report again.
 *
 * @module
 */
import { type OpenDeadline, openDeadlines } from '../advice/deadlines.js';
import { type Forecast, forecast } from '../advice/forecast.js';
import { ArgumentError } from '../errors.js';
import { evaluateHistory, type Scorecard } from '../evaluate/evaluate.js';
import type { MetricId } from '../metrics/catalogue.js';
import type { StoreData } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import type { PeerData } from '../scorecard/peers.js';
import { dayKeyOf, dayStartMs, parseDayKey } from '../time/shanghai.js';
import { type PathToTarget, pathToTarget } from '../values/pathToTarget.js';

/** The next star and the way to it (from `pathToTarget` with the peers' totals). */
export interface NextStar {
  /** The stars aimed at: the next band of the star table above the store's. */
  readonly stars: number;
  /** What each metric would need alone, and the fewest cases together. */
  readonly path: PathToTarget;
}

/** Everything a report shows; {@link prepareReport} computes it, or build it from saved results. */
export interface ReportInput {
  /** The scorecard of the evaluation day (`evaluateStore`). */
  readonly scorecard: Scorecard;
  /** One scorecard a day, oldest first, ending on the evaluation day (`evaluateHistory`). */
  readonly history: readonly Scorecard[];
  /** The next days if nothing new happens (`forecast`), when wanted. */
  readonly forecast?: Forecast;
  /** The deadlines open at the evaluation day's 00:00 (`openDeadlines`), soonest first. */
  readonly deadlines?: readonly OpenDeadline[];
  /** Category peers, when given: the metrics table shows their median and count. */
  readonly peers?: PeerData;
  /** Industry averages (行业均值) by metric id, in the metric's unit, when given. */
  readonly industryAverages?: Readonly<Partial<Record<MetricId, number>>>;
  /** The next star and the way to it, when the standing and the peers' totals allow it. */
  readonly nextStar?: NextStar;
}

/** Options of {@link prepareReport}. */
export interface PrepareReportOptions {
  /** The evaluation day D, `YYYY-MM-DD` (Shanghai). */
  readonly asOf: string;
  /** Days of history, ending on D (default 180, JD's longest window). */
  readonly days?: number;
  /** Days of forecast from D (default 30); 0 for none. */
  readonly forecastDays?: number;
  /** Category peers: scores by percentile, the standing, and the way to the next star. */
  readonly peers?: PeerData;
  /**
   * Industry averages (行业均值) by metric id, in the metric's unit: the history is evaluated
   * with them (a metric below its minimum sample scores at its average; each metric says better
   * or worse) and the metrics table shows them.
   */
  readonly industryAverages?: Readonly<Partial<Record<MetricId, number>>>;
  /** Rules to apply; the default rule set by default. */
  readonly ruleSet?: RuleSet;
}

/** History days by default: 180, the longest of JD's windows. */
export const DEFAULT_REPORT_DAYS = 180;
/** Forecast days by default: 30. */
export const DEFAULT_FORECAST_DAYS = 30;

/**
 * Computes what a report shows: the history of `days` days ending on `asOf` (one pass), the
 * evaluation day's scorecard (its last day), the forecast of the next `forecastDays` days and
 * the deadlines open at `asOf` 00:00 (both from the facts known then), and, given peers with
 * totals and a standing below the top band, the way to the next star.
 *
 * @throws {ArgumentError} on a malformed `asOf`, or `days` or `forecastDays` out of range.
 *
 * @example
 * ```ts
 * const input = prepareReport(data, { asOf: '2026-11-23', days: 30 });
 * input.history.length;
 * //=> 30
 * input.scorecard.asOf;
 * //=> '2026-11-23'
 * ```
 */
export function prepareReport(data: StoreData, options: PrepareReportOptions): ReportInput {
  const day = parseDayKey(options?.asOf, 'asOf');
  const days = options.days ?? DEFAULT_REPORT_DAYS;
  const forecastDays = options.forecastDays ?? DEFAULT_FORECAST_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 732)
    throw new ArgumentError(
      `prepareReport: expected days as a whole number 1–732, found ${String(days)}`,
    );
  if (!Number.isInteger(forecastDays) || forecastDays < 0 || forecastDays > 366)
    throw new ArgumentError(
      `prepareReport: expected forecastDays as a whole number 0–366, found ${String(forecastDays)}`,
    );
  const ruleSet = options.ruleSet ?? defaultRuleSet;
  const history = evaluateHistory(data, {
    from: dayKeyOf(day - days + 1),
    to: options.asOf,
    ruleSet,
    ...(options.peers === undefined ? {} : { peers: options.peers }),
    ...(options.industryAverages === undefined
      ? {}
      : { industryAverages: options.industryAverages }),
  });
  const scorecard = history[history.length - 1] as Scorecard;
  const knownAt = dayStartMs(day);
  const nextStar = nextStarOf(scorecard, options.peers, ruleSet);
  return {
    scorecard,
    history,
    ...(forecastDays === 0
      ? {}
      : {
          forecast: forecast(data, {
            knownAt,
            days: forecastDays,
            ruleSet,
            ...(options.peers === undefined ? {} : { peers: options.peers }),
          }),
        }),
    deadlines: openDeadlines(data, { at: knownAt, ruleSet }),
    ...(options.peers === undefined ? {} : { peers: options.peers }),
    ...(options.industryAverages === undefined
      ? {}
      : { industryAverages: options.industryAverages }),
    ...(nextStar === undefined ? {} : { nextStar }),
  };
}

/** The next band above the store's stars and the way to it; none at the top or without peers' totals. */
function nextStarOf(
  card: Scorecard,
  peers: PeerData | undefined,
  ruleSet: RuleSet,
): NextStar | undefined {
  const stars = card.standing?.stars;
  if (stars === undefined || stars === null || peers?.composites === undefined) return undefined;
  if (peers.composites.length === 0) return undefined;
  const above = ruleSet.stars.bands.value
    .map((b) => b.stars)
    .filter((s) => s > stars)
    .sort((a, b) => a - b);
  const next = above[0];
  if (next === undefined) return undefined;
  return { stars: next, path: pathToTarget(card, { stars: next }, { peers, ruleSet }) };
}
