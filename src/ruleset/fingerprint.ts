/**
 * A rule set's fingerprint: a hash of what it scores by, so that a scorecard can say which rules
 * it was scored with and two different rule sets never pass for one another.
 *
 * @module
 */
import { expectObjectArgument } from '../errors.js';
import type { RuleSet } from './ruleSet.js';

/** Fingerprints already computed: a rule set is read-only data, so one hash per object is enough. */
const cache = new WeakMap<object, string>();

/** Whether `v` is a provenance-tagged value `{ value, source, also? }`. */
function isSourcedValue(v: object): v is { value: unknown } {
  return (
    'value' in v &&
    'source' in v &&
    Object.keys(v).every((k) => k === 'value' || k === 'source' || k === 'also')
  );
}

/**
 * The rule set's content as canonical JSON: keys sorted, provenance left out (where a number
 * comes from does not change a score), `id` and `description` left out (names, not rules).
 */
function canonical(v: unknown, top: boolean): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => canonical(x, false)).join(',')}]`;
  if (isSourcedValue(v)) return canonical(v.value, false);
  const keys = Object.keys(v)
    .filter((k) => !(top && (k === 'id' || k === 'description')))
    .sort();
  const o = v as Record<string, unknown>;
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k], false)}`).join(',')}}`;
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/** 64-bit FNV-1a over the UTF-16 code units of `s`, as 16 hex digits. */
function fnv1a64(s: string): string {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i));
    h = (h * FNV_PRIME) & MASK_64;
  }
  return h.toString(16).padStart(16, '0');
}

/**
 * A fingerprint of what a rule set scores by: 16 hex digits of a 64-bit FNV-1a hash of its
 * windows, hours, weights, curves, tables and points (its `id`, `description` and the provenance
 * of its numbers are left out: they do not change a score). Two rule sets with the same rules
 * share it; changing any number changes it. A scorecard records it in `scoredWith.ruleSet`, and
 * `whatIf` and `pathToTarget` compare it with the rule set they are given.
 *
 * @example
 * ```ts
 * ruleSetFingerprint(defaultRuleSet) === ruleSetFingerprint(defineRuleSet({ id: 'renamed' }));
 * //=> true
 * ruleSetFingerprint(defaultRuleSet) === ruleSetFingerprint(defineRuleSet({ moduleWeights: { logistics: 22 } }));
 * //=> false
 * ruleSetFingerprint(defaultRuleSet).length;
 * //=> 16
 * ```
 */
export function ruleSetFingerprint(ruleSet: RuleSet): string {
  expectObjectArgument('ruleSetFingerprint', 'the rule set', ruleSet);
  const known = cache.get(ruleSet);
  if (known !== undefined) return known;
  const fp = fnv1a64(canonical(ruleSet, true));
  cache.set(ruleSet, fp);
  return fp;
}
