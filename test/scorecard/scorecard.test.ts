import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/decimal.js';
import { chatDefectPenaltyForMonth } from '../../src/evaluate/chatMonth.js';
import { evaluateHistory, evaluateStore } from '../../src/evaluate/evaluate.js';
import { MODULE_IDS, type ModuleId } from '../../src/ids.js';
import type { MetricId } from '../../src/metrics/catalogue.js';
import { metricCatalogue } from '../../src/metrics/catalogue.js';
import { defineRuleSet } from '../../src/ruleset/defineRuleSet.js';
import { defaultRuleSet } from '../../src/ruleset/ruleSet.js';
import { compositeScore } from '../../src/scoring/aggregate.js';
import type { MetricResult } from '../../src/scoring/metric.js';
import { scoreMetric } from '../../src/scoring/metric.js';
import type { ModuleScore } from '../../src/scoring/modules.js';
import { scoreModules } from '../../src/scoring/modules.js';
import { chat, order, review, sh, storeData } from '../_helpers.js';

const D = '2026-11-23';

/** The composite of module scores under the default module weights. */
const compositeOf = (modules: Readonly<Record<ModuleId, ModuleScore>>) =>
  compositeScore(
    Object.fromEntries(MODULE_IDS.map((m) => [m, modules[m].score])),
    defaultRuleSet.moduleWeights,
  );

function fakeMetrics(
  scores: Partial<Record<MetricId, number | null>>,
): Record<MetricId, MetricResult> {
  const out = {} as Record<MetricId, MetricResult>;
  for (const d of metricCatalogue) {
    const s = scores[d.id] ?? null;
    out[d.id] = {
      id: d.id,
      module: d.module,
      unit: d.unit,
      direction: d.direction,
      status: s === null ? 'no-data' : 'ok',
      value: s === null ? null : new Dec(0.5),
      numerator: new Dec(0),
      denominator: new Dec(s === null ? 0 : 1),
      window: { from: '2026-10-01', to: '2026-10-30' },
      score: s,
    };
  }
  return out;
}

describe('scoreMetric', () => {
  const base = evaluateStore(
    storeData({
      // 10 reviews (the minimum sample), 5 of them negative.
      reviews: Array.from({ length: 10 }, (_, i) =>
        review(`u${i}`, '2026-11-20 10:00:00', i < 5 ? 5 : 1),
      ),
    }),
    { asOf: D },
  ).metrics['reviews.negative-rate'];
  it('scores by the curve without peers, by percentile with them', () => {
    // negative rate 0.5 is far beyond poor (3%): the curve gives a failing score.
    expect(base.value?.toString()).toBe('0.5');
    expect(scoreMetric(base).method).toBe('curve');
    expect(scoreMetric(base).score).toBeLessThan(5);
    // Lower is better: better than 0.6 and 0.9, tied with 0.5 (half), worse than 0.1 → (2 + 0.5) / 4 × 10.
    expect(scoreMetric(base, { peerValues: [0.1, 0.5, 0.6, 0.9] })).toEqual({
      score: 6.25,
      method: 'peers',
    });
  });
  it('scores a metric without data as the peers’ mean when peers are given, else null', () => {
    const none = { ...base, status: 'no-data' as const, value: null };
    expect(scoreMetric(none)).toEqual({ score: null, method: 'none' });
    expect(scoreMetric(none, { peerValues: [0.01, 0.02, 0.03] })).toEqual({
      score: 5,
      method: 'peers-mean',
    });
  });
  it('too little data: the value is kept, no curve score, the peers’ mean with peers', () => {
    const few = evaluateStore(
      storeData({
        reviews: Array.from({ length: 9 }, (_, i) => review(`u${i}`, '2026-11-20 10:00:00', 5)),
      }),
      { asOf: D },
    ).metrics['reviews.negative-rate'];
    expect(few.status).toBe('too-little-data');
    expect(few.value?.toString()).toBe('0');
    expect(few.denominator.toString()).toBe('9');
    expect(few.score).toBeNull();
    expect(scoreMetric(few)).toEqual({ score: null, method: 'too-little-data' });
    // Scored as the peers' mean (0.02 among 0.01, 0.02, 0.03: better than one, tied with one).
    expect(scoreMetric(few, { peerValues: [0.01, 0.02, 0.03] })).toEqual({
      score: 5,
      method: 'peers-mean',
    });
    // The mean, not the median: 0.04 among 0.01, 0.01, 0.1 beats only 0.1 (the median 0.01 would tie two).
    expect(scoreMetric(few, { peerValues: [0.01, 0.01, 0.1] })).toEqual({
      score: 10 / 3,
      method: 'peers-mean',
    });
    // A rule set without a minimum scores it.
    const rules = defineRuleSet({ minimumSample: { 'reviews.negative-rate': 0 } });
    const scored = evaluateStore(
      storeData({
        reviews: Array.from({ length: 9 }, (_, i) => review(`u${i}`, '2026-11-20 10:00:00', 5)),
      }),
      { asOf: D, ruleSet: rules },
    ).metrics['reviews.negative-rate'];
    expect(scored.status).toBe('ok');
    expect(scored.score).toBe(10);
  });

  it('gives the curve score in the calculators’ results, exactly 9 at good and 5 at poor', () => {
    const at = (rate: number) => scoreMetric({ ...base, value: new Dec(rate) }).score as number;
    expect(at(0.005)).toBeCloseTo(9, 9);
    expect(at(0.03)).toBeCloseTo(5, 9);
    expect(base.score).toBe(scoreMetric(base).score);
  });
});

