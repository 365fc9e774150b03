/**
 * Records as known before a knowledge cut-off (a forecast's), as a table: left out when created
 * at or after the cut-off, the record itself when every fact is known before it, else a copy
 * without the facts stamped at or after it. Each row states only what it is about.
 */
import { describe, expect, it } from 'vitest';
import {
  chatKnownBefore,
  disputeKnownBefore,
  orderKnownBefore,
  reviewKnownBefore,
  serviceKnownBefore,
  serviceOrderKnownBefore,
} from '../../src/metrics/_knownBefore.js';
import type { AssuredService } from '../../src/model.js';
import { chat, dispute, order, review, serviceOrder, sh } from '../_helpers.js';

const CUT = sh('2026-11-10 00:00');
const AT = '2026-11-10 00:00';
const JUST_BEFORE = '2026-11-09 23:59:59.999';
const EARLY = '2026-11-09 10:00';

describe('chatKnownBefore', () => {
  it('leaves out a session whose first message is at the cut-off', () => {
    expect(chatKnownBefore(chat('u', [['customer', AT]]), CUT)).toBeUndefined();
  });

  it('keeps the session itself when its messages and rating are all before the cut-off', () => {
    const rated = chat('u', [['customer', EARLY]], {
      rating: 'satisfied',
      ratedAt: sh(JUST_BEFORE),
    });
    const unrated = chat('u', [
      ['customer', EARLY],
      ['agent', JUST_BEFORE],
    ]);
    const undated = chat('u', [['customer', EARLY]], { rating: 'neutral' });
    expect(chatKnownBefore(rated, CUT)).toBe(rated);
    expect(chatKnownBefore(unrated, CUT)).toBe(unrated);
    expect(chatKnownBefore(undated, CUT)).toBe(undated);
  });

  it('keeps the messages before the cut-off, and the rating when it was given before it', () => {
    const s = chat(
      'u',
      [
        ['customer', EARLY],
        ['agent', JUST_BEFORE],
        ['agent', AT],
      ],
      { rating: 'satisfied', ratedAt: sh(JUST_BEFORE) },
    );
    expect(chatKnownBefore(s, CUT)).toEqual({ ...s, messages: s.messages.slice(0, 2) });
  });

  it('hides a rating given at the cut-off, and keeps an undated one', () => {
    const s = chat('u', [['customer', EARLY]], { rating: 'satisfied', ratedAt: CUT });
    expect(chatKnownBefore(s, CUT)).toEqual({ ...s, rating: undefined, ratedAt: undefined });
    const undated = chat(
      'u',
      [
        ['customer', EARLY],
        ['agent', AT],
      ],
      { rating: 'neutral' },
    );
    expect(chatKnownBefore(undated, CUT)).toEqual({
      ...undated,
      messages: undated.messages.slice(0, 1),
      rating: 'neutral',
      ratedAt: undefined,
    });
    const none = chat('u', [
      ['customer', EARLY],
      ['agent', AT],
    ]);
    expect(chatKnownBefore(none, CUT)).toEqual({
      ...none,
      messages: none.messages.slice(0, 1),
      rating: undefined,
      ratedAt: undefined,
    });
    // An instant without a rating is no rating: it goes too.
    const bare = chat(
      'u',
      [
        ['customer', EARLY],
        ['agent', AT],
      ],
      { ratedAt: sh(EARLY) },
    );
    expect(chatKnownBefore(bare, CUT)).toEqual({
      ...bare,
      messages: bare.messages.slice(0, 1),
      rating: undefined,
      ratedAt: undefined,
    });
  });
});

describe('orderKnownBefore', () => {
  const fields = ['paidAt', 'cancelledAt', 'outboundAt', 'collectedAt', 'deliveredAt'] as const;

  it('leaves out an order placed at the cut-off, keeps one placed just before', () => {
    expect(orderKnownBefore(order('u', AT), CUT)).toBeUndefined();
    const o = order('u', JUST_BEFORE);
    expect(orderKnownBefore(o, CUT)).toBe(o);
  });

  it.each(fields)('hides %s at the cut-off, keeps it just before', (field) => {
    const known = order('u', EARLY, { [field]: sh(JUST_BEFORE) });
    expect(orderKnownBefore(known, CUT)).toBe(known);
    const later = order('u', EARLY, { paidAt: sh(EARLY), [field]: CUT });
    expect(orderKnownBefore(later, CUT)).toEqual({
      ...later,
      paidAt: field === 'paidAt' ? undefined : sh(EARLY),
      [field]: undefined,
    });
  });

  it('keeps every fact before the cut-off in the copy', () => {
    const o = order('u', EARLY, {
      paidAt: sh(EARLY),
      cancelledAt: sh(EARLY),
      outboundAt: sh(EARLY),
      collectedAt: sh(EARLY),
      deliveredAt: CUT,
    });
    expect(orderKnownBefore(o, CUT)).toEqual({ ...o, deliveredAt: undefined });
  });
});

