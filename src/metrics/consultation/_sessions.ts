/**
 * Chat sessions as of an evaluation day: a pure module. A customer's session pieces are merged
 * (a customer back within the merge gap is in the same session), and each merged session gets
 * what the chat metrics read: its pre- or after-sales stage, its first customer message, its
 * first reply (robot replies count when the rule set says so), its manual replies (each
 * answering the earliest customer message waiting), whether it starts in the assessment hours,
 * and its rating. See `docs/metrics.md` (consultation) and `docs/sources.md` for the rules.
 *
 * Pure: the result depends only on the pieces, the customer's first order, the chat rules and
 * what is known as of the evaluation day (`knowledge.known`), so it is tested as a table
 * (`test/metrics/consultation/_sessions.test.ts`).
 *
 * @module
 */
import type { ChatKind, ChatMessage, ChatSession, ChatStage, Rating } from '../../model.js';
import type { ChatRules } from '../../rules/measurement.js';
import { compareMessages } from '../../schemas/chatSession.js';
import { type DayNumber, dayNumberOf, HOUR_MS, msOfDay } from '../../time/shanghai.js';

/** What is known as of the evaluation day: the engine's `ctx.known`. */
export interface Knowledge {
  /** Whether the instant has happened (strictly before the as-of instant). */
  known(t: number | undefined): boolean;
}

/** A chat session as of D, after merging returns within the merge gap. */
export interface MergedSession {
  /** The id of its first piece (by start, then id): the record a trace or a deadline names. */
  readonly id: string;
  readonly kind: ChatKind;
  /** Pre- or after-sales: the first explicit stage of its pieces, else derived from earlier orders. */
  readonly stage: ChatStage;
  /** Earliest message (any sender). */
  readonly startAt: number;
  /** Shanghai day of the start: the anchor of chat metrics. */
  readonly startDay: DayNumber;
  /** Whether the start falls in the assessment hours. */
  readonly inAssessmentHours: boolean;
  /** First customer message. */
  readonly firstCustomerAt: number;
  /** First agent (or robot, when robot replies count) message at or after the first customer message. */
  readonly firstReplyAt: number | undefined;
  /** Manual agent replies, each answering the earliest customer message waiting. */
  readonly manualReplies: number;
  /** Σ(reply − earliest waiting customer message), ms. */
  readonly manualReplyMs: number;
  /** The rating of its latest rated piece (rated before the as-of instant). */
  readonly rating: Rating | undefined;
}

/**
 * The merged sessions of one customer as of the evaluation day, by start.
 *
 * @param pieces - The customer's session pieces, sorted by start, then id.
 * @param firstOrderAt - When the customer's first order was placed (`+∞` if never): a session
 *   without an explicit stage is after-sales when it starts after it.
 */
export function mergeSessions(
  pieces: readonly ChatSession[],
  firstOrderAt: number,
  chat: ChatRules,
  knowledge: Knowledge,
): MergedSession[] {
  const out: MergedSession[] = [];
  mergeKind(pieces, 'consultation', firstOrderAt, chat, knowledge, out);
  mergeKind(pieces, 'offline-message', firstOrderAt, chat, knowledge, out);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: sorting a list of one (or none) changes nothing
  if (out.length > 1) out.sort((x, y) => x.startAt - y.startAt);
  return out;
}

