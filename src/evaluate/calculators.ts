/**
 * The calculator of every metric: `(data, { asOf, ruleSet? })` → its {@link MetricResult} for
 * one evaluation day, measured (the metrics stage) and scored by the rule set's curve (the
 * scoring stage). `evaluateStore` measures every metric in one pass instead.
 *
 * A metric of the catalogue is measured and scored by `evaluateStore` without a line here; a
 * line here gives it a named calculator in the public API.
 *
 * @module
 */
import { type MeasuringRules, measureDay } from '../metrics/_calculate.js';
import { afterSalesDurationDefinition } from '../metrics/after-sales/afterSalesDuration.js';
import { afterSalesSatisfactionDefinition } from '../metrics/after-sales/afterSalesSatisfaction.js';
import { qualityRepairRateDefinition } from '../metrics/after-sales/qualityRepairRate.js';
import { repairRateDefinition } from '../metrics/after-sales/repairRate.js';
import { returnRateDefinition } from '../metrics/after-sales/returnRate.js';
import { returnSatisfactionDefinition } from '../metrics/after-sales/returnSatisfaction.js';
import { averageResponseTimeDefinition } from '../metrics/consultation/averageResponseTime.js';
import { conversionRateDefinition } from '../metrics/consultation/conversionRate.js';
import { facilitatedAmountShareDefinition } from '../metrics/consultation/facilitatedAmountShare.js';
import { messageRateDefinition } from '../metrics/consultation/messageRate.js';
import { presalesSatisfactionDefinition } from '../metrics/consultation/presalesSatisfaction.js';
import { responseRate30sDefinition } from '../metrics/consultation/responseRate30s.js';
import { disputeRateDefinition } from '../metrics/disputes/disputeRate.js';
import { averageDeliveryTimeDefinition } from '../metrics/logistics/averageDeliveryTime.js';
import { nextDayArrivalRateDefinition } from '../metrics/logistics/nextDayArrivalRate.js';
import { sameDayCollectionRateDefinition } from '../metrics/logistics/sameDayCollectionRate.js';
import { goodReviewRateDefinition } from '../metrics/reviews/goodReviewRate.js';
import { negativeReviewHandlingRate24hDefinition } from '../metrics/reviews/negativeReviewHandlingRate24h.js';
import { negativeReviewRateDefinition } from '../metrics/reviews/negativeReviewRate.js';
import { reviewSatisfactionScoreDefinition } from '../metrics/reviews/reviewSatisfactionScore.js';
import type {
  MeasuredDefinition,
  MetricDefinition,
  SupplementaryDefinition,
} from '../metrics/types.js';
import type { StoreData } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import { type MetricResult, scoreMetric } from '../scoring/metric.js';

/** Options of every metric calculator. */
export interface MetricOptions {
  /** The evaluation day D, `YYYY-MM-DD` (Shanghai). Its as-of instant is D 00:00 Asia/Shanghai. */
  readonly asOf: string;
  /** Rules to apply; {@link defaultRuleSet} by default. */
  readonly ruleSet?: RuleSet;
}

/** A metric calculator: `(data, { asOf, ruleSet? })` → its {@link MetricResult}. */
export type MetricCalculator<Id extends string = string> = (
  data: StoreData,
  options: MetricOptions,
) => MetricResult<Id>;

/** The calculator of a definition: measured, then scored by the curve (a supplementary metric has no score). */
function calculatorFor<Id extends string>(
  def: MeasuredDefinition<Id> & (MetricDefinition | SupplementaryDefinition),
): MetricCalculator<Id> {
  return (data, options) => {
    const ruleSet = options?.ruleSet ?? defaultRuleSet;
    const m = measureDay(def, data, options?.asOf, ruleSet as MeasuringRules);
    const score = 'windowOf' in def ? null : scoreMetric(m, { ruleSet }).score;
    return { ...m, score };
  };
}

