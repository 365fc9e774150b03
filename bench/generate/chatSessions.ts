/**
 * Chat sessions (咚咚 consultations and 留言 offline messages), as `ChatSessionInput`.
 *
 * Where they come from: 40% of ordinary orders follow a pre-sales chat within the 24 hours
 * before (most within 30 minutes), so that the conversion rate has chats to convert; half a
 * chat per order more leads to no order; 8% of shipped orders bring an after-sales chat about
 * the parcel, and half of the service orders one about the service.
 *
 * Their shape: 2 to 8 messages. At night (before 08:00) 45% are offline messages, answered
 * from 08:00 when at all, and half of the consultations get only the robot (京东小智) or the
 * robot then an agent, 8% no reply; by day 3% get no reply and 88% an agent at once. An
 * agent's first reply comes within 25 s three times in four and within 30 s 86% of the time,
 * so that the 30-second rate is high but not perfect, with a tail to 5 minutes that the
 * average response time feels. 5% of sessions are followed within 10 minutes by another
 * (which JD merges into one), 3% later. About 30% of replied sessions are rated, mostly
 * satisfied; slow and unanswered ones rate worse. The stage is stated on a quarter of the
 * sessions, and always where it differs from the one the library would derive from the
 * customer's orders (a returning buyer asking about a new product).
 *
 * @module
 */
import type { ChatMessageInput, ChatSessionInput } from '../../src/index.js';
import { dayNumberOf, dayStartMs, msOfDay } from '../../src/time/shanghai.js';
import {
  DAY,
  type Draft,
  type Generation,
  HOUR,
  MINUTE,
  SECOND,
  type WaitBand,
} from './context.js';
import { cumulative } from './random.js';

type Stage = NonNullable<ChatSessionInput['stage']>;

/** Relative chat volume by Shanghai hour (like orders, slightly earlier in the evening). */
const CHAT_HOURS = cumulative([
  1.8, 0.9, 0.5, 0.3, 0.3, 0.4, 0.8, 1.6, 3.2, 4.8, 5.6, 5.2, 4.2, 4.6, 5.2, 5.2, 4.8, 4.4, 4.0,
  4.8, 5.8, 5.8, 4.6, 3.0,
]);
/** Ratings (best first) after a first reply within 30 s, a slower one, and none. */
const RATING_GOOD = cumulative([0.74, 0.19, 0.04, 0.02, 0.01]);
const RATING_SLOW = cumulative([0.45, 0.25, 0.14, 0.09, 0.07]);
const RATING_NONE = cumulative([0, 0.05, 0.15, 0.35, 0.45]);
/** Messages per consultation, 2..8. */
const MESSAGE_COUNT = cumulative([0.15, 0.2, 0.22, 0.16, 0.12, 0.08, 0.07]);

/** Ordinary orders preceded by a pre-sales chat within 24 hours. */
const PRE_SALES_CHAT_SHARE = 0.4;
/** Pre-sales chats that lead to no order, per order. */
const NON_CONVERTING_CHATS_PER_ORDER = 0.5;
/** Shipped orders whose customer asks about the parcel. */
const DELIVERY_INQUIRY_SHARE = 0.08;
/** Service orders whose customer chats about them. */
const SERVICE_CHAT_SHARE = 0.5;

/** Appends a message unless it falls at or after the end; says whether it did. */
function pushMessage(
  g: Generation,
  messages: ChatMessageInput[],
  from: ChatMessageInput['from'],
  at: number,
): boolean {
  if (at >= g.endMs) return false;
  messages.push({ from, at: g.fmt(at) });
  return true;
}

/** Night (before 08:00) and day bounds of the reply modes: none, robot only, robot then agent, agent. */
const REPLY_MODES_NIGHT = [0.08, 0.43, 0.58];
const REPLY_MODES_DAY = [0.03, 0.07, 0.12];
/** An agent's first reply: within 25 s 76% of the time, 25–30 s 10%, 31–120 s 12%, then up to 5 min. */
const AGENT_FIRST_REPLY: readonly WaitBand[] = [
  [0.76, 2 * SECOND, 25 * SECOND],
  [0.86, 25 * SECOND, 30 * SECOND],
  [0.98, 31 * SECOND, 120 * SECOND],
  [1, 2 * MINUTE, 5 * MINUTE],
];
/** How long before the order a pre-sales chat starts. */
const PRE_SALES_LEAD: readonly WaitBand[] = [
  [0.6, MINUTE, 30 * MINUTE],
  [0.85, 30 * MINUTE, 4 * HOUR],
  [1, 4 * HOUR, 23 * HOUR],
];

