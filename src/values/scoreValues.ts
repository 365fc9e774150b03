/**
 * Scorecards from the numbers a merchant already sees: each metric's value as JD's back-end
 * shows it (or its numerator and denominator, or its value with its sample size), scored by the
 * very stages `evaluateStore` uses after measuring.
 *
 * @module
 */
import { z } from 'zod';
import { didYouMean, unknownKeyMessage } from '../_suggest.js';
import { Dec } from '../decimal.js';
import {
  expectObjectArgument,
  expectShapeArgument,
  type InputIssue,
  InvalidInputError,
} from '../errors.js';
import type { Scorecard } from '../evaluate/evaluate.js';
import { MODULE_IDS } from '../ids.js';
import { getMetricDefinition, type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import type { Measurement, MetricDefinition } from '../metrics/types.js';
import type { AssuredService, AssuredServiceId, Store } from '../model.js';
import { defaultRuleSet, RULE_SET_SHAPE, type RuleSet } from '../ruleset/ruleSet.js';
import { expectedFound, protoKeyIssues } from '../schemas/_common.js';
import { knownServiceIds } from '../schemas/assuredService.js';
import { storeSchema } from '../schemas/storeData.js';
import { industryAveragesIssues } from '../scorecard/industryAverages.js';
import { type PeerData, parsePeerData, UNIT_RULES, valueIssue } from '../scorecard/peers.js';
import { hasPeerLists, scoreDay } from '../scorecard/scorecard.js';
import type { MetricResult } from '../scoring/metric.js';
import {
  computeStanding,
  type GoodShopFacts,
  type MonthlyChatFigures,
  type RankingInput,
} from '../standing/standing.js';
import { lastCompleteMonth, monthKeyOf } from '../time/month.js';
import { type DayNumber, dayStartMs, tryParseDayKey } from '../time/shanghai.js';
import { resolveWindow } from '../time/window.js';

/**
 * A metric's value as read off JD's back-end: the value alone (in the metric's unit: ratios as
 * fractions, 3.2% is `0.032`), its numerator and denominator (counts; for an average, the total
 * and the count; with `sample` when the metric's sample is not its denominator: the facilitated
 * amount share divides money, its sample is the received pre-sales consultations), or its value
 * with the sample it rests on. The minimum-sample rule applies only where a sample is given (the
 * denominator counts as one, but for the facilitated amount share): a value alone, or the
 * facilitated share's amounts without `sample`, is never `'too-little-data'` and shows no basis.
 */
export type MetricValueInput =
  | number
  | {
      readonly numerator: number | string;
      readonly denominator: number | string;
      /** The sample when it is not the denominator (the facilitated amount share's consultations). */
      readonly sample?: number | string;
    }
  | { readonly value: number; readonly sample: number };

/** What {@link scoreValues} scores. */
export interface StoreValues {
  /** The store (default `{ id: 'values' }`). */
  readonly store?: Store;
  /** The evaluation day the values are for, `YYYY-MM-DD`: it places the windows and the bonus. */
  readonly asOf: string;
  /** The values by metric id; a metric left out is `no-data`, `reason: 'not-given'` (never scored at an average). */
  readonly metrics: Readonly<Partial<Record<MetricId, MetricValueInput>>>;
  /** 好评率, for the 放心购 tag. */
  readonly goodReviewRate?: MetricValueInput;
  /** The 放心购 services open on the evaluation day. */
  readonly services?: readonly AssuredServiceId[];
  /** Industry averages (行业均值) by metric id: each metric then says better or worse, and by how much. */
  readonly industryAverages?: Readonly<Partial<Record<MetricId, number>>>;
  /** Category peers: percentile scores, and the ranking. */
  readonly peers?: PeerData;
  /** A ranking read from JD instead of computed from peers. */
  readonly ranking?: RankingInput;
  /** Facts the standing reads: Good Shop facts, and the last complete month's chat figures. */
  readonly facts?: {
    readonly goodShop?: GoodShopFacts;
    readonly chatMonth?: MonthlyChatFigures['figures'];
  };
}

/** Options of {@link scoreValues}. */
export interface ScoreValuesOptions {
  /** Rules; the default rule set by default. */
  readonly ruleSet?: RuleSet;
}

const KEYS = [
  'store',
  'asOf',
  'metrics',
  'goodReviewRate',
  'services',
  'industryAverages',
  'peers',
  'ranking',
  'facts',
] as const;
const METRIC_IDS: readonly string[] = metricCatalogue.map((m) => m.id);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const finiteAtLeast0 = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;
/** A count or total ≥ 0: a finite number, or a decimal string (exact, as a scorecard prints it). */
const amount = (v: unknown) =>
  finiteAtLeast0(v) || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v));

