/**
 * Where a rule comes from (its provenance tag, explained in `docs/sources.md`). Every window, hour, threshold,
 * weight and point value in a rule set carries one.
 *
 * @module
 */

/** `seed`: one of the two source articles; `published`: a repost of a JD rule notice; `assumption`: our documented choice; `custom`: set by the caller through `defineRuleSet` (all explained in `docs/sources.md`). */
export type ProvenanceTag = 'seed' | 'published' | 'assumption' | 'custom';

/**
 * Provenance of one rule.
 *
 * @example
 * ```ts
 * const p: Provenance = { tag: 'published', url: 'https://m.cnqd.net/hyzx/zixun/10072.html' };
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
}

/**
 * A rule's value together with where it comes from.
 *
 * @example
 * ```ts
 * const gap: Sourced<number> = { value: 10, source: { tag: 'published', url: 'https://insight.xiaoduoai.com/faq/questions/D1qA' } };
 * ```
 */
export interface Sourced<T> {
  readonly value: T;
  readonly source: Provenance;
}

/**
 * Builds a {@link Sourced} value.
 *
 * @example
 * ```ts
 * sourced(24, { tag: 'assumption', note: 'reply deadline' }).value;
 * //=> 24
 * ```
 */
export function sourced<T>(value: T, source: Provenance): Sourced<T> {
  return { value, source };
}

/**
 * One-line rendering of a provenance for docs and CLI output.
 *
 * @example
 * ```ts
 * formatProvenance({ tag: 'seed', seed: '001' });
 * //=> 'article ZH'
 * ```
 */
export function formatProvenance(p: Provenance): string {
  const parts: string[] = [p.tag];
  if (p.seed) parts.push(p.seed);
  if (p.url) parts.push(`(${p.url})`);
  let s = parts.join(' ');
  if (p.note) s += `: ${p.note}`;
  return s;
}
