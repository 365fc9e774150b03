/**
 * What-if: a scorecard with some metrics, services or module rankings changed, scored again by
 * the same stages, and the difference in every score.
 *
 * @module
 */

import { unknownKeyMessage } from '../_suggest.js';
import { Dec, round2 } from '../decimal.js';
import { ArgumentError, type InputIssue, InvalidInputError } from '../errors.js';
import type { Scorecard } from '../evaluate/evaluate.js';
import { MODULE_IDS, type ModuleId } from '../ids.js';
import { getMetricDefinition, type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import type { Measurement } from '../metrics/types.js';
import type { AssuredServiceId } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import { knownServiceIds } from '../schemas/assuredService.js';
import type { PeerData } from '../scorecard/peers.js';
import type { MetricResult } from '../scoring/metric.js';
import type { GoodShopFacts, RankingInput } from '../standing/standing.js';
import type { ModuleRankings } from '../standing/stars.js';
import { type DayNumber, parseDayKey } from '../time/shanghai.js';
import {
  type MetricValueInput,
  measurementOf,
  metricValueIssues,
  scoreMeasured,
} from './scoreValues.js';

/** What {@link whatIf} changes. */
export interface WhatIfChange {
  /** New values by metric id (a value, `{ numerator, denominator }` or `{ value, sample }`). */
  readonly metrics?: Readonly<Partial<Record<MetricId, MetricValueInput>>>;
  /** 放心购 services to open. */
  readonly open?: readonly AssuredServiceId[];
  /** 放心购 services to close. */
  readonly close?: readonly AssuredServiceId[];
  /** Module rankings (fractions 0–1) to assume, e.g. read from JD's back-end. */
  readonly moduleRankings?: ModuleRankings;
}

/** Options of {@link whatIf}: what the card was scored with (peers, ranking, rules). */
export interface WhatIfOptions {
  /** The rule set the card was scored with (its id must match `card.ruleSetId`). */
  readonly ruleSet?: RuleSet;
  /** The peers the card was scored against, if any. */
  readonly peers?: PeerData;
  /** The ranking the card was given, if any. */
  readonly ranking?: RankingInput;
  /** Good Shop facts. */
  readonly goodShop?: GoodShopFacts;
}

/** The change of every score, after − before (`null` where either side has none). */
export interface ScorecardDifference {
  readonly metrics: Readonly<Record<MetricId, number | null>>;
  readonly modules: Readonly<Record<ModuleId, number | null>>;
  readonly composite: number | null;
  readonly bonus: number;
  readonly total: number | null;
  /** With peers or a ranking: the ranking rate's change. */
  readonly rankingRate?: number | null;
  /** With peers or a ranking: the stars' change. */
  readonly stars?: number | null;
}

/** The result of {@link whatIf}. */
export interface WhatIf {
  /** The scorecard after the change. */
  readonly after: Scorecard;
  /** after − before for every score. */
  readonly difference: ScorecardDifference;
}

const CHANGE_KEYS = ['metrics', 'open', 'close', 'moduleRankings'] as const;

const delta = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined
    ? null
    : round2(new Dec(b).minus(a));

/** A scorecard metric without what the scorecard added: its measurement. */
function measurementOfResult(r: MetricResult<MetricId>): Measurement<MetricId> {
  const { score: _s, source: _src, versusAverage: _v, ...m } = r;
  return m;
}

/** Every problem of a change (empty when valid). */
function changeIssues(change: unknown, ruleSet: RuleSet): InputIssue[] {
  if (typeof change !== 'object' || change === null || Array.isArray(change))
    return [
      { path: '', message: 'expected a change { metrics?, open?, close?, moduleRankings? }' },
    ];
  const c = change as Record<string, unknown>;
  const out: InputIssue[] = [];
  for (const k of Object.keys(c))
    if (!(CHANGE_KEYS as readonly string[]).includes(k))
      out.push({ path: k, message: unknownKeyMessage(k, CHANGE_KEYS, 'the change') });
  if (c.metrics !== undefined) {
    for (const [id, v] of Object.entries(c.metrics as object)) {
      const def = getMetricDefinition(id);
      if (def === undefined)
        out.push({
          path: `metrics.${id}`,
          message: `expected a metric id of the catalogue, found unknown ${JSON.stringify(id)}`,
        });
      else out.push(...metricValueIssues(v, `metrics.${id}`, def));
    }
  }
  const known = knownServiceIds(ruleSet.bonus);
  for (const key of ['open', 'close'] as const) {
    const list = c[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      out.push({ path: key, message: 'expected an array of 放心购 service ids' });
      continue;
    }
    list.forEach((id, i) => {
      if (!known.includes(id as string))
        out.push({
          path: `${key}[${i}]`,
          message: `expected a 放心购 service the rule set knows, found ${JSON.stringify(id)}`,
        });
    });
  }
  return out;
}

/**
 * A scorecard (from `evaluateStore` or `scoreValues`) with `change` applied, scored again by
 * the same stages, and the difference in every score, the composite, the bonus, the total and,
 * with peers or a ranking, the ranking rate and stars. A change of nothing changes nothing.
 *
 * @throws {InvalidInputError} on an unknown metric or service, a value out of its unit's range.
 * @throws {ArgumentError} when the rule set is not the one the card was scored with.
 *
 * @example
 * ```ts
 * const card = evaluateStore(data, { asOf: '2026-11-23' });
 * const { after, difference } = whatIf(card, {
 *   metrics: { 'consultation.response-rate-30s': 0.92 },
 *   open: ['price-protection'], // the sample store has door pickup already
 * });
 * difference.bonus;
 * //=> 0.1
 * ```
 */
export function whatIf(card: Scorecard, change: WhatIfChange, options: WhatIfOptions = {}): WhatIf {
  const ruleSet = options.ruleSet ?? defaultRuleSet;
  if (card?.ruleSetId !== ruleSet.id)
    throw new ArgumentError(
      `whatIf: expected the rule set the card was scored with (${JSON.stringify(card?.ruleSetId)}), found ${JSON.stringify(ruleSet.id)}: pass it as options.ruleSet`,
    );
  const issues = changeIssues(change, ruleSet);
  if (issues.length > 0) throw new InvalidInputError(issues, 'change');
  const day: DayNumber = parseDayKey(card.asOf, 'card.asOf');
  const measurements = {} as Record<MetricId, Measurement<MetricId>>;
  for (const def of metricCatalogue) {
    const changed = change.metrics?.[def.id];
    measurements[def.id] =
      changed === undefined
        ? measurementOfResult(card.metrics[def.id])
        : measurementOf(def, changed, day, ruleSet, def.id, ruleSet.minimumSample[def.id].value);
  }
  const services = new Set<AssuredServiceId>(card.bonus.active);
  for (const id of change.close ?? []) services.delete(id);
  for (const id of change.open ?? []) services.add(id);
  let ranking = options.ranking;
  if (change.moduleRankings !== undefined) {
    const rate = options.ranking?.rate ?? card.standing?.rankingRate ?? null;
    if (rate === null)
      throw new ArgumentError(
        'whatIf: module rankings need the ranking rate too: pass options.ranking (or score the card with peers)',
      );
    ranking = {
      rate,
      modules: { ...(card.standing?.moduleRankings ?? {}), ...change.moduleRankings },
    };
  }
  const industryAverages: Partial<Record<MetricId, number>> = {};
  for (const def of metricCatalogue) {
    const a = card.metrics[def.id].industryAverage ?? card.metrics[def.id].versusAverage?.average;
    if (a !== undefined) industryAverages[def.id] = a;
  }
  const { score: _score, ...goodReviewRate } = card.goodReviewRate;
  const after = scoreMeasured({
    store: card.store,
    day,
    ruleSet,
    measurements,
    goodReviewRate,
    services: [...services],
    peers: options.peers,
    ranking,
    facts: {
      ...(options.goodShop === undefined ? {} : { goodShop: options.goodShop }),
      ...(card.standing === undefined ? {} : { chatMonth: card.standing.chatPenalty.figures }),
    },
    industryAverages,
  });
  const metrics = {} as Record<MetricId, number | null>;
  for (const def of metricCatalogue)
    metrics[def.id] = delta(card.metrics[def.id].score, after.metrics[def.id].score);
  const modules = {} as Record<ModuleId, number | null>;
  for (const m of MODULE_IDS) modules[m] = delta(card.modules[m].score, after.modules[m].score);
  const difference: ScorecardDifference = {
    metrics,
    modules,
    composite: delta(card.composite, after.composite),
    bonus: delta(card.bonus.points, after.bonus.points) ?? 0,
    total: delta(card.total, after.total),
    ...(after.standing === undefined
      ? {}
      : {
          rankingRate: delta(card.standing?.rankingRate, after.standing.rankingRate),
          stars: delta(card.standing?.stars, after.standing.stars),
        }),
  };
  return { after, difference };
}