/** An offline message (留言): 1 to 3 customer messages, an agent's answer 60% of the time. */
function leaveMessage(
  g: Generation,
  messages: ChatMessageInput[],
  start: number,
  night: boolean,
): void {
  const { rng } = g;
  let last = start;
  pushMessage(g, messages, 'customer', start);
  const extra = rng.int(0, 2);
  for (let i = 0; i < extra; i++) {
    const t = last + g.secs(5 * SECOND, 90 * SECOND);
    if (!pushMessage(g, messages, 'customer', t)) break;
    last = t;
  }
  if (rng.chance(0.6)) {
    // At night, answered once agents are back at 08:00.
    const reply = night
      ? dayStartMs(dayNumberOf(start)) + 8 * HOUR + g.secs(10 * MINUTE, 150 * MINUTE)
      : last + g.secs(10 * MINUTE, 120 * MINUTE);
    if (reply > last) pushMessage(g, messages, 'agent', reply);
  }
}

/**
 * A consultation's messages: the customer's first, then turns with the robot and/or an agent
 * up to 2..8 messages. Returns the last message's instant and the first reply's delay
 * (`Infinity` when nobody replied).
 */
function converse(
  g: Generation,
  messages: ChatMessageInput[],
  start: number,
  night: boolean,
): { last: number; firstReplyDelay: number } {
  const { rng } = g;
  const total = 2 + rng.weighted(MESSAGE_COUNT);
  const r = rng.next();
  const bound = (night ? REPLY_MODES_NIGHT : REPLY_MODES_DAY).findIndex((b) => r < b);
  const mode = bound < 0 ? 3 : bound; // none, robot only, robot then agent, agent
  let last = start;
  pushMessage(g, messages, 'customer', start);
  if (mode === 0) {
    const extra = rng.int(0, 2);
    for (let i = 0; i < extra; i++) {
      const t = last + g.secs(5 * SECOND, 60 * SECOND);
      if (!pushMessage(g, messages, 'customer', t)) break;
      last = t;
    }
    return { last, firstReplyDelay: Number.POSITIVE_INFINITY };
  }
  if (total > 2 && rng.chance(0.25)) {
    const t = last + g.secs(3 * SECOND, 20 * SECOND);
    if (pushMessage(g, messages, 'customer', t)) last = t;
  }
  let replier: 'agent' | 'robot' = mode === 3 ? 'agent' : 'robot';
  let reply =
    start + (replier === 'robot' ? g.secs(SECOND, 3 * SECOND) : g.wait(AGENT_FIRST_REPLY));
  if (reply <= last) reply = last + SECOND;
  if (!pushMessage(g, messages, replier, reply)) {
    return { last, firstReplyDelay: Number.POSITIVE_INFINITY };
  }
  last = reply;
  let customerTurn = true;
  while (messages.length < total) {
    let t: number;
    if (customerTurn) {
      t = last + g.secs(8 * SECOND, 120 * SECOND);
      if (!pushMessage(g, messages, 'customer', t)) break;
    } else {
      if (replier === 'robot' && mode === 2) {
        replier = 'agent'; // the robot hands over
        t = last + g.secs(10 * SECOND, 90 * SECOND);
      } else {
        t =
          last +
          (replier === 'robot'
            ? g.secs(SECOND, 3 * SECOND)
            : rng.chance(0.92)
              ? g.secs(4 * SECOND, 40 * SECOND)
              : g.secs(40 * SECOND, 120 * SECOND));
      }
      if (!pushMessage(g, messages, replier, t)) break;
    }
    last = t;
    customerTurn = !customerTurn;
  }
  return { last, firstReplyDelay: reply - start };
}

/**
 * Adds a session for `customer` starting at `start` (skipped outside the data range), then
 * maybe a follow-up. `kind` 'auto' makes night sessions often offline messages.
 */
