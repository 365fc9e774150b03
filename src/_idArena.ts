/**
 * Ids held off the JS heap (private). A large store has millions of record ids, order ids and
 * customer ids; as JS strings each costs a heap object of 24 bytes or more and a slot in an
 * array, which V8's collector walks again and again while the store is read. An
 * {@link IdArena} keeps the ids of one column as their UTF-16 code units in one typed array
 * (one byte a unit while every unit is below 256, two from the first that is not) and the end
 * of each id in another: about 11 bytes for a 10-character id, none of them on the heap.
 *
 * Every JS string round-trips exactly (non-ASCII, astral characters, lone surrogates: units are
 * copied, never encoded), and an absent id (`undefined`) is told from an empty one. Hashing
 * (FNV-1a over the code units, as it was over strings) and comparison read the units, so the
 * duplicate-id and order-reference checks and the store's table of customer ids never build a
 * string; one is built only when a record is materialised or an issue names an id.
 *
 * The fields are public, not `#private`: the ESM and CJS bundles each have their own copy of
 * this class and must read each other's arenas (a private field's brand check would throw).
 *
 * @module
 */

/** The FNV-1a offset basis, as a signed 32-bit integer. */
const FNV_BASIS = 0x811c9dc5 | 0;
/** The FNV-1a prime. */
const FNV_PRIME = 16777619;

/** The 32-bit FNV-1a hash of a string's UTF-16 code units (equal to {@link IdArena.hashAt}). */
export function hashOf(s: string): number {
  let h = FNV_BASIS;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Units per `String.fromCharCode` call: its arguments go on the stack. */
const DECODE_CHUNK = 8192;

/** `String.fromCharCode`, called with the units as separate arguments below. */
const fromCode = String.fromCharCode;

/**
 * The string of the code units `u[from … to − 1]`. Up to 16 units (nearly every id) by one
 * `fromCharCode` call with the units as arguments: about four times faster than concatenating
 * one-unit strings or applying it to a fresh subarray, and materialising records builds one
 * string per id. Longer ids by `apply` over subarrays, a chunk at a time.
 */
function decode(u: Uint8Array | Uint16Array, from: number, to: number): string {
  const a = from;
  // biome-ignore format: one case a length, its arguments in a row
  switch (to - from) {
    case 0: return '';
    case 1: return fromCode(u[a] as number);
    case 2: return fromCode(u[a] as number, u[a + 1] as number);
    case 3: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number);
    case 4: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number);
    case 5: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number, u[a + 4] as number);
    case 6: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number, u[a + 4] as number, u[a + 5] as number);
    case 7: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number, u[a + 4] as number, u[a + 5] as number, u[a + 6] as number);
    case 8: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number, u[a + 4] as number, u[a + 5] as number, u[a + 6] as number, u[a + 7] as number);
    case 9: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number, u[a + 4] as number, u[a + 5] as number, u[a + 6] as number, u[a + 7] as number, u[a + 8] as number);
    case 10: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number, u[a + 4] as number, u[a + 5] as number, u[a + 6] as number, u[a + 7] as number, u[a + 8] as number, u[a + 9] as number);
    case 11: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number, u[a + 4] as number, u[a + 5] as number, u[a + 6] as number, u[a + 7] as number, u[a + 8] as number, u[a + 9] as number, u[a + 10] as number);
    case 12: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number, u[a + 4] as number, u[a + 5] as number, u[a + 6] as number, u[a + 7] as number, u[a + 8] as number, u[a + 9] as number, u[a + 10] as number, u[a + 11] as number);
    case 13: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number, u[a + 4] as number, u[a + 5] as number, u[a + 6] as number, u[a + 7] as number, u[a + 8] as number, u[a + 9] as number, u[a + 10] as number, u[a + 11] as number, u[a + 12] as number);
    case 14: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number, u[a + 4] as number, u[a + 5] as number, u[a + 6] as number, u[a + 7] as number, u[a + 8] as number, u[a + 9] as number, u[a + 10] as number, u[a + 11] as number, u[a + 12] as number, u[a + 13] as number);
    case 15: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number, u[a + 4] as number, u[a + 5] as number, u[a + 6] as number, u[a + 7] as number, u[a + 8] as number, u[a + 9] as number, u[a + 10] as number, u[a + 11] as number, u[a + 12] as number, u[a + 13] as number, u[a + 14] as number);
    case 16: return fromCode(u[a] as number, u[a + 1] as number, u[a + 2] as number, u[a + 3] as number, u[a + 4] as number, u[a + 5] as number, u[a + 6] as number, u[a + 7] as number, u[a + 8] as number, u[a + 9] as number, u[a + 10] as number, u[a + 11] as number, u[a + 12] as number, u[a + 13] as number, u[a + 14] as number, u[a + 15] as number);
  }
  let s = '';
  for (let j = from; j < to; j += DECODE_CHUNK)
    s += fromCode.apply(null, u.subarray(j, Math.min(to, j + DECODE_CHUNK)) as unknown as number[]);
  return s;
}

