/**
 * computeStanding itself: where the ranking comes from (a supplied ranking before peers, peers
 * only with something to rank against), the module rankings, the Good Shop badge and the
 * unverified requirements, the consumer warnings' module rankings, the labels, and the inputs
 * a JavaScript caller may leave out.
 */
import { describe, expect, it } from 'vitest';
import type { ModuleId } from '../../src/ids.js';
import { defaultRuleSet, type RuleSet } from '../../src/ruleset/ruleSet.js';
import type { ScorecardScores } from '../../src/scorecard/scorecard.js';
import { computeStanding } from '../../src/standing/standing.js';
import { scoreValues } from '../../src/values/scoreValues.js';

const AS_OF = '2026-11-23';
const ruleSet = defaultRuleSet;
// A store with a value for every module (each module scored), after-sales taking 70 h and
// deliveries 120 h: long enough for both consumer warnings.
const card: ScorecardScores = scoreValues({
  asOf: AS_OF,
  metrics: {
    'consultation.response-rate-30s': 0.9,
    'reviews.negative-rate': 0.01,
    'after-sales.duration': 70,
    'logistics.average-delivery-time': 120,
    'disputes.dispute-rate': 0.001,
  },
});
const allModules = (r: number): Record<ModuleId, number> => ({
  consultation: r,
  reviews: r,
  'after-sales': r,
  logistics: r,
  disputes: r,
});

describe('computeStanding: the ranking rate', () => {
  it('takes a supplied ranking before peers', () => {
    const s = computeStanding(card, {
      ruleSet,
      ranking: { rate: 0.25 },
      peers: { composites: [0, 0, 0, 0] },
    });
    expect(s.rankingRate).toBe(0.25);
  });

  it('ranks against peers only when they have totals, and the store has one', () => {
    expect(computeStanding(card, { ruleSet, peers: { composites: [0, 10] } }).rankingRate).toBe(
      0.5,
    );
    expect(computeStanding(card, { ruleSet, peers: { composites: [] } }).rankingRate).toBeNull();
    expect(computeStanding(card, { ruleSet, peers: {} }).rankingRate).toBeNull();
    expect(computeStanding(card, { ruleSet }).rankingRate).toBeNull();
    const noTotal = { ...card, total: null };
    expect(
      computeStanding(noTotal, { ruleSet, peers: { composites: [0, 10] } }).rankingRate,
    ).toBeNull();
  });
});

describe('computeStanding: the module rankings', () => {
  it('takes supplied module rankings as they are, none from peers', () => {
    const s = computeStanding(card, {
      ruleSet,
      ranking: { rate: 0.5, modules: { consultation: 0.1 } },
      peers: { modules: { consultation: [0, 10], reviews: [0, 10] } },
    });
    expect(s.moduleRankings).toEqual({ consultation: 0.1 });
  });

  it('ranks each module against its peers when the list is not empty and the module has a score', () => {
    const unscored = {
      ...card,
      modules: { ...card.modules, reviews: { ...card.modules.reviews, score: null } },
    };
    const s = computeStanding(unscored, {
      ruleSet,
      peers: {
        composites: [0],
        modules: { consultation: [0, 10], reviews: [0], 'after-sales': [] },
      },
    });
    expect(s.moduleRankings).toEqual({ consultation: 0.5 });
    // Peers without module scores rank no module.
    expect(computeStanding(card, { ruleSet, peers: { composites: [0] } }).moduleRankings).toEqual(
      {},
    );
  });

  it('labels only the modules whose ranking is known (a null one has none)', () => {
    const s = computeStanding(card, {
      ruleSet,
      ranking: { rate: 0.5, modules: { consultation: 0.8, reviews: null, logistics: 0.1 } },
    });
    expect(s.moduleLabels).toEqual({ consultation: '高', logistics: '低' });
  });
});