/**
 * Calculates 售后时效, the average after-sales duration in hours.
 *
 * @example
 * ```ts
 * // Two approved service orders completed in the window, after 36 h and after 90 min:
 * const order = { id: 'o1', customerId: 'c1', placedAt: '2026-11-01 09:00:00', amount: 100 };
 * const repair = { orderId: 'o1', type: 'repair', reason: 'quality' };
 * const data = parseStoreData({ store: { id: 's' }, orders: [order], serviceOrders: [
 *   { ...repair, id: 'a', appliedAt: '2026-11-05 08:00:00', approvedAt: '2026-11-05 09:00:00', completedAt: '2026-11-06 20:00:00' },
 *   { ...repair, id: 'b', appliedAt: '2026-11-10 10:00:00', approvedAt: '2026-11-10 10:30:00', completedAt: '2026-11-10 11:30:00' },
 * ] });
 * afterSalesDuration(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '18.75'
 * // Completed in the window, but approved only at the as-of instant: not yet.
 * const lateApproval = parseStoreData({ store: { id: 's' }, orders: [order], serviceOrders: [
 *   { ...repair, id: 'a', appliedAt: '2026-11-20 08:00:00', approvedAt: '2026-11-23 00:00:00', completedAt: '2026-11-23 10:00:00' },
 * ] });
 * afterSalesDuration(lateApproval, { asOf: '2026-11-23' }).status;
 * //=> 'no-data'
 * ```
 */
export const afterSalesDuration = calculatorFor(afterSalesDurationDefinition);

/**
 * Calculates 售后满意度, the after-sales chat satisfaction.
 *
 * @example
 * ```ts
 * // A customer with an earlier order rates a chat "satisfied":
 * const data = parseStoreData({ store: { id: 's' },
 *   orders: [{ id: 'o1', customerId: 'c1', placedAt: '2026-11-01 09:00:00', amount: 100 }],
 *   chatSessions: [{ id: 's1', customerId: 'c1', rating: 'satisfied', ratedAt: '2026-11-10 10:05:00',
 *     messages: [{ from: 'customer', at: '2026-11-10 10:00:00' }, { from: 'agent', at: '2026-11-10 10:00:10' }] }] });
 * afterSalesSatisfaction(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '1'
 * ```
 */
export const afterSalesSatisfaction = calculatorFor(afterSalesSatisfactionDefinition);

/**
 * Calculates 产品质量返修率, the quality repair rate.
 *
 * @example
 * ```ts
 * // Approved in the window: one 'dead-on-arrival', one 'no-reason'; 4 outbound units:
 * const data = parseStoreData({ store: { id: 's' },
 *   orders: [{ id: 'o1', customerId: 'c1', placedAt: '2026-11-01 09:00:00', paidAt: '2026-11-01 09:00:00', amount: 400, units: 4, outboundAt: '2026-11-01 15:00:00' }],
 *   serviceOrders: [
 *     { id: 'a', orderId: 'o1', type: 'return', reason: 'dead-on-arrival', appliedAt: '2026-11-05 10:00:00', approvedAt: '2026-11-05 12:00:00' },
 *     { id: 'b', orderId: 'o1', type: 'return', reason: 'no-reason', appliedAt: '2026-11-05 10:00:00', approvedAt: '2026-11-05 12:00:00' },
 *   ] });
 * qualityRepairRate(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.25'
 * ```
 */
export const qualityRepairRate = calculatorFor(qualityRepairRateDefinition);

/**
 * Calculates 售后返修率, the after-sales repair rate.
 *
 * @example
 * ```ts
 * // 2 approved service orders (one on an order of 3 units: still 1) over 8 outbound units in [D−30, D−1]:
 * const paid = { customerId: 'c1', placedAt: '2026-11-01 09:00:00', paidAt: '2026-11-01 09:00:00', amount: 100 };
 * const orders = [
 *   { ...paid, id: 'o1', units: 3, outboundAt: '2026-11-01 15:00:00' },
 *   { ...paid, id: 'o2', units: 5, outboundAt: '2026-11-02 15:00:00' },
 * ];
 * const repair = { type: 'repair', reason: 'quality', appliedAt: '2026-11-05 10:00:00', approvedAt: '2026-11-05 12:00:00' };
 * const serviceOrders = [{ ...repair, id: 'a', orderId: 'o1' }, { ...repair, id: 'b', orderId: 'o2' }];
 * const data = parseStoreData({ store: { id: 's' }, orders, serviceOrders });
 * repairRate(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.25'
 * // Approvals but no outbound unit in the window:
 * const noOutbound = parseStoreData({ store: { id: 's' }, orders: orders.map(({ outboundAt, ...o }) => o), serviceOrders });
 * repairRate(noOutbound, { asOf: '2026-11-23' }).status;
 * //=> 'no-data'
 * ```
 */
