/**
 * The store's standing: what the ranking rate decides (`docs/sources.md`, all `published`), and the
 * monthly chat defect penalty.
 *
 * @module
 */
import { ArgumentError } from '../errors.js';
import { MODULE_IDS, type ModuleId } from '../ids.js';
import { measureDay } from '../metrics/_calculate.js';
import { afterSalesSatisfactionDefinition } from '../metrics/after-sales/afterSalesSatisfaction.js';
import { averageResponseTimeDefinition } from '../metrics/consultation/averageResponseTime.js';
import { messageRateDefinition } from '../metrics/consultation/messageRate.js';
import { presalesSatisfactionDefinition } from '../metrics/consultation/presalesSatisfaction.js';
import type { MetricId, MetricResult } from '../metrics/types.js';
import type { AssuredServiceId, StoreData } from '../model.js';
import { sourced } from '../rules/provenance.js';
import { defaultRuleSet, type RuleSet } from '../rules/ruleSet.js';
import { rankingRate } from '../scoring/percentile.js';
import { atLeast } from '../standing/_checks.js';
import { activityGate } from '../standing/activityGate.js';
import { assuredPurchaseTag } from '../standing/assuredPurchaseTag.js';
import { type ChatDefectPenalty, chatDefectPenalty } from '../standing/chatDefectPenalty.js';
import { type ConsumerWarning, consumerWarnings } from '../standing/consumerWarnings.js';
import {
  type GoodShopBaseline,
  type GoodShopEligibility,
  goodShopEligibility,
} from '../standing/goodShop.js';
import { type ModuleRankings, storeStars } from '../standing/stars.js';
import { warmShopkeeperBadge } from '../standing/warmShopkeeper.js';
import { dayKeyOf, parseDayKey, tryParseDayKey } from '../time/shanghai.js';
import type { PeerData } from './scoring.js';

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

/** The monthly chat defect penalty (咚咚缺陷) of one calendar month. */
export interface MonthlyChatPenalty extends ChatDefectPenalty {
  /** The calendar month, `YYYY-MM`. */
  readonly month: string;
  /** The figures assessed. */
  readonly figures: {
    readonly ratings: number;
    readonly satisfaction: number | null;
    readonly consultations: number;
    readonly averageResponseSeconds: number | null;
    readonly messageRate: number | null;
  };
}

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

const num = (r: MetricResult | undefined) => (r?.value == null ? null : r.value.toNumber());

/**
 * The chat defect penalty (咚咚缺陷) of a calendar month: satisfaction (pre- and after-sales
 * ratings together), average response time, message rate and consultations (in assessment
 * hours) of the sessions that started in that month, as of the first day of the next month.
 *
 * @example
 * ```ts
 * chatDefectPenaltyForMonth(data, { month: '2026-10' }).points;
 * //=> 0
 * chatDefectPenaltyForMonth(data, { month: '2026-13' }); // throws ArgumentError
 * ```
 */
export function chatDefectPenaltyForMonth(
  data: StoreData,
  options: { readonly month: string; readonly ruleSet?: RuleSet },
): MonthlyChatPenalty {
  const rules = options.ruleSet ?? defaultRuleSet;
  const m = /^(\d{4})-(\d{2})$/.exec(options.month ?? '');
  const first = m ? tryParseDayKey(`${m[1]}-${m[2]}-01`) : undefined;
  if (first === undefined)
    throw new ArgumentError(`Expected month as YYYY-MM, found ${JSON.stringify(options.month)}`);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  const asOf = parseDayKey(next);
  const days = asOf - first;
  const monthWindow = sourced(
    { fromDaysBack: days, toDaysBack: 1 },
    { ...rules.chatPenalty.pointsByFailures.source, note: 'monthly assessment: a calendar month' },
  );
  const windows = { ...rules.windows };
  const defs = [
    presalesSatisfactionDefinition,
    afterSalesSatisfactionDefinition,
    averageResponseTimeDefinition,
    messageRateDefinition,
  ];
  for (const d of defs) windows[d.id as MetricId] = monthWindow;
  const [pre, after, art, mr] = measureDay(data, defs, dayKeyOf(asOf), { ...rules, windows }) as [
    MetricResult,
    MetricResult,
    MetricResult,
    MetricResult,
  ];
  const ratedNum = pre.numerator.plus(after.numerator);
  const ratedDen = pre.denominator.plus(after.denominator);
  const figures = {
    ratings: ratedDen.toNumber(),
    satisfaction: ratedDen.isZero() ? null : ratedNum.div(ratedDen).toNumber(),
    consultations: mr.denominator.minus(mr.numerator).toNumber(),
    averageResponseSeconds: num(art),
    messageRate: num(mr),
  };
  return { month: options.month, figures, ...chatDefectPenalty(figures, rules.chatPenalty) };
}