describe('computeStanding: the Good Shop badge and what is left unverified', () => {
  const top = { rate: 0.95, modules: allModules(0.5) };

  it('shows the badge only to a certified store that is also eligible', () => {
    const baseline = { integrity: true, activeProductRate: true, storeAge: true };
    expect(
      computeStanding(card, { ruleSet, ranking: top, goodShop: { certified: true, baseline } })
        .badge,
    ).toBe('good-shop');
    // Certified, but a baseline fact not met: not eligible, no badge.
    const notMet = { ...baseline, storeAge: false };
    expect(
      computeStanding(card, {
        ruleSet,
        ranking: top,
        goodShop: { certified: true, baseline: notMet },
      }).badge,
    ).toBeNull();
    // Eligible, not certified: no badge.
    expect(
      computeStanding(card, { ruleSet, ranking: top, goodShop: { baseline } }).badge,
    ).toBeNull();
  });

  it('lists the facts a top store did not give, and what each is needed for', () => {
    const s = computeStanding(card, {
      ruleSet,
      ranking: { rate: 0.95, modules: { consultation: 0.5 } },
    });
    expect(s.unverified).toEqual([
      { fact: 'moduleRankings.reviews', neededFor: ['4.9 stars', 'Good Shop eligibility'] },
      { fact: 'moduleRankings.after-sales', neededFor: ['4.9 stars', 'Good Shop eligibility'] },
      { fact: 'moduleRankings.logistics', neededFor: ['4.9 stars', 'Good Shop eligibility'] },
      { fact: 'moduleRankings.disputes', neededFor: ['4.9 stars', 'Good Shop eligibility'] },
      { fact: 'goodShop.baseline.integrity', neededFor: ['Good Shop eligibility'] },
      { fact: 'goodShop.baseline.activeProductRate', neededFor: ['Good Shop eligibility'] },
      { fact: 'goodShop.baseline.storeAge', neededFor: ['Good Shop eligibility'] },
    ]);
    // Certified: each is needed for the badge too.
    const certified = computeStanding(card, {
      ruleSet,
      ranking: top,
      goodShop: { certified: true },
    });
    expect(certified.unverified.map((u) => u.neededFor)).toEqual([
      ['Good Shop badge', 'Good Shop eligibility'],
      ['Good Shop badge', 'Good Shop eligibility'],
      ['Good Shop badge', 'Good Shop eligibility'],
    ]);
  });

  it('lists nothing without a ranking, or below the lower of the two top thresholds', () => {
    expect(computeStanding(card, { ruleSet }).unverified).toEqual([]);
    expect(computeStanding(card, { ruleSet, ranking: { rate: 0.89 } }).unverified).toEqual([]);
    // Good Shop from 85% (a rule set of one's own): a store at 87% has facts to give for it,
    // though the stars' top band (90%) is out of reach.
    const lower: RuleSet = {
      ...ruleSet,
      goodShop: {
        ...ruleSet.goodShop,
        minRankingRate: { ...ruleSet.goodShop.minRankingRate, value: 0.85 },
      },
    };
    const s = computeStanding(card, { ruleSet: lower, ranking: { rate: 0.87 } });
    expect(s.unverified.map((u) => u.fact)).toContain('goodShop.baseline.storeAge');
    expect(s.unverified.every((u) => !u.neededFor.includes('4.9 stars'))).toBe(true);
  });
});

describe('computeStanding: the consumer warnings read the module rankings', () => {
  it('warns of long after-sales times and long deliveries from the after-sales, disputes and logistics rankings', () => {
    const low = { 'after-sales': 0.1, disputes: 0.1, logistics: 0.1 };
    const s = computeStanding(card, { ruleSet, ranking: { rate: 0.1, modules: low } });
    expect(s.stars).toBe(3);
    expect(s.consumerWarnings).toEqual(['long-after-sales-times', 'long-delivery-times']);
    // Any of the three rankings above 20%, or unknown: not that warning.
    const noDisputes = { 'after-sales': 0.1, logistics: 0.1 };
    expect(
      computeStanding(card, { ruleSet, ranking: { rate: 0.1, modules: noDisputes } })
        .consumerWarnings,
    ).toEqual([]);
    const goodLogistics = { ...low, logistics: 0.5 };
    expect(
      computeStanding(card, { ruleSet, ranking: { rate: 0.1, modules: goodLogistics } })
        .consumerWarnings,
    ).toEqual(['long-after-sales-times']);
    const goodAfterSales = { ...low, 'after-sales': 0.5 };
    expect(
      computeStanding(card, { ruleSet, ranking: { rate: 0.1, modules: goodAfterSales } })
        .consumerWarnings,
    ).toEqual(['long-delivery-times']);
  });
});

describe('computeStanding: what a JavaScript caller may leave out', () => {
  it('a card without a good review rate has no 放心购 tag, and no throw', () => {
    const partial = { ...card, goodReviewRate: undefined } as unknown as ScorecardScores;
    expect(computeStanding(partial, { ruleSet, ranking: { rate: 0.9 } }).assuredPurchaseTag).toBe(
      false,
    );
  });

  it('names asOf when the card’s day is malformed and no month figures are given', () => {
    const bad = { ...card, asOf: '2026-13-01' };
    expect(() => computeStanding(bad, { ruleSet, ranking: { rate: 0.5 } })).toThrow(/asOf/);
  });
});

describe('computeStanding: the 热情掌柜 badge reads the chat figures', () => {
  it('goes to a store of 4 stars answering 80% within 30 s with 5 ratings 80% satisfied', () => {
    const chat = (rate: number) =>
      scoreValues({
        asOf: AS_OF,
        metrics: {
          'consultation.response-rate-30s': rate,
          'consultation.presales-satisfaction': { numerator: 4, denominator: 5 },
        },
      });
    expect(computeStanding(chat(0.8), { ruleSet, ranking: { rate: 0.4 } }).warmShopkeeper).toBe(
      true,
    );
    expect(computeStanding(chat(0.79), { ruleSet, ranking: { rate: 0.4 } }).warmShopkeeper).toBe(
      false,
    );
  });
});