export const repairRate = calculatorFor(repairRateDefinition);

/**
 * Calculates 退货率, the return rate.
 *
 * @example
 * ```ts
 * // Approved in the window: 1 return and 1 exchange; 5 outbound units:
 * const data = parseStoreData({ store: { id: 's' },
 *   orders: [{ id: 'o1', customerId: 'c1', placedAt: '2026-11-01 09:00:00', paidAt: '2026-11-01 09:00:00', amount: 500, units: 5, outboundAt: '2026-11-01 15:00:00' }],
 *   serviceOrders: [
 *     { id: 'a', orderId: 'o1', type: 'return', reason: 'no-reason', appliedAt: '2026-11-05 10:00:00', approvedAt: '2026-11-05 12:00:00' },
 *     { id: 'b', orderId: 'o1', type: 'exchange', reason: 'quality', appliedAt: '2026-11-05 10:00:00', approvedAt: '2026-11-05 12:00:00' },
 *   ] });
 * returnRate(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.2'
 * ```
 */
export const returnRate = calculatorFor(returnRateDefinition);

/**
 * Calculates 退货满意度, the satisfied share of rated returns.
 *
 * @example
 * ```ts
 * // Returns rated satisfied, very satisfied and neutral within [D−180, D−1]:
 * const order = { id: 'o1', customerId: 'c1', placedAt: '2026-05-01 09:00:00', amount: 100 };
 * const rated = (id: string, rating: string, ratedAt: string) =>
 *   ({ id, orderId: 'o1', type: 'return', reason: 'no-reason', appliedAt: '2026-05-02 10:00:00', rating, ratedAt });
 * const data = parseStoreData({ store: { id: 's' }, orders: [order], serviceOrders: [
 *   rated('a', 'satisfied', '2026-11-01 10:00:00'),
 *   rated('b', 'very-satisfied', '2026-11-02 10:00:00'),
 *   rated('c', 'neutral', '2026-11-03 10:00:00'),
 * ] });
 * returnSatisfaction(data, { asOf: '2026-11-23' }).value?.toFixed(4);
 * //=> '0.6667'
 * // A return rated on D−181 is out of the window:
 * const ratedLongAgo = parseStoreData({ store: { id: 's' }, orders: [order],
 *   serviceOrders: [rated('a', 'satisfied', '2026-05-26 10:00:00')] });
 * returnSatisfaction(ratedLongAgo, { asOf: '2026-11-23' }).status;
 * //=> 'no-data'
 * ```
 */
export const returnSatisfaction = calculatorFor(returnSatisfactionDefinition);

/**
 * Calculates 平均响应时长, the average response time in seconds.
 *
 * @example
 * ```ts
 * // One session at 10:00:00 answered by an agent at 10:00:12, evaluated 6+ days later:
 * const data = parseStoreData({ store: { id: 's' }, chatSessions: [{ id: 's1', customerId: 'c1',
 *   messages: [{ from: 'customer', at: '2026-11-10 10:00:00' }, { from: 'agent', at: '2026-11-10 10:00:12' }] }] });
 * averageResponseTime(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '12'
 * // No manual reply in the window:
 * averageResponseTime(emptyStore, { asOf: '2026-11-23' }).status;
 * //=> 'no-data'
 * ```
 */
export const averageResponseTime = calculatorFor(averageResponseTimeDefinition);

/**
 * Calculates 咨询转化率, the consultation conversion rate.
 *
 * @example
 * ```ts
 * // Two customers received; one ordered 3 h after chatting, the other's order was cancelled:
 * const chat = (id: string, customerId: string) => ({ id, customerId,
 *   messages: [{ from: 'customer', at: '2026-11-10 10:00:00' }, { from: 'agent', at: '2026-11-10 10:00:10' }] });
 * const data = parseStoreData({ store: { id: 's' },
 *   chatSessions: [chat('s1', 'c1'), chat('s2', 'c2')],
 *   orders: [
 *     { id: 'o1', customerId: 'c1', placedAt: '2026-11-10 13:00:00', amount: 100 },
 *     { id: 'o2', customerId: 'c2', placedAt: '2026-11-10 11:00:00', amount: 100, cancelledAt: '2026-11-10 12:00:00' },
 *   ] });
 * conversionRate(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.5'
 * ```
 */