describe('module scores, explanations and the composite', () => {
  it('averages metric scores with equal weights, sharing a missing metric’s weight', () => {
    const modules = scoreModules(
      fakeMetrics({
        'logistics.same-day-collection-rate': 9,
        'logistics.next-day-arrival-rate': 6,
        'logistics.average-delivery-time': null,
        'disputes.dispute-rate': 8,
      }),
    );
    // (9 + 6) / 2 = 7.5; the third metric has no score.
    expect(modules.logistics.score).toBe(7.5);
    expect(modules.logistics.metrics.map((m) => [m.id, m.weight, m.pointsLost])).toEqual([
      ['logistics.next-day-arrival-rate', 0.5, 2],
      ['logistics.same-day-collection-rate', 0.5, 0.5],
      ['logistics.average-delivery-time', 0, 0],
    ]);
    expect(modules.consultation.score).toBeNull();
    // Only logistics (12) and disputes (22) have scores: shares 12/34 and 22/34.
    expect(modules.logistics.weight).toBe(0.3529);
    expect(modules.disputes.weight).toBe(0.6471);
    // (7.5 × 12 + 8 × 22) / 34 = 7.8235… → 7.82
    expect(compositeOf(modules)).toBe(7.82);
  });

  it('rounds module scores half up to 2 decimals and reproduces the worked composite of the 22/12/22/22/22 weights', () => {
    const modules = scoreModules(
      fakeMetrics({
        'after-sales.repair-rate': 9.0,
        'logistics.same-day-collection-rate': 9.5,
        'reviews.negative-rate': 9.4,
        'consultation.message-rate': 9.2,
        'disputes.dispute-rate': 9.8,
      }),
    );
    expect(compositeOf(modules)).toBe(9.37);
    const noLogistics = scoreModules(
      fakeMetrics({
        'after-sales.repair-rate': 9.0,
        'reviews.negative-rate': 9.4,
        'consultation.message-rate': 9.2,
        'disputes.dispute-rate': 9.8,
      }),
    );
    expect(compositeOf(noLogistics)).toBe(9.35);
    const thirds = scoreModules(fakeMetrics({ 'disputes.dispute-rate': 9.005 }));
    expect(thirds.disputes.score).toBe(9.01);
  });

  it('weighs the 30-second rate half of consultation and leaves the delivery time out of logistics', () => {
    const modules = scoreModules(
      fakeMetrics({
        'consultation.response-rate-30s': 4,
        'consultation.average-response-time': 9,
        'consultation.presales-satisfaction': 9,
        'consultation.conversion-rate': 9,
        'consultation.facilitated-amount-share': 9,
        'consultation.message-rate': 9,
        'logistics.same-day-collection-rate': 8,
        'logistics.next-day-arrival-rate': 6,
        'logistics.average-delivery-time': 0,
      }),
    );
    // (4 × 5 + 9 × 5) / 10 = 6.5
    expect(modules.consultation.score).toBe(6.5);
    expect(modules.consultation.metrics[0]).toMatchObject({
      id: 'consultation.response-rate-30s',
      weight: 0.5,
      pointsLost: 3,
    });
    expect(modules.consultation.metrics.slice(1).map((m) => [m.weight, m.pointsLost])).toEqual(
      Array.from({ length: 5 }, () => [0.1, 0.1]),
    );
    // (8 + 6) / 2 = 7: the delivery time's score of 0 weighs nothing and costs nothing.
    expect(modules.logistics.score).toBe(7);
    expect(
      modules.logistics.metrics.find((m) => m.id === 'logistics.average-delivery-time'),
    ).toMatchObject({ score: 0, weight: 0, pointsLost: 0 });
    // Every weight has its own provenance.
    expect(defaultRuleSet.metricWeights['consultation.response-rate-30s'].source.tag).toBe('seed');
    expect(defaultRuleSet.metricWeights['logistics.average-delivery-time'].value).toBe(0);
  });

  it('follows custom metric weights', () => {
    const rules = defineRuleSet({ metricWeights: { 'logistics.same-day-collection-rate': 3 } });
    const modules = scoreModules(
      fakeMetrics({
        'logistics.same-day-collection-rate': 9,
        'logistics.next-day-arrival-rate': 5,
      }),
      rules,
    );
    // (9 × 3 + 5 × 1) / 4 = 8
    expect(modules.logistics.score).toBe(8);
  });
});

