/**
 * The monthly chat figures the chat defect penalty (咚咚缺陷) assesses: satisfaction (pre- and
 * after-sales ratings together), average response time, message rate and consultations (in
 * assessment hours) of the sessions that started in a calendar month, as of the first day of
 * the next month.
 *
 * @module
 */
import { ArgumentError } from '../errors.js';
import {
  type MeasuringRules,
  measurementFromSums,
  measureSlots,
  slotOf,
} from '../metrics/_calculate.js';
import { afterSalesSatisfactionDefinition } from '../metrics/after-sales/afterSalesSatisfaction.js';
import { averageResponseTimeDefinition } from '../metrics/consultation/averageResponseTime.js';
import { messageRateDefinition } from '../metrics/consultation/messageRate.js';
import { presalesSatisfactionDefinition } from '../metrics/consultation/presalesSatisfaction.js';
import type { Measurement } from '../metrics/types.js';
import type { StoreData } from '../model.js';
import { defaultRuleSet, type RuleSet } from '../ruleset/ruleSet.js';
import { chatDefectPenalty } from '../standing/chatDefectPenalty.js';
import type { MonthlyChatFigures, MonthlyChatPenalty } from '../standing/standing.js';
import { type MonthRange, monthKeyOf, monthStartDay } from '../time/month.js';
import { tryParseDayKey } from '../time/shanghai.js';
import type { WindowSpec } from '../time/window.js';

/** The four metrics the penalty assesses, in the order of {@link chatMonthFigures}. */
export const CHAT_MONTH_DEFINITIONS = [
  presalesSatisfactionDefinition,
  afterSalesSatisfactionDefinition,
  averageResponseTimeDefinition,
  messageRateDefinition,
] as const;

/** The window of a month as of its assessment day (the first of the next month). */
export function monthWindow(month: MonthRange): WindowSpec {
  return { fromDaysBack: month.end - month.first, toDaysBack: 1 };
}

const num = (m: Measurement) => (m.value === null ? null : m.value.toNumber());

/** The monthly figures from the month's four measurements. */
export function chatMonthFigures(
  month: MonthRange,
  [pre, after, art, mr]: readonly Measurement[],
): MonthlyChatFigures {
  const p = pre as Measurement;
  const a = after as Measurement;
  const m = mr as Measurement;
  const ratedNum = p.numerator.plus(a.numerator);
  const ratedDen = p.denominator.plus(a.denominator);
  return {
    month: monthKeyOf(month.first),
    figures: {
      ratings: ratedDen.toNumber(),
      satisfaction: ratedDen.isZero() ? null : ratedNum.div(ratedDen).toNumber(),
      // The message rate's denominator counts consultations and offline messages, its
      // numerator the offline messages (docs/metrics.md): the difference is the consultations.
      consultations: m.denominator.minus(m.numerator).toNumber(),
      averageResponseSeconds: num(art as Measurement),
      messageRate: num(m),
    },
  };
}

/** Measures a month's chat figures as of its assessment day. */
export function measureChatMonth(
  data: StoreData,
  rules: MeasuringRules,
  month: MonthRange,
): MonthlyChatFigures {
  const window = monthWindow(month);
  const slots = CHAT_MONTH_DEFINITIONS.map((d) => slotOf(d, rules, window));
  const run = measureSlots(data, slots, rules, month.end, month.end);
  return chatMonthFigures(
    month,
    CHAT_MONTH_DEFINITIONS.map((d, slot) => measurementFromSums(d, run, slot, 0, rules, window)),
  );
}

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
  // The first day of the next month: 31 days on is always in it.
  const month = { first, end: monthStartDay(first + 31) };
  const chatMonth = measureChatMonth(data, rules, month);
  return { ...chatMonth, ...chatDefectPenalty(chatMonth.figures, rules.chatPenalty) };
}
