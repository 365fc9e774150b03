/**
 * The scoring half of the default rule set: curve control points, module weights, the
 * 放心购 bonus and every standing threshold, each with its provenance.
 *
 * Every value here is plain data wrapped in {@link Sourced}; the functions of `scoring/` and
 * `standing/` take these objects as explicit parameters, defaulting to the constants below.
 *
 * @module
 */

import type { InputIssue } from '../errors.js';
import type { ModuleId } from '../ids.js';
import type { AssuredServiceId } from '../model.js';
import { type Sourced, sourced } from './provenance.js';

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

/** Module weights of the 2018–2020 notice. */
const URL_WEIGHTS = 'https://m.cnqd.net/hyzx/zixun/10072.html';
/** Chat defect penalty (咚咚缺陷). */
const URL_CHAT_PENALTY = 'https://maibaba.cn/44948.html';
/** 热情掌柜 badge. */
const URL_WARM_SHOPKEEPER = 'https://zhaoyi.net.cn/article/jingdongzixun/609.html';
/** Consumer warnings, from 2022-12-27. */
const URL_CONSUMER_WARNINGS = 'https://m.hunanlong.com/c/2965856.html';
/** Star table, rule of 2019-11. */
const URL_STARS = 'https://27931166.com/articles/86';
/** Module floor for 4.9 stars and Good Shop, from 2020-09-15. */
const URL_MODULE_FLOOR = 'https://edu.yunjiglobal.com/?p=1585';
/** 京东好店 Good Shop requirements. */
const URL_GOOD_SHOP = 'https://hancong.com/news/2-0-305458.html';
/** 放心购 tag requirements. */
const URL_ASSURED_TAG = 'https://m.39zn.cn/article/185050.htm';
/** Activity gate. */
const URL_ACTIVITY_GATE = 'https://finance.efang.tv/finance/2023/0210/135135.html';

// ---------------------------------------------------------------------------------------------
// Module weights
// ---------------------------------------------------------------------------------------------

/** Relative weight of each module in the composite (they need not sum to 100). */
export type ModuleWeights = Readonly<Record<ModuleId, number>>;

/**
 * Module weights of the composite: after-sales 22, logistics 12, reviews 22, consultation 22,
 * disputes 22 (`published`, 2018–2020 notice, m.cnqd.net/hyzx/zixun/10072.html). A module
 * without a score has its weight shared among the others.
 *
 * @example
 * ```ts
 * DEFAULT_MODULE_WEIGHTS.value.logistics;
 * //=> 12
 * ```
 */
export const DEFAULT_MODULE_WEIGHTS: Sourced<ModuleWeights> = sourced(
  Object.freeze({
    consultation: 22,
    reviews: 22,
    'after-sales': 22,
    logistics: 12,
    disputes: 22,
  }),
  {
    tag: 'published',
    url: URL_WEIGHTS,
    note: '售后 22%, 物流 12%, 评价 22%, 咨询 22%, 纠纷 22%; a module without a score has its weight shared among the others',
  },
);

/**
 * Reports what is wrong with module weights: a weight that is negative or not finite, or
 * every weight 0. Weights are relative: they need not sum to 100. Returns `[]` when valid.
 *
 * @example
 * ```ts
 * validateModuleWeights({ consultation: 22, reviews: 22, 'after-sales': 22, logistics: -1, disputes: 22 });
 * //=> [{ path: 'moduleWeights.logistics', message: 'expected a finite weight ≥ 0, found -1' }]
 * ```
 */