describe('evaluateStore: the whole scorecard', () => {
  const data = storeData({
    chatSessions: [
      chat(
        'u1',
        [
          ['customer', '2026-11-10 10:00:00'],
          ['agent', '2026-11-10 10:00:05'],
        ],
        { rating: 'satisfied', ratedAt: sh('2026-11-10 10:10:00') },
      ),
    ],
    orders: [
      order('u1', '2026-11-10 10:30:00', {
        collectedAt: sh('2026-11-10 18:00:00'),
        deliveredAt: sh('2026-11-11 12:00:00'),
      }),
    ],
    reviews: Array.from({ length: 25 }, (_, i) => review(`r${i}`, '2026-11-15 10:00:00', 5)),
    assuredServices: [
      { service: 'freight-insurance', enabledAt: sh('2026-01-01 00:00:00') },
      { service: 'lightning-refund', enabledAt: sh('2026-01-01 00:00:00') },
      { service: 'damage-compensation', enabledAt: sh('2026-01-01 00:00:00') },
      { service: 'product-liability-insurance', enabledAt: sh('2026-01-01 00:00:00') },
      { service: 'door-pickup', enabledAt: sh('2026-11-23 00:00:00') },
    ],
  });

  it('has scores, modules, composite, bonus and total, and no standing without peers', () => {
    const card = evaluateStore(data, { asOf: D });
    // One consultation: too little data. The value is reported, no score, left out of its module.
    const rate = card.metrics['consultation.response-rate-30s'];
    expect([rate.status, rate.value?.toString(), rate.score]).toEqual([
      'too-little-data',
      '1',
      null,
    ]);
    expect(
      card.modules.consultation.metrics.find((m) => m.id === 'consultation.response-rate-30s'),
    ).toMatchObject({ score: null, method: 'too-little-data', weight: 0, pointsLost: 0 });
    // The facilitated amount share rests on the one received consultation too (its sample, not
    // the order amount): too little data, and the module has no score.
    const share = card.metrics['consultation.facilitated-amount-share'];
    expect([share.status, share.sample?.toString(), share.score]).toEqual([
      'too-little-data',
      '1',
      null,
    ]);
    expect(card.modules.consultation.metrics.filter((m) => m.score !== null)).toEqual([]);
    expect(card.modules.consultation.score).toBeNull();
    // 25 five-star reviews are enough.
    expect(card.metrics['reviews.negative-rate'].score).toBe(10);
    expect(card.modules.reviews.score).not.toBeNull();
    expect(card.composite).not.toBeNull();
    // Freight insurance, lightning refund and the 先行理赔 group once: 3 × 0.1. Door pickup opens at the as-of instant: not yet.
    expect(card.bonus).toEqual({
      points: 0.3,
      active: [
        'freight-insurance',
        'lightning-refund',
        'damage-compensation',
        'product-liability-insurance',
      ],
      counted: 3,
    });
    expect(card.total).toBe(
      Math.min(10, Number(new Dec(card.composite as number).plus(0.3).toFixed(2))),
    );
    expect(card.goodReviewRate.value?.toString()).toBe('1');
    expect(card.standing).toBeUndefined();
  });

  const baseline = { integrity: true, activeProductRate: true, storeAge: true };
  const allModules = {
    consultation: 0.5,
    reviews: 0.5,
    'after-sales': 0.5,
    logistics: 0.5,
    disputes: 0.5,
  };

  it('ranks the store and derives its standing from peers', () => {
    const card = evaluateStore(data, {
      asOf: D,
      peers: { composites: [1, 2, 3, 4, 5, 6, 7, 8, 9, 9.99], modules: { reviews: [1, 2] } },
      goodShop: { certified: true, baseline },
    });
    expect(card.standing?.rankingRate).toBe(1);
    // Only the reviews module could be ranked: 4.9 and Good Shop are not verified.
    expect(card.standing?.moduleRankings).toEqual({ reviews: 1 });
    expect(card.standing?.stars).toBe(4.5);
    expect(card.standing?.badge).toBeNull();
    expect(card.standing?.goodShop.eligible).toBe(false);
    // After-sales has no data at all: not assessed, so not held against the module floor.
    expect(card.standing?.notAssessed).toEqual(['after-sales']);
    expect(card.standing?.unverified.map((u) => u.fact)).toEqual([
      'moduleRankings.consultation',
      'moduleRankings.logistics',
      'moduleRankings.disputes',
    ]);
    // 25 five-star reviews → good rate 100% > 95%, freight insurance and lightning refund open, ranking > 40%.
    expect(card.standing?.assuredPurchaseTag).toBe(true);
    expect(card.standing?.activityGate).toBe(true);
    expect(card.standing?.chatPenalty.month).toBe('2026-10');
  });

  it('grants 4.9 stars and the Good Shop badge only on supplied, passing facts', () => {
    // A ranking of 95% and certified, nothing else: stars up to 4.5, and what was not checked.
    const bare = evaluateStore(data, {
      asOf: D,
      ranking: { rate: 0.95 },
      goodShop: { certified: true },
    }).standing;
    expect(bare?.stars).toBe(4.5);
    expect(bare?.badge).toBeNull();
    expect(bare?.goodShop.eligible).toBe(false);
    expect(bare?.unverified).toEqual([
      {
        fact: 'moduleRankings.consultation',
        neededFor: ['4.9 stars', 'Good Shop badge', 'Good Shop eligibility'],
      },
      {
        fact: 'moduleRankings.reviews',
        neededFor: ['4.9 stars', 'Good Shop badge', 'Good Shop eligibility'],
      },
      {
        fact: 'moduleRankings.logistics',
        neededFor: ['4.9 stars', 'Good Shop badge', 'Good Shop eligibility'],
      },
      {
        fact: 'moduleRankings.disputes',
        neededFor: ['4.9 stars', 'Good Shop badge', 'Good Shop eligibility'],
      },
      {
        fact: 'goodShop.baseline.integrity',
        neededFor: ['Good Shop badge', 'Good Shop eligibility'],
      },
      {
        fact: 'goodShop.baseline.activeProductRate',
        neededFor: ['Good Shop badge', 'Good Shop eligibility'],
      },
      {
        fact: 'goodShop.baseline.storeAge',
        neededFor: ['Good Shop badge', 'Good Shop eligibility'],
      },
    ]);
    // Module rankings given, baseline not: 4.9 stars, but no badge and not eligible.
    const modulesOnly = evaluateStore(data, {
      asOf: D,
      ranking: { rate: 0.95, modules: allModules },
      goodShop: { certified: true },
    }).standing;
    expect(modulesOnly?.stars).toBe(4.9);
    expect(modulesOnly?.badge).toBeNull();
    expect(modulesOnly?.unverified.map((u) => u.fact)).toEqual([
      'goodShop.baseline.integrity',
      'goodShop.baseline.activeProductRate',
      'goodShop.baseline.storeAge',
    ]);
    // Everything supplied and met.
    const full = evaluateStore(data, {
      asOf: D,
      ranking: { rate: 0.95, modules: allModules },
      goodShop: { certified: true, baseline },
    }).standing;
    expect([full?.stars, full?.badge, full?.goodShop.eligible, full?.unverified]).toEqual([
      4.9,
      'good-shop',
      true,
      [],
    ]);
    // Below the top band: nothing a missing fact could change.
    const mid = evaluateStore(data, { asOf: D, ranking: { rate: 0.5 } }).standing;
    expect(mid?.unverified).toEqual([]);
  });

  it('takes a supplied ranking instead of peers', () => {
    const card = evaluateStore(data, {
      asOf: D,
      ranking: { rate: 0.35, modules: { logistics: 0.1 } },
    });
    expect(card.standing?.stars).toBe(3.5);
    expect(card.standing?.moduleRankings).toEqual({ logistics: 0.1 });
    expect(card.standing?.activityGate).toBe(true);
  });

  it('is all no-data and null on an empty store, never NaN or a throw', () => {
    const card = evaluateStore(storeData(), { asOf: D, ranking: { rate: 0.5 } });
    expect(
      Object.values(card.metrics).every((m) => m.status === 'no-data' && m.score === null),
    ).toBe(true);
    expect(card.composite).toBeNull();
    expect(card.total).toBeNull();
    expect(card.standing?.stars).toBe(4);
    expect(card.standing?.warmShopkeeper).toBe(false);
    expect(JSON.stringify(card)).not.toMatch(/NaN|Infinity/);
  });

  it('rejects a malformed as-of day', () => {
    expect(() => evaluateStore(storeData(), { asOf: '2026-11-31' })).toThrow(
      /asOf as a calendar date/,
    );
    expect(() => evaluateHistory(storeData(), { from: '2026-11-02', to: '2026-11-01' })).toThrow(
      /from ≤ to/,
    );
    expect(() => evaluateHistory(storeData(), { from: '1992-01-01', to: '2099-01-01' })).toThrow(
      /at most 10000 days/,
    );
  });

  it('scores history days like single days, peers included', () => {
    const peers = { metrics: { 'reviews.satisfaction-score': [8, 9, 9.5] } };
    const days = evaluateHistory(data, { from: '2026-11-20', to: '2026-11-24', peers });
    for (const d of days) {
      const single = evaluateStore(data, { asOf: d.asOf, peers });
      expect(d).toEqual(single);
    }
  });
});

