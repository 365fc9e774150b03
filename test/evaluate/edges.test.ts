/**
 * Numbers a merchant can trust at the edges of the data (issue 20): a collection not provided
 * is unknown, not none; the facilitated share rests on consultations; below the minimum sample
 * the industry average (else the peers' mean) stands in; a module without data is not held
 * against the module floor of the standing.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { evaluateHistory, evaluateStore } from '../../src/evaluate/evaluate.js';
import { metricCatalogue } from '../../src/metrics/catalogue.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import {
  industryAveragesIssues,
  parseIndustryAverages,
} from '../../src/scorecard/industryAverages.js';
import { order, storeData } from '../_helpers.js';

const D = '2026-11-23';

/** Ten paid orders, collected the day they were paid, delivered the next day, one unit each. */
const orders = Array.from({ length: 10 }, (_, i) => ({
  id: `o${i}`,
  customerId: `c${i}`,
  placedAt: '2026-11-10 09:00:00',
  paidAt: '2026-11-10 09:00:00',
  amount: 10,
  outboundAt: '2026-11-10 10:00:00',
  collectedAt: '2026-11-10 12:00:00',
  deliveredAt: '2026-11-11 12:00:00',
}));

const CHAT_METRICS = metricCatalogue
  .filter((d) => d.reads.includes('chatSessions'))
  .map((d) => d.id);

describe('not provided is not none', () => {
  it('a JSON store without chatSessions: the chat metrics are no-data, not provided, with a warning', () => {
    // Before: consultation 2.71 from a facilitated share of 0%, and no warning.
    const card = evaluateStore(
      parseStoreData({
        store: { id: 's' },
        orders: [orders[0]],
        reviews: [],
        serviceOrders: [],
        disputes: [],
        assuredServices: [],
      }),
      { asOf: D },
    );
    expect(CHAT_METRICS).toEqual([
      'consultation.average-response-time',
      'consultation.presales-satisfaction',
      'consultation.response-rate-30s',
      'consultation.conversion-rate',
      'consultation.facilitated-amount-share',
      'consultation.message-rate',
      'after-sales.satisfaction',
    ]);
    for (const id of CHAT_METRICS) {
      const m = card.metrics[id];
      expect([m.status, m.reason, m.notProvided, m.value, m.score]).toEqual([
        'no-data',
        'not-provided',
        ['chatSessions'],
        null,
        null,
      ]);
      expect(m.denominator.toString()).toBe('0');
    }
    expect(card.modules.consultation.score).toBeNull();
    expect(card.modules.consultation.noData).toBe(true);
    expect(card.warnings).toEqual([
      {
        code: 'not-provided',
        collection: 'chatSessions',
        metrics: CHAT_METRICS,
        message: expect.stringMatching(
          /^chatSessions not provided \(unknown, not none\): 7 metric/,
        ),
      },
    ]);
    // The metrics that read what was provided are measured as before.
    expect(card.metrics['logistics.same-day-collection-rate'].status).toBe('too-little-data');
    expect(card.metrics['disputes.dispute-rate'].reason).toBeUndefined();
  });

  it('an empty list still means nothing happened: no reason, no warning', () => {
    const card = evaluateStore(parseStoreData({ store: { id: 's' }, chatSessions: [], orders }), {
      asOf: D,
    });
    const share = card.metrics['consultation.facilitated-amount-share'];
    // No consultation: no share (the sample is the consultations), but known to be none.
    expect([share.status, share.reason, share.sample?.toString()]).toEqual([
      'no-data',
      undefined,
      '0',
    ]);
    expect(card.warnings?.map((w) => w.collection)).toEqual([
      'reviews',
      'serviceOrders',
      'disputes',
      'assuredServices',
    ]);
    expect(card.warnings?.at(-1)?.message).toMatch(/放心购 bonus counts no service/);
  });

  it('names both collections of a metric that reads two, and orders read for the stage only when needed', () => {
    const chat = {
      id: 'x1',
      customerId: 'c1',
      messages: [
        { from: 'customer', at: '2026-11-10 10:00:00' },
        { from: 'agent', at: '2026-11-10 10:00:05' },
      ],
    };
    const card = evaluateStore(parseStoreData({ store: { id: 's' }, chatSessions: [chat] }), {
      asOf: D,
    });
    expect(card.metrics['consultation.facilitated-amount-share'].notProvided).toEqual(['orders']);
    expect(card.metrics['after-sales.repair-rate'].notProvided).toEqual([
      'serviceOrders',
      'orders',
    ]);
    // The stage of a session without one is derived from orders: unknown without them.
    expect(card.metrics['consultation.response-rate-30s'].notProvided).toEqual(['orders']);
    expect(card.metrics['consultation.average-response-time'].reason).toBeUndefined();
    // Every session states its stage: the orders are not needed for it.
    const staged = evaluateStore(
      parseStoreData({ store: { id: 's' }, chatSessions: [{ ...chat, stage: 'pre-sales' }] }),
      { asOf: D },
    );
    expect(staged.metrics['consultation.response-rate-30s'].reason).toBeUndefined();
    expect(staged.metrics['consultation.response-rate-30s'].value?.toString()).toBe('1');
    expect(staged.metrics['consultation.conversion-rate'].notProvided).toEqual(['orders']);
  });

  it('holds on every day of a history, and for the named calculators', () => {
    const data = parseStoreData({ store: { id: 's' }, orders });
    const days = evaluateHistory(data, { from: '2026-11-22', to: D });
    for (const day of days) {
      expect(day.metrics['consultation.conversion-rate'].reason).toBe('not-provided');
      expect(day.warnings?.length).toBe(5);
    }
    expect(days[1]?.metrics).toEqual(evaluateStore(data, { asOf: D }).metrics);
  });
});

