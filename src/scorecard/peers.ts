/**
 * The peers file: values of stores of the same category, to score and rank against. Checked
 * like store records: every issue at once, each with its path, unknown keys and ids with the
 * name they resemble, every value in the range and unit its list holds.
 *
 * @module
 */
import { z } from 'zod';
import { didYouMean, unknownKeyMessage } from '../_suggest.js';
import { type InputIssue, InvalidInputError } from '../errors.js';
import { type MetricUnit, MODULE_IDS, type ModuleId } from '../ids.js';
import { getMetricDefinition, type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import { expectedFound } from '../schemas/_common.js';
import { tryParseDayKey } from '../time/shanghai.js';

/**
 * Values of stores of the same category (主营二级类目), to score and rank against. Each list
 * holds other stores' values, not the store's own.
 */
export interface PeerData {
  /** The category the peers belong to (informational). */
  readonly category?: string;
  /** The evaluation day the peers' values are for, `YYYY-MM-DD` (informational). */
  readonly asOf?: string;
  /**
   * Peers' weather-vane **totals** (composite plus 放心购 bonus, 0–10, what JD ranks by), for the
   * ranking rate; the name is kept from JD's 综合得分 for compatibility.
   */
  readonly composites?: readonly number[];
  /** Peers' module scores (0–10) by module id, for the module rankings. */
  readonly modules?: Partial<Record<ModuleId, readonly number[]>>;
  /**
   * Peers' metric values by metric id, in the metric's unit (ratios as fractions 0–1, so 3.2%
   * is `0.032`; seconds and hours ≥ 0; points 0–10), for percentile scores.
   */
  readonly metrics?: Partial<Record<MetricId, readonly number[]>>;
}

const PEER_KEYS = ['category', 'asOf', 'composites', 'modules', 'metrics'] as const;
const METRIC_IDS: readonly string[] = metricCatalogue.map((m) => m.id);

/**
 * The range and wording of a value in a unit (peer values, values read off JD's back-end).
 *
 * @internal
 */
export interface ValueRule {
  readonly what: string;
  readonly min: number;
  readonly max: number;
  /** For ratios: a value in (1, 100] looks like a percentage. */
  readonly fraction?: boolean;
}

const SCORE: ValueRule = { what: 'a score from 0 to 10', min: 0, max: 10 };
/** @internal The range of a value of each unit. */
export const UNIT_RULES: Readonly<Record<MetricUnit, ValueRule>> = {
  ratio: { what: 'a ratio as a fraction from 0 to 1', min: 0, max: 1, fraction: true },
  seconds: { what: 'a duration in seconds, at least 0', min: 0, max: Number.POSITIVE_INFINITY },
  hours: { what: 'a duration in hours, at least 0', min: 0, max: Number.POSITIVE_INFINITY },
  points: { what: 'points from 0 to 10', min: 0, max: 10 },
};

type Path = readonly (string | number)[];

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** @internal What is wrong with a value for its rule, or `undefined`. */
export function valueIssue(v: unknown, rule: ValueRule): string | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) return expectedFound(rule.what, v);
  if (v >= rule.min && v <= rule.max) return undefined;
  if (rule.fraction === true && v > 1 && v <= 100) {
    return `expected ${rule.what} (${v}% is ${+(v / 100).toPrecision(12)}), found ${v}`;
  }
  return expectedFound(rule.what, v);
}

function checkList(
  v: unknown,
  path: Path,
  listWhat: string,
  rule: ValueRule,
  out: { path: Path; message: string }[],
): void {
  if (!Array.isArray(v)) {
    out.push({ path, message: expectedFound(`${listWhat} as an array of ${rule.what}`, v) });
    return;
  }
  v.forEach((x, i) => {
    const message = valueIssue(x, rule);
    if (message !== undefined) out.push({ path: [...path, i], message });
  });
}

