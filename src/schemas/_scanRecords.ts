/**
 * Line scanners of the collections held column-wise (private): a chat session, order or
 * review read straight from its JSON Lines text, without `JSON.parse`.
 *
 * Each takes a line only in the plain form ({@link FlatObjectScanner}) and only when the
 * record's fast path would take it (`_fast.ts`, the same helpers): it then returns exactly
 * what `parseRecord(name, JSON.parse(line))` returns, the same keys in the same order, the
 * same values. Anything else it declines (`undefined`), and the line goes through
 * `JSON.parse` and `parseRecord` as before, so that every issue, its wording, file and line
 * stay those of the schema. `test/schemas/scan.test.ts` checks both with fast-check.
 *
 * @module
 */
import type {
  ChatKind,
  ChatMessage,
  ChatSession,
  ChatStage,
  MessageSender,
  Order,
  Rating,
  Review,
  Stars,
} from '../model.js';
import { RATINGS } from './_common.js';
import { FAIL, fastInstant } from './_fast.js';
import {
  ABSENT,
  DECLINED,
  FALSE,
  FlatObjectScanner,
  LIST,
  NULL,
  NUM,
  ONE_OF,
  STR,
  skipSpace,
  TRUE,
} from './_scan.js';
import { compareMessages, KINDS, SENDERS, STAGES, sessionOf } from './chatSession.js';
import { orderOf } from './order.js';
import type { StoreDataCollection } from './storeData.js';

/** An instant in slot `k` (epoch ms or a string the fast path reads), else FAIL. */
function instantIn(s: FlatObjectScanner, text: string, k: number): number {
  const kind = s.kind[k];
  if (kind === NUM) return fastInstant(s.num[k]);
  if (kind === STR) return fastInstant(s.string(text, k));
  return FAIL;
}

/** An optional instant in slot `k`: `undefined` when absent or `null`, else as {@link instantIn}. */
function optionalInstantIn(s: FlatObjectScanner, text: string, k: number): number | undefined {
  const kind = s.kind[k];
  return kind === ABSENT || kind === NULL ? undefined : instantIn(s, text, k);
}

/** A non-empty string id in slot `k`, else `undefined`. */
function idIn(s: FlatObjectScanner, text: string, k: number): string | undefined {
  return s.kind[k] === STR && (s.end[k] as number) > (s.start[k] as number)
    ? s.ownString(text, k)
    : undefined;
}

/** A boolean in slot `k`, `dflt` when absent or `null`, else `undefined`. */
function booleanIn(s: FlatObjectScanner, k: number, dflt: boolean): boolean | undefined {
  const kind = s.kind[k];
  if (kind === TRUE) return true;
  if (kind === FALSE) return false;
  return kind === ABSENT || kind === NULL ? dflt : undefined;
}

/**
 * The value of slot `k` (read with `values` as its choices): `undefined` when absent or
 * `null`, FAIL when not one of them.
 */
function optionalEnumIn<T extends string>(
  s: FlatObjectScanner,
  k: number,
  values: readonly T[],
): T | undefined | typeof FAIL {
  const kind = s.kind[k];
  if (kind === ABSENT || kind === NULL) return undefined;
  return kind === ONE_OF ? (values[s.num[k] as number] as T) : FAIL;
}

/** The largest whole yuan read from a string: its fen (× 100) stay exact in a double. */
const MAX_WHOLE_DIGITS = 13;

/**
 * Money in yuan in slot `k` → integer fen, as `yuanToFen` gives it, else FAIL. A string is
 * read digit by digit in place (`yuanToFen` runs a regular expression, 3.6 % of a folder
 * read): digits, then optionally `.` and digits, of which those past the cents must be zeros;
 * whole yuan of more than 13 digits and every other form (spaces, a sign) are left to it.
 */
function moneyIn(s: FlatObjectScanner, text: string, k: number): number {
  const kind = s.kind[k];
  if (kind === NUM) {
    const v = s.num[k] as number;
    return v <= 90_000_000_000_000 ? v * 100 : FAIL;
  }
  if (kind !== STR) return FAIL;
  let p = s.start[k] as number;
  const e = s.end[k] as number;
  let whole = 0;
  const from = p;
  for (let d = text.charCodeAt(p) - 48; p < e && d >= 0 && d <= 9; d = text.charCodeAt(++p) - 48)
    whole = whole * 10 + d;
  if (p === from || p - from > MAX_WHOLE_DIGITS) return FAIL;
  if (p === e) return whole * 100;
  if (text.charCodeAt(p) !== 46) return FAIL;
  let fen = whole * 100;
  for (let i = 0, q = p + 1; q < e; i++, q++) {
    const d = text.charCodeAt(q) - 48;
    if (d < 0 || d > 9) return FAIL;
    if (i === 0) fen += d * 10;
    else if (i === 1) fen += d;
    else if (d !== 0) return FAIL;
  }
  return fen;
}

/** Where the line last taken ended: `end`, or the LF before it (see {@link scanRecord}). */
let lineEnd = 0;