/** What is wrong with one metric value input. */
export function metricValueIssues(
  v: unknown,
  path: string,
  def: Pick<MetricDefinition, 'unit' | 'id'>,
): InputIssue[] {
  const rule = UNIT_RULES[def.unit];
  if (typeof v === 'number') {
    const m = valueIssue(v, rule);
    return m === undefined ? [] : [{ path, message: m }];
  }
  if (!isObject(v)) {
    return [
      {
        path,
        message: expectedFound(`${rule.what}, { numerator, denominator } or { value, sample }`, v),
      },
    ];
  }
  const out: InputIssue[] = [];
  if ('numerator' in v || 'denominator' in v) {
    for (const k of Object.keys(v))
      if (k !== 'numerator' && k !== 'denominator' && k !== 'sample')
        out.push({
          path: `${path}.${k}`,
          message: unknownKeyMessage(k, ['numerator', 'denominator', 'sample'], path),
        });
    for (const k of ['numerator', 'denominator', 'sample'] as const)
      if (!(k === 'sample' && v[k] === undefined) && !amount(v[k]))
        out.push({
          path: `${path}.${k}`,
          message: expectedFound('a finite number ≥ 0 (or a decimal string)', v[k]),
        });
    // No numerator ≤ denominator check for ratios: rates whose numerator and denominator are
    // anchored on different days (repairs by approval day, units by outbound day) can exceed 1.
    if (out.length === 0 && def.unit === 'points' && new Dec(v.denominator as number).gt(0)) {
      const m = valueIssue(
        new Dec(v.numerator as number).div(new Dec(v.denominator as number)).toNumber(),
        rule,
      );
      if (m !== undefined) out.push({ path, message: m });
    }
    return out;
  }
  for (const k of Object.keys(v))
    if (k !== 'value' && k !== 'sample')
      out.push({ path: `${path}.${k}`, message: unknownKeyMessage(k, ['value', 'sample'], path) });
  const m = valueIssue(v.value, rule);
  if (m !== undefined) out.push({ path: `${path}.value`, message: m });
  if (!finiteAtLeast0(v.sample))
    out.push({
      path: `${path}.sample`,
      message: expectedFound('the sample size, a finite number ≥ 0', v.sample),
    });
  return out;
}

/**
 * Every problem of a values input (empty when it is valid): unknown keys and metric ids (with
 * the name they resemble), values out of their unit's range (a ratio above 1, with the fraction
 * a percentage stands for), negative counts, unknown 放心购 services.
 *
 * @example
 * ```ts
 * storeValuesIssues({ asOf: '2026-11-23', metrics: { 'reviews.negative-rate': 3.2 } });
 * //=> [{ path: 'metrics.reviews.negative-rate', message: 'expected a ratio as a fraction from 0 to 1 (3.2% is 0.032), found 3.2' }]
 * ```
 */
