/**
 * The store's standing: what the ranking rate decides (`docs/sources.md`, all `published`), and the
 * monthly chat defect penalty. A pure function of a day's scores and the caller's facts.
 *
 * @module
 */

import { expectObjectArgument, expectShapeArgument } from '../errors.js';
import { MODULE_IDS, type ModuleId } from '../ids.js';
import type { Measurement } from '../metrics/types.js';
import type { ModuleLabel } from '../rules/scoringDefaults.js';
import type { RuleSet } from '../ruleset/ruleSet.js';
import { RULE_SET_SHAPE } from '../ruleset/ruleSet.js';
import type { PeerData } from '../scorecard/peers.js';
import type { ScorecardScores } from '../scorecard/scorecard.js';
import { rankingRate } from '../scoring/percentile.js';
import { lastCompleteMonth, monthKeyOf } from '../time/month.js';
import { parseDayKey } from '../time/shanghai.js';
import { atLeast } from './_checks.js';
import { activityGate } from './activityGate.js';
import { assuredPurchaseTag } from './assuredPurchaseTag.js';
import { type ChatDefectPenalty, chatDefectPenalty } from './chatDefectPenalty.js';
import { type ConsumerWarning, consumerWarnings } from './consumerWarnings.js';
import {
  type GoodShopBaseline,
  type GoodShopEligibility,
  goodShopEligibility,
} from './goodShop.js';
import { type ModuleRankings, storeStars } from './stars.js';
import { warmShopkeeperBadge } from './warmShopkeeper.js';

/** A ranking supplied by the caller (e.g. read from JD's back-end) instead of computed from peers. */
export interface RankingInput {
  /** The store's ranking rate (风向标排名率), a fraction 0–1. */
  readonly rate: number;
  /** Module ranking rates, fractions 0–1. */
  readonly modules?: ModuleRankings;
}

/** Facts for Good Shop (京东好店) the library cannot measure. */
export interface GoodShopFacts {
  /** The store is certified Good Shop (shows the badge when the ranking allows). */
  readonly certified?: boolean;
  /** Baseline requirements (integrity, active-product rate, store age…), each met or not. */
  readonly baseline?: GoodShopBaseline;
}

/**
 * The chat figures of one calendar month that the chat defect penalty (咚咚缺陷) assesses,
 * measured as of the first day of the next month.
 */
export interface MonthlyChatFigures {
  /** The calendar month, `YYYY-MM`. */
  readonly month: string;
  /** The figures assessed. */
  readonly figures: {
    /** Rated sessions, pre- and after-sales. */
    readonly ratings: number;
    /** Satisfied share of those ratings. */
    readonly satisfaction: number | null;
    /** Consultation sessions in the assessment hours. */
    readonly consultations: number;
    readonly averageResponseSeconds: number | null;
    readonly messageRate: number | null;
  };
}

/** The monthly chat defect penalty (咚咚缺陷) of one calendar month. */
export interface MonthlyChatPenalty extends ChatDefectPenalty, MonthlyChatFigures {}

/** What a fact the caller did not supply would have decided. */
export type UnverifiedOutcome = '4.9 stars' | 'Good Shop badge' | 'Good Shop eligibility';

/**
 * A requirement the standing could not check because its fact was not supplied: unknown reads
 * "not verified", never "met".
 */
export interface UnverifiedRequirement {
  /** The missing fact: `moduleRankings.<module>` or `goodShop.baseline.<fact>`. */
  readonly fact: string;
  /** What it is needed for. */
  readonly neededFor: readonly UnverifiedOutcome[];
}