/**
 * An arena's fields as plain data, to post between threads: the buffers move (`transfer`),
 * nothing is cloned string by string.
 */
export interface IdArenaFields {
  /** {@link IdArena.units}, cut to the units used. */
  readonly units: Uint8Array | Uint16Array;
  /** {@link IdArena.ends}, cut to the ids. */
  readonly ends: Uint32Array;
  /** {@link IdArena.absent}, cut to the ids. */
  readonly absent: Uint8Array | undefined;
}

/**
 * The ids of one column, in order: the code units of id `i` are
 * `units[ends[i − 1] … ends[i] − 1]` (from 0 for the first), and `absent[i] === 1` marks an
 * absent id (allocated at the first one: most columns have none).
 */
export class IdArena {
  /**
   * The code units of every id, one after the other: a `Uint8Array` while every unit is below
   * 256 (Latin-1: ids are mostly ASCII, and half the bytes), widened once to `Uint16Array`.
   */
  units: Uint8Array | Uint16Array;
  /** The end (exclusive) of each id in `units`: 4 GiB of units at most, far beyond a store. */
  ends: Uint32Array;
  /** 1 for an absent id; `undefined` while none is. */
  absent: Uint8Array | undefined;
  /** The number of ids. */
  length = 0;
  /** The number of units used. */
  used = 0;

  /** Room for `ids` ids of `units` units in all (grown by doubling past them). */
  constructor(ids = 16, units = ids * 12) {
    this.units = new Uint8Array(Math.max(units, 16));
    this.ends = new Uint32Array(Math.max(ids, 16));
    this.absent = undefined;
  }

  /** An arena over `f`'s buffers (as {@link fields} gave them, possibly from another thread). */
  static fromFields(f: IdArenaFields): IdArena {
    const a = new IdArena(0, 0);
    a.units = f.units;
    a.ends = f.ends;
    a.absent = f.absent;
    a.length = f.ends.length;
    a.used = f.ends.length === 0 ? 0 : (f.ends[f.ends.length - 1] as number);
    return a;
  }

  /** The ids of `list`, in order. */
  static from(list: readonly (string | undefined)[]): IdArena {
    let units = 0;
    for (const s of list) if (s !== undefined) units += s.length;
    const a = new IdArena(list.length, units);
    for (const s of list) a.push(s);
    return a;
  }

  /** Whether the units are 16-bit (some unit of some id was 256 or more). */
  get wide(): boolean {
    return this.units.BYTES_PER_ELEMENT === 2;
  }

  /**
   * Room for `ids` ids and `units` units in all, allocated once (a file's ids reserved from its
   * first batch): each doubling of a large buffer holds the old and the new one at once.
   */
  reserve(ids: number, units: number): void {
    if (ids > this.ends.length) this.#ends(ids);
    if (units > this.units.length) this.#units(units, this.wide);
  }

