/**
 * An accept-only reader of one flat JSON object in a line's text (private), for the line
 * scanners of the collections held column-wise (`_scanRecords.ts`).
 *
 * A folder of a million records spent a third of its reading time in `JSON.parse`, which
 * builds an object (and a string per key) that the fast path reads once and drops. This reads
 * the values where they lie in the text instead: only the plain form that exports and
 * `JSON.stringify` write, anything else (an escape, a fraction, a repeated key…) is declined,
 * and the line then goes through `JSON.parse` and the schema as before, which word every
 * issue. What it accepts is a strict subset of JSON, so it never takes a line `JSON.parse`
 * would reject.
 *
 * @module
 */

/** No value read for the key (yet). */
export const ABSENT = 0;
/** A string without escapes: its text runs from `start` to `end` (quotes excluded). */
export const STR = 1;
/** A non-negative integer of at most 15 digits (exact in a double): in `num`. */
export const NUM = 2;
/** `true`. */
export const TRUE = 3;
/** `false`. */
export const FALSE = 4;
/** `null`. */
export const NULL = 5;
/** The array of the list key, read by the scanner's list reader. */
export const LIST = 6;
/** A string among the slot's choices: its index among them in `num`. */
export const ONE_OF = 7;

/**
 * Returned for a declined line: the position where a read fails. Every method here returns
 * a position, or this.
 */
export const DECLINED = -1;

/**
 * Reads an array at `p` (its `[`), for the one key whose value is an array, reading no
 * further than `n`: the position after its `]`, or {@link DECLINED}.
 */
export type ListReader = (text: string, p: number, n: number) => number;

/**
 * Past whitespace (space, tab, CR: {@link isSpace}) from `p`, not past `n`. Every read here stays
 * below the end: V8 compiles a `charCodeAt` that once read past the end into slower code.
 */
export function skipSpace(text: string, p: number, n: number): number {
  while (p < n) {
    if (!isSpace(text.charCodeAt(p))) return p;
    p++;
  }
  return p;
}

/**
 * JSON's whitespace within a line: space, tab, CR. Not LF: a line has none, and the scanner,
 * reading on in a chunk of the file, stops at the end of the line (`_scanRecords.ts`).
 */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13;
}

/**
 * The position of the closing quote of the string whose text starts at `p`, or
 * {@link DECLINED} on a backslash (an escape: `JSON.parse` decodes it, so decline), on a
 * control character (invalid JSON: the slow path words it) or at `n`.
 */
function stringEnd(text: string, p: number, n: number): number {
  for (; p < n; p++) {
    const c = text.charCodeAt(p);
    if (c === 34) return p;
    if (c === 92 || c < 32) return DECLINED;
  }
  return DECLINED;
}

/** The UTF-16 code units of `s`. */
function codesOf(s: string): Uint16Array {
  const a = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
  return a;
}

/**
 * Whether the string at `p` (after its opening quote) is `key` (of `len` code units), its
 * closing quote included, reading no further than `n`: one pass over the string, where
 * finding its end and then naming it would take two.
 */
function keyAt(text: string, p: number, n: number, key: Uint16Array, len: number): boolean {
  if (p + len >= n || text.charCodeAt(p + len) !== 34) return false;
  // Measured here: faster than `startsWith`, and than `charCodeAt` on both strings.
  for (let i = 0; i < len; i++) if (text.charCodeAt(p + i) !== key[i]) return false;
  return true;
}

/**
 * Below this length V8 copies the characters of a slice; from it on, a slice is a view that
 * keeps the whole text it was cut from (a chunk of the file) alive.
 */
const SLICE_MIN = 13;

/**
 * Reads flat JSON objects with known keys, into one slot per key: a scanner is reused line
 * after line (its slots are overwritten), so a line read costs no object but the strings its
 * caller cuts out.
 */
export class FlatObjectScanner {
  /** The kind of each key's value ({@link ABSENT}, {@link STR}, …). */
  readonly kind: Int32Array;
  /** Where each string value's text starts. */
  readonly start: Int32Array;
  /** Where each string value's text ends (its closing quote). */
  readonly end: Int32Array;
  /** Each number's value. */
  readonly num: Float64Array;

  /**
   * @param keys - the known keys, in slot order, which is also the order in which they are
   *   expected (checked first; any order is read); any other key declines the line (the
   *   schema names an unknown key, with the field it resembles).
   * @param listKey - the slot of the one key whose value may be an array, −1 for none.
   * @param list - reads that array.
   * @param choices - for a slot whose value is one of a few strings (an enumeration), those
   *   strings: read as {@link ONE_OF}, compared where they lie; any other string there
   *   declines the line (the fast paths decline it too).
   */
  constructor(
    readonly keys: readonly string[],
    readonly listKey = -1,
    readonly list?: ListReader,
    choices: readonly (readonly string[] | undefined)[] = [],
  ) {
    this.kind = new Int32Array(keys.length);
    this.start = new Int32Array(keys.length);
    this.end = new Int32Array(keys.length);
    this.num = new Float64Array(keys.length);
    this.codes = keys.map(codesOf);
    this.lengths = Int32Array.from(keys, (key) => key.length);
    this.choices = keys.map((_, k) => choices[k]?.map(codesOf));
    // Before any line: the keys in slot order (the first after the `{`, slot `keys.length`).
    this.next = new Int32Array(keys.length + 1);
    for (let i = 0; i < keys.length; i++) this.next[i] = i + 1 === keys.length ? 0 : i + 1;
    this.next[keys.length] = 0;
  }