export function storeValuesIssues(input: unknown, ruleSet: RuleSet = defaultRuleSet): InputIssue[] {
  if (!isObject(input))
    return [
      { path: '', message: expectedFound('values as an object { asOf, metrics, … }', input) },
    ];
  const out: InputIssue[] = [];
  for (const k of Object.keys(input))
    if (!(KEYS as readonly string[]).includes(k))
      out.push({ path: k, message: unknownKeyMessage(k, KEYS, 'values') });
  if (typeof input.asOf !== 'string' || tryParseDayKey(input.asOf) === undefined)
    out.push({
      path: 'asOf',
      message: expectedFound('the evaluation day as YYYY-MM-DD', input.asOf),
    });
  if (!isObject(input.metrics)) {
    out.push({
      path: 'metrics',
      message: expectedFound('metrics as an object { <metric id>: value }', input.metrics),
    });
  } else {
    for (const [id, v] of Object.entries(input.metrics)) {
      const def = getMetricDefinition(id);
      if (def === undefined) {
        out.push({
          path: `metrics.${id}`,
          message: `expected a metric id of the catalogue, found unknown ${JSON.stringify(id)}${didYouMean(id, METRIC_IDS)}`,
        });
      } else out.push(...metricValueIssues(v, `metrics.${id}`, def));
    }
  }
  if (input.goodReviewRate !== undefined)
    out.push(
      ...metricValueIssues(input.goodReviewRate, 'goodReviewRate', {
        unit: 'ratio',
        id: 'reviews.good-rate',
      }),
    );
  if (input.industryAverages !== undefined)
    out.push(...industryAveragesIssues(input.industryAverages, 'industryAverages'));
  if (input.store !== undefined) {
    const r = storeSchema.safeParse(input.store);
    if (!r.success)
      for (const i of r.error.issues)
        out.push({ path: ['store', ...i.path.map(String)].join('.'), message: i.message });
  }
  if (input.ranking !== undefined) out.push(...rankingIssues(input.ranking));
  if (input.facts !== undefined) out.push(...factsIssues(input.facts));
  // A `__proto__` key (JSON.parse keeps it as an own key) is named wherever it is, even where a
  // schema would drop it unseen.
  const named = new Set(out.map((i) => i.path));
  for (const i of protoKeyIssues(input)) if (!named.has(i.path)) out.push(i);
  if (input.services !== undefined) {
    const known = knownServiceIds(ruleSet.bonus);
    if (!Array.isArray(input.services))
      out.push({
        path: 'services',
        message: expectedFound('an array of 放心购 service ids', input.services),
      });
    else
      input.services.forEach((id, i) => {
        if (typeof id !== 'string' || !known.includes(id))
          out.push({
            path: `services[${i}]`,
            message: `expected a 放心购 service the rule set knows, found ${JSON.stringify(id)}${typeof id === 'string' ? didYouMean(id, known) : ''}`,
          });
      });
  }
  return out;
}

/** Unknown keys of an object at `path`, each named (a `__proto__` key too: never dropped). */
function unknownKeys(
  o: Record<string, unknown>,
  path: string,
  known: readonly string[],
): InputIssue[] {
  return Object.keys(o)
    .filter((k) => !known.includes(k))
    .map((k) => ({ path: `${path}.${k}`, message: unknownKeyMessage(k, known, path) }));
}

/** A fraction 0–1 (a ranking rate, a share). */
const fraction = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1;

/** What is wrong with a ranking read from JD: `{ rate, modules? }`, fractions, known modules. */
function rankingIssues(v: unknown): InputIssue[] {
  if (!isObject(v))
    return [{ path: 'ranking', message: expectedFound('a ranking { rate, modules? }', v) }];
  const out = unknownKeys(v, 'ranking', ['rate', 'modules']);
  if (!fraction(v.rate))
    out.push({
      path: 'ranking.rate',
      message: expectedFound('the ranking rate as a fraction from 0 to 1 (91% is 0.91)', v.rate),
    });
  if (v.modules !== undefined) out.push(...moduleRankingsIssues(v.modules, 'ranking.modules'));
  return out;
}

/**
 * What is wrong with module rankings `{ <module id>: fraction | null }` at `path`.
 *
 * @internal
 */
