/**
 * The pure chat-sessions module, as a table: pieces in, merged sessions out, as of an as-of
 * instant. Each row states only what it is about.
 */
import { describe, expect, it } from 'vitest';
import { type MergedSession, mergeSessions } from '../../../src/metrics/consultation/_sessions.js';
import type { ChatSession } from '../../../src/model.js';
import { type ChatRules, DEFAULT_CHAT_RULES } from '../../../src/rules/measurement.js';
import { chat, sh } from '../../_helpers.js';

const ASOF = sh('2026-11-23 00:00');
const knownBefore = (asOfMs: number) => ({
  known: (t: number | undefined) => t !== undefined && t < asOfMs,
});
const NO_ORDER = Number.POSITIVE_INFINITY;

function merge(
  pieces: ChatSession[],
  options: { firstOrderAt?: number; rules?: Partial<ChatRules>; asOf?: number } = {},
): MergedSession[] {
  const sorted = [...pieces].sort(
    (a, b) =>
      (a.messages[0]?.at ?? 0) - (b.messages[0]?.at ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return mergeSessions(
    sorted,
    options.firstOrderAt ?? NO_ORDER,
    { ...DEFAULT_CHAT_RULES, ...options.rules },
    knownBefore(options.asOf ?? ASOF),
  );
}

const custom = <T>(value: T) => ({ value, source: { tag: 'custom' as const } });

describe('mergeSessions: merging', () => {
  it.each([
    ['9:59.999 after the last message: one session', '10:09:59.999', 1],
    ['exactly 10 minutes after: two sessions', '10:10:00', 2],
  ])('a piece starting %s', (_label, second, count) => {
    const merged = merge([
      chat('u', [
        ['customer', '2026-11-10 09:59:00'],
        ['agent', '2026-11-10 10:00:00'],
      ]),
      chat('u', [['customer', `2026-11-10 ${second}`]]),
    ]);
    expect(merged).toHaveLength(count);
    expect(merged[0]?.startAt).toBe(sh('2026-11-10 09:59:00'));
  });

  it('merges consultations and offline messages (留言) separately', () => {
    const merged = merge([
      chat('u', [['customer', '2026-11-10 10:00:00']]),
      chat('u', [['customer', '2026-11-10 10:01:00']], { kind: 'offline-message' }),
    ]);
    expect(merged.map((s) => s.kind)).toEqual(['consultation', 'offline-message']);
  });

  it('keeps only the messages before the as-of instant, and drops a piece with none', () => {
    const merged = merge([
      chat('u', [
        ['customer', '2026-11-22 23:59:59.999'],
        ['agent', '2026-11-23 00:00:00'],
      ]),
      chat('v', [['customer', '2026-11-23 00:00:00']]),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.firstReplyAt).toBeUndefined();
  });

  it('emits no session whose customer has not written yet', () => {
    expect(merge([chat('u', [['agent', '2026-11-10 10:00:00']])])).toEqual([]);
  });
});

describe('mergeSessions: stage', () => {
  const piece = (extra: Partial<ChatSession> = {}) =>
    chat('u', [['customer', '2026-11-10 10:00:00']], extra);
  it.each([
    ['no order: pre-sales', NO_ORDER, {}, 'pre-sales'],
    [
      'an order 1 ms before the start: after-sales',
      sh('2026-11-10 09:59:59.999'),
      {},
      'after-sales',
    ],
    ['an order at the very start: pre-sales', sh('2026-11-10 10:00:00'), {}, 'pre-sales'],
    [
      'an explicit stage wins',
      sh('2026-11-01 10:00'),
      { stage: 'pre-sales' as const },
      'pre-sales',
    ],
  ])('%s', (_label, firstOrderAt, extra, stage) => {
    expect(merge([piece(extra)], { firstOrderAt })[0]?.stage).toBe(stage);
  });
});

describe('mergeSessions: replies', () => {
  it('takes the first reply at or after the first customer message, a robot one included', () => {
    const [s] = merge([
      chat('u', [
        ['agent', '2026-11-10 09:59:00'],
        ['customer', '2026-11-10 10:00:00'],
        ['robot', '2026-11-10 10:00:02'],
        ['agent', '2026-11-10 10:00:40'],
      ]),
    ]);
    expect(s?.firstCustomerAt).toBe(sh('2026-11-10 10:00:00'));
    expect(s?.firstReplyAt).toBe(sh('2026-11-10 10:00:02'));
  });

  it('skips robot replies when the rule set says they do not count', () => {
    const [s] = merge(
      [
        chat('u', [
          ['customer', '2026-11-10 10:00:00'],
          ['robot', '2026-11-10 10:00:02'],
          ['agent', '2026-11-10 10:00:40'],
        ]),
      ],
      { rules: { robotRepliesCount: custom(false) } },
    );
    expect(s?.firstReplyAt).toBe(sh('2026-11-10 10:00:40'));
  });

  it('counts manual replies, each answering the earliest waiting message; robots answer none', () => {
    const [s] = merge([
      chat('u', [
        ['customer', '2026-11-10 10:00:00'],
        ['customer', '2026-11-10 10:00:05'],
        ['robot', '2026-11-10 10:00:06'],
        ['agent', '2026-11-10 10:00:20'],
        ['agent', '2026-11-10 10:00:30'],
        ['customer', '2026-11-10 10:01:00'],
        ['agent', '2026-11-10 10:01:10'],
      ]),
    ]);
    expect([s?.manualReplies, s?.manualReplyMs]).toEqual([2, 20_000 + 10_000]);
  });
});

describe('mergeSessions: assessment hours (by the session start)', () => {
  it.each([
    ['07:59:59.999', false],
    ['08:00:00', true],
    ['23:59:59.999', true],
  ])('a session starting at %s is in the hours: %s', (time, inHours) => {
    const [s] = merge([chat('u', [['customer', `2026-11-10 ${time}`]])]);
    expect(s?.inAssessmentHours).toBe(inHours);
  });

  it('follows the rule set (the published 09:00–23:00 alternative)', () => {
    const [s] = merge([chat('u', [['customer', '2026-11-10 08:56:00']])], {
      rules: { assessmentHours: custom({ fromHour: 9, toHour: 23 }) },
    });
    expect(s?.inAssessmentHours).toBe(false);
  });
});

describe('mergeSessions: rating', () => {
  it('takes the latest rating known, undated ones dated at their last known message', () => {
    const first = chat('u', [['customer', '2026-11-10 10:00:00']], {
      rating: 'dissatisfied',
      ratedAt: sh('2026-11-10 10:05:00'),
    });
    const second = chat('u', [['customer', '2026-11-10 10:08:00']], { rating: 'satisfied' });
    expect(merge([first, second])[0]?.rating).toBe('satisfied');
    // Rated at the as-of instant: not known yet.
    const late = chat('u', [['customer', '2026-11-10 10:08:00']], {
      rating: 'satisfied',
      ratedAt: ASOF,
    });
    expect(merge([first, late])[0]?.rating).toBe('dissatisfied');
  });
});

describe('mergeSessions: pieces that overlap, and the order of the result', () => {
  // Piece a: 10:00 customer, 10:05 agent. Piece b (same customer, same kind) starts inside a:
  // 10:02 customer, 10:03 agent. Merged by time: 10:00 c, 10:02 c, 10:03 a, 10:05 a.
  const a = chat(
    'u',
    [
      ['customer', '2026-11-10 10:00:00'],
      ['agent', '2026-11-10 10:05:00'],
    ],
    { id: 'a' },
  );
  const b = chat(
    'u',
    [
      ['customer', '2026-11-10 10:02:00'],
      ['agent', '2026-11-10 10:03:00'],
    ],
    { id: 'b' },
  );

  it('sorts the merged messages by time before reading replies', () => {
    const [s] = merge([a, b]);
    // 10:03 answers the earliest waiting message (10:00): 3 min; 10:05 has nothing waiting.
    expect([s?.manualReplies, s?.manualReplyMs, s?.firstReplyAt]).toEqual([
      1,
      180_000,
      sh('2026-11-10 10:03:00'),
    ]);
  });

  it('measures the merge gap from the latest message of the group, not the last piece', () => {
    // c starts 9 min after a's 10:05 (b ends at 10:03, 11 min before): it joins the session.
    const c = chat('u', [['customer', '2026-11-10 10:14:00']], { id: 'c' });
    expect(merge([a, b, c])).toHaveLength(1);
  });

  it('extends the merge gap to a merged piece’s later last message', () => {
    // d (10:00) is followed by e (10:05–10:12); f starts 8 min after e’s last message (20 min
    // after d’s): all three are one session.
    const d = chat('u', [['customer', '2026-11-10 10:00:00']], { id: 'd' });
    const e = chat(
      'u',
      [
        ['customer', '2026-11-10 10:05:00'],
        ['agent', '2026-11-10 10:12:00'],
      ],
      { id: 'e' },
    );
    const f = chat('u', [['customer', '2026-11-10 10:20:00']], { id: 'f' });
    expect(merge([d, e, f])).toHaveLength(1);
  });

  it('returns consultations and offline messages by start, whichever kind comes first', () => {
    const merged = merge([
      chat('u', [['customer', '2026-11-10 10:00:00']]),
      chat('u', [['customer', '2026-11-10 09:00:00']], { kind: 'offline-message' }),
    ]);
    expect(merged.map((s) => [s.kind, s.startAt])).toEqual([
      ['offline-message', sh('2026-11-10 09:00:00')],
      ['consultation', sh('2026-11-10 10:00:00')],
    ]);
  });
});

describe('mergeSessions: stage and rating across merged pieces', () => {
  const first = (extra: Partial<ChatSession> = {}) =>
    chat('u', [['customer', '2026-11-10 10:00:00']], { id: 'p1', ...extra });
  const second = (extra: Partial<ChatSession> = {}) =>
    chat('u', [['customer', '2026-11-10 10:05:00']], { id: 'p2', ...extra });

  it.each([
    [
      'the first piece has none, the second says after-sales',
      {},
      { stage: 'after-sales' as const },
      'after-sales',
    ],
    [
      'the first says pre-sales, the second after-sales',
      { stage: 'pre-sales' as const },
      { stage: 'after-sales' as const },
      'pre-sales',
    ],
    ['neither says, no order: derived pre-sales', {}, {}, 'pre-sales'],
  ])('stage when %s', (_label, one, two, stage) => {
    expect(merge([first(one), second(two)])[0]?.stage).toBe(stage);
  });

  it('keeps a rating when a later merged piece has none', () => {
    const rated = first({ rating: 'satisfied', ratedAt: sh('2026-11-10 10:02:00') });
    expect(merge([rated, second()])[0]?.rating).toBe('satisfied');
    expect(merge([second(), rated])[0]?.rating).toBe('satisfied');
  });
});

describe('mergeSessions: the end of the assessment hours is excluded', () => {
  const hours = { assessmentHours: custom({ fromHour: 9, toHour: 23 }) };
  it.each([
    ['08:59:59.999', false],
    ['09:00:00', true],
    ['22:59:59.999', true],
    ['23:00:00', false],
  ])('09:00–23:00: a session starting at %s is in the hours: %s', (time, inHours) => {
    const [s] = merge([chat('u', [['customer', `2026-11-10 ${time}`]])], { rules: hours });
    expect(s?.inAssessmentHours).toBe(inHours);
  });
});