describe('the facilitated share at the scorecard: one ¥10 order, no chats', () => {
  it('has no share and leaves the consultation module without a score (before: 0% scored 2.71)', () => {
    const card = evaluateStore(
      storeData({ orders: [order('c0', '2026-11-10 09:00:00', { amountFen: 1_000 })] }),
      { asOf: D },
    );
    const share = card.metrics['consultation.facilitated-amount-share'];
    expect([share.status, share.value, share.score]).toEqual(['no-data', null, null]);
    expect(card.modules.consultation.score).toBeNull();
    expect(card.modules.consultation.noData).toBe(true);
  });
});

describe('industry averages (行业均值) in evaluateStore and evaluateHistory', () => {
  // Nine reviews: too little data for the three review metrics (10 by default).
  const reviews = Array.from({ length: 9 }, (_, i) => ({
    id: `r${i}`,
    customerId: `u${i}`,
    createdAt: '2026-11-20 10:00:00',
    stars: 5,
  }));
  const data = parseStoreData({ store: { id: 's' }, reviews, orders });

  it('scores a metric below its minimum sample at the supplied average, and says so', () => {
    const card = evaluateStore(data, {
      asOf: D,
      industryAverages: {
        'reviews.negative-rate': 0.02,
        'logistics.same-day-collection-rate': 0.9,
      },
    });
    const neg = card.metrics['reviews.negative-rate'];
    expect(neg.status).toBe('too-little-data');
    expect(neg.scoredAt).toBe('industry-average');
    expect(neg.industryAverage).toBe(0.02);
    expect(neg.versusAverage).toEqual({ average: 0.02, difference: -0.02, comparison: 'better' });
    expect(neg.score).toBeGreaterThan(0);
    const method = card.modules.reviews.metrics.find((m) => m.id === 'reviews.negative-rate');
    expect(method?.method).toBe('industry-average');
    // Without averages or peers it is left out (no score).
    expect(evaluateStore(data, { asOf: D }).metrics['reviews.negative-rate'].score).toBeNull();
    // With peers and no average: the peers' mean (0.04 among 0.01, 0.01, 0.1 beats one of three).
    const peered = evaluateStore(data, {
      asOf: D,
      peers: { metrics: { 'reviews.negative-rate': [0.01, 0.01, 0.1] } },
    }).metrics['reviews.negative-rate'];
    expect([peered.scoredAt, peered.score]).toEqual(['peers-mean', 10 / 3]);
    // The average wins over the peers: 0.02 beats only 0.1 → 10/3 as well here; 0 ties none.
    const both = evaluateStore(data, {
      asOf: D,
      peers: { metrics: { 'reviews.negative-rate': [0.01, 0.01, 0.1] } },
      industryAverages: { 'reviews.negative-rate': 0.005 },
    }).metrics['reviews.negative-rate'];
    expect([both.scoredAt, both.score]).toEqual(['industry-average', 10]);
  });

  it('the same in a history, every day', () => {
    const days = evaluateHistory(data, {
      from: '2026-11-22',
      to: D,
      industryAverages: { 'reviews.negative-rate': 0.02 },
    });
    expect(days.map((d) => d.metrics['reviews.negative-rate'].scoredAt)).toEqual([
      'industry-average',
      'industry-average',
    ]);
  });

  it('refuses averages that are not in their unit, or of no metric, naming each', () => {
    expect(() =>
      evaluateStore(data, { asOf: D, industryAverages: { 'reviews.negative-rate': 2 } }),
    ).toThrow(InvalidInputError);
    expect(
      industryAveragesIssues({
        'reviews.negative-rate': 3.2,
        'reviews.negativ-rate': 0.01,
        'after-sales.duration': '40',
      }),
    ).toEqual([
      {
        path: 'reviews.negative-rate',
        message: 'expected a ratio as a fraction from 0 to 1 (3.2% is 0.032), found 3.2',
      },
      {
        path: 'reviews.negativ-rate',
        message:
          'expected a metric id of the catalogue, found unknown "reviews.negativ-rate": did you mean "reviews.negative-rate"?',
      },
      {
        path: 'after-sales.duration',
        message: expect.stringMatching(/^expected a duration in hours/),
      },
    ]);
    expect(industryAveragesIssues([], 'industryAverages')[0]?.path).toBe('industryAverages');
    expect(() => parseIndustryAverages({ 'after-sales.duration': -1 })).toThrow(
      /Invalid industry averages: 1 issue/,
    );
    expect(parseIndustryAverages({ 'after-sales.duration': 40 })).toEqual({
      'after-sales.duration': 40,
    });
  });
});