  /**
   * The slot of the key expected after each slot's (the last, after the `{`): the one that
   * followed it on the line read before. A folder's lines mostly list the same keys in the
   * same order, so that one comparison mostly names a key.
   */
  private readonly next: Int32Array;
  /** Each key's UTF-16 code units. */
  private readonly codes: readonly Uint16Array[];
  /** Each key's length. */
  private readonly lengths: Int32Array;
  /** Each slot's choices' code units, for a slot that has choices. */
  private readonly choices: readonly (readonly Uint16Array[] | undefined)[];

  /**
   * Reads the object at `p` (after any whitespace), reading no further than `n`: the position
   * after its `}`, or {@link DECLINED} for anything but the plain form: an unknown or
   * repeated key (`JSON.parse` keeps the last of a repeated key; the schema is left to judge
   * that), a value that is not a string without escapes, an integer of at most 15 digits,
   * `true`, `false` or `null`.
   */
  read(text: string, p: number, n: number): number {
    const kind = this.kind;
    const keys = this.keys;
    const codes = this.codes;
    const lengths = this.lengths;
    const next = this.next;
    const nk = keys.length;
    for (let i = 0; i < nk; i++) kind[i] = ABSENT;
    p = skipSpace(text, p, n);
    if (p >= n || text.charCodeAt(p) !== 123) return DECLINED;
    p = skipSpace(text, p + 1, n);
    if (p >= n) return DECLINED;
    let c = text.charCodeAt(p);
    if (c === 125) return p + 1;
    let prev = nk;
    for (;;) {
      if (c !== 34) return DECLINED;
      p++;
      // The key expected first is the one that followed the key before on the line before,
      // then the ones after it in slot order: mostly, one comparison names a key. A key
      // that is none of them (unknown, or written with an escape) declines.
      let k = next[prev] as number;
      let tries = nk;
      while (tries > 0 && !keyAt(text, p, n, codes[k] as Uint16Array, lengths[k] as number)) {
        k = k + 1 === nk ? 0 : k + 1;
        tries--;
      }
      if (tries === 0 || kind[k] !== ABSENT) return DECLINED;
      next[prev] = k;
      prev = k;
      p += (lengths[k] as number) + 1;
      c = p < n ? text.charCodeAt(p) : -1;
      if (c !== 58) {
        p = skipSpace(text, p, n);
        if (p >= n || text.charCodeAt(p) !== 58) return DECLINED;
      }
      p++;
      if (p < n && isSpace(text.charCodeAt(p))) p = skipSpace(text, p, n);
      if (p >= n) return DECLINED;
      p = this.value(text, p, n, k);
      if (p === DECLINED) return DECLINED;
      c = p < n ? text.charCodeAt(p) : -1;
      if (isSpace(c)) {
        p = skipSpace(text, p, n);
        c = p < n ? text.charCodeAt(p) : -1;
      }
      if (c === 125) return p + 1;
      if (c !== 44) return DECLINED;
      p++;
      c = p < n ? text.charCodeAt(p) : -1;
      if (isSpace(c)) {
        p = skipSpace(text, p, n);
        c = p < n ? text.charCodeAt(p) : -1;
      }
    }
  }

  /** Reads the value at `p` (< `n`) into slot `k`: the position after it, or {@link DECLINED}. */
  private value(text: string, p: number, n: number, k: number): number {
    const c = text.charCodeAt(p);
    if (c === 34) {
      const choices = this.choices[k];
      if (choices !== undefined) {
        for (let i = 0; i < choices.length; i++) {
          const choice = choices[i] as Uint16Array;
          if (keyAt(text, p + 1, n, choice, choice.length)) {
            this.kind[k] = ONE_OF;
            this.num[k] = i;
            return p + choice.length + 2;
          }
        }
        return DECLINED;
      }
      const e = stringEnd(text, p + 1, n);
      if (e === DECLINED) return DECLINED;
      this.kind[k] = STR;
      this.start[k] = p + 1;
      this.end[k] = e;
      return e + 1;
    }
    if (c >= 48 && c <= 57) {
      // A leading zero is JSON only as `0` itself: `01` then leaves a digit where the caller
      // expects `,` or `}`, and so does a 16th digit here; `.` and `e` likewise.
      let v = c - 48;
      let q = p + 1;
      if (c !== 48) {
        const last = Math.min(n, p + 15);
        for (; q < last; q++) {
          const d = text.charCodeAt(q) - 48;
          if (d < 0 || d > 9) break;
          v = v * 10 + d;
        }
      }
      this.kind[k] = NUM;
      this.num[k] = v;
      return q;
    }
    if (c === 116 && text.startsWith('true', p)) {
      this.kind[k] = TRUE;
      return p + 4;
    }
    if (c === 102 && text.startsWith('false', p)) {
      this.kind[k] = FALSE;
      return p + 5;
    }
    if (c === 110 && text.startsWith('null', p)) {
      this.kind[k] = NULL;
      return p + 4;
    }
    if (c === 91 && k === this.listKey && this.list !== undefined) {
      const e = this.list(text, p, n);
      if (e !== DECLINED) this.kind[k] = LIST;
      return e;
    }
    return DECLINED;
  }

  /** The string value of slot `k`, cut out of `text`: to read now, not to keep. */
  string(text: string, k: number): string {
    return text.slice(this.start[k], this.end[k]);
  }

  /**
   * The string value of slot `k`, copied out of `text`: to keep (an id). A long slice would
   * keep the whole chunk of the file alive for as long as the id; `JSON.parse` of the quoted
   * value makes a string of its own (the value has no escape: it reads as it is written).
   */
  ownString(text: string, k: number): string {
    const a = this.start[k] as number;
    const b = this.end[k] as number;
    return b - a < SLICE_MIN ? text.slice(a, b) : (JSON.parse(text.slice(a - 1, b + 1)) as string);
  }
}
