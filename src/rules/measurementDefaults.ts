/**
 * The measurement rules of the default rule set: windows, assessment hours, session merging,
 * attribution, review and logistics parameters, each with its provenance.
 *
 * @module
 */
import type { MetricId } from '../metrics/types.js';
import type { WindowSpec } from '../time/window.js';
import { type Sourced, sourced } from './provenance.js';

/** Sessions count when their start's time of day is in `[fromHour:00, toHour:00)`, Shanghai. */
export interface AssessmentHours {
  /** First hour included, 0–23. */
  readonly fromHour: number;
  /** End hour, excluded, 1–24. */
  readonly toHour: number;
}

/** Chat (咚咚) rules. */
export interface ChatRules {
  /** Which session starts count for the average response time, the 30-second rate and the message rate. */
  readonly assessmentHours: Sourced<AssessmentHours>;
  /** A customer back within this many minutes of their previous session's last message is in the same session. */
  readonly sessionMergeGapMinutes: Sourced<number>;
  /** The 30-second rate's threshold, in seconds (a reply at exactly this many seconds is in time). */
  readonly responseThresholdSeconds: Sourced<number>;
  /** Whether a robot (京东小智) reply counts as the first reply for the 30-second rate and "received". */
  readonly robotRepliesCount: Sourced<boolean>;
  /** An order placed within this many hours after a received pre-sales session's start is attributed to it. */
  readonly attributionHours: Sourced<number>;
}

/** Review rules. */
export interface ReviewRules {
  /** Only each customer's latest N reviews in the window count. */
  readonly latestPerCustomer: Sourced<number>;
  /** The handling deadline, in hours after the review's creation (a reply at exactly this is in time). */
  readonly handlingHours: Sourced<number>;
}

/** Logistics rules. */
export interface LogisticsRules {
  /** Orders shippable at or after this hour are due for collection the next day. */
  readonly collectionCutoffHour: Sourced<number>;
  /** Delivered by the end of the day this many days after the shippable day: 1 = 次日达, 2 = 隔日达. */
  readonly arrivalDays: Sourced<number>;
}

/** The measurement half of a rule set. */
export interface MeasurementRules {
  /** Each metric's window `[D−a, D−b]`. */
  readonly windows: Readonly<Record<MetricId, Sourced<WindowSpec>>>;
  /**
   * Each metric's minimum sample: below this denominator (a count of cases, in the result's
   * unit) the result has status `'too-little-data'`, keeps its value, and is scored as the
   * peers' median when peers are given, or left out of its module otherwise. 0: no minimum.
   */
  readonly minimumSample: Readonly<Record<MetricId, Sourced<number>>>;
  readonly chat: ChatRules;
  readonly reviews: ReviewRules;
  readonly logistics: LogisticsRules;
}

const CHAT_WINDOW = sourced<WindowSpec>(
  { fromDaysBack: 35, toDaysBack: 6 },
  {
    tag: 'published',
    url: 'https://www.maijiaw.com/article/505791',
    note: 'screenshots dated 2021-12-07 and 2021-12-22 show data ranges 11-02..12-01 and 11-17..12-16 (also yunyingwang.cc/114531.html)',
  },
);
const REVIEW_WINDOW = sourced<WindowSpec>(
  { fromDaysBack: 90, toDaysBack: 1 },
  {
    tag: 'published',
    url: 'https://www.jiutoushe.cn/wen/72067.html',
    note: 'review windows cut from 180 to 90 days in 2020-09',
  },
);
const AFTER_SALES_DURATION_WINDOW = sourced<WindowSpec>(
  { fromDaysBack: 30, toDaysBack: 1 },
  {
    tag: 'seed',
    seed: '000',
    note: '"after-sales service duration is data from 1 day to 30 days before evaluation"',
  },
);
/** The repair and return rates: approvals and outbound units over the same 30 days. */
const OUTBOUND_WINDOW = sourced<WindowSpec>(
  { fromDaysBack: 30, toDaysBack: 1 },
  {
    tag: 'assumption',
    note: 'article ZH names only the denominator, 出库月销量 (订单跟踪30天); counting approvals by approval day and outbound units by outbound day in the same 30 days [D−30, D−1] is our reading',
  },
);
const LOGISTICS_WINDOW = sourced<WindowSpec>(
  { fromDaysBack: 30, toDaysBack: 1 },
  {
    tag: 'published',
    url: 'https://m.cnqd.net/hyzx/zixun/10072.html',
    note: 'platform-monitored metrics: 30 days; anchored on the due day',
  },
);

