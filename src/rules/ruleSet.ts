/**
 * Rule sets: every rule-set-specific number (windows, hours, weights, curves, tables, bonus
 * points) as data. A new JD rule generation is a new object, not new code (DESIGN.md).
 *
 * @module
 */
import {
  DEFAULT_CHAT_RULES,
  DEFAULT_LOGISTICS_RULES,
  DEFAULT_REVIEW_RULES,
  DEFAULT_WINDOWS,
  type MeasurementRules,
} from './measurementDefaults.js';

/** A complete rule set. */
export interface RuleSet extends MeasurementRules {
  /** Stable id, like `jd-2020-09`. */
  readonly id: string;
  /** Human-readable description of the rule generation. */
  readonly description: string;
}

/**
 * The default rule set: the seed articles' rules, with published notices where the seeds are
 * silent and documented assumptions where both are (DOMAIN.md).
 *
 * @example
 * ```ts
 * defaultRuleSet.windows['consultation.response-rate-30s'].value;
 * //=> { fromDaysBack: 35, toDaysBack: 6 }
 * ```
 */
export const defaultRuleSet: RuleSet = {
  id: 'jd-default',
  description:
    'JD weather vane as described by the seed articles, completed by published JD rule notices (2018–2023) and documented assumptions',
  windows: DEFAULT_WINDOWS,
  chat: DEFAULT_CHAT_RULES,
  reviews: DEFAULT_REVIEW_RULES,
  logistics: DEFAULT_LOGISTICS_RULES,
};
