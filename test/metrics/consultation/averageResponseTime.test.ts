import { describe, expect, it } from 'vitest';
import { averageResponseTime, defineRuleSet } from '../../../src/index.js';
import { chat, storeData } from '../../_helpers.js';
import { aroundD, D, v } from './_fixtures.js';

describe('averageResponseTime (平均响应时长)', () => {
  it('averages manual replies, each answering the earliest waiting customer message [consultation.average-response-time#robot, consultation.average-response-time#nothing-waiting]', () => {
    const data = storeData({
      chatSessions: [
        // customer 10:00:00, customer 10:00:05, agent 10:00:20 → 20 s (earliest waiting);
        // customer 10:01:00, robot 10:01:01 (ignored), agent 10:01:10 → 10 s; agent 10:01:20 (nothing waiting: not a reply)
        chat('u1', [
          ['customer', '2026-11-10 10:00:00'],
          ['customer', '2026-11-10 10:00:05'],
          ['agent', '2026-11-10 10:00:20'],
          ['customer', '2026-11-10 10:01:00'],
          ['robot', '2026-11-10 10:01:01'],
          ['agent', '2026-11-10 10:01:10'],
          ['agent', '2026-11-10 10:01:20'],
        ]),
        // A robot-only session has no manual reply: not in the average.
        chat('u2', [
          ['customer', '2026-11-10 11:00:00'],
          ['robot', '2026-11-10 11:00:01'],
        ]),
      ],
    });
    const r = averageResponseTime(data, { asOf: D });
    // (20 + 10) / 2 = 15 s
    expect(r.numerator.toString()).toBe('30');
    expect(r.denominator.toString()).toBe('2');
    expect(v(r)).toBe('15');
    expect(r.unit).toBe('seconds');
    expect(r.window).toEqual({ from: '2026-10-19', to: '2026-11-17' });
  });

  it('ignores offline messages and sessions outside assessment hours [consultation.average-response-time#offline-messages]', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 07:59:59.999'],
          ['agent', '2026-11-10 08:00:09.999'],
        ]),
        chat('u2', [
          ['customer', '2026-11-10 08:00:00'],
          ['agent', '2026-11-10 08:00:04'],
        ]),
        chat(
          'u3',
          [
            ['customer', '2026-11-10 12:00:00'],
            ['agent', '2026-11-10 13:00:00'],
          ],
          { kind: 'offline-message' },
        ),
      ],
    });
    expect(v(averageResponseTime(data, { asOf: D }))).toBe('4');
  });

  it('is no-data on an empty window, never NaN', () => {
    const r = averageResponseTime(storeData(), { asOf: D });
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(r.numerator.toString()).toBe('0');
  });

  it('counts sessions starting on D−35 (from 00:00) and D−6 (to 23:59:59.999), not 1 ms outside', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-10-18 23:59:59.999'],
          ['agent', '2026-10-19 00:00:00.999'],
        ]), // D−36: 1 s
        chat('u2', [
          ['customer', '2026-10-19 00:00:00'],
          ['agent', '2026-10-19 00:00:02'],
        ]), // D−35: 2 s
        chat('u3', [
          ['customer', '2026-11-17 23:59:59.999'],
          ['agent', '2026-11-18 00:00:03.999'],
        ]), // D−6: 4 s
        chat('u4', [
          ['customer', '2026-11-18 00:00:00'],
          ['agent', '2026-11-18 00:00:08'],
        ]), // D−5: 8 s
      ],
    });
    // Assessment hours around the clock, so that midnight is the only edge.
    const allDay = defineRuleSet({ chat: { assessmentHours: { fromHour: 0, toHour: 24 } } });
    expect(aroundD(averageResponseTime, data, { ruleSet: allDay })).toEqual({
      '2026-11-22': '3/2',
      '2026-11-23': '6/2',
      '2026-11-24': '12/2',
    });
    // By default sessions starting at 00:00 are outside the hours: D keeps u3 only.
    expect(v(averageResponseTime(data, { asOf: D }))).toBe('4');
  });
});
