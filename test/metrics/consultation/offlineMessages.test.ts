/**
 * Offline messages (留言) across the chat metrics: they count only toward the message rate.
 */
import { describe, expect, it } from 'vitest';
import {
  afterSalesSatisfaction,
  type ChatSession,
  conversionRate,
  facilitatedAmountShare,
  messageRate,
  presalesSatisfaction,
} from '../../../src/index.js';
import { chat, order, sh, storeData } from '../../_helpers.js';
import { D, v } from './_fixtures.js';

describe('offline messages (留言) count only toward the message rate', () => {
  // A pre-sales customer (no earlier order) leaves a 留言 that is answered and rated, then orders.
  const offline = (rating?: ChatSession['rating']) =>
    chat(
      'u1',
      [
        ['customer', '2026-11-10 10:00:00'],
        ['agent', '2026-11-10 10:00:10'],
      ],
      rating === undefined
        ? { kind: 'offline-message' }
        : { kind: 'offline-message', rating, ratedAt: sh('2026-11-10 10:05:00') },
    );

  it('a rated 留言 alone: pre-sales satisfaction is no-data [consultation.presales-satisfaction#consultations-only]', () => {
    const data = storeData({ chatSessions: [offline('very-satisfied')] });
    const r = presalesSatisfaction(data, { asOf: D });
    expect(r.status).toBe('no-data');
    expect(r.denominator.toString()).toBe('0');
  });

  it('a rated after-sales 留言 alone: after-sales satisfaction is no-data', () => {
    const data = storeData({
      chatSessions: [offline('dissatisfied')],
      orders: [order('u1', '2026-11-01 09:00:00')],
    });
    expect(afterSalesSatisfaction(data, { asOf: D }).status).toBe('no-data');
  });

  it('a replied 留言 then an order: conversion and the facilitated share are no-data [consultation.conversion-rate#consultations-only, consultation.facilitated-amount-share#consultations-only]', () => {
    const data = storeData({
      chatSessions: [offline()],
      orders: [order('u1', '2026-11-10 11:00:00', { amountFen: 5_000 })],
    });
    expect(conversionRate(data, { asOf: D }).status).toBe('no-data');
    const share = facilitatedAmountShare(data, { asOf: D });
    expect(share.numerator.toString()).toBe('0');
    expect(share.denominator.toString()).toBe('50');
    // No consultation, so no share: the 留言 is not in its sample.
    expect([share.status, v(share)]).toEqual(['no-data', null]);
  });

  it('the same contact as a consultation counts in all four', () => {
    const consultation = (rating: ChatSession['rating']) => ({
      ...offline(rating),
      kind: 'consultation' as const,
    });
    const presales = storeData({
      chatSessions: [consultation('very-satisfied')],
      orders: [order('u1', '2026-11-10 11:00:00', { amountFen: 5_000 })],
    });
    expect(v(presalesSatisfaction(presales, { asOf: D }))).toBe('1');
    expect(v(conversionRate(presales, { asOf: D }))).toBe('1');
    expect(v(facilitatedAmountShare(presales, { asOf: D }))).toBe('1');
    const aftersales = storeData({
      chatSessions: [consultation('dissatisfied')],
      orders: [order('u1', '2026-11-01 09:00:00')],
    });
    expect(v(afterSalesSatisfaction(aftersales, { asOf: D }))).toBe('0');
  });

  it('the 留言 still counts in the message rate', () => {
    const data = storeData({ chatSessions: [offline('very-satisfied')] });
    expect(v(messageRate(data, { asOf: D }))).toBe('1');
  });
});
