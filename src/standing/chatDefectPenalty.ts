/**
 * The monthly 咚咚缺陷 chat defect penalty (`docs/sources.md`).
 *
 * Source: https://maibaba.cn/44948.html (`published`): with more than 10 ratings the
 * satisfaction must be above 85%; with more than 300 consultations the average response must
 * be below 40 s and the message rate below 50%. One failure costs 2 points, two 4, three 8.
 *
 * @module
 */
import { ArgumentError, expectObjectArgument, expectShapeArgument } from '../errors.js';
import { type ChatPenaltyRules, DEFAULT_CHAT_PENALTY_RULES } from '../rules/scoringDefaults.js';
import { above, below, checkFraction, checkNonNegative } from './_checks.js';

/** A failed chat check. */
export type ChatDefect = 'satisfaction' | 'average-response-time' | 'message-rate';

/** Input of {@link chatDefectPenalty}, for one month. */
export interface ChatDefectPenaltyOptions {
  /** Number of satisfaction ratings. */
  readonly ratings: number;
  /** Satisfied share of the ratings as a fraction; `null` when unknown. */
  readonly satisfaction: number | null;
  /** Number of consultations. */
  readonly consultations: number;
  /** Average response time in seconds; `null` when unknown. */
  readonly averageResponseSeconds: number | null;
  /** Message rate (留言率) as a fraction; `null` when unknown. */
  readonly messageRate: number | null;
}

/** Result of {@link chatDefectPenalty}. */
export interface ChatDefectPenalty {
  /** Points deducted: 0, 2, 4 or 8. */
  readonly points: number;
  /** The failed checks, in the order satisfaction, average response time, message rate. */
  readonly failures: ChatDefect[];
  /** Which checks were assessed (enough volume and a known value). */
  readonly assessed: {
    readonly satisfaction: boolean;
    readonly averageResponseTime: boolean;
    readonly messageRate: boolean;
  };
}

/**
 * The chat defect penalty of one month. Satisfaction is assessed only with more than 10
 * ratings and must then be above 85%; the average response time and the message rate only
 * with more than 300 consultations, and must then be below 40 s and below 50% (an average of
 * exactly 40 s fails). A check whose value is `null` is not assessed. 0/1/2/3 failures cost
 * 0/2/4/8 points.
 *
 * | check | assessed when | passes when |
 * |---|---|---|
 * | satisfaction | ratings > 10 | satisfaction > 85% |
 * | average response time | consultations > 300 | average < 40 s |
 * | message rate | consultations > 300 | rate < 50% |
 *
 * @throws {ArgumentError} when a count or duration is negative or a rate is not in [0, 1].
 *
 * @example
 * ```ts
 * chatDefectPenalty({ ratings: 11, satisfaction: 0.85, consultations: 301, averageResponseSeconds: 40, messageRate: 0.2 });
 * //=> { points: 4, failures: ['satisfaction', 'average-response-time'], assessed: { satisfaction: true, averageResponseTime: true, messageRate: true } }
 * chatDefectPenalty({ ratings: 10, satisfaction: 0.5, consultations: 300, averageResponseSeconds: 90, messageRate: 0.9 });
 * //=> { points: 0, failures: [], assessed: { satisfaction: false, averageResponseTime: false, messageRate: false } }
 * ```
 */
export function chatDefectPenalty(
  options: ChatDefectPenaltyOptions,
  rules: ChatPenaltyRules = DEFAULT_CHAT_PENALTY_RULES,
): ChatDefectPenalty {
  expectObjectArgument('chatDefectPenalty', 'the options', options);
  expectShapeArgument('chatDefectPenalty', 'the rules', rules, DEFAULT_CHAT_PENALTY_RULES);
  const fn = 'chatDefectPenalty';
  const { ratings, satisfaction, consultations, averageResponseSeconds, messageRate } = options;
  for (const [what, v] of [
    ['ratings', ratings],
    ['consultations', consultations],
  ] as const) {
    if (!Number.isFinite(v) || v < 0) {
      throw new ArgumentError(`${fn}: expected ${what} to be a count ≥ 0, found ${String(v)}`);
    }
  }
  checkFraction(fn, 'satisfaction', satisfaction);
  checkNonNegative(fn, 'averageResponseSeconds', averageResponseSeconds);
  checkFraction(fn, 'messageRate', messageRate);

  const enoughRatings = ratings > rules.minRatingsExclusive.value;
  const enoughConsultations = consultations > rules.minConsultationsExclusive.value;
  const assessed = {
    satisfaction: enoughRatings && satisfaction !== null,
    averageResponseTime: enoughConsultations && averageResponseSeconds !== null,
    messageRate: enoughConsultations && messageRate !== null,
  };
  const failures: ChatDefect[] = [];
  if (
    assessed.satisfaction &&
    !above(satisfaction as number, rules.minSatisfactionExclusive.value)
  ) {
    failures.push('satisfaction');
  }
  if (
    assessed.averageResponseTime &&
    !below(averageResponseSeconds as number, rules.maxAverageResponseSecondsExclusive.value)
  ) {
    failures.push('average-response-time');
  }
  if (assessed.messageRate && !below(messageRate as number, rules.maxMessageRateExclusive.value)) {
    failures.push('message-rate');
  }
  const table = rules.pointsByFailures.value;
  const points = table[Math.min(failures.length, table.length - 1)] ?? 0;
  return { points, failures, assessed };
}
