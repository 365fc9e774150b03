import { describe, expect, it } from 'vitest';
import { defaultRuleSet, type RuleSet, responseRate30s } from '../../../src/index.js';
import { chat, order, storeData } from '../../_helpers.js';
import { D, v } from './_fixtures.js';

describe('responseRate30s (30秒应答率)', () => {
  it('counts a first reply at exactly 30 s in time, 30.001 s not [consultation.response-rate-30s#thirty-seconds]', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 10:00:00'],
          ['agent', '2026-11-10 10:00:30'],
        ]),
        chat('u2', [
          ['customer', '2026-11-10 10:00:00'],
          ['agent', '2026-11-10 10:00:30.001'],
        ]),
      ],
    });
    expect(v(responseRate30s(data, { asOf: D }))).toBe('0.5');
  });

  it('counts a robot reply by default, and not when the rule says so [consultation.response-rate-30s#first-reply]', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 10:00:00'],
          ['robot', '2026-11-10 10:00:02'],
          ['agent', '2026-11-10 10:05:00'],
        ]),
      ],
    });
    expect(v(responseRate30s(data, { asOf: D }))).toBe('1');
    const noRobot: RuleSet = {
      ...defaultRuleSet,
      chat: {
        ...defaultRuleSet.chat,
        robotRepliesCount: { value: false, source: { tag: 'custom' } },
      },
    };
    expect(v(responseRate30s(data, { asOf: D, ruleSet: noRobot }))).toBe('0');
  });

  it('counts an unanswered session in the denominator only [consultation.response-rate-30s#thirty-seconds]', () => {
    const data = storeData({ chatSessions: [chat('u1', [['customer', '2026-11-10 10:00:00']])] });
    const r = responseRate30s(data, { asOf: D });
    expect(r.numerator.toString()).toBe('0');
    expect(r.denominator.toString()).toBe('1');
  });

  it('measures from the first customer message, not an earlier agent greeting [consultation.response-rate-30s#first-reply]', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['agent', '2026-11-10 10:00:00'],
          ['customer', '2026-11-10 10:01:00'],
          ['agent', '2026-11-10 10:01:20'],
        ]),
      ],
    });
    expect(v(responseRate30s(data, { asOf: D }))).toBe('1');
  });

  it('judges assessment hours by the session start: 07:59:59.999 out, 08:00 in', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 07:59:59.999'],
          ['agent', '2026-11-10 08:00:01'],
        ]),
        chat('u2', [
          ['customer', '2026-11-10 08:00:00'],
          ['agent', '2026-11-10 08:05:00'],
        ]),
        chat('u3', [
          ['customer', '2026-11-10 23:59:59.999'],
          ['agent', '2026-11-11 00:00:05'],
        ]),
      ],
    });
    const r = responseRate30s(data, { asOf: D });
    // u2 (late) and u3 (23:59:59.999 is in [08:00, 24:00)) count; u1 does not.
    expect(r.denominator.toString()).toBe('2');
    expect(r.numerator.toString()).toBe('1');
  });

  it('applies the published 09:00–23:00 alternative by session start (08:56 answered 09:01 is out)', () => {
    const alt: RuleSet = {
      ...defaultRuleSet,
      chat: {
        ...defaultRuleSet.chat,
        assessmentHours: { value: { fromHour: 9, toHour: 23 }, source: { tag: 'custom' } },
      },
    };
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 08:56:00'],
          ['agent', '2026-11-10 09:01:00'],
        ]),
        chat('u2', [
          ['customer', '2026-11-10 22:59:59'],
          ['agent', '2026-11-10 23:00:10'],
        ]),
      ],
    });
    expect(responseRate30s(data, { asOf: D, ruleSet: alt }).denominator.toString()).toBe('1');
  });

  it('only counts pre-sales consultations', () => {
    const data = storeData({
      chatSessions: [
        chat('u1', [
          ['customer', '2026-11-10 10:00:00'],
          ['agent', '2026-11-10 10:00:05'],
        ]),
        chat(
          'u2',
          [
            ['customer', '2026-11-10 10:00:00'],
            ['agent', '2026-11-10 10:00:05'],
          ],
          { stage: 'after-sales' },
        ),
      ],
      orders: [order('u1', '2026-11-01 10:00:00')],
    });
    // u1 had an earlier order: after-sales. u2 is after-sales by its explicit stage.
    expect(responseRate30s(data, { asOf: D }).status).toBe('no-data');
  });

  it('counts consultations only, not pre-sales offline messages (留言) in the hours', () => {
    const data = storeData({
      chatSessions: [
        chat(
          'u1',
          [
            ['customer', '2026-11-10 10:00:00'],
            ['agent', '2026-11-10 10:00:05'],
          ],
          { kind: 'offline-message' },
        ),
      ],
    });
    expect(responseRate30s(data, { asOf: D }).status).toBe('no-data');
  });
});
