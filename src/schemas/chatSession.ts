/**
 * The chat session (咚咚会话) input schema.
 *
 * @module
 */
import { z } from 'zod';
import type {
  ChatKind,
  ChatMessage,
  ChatSession,
  ChatStage,
  MessageSender,
  Rating,
} from '../model.js';
import type { InstantInput } from '../time/shanghai.js';
import {
  ALWAYS,
  enumOf,
  expecting,
  idSchema,
  instantSchema,
  ms,
  optionalEnumOf,
  optionalInstantSchema,
  optionalRatingSchema,
  RATINGS,
  type RecordProblem,
  ratingProblems,
  reportProblems,
  showInstant,
  strictObject,
  withDefault,
} from './_common.js';
import {
  FAIL,
  fastId,
  fastInstant,
  fastOptionalEnum,
  fastOptionalInstant,
  fastRecord,
  keysOf,
} from './_fast.js';

/** The senders of a message (also read in place by the line scanner, `_scanRecords.ts`). */
export const SENDERS = ['customer', 'agent', 'robot'] as const satisfies readonly MessageSender[];
/** The kinds of a session. */
export const KINDS = ['consultation', 'offline-message'] as const satisfies readonly ChatKind[];
/** The stages of a session. */
export const STAGES = ['pre-sales', 'after-sales'] as const satisfies readonly ChatStage[];

const SENDER_SET: ReadonlySet<string> = new Set(SENDERS);
const KIND_SET: ReadonlySet<string> = new Set(KINDS);
const STAGE_SET: ReadonlySet<string> = new Set(STAGES);
const RATING_SET: ReadonlySet<string> = new Set(RATINGS);

/**
 * Schema of one chat message: who sent it and when.
 *
 * @example
 * ```ts
 * chatMessageSchema.parse({ from: 'agent', at: '2026-11-01T09:00:05+08:00' });
 * //=> { from: 'agent', at: 1793494805000 }
 * chatMessageSchema.safeParse({ from: 'agent', at: 1793494805000, text: 'hi' }).error?.issues[0]?.path;
 * //=> ['text']   (an unknown key is an error)
 * chatMessageSchema.safeParse({ from: 'bot', at: 1793494805000 }).success;
 * //=> false
 * ```
 */
export const chatMessageSchema = strictObject(
  {
    from: enumOf(SENDERS, 'a sender'),
    at: instantSchema,
  },
  'a message object { from, at }',
);

/**
 * A chat message as accepted on input.
 *
 * @example
 * ```ts
 * const m: ChatMessageInput = { from: 'customer', at: '2026-11-01 09:00:00' };
 * chatMessageSchema.parse(m).at;
 * //=> 1793494800000
 * ```
 */
export interface ChatMessageInput {
  /** Who sent it: `'customer'`, `'agent'` (a person) or `'robot'` (京东小智). */
  readonly from: MessageSender;
  /** When it was sent: an instant: ISO-8601 with an offset or `Z` (`2026-11-01T09:00:00+08:00`), Shanghai local time without an offset (`2026-11-01 09:00:00`, as JD's exports print it), epoch milliseconds, or a `Date`. */
  readonly at: InstantInput;
}

/**
 * Message order: by time only. Sorting with it is stable, so messages stamped at the same
 * instant keep the order in which the record lists them: exports stamp to the second, and the
 * listed order is the only evidence of what came first (a reply listed after the question it
 * shares a second with answers it; one listed before it does not).
 * @internal
 */
export function compareMessages(a: ChatMessage, b: ChatMessage): number {
  return a.at - b.at;
}

/** The messages sorted stably by {@link compareMessages}, the same array when already sorted. */
export function sortMessages<T extends ChatMessage>(messages: T[]): T[] {
  for (let i = 1; i < messages.length; i++) {
    if (compareMessages(messages[i] as T, messages[i - 1] as T) < 0)
      return messages.slice().sort(compareMessages);
  }
  return messages;
}