describe('reviewKnownBefore', () => {
  it('leaves out a review created at the cut-off, hides a reply at it', () => {
    expect(reviewKnownBefore(review('u', AT, 5), CUT)).toBeUndefined();
    const r = review('u', EARLY, 1, { repliedAt: sh(JUST_BEFORE) });
    expect(reviewKnownBefore(r, CUT)).toBe(r);
    const unreplied = review('u', JUST_BEFORE, 1);
    expect(reviewKnownBefore(unreplied, CUT)).toBe(unreplied);
    const late = review('u', EARLY, 1, { repliedAt: CUT });
    expect(reviewKnownBefore(late, CUT)).toEqual({ ...late, repliedAt: undefined });
  });
});

describe('serviceOrderKnownBefore', () => {
  const fields = ['approvedAt', 'rejectedAt', 'completedAt'] as const;

  it('leaves out one applied for at the cut-off, keeps one just before', () => {
    expect(serviceOrderKnownBefore(serviceOrder('o', AT), CUT)).toBeUndefined();
    const s = serviceOrder('o', JUST_BEFORE);
    expect(serviceOrderKnownBefore(s, CUT)).toBe(s);
  });

  it.each(fields)('hides %s at the cut-off, keeps it just before', (field) => {
    const known = serviceOrder('o', EARLY, { [field]: sh(JUST_BEFORE) });
    expect(serviceOrderKnownBefore(known, CUT)).toBe(known);
    const later = serviceOrder('o', EARLY, { rating: 'satisfied', [field]: CUT });
    expect(serviceOrderKnownBefore(later, CUT)).toEqual({
      ...later,
      [field]: undefined,
      rating: 'satisfied',
      ratedAt: undefined,
    });
  });

  it('keeps a rating given before the cut-off, hides one given at it', () => {
    const known = serviceOrder('o', EARLY, { rating: 'satisfied', ratedAt: sh(JUST_BEFORE) });
    expect(serviceOrderKnownBefore(known, CUT)).toBe(known);
    const kept = serviceOrder('o', EARLY, {
      completedAt: CUT,
      rating: 'satisfied',
      ratedAt: sh(EARLY),
    });
    expect(serviceOrderKnownBefore(kept, CUT)).toEqual({ ...kept, completedAt: undefined });
    const late = serviceOrder('o', EARLY, {
      approvedAt: sh(EARLY),
      completedAt: sh(EARLY),
      rating: 'satisfied',
      ratedAt: CUT,
    });
    expect(serviceOrderKnownBefore(late, CUT)).toEqual({
      ...late,
      rating: undefined,
      ratedAt: undefined,
    });
    const unrated = serviceOrder('o', EARLY, { completedAt: CUT, ratedAt: sh(EARLY) });
    expect(serviceOrderKnownBefore(unrated, CUT)).toEqual({
      ...unrated,
      completedAt: undefined,
      rating: undefined,
      ratedAt: undefined,
    });
  });
});

describe('disputeKnownBefore', () => {
  it('leaves out a dispute opened at the cut-off, keeps one just before', () => {
    expect(disputeKnownBefore(dispute('o', AT), CUT)).toBeUndefined();
    const d = dispute('o', JUST_BEFORE);
    expect(disputeKnownBefore(d, CUT)).toBe(d);
  });

  it('keeps a ruling and an upheld appeal before the cut-off', () => {
    const d = dispute('o', EARLY, {
      ruling: 'merchant',
      ruledAt: sh(JUST_BEFORE),
      appealUpheldAt: sh(JUST_BEFORE),
    });
    expect(disputeKnownBefore(d, CUT)).toBe(d);
  });

  it('hides a ruling made at the cut-off with its inferred flag, and an appeal upheld at it', () => {
    const ruled = dispute('o', EARLY, {
      ruling: 'merchant',
      ruledAt: CUT,
      ruledAtInferred: true,
      appealUpheldAt: sh(EARLY),
    });
    expect(disputeKnownBefore(ruled, CUT)).toEqual({
      ...ruled,
      ruling: undefined,
      ruledAt: undefined,
      ruledAtInferred: undefined,
    });
    const appealed = dispute('o', EARLY, {
      ruling: 'merchant',
      ruledAt: sh(EARLY),
      ruledAtInferred: true,
      appealUpheldAt: CUT,
    });
    expect(disputeKnownBefore(appealed, CUT)).toEqual({ ...appealed, appealUpheldAt: undefined });
  });
});

describe('serviceKnownBefore', () => {
  const service = (enabled: string, disabledAt?: number): AssuredService => ({
    service: 'freight-insurance',
    enabledAt: sh(enabled),
    disabledAt,
  });

  it('leaves out a service enabled at the cut-off, hides a disabling at it', () => {
    expect(serviceKnownBefore(service(AT), CUT)).toBeUndefined();
    const enabled = service(JUST_BEFORE);
    expect(serviceKnownBefore(enabled, CUT)).toBe(enabled);
    const disabled = service(EARLY, sh(JUST_BEFORE));
    expect(serviceKnownBefore(disabled, CUT)).toBe(disabled);
    const later = service(EARLY, CUT);
    expect(serviceKnownBefore(later, CUT)).toEqual({ ...later, disabledAt: undefined });
  });
});