export function moduleRankingsIssues(v: unknown, path: string): InputIssue[] {
  if (!isObject(v))
    return [{ path, message: expectedFound('module rankings { <module id>: fraction }', v) }];
  const out: InputIssue[] = [];
  for (const [m, x] of Object.entries(v)) {
    if (!(MODULE_IDS as readonly string[]).includes(m))
      out.push({
        path: `${path}.${m}`,
        message: `expected one of ${MODULE_IDS.join(', ')}, found unknown ${JSON.stringify(m)}${didYouMean(m, MODULE_IDS)}`,
      });
    else if (x !== null && !fraction(x))
      out.push({
        path: `${path}.${m}`,
        message: expectedFound('a module ranking as a fraction from 0 to 1, or null', x),
      });
  }
  return out;
}

const CHAT_FIGURES = [
  'ratings',
  'satisfaction',
  'consultations',
  'averageResponseSeconds',
  'messageRate',
] as const;

/** What is wrong with the facts: `{ goodShop?: { certified?, baseline? }, chatMonth? }`. */
function factsIssues(v: unknown): InputIssue[] {
  if (!isObject(v))
    return [{ path: 'facts', message: expectedFound('facts { goodShop?, chatMonth? }', v) }];
  const out = unknownKeys(v, 'facts', ['goodShop', 'chatMonth']);
  const g = v.goodShop;
  if (g !== undefined) {
    if (!isObject(g))
      out.push({
        path: 'facts.goodShop',
        message: expectedFound('Good Shop facts { certified?, baseline? }', g),
      });
    else {
      out.push(...unknownKeys(g, 'facts.goodShop', ['certified', 'baseline']));
      if (g.certified !== undefined && typeof g.certified !== 'boolean')
        out.push({
          path: 'facts.goodShop.certified',
          message: expectedFound('true or false', g.certified),
        });
      if (g.baseline !== undefined) {
        if (!isObject(g.baseline))
          out.push({
            path: 'facts.goodShop.baseline',
            message: expectedFound('baseline facts { <fact>: true | false }', g.baseline),
          });
        else
          for (const [k, x] of Object.entries(g.baseline))
            if (k === '__proto__')
              out.push({
                path: `facts.goodShop.baseline.${k}`,
                message: 'expected a baseline fact, found the reserved key "__proto__"',
              });
            else if (typeof x !== 'boolean')
              out.push({
                path: `facts.goodShop.baseline.${k}`,
                message: expectedFound('true or false', x),
              });
      }
    }
  }
  const c = v.chatMonth;
  if (c !== undefined) {
    if (!isObject(c))
      out.push({
        path: 'facts.chatMonth',
        message: expectedFound(`the month's chat figures { ${CHAT_FIGURES.join(', ')} }`, c),
      });
    else {
      out.push(...unknownKeys(c, 'facts.chatMonth', CHAT_FIGURES));
      const count = (k: 'ratings' | 'consultations') => {
        if (!Number.isInteger(c[k]) || (c[k] as number) < 0)
          out.push({ path: `facts.chatMonth.${k}`, message: expectedFound('a count ≥ 0', c[k]) });
      };
      count('ratings');
      count('consultations');
      for (const k of ['satisfaction', 'messageRate'] as const)
        if (c[k] !== null && !fraction(c[k]))
          out.push({
            path: `facts.chatMonth.${k}`,
            message: expectedFound('a fraction from 0 to 1, or null', c[k]),
          });
      const a = c.averageResponseSeconds;
      if (a !== null && !finiteAtLeast0(a))
        out.push({
          path: 'facts.chatMonth.averageResponseSeconds',
          message: expectedFound('seconds ≥ 0, or null', a),
        });
    }
  }
  return out;
}

/**
 * zod schema of {@link StoreValues}, checked as {@link storeValuesIssues} says (the default rule
 * set's services).
 *
 * @example
 * ```ts
 * storeValuesSchema.safeParse({ asOf: '2026-11-23', metrics: { 'consultation.response-rate-30s': 0.92 } }).success;
 * //=> true
 * ```
 */
