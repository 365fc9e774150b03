/**
 * Where a rule comes from: its provenance tag. Every window, hour, threshold,
 * weight and point value in a rule set carries one.
 *
 * @module
 */
import { expectObjectArgument, expectStringArgument } from '../errors.js';

/** `seed`: one of the two source articles; `published`: a repost of a JD rule notice; `assumption`: our documented choice; `custom`: set by the caller through `defineRuleSet` (all explained in `docs/sources.md`). */
export type ProvenanceTag = 'seed' | 'published' | 'assumption' | 'custom';

/**
 * Provenance of one rule, or of one part of it: a rule may carry several (a metric's formula
 * from a seed article, its window an assumption), each naming its `aspect`.
 *
 * @example
 * ```ts
 * const p: Provenance = { tag: 'published', url: 'https://m.cnqd.net/hyzx/zixun/10072.html' };
 * const q: Provenance = { tag: 'assumption', aspect: 'anchor', note: 'the completion day' };
 * ```
 */
export interface Provenance {
  readonly tag: ProvenanceTag;
  /** For `published`: the page that reposts JD's notice. */
  readonly url?: string;
  /** For `seed`: which source article, `'000'` the English one, `'001'` the Chinese one (`docs/sources.md`). */
  readonly seed?: '000' | '001';
  /** What the source says, or why we chose this. */
  readonly note?: string;
  /** Which part of the rule this provenance covers (`formula`, `denominator`, `anchor`, `good point`…), when the rule has several. */
  readonly aspect?: string;
  /** For an `assumption` of a metric definition: the rule-set option (its path, e.g. `logistics.collectionCutoffHour`) that changes it, when one does. */
  readonly option?: string;
}

/**
 * A rule's value together with where it comes from. A value whose parts come from different
 * places (a curve's poor point published, its good point an assumption) lists the other parts'
 * provenances in `also`, each with its `aspect`.
 *
 * @example
 * ```ts
 * const gap: Sourced<number> = { value: 10, source: { tag: 'published', url: 'https://insight.xiaoduoai.com/faq/questions/D1qA' } };
 * ```
 */
export interface Sourced<T> {
  readonly value: T;
  readonly source: Provenance;
  /** Provenances of the value's other parts, when they differ from `source`'s. */
  readonly also?: readonly Provenance[];
}

/**
 * Builds a {@link Sourced} value; further provenances (of the value's other parts) go to `also`.
 *
 * @example
 * ```ts
 * sourced(24, { tag: 'assumption', note: 'reply deadline' }).value;
 * //=> 24
 * sourced({ good: 0.95, poor: 0.85 }, { tag: 'published', aspect: 'poor point' }, { tag: 'assumption', aspect: 'good point' }).also?.length;
 * //=> 1
 * ```
 */
export function sourced<T>(value: T, source: Provenance, ...also: Provenance[]): Sourced<T> {
  return also.length === 0 ? { value, source } : { value, source, also: Object.freeze(also) };
}

/**
 * Every provenance of a sourced value: its `source`, then those of `also`.
 *
 * @example
 * ```ts
 * provenancesOf({ value: 24, source: { tag: 'seed', seed: '001' } }).map((p) => p.tag);
 * //=> ['seed']
 * ```
 */
export function provenancesOf(s: Sourced<unknown>): readonly Provenance[] {
  expectObjectArgument('provenancesOf', 'the sourced value', s);
  expectObjectArgument('provenancesOf', 'its source', s.source);
  return s.also ? [s.source, ...s.also] : [s.source];
}

/** The name of a source article in `docs/sources.md`, by its `seed` field. */
const ARTICLE: Readonly<Record<'000' | '001', string>> = {
  '000': 'article EN',
  '001': 'article ZH',
};

/**
 * One-line rendering of a provenance for docs and CLI output; a `seed` names its article as
 * `docs/sources.md` does.
 *
 * @example
 * ```ts
 * formatProvenance({ tag: 'seed', seed: '001' });
 * //=> 'seed (article ZH, docs/sources.md)'
 * formatProvenance({ tag: 'published', url: 'https://www.maibaba.cn/44948.html', note: 'monthly' });
 * //=> 'published (https://www.maibaba.cn/44948.html): monthly'
 * ```
 */
export function formatProvenance(p: Provenance): string {
  expectObjectArgument('formatProvenance', 'the provenance', p);
  expectStringArgument('formatProvenance', 'its tag', p.tag);
  const parts: string[] = [p.tag];
  if (p.seed) parts.push(`(${ARTICLE[p.seed]}, docs/sources.md)`);
  if (p.url) parts.push(`(${p.url})`);
  let s = parts.join(' ');
  if (p.note) s += `: ${p.note}`;
  return s;
}
