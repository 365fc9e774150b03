/**
 * The monthly chat figures the chat defect penalty (咚咚缺陷) assesses: satisfaction (pre- and
 * after-sales ratings together), average response time, message rate and consultations (in
 * assessment hours) of the sessions that started in a calendar month, as of the first day of
 * the next month.
 *
 * @module
 */

import type { EngineResult, EngineSlot } from '../engine/types.js';
import { ArgumentError, expectObjectArgument } from '../errors.js';
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
import { lastCompleteMonth, type MonthRange, monthKeyOf, monthStartDay } from '../time/month.js';
import { type DayNumber, tryParseDayKey } from '../time/shanghai.js';
import type { WindowSpec } from '../time/window.js';

/** The four metrics the penalty assesses, in the order of {@link chatMonthFigures}. */
export const CHAT_MONTH_DEFINITIONS = [
  presalesSatisfactionDefinition,
  afterSalesSatisfactionDefinition,
  averageResponseTimeDefinition,
  messageRateDefinition,
] as const;

/** The month window of evaluation day `day`, as a rolling window (for the result's `window`). */
function monthWindowOf(day: DayNumber): WindowSpec {
  const month = lastCompleteMonth(day);
  return { fromDaysBack: day - month.first, toDaysBack: day - month.end + 1 };
}

/** The engine slots of the month's four figures: each metric over the last complete month. */
export function chatMonthSlots(rules: MeasuringRules): EngineSlot[] {
  return CHAT_MONTH_DEFINITIONS.map((d) => slotOf(d, rules, 'previous-calendar-month'));
}

/**
 * The chat figures of the last complete month before day `fromDay + i` of an engine run whose
 * slots `firstSlot…firstSlot + 3` are {@link chatMonthSlots}.
 */
export function chatMonthFromRun(
  run: EngineResult,
  firstSlot: number,
  i: number,
  rules: MeasuringRules,
): MonthlyChatFigures {
  const day = run.fromDay + i;
  const window = monthWindowOf(day);
  return chatMonthFigures(
    lastCompleteMonth(day),
    CHAT_MONTH_DEFINITIONS.map((d, k) =>
      measurementFromSums(d, run, firstSlot + k, i, rules, window),
    ),
  );
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
  expectObjectArgument('chatDefectPenaltyForMonth', 'the options { month, ruleSet? }', options);
  const rules = options.ruleSet ?? defaultRuleSet;
  const m = /^(\d{4})-(\d{2})$/.exec(options.month ?? '');
  const first = m ? tryParseDayKey(`${m[1]}-${m[2]}-01`) : undefined;
  if (first === undefined)
    throw new ArgumentError(`Expected month as YYYY-MM, found ${JSON.stringify(options.month)}`);
  // Measured as of the first day of the next month (31 days on is always in it).
  const assessed = monthStartDay(first + 31);
  const run = measureSlots(data, chatMonthSlots(rules), rules, assessed, assessed);
  const chatMonth = chatMonthFromRun(run, 0, 0, rules);
  return { ...chatMonth, ...chatDefectPenalty(chatMonth.figures, rules.chatPenalty) };
}