/**
 * The default windows of every metric.
 *
 * @example
 * ```ts
 * DEFAULT_WINDOWS['disputes.dispute-rate'].value;
 * //=> { fromDaysBack: 35, toDaysBack: 5 }
 * ```
 */
export const DEFAULT_WINDOWS: Readonly<Record<MetricId, Sourced<WindowSpec>>> = {
  'consultation.average-response-time': CHAT_WINDOW,
  'consultation.presales-satisfaction': CHAT_WINDOW,
  'consultation.response-rate-30s': CHAT_WINDOW,
  'consultation.conversion-rate': CHAT_WINDOW,
  'consultation.facilitated-amount-share': CHAT_WINDOW,
  'consultation.message-rate': CHAT_WINDOW,
  'reviews.negative-rate': REVIEW_WINDOW,
  'reviews.negative-handling-rate-24h': sourced(
    { fromDaysBack: 30, toDaysBack: 1 },
    {
      tag: 'assumption',
      note: 'not published: 30 days, counted by deadline day (created + 24 h)',
    },
  ),
  'reviews.satisfaction-score': sourced(
    { fromDaysBack: 30, toDaysBack: 1 },
    { tag: 'published', url: 'https://www.yiqigousc.com/ws/202309/c_75988.html' },
  ),
  'after-sales.repair-rate': OUTBOUND_WINDOW,
  'after-sales.quality-repair-rate': OUTBOUND_WINDOW,
  'after-sales.return-rate': OUTBOUND_WINDOW,
  'after-sales.duration': AFTER_SALES_DURATION_WINDOW,
  'after-sales.satisfaction': CHAT_WINDOW,
  'after-sales.return-satisfaction': sourced(
    { fromDaysBack: 180, toDaysBack: 1 },
    {
      tag: 'seed',
      seed: '000',
      note: '"return satisfaction is data from 1 day to 180 days before evaluation"',
    },
  ),
  'logistics.same-day-collection-rate': LOGISTICS_WINDOW,
  'logistics.next-day-arrival-rate': LOGISTICS_WINDOW,
  'logistics.average-delivery-time': LOGISTICS_WINDOW,
  'disputes.dispute-rate': sourced(
    { fromDaysBack: 35, toDaysBack: 5 },
    {
      tag: 'published',
      url: 'https://m.cnqd.net/hyzx/zixun/10072.html',
      note: 'orders created in [D−35, D−5]',
    },
  ),
};

/**
 * Default chat rules.
 *
 * @example
 * ```ts
 * DEFAULT_CHAT_RULES.assessmentHours.value;
 * //=> { fromHour: 8, toHour: 24 }
 * ```
 */
export const DEFAULT_CHAT_RULES: ChatRules = {
  assessmentHours: sourced(
    { fromHour: 8, toHour: 24 },
    {
      tag: 'seed',
      seed: '001',
      note: '考核时间 早上八点到晚上十二点; published alternative from 2021-12-22: sessions starting 23:00–09:00 excluded ({ fromHour: 9, toHour: 23 }, maijiaw.com/article/505791)',
    },
  ),
  sessionMergeGapMinutes: sourced(10, {
    tag: 'published',
    url: 'https://insight.xiaoduoai.com/faq/questions/D1qA',
    note: 'a customer back within 10 minutes of the last message is in the same session',
  }),
  responseThresholdSeconds: sourced(30, { tag: 'seed', seed: '001', note: '30秒应答率' }),
  robotRepliesCount: sourced(true, {
    tag: 'seed',
    seed: '000',
    note: 'sessions received purely by the robot count in the 30-second rate; never in the average response time (article ZH: 客服人工回复)',
  }),
  attributionHours: sourced(24, {
    tag: 'published',
    url: 'https://www.jiutoushe.cn/wen/338853.html',
    note: 'store-configured in JD’s CS console; 24 h is the example',
  }),
};

