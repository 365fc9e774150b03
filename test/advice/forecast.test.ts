/**
 * forecast: the scorecards of the next days from what is known at an instant, and the events
 * entering and leaving each window on the right day.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../src/advice/forecast.js';
import { dataKnownBefore } from '../../src/advice/knownAt.js';
import { evaluateHistory, evaluateStore } from '../../src/evaluate/evaluate.js';
import type { Review } from '../../src/model.js';
import { dayKeyOf, parseDayKey } from '../../src/time/shanghai.js';
import { chat, order, review, sh, storeData } from '../_helpers.js';
import { AS_OF, storeArb } from '../laws/_arbitraries.js';

describe('forecast: the law', () => {
  it('the forecast of day D with knownAt = D 00:00 equals evaluateStore for D', () => {
    fc.assert(
      fc.property(storeArb, fc.integer({ min: -40, max: 40 }), (data, offset) => {
        const day = dayKeyOf(parseDayKey(AS_OF) + offset);
        const f = forecast(data, { knownAt: `${day} 00:00`, days: 1 });
        expect(f.scorecards.map((c) => c.asOf)).toEqual([day]);
        expect(JSON.stringify(f.scorecards[0])).toBe(
          JSON.stringify(evaluateStore(data, { asOf: day })),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('does not change when facts stamped at or after knownAt change', () => {
    fc.assert(
      fc.property(storeArb, (data) => {
        const knownAt = `${AS_OF} 00:00`;
        const a = forecast(data, { knownAt, days: 5 });
        const cut = sh(knownAt);
        const withoutLater = {
          ...data,
          reviews: data.reviews.filter((r) => r.createdAt < cut),
          orders: data.orders.map((o) =>
            o.deliveredAt !== undefined && o.deliveredAt >= cut
              ? { ...o, deliveredAt: undefined }
              : o,
          ),
        };
        expect(JSON.stringify(forecast(withoutLater, { knownAt, days: 5 }).scorecards)).toBe(
          JSON.stringify(a.scorecards),
        );
      }),
      { numRuns: 40 },
    );
  });
});

describe('forecast: days and events', () => {
  // Reviews window [D−90, D−1]. One 1-star review of u1 created 2026-08-25 (D−90 for D =
  // 2026-11-23): it counts on 11-23 and leaves on 11-24. A 5-star review of u2 created on
  // 2026-11-22 10:00 is known at 11-22 12:00; one of u3 created 11-22 13:00 is not.
  const data = storeData({
    reviews: [
      review('u1', '2026-08-25 09:00', 1, { id: 'r-old' }),
      review('u2', '2026-11-22 10:00', 5, { id: 'r-known' }),
      review('u3', '2026-11-22 13:00', 5, { id: 'r-later' }),
    ],
  });
  const f = forecast(data, { knownAt: '2026-11-22 12:00', days: 3 });

  it('starts with the first day whose as-of instant is after knownAt, and knows nothing after it', () => {
    expect(f.knownAt).toBe('2026-11-22T12:00:00.000+08:00');
    expect(f.scorecards.map((c) => c.asOf)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    const neg = f.scorecards.map((c) => c.metrics['reviews.negative-rate']);
    // 11-23: r-old and r-known (r-later is not known at 12:00): 1 / 2; 11-24: r-old has left.
    expect(neg.map((m) => `${m.numerator}/${m.denominator}`)).toEqual(['1/2', '0/1', '0/1']);
  });

  it('names the review leaving the window on the day its value changes', () => {
    const changes = f.changes.filter((c) => c.metric === 'reviews.negative-rate');
    expect(changes.map((c) => [c.day, c.from?.toString(), c.to?.toString()])).toEqual([
      ['2026-11-24', '0.5', '0'],
    ]);
    expect(changes[0]?.events).toEqual([
      {
        change: 'leaves',
        family: 'reviews',
        recordId: 'r-old',
        record: 'review',
        groupId: 'u1',
        anchorDay: '2026-08-25',
        numerator: -1,
        denominator: -1,
      },
    ]);
    expect(changes[0]?.text).toBe(
      'reviews.negative-rate on 2026-11-24: 50.00% → 0.00% (review r-old (customer u1) leaves)',
    );
  });

  it('names an order entering its window on its due day', () => {
    // Paid 2026-11-21 16:00 (the cut-off: due the next day), collected 18:00. Known at 20:00,
    // the forecast starts on 11-22, whose window [D−30, D−1] ends on 11-21: the order's due day
    // 11-22 enters the window on 11-23.
    const o = order('u1', '2026-11-21 16:00', { id: 'o-1', collectedAt: sh('2026-11-21 18:00') });
    const g = forecast(storeData({ orders: [o] }), { knownAt: '2026-11-21 20:00', days: 2 });
    const c = g.changes.find((x) => x.metric === 'logistics.same-day-collection-rate');
    expect([c?.day, c?.from, c?.to?.toString()]).toEqual(['2026-11-23', null, '1']);
    expect(
      c?.events.map((e) => [e.change, e.recordId, e.anchorDay, e.numerator, e.denominator]),
    ).toEqual([['enters', 'o-1', '2026-11-22', 1, 1]]);
  });

  it('refuses a malformed knownAt or days', () => {
    expect(() => forecast(data, { knownAt: 'soon', days: 3 })).toThrow(/instant/);
    expect(() => forecast(data, { knownAt: '2026-11-22 00:00', days: 0 })).toThrow(/1–366/);
    expect(() => forecast(data, { knownAt: '2026-11-22 00:00', days: 1.5 })).toThrow(/1–366/);
  });
});

describe('forecast: the knowledge cut-off inside the engine', () => {
  it('equals a history of the data as known at any instant, not only midnight', () => {
    fc.assert(
      fc.property(
        storeArb,
        fc.integer({ min: -20 * 86_400_000, max: 5 * 86_400_000 }),
        (data, offset) => {
          const cut = sh(`${AS_OF} 00:00`) + offset;
          const f = forecast(data, { knownAt: cut, days: 4 });
          const first = f.scorecards[0]?.asOf as string;
          const last = f.scorecards[3]?.asOf as string;
          const reference = evaluateHistory(dataKnownBefore(data, cut), { from: first, to: last });
          // The data as known counts every case still open at the cut-off as missed: the
          // forecast leaves them out of its values and gives that reading as `allMissed`.
          f.scorecards.forEach((card, i) => {
            const ref = reference[i] as (typeof reference)[number];
            const open = f.openCases.filter((o) => o.day === card.asOf);
            if (open.length === 0) {
              expect(JSON.stringify(card)).toBe(JSON.stringify(ref));
              return;
            }
            for (const id of Object.keys(card.metrics) as (keyof typeof card.metrics)[]) {
              const got = card.metrics[id];
              const want = ref.metrics[id];
              const o = open.find((x) => x.metric === id);
              if (o === undefined) {
                expect(JSON.stringify(got)).toBe(JSON.stringify(want));
                continue;
              }
              expect(o.allMissed.toString()).toBe(want.value?.toString());
              expect(o.allMet.toString()).toBe(
                want.numerator.plus(o.cases).div(want.denominator).toString(),
              );
              expect([got.numerator.toString(), got.denominator.toString()]).toEqual([
                want.numerator.toString(),
                want.denominator.minus(o.cases).toString(),
              ]);
              expect(got.value?.toString()).toBe(o.leftOut?.toString());
            }
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('forecast: the parser’s note of the latest fact', () => {
  it('gives the same forecast as the record-by-record cut-off, at any instant', () => {
    // A spread leaves the note behind: the families then check every record against the cut-off.
    fc.assert(
      fc.property(
        storeArb,
        fc.integer({ min: -20 * 86_400_000, max: 20 * 86_400_000 }),
        (data, offset) => {
          const knownAt = sh(`${AS_OF} 00:00`) + offset;
          expect(JSON.stringify(forecast(data, { knownAt, days: 3 }).scorecards)).toBe(
            JSON.stringify(forecast({ ...data }, { knownAt, days: 3 }).scorecards),
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('does not trust a note the data outgrew: a record pushed since is still cut', () => {
    const data = storeData({ reviews: [review('u1', '2026-11-20 09:00', 5, { id: 'r-known' })] });
    const knownAt = '2026-11-23 00:00';
    const before = forecast(data, { knownAt, days: 2 }).scorecards;
    (data.reviews as Review[]).push(review('u2', '2026-11-23 10:00', 1, { id: 'r-later' }));
    const after = forecast(data, { knownAt, days: 2 }).scorecards;
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    // Known, it counts on 11-24: the cut-off is what kept it out.
    expect(
      evaluateStore(data, { asOf: '2026-11-24' }).metrics[
        'reviews.negative-rate'
      ].value?.toString(),
    ).toBe('0.5');
  });
});

describe('forecast: events when contributions coincide (one event per record, with its anchor)', () => {
  // Reviews window [D−90, D−1] by created day; the forecast starts on 2026-11-23.
  const knownAt = '2026-11-22 12:00';
  const eventsOf = (f: ReturnType<typeof forecast>, metric: string, day: string) =>
    f.changes
      .find((c) => c.metric === metric && c.day === day)
      ?.events.map((e) => [e.change, e.recordId, e.anchorDay, e.numerator, e.denominator]);
  /** 19 five-star reviews of `customer` created 2026-10-01 … 10-19. */
  const nineteen = (customer: string) =>
    Array.from({ length: 19 }, (_, i) =>
      review(customer, `2026-10-${String(i + 1).padStart(2, '0')} 09:00`, 5, {
        id: `${customer}-r${i + 1}`,
      }),
    );

  it('a customer with exactly 20 reviews: the one leaving the window is named with its anchor day', () => {
    const data = storeData({
      reviews: [review('u1', '2026-08-25 09:00', 1, { id: 'r-old' }), ...nineteen('u1')],
    });
    const f = forecast(data, { knownAt, days: 3 });
    expect(eventsOf(f, 'reviews.negative-rate', '2026-11-24')).toEqual([
      ['leaves', 'r-old', '2026-08-25', -1, -1],
    ]);
  });

  it('an old review before every window does not join the group of 20 through the lag', () => {
    // Created 200 days before: before the relevance bound of the days forecast (the longest
    // window plus the handling lag of one day), so the group stays at 20 and each review is
    // added at its own anchor.
    const data = storeData({
      reviews: [
        review('u1', '2026-05-06 09:00', 1, { id: 'r-ancient' }),
        review('u1', '2026-08-25 09:00', 1, { id: 'r-old' }),
        ...nineteen('u1'),
      ],
    });
    const f = forecast(data, { knownAt, days: 3 });
    expect(eventsOf(f, 'reviews.negative-rate', '2026-11-24')).toEqual([
      ['leaves', 'r-old', '2026-08-25', -1, -1],
    ]);
  });

  it('a 5-star review leaving the day a 1-star of the same customer enters: two events', () => {
    // In a forecast only deadline-day (and chat) anchors enter after the first day. The 5★ of
    // 10-23 has its deadline day 10-24 and leaves the 30-day handling window on 11-24; the 1★
    // of 11-22 09:00, replied at 10:00, has its deadline day 11-23 and enters on 11-24. The 5★
    // of 08-25 leaves the 90-day negative-rate window the same day.
    const data = storeData({
      reviews: [
        review('u1', '2026-08-25 09:00', 5, { id: 'r-five' }),
        review('u1', '2026-10-23 09:00', 5, { id: 'r-five-b' }),
        review('u1', '2026-11-22 09:00', 1, { id: 'r-one', repliedAt: sh('2026-11-22 10:00') }),
      ],
    });
    const f = forecast(data, { knownAt, days: 3 });
    // The negative rate: r-five (anchor 08-25) leaves on 11-24; r-one (anchor 11-22) entered
    // on 11-23, the first day.
    expect(eventsOf(f, 'reviews.negative-rate', '2026-11-24')).toEqual([
      ['leaves', 'r-five', '2026-08-25', 0, -1],
    ]);
    // The handling rate: the 5★ adds nothing (no event), the 1★ enters with its deadline day.
    expect(eventsOf(f, 'reviews.negative-handling-rate-24h', '2026-11-24')).toEqual([
      ['enters', 'r-one', '2026-11-23', 1, 1],
    ]);
  });

  it('an answered and an unanswered session of one customer entering together: one event each', () => {
    // Chat window [D−35, D−6]: sessions started 11-18 enter on 11-24. The first is answered by
    // an agent after 20 s, the second (5 h later, a session of its own) never.
    const answered = chat('u1', [
      ['customer', '2026-11-18 10:00:00'],
      ['agent', '2026-11-18 10:00:20'],
    ]);
    const unanswered = chat('u1', [['customer', '2026-11-18 15:00:00']]);
    const f = forecast(storeData({ chatSessions: [answered, unanswered] }), { knownAt, days: 3 });
    expect(eventsOf(f, 'consultation.average-response-time', '2026-11-24')).toEqual([
      ['enters', answered.id, '2026-11-18', 20, 1],
    ]);
    expect(eventsOf(f, 'consultation.response-rate-30s', '2026-11-24')).toEqual(
      [
        ['enters', answered.id, '2026-11-18', 1, 1],
        ['enters', unanswered.id, '2026-11-18', 0, 1],
      ].sort((a, b) => (String(a[1]) < String(b[1]) ? -1 : 1)),
    );
    const e = f.changes.find(
      (c) => c.metric === 'consultation.average-response-time' && c.day === '2026-11-24',
    )?.events[0];
    expect([e?.record, e?.groupId, e?.family]).toEqual(['chat-session', 'u1', 'customer']);
  });
});