export const conversionRate = calculatorFor(conversionRateDefinition);

/**
 * Calculates 促成金额占比, the facilitated amount share.
 *
 * @example
 * ```ts
 * // ¥100 ordered 2 h after a received pre-sales chat, ¥300 with no chat:
 * const data = parseStoreData({ store: { id: 's' },
 *   chatSessions: [{ id: 's1', customerId: 'c1',
 *     messages: [{ from: 'customer', at: '2026-11-10 10:00:00' }, { from: 'agent', at: '2026-11-10 10:00:10' }] }],
 *   orders: [
 *     { id: 'o1', customerId: 'c1', placedAt: '2026-11-10 12:00:00', amount: 100 },
 *     { id: 'o2', customerId: 'c2', placedAt: '2026-11-10 12:00:00', amount: 300 },
 *   ] });
 * facilitatedAmountShare(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.25'
 * ```
 */
export const facilitatedAmountShare = calculatorFor(facilitatedAmountShareDefinition);

/**
 * Calculates 留言率, the message rate.
 *
 * @example
 * ```ts
 * // 1 offline message and 3 consultations in assessment hours:
 * const session = (id: string, kind: string) =>
 *   ({ id, customerId: `c-${id}`, kind, messages: [{ from: 'customer', at: '2026-11-10 10:00:00' }] });
 * const data = parseStoreData({ store: { id: 's' }, chatSessions: [
 *   session('m1', 'offline-message'), session('s1', 'consultation'), session('s2', 'consultation'), session('s3', 'consultation'),
 * ] });
 * messageRate(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.25'
 * ```
 */
export const messageRate = calculatorFor(messageRateDefinition);

/**
 * Calculates 售前客服满意度, the pre-sales satisfied share.
 *
 * @example
 * ```ts
 * // 3 pre-sales sessions rated very satisfied, satisfied, neutral:
 * const rated = (id: string, rating: string) => ({ id, customerId: `c-${id}`, rating, ratedAt: '2026-11-10 10:05:00',
 *   messages: [{ from: 'customer', at: '2026-11-10 10:00:00' }, { from: 'agent', at: '2026-11-10 10:00:10' }] });
 * // orders: [] says the customers had no orders (so these chats are pre-sales); without the
 * // key, the stage would be unknown and the metric no-data, reason 'not-provided'.
 * const data = parseStoreData({ store: { id: 's' }, orders: [],
 *   chatSessions: [rated('s1', 'very-satisfied'), rated('s2', 'satisfied'), rated('s3', 'neutral')] });
 * presalesSatisfaction(data, { asOf: '2026-11-23' }).value?.toFixed(4);
 * //=> '0.6667'
 * ```
 */
export const presalesSatisfaction = calculatorFor(presalesSatisfactionDefinition);

/**
 * Calculates 30秒应答率, the 30-second response rate.
 *
 * @example
 * ```ts
 * // Replies after exactly 30 s and after 30.001 s:
 * const answered = (id: string, reply: string) => ({ id, customerId: `c-${id}`,
 *   messages: [{ from: 'customer', at: '2026-11-10T10:00:00.000+08:00' }, { from: 'agent', at: reply }] });
 * const data = parseStoreData({ store: { id: 's' }, orders: [], chatSessions: [
 *   answered('s1', '2026-11-10T10:00:30.000+08:00'), answered('s2', '2026-11-10T10:00:30.001+08:00'),
 * ] });
 * responseRate30s(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.5'
 * ```
 */
export const responseRate30s = calculatorFor(responseRate30sDefinition);

