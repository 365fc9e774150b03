import { describe, expect, it } from 'vitest';
import { messageRate } from '../../../src/index.js';
import { chat, storeData } from '../../_helpers.js';
import { D, v } from './_fixtures.js';

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
});