/** Where the line of the record last taken by {@link scanRecord} ended: its LF, or `end`. */
export function scannedLineEnd(): number {
  return lineEnd;
}

/**
 * Reads the line at `start` as one object with `s`: whether it is one in the plain form, with
 * nothing after it but whitespace up to `end` or, when `open`, up to an LF before it (else the
 * line is not one JSON value).
 */
function readLine(
  s: FlatObjectScanner,
  text: string,
  start: number,
  end: number,
  open: boolean,
): boolean {
  let p = s.read(text, start, end);
  if (p === DECLINED) return false;
  p = skipSpace(text, p, end);
  if (p !== end && !(open && text.charCodeAt(p) === 10)) return false;
  lineEnd = p;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Orders
// ---------------------------------------------------------------------------------------------

/** An order's keys, in slot order (`orderSchema`'s, checked by the tests). */
export const ORDER_SCAN_KEYS = [
  'id',
  'customerId',
  'placedAt',
  'paidAt',
  'cashOnDelivery',
  'amount',
  'units',
  'cancelledAt',
  'outboundAt',
  'collectedAt',
  'deliveredAt',
] as const;

/** Reads an order (reused from line to line). */
const orderScanner = new FlatObjectScanner(ORDER_SCAN_KEYS);

/** An order read from its line in the plain form, as `fastOrder` gives it; else `undefined`. */
export function scanOrder(
  text: string,
  start = 0,
  end: number = text.length,
  open = false,
): Order | undefined {
  const s = orderScanner;
  if (!readLine(s, text, start, end, open)) return undefined;
  const id = idIn(s, text, 0);
  const customerId = idIn(s, text, 1);
  const placedAt = instantIn(s, text, 2);
  const paidAt = optionalInstantIn(s, text, 3);
  const cashOnDelivery = booleanIn(s, 4, false);
  const amountFen = moneyIn(s, text, 5);
  const u = s.kind[6];
  const units =
    u === ABSENT ? 1 : u === NUM && (s.num[6] as number) >= 1 ? (s.num[6] as number) : FAIL;
  const cancelledAt = optionalInstantIn(s, text, 7);
  const outboundAt = optionalInstantIn(s, text, 8);
  const collectedAt = optionalInstantIn(s, text, 9);
  const deliveredAt = optionalInstantIn(s, text, 10);
  return orderOf(
    id,
    customerId,
    placedAt,
    paidAt,
    cashOnDelivery,
    amountFen,
    units,
    cancelledAt,
    outboundAt,
    collectedAt,
    deliveredAt,
  );
}

// ---------------------------------------------------------------------------------------------
// Chat sessions
// ---------------------------------------------------------------------------------------------

/** A chat session's keys, in slot order (`chatSessionSchema`'s, checked by the tests). */
export const CHAT_SESSION_SCAN_KEYS = [
  'id',
  'customerId',
  'kind',
  'stage',
  'messages',
  'rating',
  'ratedAt',
] as const;

/** A message's keys, in slot order. */
export const MESSAGE_SCAN_KEYS = ['from', 'at'] as const;

/** The slot of `messages`. */
const MESSAGES = 4;

/** Reads each message; its sender is one of {@link SENDERS}, compared in place. */
const messageScanner = new FlatObjectScanner(MESSAGE_SCAN_KEYS, -1, undefined, [SENDERS]);

/**
 * The messages of the session being read, as read (reused from line to line: a declined line
 * builds no message).
 */
const msgFrom: MessageSender[] = [];
/** Each message's instant (epoch ms), as read. */
const msgAt: number[] = [];
/** The messages of the session being read. */
let msgCount = 0;

/**
 * Reads the `messages` array at `p` into {@link msgFrom} and {@link msgAt}: the position
 * after its `]`, or DECLINED for an empty array (the fast path declines it), a message not in
 * the plain form `{ from, at }`, an unknown sender or an instant the fast path declines.
 */
function readMessages(text: string, p: number, n: number): number {
  const m = messageScanner;
  msgCount = 0;
  p = skipSpace(text, p + 1, n);
  if (p >= n || text.charCodeAt(p) === 93) return DECLINED;
  for (;;) {
    p = m.read(text, p, n);
    if (p === DECLINED || m.kind[0] !== ONE_OF) return DECLINED;
    const at = instantIn(m, text, 1);
    if (at === FAIL) return DECLINED;
    msgFrom[msgCount] = SENDERS[m.num[0] as number] as MessageSender;
    msgAt[msgCount] = at;
    msgCount++;
    p = skipSpace(text, p, n);
    if (p >= n) return DECLINED;
    const c = text.charCodeAt(p);
    if (c === 93) return p + 1;
    if (c !== 44) return DECLINED;
    p = skipSpace(text, p + 1, n);
  }
}

/** Reads a chat session, its messages with {@link readMessages}, its enumerations in place. */
const sessionScanner = new FlatObjectScanner(CHAT_SESSION_SCAN_KEYS, MESSAGES, readMessages, [
  undefined,
  undefined,
  KINDS,
  STAGES,
  undefined,
  RATINGS,
]);

/** A chat session read from its line in the plain form, as `fastChatSession` gives it; else `undefined`. */
export function scanChatSession(
  text: string,
  start = 0,
  end: number = text.length,
  open = false,
): ChatSession | undefined {
  const s = sessionScanner;
  if (!readLine(s, text, start, end, open)) return undefined;
  const id = idIn(s, text, 0);
  const customerId = idIn(s, text, 1);
  // Unlike `stage`, an explicit `null` kind is the schema's to judge (the fast path declines it).
  const kind: ChatKind | undefined | typeof FAIL =
    s.kind[2] === ABSENT
      ? 'consultation'
      : s.kind[2] === ONE_OF
        ? optionalEnumIn<ChatKind>(s, 2, KINDS)
        : FAIL;
  const stage = optionalEnumIn<ChatStage>(s, 3, STAGES);
  const rating = optionalEnumIn<Rating>(s, 5, RATINGS);
  const ratedAt = optionalInstantIn(s, text, 6);
  if (
    id === undefined ||
    customerId === undefined ||
    kind === FAIL ||
    kind === undefined ||
    stage === FAIL ||
    rating === FAIL ||
    ratedAt === FAIL ||
    s.kind[MESSAGES] !== LIST ||
    (rating === undefined && ratedAt !== undefined)
  ) {
    return undefined;
  }
  // The messages' checks of `fastChatSession`: a customer among the senders, a rating not
  // before the first message; sorted only when out of order.
  const n = msgCount;
  let customer = false;
  let sorted = true;
  let first = Number.POSITIVE_INFINITY;
  let prev = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const at = msgAt[i] as number;
    if (msgFrom[i] === 'customer') customer = true;
    if (at < prev) sorted = false;
    if (at < first) first = at;
    prev = at;
  }
  if (!customer || (ratedAt !== undefined && ratedAt < first)) return undefined;
  const messages: ChatMessage[] = new Array(n);
  for (let i = 0; i < n; i++)
    messages[i] = { from: msgFrom[i] as MessageSender, at: msgAt[i] as number };
  return sessionOf(
    id,
    customerId,
    kind,
    stage,
    sorted ? messages : messages.sort(compareMessages),
    rating,
    ratedAt,
  );
}