export function validateModuleWeights(
  weights: ModuleWeights,
  path = 'moduleWeights',
): InputIssue[] {
  const issues: InputIssue[] = [];
  let any = false;
  for (const [id, w] of Object.entries(weights)) {
    if (!Number.isFinite(w) || w < 0) {
      issues.push({
        path: `${path}.${id}`,
        message: `expected a finite weight ≥ 0, found ${String(w)}`,
      });
    } else if (w > 0) {
      any = true;
    }
  }
  if (issues.length === 0 && !any)
    issues.push({ path, message: 'expected at least one weight above 0, found none' });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// 放心购 bonus
// ---------------------------------------------------------------------------------------------

/** Services that count once together, whatever how many of them are open. */
export interface AssuredServiceGroup {
  /** Id of the group, e.g. `'first-compensation'` (先行理赔). */
  readonly id: string;
  /** The services of the group. */
  readonly members: readonly AssuredServiceId[];
}

/** Rules of the 放心购 bonus. */
export interface BonusRules {
  /** Points added per counted built-in service (one of `ASSURED_SERVICE_IDS`) without points of its own in `servicePoints`. */
  readonly pointsPerService: Sourced<number>;
  /**
   * Services with points of their own: a built-in id overrides `pointsPerService`, any other id
   * adds a service the rule set knows (the list of 放心购 services is open). Empty by default.
   */
  readonly servicePoints: Readonly<Record<string, Sourced<number>>>;
  /** Most points the bonus can add. */
  readonly cap: Sourced<number>;
  /** Groups of services that count once. */
  readonly groups: Sourced<readonly AssuredServiceGroup[]>;
}

/**
 * The 放心购 bonus: 0.1 points per counted service, at most 0.5; the three 先行理赔 services
 * (破损包赔, 180天可退可换, 产品责任险) count once together. The English source article (`docs/sources.md`) says only that more
 * services give more points: every number here is an `assumption`.
 *
 * @example
 * ```ts
 * DEFAULT_BONUS.cap.value;
 * //=> 0.5
 * ```
 */
export const DEFAULT_BONUS: BonusRules = Object.freeze({
  pointsPerService: sourced(0.1, {
    tag: 'assumption',
    note: 'article EN: the more 放心购 services opened, the more bonus points; the amount per service is not published',
  }),
  servicePoints: Object.freeze({}),
  cap: sourced(0.5, {
    tag: 'assumption',
    note: 'not published; the bonus is added to the 10-point composite, which stays at most 10',
  }),
  groups: sourced(
    Object.freeze([
      Object.freeze({
        id: 'first-compensation',
        members: Object.freeze([
          'damage-compensation',
          'return-or-exchange-180d',
          'product-liability-insurance',
        ] as const),
      }),
    ]),
    {
      tag: 'assumption',
      note: 'public merchant pages describe 先行理赔 as 破损包赔 + 180天可退可换 + 产品责任险; counting the group once is our reading',
    },
  ),
});

// ---------------------------------------------------------------------------------------------
// Standing
// ---------------------------------------------------------------------------------------------

/** One row of the star table: a ranking rate at or above `minRate` shows `stars`. */
export interface StarBand {
  /** Lower bound of the ranking rate, inclusive, as a fraction. */
  readonly minRate: number;
  /** Stars shown. */
  readonly stars: number;
}

/** The store-star table. */
export interface StarTable {
  /** Bands, highest `minRate` first; the first band whose bound the rate reaches applies. */
  readonly bands: Sourced<readonly StarBand[]>;
  /** Stars below the lowest band. */
  readonly floorStars: Sourced<number>;
  /** A ranking rate at or above this, with Good Shop certification, shows the Good Shop badge. */
  readonly goodShopMinRate: Sourced<number>;
  /** The top band and the Good Shop badge also need every module's ranking, supplied, at or above this. */
  readonly topModuleFloor: Sourced<number>;
  /** Stars shown instead of the top band when a module ranking is below `topModuleFloor` or not supplied. */
  readonly topFallbackStars: Sourced<number>;
}

/**
 * Store stars from the ranking rate (rule of 2019-11, 27931166.com/articles/86, `published`),
 * lower bounds inclusive:
 *
 * | ranking rate r | stars |
 * |---|---|
 * | r ≥ 90% | 4.9 (Good Shop badge when certified) |
 * | 70% ≤ r < 90% | 4.5 |
 * | 40% ≤ r < 70% | 4.0 |
 * | 20% ≤ r < 40% | 3.5 |
 * | 3% ≤ r < 20% | 3.0 |
 * | r < 3% | 2.5 |
 *
 * From 2020-09-15 the top band and Good Shop also need every module ranking ≥ 30%
 * (edu.yunjiglobal.com/?p=1585, `published`); the store then shows 4.5 (`assumption`).
 *
 * @example
 * ```ts
 * DEFAULT_STAR_TABLE.bands.value[0];
 * //=> { minRate: 0.9, stars: 4.9 }
 * ```
 */
export const DEFAULT_STAR_TABLE: StarTable = Object.freeze({
  bands: sourced(
    Object.freeze([
      Object.freeze({ minRate: 0.9, stars: 4.9 }),
      Object.freeze({ minRate: 0.7, stars: 4.5 }),
      Object.freeze({ minRate: 0.4, stars: 4 }),
      Object.freeze({ minRate: 0.2, stars: 3.5 }),
      Object.freeze({ minRate: 0.03, stars: 3 }),
    ]),
    { tag: 'published', url: URL_STARS, note: 'rule of 2019-11; lower bounds inclusive' },
  ),
  floorStars: sourced(2.5, { tag: 'published', url: URL_STARS, note: 'ranking rate < 3%' }),
  goodShopMinRate: sourced(0.9, {
    tag: 'published',
    url: URL_STARS,
    note: 'ranking rate ≥ 90% and certified Good Shop: Good Shop badge',
  }),
  topModuleFloor: sourced(0.3, {
    tag: 'published',
    url: URL_MODULE_FLOOR,
    note: 'from 2020-09-15, 4.9 stars and Good Shop need every module ranking ≥ 30%',
  }),
  topFallbackStars: sourced(4.5, {
    tag: 'assumption',
    note: 'the 2020-09-15 notice does not say which star a top-10% store with a weak module shows; we use the next band',
  }),
});

/** Requirements of 京东好店 Good Shop. */
export interface GoodShopRules {
  /** Ranking rate at or above this (top 10%). */
  readonly minRankingRate: Sourced<number>;
  /** Every module's ranking, supplied, at or above this. */
  readonly minModuleRanking: Sourced<number>;
  /** Baseline facts that must be supplied and `true` (any other fact supplied must be `true` too). */
  readonly requiredBaseline: Sourced<readonly string[]>;
}

/**
 * Good Shop: ranking rate ≥ 90% (top 10%), every module ranking ≥ 30%, plus the baseline
 * facts the caller supplies (hancong.com/news/2-0-305458.html, `published`).
 *
 * @example
 * ```ts
 * DEFAULT_GOOD_SHOP_RULES.minModuleRanking.value;
 * //=> 0.3
 * ```
 */
export const DEFAULT_GOOD_SHOP_RULES: GoodShopRules = Object.freeze({
  minRankingRate: sourced(0.9, {
    tag: 'published',
    url: URL_GOOD_SHOP,
    note: 'top 10% of the main second-level category',
  }),
  minModuleRanking: sourced(0.3, {
    tag: 'published',
    url: URL_MODULE_FLOOR,
    note: 'every module ranking ≥ 30% (from 2020-09-15)',
  }),
  requiredBaseline: sourced(Object.freeze(['integrity', 'activeProductRate', 'storeAge']), {
    tag: 'published',
    url: URL_GOOD_SHOP,
    note: 'baseline requirements: integrity (诚信), active-product rate (动销率), store age (开店时长)…; the facts are the caller’s, named here as our ids',
  }),
});

/** Requirements of the 放心购 tag. */
export interface AssuredTagRules {
  /** Services that must be open. */
  readonly requiredServices: Sourced<readonly AssuredServiceId[]>;
  /** The good-review rate must be strictly above this. */
  readonly minGoodReviewRate: Sourced<number>;
  /** The ranking rate must be strictly above this. */
  readonly minRankingRate: Sourced<number>;
}

/**
 * The 放心购 tag: 运费险 and 闪电退款 open, good-review rate > 95%, ranking rate > 40%, both
 * strictly (m.39zn.cn/article/185050.htm, `published`).
 *
 * @example
 * ```ts
 * DEFAULT_ASSURED_TAG_RULES.minGoodReviewRate.value;
 * //=> 0.95
 * ```
 */
export const DEFAULT_ASSURED_TAG_RULES: AssuredTagRules = Object.freeze({
  requiredServices: sourced(Object.freeze(['freight-insurance', 'lightning-refund'] as const), {
    tag: 'published',
    url: URL_ASSURED_TAG,
    note: '运费险 and 闪电退款 open',
  }),
  minGoodReviewRate: sourced(0.95, {
    tag: 'published',
    url: URL_ASSURED_TAG,
    note: 'good-review rate above 95% (strictly)',
  }),
  minRankingRate: sourced(0.4, {
    tag: 'published',
    url: URL_ASSURED_TAG,
    note: 'ranking rate above 40% (strictly)',
  }),
});

/** Requirements of the 热情掌柜 badge. */
export interface WarmShopkeeperRules {
  /** Stars at or above this. */
  readonly minStars: Sourced<number>;
  /** 30-second response rate at or above this. */
  readonly minResponseRate30s: Sourced<number>;
  /** Chat satisfaction at or above this. */
  readonly minSatisfaction: Sourced<number>;
  /** At least this many ratings. */
  readonly minRatings: Sourced<number>;
}

/**
 * 热情掌柜 badge: stars ≥ 4, 30-second rate ≥ 80%, chat satisfaction ≥ 80%, ≥ 5 ratings, all
 * inclusive (zhaoyi.net.cn/article/jingdongzixun/609.html, `published`).
 *
 * @example
 * ```ts
 * DEFAULT_WARM_SHOPKEEPER_RULES.minRatings.value;
 * //=> 5
 * ```
 */
export const DEFAULT_WARM_SHOPKEEPER_RULES: WarmShopkeeperRules = Object.freeze({
  minStars: sourced(4, { tag: 'published', url: URL_WARM_SHOPKEEPER, note: 'stars ≥ 4' }),
  minResponseRate30s: sourced(0.8, {
    tag: 'published',
    url: URL_WARM_SHOPKEEPER,
    note: '30-second response rate ≥ 80%',
  }),
  minSatisfaction: sourced(0.8, {
    tag: 'published',
    url: URL_WARM_SHOPKEEPER,
    note: 'chat satisfaction ≥ 80%',
  }),
  minRatings: sourced(5, {
    tag: 'published',
    url: URL_WARM_SHOPKEEPER,
    note: 'at least 5 ratings',
  }),
});

/** Rules of the monthly chat defect penalty 咚咚缺陷. */
export interface ChatPenaltyRules {
  /** Satisfaction is assessed only with strictly more ratings than this. */
  readonly minRatingsExclusive: Sourced<number>;
  /** Satisfaction must be strictly above this. */
  readonly minSatisfactionExclusive: Sourced<number>;
  /** Response time and message rate are assessed only with strictly more consultations than this. */
  readonly minConsultationsExclusive: Sourced<number>;
  /** The average response must be strictly below this many seconds. */
  readonly maxAverageResponseSecondsExclusive: Sourced<number>;
  /** The message rate must be strictly below this. */
  readonly maxMessageRateExclusive: Sourced<number>;
  /** Points deducted for 0, 1, 2, 3 failures. */
  readonly pointsByFailures: Sourced<readonly number[]>;
}

/**
 * 咚咚缺陷 chat defect penalty (monthly, maibaba.cn/44948.html, `published`): with more than 10
 * ratings satisfaction must be above 85%; with more than 300 consultations the average
 * response must be below 40 s and the message rate below 50%. 0/1/2/3 failures cost
 * 0/2/4/8 points.
 *
 * @example
 * ```ts
 * DEFAULT_CHAT_PENALTY_RULES.pointsByFailures.value;
 * //=> [0, 2, 4, 8]
 * ```
 */
export const DEFAULT_CHAT_PENALTY_RULES: ChatPenaltyRules = Object.freeze({
  minRatingsExclusive: sourced(10, {
    tag: 'published',
    url: URL_CHAT_PENALTY,
    note: 'satisfaction assessed with more than 10 ratings',
  }),
  minSatisfactionExclusive: sourced(0.85, {
    tag: 'published',
    url: URL_CHAT_PENALTY,
    note: 'satisfaction must be above 85%',
  }),
  minConsultationsExclusive: sourced(300, {
    tag: 'published',
    url: URL_CHAT_PENALTY,
    note: 'response time and message rate assessed with more than 300 consultations',
  }),
  maxAverageResponseSecondsExclusive: sourced(40, {
    tag: 'published',
    url: URL_CHAT_PENALTY,
    note: 'average response below 40 s (exactly 40 s fails)',
  }),
  maxMessageRateExclusive: sourced(0.5, {
    tag: 'published',
    url: URL_CHAT_PENALTY,
    note: 'message rate below 50%',
  }),
  pointsByFailures: sourced(Object.freeze([0, 2, 4, 8]), {
    tag: 'published',
    url: URL_CHAT_PENALTY,
    note: 'one failure costs 2 points, two 4, three 8',
  }),
});

/** Rules of one consumer warning. */
export interface ConsumerWarningRule {
  /** Stars at or below this. */
  readonly maxStars: number;
  /** Each named module ranking at or below this. */
  readonly maxModuleRanking: number;
  /** The modules whose ranking is checked. */
  readonly modules: readonly ('after-sales' | 'disputes' | 'logistics')[];
  /** The duration (hours) must be strictly above this. */
  readonly minHoursExclusive: number;
}

/** The consumer warnings' rules. */
export interface ConsumerWarningRules {
  /** "Long after-sales times": checks the after-sales duration. */
  readonly longAfterSalesTimes: Sourced<ConsumerWarningRule>;
  /** "Long delivery times": checks the average delivery time. */
  readonly longDeliveryTimes: Sourced<ConsumerWarningRule>;
}

/**
 * Consumer warnings from 2022-12-27 (m.hunanlong.com/c/2965856.html, `published`): stars ≤ 3.5,
 * after-sales and disputes rankings ≤ 20% and after-sales duration > 60 h → "long after-sales
 * times"; stars ≤ 3.5, logistics and disputes rankings ≤ 20% and average delivery time
 * > 100 h → "long delivery times" (our reading: the first warning's conditions with the
 * logistics ranking in the after-sales ranking's place, the disputes condition kept).
 *
 * @example
 * ```ts
 * DEFAULT_CONSUMER_WARNING_RULES.longDeliveryTimes.value.minHoursExclusive;
 * //=> 100
 * ```
 */
export const DEFAULT_CONSUMER_WARNING_RULES: ConsumerWarningRules = Object.freeze({
  longAfterSalesTimes: sourced(
    Object.freeze({
      maxStars: 3.5,
      maxModuleRanking: 0.2,
      modules: Object.freeze(['after-sales', 'disputes'] as const),
      minHoursExclusive: 60,
    }),
    {
      tag: 'published',
      url: URL_CONSUMER_WARNINGS,
      note: 'stars ≤ 3.5, after-sales and disputes rankings ≤ 20%, after-sales duration > 60 h',
    },
  ),
  longDeliveryTimes: sourced(
    Object.freeze({
      maxStars: 3.5,
      maxModuleRanking: 0.2,
      modules: Object.freeze(['logistics', 'disputes'] as const),
      minHoursExclusive: 100,
    }),
    {
      tag: 'published',
      url: URL_CONSUMER_WARNINGS,
      note: 'the same with the logistics ranking (disputes ranking kept) and average delivery time > 100 h',
    },
  ),
});

/**
 * Activity gate: a store may enter platform activities with a ranking rate ≥ 20%
 * (finance.efang.tv/finance/2023/0210/135135.html, `published`).
 *
 * @example
 * ```ts
 * DEFAULT_ACTIVITY_GATE.value;
 * //=> 0.2
 * ```
 */
export const DEFAULT_ACTIVITY_GATE: Sourced<number> = sourced(0.2, {
  tag: 'published',
  url: URL_ACTIVITY_GATE,
  note: 'ranking rate ≥ 20%',
});

/** A module's 高/中/低 label from its ranking among peers. */
export type ModuleLabel = '高' | '中' | '低';

/** Where a module's ranking turns its label: 高 at or above `high`, 低 below `low`. */
export interface ModuleLabelRules {
  /** Ranking at or above this: 高 (high). */
  readonly high: Sourced<number>;
  /** Ranking below this: 低 (low); in between: 中. */
  readonly low: Sourced<number>;
}

/**
 * The 高/中/低 module labels (`assumption`): JD's back-end labels each module against its
 * category peers without publishing the lines. We take the two ranking lines JD does publish
 * for modules: 30%, below which a module bars 4.9 stars and Good Shop (the 2020-09 module
 * floor), and 70%, the ranking rate of 4.5 stars.
 *
 * @example
 * ```ts
 * DEFAULT_MODULE_LABELS.high.value;
 * //=> 0.7
 * ```
 */
export const DEFAULT_MODULE_LABELS: ModuleLabelRules = Object.freeze({
  high: sourced(0.7, {
    tag: 'assumption',
    note: 'a module ranked at or above 70% (the ranking rate of 4.5 stars) is labelled 高',
  }),
  low: sourced(0.3, {
    tag: 'assumption',
    note: 'a module ranked below 30% (the published module floor of 4.9 stars and Good Shop) is labelled 低',
  }),
});