/** What the ranking decides. */
export interface Standing {
  /** Share of category peers the store is ahead of (0–1), or `null`. */
  readonly rankingRate: number | null;
  /** Module ranking rates (0–1) where known. */
  readonly moduleRankings: ModuleRankings;
  /**
   * Each module's 高/中/低 label where its ranking is known: 高 at or above the rule set's
   * `moduleLabels.high` (70%), 低 below `moduleLabels.low` (30%), else 中 (`assumption`).
   */
  readonly moduleLabels: Partial<Record<ModuleId, ModuleLabel>>;
  /**
   * Modules the store has no data for (every metric `no-data`): not assessed, so not held
   * against the every-module-≥-30% rule of 4.9 stars and Good Shop (`assumption`).
   */
  readonly notAssessed: readonly ModuleId[];
  /** Store stars (店铺星级) from the 2019 table with the 2020-09 module rule, or `null`. */
  readonly stars: number | null;
  /** `'good-shop'` when certified, the ranking allows it and Good Shop eligibility is verified. */
  readonly badge: 'good-shop' | null;
  /**
   * Requirements the ranking rate would otherwise allow but whose facts were not supplied
   * (module rankings for 4.9 stars and Good Shop; baseline facts for Good Shop): the standing
   * says what it can (stars up to 4.5) and lists here what it could not check. Empty when the
   * ranking rate is below the top band, where no missing fact could change the outcome.
   */
  readonly unverified: readonly UnverifiedRequirement[];
  /** Good Shop eligibility with the reasons it fails. */
  readonly goodShop: GoodShopEligibility;
  /** The 放心购 tag. */
  readonly assuredPurchaseTag: boolean;
  /** The 热情掌柜 badge. */
  readonly warmShopkeeper: boolean;
  /** The chat defect penalty of the last complete calendar month before the evaluation day. */
  readonly chatPenalty: MonthlyChatPenalty;
  /** Consumer warnings shown on the store. */
  readonly consumerWarnings: readonly ConsumerWarning[];
  /** Whether the store may report for activities (ranking ≥ 20%). */
  readonly activityGate: boolean;
}

const num = (r: Measurement | undefined) => (r?.value == null ? null : r.value.toNumber());

/** What the standing needs beside the scorecard: the ranking's inputs and the caller's facts. */
export interface StandingFacts {
  /** The rules (stars, Good Shop, tags, penalty, warnings). */
  readonly ruleSet: RuleSet;
  /** Peers' totals and module scores, to rank the store. */
  readonly peers?: PeerData | undefined;
  /** A ranking read from JD instead of computed from peers. */
  readonly ranking?: RankingInput | undefined;
  /** Good Shop facts the library cannot measure. */
  readonly goodShop?: GoodShopFacts | undefined;
  /**
   * The chat figures of the last complete calendar month before the evaluation day (measured
   * by `evaluateStore`, or `chatDefectPenaltyForMonth`). Absent: no chat figures are known and
   * the penalty has nothing to assess (0 points).
   */
  readonly chatMonth?: MonthlyChatFigures | undefined;
}

/**
 * The standing from a scorecard's figures and either peers (ranked by total, module by module
 * score; ties count half) or a supplied ranking.
 *
 * @example
 * ```ts
 * evaluateStore(data, { asOf: '2026-11-23', ranking: { rate: 0.91 } }).standing?.stars;
 * //=> 4.5   (4.9 needs every module ranking ≥ 30%, and none was given)
 * const modules = { consultation: 0.5, reviews: 0.5, 'after-sales': 0.5, logistics: 0.5, disputes: 0.5 };
 * evaluateStore(data, { asOf: '2026-11-23', ranking: { rate: 0.91, modules } }).standing?.stars;
 * //=> 4.9
 * ```
 */
