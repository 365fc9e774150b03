/**
 * The measurement parameters shared by several metrics (assessment hours, session merging,
 * attribution, review and logistics rules), each with its provenance. A metric's own window and
 * minimum sample are in its definition.
 *
 * @module
 */
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

/**
 * The parameters of measuring that are not one metric's own: chat, review and logistics rules.
 * What a measuring function reads as `ctx.rules`.
 */
export interface MeasurementParameters {
  readonly chat: ChatRules;
  readonly reviews: ReviewRules;
  readonly logistics: LogisticsRules;
}

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

/**
 * The default measurement parameters: the chat, review and logistics rules above.
 *
 * @internal
 */
export const DEFAULT_MEASUREMENT_PARAMETERS: MeasurementParameters = Object.freeze({
  chat: DEFAULT_CHAT_RULES,
  reviews: DEFAULT_REVIEW_RULES,
  logistics: DEFAULT_LOGISTICS_RULES,
});
