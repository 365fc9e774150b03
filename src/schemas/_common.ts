/**
 * Building blocks shared by the record schemas (private): ids, instants, money, enums, and the
 * wording of every message ("expected …, found …").
 *
 * @module
 */
import { z } from 'zod';
import { unknownKeyMessage } from '../_suggest.js';
import type { EpochMs, Rating } from '../model.js';
import {
  EARLIEST_INSTANT_MS,
  type InstantInput,
  LATEST_INSTANT_MS,
  quoteShort,
  SHANGHAI_OFFSET_MS,
  toEpochMs,
} from '../time/shanghai.js';

/** The raw issue a zod error map receives (only the fields we read). */
interface RawIssueLike {
  readonly code?: string;
  readonly input?: unknown;
}

/**
 * How a found value is shown in a message: strings quoted, `nothing` for a missing value.
 * Long strings are cut at 60 characters.
 */
export function describeValue(v: unknown): string {
  switch (typeof v) {
    case 'undefined':
      return 'nothing';
    case 'string':
      return quoteShort(v);
    // Stryker disable next-line ConditionalExpression: falling through to the boolean case answers String(v) all the same
    case 'number':
      return String(v);
    case 'boolean':
      return String(v);
    case 'bigint':
      return `${v}n`;
    case 'object':
      if (v === null) return 'null';
      if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'an Invalid Date' : v.toISOString();
      return Array.isArray(v) ? 'an array' : 'an object';
    default:
      return `a ${typeof v}`;
  }
}

/** `expected <what>, found <value>`. */
export function expectedFound(what: string, found: unknown): string {
  return `expected ${what}, found ${describeValue(found)}`;
}

/** A zod `error` option giving `expected <what>, found <input>` for every issue of the schema. */
export function expecting(what: string): { error: (iss: RawIssueLike) => string } {
  return { error: (iss) => expectedFound(what, iss.input) };
}

