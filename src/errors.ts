/**
 * Errors thrown by the library. Every error extends {@link WeatherVaneError} and carries a
 * stable snake_case `code`.
 *
 * @module
 */

/** Stable error codes. */
export type WeatherVaneErrorCode = 'invalid_input' | 'invalid_rule_set' | 'invalid_argument';

/**
 * The brand every error of the library carries: a registered symbol, the same in every copy of
 * the library loaded in one process (its ESM and CommonJS builds, two installed versions), so
 * that `instanceof` and the `is…Error` guards recognise an error thrown by another copy.
 * @internal
 */
const ERROR_BRAND: unique symbol = Symbol.for('jd-weather-vane.error');

function branded(e: unknown, code?: WeatherVaneErrorCode): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const b = (e as { [ERROR_BRAND]?: unknown })[ERROR_BRAND];
  return b === true && (code === undefined || (e as { code?: unknown }).code === code);
}

/**
 * Base class of every error the library throws.
 *
 * @example
 * ```ts
 * let code: string | undefined;
 * try { parseStoreData({}); } catch (e) { if (e instanceof WeatherVaneError) code = e.code; }
 * code;
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
    Object.defineProperty(this, ERROR_BRAND, { value: true });
  }

  /** `instanceof` by brand, so that an error of another copy of the library is recognised. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value);
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
 * let path: string | undefined;
 * try { parseStoreData({ store: { id: 's' }, orders: [{ id: 'o1' }] }); }
 * catch (e) { if (e instanceof InvalidInputError) path = e.issues[0]?.path; }
 * path;
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

  /** `instanceof` by brand and code (see {@link isInvalidInputError}). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, 'invalid_input');
  }
}

/**
 * A rule set contradicts itself (negative weights, control points out of order, an unknown id).
 *
 * @example
 * ```ts
 * let code: string | undefined;
 * try { defineRuleSet({ moduleWeights: { disputes: -1 } }); } catch (e) { if (e instanceof RuleSetError) code = e.code; }
 * code;
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

  /** `instanceof` by brand and code. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, 'invalid_rule_set');
  }
}

/**
 * An argument of a function call is invalid (a malformed `asOf` day, `from` after `to`).
 *
 * @example
 * ```ts
 * let code: string | undefined;
 * try { evaluateStore(data, { asOf: '2026-13-01' }); } catch (e) { if (e instanceof ArgumentError) code = e.code; }
 * code;
 * //=> 'invalid_argument'
 * ```
 */
export class ArgumentError extends WeatherVaneError {
  constructor(message: string) {
    super('invalid_argument', `[jd-weather-vane] ${message}`);
    this.name = 'ArgumentError';
  }

  /** `instanceof` by brand and code. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return branded(value, 'invalid_argument');
  }
}

/**
 * Whether `e` is an error of this library (any copy of it: ESM and CommonJS builds loaded in
 * one process recognise each other's errors).
 *
 * @example
 * ```ts
 * let code: string | undefined;
 * try { parseStoreData(null); } catch (e) { if (isWeatherVaneError(e)) code = e.code; }
 * code;
 * //=> 'invalid_input'
 * isWeatherVaneError(new Error('x'));
 * //=> false
 * ```
 */
export function isWeatherVaneError(e: unknown): e is WeatherVaneError {
  return branded(e);
}

/**
 * Whether `e` is an {@link InvalidInputError} of any copy of this library (what `instanceof`
 * also answers, by the same brand).
 *
 * @example
 * ```ts
 * const r = (() => { try { return parseStoreData({ store: {} }); } catch (e) { return e; } })();
 * isInvalidInputError(r) ? r.issues[0]?.path : null;
 * //=> 'store.id'
 * ```
 */
export function isInvalidInputError(e: unknown): e is InvalidInputError {
  return branded(e, 'invalid_input');
}