// ---------------------------------------------------------------------------------------------
// Reviews
// ---------------------------------------------------------------------------------------------

/** A review's keys, in slot order (`reviewSchema`'s, checked by the tests). */
export const REVIEW_SCAN_KEYS = [
  'id',
  'customerId',
  'orderId',
  'createdAt',
  'stars',
  'repliedAt',
  'excluded',
] as const;

/** Reads a review (reused from line to line). */
const reviewScanner = new FlatObjectScanner(REVIEW_SCAN_KEYS);

/** A review read from its line in the plain form, as `fastReview` gives it; else `undefined`. */
export function scanReview(
  text: string,
  start = 0,
  end: number = text.length,
  open = false,
): Review | undefined {
  const s = reviewScanner;
  if (!readLine(s, text, start, end, open)) return undefined;
  const id = idIn(s, text, 0);
  const customerId = idIn(s, text, 1);
  const o = s.kind[2];
  const orderId = o === ABSENT || o === NULL ? undefined : idIn(s, text, 2);
  const createdAt = instantIn(s, text, 3);
  const stars = s.kind[4] === NUM ? (s.num[4] as number) : 0;
  const repliedAt = optionalInstantIn(s, text, 5);
  const excluded = booleanIn(s, 6, false);
  if (
    id === undefined ||
    customerId === undefined ||
    (orderId === undefined && o !== ABSENT && o !== NULL) ||
    createdAt === FAIL ||
    stars < 1 ||
    stars > 5 ||
    repliedAt === FAIL ||
    excluded === undefined ||
    (repliedAt !== undefined && repliedAt < createdAt)
  ) {
    return undefined;
  }
  // The literal of `fastReview`: the same keys in the same order.
  return { id, customerId, orderId, createdAt, stars: stars as Stars, repliedAt, excluded };
}

// ---------------------------------------------------------------------------------------------

/**
 * The record of collection `name` on the line `text` (from `start` to `end`), normalised,
 * when a scanner takes it; `undefined` to read it with `JSON.parse` and `parseRecord`
 * (always, for the collections not held column-wise: they are small). With `open`, `text`
 * runs on past the line, which ends at the first LF ({@link scannedLineEnd}): a chunk of the
 * file is read without first looking for the end of each line.
 */
export function scanRecord(
  name: StoreDataCollection,
  text: string,
  start = 0,
  end: number = text.length,
  open = false,
): unknown {
  if (name === 'orders') return scanOrder(text, start, end, open);
  if (name === 'chatSessions') return scanChatSession(text, start, end, open);
  if (name === 'reviews') return scanReview(text, start, end, open);
  return undefined;
}