const messagesSchema = z
  .array(chatMessageSchema, expecting('messages as an array of { from, at }'))
  .superRefine(
    (messages, ctx) => {
      if (messages.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'expected at least one message, found an empty array',
        });
        return;
      }
      let known = true;
      for (const m of messages) {
        const from = (m as { from?: unknown } | undefined)?.from;
        if (from === 'customer') return;
        if (!SENDER_SET.has(from as string)) known = false;
      }
      // A message with an unreadable sender has its own issue; it might have been the customer's.
      if (known) {
        ctx.addIssue({
          code: 'custom',
          message: `expected at least one customer message, found only agent or robot messages (${messages.length})`,
        });
      }
    },
    { when: (p) => Array.isArray(p.value) },
  )
  .transform((messages): ChatMessage[] => sortMessages(messages));

/** Checks a parsed rating and its `ratedAt` against each other (for sessions and service orders). */
function sessionProblems(s: {
  messages?: unknown;
  rating?: unknown;
  ratedAt?: unknown;
}): RecordProblem[] {
  const out = ratingProblems(s);
  const ratedAt = ms(s.ratedAt);
  // Stryker disable next-line ConditionalExpression: without ratedAt nothing is found (a comparison with undefined is false)
  if (ratedAt !== undefined && Array.isArray(s.messages)) {
    let first: number | undefined;
    for (const m of s.messages as unknown[]) {
      const at = ms((m as { at?: unknown } | undefined)?.at);
      if (at !== undefined && (first === undefined || at < first)) first = at;
    }
    // Stryker disable next-line ConditionalExpression: a comparison with undefined is false, the guard's own answer
    if (first !== undefined && ratedAt < first) {
      out.push({
        field: 'ratedAt',
        message: `expected ratedAt at or after the first message (${showInstant(first)}), found ${showInstant(ratedAt)}: impossible order of events`,
      });
    }
  }
  return out;
}

/**
 * Schema of a chat session (咚咚会话). `kind` defaults to `'consultation'`; messages (at least
 * one, at least one from the customer) are sorted by time, stably (messages stamped at the same
 * instant keep their listed order), when given out of order. A rating counts once its
 * `ratedAt` has happened. A rating exported without `ratedAt` is accepted and left undated
 * here: as of each evaluation day it is dated at the record's last message that has happened
 * by then (`assumption`), so a message stamped after the as-of instant never changes a result.
 * A `ratedAt` needs a rating and cannot precede the first message.
 *
 * @example
 * ```ts
 * chatSessionSchema.parse({
 *   id: 's1', customerId: 'c1',
 *   messages: [{ from: 'agent', at: '2026-11-01 09:00:20' }, { from: 'customer', at: '2026-11-01 09:00:00' }],
 * }).messages.map((m) => m.from);
 * //=> ['customer', 'agent']   (sorted; kind is 'consultation')
 * chatSessionSchema.parse({ id: 's1', customerId: 'c1', rating: 'satisfied',
 *   messages: [{ from: 'customer', at: 1793494800000 }, { from: 'agent', at: 1793494810000 }] }).ratedAt;
 * //=> undefined   (accepted; dated as of each day at the last message that has happened)
 * ```
 */
export const chatSessionSchema = strictObject(
  {
    id: idSchema,
    customerId: idSchema,
    kind: withDefault(enumOf(KINDS, 'a chat kind'), 'consultation'),
    stage: optionalEnumOf(STAGES, 'a chat stage'),
    messages: messagesSchema,
    rating: optionalRatingSchema,
    ratedAt: optionalInstantSchema,
  },
  'a chat session object',
)
  .superRefine((s, ctx) => {
    reportProblems(sessionProblems(s), ctx.issues, s);
  }, ALWAYS)
  .transform(
    (s): ChatSession =>
      sessionOf(
        s.id,
        s.customerId,
        s.kind,
        s.stage ?? undefined,
        s.messages,
        s.rating ?? undefined,
        s.ratedAt,
      ),
  );

/**
 * The parsed session: one literal for the schema, its fast path and the line scanner, so that
 * all three give the same keys in the same order.
 */
export function sessionOf(
  id: string,
  customerId: string,
  kind: ChatKind,
  stage: ChatStage | undefined,
  messages: ChatMessage[],
  rating: Rating | undefined,
  ratedAt: number | undefined,
): ChatSession {
  return { id, customerId, kind, stage, messages, rating, ratedAt };
}