describe('chatDefectPenaltyForMonth', () => {
  it('assesses a calendar month with its volume gates', () => {
    // 11 rated sessions in October, 5 satisfied: > 10 ratings and 45% ≤ 85% → one failure, 2 points.
    const sessions = Array.from({ length: 11 }, (_, i) =>
      chat(
        `u${i}`,
        [
          ['customer', `2026-10-${String(i + 1).padStart(2, '0')} 10:00:00`],
          ['agent', `2026-10-${String(i + 1).padStart(2, '0')} 10:00:20`],
        ],
        {
          rating: i < 5 ? 'satisfied' : 'dissatisfied',
          ratedAt: sh(`2026-10-${String(i + 1).padStart(2, '0')} 11:00:00`),
        },
      ),
    );
    const p = chatDefectPenaltyForMonth(storeData({ chatSessions: sessions }), {
      month: '2026-10',
    });
    expect(p.figures.ratings).toBe(11);
    expect(p.figures.consultations).toBe(11);
    expect(p.figures.averageResponseSeconds).toBe(20);
    expect(p.failures).toEqual(['satisfaction']);
    expect(p.points).toBe(2);
    // A session on 2026-11-01 is not in October.
    expect(
      chatDefectPenaltyForMonth(storeData({ chatSessions: sessions }), { month: '2026-11' }).figures
        .ratings,
    ).toBe(0);
    expect(chatDefectPenaltyForMonth(storeData(), { month: '2026-12' }).points).toBe(0);
  });
  it('rejects a malformed month', () => {
    expect(() => chatDefectPenaltyForMonth(storeData(), { month: '2026-13' })).toThrow(/YYYY-MM/);
  });
});

describe('defaultRuleSet', () => {
  it('holds a curve and a window for every metric', () => {
    for (const d of metricCatalogue) {
      expect(defaultRuleSet.controlPoints[d.id]).toBeDefined();
      expect(defaultRuleSet.windows[d.id]).toBeDefined();
    }
  });
});