/**
 * Calculates 交易纠纷率, the dispute rate.
 *
 * @example
 * ```ts
 * // Four paid orders placed in the window; one dispute ruled merchant-responsible, one ruled
 * // shared whose appeal was upheld, one ruled at exactly the as-of instant (not known yet):
 * const paid = (id: string) =>
 *   ({ id, customerId: `c-${id}`, placedAt: '2026-11-01 09:00:00', paidAt: '2026-11-01 09:05:00', amount: 100 });
 * const data = parseStoreData({ store: { id: 's' },
 *   orders: [paid('o1'), paid('o2'), paid('o3'), paid('o4')],
 *   disputes: [
 *     { id: 'd1', orderId: 'o1', openedAt: '2026-11-05 10:00:00', ruling: 'merchant', ruledAt: '2026-11-08 10:00:00' },
 *     { id: 'd2', orderId: 'o2', openedAt: '2026-11-05 10:00:00', ruling: 'shared', ruledAt: '2026-11-08 10:00:00', appealUpheldAt: '2026-11-12 10:00:00' },
 *     { id: 'd3', orderId: 'o3', openedAt: '2026-11-05 10:00:00', ruling: 'merchant', ruledAt: '2026-11-23 00:00:00' },
 *   ] });
 * disputeRate(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.25'
 * ```
 */
export const disputeRate = calculatorFor(disputeRateDefinition);

/**
 * Calculates 平均妥投时长, the average delivery time in hours.
 *
 * @example
 * ```ts
 * // Two orders delivered 30 h and 42 h after payment:
 * const order = (id: string, deliveredAt: string) => ({ id, customerId: 'c1', placedAt: '2026-11-10 09:00:00',
 *   paidAt: '2026-11-10 10:00:00', amount: 100, collectedAt: '2026-11-10 15:00:00', deliveredAt });
 * const data = parseStoreData({ store: { id: 's' },
 *   orders: [order('o1', '2026-11-11 16:00:00'), order('o2', '2026-11-12 04:00:00')] });
 * averageDeliveryTime(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '36'
 * // No order delivered in the window:
 * averageDeliveryTime(emptyStore, { asOf: '2026-11-23' }).value;
 * //=> null
 * ```
 */
export const averageDeliveryTime = calculatorFor(averageDeliveryTimeDefinition);

/**
 * Calculates 次日达占比, the next-day arrival ratio.
 *
 * @example
 * ```ts
 * // Paid 2026-11-10 23:00, delivered 11-12 00:00:00.000 (1 ms late); paid 11-10 09:00,
 * // delivered 11-11 23:59:59.999: one of two in time.
 * const order = (id: string, paidAt: string, deliveredAt: string) =>
 *   ({ id, customerId: 'c1', placedAt: paidAt, paidAt, amount: 100, deliveredAt });
 * const data = parseStoreData({ store: { id: 's' }, orders: [
 *   order('o1', '2026-11-10T23:00:00+08:00', '2026-11-12T00:00:00.000+08:00'),
 *   order('o2', '2026-11-10T09:00:00+08:00', '2026-11-11T23:59:59.999+08:00'),
 * ] });
 * nextDayArrivalRate(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.5'
 * // With the 隔日达 variant (arrivalDays 2) both are in time:
 * const twoDayRuleSet = defineRuleSet({ logistics: { arrivalDays: 2 } });
 * nextDayArrivalRate(data, { asOf: '2026-11-23', ruleSet: twoDayRuleSet }).value?.toString();
 * //=> '1'
 * ```
 */
export const nextDayArrivalRate = calculatorFor(nextDayArrivalRateDefinition);

/**
 * Calculates 当日揽收率, the same-day collection rate.
 *
 * @example
 * ```ts
 * // Paid 2026-11-10 16:00 (due 11-11), collected 11-11 23:59:59.999; paid 11-10 15:59:59.999
 * // (due 11-10), collected 11-11 00:00: one of two in time.
 * const order = (id: string, paidAt: string, collectedAt: string) =>
 *   ({ id, customerId: 'c1', placedAt: '2026-11-10T09:00:00+08:00', paidAt, amount: 100, collectedAt });
 * const data = parseStoreData({ store: { id: 's' }, orders: [
 *   order('o1', '2026-11-10T16:00:00.000+08:00', '2026-11-11T23:59:59.999+08:00'),
 *   order('o2', '2026-11-10T15:59:59.999+08:00', '2026-11-11T00:00:00.000+08:00'),
 * ] });
 * sameDayCollectionRate(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.5'
 * sameDayCollectionRate(emptyStore, { asOf: '2026-11-23' }).status;
 * //=> 'no-data'
 * ```
 */