/**
 * A chat session as accepted on input.
 *
 * @example
 * ```ts
 * const s: ChatSessionInput = { id: 's1', customerId: 'c1', kind: 'offline-message',
 *   messages: [{ from: 'customer', at: 1793494800000 }] };
 * chatSessionSchema.parse(s).kind;
 * //=> 'offline-message'
 * ```
 */
export interface ChatSessionInput {
  /** The session's id, unique among the sessions. */
  readonly id: string;
  /** The customer's id: sessions of one customer less than 10 minutes apart merge; their orders decide the stage. */
  readonly customerId: string;
  /** `'consultation'` (咨询, default) or `'offline-message'` (留言, left when no agent was online). */
  readonly kind?: ChatKind | null | undefined;
  /**
   * `'pre-sales'` (售前) or `'after-sales'` (售后). When absent it is **derived**: after-sales when
   * the customer has an order placed before the session started, else pre-sales. It decides
   * which satisfaction a rating feeds and which sessions the 30-second rate and conversion
   * count: give it when your export has it (see docs/input.md).
   */
  readonly stage?: ChatStage | null | undefined;
  /** The messages, in any order (sorted on input); at least one from the customer. */
  readonly messages: readonly ChatMessageInput[];
  /** The customer's rating: `'very-satisfied'` 非常满意, `'satisfied'` 满意, `'neutral'` 一般, `'dissatisfied'` 不满意, `'very-dissatisfied'` 非常不满意. */
  readonly rating?: Rating | null | undefined;
  /** When the rating was given. */
  readonly ratedAt?: InstantInput | null | undefined;
}

const CHAT_SESSION_KEYS = keysOf(chatSessionSchema.in);
const MESSAGE_KEYS = keysOf(chatMessageSchema);

/** Fast path of {@link chatSessionSchema} (see `_fast.ts`): the session, or `undefined` to ask zod. */
export function fastChatSession(input: unknown): ChatSession | undefined {
  const r = fastRecord(input, CHAT_SESSION_KEYS);
  if (r === undefined) return undefined;
  const id = fastId(r.id);
  const customerId = fastId(r.customerId);
  const k = r.kind;
  const kind =
    k === undefined
      ? 'consultation'
      : typeof k === 'string' && KIND_SET.has(k)
        ? (k as ChatKind)
        : undefined;
  const stage = fastOptionalEnum<ChatStage>(r.stage, STAGE_SET);
  const rating = fastOptionalEnum<Rating>(r.rating, RATING_SET);
  const ratedAt = fastOptionalInstant(r.ratedAt);
  const raw = r.messages;
  if (
    id === undefined ||
    customerId === undefined ||
    kind === undefined ||
    stage === FAIL ||
    rating === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every message, so the check after the loop declines it
    ratedAt === FAIL ||
    !Array.isArray(raw) ||
    // Stryker disable next-line ConditionalExpression: an empty list has no customer message, declined after the loop
    raw.length === 0 ||
    (rating === undefined && ratedAt !== undefined)
  ) {
    return undefined;
  }
  // Stryker disable next-line ArrayDeclaration: sized for speed; every slot is filled below
  const messages: ChatMessage[] = new Array(raw.length);
  let customer = false;
  // Stryker disable next-line BooleanLiteral: sorting sorted messages changes nothing (the sort is stable)
  let sorted = true;
  let first = Number.POSITIVE_INFINITY;
  let prev = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < raw.length; i++) {
    const m = fastRecord(raw[i], MESSAGE_KEYS);
    if (m === undefined) return undefined;
    const from = m.from;
    const at = fastInstant(m.at);
    // Stryker disable next-line ConditionalExpression: SENDER_SET.has is false for every non-string
    if (typeof from !== 'string' || !SENDER_SET.has(from) || at === FAIL) return undefined;
    if (from === 'customer') customer = true;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: it decides only whether to sort, and sorting sorted messages changes nothing
    if (at < prev) sorted = false;
    // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
    if (at < first) first = at;
    prev = at;
    messages[i] = { from: from as MessageSender, at };
  }
  if (!customer || (ratedAt !== undefined && ratedAt < first)) return undefined;
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