describe('forecast: cases still open at knownAt are at stake, not missed', () => {
  // Collection window [D−30, D−1] by due day. o-done: paid 11-20 10:00, collected 12:00 (due
  // 11-20). o-open: paid 11-22 09:00, not collected at 11-22 10:00 (due by the end of 11-22).
  const done = order('u1', '2026-11-20 10:00', {
    id: 'o-done',
    collectedAt: sh('2026-11-20 12:00'),
    deliveredAt: sh('2026-11-21 09:00'),
  });
  const open = order('u2', '2026-11-22 09:00', { id: 'o-open' });
  const f = forecast(storeData({ orders: [done, open] }), {
    knownAt: '2026-11-22 10:00',
    days: 2,
  });

  it('leaves an open case out of the value and gives the range it spans', () => {
    const m = f.scorecards[0]?.metrics['logistics.same-day-collection-rate'];
    // With the open order counted as missed the value would be 1/2 = 50%.
    expect([m?.numerator.toString(), m?.denominator.toString(), m?.value?.toString()]).toEqual([
      '1',
      '1',
      '1',
    ]);
    const o = f.openCases.find(
      (x) => x.metric === 'logistics.same-day-collection-rate' && x.day === '2026-11-23',
    );
    expect([
      o?.cases,
      o?.leftOut?.toString(),
      o?.allMet.toString(),
      o?.allMissed.toString(),
    ]).toEqual([1, '1', '1', '0.5']);
  });

  it('names no open case among the events: it is left out of the values', () => {
    expect(f.changes.flatMap((c) => c.events).some((e) => e.recordId === 'o-open')).toBe(false);
  });

  it('keeps a day below the minimum sample too-little-data, as in any scorecard', () => {
    expect(f.scorecards[0]?.metrics['logistics.same-day-collection-rate'].status).toBe(
      'too-little-data',
    );
  });
});