/** Every problem of a peers object, zod-style paths. */
function peerProblems(input: unknown): { path: Path; message: string }[] {
  const out: { path: Path; message: string }[] = [];
  if (!isPlainObject(input)) {
    out.push({
      path: [],
      message: expectedFound(
        'peer data as an object { category?, asOf?, composites?, modules?, metrics? }',
        input,
      ),
    });
    return out;
  }
  for (const k of Object.keys(input)) {
    if (!(PEER_KEYS as readonly string[]).includes(k))
      out.push({ path: [k], message: unknownKeyMessage(k, PEER_KEYS, 'peer data') });
  }
  const { category, asOf, composites, modules, metrics } = input;
  if (category !== undefined && typeof category !== 'string')
    out.push({ path: ['category'], message: expectedFound('the category as a string', category) });
  if (asOf !== undefined && (typeof asOf !== 'string' || tryParseDayKey(asOf) === undefined))
    out.push({ path: ['asOf'], message: expectedFound('the day as YYYY-MM-DD', asOf) });
  if (composites !== undefined)
    checkList(composites, ['composites'], "composites (peers' totals)", SCORE, out);
  if (modules !== undefined) {
    if (!isPlainObject(modules)) {
      out.push({
        path: ['modules'],
        message: expectedFound('modules as an object { <module id>: [scores] }', modules),
      });
    } else {
      for (const [id, list] of Object.entries(modules)) {
        if (!(MODULE_IDS as readonly string[]).includes(id)) {
          const hint = didYouMean(id, MODULE_IDS);
          out.push({
            path: ['modules', id],
            message: `expected a module id${hint === '' ? ` (${MODULE_IDS.join(', ')})` : ''}, found unknown ${JSON.stringify(id)}${hint}`,
          });
        } else checkList(list, ['modules', id], `the ${id} module's scores`, SCORE, out);
      }
    }
  }
  if (metrics !== undefined) {
    if (!isPlainObject(metrics)) {
      out.push({
        path: ['metrics'],
        message: expectedFound('metrics as an object { <metric id>: [values] }', metrics),
      });
    } else {
      for (const [id, list] of Object.entries(metrics)) {
        const def = getMetricDefinition(id);
        if (def === undefined) {
          const hint = didYouMean(id, METRIC_IDS);
          out.push({
            path: ['metrics', id],
            message: `expected a metric id of the catalogue${hint === '' ? ' (see metricCatalogue)' : ''}, found unknown ${JSON.stringify(id)}${hint}`,
          });
        } else {
          const rule = UNIT_RULES[def.unit];
          checkList(list, ['metrics', id], `${id} values`, rule, out);
        }
      }
    }
  }
  return out;
}

function formatPeerPath(path: Path): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s === '' ? p : `.${p}`;
  return s;
}

/**
 * Every problem of a peers object as {@link InputIssue}s (empty when it is valid): unknown keys
 * and ids (with the name they resemble), lists that are not arrays, and values outside their
 * range: composites (peers' totals) and module scores 0–10, metric values in the metric's unit
 * (ratios as fractions 0–1, where 3.2 for 3.2% is named as such; seconds and hours ≥ 0;
 * points 0–10).
 *
 * @example
 * ```ts
 * peerDataIssues({ composites: [11], metrics: { 'reviews.negative-rate': [3.2] } });
 * //=> [{ path: 'composites[0]', message: 'expected a score from 0 to 10, found 11' },
 * //    { path: 'metrics.reviews.negative-rate[0]',
 * //      message: 'expected a ratio as a fraction from 0 to 1 (3.2% is 0.032), found 3.2' }]
 * ```
 */
export function peerDataIssues(input: unknown): InputIssue[] {
  return peerProblems(input).map((p) => ({ path: formatPeerPath(p.path), message: p.message }));
}

/**
 * zod schema of {@link PeerData}: `{ category?, composites?, modules?, metrics? }`, checked as
 * {@link peerDataIssues} says (the same issues, with zod paths).
 *
 * @example
 * ```ts
 * peerDataSchema.safeParse({ composites: [9.1, 8.7] }).success;
 * //=> true
 * peerDataSchema.safeParse({ composites: [-3] }).success;
 * //=> false
 * ```
 */
export const peerDataSchema: z.ZodType<PeerData, unknown> = z.unknown().transform((v, ctx) => {
  for (const p of peerProblems(v))
    ctx.issues.push({ code: 'custom', path: [...p.path], message: p.message, input: v });
  return v as PeerData;
});

/**
 * Validates a peers object; throws {@link InvalidInputError} listing every issue at once
 * (see {@link peerDataIssues}). Returns the same object, typed.
 *
 * @example
 * ```ts
 * parsePeerData({ metrics: { 'reviews.negative-rate': [0.01, 0.02] } }).metrics?.['reviews.negative-rate'];
 * //=> [0.01, 0.02]
 * parsePeerData({ modules: { review: [9] } }); // throws InvalidInputError:
 * //   modules.review: expected a module id, found unknown "review": did you mean "reviews"?
 * ```
 */
export function parsePeerData(input: unknown): PeerData {
  const issues = peerDataIssues(input);
  if (issues.length > 0) throw new InvalidInputError(issues, 'peer data');
  return input as PeerData;
}