export function computeStanding(card: ScorecardScores, facts: StandingFacts): Standing {
  expectObjectArgument('computeStanding', 'the scorecard', card);
  expectObjectArgument('computeStanding', 'its metrics', card.metrics);
  expectObjectArgument('computeStanding', 'its modules', card.modules);
  expectObjectArgument('computeStanding', 'the facts { ruleSet, … }', facts);
  expectShapeArgument('computeStanding', 'the rule set', facts.ruleSet, RULE_SET_SHAPE);
  const { ruleSet: rules, peers, ranking } = facts;
  const { metrics } = card;
  let rate: number | null = ranking?.rate ?? null;
  // No peers' totals (an empty list) rank to null, as the rate already is.
  if (ranking === undefined && peers?.composites && card.total !== null) {
    rate = rankingRate(card.total, peers.composites);
  }
  const moduleRankings: Partial<Record<ModuleId, number | null>> = { ...(ranking?.modules ?? {}) };
  if (ranking?.modules === undefined) {
    for (const m of MODULE_IDS) {
      const list = peers?.modules?.[m];
      const score = card.modules[m].score;
      if (list && list.length > 0 && score !== null) moduleRankings[m] = rankingRate(score, list);
    }
  }
  const notAssessed = MODULE_IDS.filter((m) => card.modules[m].noData === true);
  const s = storeStars(
    {
      rankingRate: rate,
      moduleRankings,
      goodShopCertified: facts.goodShop?.certified ?? false,
      notAssessed,
    },
    rules.stars,
  );
  const pre = metrics['consultation.presales-satisfaction'];
  const after = metrics['after-sales.satisfaction'];
  const ratedDen = pre.denominator.plus(after.denominator);
  const chatSatisfaction = ratedDen.isZero()
    ? null
    : pre.numerator.plus(after.numerator).div(ratedDen).toNumber();
  const goodShop = goodShopEligibility(
    { rankingRate: rate, moduleRankings, baseline: facts.goodShop?.baseline ?? {}, notAssessed },
    rules.goodShop,
  );
  return {
    rankingRate: rate,
    moduleRankings,
    moduleLabels: moduleLabelsOf(moduleRankings, rules),
    notAssessed,
    stars: s.stars,
    badge: goodShop.eligible ? s.badge : null,
    unverified: unverifiedRequirements(
      rate,
      s.unverifiedModules,
      goodShop,
      facts.goodShop?.certified === true,
      rules,
    ),
    goodShop,
    assuredPurchaseTag: assuredPurchaseTag(
      {
        openServices: card.bonus.active,
        goodReviewRate: num(card.goodReviewRate),
        rankingRate: rate,
      },
      rules.assuredTag,
    ),
    warmShopkeeper: warmShopkeeperBadge(
      {
        stars: s.stars,
        responseRate30s: num(metrics['consultation.response-rate-30s']),
        chatSatisfaction,
        ratings: ratedDen.toNumber(),
      },
      rules.warmShopkeeper,
    ),
    chatPenalty: chatPenaltyOf(facts.chatMonth ?? noChatFigures(card.asOf), rules),
    consumerWarnings: consumerWarnings(
      {
        stars: s.stars,
        rankings: {
          'after-sales': moduleRankings['after-sales'] ?? null,
          disputes: moduleRankings.disputes ?? null,
          logistics: moduleRankings.logistics ?? null,
        },
        afterSalesDurationHours: num(metrics['after-sales.duration']),
        averageDeliveryHours: num(metrics['logistics.average-delivery-time']),
      },
      rules.consumerWarnings,
    ),
    activityGate: activityGate(rate, rules.activityGate),
  };
}

/** The unverified requirements that stand between the ranking rate and the top outcomes. */
function unverifiedRequirements(
  rate: number | null,
  starsMissing: readonly ModuleId[],
  goodShop: GoodShopEligibility,
  certified: boolean,
  rules: RuleSet,
): UnverifiedRequirement[] {
  const threshold = Math.min(rules.goodShop.minRankingRate.value, topBandRate(rules));
  if (rate === null || !atLeast(rate, threshold)) return [];
  const out: UnverifiedRequirement[] = [];
  const stars = new Set(starsMissing.map((m) => `moduleRankings.${m}`));
  for (const fact of goodShop.unverified) {
    const neededFor: UnverifiedOutcome[] = [];
    if (stars.has(fact)) neededFor.push('4.9 stars');
    if (certified) neededFor.push('Good Shop badge');
    neededFor.push('Good Shop eligibility');
    out.push({ fact: fact.startsWith('baseline.') ? `goodShop.${fact}` : fact, neededFor });
  }
  return out;
}

function topBandRate(rules: RuleSet): number {
  return Math.max(...rules.stars.bands.value.map((b) => b.minRate));
}

/** The penalty of a month's figures. */
function chatPenaltyOf(month: MonthlyChatFigures, rules: RuleSet): MonthlyChatPenalty {
  return { ...month, ...chatDefectPenalty(month.figures, rules.chatPenalty) };
}

/** The figures of a month without chat data: nothing to assess. */
function noChatFigures(asOf: string): MonthlyChatFigures {
  const month = lastCompleteMonth(parseDayKey(asOf, 'asOf'));
  return {
    month: monthKeyOf(month.first),
    figures: {
      ratings: 0,
      satisfaction: null,
      consultations: 0,
      averageResponseSeconds: null,
      messageRate: null,
    },
  };
}

/** The 高/中/低 label of each module whose ranking is known. */
function moduleLabelsOf(
  rankings: ModuleRankings,
  rules: RuleSet,
): Partial<Record<ModuleId, ModuleLabel>> {
  const out: Partial<Record<ModuleId, ModuleLabel>> = {};
  for (const m of MODULE_IDS) {
    const r = rankings[m];
    if (r === null || r === undefined) continue;
    out[m] = atLeast(r, rules.moduleLabels.high.value)
      ? '高'
      : atLeast(r, rules.moduleLabels.low.value)
        ? '中'
        : '低';
  }
  return out;
}
