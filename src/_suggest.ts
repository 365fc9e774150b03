/**
 * "Did you mean …": the closest known name to a misspelled one (private).
 *
 * @module
 */

/** Edit distance with adjacent transpositions (optimal string alignment), case-insensitive. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const m = s.length;
  const n = t.length;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n] as number;
}

/**
 * The known name closest to `word`, when close enough to be a misspelling: at most a third of
 * its letters edited (at least one), or one name containing the other (`order` / `orders`).
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  const w = word.toLowerCase();
  for (const k of known) {
    const kl = k.toLowerCase();
    const d = distance(word, k);
    const limit = Math.max(1, Math.floor(Math.max(word.length, k.length) / 3));
    const contains = w.length >= 3 && kl.length >= 3 && (kl.includes(w) || w.includes(kl));
    if ((d <= limit || contains) && d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

/** ` Did you mean "x"?`, or `''` when no known name is close. */
export function didYouMean(word: string, known: readonly string[]): string {
  const c = closest(word, known);
  return c === undefined ? '' : `: did you mean ${JSON.stringify(c)}?`;
}

/**
 * The message of an unknown key: `expected a field of <what> (a, b, …), found unknown
 * "deliverdAt": did you mean "deliveredAt"?`.
 */
export function unknownKeyMessage(key: string, known: readonly string[], what: string): string {
  const hint = didYouMean(key, known);
  const list = hint === '' ? ` (${known.join(', ')})` : '';
  return `expected a field of ${what}${list}, found unknown ${JSON.stringify(key)}${hint}`;
}