export const sameDayCollectionRate = calculatorFor(sameDayCollectionRateDefinition);

/**
 * Calculates 好评率, the good review rate (supplementary: used by the 放心购 tag).
 *
 * @example
 * ```ts
 * // 24 five-star reviews and one 1-star review in the window, each by its own customer:
 * const stars = [...Array<number>(24).fill(5), 1];
 * const data = parseStoreData({ store: { id: 's' }, reviews: stars.map((s, i) =>
 *   ({ id: `r${i}`, customerId: `c${i}`, createdAt: '2026-11-10 10:00:00', stars: s })) });
 * goodReviewRate(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.96'
 * ```
 */
export const goodReviewRate = calculatorFor(goodReviewRateDefinition);

/**
 * Calculates 24小时中差评处理率, the 24-hour medium and negative review handling rate.
 *
 * @example
 * ```ts
 * // Two 1-star reviews whose deadlines fell in [D−30, D−1]: one replied exactly 24 h after
 * // creation (in time), the other 24 h + 1 ms after (late).
 * const review = (id: string, repliedAt: string) =>
 *   ({ id, customerId: `c-${id}`, createdAt: '2026-11-10T10:00:00.000+08:00', stars: 1, repliedAt });
 * const data = parseStoreData({ store: { id: 's' }, reviews: [
 *   review('r1', '2026-11-11T10:00:00.000+08:00'), review('r2', '2026-11-11T10:00:00.001+08:00'),
 * ] });
 * negativeReviewHandlingRate24h(data, { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.5'
 * // A review created on D−1 has its deadline on D: not in the window yet.
 * const recent = parseStoreData({ store: { id: 's' },
 *   reviews: [{ id: 'r1', customerId: 'c1', createdAt: '2026-11-22 10:00:00', stars: 1 }] });
 * negativeReviewHandlingRate24h(recent, { asOf: '2026-11-23' }).status;
 * //=> 'no-data'
 * ```
 */
export const negativeReviewHandlingRate24h = calculatorFor(negativeReviewHandlingRate24hDefinition);

/**
 * Calculates 差评率, the negative review rate.
 *
 * @example
 * ```ts
 * // One customer wrote 21 one-star reviews and another one five-star review in the window:
 * // only the first customer's latest 20 count, so 20 / 21.
 * const reviews = [
 *   ...Array.from({ length: 21 }, (_, i) =>
 *     ({ id: `r${i}`, customerId: 'c1', createdAt: `2026-11-${String(i + 1).padStart(2, '0')} 10:00:00`, stars: 1 })),
 *   { id: 'r99', customerId: 'c2', createdAt: '2026-11-10 10:00:00', stars: 5 },
 * ];
 * negativeReviewRate(parseStoreData({ store: { id: 's' }, reviews }), { asOf: '2026-11-23' }).value?.toString();
 * //=> '0.9523809523809523809523809523809523809524'
 * // No review created in [D−90, D−1]:
 * negativeReviewRate(emptyStore, { asOf: '2026-11-23' }).status;
 * //=> 'no-data'
 * ```
 */
export const negativeReviewRate = calculatorFor(negativeReviewRateDefinition);

/**
 * Calculates 商品评价满意度, the review satisfaction score (points, 0–10).
 *
 * @example
 * ```ts
 * // Stars 5×80, 4×10, 3×5, 2×3, 1×2 created in [D−30, D−1], 100 customers:
 * const stars = [5, 4, 3, 2, 1].flatMap((s, i) => Array<number>([80, 10, 5, 3, 2][i] ?? 0).fill(s));
 * const data = parseStoreData({ store: { id: 's' }, reviews: stars.map((s, i) =>
 *   ({ id: `r${i}`, customerId: `c${i}`, createdAt: '2026-11-10 10:00:00', stars: s })) });
 * const r = reviewSatisfactionScore(data, { asOf: '2026-11-23' });
 * [r.numerator.toString(), r.denominator.toString(), r.value?.toString()];
 * //=> ['926', '100', '9.26']
 * // A review created at D 00:00 has not happened yet and changes nothing.
 * ```
 */
export const reviewSatisfactionScore = calculatorFor(reviewSatisfactionScoreDefinition);
