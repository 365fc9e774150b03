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

/** A value in a message about a wrong-typed argument. */
function describeArgument(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object' && v !== null) return 'an object';
  if (typeof v === 'bigint') return `${v}n`;
  return String(v);
}

/**
 * Throws an {@link ArgumentError} unless `v` is an object (not an array, not `null`): a
 * JavaScript caller without types may pass anything, and gets the library's error, not a
 * `TypeError` from deep inside. `undefined` passes when `optional`.
 *
 * @internal
 */
export function expectObjectArgument(fn: string, name: string, v: unknown, optional = false): void {
  if (optional && v === undefined) return;
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new ArgumentError(`${fn}: expected ${name} as an object, found ${describeArgument(v)}`);
}

/**
 * Throws an {@link ArgumentError} unless `v` is a finite number (or `null` when `nullable`).
 *
 * @internal
 */
export function expectNumberArgument(fn: string, name: string, v: unknown, nullable = false): void {
  if (nullable && v === null) return;
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new ArgumentError(
      `${fn}: expected ${name} as a finite number${nullable ? ' or null' : ''}, found ${describeArgument(v)}`,
    );
}

/**
 * Throws an {@link ArgumentError} unless `v` is an array.
 *
 * @internal
 */
export function expectArrayArgument(fn: string, name: string, v: unknown): void {
  if (!Array.isArray(v))
    throw new ArgumentError(`${fn}: expected ${name} as an array, found ${describeArgument(v)}`);
}

/**
 * Throws an {@link ArgumentError} unless `v` is a string.
 *
 * @internal
 */
export function expectStringArgument(fn: string, name: string, v: unknown): void {
  if (typeof v !== 'string')
    throw new ArgumentError(`${fn}: expected ${name} as a string, found ${describeArgument(v)}`);
}

/**
 * The first place where `v` does not have the shape of `template` (an object where it has an
 * object, a list where it has a list, a number, string or boolean where it has one; provenance
 * `source`/`also` and keys the template lacks are not checked), or `undefined`.
 */
function shapeProblem(v: unknown, template: unknown, path: string): string | undefined {
  if (template === null || template === undefined) return undefined;
  if (Array.isArray(template)) {
    if (!Array.isArray(v)) return `${path}: expected a list, found ${describeArgument(v)}`;
    if (template.length === 0) return undefined;
    for (let i = 0; i < v.length; i++) {
      const p = shapeProblem(v[i], template[0], `${path}[${i}]`);
      if (p !== undefined) return p;
    }
    return undefined;
  }
  if (typeof template === 'object') {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return `${path}: expected an object, found ${describeArgument(v)}`;
    for (const [k, t] of Object.entries(template)) {
      if (k === 'source' || k === 'also') continue;
      const p = shapeProblem(
        (v as Record<string, unknown>)[k],
        t,
        path === '' ? k : `${path}.${k}`,
      );
      if (p !== undefined) return p;
    }
    return undefined;
  }
  if (typeof v !== typeof template)
    return `${path}: expected a ${typeof template}, found ${describeArgument(v)}`;
  return undefined;
}

/** The objects found of each template's shape already. */
const shapesChecked = new WeakMap<object, WeakSet<object>>();

/**
 * Throws an {@link ArgumentError} unless `v` has the shape of `template` (see `shapeProblem`):
 * rules given by a JavaScript caller are read without a `TypeError` once they pass.
 *
 * @internal
 */
export function expectShapeArgument(fn: string, name: string, v: unknown, template: object): void {
  // Rule sets are read-only data checked on every scoring call: check each object once.
  let seen = shapesChecked.get(template);
  if (typeof v === 'object' && v !== null && seen?.has(v)) return;
  const p = shapeProblem(v, template, '');
  if (p === undefined && typeof v === 'object' && v !== null) {
    if (seen === undefined) {
      seen = new WeakSet();
      shapesChecked.set(template, seen);
    }
    seen.add(v);
  }
  if (p !== undefined)
    throw new ArgumentError(
      `${fn}: expected ${name} shaped as the default's, ${p.startsWith(':') ? p.slice(2) : `at ${p}`}`,
    );
}

const isDecimalLike = (v: unknown): boolean =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as { toNumber?: unknown }).toNumber === 'function';

/**
 * Throws an {@link ArgumentError} unless `v` looks like a metric result: an object with its
 * status, unit and direction, exact decimals for numerator and denominator, and an exact value
 * or `null`.
 *
 * @internal
 */
export function expectMeasurement(fn: string, v: unknown, name = 'the metric result'): void {
  expectObjectArgument(fn, name, v);
  const m = v as Record<string, unknown>;
  const bad = !['ok', 'too-little-data', 'no-data'].includes(m.status as string)
    ? 'status'
    : typeof m.unit !== 'string'
      ? 'unit'
      : typeof m.direction !== 'string'
        ? 'direction'
        : !isDecimalLike(m.numerator)
          ? 'numerator'
          : !isDecimalLike(m.denominator)
            ? 'denominator'
            : m.value !== null && !isDecimalLike(m.value)
              ? 'value'
              : undefined;
  if (bad !== undefined)
    throw new ArgumentError(
      `${fn}: expected ${name} as a metric result (a Measurement: status, unit, direction, exact numerator, denominator and value), found ${describeArgument(m[bad])} as its ${bad}`,
    );
}