export const storeValuesSchema: z.ZodType<StoreValues, unknown> = z
  .unknown()
  .transform((v, ctx) => {
    for (const i of storeValuesIssues(v))
      ctx.issues.push({
        code: 'custom',
        path: i.path === '' ? [] : i.path.split('.'),
        message: i.message,
        input: v,
      });
    return v as StoreValues;
  });

/**
 * A measurement from a value input, as the metrics stage would give it.
 *
 * @internal
 */
export function measurementOf<Id extends string>(
  def: {
    readonly id: Id;
    readonly module: MetricDefinition['module'];
    readonly unit: MetricDefinition['unit'];
    readonly direction: MetricDefinition['direction'];
  },
  input: MetricValueInput | undefined,
  day: DayNumber,
  ruleSet: RuleSet,
  windowOf: MetricId,
  minimum: number,
): Measurement<Id> {
  const window = resolveWindow(day, ruleSet.windows[windowOf].value);
  // A metric whose sample is not its denominator (the facilitated amount share) has a sample
  // only where one is given.
  const ownSample = getMetricDefinition(def.id)?.sample !== undefined;
  let numerator = new Dec(0);
  let denominator = new Dec(0);
  // Nothing given: no count either.
  let sample: InstanceType<typeof Dec> | null = null;
  if (typeof input === 'number') {
    numerator = new Dec(input);
    denominator = new Dec(1);
    sample = null;
  } else if (input !== undefined && 'numerator' in input) {
    numerator = new Dec(input.numerator);
    denominator = new Dec(input.denominator);
    sample = input.sample !== undefined ? new Dec(input.sample) : ownSample ? null : denominator;
  } else if (input !== undefined) {
    sample = new Dec(input.sample);
    // The facilitated share's sample counts consultations, not the money it divides.
    denominator = ownSample ? new Dec(1) : sample;
    numerator = new Dec(input.value).times(denominator);
  }
  const noData = denominator.isZero() || sample?.isZero() === true;
  return {
    id: def.id,
    module: def.module,
    unit: def.unit,
    direction: def.direction,
    status: noData ? 'no-data' : sample?.lt(minimum) ? 'too-little-data' : 'ok',
    value: noData
      ? null
      : typeof input === 'object' && 'value' in input
        ? new Dec(input.value)
        : numerator.div(denominator),
    numerator,
    denominator,
    window,
    ...(typeof input !== 'number' || noData ? {} : { valueOnly: true as const }),
    ...(sample === null ? { sample: null } : ownSample ? { sample } : {}),
    ...(input === undefined ? { reason: 'not-given' as const } : {}),
  };
}

/**
 * A scorecard from values read off JD's back-end: each metric's value (or numerator and
 * denominator, or value with its sample), the open 放心购 services, and optionally peers, a
 * ranking and facts. The same scoring, module, composite, bonus and standing stages as
 * `evaluateStore` (one code path: a store's own values give its `evaluateStore` scores); each
 * metric says `source: 'values'`, and `versusAverage` when an industry average was given.
 *
 * @throws {InvalidInputError} listing every problem of the values (see {@link storeValuesIssues}).
 *
 * @example
 * ```ts
 * const card = scoreValues({
 *   asOf: '2026-11-23',
 *   metrics: {
 *     'consultation.response-rate-30s': { numerator: 170, denominator: 203 },
 *     'reviews.negative-rate': { value: 0.012, sample: 250 },
 *     'logistics.same-day-collection-rate': 0.97,
 *   },
 *   services: ['freight-insurance'],
 *   industryAverages: { 'reviews.negative-rate': 0.02 },
 * });
 * card.metrics['reviews.negative-rate'].versusAverage?.comparison;
 * //=> 'better'
 * card.bonus.points;
 * //=> 0.1
 * ```
 */