/** An instant shown in messages: Shanghai local time, milliseconds only when not zero. */
export function showInstant(ms: EpochMs): string {
  const iso = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  const ms3 = iso.slice(20, 23);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${ms3 === '000' ? '' : `.${ms3}`} (Shanghai)`;
}

/** A non-empty string id. */
export const idSchema = z
  .string(expecting('a non-empty string id'))
  .min(1, expecting('a non-empty string id'));

/** A non-empty string id, optional (absent, `undefined` or `null` mean none). */
export const optionalIdSchema = z
  .string(expecting('a non-empty string id or nothing'))
  .min(1, expecting('a non-empty string id or nothing'))
  .nullish();

/** An optional string (name, category level); absent, `undefined` or `null` mean none. */
export const optionalTextSchema = z.string(expecting('a string or nothing')).nullish();

function instantOrIssue(
  v: unknown,
  ctx: { issues: unknown[] },
  what: string,
): EpochMs | typeof z.NEVER {
  // Fast path: epoch ms in range.
  if (
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: a fast path: without it toEpochMs answers the same for every value
    typeof v === 'number' &&
    Number.isInteger(v) &&
    v >= EARLIEST_INSTANT_MS &&
    v < LATEST_INSTANT_MS
  ) {
    return v;
  }
  const r = v === undefined ? { error: expectedFound(what, v) } : toEpochMs(v);
  if (typeof r === 'number') return r;
  (ctx.issues as z.core.$ZodRawIssue[]).push({ code: 'custom', message: r.error, input: v });
  return z.NEVER;
}

/**
 * An instant: ISO-8601 with offset or `Z`, Shanghai local time without offset
 * (`2026-11-01 09:00:00`, `2026-11-01T09:00:00`, `2026/11/3 9:05`), epoch ms (integer) or a `Date`,
 * normalised to epoch ms. Rejects instants before 1992 or after 2099 (Shanghai).
 */
export const instantSchema = z.transform(
  (v: InstantInput, ctx): EpochMs =>
    instantOrIssue(v, ctx, 'an instant (ISO-8601 string, epoch ms or Date)'),
);

/** An optional instant: absent, `undefined` or `null` mean none. */
export const optionalInstantSchema = z
  .transform((v: InstantInput | null | undefined, ctx): EpochMs | undefined =>
    // Stryker disable next-line ConditionalExpression,StringLiteral: `.optional()` answers undefined before this runs, and `what` is read only for undefined
    v === null || v === undefined ? undefined : instantOrIssue(v, ctx, 'an instant'),
  )
  .optional();

const MONEY_WHAT = 'money in yuan with at most two decimals';
const MONEY = /^(\d+)(?:\.(\d*))?$/;

/**
 * Converts money in yuan to integer fen exactly, from the decimal digits (never multiplying
 * floats). Returns a message when the value is not money.
 */
export function yuanToFen(v: unknown): number | { error: string } {
  if (typeof v === 'number') {
    // `+ 0` turns -0 into 0.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a fast path: the decimal-string path gives the same fen for every integer it leaves
    if (Number.isInteger(v) && v >= 0 && v <= 90_000_000_000_000) return v * 100 + 0;
    if (!Number.isFinite(v)) return { error: expectedFound(`${MONEY_WHAT} (a finite number)`, v) };
    return fenOfDecimalString(String(v), v);
  }
  if (typeof v === 'string') return fenOfDecimalString(v.trim(), v);
  return { error: expectedFound(`${MONEY_WHAT} (a string or number)`, v) };
}

function fenOfDecimalString(s: string, raw: unknown): number | { error: string } {
  const m = MONEY.exec(s);
  if (m === null) {
    if (/^-\s*\d/.test(s)) return { error: expectedFound(`${MONEY_WHAT}, never negative`, raw) };
    return { error: expectedFound(`${MONEY_WHAT} (plain decimal digits, like "19.99")`, raw) };
  }
  const whole = m[1] as string;
  let frac = m[2] ?? '';
  if (frac.length > 2) {
    // Trailing zeros beyond the cents (an export's "19.9900") lose nothing.
    if (!/^0+$/.test(frac.slice(2))) return { error: expectedFound(MONEY_WHAT, raw) };
    frac = frac.slice(0, 2);
  }
  // Stryker disable next-line ConditionalExpression: ''.padEnd(2, '0') is '00', 0 all the same
  const fen = Number(whole) * 100 + (frac.length === 0 ? 0 : Number(frac.padEnd(2, '0')));
  if (!Number.isSafeInteger(fen))
    return { error: expectedFound(`${MONEY_WHAT}, at most 90 trillion`, raw) };
  return fen;
}

/** Money in yuan (string or number, at most two decimals, never negative) → integer fen. */
export const moneySchema = z.transform((v: string | number, ctx): number => {
  const r = yuanToFen(v);
  if (typeof r === 'number') return r;
  (ctx.issues as z.core.$ZodRawIssue[]).push({ code: 'custom', message: r.error, input: v });
  return z.NEVER;
});

/** An enum whose message lists the allowed values. */
export function enumOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, expecting(`${what}: one of ${values.map((x) => `"${x}"`).join(', ')}`));
}

/** An optional enum: absent, `undefined` or `null` mean none. */
export function optionalEnumOf<const T extends readonly [string, ...string[]]>(
  values: T,
  what: string,
) {
  return enumOf(values, what).nullish();
}

/** The five satisfaction levels, best first. */
export const RATINGS = [
  'very-satisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
  'very-dissatisfied',
] as const satisfies readonly Rating[];

/** An optional satisfaction rating. */
export const optionalRatingSchema = optionalEnumOf(RATINGS, 'a rating');

/** A boolean with a default for absent or `null`. */
export function booleanWithDefault(what: string, value: boolean) {
  return withDefault(z.boolean(expecting(`${what} as true or false`)), value);
}

/** `schema`, or `value` when absent or `null` (JSON exports write `null` for "not set"). */
export function withDefault<T extends z.ZodType>(schema: T, value: z.output<T>) {
  return schema.nullish().transform((v): z.output<T> => v ?? value);
}

/** One consistency problem of a record, found after its fields were parsed. */
export interface RecordProblem {
  /** The field the issue is about (the later event, or the missing one). */
  readonly field: string;
  readonly message: string;
}

/** Adds `problems` as zod issues on the record (each on its field). */
export function reportProblems(
  problems: readonly RecordProblem[],
  issues: unknown[],
  input: unknown,
): void {
  for (const p of problems) {
    (issues as z.core.$ZodRawIssue[]).push({
      code: 'custom',
      message: p.message,
      path: [p.field],
      input,
    });
  }
}

/** A parsed instant field, or `undefined` when absent or invalid (invalid ones have an issue already). */
export function ms(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/**
 * Checks `later` is not before `earlier` when both are known; pushes a problem on `laterField`.
 */
export function notBefore(
  out: RecordProblem[],
  record: object,
  laterField: string,
  earlierField: string,
): void {
  const r = record as Record<string, unknown>;
  const later = ms(r[laterField]);
  const earlier = ms(r[earlierField]);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a comparison with undefined is false, the guards' own answer
  if (later !== undefined && earlier !== undefined && later < earlier) {
    out.push({
      field: laterField,
      message: `expected ${laterField} at or after ${earlierField} (${showInstant(earlier)}), found ${showInstant(later)}: impossible order of events`,
    });
  }
}

/** Given: neither absent nor `null`. */
export function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/**
 * A `ratedAt` needs its `rating`: an instant with nothing rated is an incomplete record. A
 * `rating` without `ratedAt` is accepted: each record family dates it (a chat session at its
 * last message, a service order at its completion, else approval, else application, each as of
 * the evaluation day, from what has happened by then), an
 * `assumption` documented in docs/input.md.
 */
export function ratingProblems(s: {
  readonly rating?: unknown;
  readonly ratedAt?: unknown;
}): RecordProblem[] {
  const out: RecordProblem[] = [];
  const rating = present(s.rating);
  const ratedAt = present(s.ratedAt);
  if (ratedAt && !rating) {
    out.push({ field: 'rating', message: 'expected a rating with ratedAt, found nothing' });
  }
  return out;
}

/** Runs a record-level consistency check even when some fields failed (it skips those). */
export const ALWAYS = {
  when: (payload: { value: unknown }): boolean =>
    typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
};

/**
 * An object schema that reports every unknown key as an issue on that key ("expected a field of
 * an order object, found unknown "deliverdAt": did you mean "deliveredAt"?"), never dropping it
 * silently. The other fields are still checked, so one pass lists every problem.
 */
export function strictObject<T extends z.core.$ZodLooseShape>(
  shape: T,
  what: string,
  noun: string = what.replace(/ \{.*\}$/, ''),
) {
  const known = Object.keys(shape);
  const knownSet: ReadonlySet<string> = new Set(known);
  return z.looseObject(shape, expecting(what)).superRefine((v, ctx) => {
    for (const k of Object.keys(v)) {
      if (!knownSet.has(k))
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: unknownKeyMessage(k, known, noun),
          input: (v as Record<string, unknown>)[k],
        });
    }
  }, ALWAYS);
}

/** The message for a `__proto__` key: named, never dropped. */
export const PROTO_KEY_MESSAGE = 'expected a field of the object, found the key "__proto__"';

/**
 * The path of every own `__proto__` key in a JSON value, at any depth: `JSON.parse` keeps such
 * a key as an own property, and an object schema (zod's) would drop it unseen.
 */
export function protoKeyPaths(v: unknown): (string | number)[][] {
  // Iterative, each path kept as a link to its parent: a hostile caller's object may be
  // thousands of levels deep, or hold a cycle (walked once: JSON has none).
  interface Link {
    readonly key: string | number;
    readonly parent: Link | undefined;
  }
  const pathOf = (l: Link | undefined): (string | number)[] => {
    const p: (string | number)[] = [];
    for (let x = l; x !== undefined; x = x.parent) p.push(x.key);
    return p.reverse();
  };
  const out: (string | number)[][] = [];
  const seen = new WeakSet<object>();
  const stack: [unknown, Link | undefined][] = [[v, undefined]];
  while (stack.length > 0) {
    const [x, link] = stack.pop() as [unknown, Link | undefined];
    if (typeof x !== 'object' || x === null || seen.has(x)) continue;
    seen.add(x);
    const entries: [string | number, unknown][] = Array.isArray(x)
      ? Array.from(x, (y, i) => [i, y])
      : Object.keys(x).map((k) => [k, (x as Record<string, unknown>)[k]]);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, y] = entries[i] as [string | number, unknown];
      if (k === '__proto__') out.push(pathOf({ key: k, parent: link }));
      else stack.push([y, { key: k, parent: link }]);
    }
  }
  return out;
}

/** Every own `__proto__` key in a JSON value, at any depth, as an issue naming it. */
export function protoKeyIssues(v: unknown): { path: string; message: string }[] {
  return protoKeyPaths(v).map((p) => ({
    path: p.reduce<string>(
      (acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc === '' ? k : `${acc}.${k}`),
      '',
    ),
    message: PROTO_KEY_MESSAGE,
  }));
}
