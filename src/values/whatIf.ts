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
import { formatMetricValue } from '../metrics/format.js';
import type { Measurement, MetricStatus } from '../metrics/types.js';
import type { AssuredServiceId } from '../model.js';
import { ruleSetFingerprint } from '../ruleset/fingerprint.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import { expectedFound } from '../schemas/_common.js';
import { knownServiceIds } from '../schemas/assuredService.js';
import { type PeerData, parsePeerData } from '../scorecard/peers.js';
import { hasPeerLists } from '../scorecard/scorecard.js';
import type { MetricResult } from '../scoring/metric.js';
import type { GoodShopFacts, RankingInput } from '../standing/standing.js';
import type { ModuleRankings } from '../standing/stars.js';
import { type DayNumber, parseDayKey } from '../time/shanghai.js';
import { readScorecard } from './parseScorecard.js';
import {
  type MetricValueInput,
  measurementOf,
  metricValueIssues,
  moduleRankingsIssues,
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

/** Why a metric is listed in {@link WhatIf.moved}. */
export type MetricMoveReason =
  /** Its value changed and so did its score. */
  | 'value'
  /** Its status changed (a sample given crossed the minimum, or a value gave data). */
  | 'status'
  /** The change names it, but it has too little data before and after: not scored. */
  | 'too-little-data'
  /** The change names it, but it has no data after it (a denominator of 0). */
  | 'no-data'
  /** The change names it, but its score stays the same (rounding, at its best, a peer tie). */
  | 'same-score';

/** One metric whose score or status changed, or that the change names. */
export interface MetricMove {
  readonly metric: MetricId;
  readonly before: { readonly status: MetricStatus; readonly score: number | null };
  readonly after: { readonly status: MetricStatus; readonly score: number | null };
  readonly reason: MetricMoveReason;
  /** In words, e.g. `30秒应答率 30-second response rate: still too little data (7 cases, the minimum is 10): not scored`. */
  readonly text: string;
}

/** The result of {@link whatIf}. */
export interface WhatIf {
  /** The scorecard after the change. */
  readonly after: Scorecard;
  /** after − before for every score. */
  readonly difference: ScorecardDifference;
  /**
   * Every metric whose score or status changed, and every metric the change names even when
   * nothing moved, each with the reason, in catalogue order.
   */
  readonly moved: readonly MetricMove[];
}

const CHANGE_KEYS = ['metrics', 'open', 'close', 'moduleRankings'] as const;
const OPTION_KEYS = ['ruleSet', 'peers', 'ranking', 'goodShop'] as const;

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
  if (
    c.metrics !== undefined &&
    (typeof c.metrics !== 'object' || c.metrics === null || Array.isArray(c.metrics))
  )
    out.push({
      path: 'metrics',
      message: expectedFound('new values { <metric id>: value }', c.metrics),
    });
  else if (c.metrics !== undefined) {
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
  if (c.moduleRankings !== undefined)
    out.push(...moduleRankingsIssues(c.moduleRankings, 'moduleRankings'));
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
 * A card checked against the options of a re-scoring: what `whatIf` and `pathToTarget` share.
 *
 * @internal
 */
export interface WhatIfContext {
  readonly card: Scorecard;
  readonly ruleSet: RuleSet;
  readonly day: DayNumber;
  readonly peers: PeerData | undefined;
  readonly ranking: RankingInput | undefined;
  readonly goodShop: GoodShopFacts | undefined;
  readonly industryAverages: Partial<Record<MetricId, number>>;
}

const same = (a: number | null | undefined, b: number | null | undefined) =>
  (a ?? null) === (b ?? null);

/**
 * Reads the card (a scorecard, or one read back from JSON), checks the options against what it
 * was scored with, and checks that the card re-scored with no change is the card itself.
 *
 * @internal
 */
export function prepareWhatIf(
  fn: string,
  input: unknown,
  options: WhatIfOptions | undefined,
): WhatIfContext {
  const opts: WhatIfOptions = options ?? {};
  if (typeof opts !== 'object' || opts === null || Array.isArray(opts))
    throw new ArgumentError(
      `${fn}: expected options { ${OPTION_KEYS.join(', ')} }, found ${String(opts)}`,
    );
  for (const k of Object.keys(opts))
    if (!(OPTION_KEYS as readonly string[]).includes(k))
      throw new ArgumentError(`${fn}: ${unknownKeyMessage(k, OPTION_KEYS, 'the options')}`);
  const { issues, card } = readScorecard(input);
  if (issues.length > 0) throw new InvalidInputError(issues, 'scorecard');
  const ruleSet = opts.ruleSet ?? defaultRuleSet;
  const fingerprint = ruleSetFingerprint(ruleSet);
  const was = card.scoredWith;
  if (was.ruleSet.fingerprint !== fingerprint)
    throw new ArgumentError(
      `${fn}: expected the rule set the card was scored with (${JSON.stringify(was.ruleSet.id)}, fingerprint ${was.ruleSet.fingerprint}), found ${JSON.stringify(ruleSet.id)} (fingerprint ${fingerprint}): pass it as options.ruleSet`,
    );
  const peersGiven = hasPeerLists(opts.peers);
  if (was.peers && !peersGiven)
    throw new ArgumentError(
      `${fn}: expected options.peers, found none: the card was scored against peers, and without them every score would come from the curves instead`,
    );
  if (!was.peers && peersGiven)
    throw new ArgumentError(
      `${fn}: expected no options.peers, found some: the card was scored without peers (score the store against them first)`,
    );
  if (opts.peers !== undefined) parsePeerData(opts.peers);
  let ranking: RankingInput | undefined;
  if (opts.ranking !== undefined) {
    if (!was.ranking)
      throw new ArgumentError(
        `${fn}: expected no options.ranking, found one: the card was scored without a ranking (assume module rankings with change.moduleRankings)`,
      );
    if (opts.ranking?.rate !== card.standing?.rankingRate)
      throw new ArgumentError(
        `${fn}: expected the ranking rate the card was scored with (${String(card.standing?.rankingRate)}), found ${String(opts.ranking?.rate)}`,
      );
    ranking = opts.ranking;
  } else if (was.ranking) {
    // The card carries the ranking it was given: reuse it.
    const standing = card.standing;
    if (standing === undefined || standing.rankingRate === null)
      throw new InvalidInputError(
        [
          {
            path: 'standing.rankingRate',
            message:
              'expected the ranking rate the card was scored with (scoredWith.ranking is true), found none',
          },
        ],
        'scorecard',
      );
    const peerModules = MODULE_IDS.some((m) => (opts.peers?.modules?.[m]?.length ?? 0) > 0);
    ranking = {
      rate: standing.rankingRate,
      ...(peerModules ? {} : { modules: standing.moduleRankings }),
    };
  }
  const industryAverages: Partial<Record<MetricId, number>> = {};
  for (const def of metricCatalogue) {
    const a = card.metrics[def.id].industryAverage ?? card.metrics[def.id].versusAverage?.average;
    if (a !== undefined) industryAverages[def.id] = a;
  }
  const ctx: WhatIfContext = {
    card,
    ruleSet,
    day: parseDayKey(card.asOf, 'card.asOf'),
    peers: opts.peers,
    ranking,
    goodShop: opts.goodShop,
    industryAverages,
  };
  // A change of nothing must change nothing: a card that its own values do not score to (edited
  // by hand, or scored with other peers or Good Shop facts) is refused rather than "corrected".
  const again = rescore(ctx, {});
  const differs: InputIssue[] = [];
  const check = (
    path: string,
    found: number | null | undefined,
    want: number | null | undefined,
  ) => {
    if (!same(found, want))
      differs.push({
        path,
        message: `expected ${String(want ?? null)}, what the card's values score under the rule set and options given, found ${String(found ?? null)}: the card was edited, or scored with other peers or Good Shop facts`,
      });
  };
  for (const def of metricCatalogue)
    check(`metrics.${def.id}.score`, card.metrics[def.id].score, again.metrics[def.id].score);
  for (const m of MODULE_IDS)
    check(`modules.${m}.score`, card.modules[m].score, again.modules[m].score);
  check('composite', card.composite, again.composite);
  check('bonus.points', card.bonus.points, again.bonus.points);
  check('total', card.total, again.total);
  if ((card.standing === undefined) !== (again.standing === undefined))
    differs.push({
      path: 'standing',
      message: `expected ${again.standing === undefined ? 'no standing (no peers, no ranking)' : 'a standing'}, found ${card.standing === undefined ? 'none' : 'one'}`,
    });
  else if (card.standing !== undefined && again.standing !== undefined) {
    check('standing.rankingRate', card.standing.rankingRate, again.standing.rankingRate);
    check('standing.stars', card.standing.stars, again.standing.stars);
  }
  if (differs.length > 0) throw new InvalidInputError(differs, 'scorecard');
  return ctx;
}

/** The value given alone for a metric keeps the card's sample: too little data stays so. */
function withEvidence(input: MetricValueInput, card: MetricResult<MetricId>): MetricValueInput {
  // The count the minimum-sample rule read: the card's own sample where it is not the
  // denominator (the facilitated share's consultations), none for a value given alone.
  const sample = card.sample === undefined ? card.denominator : card.sample;
  if (typeof input !== 'number' || card.valueOnly === true || sample === null || !sample.gt(0))
    return input;
  return { value: input, sample: sample.toNumber() };
}

/**
 * The card re-scored with a change already checked: the same stages, the card's evidence kept.
 *
 * @internal
 */
export function rescore(ctx: WhatIfContext, change: WhatIfChange): Scorecard {
  const { card, ruleSet, day } = ctx;
  const measurements = {} as Record<MetricId, Measurement<MetricId>>;
  for (const def of metricCatalogue) {
    const changed = change.metrics?.[def.id];
    measurements[def.id] =
      changed === undefined
        ? measurementOfResult(card.metrics[def.id])
        : measurementOf(
            def,
            withEvidence(changed, card.metrics[def.id]),
            day,
            ruleSet,
            def.id,
            ruleSet.minimumSample[def.id].value,
          );
  }
  const services = new Set<AssuredServiceId>(card.bonus.active);
  for (const id of change.close ?? []) services.delete(id);
  for (const id of change.open ?? []) services.add(id);
  let ranking = ctx.ranking;
  if (change.moduleRankings !== undefined) {
    const rate = ctx.ranking?.rate ?? card.standing?.rankingRate ?? null;
    if (rate === null)
      throw new ArgumentError(
        'whatIf: module rankings need the ranking rate too: pass options.ranking (or score the card with peers)',
      );
    ranking = {
      rate,
      modules: { ...(card.standing?.moduleRankings ?? {}), ...change.moduleRankings },
    };
  }
  const { score: _score, ...goodReviewRate } = card.goodReviewRate;
  return scoreMeasured({
    store: card.store,
    day,
    ruleSet,
    measurements,
    goodReviewRate,
    services: [...services],
    peers: ctx.peers,
    ranking,
    facts: {
      ...(ctx.goodShop === undefined ? {} : { goodShop: ctx.goodShop }),
      ...(card.standing === undefined ? {} : { chatMonth: card.standing.chatPenalty.figures }),
    },
    industryAverages: ctx.industryAverages,
  });
}

const fmtScore = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** Every metric whose score or status changed, or that the change names, with the reason. */
function movesOf(ctx: WhatIfContext, change: WhatIfChange, after: Scorecard): MetricMove[] {
  const out: MetricMove[] = [];
  for (const def of metricCatalogue) {
    const b = ctx.card.metrics[def.id];
    const a = after.metrics[def.id];
    const named = change.metrics?.[def.id] !== undefined;
    const name = `${def.name.zh} ${def.name.en}`;
    const minimum = ctx.ruleSet.minimumSample[def.id].value;
    const sample = `${a.denominator.toString()} ${def.basis[1]}, the minimum is ${minimum}`;
    let reason: MetricMoveReason;
    let text: string;
    if (b.status !== a.status) {
      reason = 'status';
      text = `${name}: ${b.status} → ${a.status}${a.status === 'too-little-data' ? ` (${sample})` : ''}, value ${formatMetricValue(b)} → ${formatMetricValue(a)}`;
    } else if (!same(b.score, a.score)) {
      reason = 'value';
      text = `${name}: value ${formatMetricValue(b)} → ${formatMetricValue(a)}`;
    } else if (!named) continue;
    else if (a.status === 'too-little-data') {
      reason = 'too-little-data';
      text = `${name}: still too little data (${sample}): ${a.score === null ? 'not scored, its module shares its weight' : `scored ${fmtScore(a.score)} as the peers' median`}`;
    } else if (a.status === 'no-data') {
      reason = 'no-data';
      text = `${name}: no data`;
    } else {
      reason = 'same-score';
      text = `${name}: value ${formatMetricValue(b)} → ${formatMetricValue(a)}, the score stays ${fmtScore(a.score)}`;
    }
    out.push({
      metric: def.id,
      before: { status: b.status, score: b.score },
      after: { status: a.status, score: a.score },
      reason,
      text,
    });
  }
  return out;
}

/**
 * {@link whatIf} on a prepared card.
 *
 * @internal
 */
export function whatIfPrepared(ctx: WhatIfContext, change: WhatIfChange): WhatIf {
  const issues = changeIssues(change, ctx.ruleSet);
  if (issues.length > 0) throw new InvalidInputError(issues, 'change');
  const { card } = ctx;
  const after = rescore(ctx, change);
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
  return { after, difference, moved: movesOf(ctx, change, after) };
}

/**
 * A scorecard (from `evaluateStore` or `scoreValues`, or one read back from JSON: see
 * {@link parseScorecard}) with `change` applied, scored again by the same stages, and the
 * difference in every score, the composite, the bonus, the total and, with peers or a ranking,
 * the ranking rate and stars. A change of nothing changes nothing.
 *
 * The options must be what the card was scored with (`card.scoredWith`): the same rule set (by
 * fingerprint), the peers when it was scored against peers and none otherwise. A ranking read
 * from JD and industry averages are carried by the card and reused. A value given alone for a
 * metric keeps the card's sample (its count) unless a sample is given: a metric with too little
 * data stays so. `moved` lists every metric whose score or status changed, and every metric the
 * change names, with the reason.
 *
 * @throws {InvalidInputError} on an unknown metric or service, a value out of its unit's range,
 * a card that is not a scorecard (each bad field named), or a card that its own values do not
 * score to (edited, or scored with other peers).
 * @throws {ArgumentError} when the options do not match what the card was scored with (another
 * rule set, peers missing or not wanted, another ranking).
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
 * whatIf(JSON.parse(JSON.stringify(card)), {}).difference.total; // a card read back from JSON
 * //=> 0
 * const withPeers = evaluateStore(data, { asOf: '2026-11-23', peers });
 * whatIf(withPeers, {}); // throws ArgumentError: expected options.peers, found none: …
 * ```
 */
export function whatIf(card: Scorecard, change: WhatIfChange, options: WhatIfOptions = {}): WhatIf {
  return whatIfPrepared(prepareWhatIf('whatIf', card, options), change);
}
