import { describe, expect, it } from 'vitest';
import { defineRuleSet, messageRate } from '../../../src/index.js';
import { chat, storeData } from '../../_helpers.js';
import { aroundD, CHAT_WINDOW, D, v } from './_fixtures.js';

/** A 留言 of `customerId` with one customer message at `start` (Shanghai time). */
const offline = (customerId: string, start: string) =>
  chat(customerId, [['customer', start]], { kind: 'offline-message' });

describe('messageRate (留言率)', () => {
  it('divides offline messages by all sessions in assessment hours', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [['customer', '2026-11-10 12:00:00']], { kind: 'offline-message' }),
        chat('u2', [['customer', '2026-11-10 03:00:00']], { kind: 'offline-message' }),
        chat('u3', [['customer', '2026-11-10 12:00:00']]),
        chat('u4', [['customer', '2026-11-10 12:00:00']]),
        chat('u5', [['customer', '2026-11-10 12:00:00']]),
      ],
    });
    expect(v(messageRate(data, { asOf: D }))).toBe('0.25');
  });

  it('judges assessment hours by the session start: 07:59:59.999 out, 08:00 and 23:59:59.999 in', () => {
    const data = storeData({
      chatSessions: [
        offline('u1', '2026-11-10 07:59:59.999'), // out
        offline('u2', '2026-11-10 08:00:00'), // in
        chat('u3', [['customer', '2026-11-10 23:59:59.999']]), // in
        chat('u4', [['customer', '2026-11-11 07:59:59.999']]), // out
      ],
    });
    const r = messageRate(data, { asOf: D });
    expect(`${r.numerator.toString()}/${r.denominator.toString()}`).toBe('1/2');
    expect(v(r)).toBe('0.5');
    expect(r.window).toEqual(CHAT_WINDOW);
  });

  it('counts sessions starting on D−35 (from 00:00) and D−6 (to 23:59:59.999), not 1 ms outside', () => {
    const data = storeData({
      chatSessions: [
        offline('u1', '2026-10-18 23:59:59.999'), // D−36
        offline('u2', '2026-10-19 00:00:00'), // D−35
        chat('u3', [['customer', '2026-11-17 23:59:59.999']]), // D−6
        chat('u4', [['customer', '2026-11-18 00:00:00']]), // D−5
      ],
    });
    // Assessment hours around the clock, so that midnight is the only edge.
    const allDay = defineRuleSet({ chat: { assessmentHours: { fromHour: 0, toHour: 24 } } });
    expect(aroundD(messageRate, data, { ruleSet: allDay })).toEqual({
      '2026-11-22': '2/2',
      '2026-11-23': '1/2',
      '2026-11-24': '0/2',
    });
    // By default a session starting at 00:00 is outside the hours: D counts u3 only.
    expect(aroundD(messageRate, data)).toEqual({
      '2026-11-22': '1/1',
      '2026-11-23': '0/1',
      '2026-11-24': '0/1',
    });
  });

  it('merges a customer’s 留言 returning after 9:59.999, not after exactly 10 minutes [consultation.message-rate#merge-by-kind]', () => {
    const data = storeData({
      chatSessions: [
        offline('u1', '2026-11-10 10:00:00'),
        offline('u1', '2026-11-10 10:09:59.999'), // merged with the one before: one 留言
        offline('u2', '2026-11-10 10:00:00'),
        offline('u2', '2026-11-10 10:10:00'), // a second 留言
        chat('u3', [['customer', '2026-11-10 12:00:00']]),
      ],
    });
    const r = messageRate(data, { asOf: D });
    expect(`${r.numerator.toString()}/${r.denominator.toString()}`).toBe('3/4');
    expect(v(r)).toBe('0.75');
  });

  it('is no-data on an empty window, never NaN', () => {
    const r = messageRate(storeData({ chatSessions: [offline('u1', '2026-11-18 10:00:00')] }), {
      asOf: D,
    });
    expect(r.status).toBe('no-data');
    expect(r.value).toBeNull();
    expect(r.numerator.toString()).toBe('0');
  });
});
