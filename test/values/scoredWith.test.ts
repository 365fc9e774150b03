/**
 * Cards know how they were scored: the rule set's fingerprint, peers, a ranking, industry
 * averages; whatIf and pathToTarget refuse options that do not match and reuse what the card
 * carries; a change of nothing changes nothing, with or without peers, under a custom rule set,
 * and after a JSON round trip.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgumentError, InvalidInputError } from '../../src/errors.js';
import { evaluateStore, type Scorecard } from '../../src/evaluate/evaluate.js';
import { MODULE_IDS } from '../../src/ids.js';
import { metricCatalogue } from '../../src/metrics/catalogue.js';
import { defineRuleSet } from '../../src/ruleset/defineRuleSet.js';
import { ruleSetFingerprint } from '../../src/ruleset/fingerprint.js';
import { defaultRuleSet, type RuleSet } from '../../src/ruleset/ruleSet.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { type PeerData, parsePeerData } from '../../src/scorecard/peers.js';
import { pathToTarget } from '../../src/values/pathToTarget.js';
import { scoreValues } from '../../src/values/scoreValues.js';
import { whatIf } from '../../src/values/whatIf.js';
import { AS_OF, storeArb } from '../laws/_arbitraries.js';

const data = parseStoreData(JSON.parse(readFileSync('examples/sample-store.json', 'utf8')));
const peers = parsePeerData(JSON.parse(readFileSync('examples/sample-peers.json', 'utf8')));
const roundTrip = (card: Scorecard): Scorecard => JSON.parse(JSON.stringify(card));
const strict = defineRuleSet({
  moduleWeights: { logistics: 30 },
  controlPoints: { 'reviews.negative-rate': { good: 0.005, poor: 0.03 } },
});

describe('a scorecard records what it was scored with', () => {
  it('the rule set by id and fingerprint, and whether peers, a ranking or averages took part', () => {
    const card = evaluateStore(data, { asOf: '2026-11-23' });
    expect(card.scoredWith).toEqual({
      ruleSet: { id: 'jd-default', fingerprint: ruleSetFingerprint(defaultRuleSet) },
      peers: false,
      ranking: false,
      industryAverages: false,
    });
    expect(evaluateStore(data, { asOf: '2026-11-23', peers }).scoredWith.peers).toBe(true);
    expect(
      evaluateStore(data, { asOf: '2026-11-23', ranking: { rate: 0.9 } }).scoredWith.ranking,
    ).toBe(true);
    const values = scoreValues({
      asOf: '2026-11-23',
      metrics: { 'reviews.negative-rate': 0.01 },
      industryAverages: { 'reviews.negative-rate': 0.02 },
    });
    expect(values.scoredWith.industryAverages).toBe(true);
  });

  it('two different custom rule sets never share an id; jd-default keeps its name', () => {
    const a = defineRuleSet({ moduleWeights: { logistics: 30 } });
    const b = defineRuleSet({ moduleWeights: { logistics: 31 } });
    expect(a.id).not.toBe(b.id);
    const ca = evaluateStore(data, { asOf: '2026-11-23', ruleSet: a });
    const cb = evaluateStore(data, { asOf: '2026-11-23', ruleSet: b });
    expect(ca.scoredWith.ruleSet.fingerprint).not.toBe(cb.scoredWith.ruleSet.fingerprint);
    expect(ca.ruleSetId).not.toBe(cb.ruleSetId);
    expect(evaluateStore(data, { asOf: '2026-11-23' }).ruleSetId).toBe('jd-default');
  });
});

describe('whatIf and pathToTarget refuse options that do not match the card', () => {
  const card = evaluateStore(data, { asOf: '2026-11-23' });
  const withPeers = evaluateStore(data, { asOf: '2026-11-23', peers });

  it('a card scored under rule set A with rule set B (both custom, once sharing an id)', () => {
    const a = defineRuleSet({ moduleWeights: { logistics: 30 } });
    const b = defineRuleSet({ moduleWeights: { disputes: 30 } });
    const cardA = evaluateStore(data, { asOf: '2026-11-23', ruleSet: a });
    expect(() => whatIf(cardA, {}, { ruleSet: b })).toThrow(ArgumentError);
    expect(() => whatIf(cardA, {}, { ruleSet: b })).toThrow(/rule set the card was scored with/);
    expect(() => whatIf(cardA, {})).toThrow(ArgumentError);
    expect(() => pathToTarget(cardA, { total: 9 }, { ruleSet: b })).toThrow(ArgumentError);
    expect(whatIf(cardA, {}, { ruleSet: a }).difference.total).toBe(0);
  });

  it('a card scored against peers, called without them (once: 5.94 → 7.56 from no change)', () => {
    expect(() => whatIf(withPeers, {})).toThrow(ArgumentError);
    expect(() => whatIf(withPeers, {})).toThrow(/expected options\.peers, found none/);
    expect(() => pathToTarget(withPeers, { total: 9 })).toThrow(/options\.peers/);
    expect(whatIf(withPeers, {}, { peers }).difference.total).toBe(0);
  });

  it('a card scored without peers, called with them', () => {
    expect(() => whatIf(card, {}, { peers })).toThrow(/scored without peers/);
    expect(() => pathToTarget(card, { total: 9 }, { peers })).toThrow(ArgumentError);
  });

  it('a ranking the card was not scored with, or another rate', () => {
    expect(() => whatIf(card, {}, { ranking: { rate: 0.9 } })).toThrow(/without a ranking/);
    const ranked = evaluateStore(data, { asOf: '2026-11-23', ranking: { rate: 0.9 } });
    expect(() => whatIf(ranked, {}, { ranking: { rate: 0.5 } })).toThrow(/ranking rate/);
  });

  it('an unknown option is named', () => {
    expect(() => whatIf(card, {}, { peer: peers } as never)).toThrow(/did you mean "peers"/);
  });

  it('a card whose scores its own values do not give (edited, or other peers) is named', () => {
    const edited = roundTrip(card) as unknown as { metrics: Record<string, { score: number }> };
    (edited.metrics['reviews.negative-rate'] as { score: number }).score = 9.99;
    const err = (() => {
      try {
        whatIf(edited as unknown as Scorecard, {});
      } catch (e) {
        return e;
      }
    })() as InvalidInputError;
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err.issues[0]?.path).toBe('metrics.reviews.negative-rate.score');
    const otherPeers: PeerData = { ...peers, composites: [1, 2, 3] };
    expect(() => whatIf(withPeers, {}, { peers: otherPeers })).toThrow(/standing\.rankingRate/);
  });
});

describe('whatIf reuses what the card carries', () => {
  it('the ranking read from JD, module rankings included', () => {
    const modules = Object.fromEntries(MODULE_IDS.map((m) => [m, 0.8]));
    const card = evaluateStore(data, { asOf: '2026-11-23', ranking: { rate: 0.95, modules } });
    const { after, difference } = whatIf(roundTrip(card), {});
    expect(after.standing?.stars).toBe(card.standing?.stars);
    expect(after.standing?.rankingRate).toBe(0.95);
    expect(difference.stars).toBe(0);
    expect(after.scoredWith).toEqual(card.scoredWith);
  });

  it('the industry averages', () => {
    const card = scoreValues({
      asOf: '2026-11-23',
      metrics: { 'reviews.negative-rate': 0.01 },
      industryAverages: { 'reviews.negative-rate': 0.02 },
    });
    const { after } = whatIf(roundTrip(card), { metrics: { 'reviews.negative-rate': 0.03 } });
    expect(after.metrics['reviews.negative-rate'].versusAverage?.comparison).toBe('worse');
    expect(after.scoredWith.industryAverages).toBe(true);
  });
});

describe('law: a change of nothing changes nothing', () => {
  const unchanged = (card: Scorecard, options: { ruleSet?: RuleSet; peers?: PeerData }) => {
    for (const c of [card, roundTrip(card)]) {
      const { after, difference, moved } = whatIf(c, {}, options);
      expect(after.total).toBe(card.total);
      expect(after.composite).toBe(card.composite);
      for (const m of MODULE_IDS) expect(after.modules[m].score).toBe(card.modules[m].score);
      for (const d of metricCatalogue) {
        expect(after.metrics[d.id].score).toBe(card.metrics[d.id].score);
        expect(after.metrics[d.id].status).toBe(card.metrics[d.id].status);
        expect([0, null]).toContain(difference.metrics[d.id]);
      }
      expect(after.standing?.stars).toBe(card.standing?.stars);
      expect(after.standing?.rankingRate).toBe(card.standing?.rankingRate);
      expect(moved).toEqual([]);
    }
  };
  const cases: [string, { ruleSet?: RuleSet; peers?: PeerData }][] = [
    ['without peers', {}],
    ['with peers', { peers }],
    ['under a custom rule set', { ruleSet: strict }],
    ['under a custom rule set, with peers', { ruleSet: strict, peers }],
  ];
  it.each(cases)('%s, on the card and on its JSON round trip', (_, options) => {
    fc.assert(
      fc.property(storeArb, (store) => {
        unchanged(evaluateStore(store, { asOf: AS_OF, ...options }), options);
      }),
      { numRuns: 25 },
    );
  });

  it('on the sample store, with a ranking, and from values with averages', () => {
    unchanged(evaluateStore(data, { asOf: '2026-11-23', ranking: { rate: 0.7 } }), {});
    unchanged(
      scoreValues({
        asOf: '2026-11-23',
        metrics: {
          'reviews.negative-rate': { value: 0.01, sample: 5 },
          'consultation.response-rate-30s': 0.9,
        },
        industryAverages: { 'reviews.negative-rate': 0.02 },
        peers,
      }),
      { peers },
    );
  });
});