function mergeKind(
  pieces: readonly ChatSession[],
  kind: ChatKind,
  firstOrderAt: number,
  chat: ChatRules,
  knowledge: Knowledge,
  out: MergedSession[],
): void {
  const gapMs = chat.sessionMergeGapMinutes.value * 60_000;
  let group: { piece: ChatSession; count: number }[] = [];
  let groupLastAt = Number.NEGATIVE_INFINITY;
  for (const piece of pieces) {
    if (piece.kind !== kind) continue;
    const msgs = piece.messages;
    // Messages at or after the as-of instant have not happened: keep the prefix before it.
    let count = msgs.length;
    if (!knowledge.known((msgs[count - 1] as ChatMessage).at)) {
      count = 0;
      // The last message is not known: the loop stops at it at the latest.
      while (knowledge.known((msgs[count] as ChatMessage).at)) count++;
    }
    if (count === 0) continue;
    const firstAt = (msgs[0] as ChatMessage).at;
    const lastAt = (msgs[count - 1] as ChatMessage).at;
    // No group yet: the gap from −∞ is never below the merge gap.
    if (firstAt - groupLastAt < gapMs) {
      group.push({ piece, count });
      // Stryker disable next-line EqualityOperator: on equality the assignment writes the same value
      if (lastAt > groupLastAt) groupLastAt = lastAt;
    } else {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty group has no customer message and emits nothing
      if (group.length > 0) emitSession(kind, group, firstOrderAt, chat, knowledge, out);
      group = [{ piece, count }];
      groupLastAt = lastAt;
    }
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty group has no customer message and emits nothing
  if (group.length > 0) emitSession(kind, group, firstOrderAt, chat, knowledge, out);
}

function emitSession(
  kind: ChatKind,
  group: readonly { piece: ChatSession; count: number }[],
  firstOrderAt: number,
  chat: ChatRules,
  knowledge: Knowledge,
  out: MergedSession[],
): void {
  let msgs: readonly ChatMessage[];
  let n: number;
  const first = group[0] as { piece: ChatSession; count: number };
  // Stryker disable next-line ConditionalExpression: a fast path: the general branch copies the one piece's known messages, already in order
  if (group.length === 1) {
    msgs = first.piece.messages;
    n = first.count;
  } else {
    const all: ChatMessage[] = [];
    // Stryker disable next-line BooleanLiteral: sorting messages already in order changes nothing
    let sorted = true;
    for (const g of group) {
      for (let i = 0; i < g.count; i++) {
        const m = g.piece.messages[i] as ChatMessage;
        const prev = all[all.length - 1];
        // Stryker disable next-line ConditionalExpression,EqualityOperator: only decides whether to sort; messages already in order stay as they are, and in a merged group some pair is in order (pieces by start, each piece's messages in order), so `<= 0` still sorts
        if (prev !== undefined && compareMessages(prev, m) > 0) sorted = false;
        all.push(m);
      }
    }
    // Stryker disable next-line ConditionalExpression: sorting messages already in order changes nothing
    if (!sorted) all.sort(compareMessages);
    msgs = all;
    n = all.length;
  }
  const robotCounts = chat.robotRepliesCount.value;
  let firstCustomerAt: number | undefined;
  let firstReplyAt: number | undefined;
  let waiting: number | undefined;
  let manualReplies = 0;
  let manualReplyMs = 0;
  for (let i = 0; i < n; i++) {
    const m = msgs[i] as ChatMessage;
    if (m.from === 'customer') {
      if (firstCustomerAt === undefined) firstCustomerAt = m.at;
      if (waiting === undefined) waiting = m.at;
    } else {
      if (
        firstCustomerAt !== undefined &&
        firstReplyAt === undefined &&
        (m.from === 'agent' || robotCounts)
      ) {
        firstReplyAt = m.at;
      }
      // Robot messages neither reply nor answer the waiting customer (`docs/sources.md`).
      if (m.from === 'agent' && waiting !== undefined) {
        manualReplies++;
        manualReplyMs += m.at - waiting;
        waiting = undefined;
      }
    }
  }
  // Not a customer contact (yet): the customer's message has not happened as of D.
  if (firstCustomerAt === undefined) return;
  const startAt = (msgs[0] as ChatMessage).at;

  let stage: ChatStage | undefined;
  let rating: Rating | undefined;
  let ratedAt = Number.NEGATIVE_INFINITY;
  for (const g of group) {
    stage ??= g.piece.stage;
    const r = g.piece.rating;
    // An undated rating is dated at the piece's last message that has happened (its known
    // prefix, `count` messages): a message still to come must not change a result.
    const t = g.piece.ratedAt ?? (g.piece.messages[g.count - 1] as ChatMessage).at;
    if (r !== undefined && knowledge.known(t) && t >= ratedAt) {
      rating = r;
      ratedAt = t as number;
    }
  }
  if (stage === undefined) {
    // After-sales when the customer had any order placed before the session started.
    stage = firstOrderAt < startAt ? 'after-sales' : 'pre-sales';
  }
  const hours = chat.assessmentHours.value;
  const tod = msOfDay(startAt);
  out.push({
    id: first.piece.id,
    kind,
    stage,
    startAt,
    startDay: dayNumberOf(startAt),
    inAssessmentHours: tod >= hours.fromHour * HOUR_MS && tod < hours.toHour * HOUR_MS,
    firstCustomerAt,
    firstReplyAt,
    manualReplies,
    manualReplyMs,
    rating,
  });
}