  #ends(size: number): void {
    const e = new Uint32Array(size);
    e.set(this.ends.subarray(0, this.length));
    this.ends = e;
    if (this.absent !== undefined) {
      const a = new Uint8Array(size);
      a.set(this.absent.subarray(0, this.length));
      this.absent = a;
    }
  }

  #units(size: number, wide: boolean): void {
    const u = wide ? new Uint16Array(size) : new Uint8Array(size);
    u.set(this.units.subarray(0, this.used));
    this.units = u;
  }

  /** Room for one more id of `more` units, growing by doubling. */
  #room(more: number): void {
    // At least 16: a trimmed arena may have no room at all.
    if (this.length === this.ends.length) this.#ends(Math.max(this.ends.length * 2, 16));
    const need = this.used + more;
    if (need > this.units.length) this.#units(Math.max(need, this.units.length * 2), this.wide);
  }

  /**
   * From now on 16-bit units: every unit of the buffer copied across, those of an id being
   * pushed (past `used`) too.
   */
  #widen(): void {
    const u = new Uint16Array(this.units.length);
    u.set(this.units);
    this.units = u;
  }

  #markAbsent(i: number): void {
    this.absent ??= new Uint8Array(this.ends.length);
    this.absent[i] = 1;
  }

  /** Appends `s` (`undefined`: an absent id). */
  push(s: string | undefined): void {
    if (s === undefined) {
      this.#room(0);
      this.#markAbsent(this.length);
      this.ends[this.length++] = this.used;
      return;
    }
    const n = s.length;
    this.#room(n);
    let u = this.units;
    const at = this.used;
    for (let c = 0; c < n; c++) {
      const x = s.charCodeAt(c);
      if (x > 255 && u.BYTES_PER_ELEMENT === 1) {
        this.#widen();
        u = this.units;
      }
      u[at + c] = x;
    }
    this.used = at + n;
    this.ends[this.length++] = this.used;
  }

  /** Appends the id `j` of `src` (absent stays absent), without a string. */
  pushFrom(src: IdArena, j: number): void {
    if (src.isAbsent(j)) {
      this.push(undefined);
      return;
    }
    const from = j === 0 ? 0 : (src.ends[j - 1] as number);
    const to = src.ends[j] as number;
    this.#room(to - from);
    if (src.wide && !this.wide) this.#widen();
    this.units.set(src.units.subarray(from, to), this.used);
    this.used += to - from;
    this.ends[this.length++] = this.used;
  }

  /** Appends every id of `src` (a batch from a worker thread): a copy of its buffers. */
  appendAll(src: IdArena): void {
    const n = src.length;
    if (n === 0) return;
    if (this.length + n > this.ends.length)
      this.#ends(Math.max(this.length + n, this.ends.length * 2));
    if (this.used + src.used > this.units.length || (src.wide && !this.wide))
      this.#units(Math.max(this.used + src.used, this.units.length * 2), this.wide || src.wide);
    this.units.set(src.units.subarray(0, src.used), this.used);
    const base = this.used;
    const ends = this.ends;
    for (let j = 0; j < n; j++) ends[this.length + j] = base + (src.ends[j] as number);
    if (src.absent !== undefined)
      for (let j = 0; j < n; j++) if (src.absent[j] === 1) this.#markAbsent(this.length + j);
    this.length += n;
    this.used += src.used;
  }

  /** Whether the id `i` is absent. */
  isAbsent(i: number): boolean {
    return this.absent !== undefined && this.absent[i] === 1;
  }

  /** The id `i` as a string (a new one each time), `undefined` when absent. */
  at(i: number): string | undefined {
    if (this.isAbsent(i)) return undefined;
    const from = i === 0 ? 0 : (this.ends[i - 1] as number);
    const to = this.ends[i] as number;
    return decode(this.units, from, to);
  }

  /** The FNV-1a hash of id `i`'s code units: {@link hashOf} of the string it stands for. */
  hashAt(i: number): number {
    const from = i === 0 ? 0 : (this.ends[i - 1] as number);
    const to = this.ends[i] as number;
    const u = this.units;
    let h = FNV_BASIS;
    for (let j = from; j < to; j++) h = Math.imul(h ^ (u[j] as number), FNV_PRIME);
    return h;
  }

  /** Whether the id `i` is the string `s` (an absent id is no string). */
  equals(i: number, s: string): boolean {
    if (this.isAbsent(i)) return false;
    const from = i === 0 ? 0 : (this.ends[i - 1] as number);
    const to = this.ends[i] as number;
    if (to - from !== s.length) return false;
    const u = this.units;
    for (let j = from; j < to; j++) if (u[j] !== s.charCodeAt(j - from)) return false;
    return true;
  }

  /** Whether the id `i` is the id `j` of `other` (two absent ids are equal). */
  equalsAt(i: number, other: IdArena, j: number): boolean {
    const ai = this.isAbsent(i);
    if (ai || other.isAbsent(j)) return ai && other.isAbsent(j);
    const from = i === 0 ? 0 : (this.ends[i - 1] as number);
    const to = this.ends[i] as number;
    const oFrom = j === 0 ? 0 : (other.ends[j - 1] as number);
    if (to - from !== (other.ends[j] as number) - oFrom) return false;
    const u = this.units;
    const v = other.units;
    for (let k = 0; k < to - from; k++) if (u[from + k] !== v[oFrom + k]) return false;
    return true;
  }

  /** The ids `i` for which `keep[i]` is 1, in a new arena. */
  keep(keep: Uint8Array): IdArena {
    let n = 0;
    let units = 0;
    for (let i = 0; i < this.length; i++)
      if (keep[i] === 1) {
        n++;
        units += (this.ends[i] as number) - (i === 0 ? 0 : (this.ends[i - 1] as number));
      }
    const out = new IdArena(n, units);
    if (this.wide) out.#widen();
    for (let i = 0; i < this.length; i++) if (keep[i] === 1) out.pushFrom(this, i);
    return out.trim();
  }

  /**
   * This arena with its buffers cut to what is used: a view when within an eighth of the room
   * (copying would hold both at once), else a copy. It may still be pushed to (it grows again).
   */
  trim(): this {
    const cut = <T extends Uint8Array | Uint16Array | Uint32Array>(a: T, n: number): T =>
      a.length === n
        ? a
        : (a.length - n) * 8 <= a.length
          ? (a.subarray(0, n) as T)
          : (a.slice(0, n) as T);
    this.units = cut(this.units, this.used);
    this.ends = cut(this.ends, this.length);
    if (this.absent !== undefined) this.absent = cut(this.absent, this.length);
    return this;
  }

  /**
   * The arena as plain data to post to another thread, and the buffers to move with it (this
   * arena is unusable afterwards: its buffers are detached).
   */
  fields(): { fields: IdArenaFields; transfer: ArrayBuffer[] } {
    this.trim();
    const fields: IdArenaFields = { units: this.units, ends: this.ends, absent: this.absent };
    const transfer = [this.units.buffer as ArrayBuffer, this.ends.buffer as ArrayBuffer];
    if (this.absent !== undefined) transfer.push(this.absent.buffer as ArrayBuffer);
    return { fields, transfer };
  }
}