describe('the gate and modules without data', () => {
  it('no chat data, composite 10, ranking 100%: 4.9 stars, consultation not assessed (before: 4.5)', () => {
    const data = parseStoreData({
      store: { id: 's' },
      orders,
      reviews: [],
      serviceOrders: [],
      disputes: [],
    });
    const ranking = {
      rate: 1,
      modules: { 'after-sales': 0.8, logistics: 0.8, disputes: 0.8 },
    };
    const card = evaluateStore(data, { asOf: D, ranking });
    expect(card.standing?.notAssessed).toEqual(['consultation', 'reviews']);
    expect(card.standing?.stars).toBe(4.9);
    expect(card.standing?.unverified).toEqual([
      // Only the Good Shop baseline is left to verify.
      expect.objectContaining({ fact: 'goodShop.baseline.integrity' }),
      expect.objectContaining({ fact: 'goodShop.baseline.activeProductRate' }),
      expect.objectContaining({ fact: 'goodShop.baseline.storeAge' }),
    ]);
    // A module with data whose ranking is only not supplied stays unverified.
    const partial = evaluateStore(data, {
      asOf: D,
      ranking: { rate: 1, modules: { logistics: 0.8, disputes: 0.8 } },
    }).standing;
    expect(partial?.stars).toBe(4.5);
    expect(partial?.unverified[0]).toEqual({
      fact: 'moduleRankings.after-sales',
      neededFor: ['4.9 stars', 'Good Shop eligibility'],
    });
    // A module with data below 30% still holds the store at 4.5.
    const low = evaluateStore(data, {
      asOf: D,
      ranking: { rate: 1, modules: { ...ranking.modules, logistics: 0.2 } },
    }).standing;
    expect(low?.stars).toBe(4.5);
  });

  it('not assessed whatever stands in for the scores: peers rank the module, the gate ignores it', () => {
    const data = parseStoreData({ store: { id: 's' }, orders, serviceOrders: [], disputes: [] });
    const five = [5, 6, 7];
    const card = evaluateStore(data, {
      asOf: D,
      peers: {
        composites: five,
        modules: {
          consultation: five,
          reviews: five,
          'after-sales': five,
          logistics: five,
          disputes: five,
        },
        metrics: { 'reviews.negative-rate': [0.5, 0.6] },
      },
    });
    // Reviews: not provided, so no stand-in (unknown is never scored); consultation likewise.
    expect(card.modules.reviews.score).toBeNull();
    expect(card.standing?.notAssessed).toEqual(['consultation', 'reviews']);
    expect(card.standing?.rankingRate).toBe(1);
    expect(card.standing?.stars).toBe(4.9);
  });
});
