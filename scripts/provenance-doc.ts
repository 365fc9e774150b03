/**
 * The provenance census of a rule set: every `Sourced` value found in it, at any depth, and
 * every provenance of the metric definitions, counted by tag, with the list of assumptions and
 * the rule-set option that changes each. Generic: a rule added to the rule set is counted
 * without editing this file.
 */

import { metricCatalogue } from '../src/metrics/catalogue.js';
import { goodReviewRateDefinition } from '../src/metrics/reviews/goodReviewRate.js';
import type { MetricDefinition, SupplementaryDefinition } from '../src/metrics/types.js';
import {
  type Provenance,
  type ProvenanceTag,
  provenancesOf,
  type Sourced,
} from '../src/rules/provenance.js';
import { defaultRuleSet, type RuleSet } from '../src/ruleset/ruleSet.js';

/** Every definition whose provenance is counted: the catalogue and the supplementary metrics. */
export const ALL_DEFINITIONS: readonly (MetricDefinition | SupplementaryDefinition)[] = [
  ...metricCatalogue,
  goodReviewRateDefinition,
];

function isProvenance(x: unknown): x is Provenance {
  return typeof x === 'object' && x !== null && typeof (x as Provenance).tag === 'string';
}

/** Whether a value is a {@link Sourced} rule (a `value` and a provenance `source`). */
export function isSourced(x: unknown): x is Sourced<unknown> {
  return (
    typeof x === 'object' &&
    x !== null &&
    'value' in x &&
    isProvenance((x as Sourced<unknown>).source)
  );
}

/** `a.b`, `a['x.y']` or `a[0]`: the path of a key below `path`, as one would write it in code. */
function childPath(path: string, key: string, inArray: boolean): string {
  if (inArray) return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}['${key}']`;
}

/** Every sourced value of an object tree with its path, in key order; a sourced value is not entered. */
export function sourcedLeaves(
  obj: unknown,
  path = '',
  out: [string, Sourced<unknown>][] = [],
): [string, Sourced<unknown>][] {
  if (isSourced(obj)) out.push([path, obj]);
  else if (typeof obj === 'object' && obj !== null) {
    const inArray = Array.isArray(obj);
    for (const [k, v] of Object.entries(obj)) sourcedLeaves(v, childPath(path, k, inArray), out);
  }
  return out;
}

/** One provenance of one rule. */
export interface RuleProvenance {
  /** The rule: a rule-set path, or a metric id and the aspect of its definition; with the aspect when it has several. */
  readonly rule: string;
  /** The rule-set option that changes it (its path), or `null` when only the code does. */
  readonly option: string | null;
  readonly provenance: Provenance;
}

/** Every provenance of a rule set's values and of the metric definitions. */
export function ruleProvenances(
  ruleSet: RuleSet = defaultRuleSet,
  definitions: readonly (MetricDefinition | SupplementaryDefinition)[] = ALL_DEFINITIONS,
): RuleProvenance[] {
  const out: RuleProvenance[] = [];
  for (const [path, s] of sourcedLeaves(ruleSet)) {
    const all = provenancesOf(s);
    for (const p of all)
      out.push({
        rule: all.length > 1 && p.aspect ? `${path} (${p.aspect})` : path,
        option: path,
        provenance: p,
      });
  }
  for (const d of definitions)
    for (const p of d.source)
      out.push({
        rule: `${d.id} ${p.aspect ?? 'formula'}`,
        option: p.option ?? null,
        provenance: p,
      });
  return out;
}

/** The number of provenances of each tag. */
export function countByTag(rules: readonly RuleProvenance[]): Record<ProvenanceTag, number> {
  const counts: Record<ProvenanceTag, number> = { seed: 0, published: 0, assumption: 0, custom: 0 };
  for (const r of rules) counts[r.provenance.tag] += 1;
  return counts;
}

/** The README's sentence with the counts (between its `provenance-counts` markers). */
export function renderProvenanceSummary(ruleSet: RuleSet = defaultRuleSet): string {
  const rules = ruleProvenances(ruleSet);
  const c = countByTag(rules);
  return `Of the ${rules.length} provenances of the default rule set and the metric formulas, **${c.seed}** are \`seed\` (stated by one of the two source articles), **${c.published}** \`published\` (a repost of a JD rule notice, linked) and **${c.assumption}** \`assumption\` (our documented choice); the [formula reference](docs/metrics.md#provenance-of-the-rules) counts them and lists every assumption with the rule-set option that changes it.`;
}

const START = '<!-- provenance-counts:start -->';
const END = '<!-- provenance-counts:end -->';

/** The README with its generated block (between the markers) replaced by the current counts. */
export function withProvenanceSummary(readme: string): string {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md lacks the ${START} … ${END} block`);
  return `${readme.slice(0, from + START.length)}\n${renderProvenanceSummary()}\n${readme.slice(to)}`;
}
