/**
 * Scorecards read back from JSON: `score --json` output, a card saved by a caller, or a card
 * edited by hand, checked field by field and turned back into a scorecard (decimal strings into
 * exact decimals) that `whatIf` and `pathToTarget` accept.
 *
 * @module
 */
import type { Decimal } from 'decimal.js';
import { z } from 'zod';
import { unknownKeyMessage } from '../_suggest.js';
import { Dec } from '../decimal.js';
import { type InputIssue, InvalidInputError } from '../errors.js';
import type { Scorecard } from '../evaluate/evaluate.js';
import { MODULE_IDS } from '../ids.js';
import { getMetricDefinition, metricCatalogue } from '../metrics/catalogue.js';
import type { Store } from '../model.js';
import { ruleSetFingerprint } from '../ruleset/fingerprint.js';
import type { RuleSet } from '../ruleset/ruleSet.js';
import { expectedFound, protoKeyIssues } from '../schemas/_common.js';
import { STORE_DATA_COLLECTIONS, storeSchema } from '../schemas/storeData.js';
import { tryParseDayKey } from '../time/shanghai.js';

const METRIC_IDS: readonly string[] = metricCatalogue.map((m) => m.id);
const CARD_KEYS = [
  'store',
  'asOf',
  'ruleSetId',
  'scoredWith',
  'metrics',
  'modules',
  'composite',
  'bonus',
  'total',
  'goodReviewRate',
  'standing',
  'warnings',
] as const;
const RESULT_KEYS = [
  'id',
  'module',
  'unit',
  'direction',
  'status',
  'value',
  'numerator',
  'denominator',
  'window',
  'score',
  'source',
  'versusAverage',
  'valueOnly',
  'sample',
  'reason',
  'notProvided',
  'industryAverage',
  'scoredAt',
] as const;
const STANDING_KEYS = [
  'rankingRate',
  'moduleRankings',
  'moduleLabels',
  'stars',
  'badge',
  'unverified',
  'goodShop',
  'assuredPurchaseTag',
  'warmShopkeeper',
  'chatPenalty',
  'consumerWarnings',
  'activityGate',
  'notAssessed',
] as const;
/** A decimal as `Decimal#toJSON` writes it (plain or exponent notation), or a plain number. */
const DECIMAL_STRING = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collects issues with their paths while a card is read. */
class Reader {
  readonly issues: InputIssue[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  /** The object at `path`, its unknown keys (and a `__proto__` key, never dropped) named. */
  object(
    v: unknown,
    path: string,
    what: string,
    keys: readonly string[],
  ): Record<string, unknown> | undefined {
    if (!isObject(v)) {
      this.add(path, expectedFound(what, v));
      return undefined;
    }
    for (const k of Object.keys(v))
      if (!keys.includes(k)) this.add(join(path, k), unknownKeyMessage(k, keys, what));
    return v;
  }

  /** A required field that is missing is named as missing. */
  present(o: Record<string, unknown>, key: string, path: string, what: string): boolean {
    if (Object.hasOwn(o, key) && o[key] !== undefined) return true;
    this.add(join(path, key), `expected ${what}, found nothing`);
    return false;
  }

  /** A finite number in `[min, max]` (or `null` when allowed). */
  number(v: unknown, path: string, min: number, max: number, nullable: boolean): void {
    if (nullable && v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      this.add(
        path,
        expectedFound(
          `a number from ${min} to ${max === Number.MAX_VALUE ? '∞' : max}${nullable ? ' or null' : ''}`,
          v,
        ),
      );
  }

  boolean(v: unknown, path: string): void {
    if (typeof v !== 'boolean') this.add(path, expectedFound('true or false', v));
  }

  string(v: unknown, path: string): void {
    if (typeof v !== 'string' || v === '') this.add(path, expectedFound('a non-empty string', v));
  }

  oneOf(v: unknown, path: string, allowed: readonly unknown[]): void {
    if (!allowed.includes(v))
      this.add(
        path,
        expectedFound(`one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, v),
      );
  }

  /** An exact decimal: a `Decimal`, a finite number or a decimal string; `undefined` if none. */
  decimal(v: unknown, path: string, nonNegative: boolean): Decimal | undefined {
    let d: Decimal | undefined;
    if (Dec.isDecimal(v)) d = new Dec(v as Decimal);
    else if (typeof v === 'number' && Number.isFinite(v)) d = new Dec(v);
    else if (typeof v === 'string' && DECIMAL_STRING.test(v.trim())) d = new Dec(v.trim());
    if (d === undefined || !d.isFinite() || (nonNegative && d.isNegative())) {
      this.add(
        path,
        expectedFound(
          `a ${nonNegative ? 'finite decimal ≥ 0' : 'finite decimal'} (a number or a decimal string such as "0.85")`,
          v,
        ),
      );
      return undefined;
    }
    return d;
  }

  dayKey(v: unknown, path: string): void {
    if (typeof v !== 'string' || tryParseDayKey(v) === undefined)
      this.add(path, expectedFound('a day as YYYY-MM-DD', v));
  }

  array(v: unknown, path: string, what: string): readonly unknown[] {
    // Array.from visits holes too (a deleted element is named, not skipped).
    if (Array.isArray(v)) return Array.from(v);
    this.add(path, expectedFound(what, v));
    return [];
  }
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

interface ResultShape {
  readonly id: string;
  readonly module: string;
  readonly unit: string;
  readonly direction: string;
}

/** One metric result, its decimals made exact. */
function readResult(r: Reader, v: unknown, path: string, def: ResultShape): object | undefined {
  const o = r.object(v, path, `the result of ${def.id}`, RESULT_KEYS);
  if (o === undefined) return undefined;
  for (const k of ['id', 'module', 'unit', 'direction'] as const)
    if (o[k] !== def[k]) r.add(join(path, k), expectedFound(JSON.stringify(def[k]), o[k]));
  r.oneOf(o.status, join(path, 'status'), ['ok', 'too-little-data', 'no-data']);
  const numerator = r.decimal(o.numerator, join(path, 'numerator'), true);
  const denominator = r.decimal(o.denominator, join(path, 'denominator'), true);
  let value: Decimal | null = null;
  if (o.status === 'no-data') {
    if (o.value !== null)
      r.add(join(path, 'value'), expectedFound('null (status no-data)', o.value));
  } else if (o.value === null || o.value === undefined) {
    if (o.status !== undefined)
      r.add(join(path, 'value'), expectedFound(`a value (status ${String(o.status)})`, o.value));
  } else {
    value = r.decimal(o.value, join(path, 'value'), false) ?? null;
  }
  const w = r.object(o.window, join(path, 'window'), 'a window { from, to }', ['from', 'to']);
  if (w !== undefined) {
    r.dayKey(w.from, join(path, 'window.from'));
    r.dayKey(w.to, join(path, 'window.to'));
  }
  if (!Object.hasOwn(o, 'score'))
    r.add(join(path, 'score'), 'expected a score or null, found nothing');
  else r.number(o.score, join(path, 'score'), 0, 10, true);
  if (o.source !== undefined) r.oneOf(o.source, join(path, 'source'), ['values']);
  if (o.valueOnly !== undefined) r.oneOf(o.valueOnly, join(path, 'valueOnly'), [true]);
  // The sample the minimum-sample rule read, when it is not the denominator (null: none known).
  let sample: Decimal | null | undefined;
  if (o.sample === null) sample = null;
  else if (o.sample !== undefined) sample = r.decimal(o.sample, join(path, 'sample'), true);
  if (o.reason !== undefined)
    r.oneOf(o.reason, join(path, 'reason'), ['not-provided', 'not-given']);
  if (o.notProvided !== undefined)
    r.array(o.notProvided, join(path, 'notProvided'), 'a list of collections').forEach((c, i) => {
      r.oneOf(c, `${join(path, 'notProvided')}[${i}]`, STORE_DATA_COLLECTIONS);
    });
  if (o.industryAverage !== undefined)
    r.number(o.industryAverage, join(path, 'industryAverage'), 0, Number.MAX_VALUE, false);
  if (o.scoredAt !== undefined)
    r.oneOf(o.scoredAt, join(path, 'scoredAt'), ['industry-average', 'peers-mean']);
  if (o.versusAverage !== undefined) {
    const a = r.object(o.versusAverage, join(path, 'versusAverage'), 'versusAverage', [
      'average',
      'difference',
      'comparison',
    ]);
    if (a !== undefined) {
      r.number(a.average, join(path, 'versusAverage.average'), 0, Number.MAX_VALUE, false);
      r.number(
        a.difference,
        join(path, 'versusAverage.difference'),
        -Number.MAX_VALUE,
        Number.MAX_VALUE,
        false,
      );
      r.oneOf(a.comparison, join(path, 'versusAverage.comparison'), ['better', 'worse', 'equal']);
    }
  }
  return { ...o, value, numerator, denominator, ...(sample === undefined ? {} : { sample }) };
}

/** A module's score and its metrics' contributions. */
function readModule(r: Reader, v: unknown, path: string, id: string): void {
  const o = r.object(v, path, `the module ${id}`, [
    'id',
    'name',
    'score',
    'weight',
    'metrics',
    'noData',
  ]);
  if (o === undefined) return;
  if (o.noData !== undefined) r.oneOf(o.noData, join(path, 'noData'), [true]);
  if (o.id !== id) r.add(join(path, 'id'), expectedFound(JSON.stringify(id), o.id));
  const name = r.object(o.name, join(path, 'name'), 'a name { zh, en }', ['zh', 'en']);
  if (name !== undefined) {
    r.string(name.zh, join(path, 'name.zh'));
    r.string(name.en, join(path, 'name.en'));
  }
  r.number(o.score, join(path, 'score'), 0, 10, true);
  r.number(o.weight, join(path, 'weight'), 0, 1, false);
  r.array(o.metrics, join(path, 'metrics'), 'a list of metric contributions').forEach((c, i) => {
    const p = `${path}.metrics[${i}]`;
    const m = r.object(c, p, 'a metric contribution', [
      'id',
      'name',
      'score',
      'method',
      'weight',
      'pointsLost',
    ]);
    if (m === undefined) return;
    if (getMetricDefinition(String(m.id))?.module !== id)
      r.add(join(p, 'id'), expectedFound(`a metric id of module ${id}`, m.id));
    r.number(m.score, join(p, 'score'), 0, 10, true);
    r.oneOf(m.method, join(p, 'method'), [
      'peers',
      'industry-average',
      'peers-mean',
      'curve',
      'too-little-data',
      'none',
    ]);
    r.number(m.weight, join(p, 'weight'), 0, 1, false);
    r.number(m.pointsLost, join(p, 'pointsLost'), 0, 10, false);
  });
}

/** The standing: what whatIf reads checked exactly, the rest for its shape. */
function readStanding(r: Reader, v: unknown): void {
  const s = r.object(v, 'standing', 'the standing', STANDING_KEYS);
  if (s === undefined) return;
  r.number(s.rankingRate, 'standing.rankingRate', 0, 1, true);
  for (const key of ['moduleRankings', 'moduleLabels'] as const) {
    const o = r.object(s[key], `standing.${key}`, `${key} by module id`, MODULE_IDS);
    if (o === undefined) continue;
    for (const [m, x] of Object.entries(o))
      if (key === 'moduleRankings') r.number(x, `standing.${key}.${m}`, 0, 1, true);
      else r.oneOf(x, `standing.${key}.${m}`, ['高', '中', '低']);
  }
  r.number(s.stars, 'standing.stars', 0, 5, true);
  r.oneOf(s.badge, 'standing.badge', ['good-shop', null]);
  r.array(s.unverified, 'standing.unverified', 'a list of unverified requirements').forEach(
    (u, i) => {
      const o = r.object(u, `standing.unverified[${i}]`, 'an unverified requirement', [
        'fact',
        'neededFor',
      ]);
      if (o !== undefined) {
        r.string(o.fact, `standing.unverified[${i}].fact`);
        r.array(o.neededFor, `standing.unverified[${i}].neededFor`, 'a list of outcomes');
      }
    },
  );
  const g = r.object(s.goodShop, 'standing.goodShop', 'Good Shop eligibility', [
    'eligible',
    'reasons',
    'unverified',
  ]);
  if (g !== undefined) {
    r.boolean(g.eligible, 'standing.goodShop.eligible');
    r.array(g.reasons, 'standing.goodShop.reasons', 'a list of reasons');
    r.array(g.unverified, 'standing.goodShop.unverified', 'a list of facts');
  }
  for (const key of ['assuredPurchaseTag', 'warmShopkeeper', 'activityGate'] as const)
    r.boolean(s[key], `standing.${key}`);
  const c = r.object(s.chatPenalty, 'standing.chatPenalty', 'the chat penalty', [
    'month',
    'figures',
    'points',
    'failures',
    'assessed',
  ]);
  if (c !== undefined) {
    if (typeof c.month !== 'string' || !/^\d{4}-\d{2}$/.test(c.month))
      r.add('standing.chatPenalty.month', expectedFound('a month as YYYY-MM', c.month));
    const f = r.object(c.figures, 'standing.chatPenalty.figures', 'the month’s chat figures', [
      'ratings',
      'satisfaction',
      'consultations',
      'averageResponseSeconds',
      'messageRate',
    ]);
    if (f !== undefined) {
      const p = 'standing.chatPenalty.figures';
      r.number(f.ratings, `${p}.ratings`, 0, Number.MAX_VALUE, false);
      r.number(f.satisfaction, `${p}.satisfaction`, 0, 1, true);
      r.number(f.consultations, `${p}.consultations`, 0, Number.MAX_VALUE, false);
      r.number(f.averageResponseSeconds, `${p}.averageResponseSeconds`, 0, Number.MAX_VALUE, true);
      r.number(f.messageRate, `${p}.messageRate`, 0, 1, true);
    }
    r.number(c.points, 'standing.chatPenalty.points', 0, 100, false);
    r.array(c.failures, 'standing.chatPenalty.failures', 'a list of failed checks');
    r.object(c.assessed, 'standing.chatPenalty.assessed', 'the checks assessed', [
      'satisfaction',
      'averageResponseTime',
      'messageRate',
    ]);
  }
  r.array(s.consumerWarnings, 'standing.consumerWarnings', 'a list of consumer warnings').forEach(
    (w, i) => {
      if (!isObject(w))
        r.add(`standing.consumerWarnings[${i}]`, expectedFound('a warning object', w));
    },
  );
  if (s.notAssessed !== undefined)
    r.array(s.notAssessed, 'standing.notAssessed', 'a list of module ids').forEach((m, i) => {
      r.oneOf(m, `standing.notAssessed[${i}]`, MODULE_IDS);
    });
}

/** The card's warnings (a collection not provided…): their shape. */
function readWarnings(r: Reader, v: unknown): void {
  r.array(v, 'warnings', 'a list of warnings').forEach((w, i) => {
    const o = r.object(w, `warnings[${i}]`, 'a warning', [
      'code',
      'collection',
      'metrics',
      'message',
    ]);
    if (o === undefined) return;
    r.oneOf(o.code, `warnings[${i}].code`, ['not-provided']);
    r.oneOf(o.collection, `warnings[${i}].collection`, STORE_DATA_COLLECTIONS);
    r.array(o.metrics, `warnings[${i}].metrics`, 'a list of metric ids').forEach((m, j) => {
      r.oneOf(m, `warnings[${i}].metrics[${j}]`, METRIC_IDS);
    });
    r.string(o.message, `warnings[${i}].message`);
  });
}

/**
 * Every problem of a scorecard read back from JSON, and the card with exact decimals.
 *
 * @internal
 */
export function readScorecard(input: unknown): { issues: InputIssue[]; card: Scorecard } {
  const r = new Reader();
  const o =
    r.object(
      input,
      '',
      'a scorecard (from evaluateStore, scoreValues or score --json)',
      CARD_KEYS,
    ) ?? {};
  const out: Record<string, unknown> = { ...o };
  for (const k of CARD_KEYS)
    if (k !== 'standing' && k !== 'warnings' && isObject(input))
      r.present(o, k, '', `the scorecard's ${k}`);
  if (o.store !== undefined) {
    const s = storeSchema.safeParse(o.store);
    if (s.success) out.store = s.data as Store;
    else
      for (const i of s.error.issues) r.add(['store', ...i.path.map(String)].join('.'), i.message);
  }
  if (o.asOf !== undefined) r.dayKey(o.asOf, 'asOf');
  if (o.ruleSetId !== undefined) r.string(o.ruleSetId, 'ruleSetId');
  if (o.scoredWith !== undefined) {
    const w = r.object(o.scoredWith, 'scoredWith', 'what the card was scored with', [
      'ruleSet',
      'peers',
      'ranking',
      'industryAverages',
    ]);
    if (w !== undefined) {
      const rs = r.object(w.ruleSet, 'scoredWith.ruleSet', 'the rule set { id, fingerprint }', [
        'id',
        'fingerprint',
      ]);
      if (rs !== undefined) {
        r.string(rs.id, 'scoredWith.ruleSet.id');
        if (typeof rs.fingerprint !== 'string' || !/^[0-9a-f]{16}$/.test(rs.fingerprint))
          r.add('scoredWith.ruleSet.fingerprint', expectedFound('16 hex digits', rs.fingerprint));
      }
      for (const k of ['peers', 'ranking', 'industryAverages'] as const)
        r.boolean(w[k], `scoredWith.${k}`);
    }
  }
  if (o.metrics !== undefined) {
    const m = r.object(o.metrics, 'metrics', 'the metrics by id', METRIC_IDS);
    if (m !== undefined) {
      const metrics: Record<string, unknown> = {};
      for (const def of metricCatalogue) {
        if (!r.present(m, def.id, 'metrics', `the result of ${def.id}`)) continue;
        metrics[def.id] = readResult(r, m[def.id], `metrics.${def.id}`, def);
      }
      out.metrics = metrics;
    }
  }
  if (o.modules !== undefined) {
    const m = r.object(o.modules, 'modules', 'the modules by id', MODULE_IDS);
    if (m !== undefined)
      for (const id of MODULE_IDS)
        if (r.present(m, id, 'modules', `the module ${id}`))
          readModule(r, m[id], `modules.${id}`, id);
  }
  if (o.composite !== undefined) r.number(o.composite, 'composite', 0, 10, true);
  if (o.total !== undefined) r.number(o.total, 'total', 0, 10, true);
  if (o.bonus !== undefined) {
    const b = r.object(o.bonus, 'bonus', 'the 放心购 bonus { points, active, counted }', [
      'points',
      'active',
      'counted',
    ]);
    if (b !== undefined) {
      r.number(b.points, 'bonus.points', 0, 10, false);
      r.array(b.active, 'bonus.active', 'a list of 放心购 service ids').forEach((s, i) => {
        r.string(s, `bonus.active[${i}]`);
      });
      if (!Number.isInteger(b.counted) || (b.counted as number) < 0)
        r.add('bonus.counted', expectedFound('a whole number ≥ 0', b.counted));
    }
  }
  if (o.goodReviewRate !== undefined)
    out.goodReviewRate = readResult(r, o.goodReviewRate, 'goodReviewRate', {
      id: 'reviews.good-rate',
      module: 'reviews',
      unit: 'ratio',
      direction: 'higher-is-better',
    });
  if (o.standing !== undefined) readStanding(r, o.standing);
  if (o.warnings !== undefined) readWarnings(r, o.warnings);
  // A `__proto__` key is named wherever it is (the store's schema would drop it unseen).
  const named = new Set(r.issues.map((i) => i.path));
  for (const i of protoKeyIssues(input)) if (!named.has(i.path)) r.issues.push(i);
  return { issues: r.issues, card: out as unknown as Scorecard };
}

/** Options of {@link parseScorecard}. */
export interface ParseScorecardOptions {
  /**
   * The rule set the card must have been scored with: a card whose `scoredWith.ruleSet`
   * fingerprint is another's is refused.
   */
  readonly ruleSet?: RuleSet;
}

/**
 * Reads a scorecard back from JSON (`JSON.parse` of `score --json` output, or of
 * `JSON.stringify(card)`): every field checked, decimals given as strings or numbers made
 * exact again. The result is accepted by `whatIf` and `pathToTarget` as the card itself is.
 *
 * @throws {InvalidInputError} listing every problem with its path: a missing metric or module,
 * a field of the wrong type (`metrics.<id>.score` as a string), a number that is not finite, an
 * unknown key (a `__proto__` key included), and, with `options.ruleSet`, a card scored under
 * another rule set (`scoredWith.ruleSet`).
 *
 * @example
 * ```ts
 * const card = evaluateStore(data, { asOf: '2026-11-23' });
 * const back = parseScorecard(JSON.parse(JSON.stringify(card)));
 * back.metrics['consultation.response-rate-30s'].value?.equals(card.metrics['consultation.response-rate-30s'].value ?? 0);
 * //=> true
 * parseScorecard({ ...JSON.parse(JSON.stringify(card)), total: 'NaN' }); // throws InvalidInputError:
 * //   total: expected a number from 0 to 10 or null, found "NaN"
 * ```
 */
export function parseScorecard(input: unknown, options: ParseScorecardOptions = {}): Scorecard {
  const { issues, card } = readScorecard(input);
  if (issues.length === 0 && options.ruleSet !== undefined) {
    const want = ruleSetFingerprint(options.ruleSet);
    if (card.scoredWith.ruleSet.fingerprint !== want)
      issues.push({
        path: 'scoredWith.ruleSet',
        message: `expected a card scored with the rule set ${JSON.stringify(options.ruleSet.id)} (fingerprint ${want}), found ${JSON.stringify(card.scoredWith.ruleSet.id)} (fingerprint ${card.scoredWith.ruleSet.fingerprint})`,
      });
  }
  if (issues.length > 0) throw new InvalidInputError(issues, 'scorecard');
  return card;
}

/**
 * zod schema of a scorecard read back from JSON, checked and converted as
 * {@link parseScorecard} does (the same issues, with zod paths).
 *
 * @example
 * ```ts
 * scorecardSchema.safeParse(JSON.parse(JSON.stringify(card))).success;
 * //=> true
 * scorecardSchema.safeParse({ asOf: '2026-11-23' }).success;
 * //=> false
 * ```
 */
export const scorecardSchema: z.ZodType<Scorecard, unknown> = z.unknown().transform((v, ctx) => {
  const { issues, card } = readScorecard(v);
  for (const i of issues)
    ctx.issues.push({
      code: 'custom',
      path: i.path === '' ? [] : i.path.split('.'),
      message: i.message,
      input: v,
    });
  return card;
});
