/**
 * Errors thrown by the library. Every error extends {@link WeatherVaneError} and carries a
 * stable snake_case `code`.
 *
 * @module
 */

/** Stable error codes. */
export type WeatherVaneErrorCode = 'invalid_input' | 'invalid_rule_set' | 'invalid_argument';

/**
 * Base class of every error the library throws.
 *
 * @example
 * ```ts
 * try { parseStoreData({}); } catch (e) { if (e instanceof WeatherVaneError) e.code; }
 * //=> 'invalid_input'
 * ```
 */
export class WeatherVaneError extends Error {
  /** Stable machine-readable code. */
  readonly code: WeatherVaneErrorCode;
  constructor(code: WeatherVaneErrorCode, message: string) {
    super(message);
    this.name = 'WeatherVaneError';
    this.code = code;
  }
}

/** One problem found in the input: where (`orders[12].paidAt`) and what. */
export interface InputIssue {
  /** Path into the input, like `orders[12].paidAt`; `''` for the root. */
  readonly path: string;
  /** What was expected and what was found. */
  readonly message: string;
}

/**
 * The input data is invalid. `issues` lists **every** problem found, not only the first.
 *
 * @example
 * ```ts
 * try { parseStoreData({ store: { id: 's' }, orders: [{ id: 'o1' }] }); }
 * catch (e) { (e as InvalidInputError).issues[0].path; }
 * //=> 'orders[0].customerId'
 * ```
 */
export class InvalidInputError extends WeatherVaneError {
  /** Every problem found. */
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[], what = 'store data') {
    const shown = issues.slice(0, 20).map((i) => `  - ${i.path || '(root)'}: ${i.message}`);
    const more = issues.length > 20 ? [`  … and ${issues.length - 20} more`] : [];
    super(
      'invalid_input',
      [`[jd-weather-vane] Invalid ${what}: ${issues.length} issue(s)`, ...shown, ...more].join(
        '\n',
      ),
    );
    this.name = 'InvalidInputError';
    this.issues = issues;
  }
}

/**
 * A rule set contradicts itself (negative weights, control points out of order, an unknown id).
 *
 * @example
 * ```ts
 * try { defineRuleSet({ moduleWeights: { disputes: -1 } }); } catch (e) { (e as RuleSetError).code; }
 * //=> 'invalid_rule_set'
 * ```
 */
export class RuleSetError extends WeatherVaneError {
  /** Each problem, with the path of the rule set field. */
  readonly issues: readonly InputIssue[];
  constructor(issues: readonly InputIssue[]) {
    super(
      'invalid_rule_set',
      [
        `[jd-weather-vane] Invalid rule set: ${issues.length} issue(s)`,
        ...issues.map((i) => `  - ${i.path}: ${i.message}`),
      ].join('\n'),
    );
    this.name = 'RuleSetError';
    this.issues = issues;
  }
}

/**
 * An argument of a function call is invalid (a malformed `asOf` day, `from` after `to`).
 *
 * @example
 * ```ts
 * try { evaluateStore(data, { asOf: '2026-13-01' }); } catch (e) { (e as ArgumentError).code; }
 * //=> 'invalid_argument'
 * ```
 */
export class ArgumentError extends WeatherVaneError {
  constructor(message: string) {
    super('invalid_argument', `[jd-weather-vane] ${message}`);
    this.name = 'ArgumentError';
  }
}
