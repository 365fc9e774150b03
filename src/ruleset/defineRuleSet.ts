/**
 * `defineRuleSet` and `validateRuleSet`: custom rule sets derived from a base, checked when
 * created (Lighthouse's config validation: an unknown id throws at load, not while scoring).
 *
 * @module
 */
import { didYouMean, unknownKeyMessage } from '../_suggest.js';
import {
  expectObjectArgument,
  expectShapeArgument,
  type InputIssue,
  RuleSetError,
} from '../errors.js';
import { MODULE_IDS, type ModuleId } from '../ids.js';
import { type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import { type CurveControlPoints, validateCurve } from '../rules/curve.js';
import type { AssessmentHours } from '../rules/measurement.js';
import { type Sourced, sourced } from '../rules/provenance.js';
import { type ModuleWeights, validateModuleWeights } from '../rules/scoringDefaults.js';
import { type WindowSpec, windowSpecProblem } from '../time/window.js';
import { ruleSetFingerprint } from './fingerprint.js';
import { defaultRuleSet, RULE_SET_SHAPE, type RuleSet } from './ruleSet.js';

/** What {@link defineRuleSet} can override: plain values, tagged `custom` in the result. */
export interface RuleSetOverrides {
  /**
   * Id of the new rule set (default: `<base id>+custom-<the first 8 hex digits of its
   * fingerprint>`, so that two different rule sets never share a default id).
   */
  readonly id?: string;
  /** Description of the new rule set. */
  readonly description?: string;
  /** Windows by metric id. */
  readonly windows?: Partial<Record<MetricId, WindowSpec>>;
  /** Chat rules. */
  readonly chat?: {
    readonly assessmentHours?: AssessmentHours;
    readonly sessionMergeGapMinutes?: number;
    readonly responseThresholdSeconds?: number;
    readonly robotRepliesCount?: boolean;
    readonly attributionHours?: number;
  };
  /** Review rules. */
  readonly reviews?: { readonly latestPerCustomer?: number; readonly handlingHours?: number };
  /** Logistics rules. */
  readonly logistics?: { readonly collectionCutoffHour?: number; readonly arrivalDays?: number };
  /** Module weights (merged over the base's). */
  readonly moduleWeights?: Partial<Record<ModuleId, number>>;
  /** Metric weights within their module (merged over the base's; 0 keeps a metric out of its module score). */
  readonly metricWeights?: Partial<Record<MetricId, number>>;
  /** Minimum samples by metric id: below it a metric is `'too-little-data'` (0: no minimum). */
  readonly minimumSample?: Partial<Record<MetricId, number>>;
  /** Curve control points by metric id. */
  readonly controlPoints?: Partial<Record<MetricId, CurveControlPoints>>;
  /** The 高/中/低 module label lines (module ranking fractions 0–1). */
  readonly moduleLabels?: { readonly high?: number; readonly low?: number };
  /**
   * Bonus points per built-in service, per service of its own (`servicePoints`: a built-in id
   * overrides `pointsPerService`, any other id adds a service the rule set knows), and the cap.
   */
  readonly bonus?: {
    readonly pointsPerService?: number;
    readonly servicePoints?: Readonly<Record<string, number>>;
    readonly cap?: number;
  };
}

/** The shape of {@link RuleSetOverrides}: `true` a leaf, `'metric'`/`'module'` a map by id. */
type KeyShape = true | 'metric' | 'module' | { readonly [key: string]: KeyShape };

const METRIC_IDS: readonly string[] = metricCatalogue.map((m) => m.id);
const WINDOW: KeyShape = { fromDaysBack: true, toDaysBack: true };
const CURVE: KeyShape = { good: true, poor: true };
const OVERRIDE_SHAPE: { readonly [key: string]: KeyShape } = {
  id: true,
  description: true,
  windows: 'metric',
  chat: {
    assessmentHours: { fromHour: true, toHour: true },
    sessionMergeGapMinutes: true,
    responseThresholdSeconds: true,
    robotRepliesCount: true,
    attributionHours: true,
  },
  reviews: { latestPerCustomer: true, handlingHours: true },
  logistics: { collectionCutoffHour: true, arrivalDays: true },
  moduleWeights: 'module',
  metricWeights: 'metric',
  minimumSample: 'metric',
  controlPoints: 'metric',
  // servicePoints: any service id (an id the rule set does not know adds a service).
  bonus: { pointsPerService: true, servicePoints: true, cap: true },
  moduleLabels: { high: true, low: true },
};
const BY_ID_VALUE: { readonly [key: string]: KeyShape } = {
  windows: WINDOW,
  controlPoints: CURVE,
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Unknown keys and ids anywhere in the overrides, each with the name it resembles. */
function overrideKeyIssues(overrides: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  const walk = (v: unknown, shape: KeyShape, path: string, top: string): void => {
    if (shape === true || !isObject(v)) return;
    if (shape === 'metric' || shape === 'module') {
      const ids = shape === 'metric' ? METRIC_IDS : MODULE_IDS;
      for (const [id, x] of Object.entries(v)) {
        if (!ids.includes(id)) {
          const hint = didYouMean(id, ids);
          issues.push({
            path: `${path}.${id}`,
            message: `expected ${shape === 'metric' ? 'a metric id of the catalogue' : `one of ${MODULE_IDS.join(', ')}`}, found unknown ${JSON.stringify(id)}${hint}`,
          });
        } else {
          const inner = BY_ID_VALUE[top];
          if (inner !== undefined) walk(x, inner, `${path}.${id}`, top);
        }
      }
      return;
    }
    const known = Object.keys(shape);
    for (const [k, x] of Object.entries(v)) {
      const p = path === '' ? k : `${path}.${k}`;
      const sub = shape[k];
      if (sub === undefined)
        issues.push({
          path: p,
          message: unknownKeyMessage(k, known, path === '' ? 'rule-set overrides' : path),
        });
      else walk(x, sub, p, path === '' ? k : top);
    }
  };
  walk(overrides, OVERRIDE_SHAPE, '', '');
  return issues;
}

const CUSTOM = { tag: 'custom' } as const;
const custom = <T>(value: T): Sourced<T> => sourced(value, CUSTOM);

function mergeSourced<K extends string, T>(
  base: Readonly<Record<K, Sourced<T>>>,
  over: Partial<Record<K, T>> | undefined,
): Record<K, Sourced<T>> {
  const out = { ...base } as Record<K, Sourced<T>>;
  if (over)
    for (const [k, v] of Object.entries(over) as [K, T][]) if (v !== undefined) out[k] = custom(v);
  return out;
}

function pick<T>(base: Sourced<T>, v: T | undefined): Sourced<T> {
  return v === undefined ? base : custom(v);
}

/**
 * Derives a rule set from a base (the default one unless given), overriding windows, hours,
 * weights, control points or bonus; validated when created. Overridden values carry the
 * provenance tag `custom`.
 *
 * @throws {RuleSetError} listing every problem: an unknown key at any level or an unknown metric or
 * module id (each with the name it resembles: `chat.assesmentHours` → "did you mean
 * "assessmentHours"?"), negative or all-zero
 * weights, control points in the wrong order, a window that reaches the as-of day, hours out of range.
 *
 * @example
 * ```ts
 * // The published 2021-12 assessment hours and the 2018 隔日达 arrival variant:
 * const rules = defineRuleSet({ chat: { assessmentHours: { fromHour: 9, toHour: 23 } }, logistics: { arrivalDays: 2 } });
 * rules.chat.assessmentHours.source.tag;
 * //=> 'custom'
 * defineRuleSet({ moduleWeights: { disputes: -1 } }); // throws RuleSetError
 * ```
 */
export function defineRuleSet(
  overrides: RuleSetOverrides,
  base: RuleSet = defaultRuleSet,
): RuleSet {
  expectObjectArgument('defineRuleSet', 'the overrides', overrides);
  expectShapeArgument('defineRuleSet', 'the base rule set', base, RULE_SET_SHAPE);
  const issues = overrideKeyIssues(overrides);
  if (issues.length > 0) throw new RuleSetError(issues);

  const c = overrides.chat ?? {};
  const r = overrides.reviews ?? {};
  const l = overrides.logistics ?? {};
  const b = overrides.bonus ?? {};
  const rules: RuleSet = {
    ...base,
    id: overrides.id ?? '',
    description: overrides.description ?? `${base.description}, with custom overrides`,
    windows: mergeSourced(base.windows, overrides.windows),
    chat: {
      assessmentHours: pick(base.chat.assessmentHours, c.assessmentHours),
      sessionMergeGapMinutes: pick(base.chat.sessionMergeGapMinutes, c.sessionMergeGapMinutes),
      responseThresholdSeconds: pick(
        base.chat.responseThresholdSeconds,
        c.responseThresholdSeconds,
      ),
      robotRepliesCount: pick(base.chat.robotRepliesCount, c.robotRepliesCount),
      attributionHours: pick(base.chat.attributionHours, c.attributionHours),
    },
    reviews: {
      latestPerCustomer: pick(base.reviews.latestPerCustomer, r.latestPerCustomer),
      handlingHours: pick(base.reviews.handlingHours, r.handlingHours),
    },
    logistics: {
      collectionCutoffHour: pick(base.logistics.collectionCutoffHour, l.collectionCutoffHour),
      arrivalDays: pick(base.logistics.arrivalDays, l.arrivalDays),
    },
    moduleWeights: overrides.moduleWeights
      ? custom({ ...base.moduleWeights.value, ...overrides.moduleWeights } as ModuleWeights)
      : base.moduleWeights,
    metricWeights: mergeSourced(base.metricWeights, overrides.metricWeights),
    minimumSample: mergeSourced(base.minimumSample, overrides.minimumSample),
    controlPoints: mergeSourced(base.controlPoints, overrides.controlPoints),
    moduleLabels: {
      high: pick(base.moduleLabels.high, overrides.moduleLabels?.high),
      low: pick(base.moduleLabels.low, overrides.moduleLabels?.low),
    },
    bonus: {
      ...base.bonus,
      pointsPerService: pick(base.bonus.pointsPerService, b.pointsPerService),
      servicePoints: Object.freeze(mergeSourced(base.bonus.servicePoints, b.servicePoints)),
      cap: pick(base.bonus.cap, b.cap),
    },
  };
  validateRuleSet(rules);
  if (overrides.id !== undefined) return rules;
  // The default id names the content, so that two different rule sets never share it.
  return { ...rules, id: `${base.id}+custom-${ruleSetFingerprint(rules).slice(0, 8)}` };
}

/**
 * Checks a rule set; throws {@link RuleSetError} listing every problem.
 *
 * @example
 * ```ts
 * validateRuleSet(defaultRuleSet); // passes
 * validateRuleSet({ ...defaultRuleSet, metricWeights: {} as RuleSet['metricWeights'] }); // throws RuleSetError
 * ```
 */
export function validateRuleSet(rules: RuleSet): void {
  expectShapeArgument('validateRuleSet', 'the rule set', rules, RULE_SET_SHAPE);
  const issues: InputIssue[] = [];
  const positive = (path: string, v: number, integer = false) => {
    if (
      typeof v !== 'number' ||
      !Number.isFinite(v) ||
      v <= 0 ||
      (integer && !Number.isInteger(v))
    ) {
      issues.push({
        path,
        message: `expected ${integer ? 'a whole number' : 'a number'} > 0, found ${String(v)}`,
      });
    }
  };
  for (const def of metricCatalogue) {
    const w = rules.windows[def.id];
    const p = w === undefined ? 'missing' : windowSpecProblem(w.value);
    if (p) issues.push({ path: `windows.${def.id}`, message: p });
    const cp = rules.controlPoints[def.id];
    if (cp === undefined)
      issues.push({
        path: `controlPoints.${def.id}`,
        message: 'expected control points, found none',
      });
    else
      issues.push(...validateCurve(cp.value, def.direction, def.unit, `controlPoints.${def.id}`));
    const mw = rules.metricWeights[def.id]?.value;
    if (typeof mw !== 'number' || !Number.isFinite(mw) || mw < 0) {
      issues.push({
        path: `metricWeights.${def.id}`,
        message: `expected a finite weight ≥ 0, found ${String(mw)}`,
      });
    }
    const min = rules.minimumSample?.[def.id]?.value;
    if (typeof min !== 'number' || !Number.isFinite(min) || min < 0) {
      issues.push({
        path: `minimumSample.${def.id}`,
        message: `expected a finite minimum sample ≥ 0, found ${String(min)}`,
      });
    }
  }
  for (const m of MODULE_IDS) {
    const weights = metricCatalogue
      .filter((d) => d.module === m)
      .map((d) => rules.metricWeights[d.id]?.value ?? 0);
    if (weights.every((w) => w === 0))
      issues.push({
        path: `metricWeights`,
        message: `expected a weight above 0 for some metric of module ${m}, found none`,
      });
  }
  issues.push(...validateModuleWeights(rules.moduleWeights.value));
  const h = rules.chat.assessmentHours.value;
  if (
    !Number.isInteger(h.fromHour) ||
    !Number.isInteger(h.toHour) ||
    h.fromHour < 0 ||
    h.toHour > 24 ||
    h.fromHour >= h.toHour
  ) {
    issues.push({
      path: 'chat.assessmentHours',
      message: `expected whole hours 0 ≤ fromHour < toHour ≤ 24, found ${h.fromHour}–${h.toHour}`,
    });
  }
  positive('chat.sessionMergeGapMinutes', rules.chat.sessionMergeGapMinutes.value);
  positive('chat.responseThresholdSeconds', rules.chat.responseThresholdSeconds.value);
  positive('chat.attributionHours', rules.chat.attributionHours.value);
  positive('reviews.latestPerCustomer', rules.reviews.latestPerCustomer.value, true);
  positive('reviews.handlingHours', rules.reviews.handlingHours.value);
  positive('logistics.arrivalDays', rules.logistics.arrivalDays.value, true);
  const cut = rules.logistics.collectionCutoffHour.value;
  if (!Number.isInteger(cut) || cut < 0 || cut > 24) {
    issues.push({
      path: 'logistics.collectionCutoffHour',
      message: `expected a whole hour 0–24, found ${String(cut)}`,
    });
  }
  for (const [path, v] of [
    ['bonus.pointsPerService', rules.bonus.pointsPerService.value],
    ['bonus.cap', rules.bonus.cap.value],
    ...Object.entries(rules.bonus.servicePoints).map(
      ([id, p]) => [`bonus.servicePoints.${id}`, p.value] as const,
    ),
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
      issues.push({ path, message: `expected a number ≥ 0, found ${String(v)}` });
  }
  const { high, low } = rules.moduleLabels;
  if (
    !(typeof low.value === 'number' && typeof high.value === 'number') ||
    !(low.value >= 0 && low.value <= high.value && high.value <= 1)
  ) {
    issues.push({
      path: 'moduleLabels',
      message: `expected 0 ≤ low ≤ high ≤ 1, found low ${String(low.value)}, high ${String(high.value)}`,
    });
  }
  if (issues.length > 0) throw new RuleSetError(issues);
}