export function scoreValues(input: StoreValues, options: ScoreValuesOptions = {}): Scorecard {
  expectObjectArgument('scoreValues', 'the options', options);
  if (options.ruleSet !== undefined)
    expectShapeArgument('scoreValues', 'the rule set', options.ruleSet, RULE_SET_SHAPE);
  const ruleSet = options.ruleSet ?? defaultRuleSet;
  const issues = storeValuesIssues(input, ruleSet);
  if (issues.length > 0) throw new InvalidInputError(issues, 'values');
  if (input.peers !== undefined) parsePeerData(input.peers);
  const day = tryParseDayKey(input.asOf) as DayNumber;
  const measurements = {} as Record<MetricId, Measurement<MetricId>>;
  for (const def of metricCatalogue) {
    measurements[def.id] = measurementOf(
      def,
      input.metrics[def.id],
      day,
      ruleSet,
      def.id,
      ruleSet.minimumSample[def.id].value,
    );
  }
  const goodReviewRate = measurementOf(
    { id: 'reviews.good-rate', module: 'reviews', unit: 'ratio', direction: 'higher-is-better' },
    input.goodReviewRate,
    day,
    ruleSet,
    'reviews.negative-rate',
    0,
  );
  return scoreMeasured({
    store: input.store ?? { id: 'values' },
    day,
    ruleSet,
    measurements,
    goodReviewRate,
    services: input.services ?? [],
    peers: input.peers,
    ranking: input.ranking,
    facts: input.facts,
    industryAverages: input.industryAverages,
  });
}

/**
 * What {@link scoreMeasured} scores.
 *
 * @internal
 */
export interface MeasuredValues {
  readonly store: Store;
  readonly day: DayNumber;
  readonly ruleSet: RuleSet;
  readonly measurements: Readonly<Record<MetricId, Measurement<MetricId>>>;
  readonly goodReviewRate: Measurement<'reviews.good-rate'>;
  readonly services: readonly AssuredServiceId[];
  readonly peers?: PeerData | undefined;
  readonly ranking?: RankingInput | undefined;
  readonly facts?: StoreValues['facts'] | undefined;
  readonly industryAverages?: StoreValues['industryAverages'] | undefined;
}

/**
 * The scorecard of measurements given as values: the scorecard stage, the industry averages,
 * and the standing when peers or a ranking allow one.
 *
 * @internal
 */
export function scoreMeasured(v: MeasuredValues): Scorecard {
  const { day, ruleSet } = v;
  const services: AssuredService[] = v.services.map((service) => ({
    service,
    enabledAt: dayStartMs(day) - 1,
  }));
  const scores = scoreDay({
    store: v.store,
    day,
    ruleSet,
    measurements: v.measurements,
    goodReviewRate: v.goodReviewRate,
    services,
    peers: v.peers,
    scoredWith: {
      peers: hasPeerLists(v.peers),
      ranking: v.ranking !== undefined,
      industryAverages: Object.keys(v.industryAverages ?? {}).length > 0,
    },
    industryAverages: v.industryAverages,
  });
  const metrics = {} as Record<MetricId, MetricResult<MetricId>>;
  for (const def of metricCatalogue)
    metrics[def.id] = { ...scores.metrics[def.id], source: 'values' };
  const card = { ...scores, metrics };
  const peers = v.peers;
  const hasPeers =
    (peers?.composites?.length ?? 0) > 0 ||
    Object.values(peers?.modules ?? {}).some((l) => (l?.length ?? 0) > 0);
  if (!hasPeers && v.ranking === undefined) return card;
  const month = lastCompleteMonth(day);
  return {
    ...card,
    standing: computeStanding(card, {
      ruleSet,
      peers,
      ranking: v.ranking,
      goodShop: v.facts?.goodShop,
      chatMonth:
        v.facts?.chatMonth === undefined
          ? undefined
          : { month: monthKeyOf(month.first), figures: v.facts.chatMonth },
    }),
  };
}