/** Ids read by index as strings: an {@link IdArena}, or {@link SharedIds} over one. */
export interface IdStrings {
  /** The id `i` as a string, `undefined` when absent. */
  at(i: number): string | undefined;
}

/**
 * The ids of an arena as strings, each built once and then shared: the records built in one
 * pass name a customer many times (a customer's sessions and orders), and one string for all
 * of them costs what the table of strings did before the arena.
 */
export class SharedIds implements IdStrings {
  /** Sized once (holey): assigning far past the end would turn it into a dictionary. */
  readonly #made: (string | undefined)[];
  constructor(readonly ids: IdArena) {
    this.#made = new Array(ids.length);
  }
  /** The id `i`, the same string each time. */
  at(i: number): string | undefined {
    let s = this.#made[i];
    if (s === undefined) {
      s = this.ids.at(i);
      this.#made[i] = s;
    }
    return s;
  }
}

/**
 * An open-addressing hash table over the ids of an arena, by their index in it (an index, not a
 * copy: the arena is the only store of the characters). Probing compares the hashes, then the
 * code units: no string is built. At most half full, so probes stay short.
 */
export class IdTable {
  /** The hash of each id of `keys` added so far. */
  #hashes = new Int32Array(1024);
  /** An index of `keys` per slot, −1 for an empty slot. */
  #slots = new Int32Array(2048).fill(-1);
  #mask = 2047;
  /** The ids in the slots. */
  #count = 0;
  /** A table over `keys`, empty: ids are added by index ({@link add}, {@link insertAt}). */
  constructor(readonly keys: IdArena) {}