/** @internal Everything the standing is computed from. */
export interface StandingInputs {
  readonly data: StoreData;
  readonly asOf: string;
  readonly ruleSet: RuleSet;
  readonly total: number | null;
  readonly moduleScores: Readonly<Record<ModuleId, number | null>>;
  readonly metrics: Readonly<Record<MetricId, MetricResult>>;
  readonly goodReviewRate: MetricResult;
  readonly openServices: readonly AssuredServiceId[];
  readonly peers?: PeerData | undefined;
  readonly ranking?: RankingInput | undefined;
  readonly goodShop?: GoodShopFacts | undefined;
}

/**
 * The standing from a scorecard's figures and either peers (ranked by total, module by module
 * score; ties count half) or a supplied ranking.
 *
 * @example
 * ```ts
 * evaluateStore(data, { asOf: '2026-11-23', ranking: { rate: 0.91 } }).standing?.stars;
 * //=> 4.9
 * ```
 */
export function computeStanding(inputs: StandingInputs): Standing {
  const { ruleSet: rules, metrics, peers, ranking } = inputs;
  let rate: number | null = ranking?.rate ?? null;
  if (
    ranking === undefined &&
    peers?.composites &&
    peers.composites.length > 0 &&
    inputs.total !== null
  ) {
    rate = rankingRate(inputs.total, peers.composites);
  }
  const moduleRankings: Partial<Record<ModuleId, number | null>> = { ...(ranking?.modules ?? {}) };
  if (ranking?.modules === undefined) {
    for (const m of MODULE_IDS) {
      const list = peers?.modules?.[m];
      const score = inputs.moduleScores[m];
      if (list && list.length > 0 && score !== null) moduleRankings[m] = rankingRate(score, list);
    }
  }
  const s = storeStars(
    { rankingRate: rate, moduleRankings, goodShopCertified: inputs.goodShop?.certified ?? false },
    rules.stars,
  );
  const pre = metrics['consultation.presales-satisfaction'];
  const after = metrics['after-sales.satisfaction'];
  const ratedDen = pre.denominator.plus(after.denominator);
  const chatSatisfaction = ratedDen.isZero()
    ? null
    : pre.numerator.plus(after.numerator).div(ratedDen).toNumber();
  const D = parseDayKey(inputs.asOf);
  const lastMonth = dayKeyOf(D - 1).slice(0, 7);
  const previousMonth = dayKeyOf(parseDayKey(`${lastMonth}-01`) - 1).slice(0, 7);
  // The last *complete* calendar month before D: when D is the 1st, that is the month of D−1.
  const month = dayKeyOf(D).endsWith('-01') ? lastMonth : previousMonth;
  const goodShop = goodShopEligibility(
    { rankingRate: rate, moduleRankings, baseline: inputs.goodShop?.baseline ?? {} },
    rules.goodShop,
  );
  return {
    rankingRate: rate,
    moduleRankings,
    stars: s.stars,
    badge: s.badge !== null && goodShop.eligible ? s.badge : null,
    unverified: unverifiedRequirements(
      rate,
      s.unverifiedModules,
      goodShop,
      inputs.goodShop?.certified === true,
      rules,
    ),
    goodShop,
    assuredPurchaseTag: assuredPurchaseTag(
      {
        openServices: inputs.openServices,
        goodReviewRate: num(inputs.goodReviewRate),
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
    chatPenalty: chatDefectPenaltyForMonth(inputs.data, { month, ruleSet: rules }),
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
