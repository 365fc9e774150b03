/**
 * Defaults shared by several metric definitions (windows, weights, minimum samples, curve
 * helpers), each with its provenance. A default used by one metric only is written in its file.
 *
 * @module
 */
import type { CurveControlPoints } from '../rules/curve.js';
import { type Provenance, type Sourced, sourced } from '../rules/provenance.js';
import type { WindowSpec } from '../time/window.js';

/** Chat defect penalty (咚咚缺陷). */
export const URL_CHAT_PENALTY = 'https://maibaba.cn/44948.html';
/** 热情掌柜 badge. */
export const URL_WARM_SHOPKEEPER = 'https://zhaoyi.net.cn/article/jingdongzixun/609.html';
/** Consumer warnings, from 2022-12-27. */
export const URL_CONSUMER_WARNINGS = 'https://m.hunanlong.com/c/2965856.html';

/** The chat window `[D−35, D−6]`, shared by the consultation metrics and after-sales satisfaction. */
export const CHAT_WINDOW = sourced<WindowSpec>(
  { fromDaysBack: 35, toDaysBack: 6 },
  {
    tag: 'published',
    url: 'https://www.maijiaw.com/article/505791',
    note: 'screenshots dated 2021-12-07 and 2021-12-22 show data ranges 11-02..12-01 and 11-17..12-16 (also yunyingwang.cc/114531.html)',
  },
);

/** The repair and return rates: approvals and outbound units over the same 30 days. */
export const OUTBOUND_WINDOW = sourced<WindowSpec>(
  { fromDaysBack: 30, toDaysBack: 1 },
  {
    tag: 'assumption',
    note: 'article ZH names only the denominator, 出库月销量 (订单跟踪30天); counting approvals by approval day and outbound units by outbound day in the same 30 days [D−30, D−1] is our reading',
  },
);

/** The logistics window `[D−30, D−1]`, by due day. */
export const LOGISTICS_WINDOW = sourced<WindowSpec>(
  { fromDaysBack: 30, toDaysBack: 1 },
  {
    tag: 'published',
    url: 'https://m.cnqd.net/hyzx/zixun/10072.html',
    note: 'platform-monitored metrics: 30 days; anchored on the due day',
  },
);

/** The default minimum sample: 10 cases (`assumption`). */
export const TEN_CASES = sourced(10, {
  tag: 'assumption',
  note: 'JD gives stores with too little data the industry average, but no source says how little: fewer than 10 cases (ratings, sessions, customers, reviews, orders, service orders, units)',
});

/** Weight of each consultation metric but the 30-second rate. */
export const CONSULTATION_OTHER = sourced(1, {
  tag: 'assumption',
  note: 'the five other consultation metrics share the other half of the module equally (1 each of 10)',
});

/** Weight of each of the two logistics indicators. */
export const LOGISTICS_INDICATOR = sourced(1, {
  tag: 'seed',
  seed: '000',
  note: '"two indicators to measure the store logistics score": same-day collection and next-day arrival, half each',
});

/** Equal weights within a module (`assumption`). */
export const EQUAL = sourced(1, {
  tag: 'assumption',
  note: 'JD does not publish metric weights within a module: equal weights',
});

/** Control points with their provenance. */
export const cp = (
  good: number,
  poor: number,
  source: Provenance,
  ...also: Provenance[]
): Sourced<CurveControlPoints> => sourced(Object.freeze({ good, poor }), source, ...also);

/** A `good` control point nobody publishes. */
export const goodPoint = (note: string): Provenance => ({
  tag: 'assumption',
  aspect: 'good point',
  note,
});