  /**
   * Adds the id `i` of `keys` (ids are added in order, each once): the index of the first id
   * equal to it, `i` itself when it is the first, −1 when it is absent.
   */
  add(i: number): number {
    if (this.keys.isAbsent(i)) return -1;
    const h = this.keys.hashAt(i);
    const j = this.slotAt(this.keys, i, h);
    const k = this.#slots[j] as number;
    if (k !== -1) return k;
    this.insertAt(j, i, h);
    return i;
  }

  /** The index of the first id equal to `s`, or −1. */
  find(s: string): number {
    return this.#slots[this.slotOf(s, hashOf(s))] as number;
  }

  /** The index of the first id equal to the id `i` of `src`, or −1 (an absent id: −1). */
  findAt(src: IdArena, i: number): number {
    if (src.isAbsent(i)) return -1;
    return this.#slots[this.slotAt(src, i, src.hashAt(i))] as number;
  }

  /**
   * The slot of `s`, whose hash is `h`: the one holding the first id equal to it, or the empty
   * one where it would go ({@link keyIn} tells which; {@link insertAt} fills it). With these
   * an {@link Interner} hashes and probes once for a new id, not twice.
   */
  slotOf(s: string, h: number): number {
    let j = h & this.#mask;
    for (;;) {
      const k = this.#slots[j] as number;
      if (k === -1 || (this.#hashes[k] === h && this.keys.equals(k, s))) return j;
      j = (j + 1) & this.#mask;
    }
  }

  /** The slot of the id `i` of `src` (present), whose hash is `h`, as {@link slotOf}. */
  slotAt(src: IdArena, i: number, h: number): number {
    let j = h & this.#mask;
    for (;;) {
      const k = this.#slots[j] as number;
      if (k === -1 || (this.#hashes[k] === h && this.keys.equalsAt(k, src, i))) return j;
      j = (j + 1) & this.#mask;
    }
  }

  /** The index of `keys` in slot `j`, −1 when it is empty. */
  keyIn(j: number): number {
    return this.#slots[j] as number;
  }

  /**
   * Puts the id `i` of `keys`, whose hash is `h`, in the empty slot `j` that {@link slotOf} or
   * {@link slotAt} gave (nothing added since).
   */
  insertAt(j: number, i: number, h: number): void {
    if (i >= this.#hashes.length) {
      const grown = new Int32Array(Math.max(i + 1, this.#hashes.length * 2));
      grown.set(this.#hashes);
      this.#hashes = grown;
    }
    this.#hashes[i] = h;
    this.#slots[j] = i;
    if (++this.#count * 2 > this.#slots.length) this.#grow();
  }

  #grow(): void {
    const size = this.#slots.length * 2;
    const slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (const k of this.#slots) {
      if (k === -1) continue;
      let j = (this.#hashes[k] as number) & mask;
      while (slots[j] !== -1) j = (j + 1) & mask;
      slots[j] = k;
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}

/**
 * Distinct ids numbered in the order first met (the store's customer ids): the ids in an
 * arena of their own (`table`), each kept once, found by an {@link IdTable}.
 */
export class Interner {
  /** The ids, numbered by their index. */
  readonly table = new IdArena(1024);
  readonly #index = new IdTable(this.table);
  /** The number of `s`, or −1 when it has none. */
  find(s: string): number {
    return this.#index.find(s);
  }
  /** The number of the id `j` of `src`, or −1 when it has none. */
  findAt(src: IdArena, j: number): number {
    return this.#index.findAt(src, j);
  }
  /** The number of `s`, given the next one when it has none yet. */
  id(s: string): number {
    const h = hashOf(s);
    const j = this.#index.slotOf(s, h);
    const k = this.#index.keyIn(j);
    if (k !== -1) return k;
    this.table.push(s);
    this.#index.insertAt(j, this.table.length - 1, h);
    return this.table.length - 1;
  }
  /** The number of the id `j` of `src` (present), given the next one when it has none yet. */
  idAt(src: IdArena, j: number): number {
    const h = src.hashAt(j);
    const slot = this.#index.slotAt(src, j, h);
    const k = this.#index.keyIn(slot);
    if (k !== -1) return k;
    this.table.pushFrom(src, j);
    this.#index.insertAt(slot, this.table.length - 1, h);
    return this.table.length - 1;
  }
}