function addChat(
  g: Generation,
  customer: number,
  start: number,
  stage: Stage | undefined,
  kind: 'auto' | 'consultation',
  followUps: boolean,
): void {
  const { rng } = g;
  if (start < g.startMs || start >= g.endMs) return;
  const night = msOfDay(start) < 8 * HOUR;
  const offline = kind === 'auto' && rng.chance(night ? 0.45 : 0.03);
  const id = '';
  const customerId = g.customers.ids[customer] as string;
  const messages: ChatMessageInput[] = [];
  // Literal per shape, so that keys come out in the documented order.
  const session: Draft<ChatSessionInput> = offline
    ? stage === undefined
      ? { id, customerId, kind: 'offline-message', messages }
      : { id, customerId, kind: 'offline-message', stage, messages }
    : stage === undefined
      ? { id, customerId, messages }
      : { id, customerId, stage, messages };
  if (offline) {
    leaveMessage(g, messages, start, night);
    g.chatSessions.add(start, session);
    return;
  }
  const { last, firstReplyDelay } = converse(g, messages, start, night);
  const replied = firstReplyDelay !== Number.POSITIVE_INFINITY;
  if (replied ? rng.chance(0.3) : rng.chance(0.05)) {
    const ratedAt = last + g.secs(5 * SECOND, 10 * MINUTE);
    if (ratedAt < g.endMs) {
      session.rating = g.rating(
        !replied ? RATING_NONE : firstReplyDelay <= 30 * SECOND ? RATING_GOOD : RATING_SLOW,
      );
      session.ratedAt = g.fmt(ratedAt);
    }
  }
  g.chatSessions.add(start, session);
  if (!followUps) return;
  if (rng.chance(0.05)) {
    // Comes back within 10 minutes: JD merges the two exported sessions into one.
    const back = last + g.secs(30 * SECOND, 9 * MINUTE + 30 * SECOND);
    addChat(g, customer, back, stage, 'consultation', false);
  } else if (rng.chance(0.03)) {
    addChat(g, customer, last + g.secs(15 * MINUTE, 90 * MINUTE), stage, 'consultation', false);
  }
}

/** The stage to state explicitly, or undefined to leave it to derivation. */
function explicitStage(
  g: Generation,
  intended: Stage,
  customer: number,
  at: number,
): Stage | undefined {
  const ordered = g.customers.firstOrderAt[customer] ?? -1;
  const derived = ordered >= 0 && ordered < at ? 'after-sales' : 'pre-sales';
  if (derived !== intended) return intended; // e.g. a returning buyer asking about a new product
  return g.rng.chance(0.25) ? intended : undefined;
}

/** A chat of `stage` starting at `start`, with its follow-ups. */
function chat(g: Generation, customer: number, start: number, stage: Stage): void {
  addChat(g, customer, start, explicitStage(g, stage, customer, start), 'auto', true);
}

/** Maybe a pre-sales chat before an ordinary order placed at `placed` (before it is recorded). */
export function preSalesChat(g: Generation, customer: number, placed: number): void {
  if (!g.rng.chance(PRE_SALES_CHAT_SHARE)) return;
  chat(g, customer, placed - g.wait(PRE_SALES_LEAD), 'pre-sales');
}

/** Maybe an after-sales chat about an ordinary order in transit, shippable at `shippable`. */
export function deliveryInquiry(g: Generation, customer: number, shippable: number): void {
  if (!g.rng.chance(DELIVERY_INQUIRY_SHARE)) return;
  chat(g, customer, shippable + g.secs(3 * HOUR, 3 * DAY), 'after-sales');
}

/** Maybe an after-sales chat about a service order applied for at `applied`. */
export function serviceChat(g: Generation, customer: number, applied: number): void {
  if (!g.rng.chance(SERVICE_CHAT_SHARE)) return;
  chat(g, customer, applied - g.secs(0, 2 * HOUR), 'after-sales');
}

/** The pre-sales chats of `day` that lead to no order (`orders`: the day's expected orders). */
export function visits(g: Generation, day: number, orders: number): void {
  const n = g.rng.roundStochastic(orders * NON_CONVERTING_CHATS_PER_ORDER);
  for (let i = 0; i < n; i++) {
    const start = g.timeOn(day, CHAT_HOURS);
    chat(g, g.customers.forVisit(g.rng), start, 'pre-sales');
  }
}