/**
 * Default review rules.
 *
 * @example
 * ```ts
 * DEFAULT_REVIEW_RULES.latestPerCustomer.value;
 * //=> 20
 * ```
 */
export const DEFAULT_REVIEW_RULES: ReviewRules = {
  latestPerCustomer: sourced(20, {
    tag: 'published',
    url: 'https://www.maijiaw.com/article/517489',
    note: 'only each customer’s latest 20 reviews in the window count',
  }),
  handlingHours: sourced(24, { tag: 'seed', seed: '001', note: '24小时中差评处理率' }),
};

/**
 * Default logistics rules.
 *
 * @example
 * ```ts
 * DEFAULT_LOGISTICS_RULES.collectionCutoffHour.value;
 * //=> 16
 * ```
 */
export const DEFAULT_LOGISTICS_RULES: LogisticsRules = {
  collectionCutoffHour: sourced(16, {
    tag: 'assumption',
    note: 'orders shippable at or after 16:00 are due for collection the next day',
  }),
  arrivalDays: sourced(1, {
    tag: 'seed',
    seed: '000',
    note: '"the order arrival ratio on the next day" (次日达); the 2018 notice’s 隔日达 variant is arrivalDays: 2 (published, shuaishou.com/school/infos26590.html)',
  }),
};

const TEN_CASES = sourced(10, {
  tag: 'assumption',
  note: 'JD gives stores with too little data the industry average, but no source says how little: fewer than 10 cases (ratings, sessions, customers, reviews, orders, service orders, units)',
});

/**
 * Default minimum samples (`assumption`): JD gives stores with too little data the industry
 * average, without saying how little. Below 10 cases (ratings for a satisfaction, sessions,
 * customers, reviews, orders, outbound units, replies, service orders) a metric is
 * `'too-little-data'`. The facilitated amount share has none: its denominator is an amount of
 * money, not a count of cases.
 *
 * @example
 * ```ts
 * DEFAULT_MINIMUM_SAMPLES['consultation.presales-satisfaction'].value;
 * //=> 10
 * DEFAULT_MINIMUM_SAMPLES['consultation.facilitated-amount-share'].value;
 * //=> 0
 * ```
 */
export const DEFAULT_MINIMUM_SAMPLES: Readonly<Record<MetricId, Sourced<number>>> = Object.freeze({
  'consultation.average-response-time': TEN_CASES,
  'consultation.presales-satisfaction': TEN_CASES,
  'consultation.response-rate-30s': TEN_CASES,
  'consultation.conversion-rate': TEN_CASES,
  'consultation.facilitated-amount-share': sourced(0, {
    tag: 'assumption',
    note: 'no minimum: the denominator is an amount of money, not a count of cases',
  }),
  'consultation.message-rate': TEN_CASES,
  'reviews.negative-rate': TEN_CASES,
  'reviews.negative-handling-rate-24h': TEN_CASES,
  'reviews.satisfaction-score': TEN_CASES,
  'after-sales.repair-rate': TEN_CASES,
  'after-sales.quality-repair-rate': TEN_CASES,
  'after-sales.return-rate': TEN_CASES,
  'after-sales.duration': TEN_CASES,
  'after-sales.satisfaction': TEN_CASES,
  'after-sales.return-satisfaction': TEN_CASES,
  'logistics.same-day-collection-rate': TEN_CASES,
  'logistics.next-day-arrival-rate': TEN_CASES,
  'logistics.average-delivery-time': TEN_CASES,
  'disputes.dispute-rate': TEN_CASES,
});
