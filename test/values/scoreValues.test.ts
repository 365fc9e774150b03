/**
 * scoreValues: the scorecard from values, by the same stages as evaluateStore (a law), checked
 * input, labels and industry averages.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { evaluateStore, type Scorecard } from '../../src/evaluate/evaluate.js';
import { metricCatalogue } from '../../src/metrics/catalogue.js';
import { parsePeerData } from '../../src/scorecard/peers.js';
import { type StoreValues, scoreValues, storeValuesIssues } from '../../src/values/scoreValues.js';
import { AS_OF, storeArb } from '../laws/_arbitraries.js';

const samplePeers = parsePeerData(JSON.parse(readFileSync('examples/sample-peers.json', 'utf8')));

/** A card's own values, exact (decimal strings), as a merchant would copy them. */
function valuesOf(card: Scorecard): StoreValues {
  const metrics: Record<string, { numerator: string; denominator: string; sample?: string }> = {};
  for (const d of metricCatalogue) {
    const m = card.metrics[d.id];
    metrics[d.id] = {
      numerator: m.numerator.toFixed(),
      denominator: m.denominator.toFixed(),
      // The facilitated share's sample is its received consultations, not its denominator.
      ...(m.sample == null ? {} : { sample: m.sample.toFixed() }),
    };
  }
  return {
    store: card.store,
    asOf: card.asOf,
    metrics,
    goodReviewRate: {
      numerator: card.goodReviewRate.numerator.toFixed(),
      denominator: card.goodReviewRate.denominator.toFixed(),
    },
    services: card.bonus.active,
  };
}

/** Every score of a card, for comparison. */
const scoresOf = (c: Scorecard) => ({
  metrics: metricCatalogue.map((d) => [d.id, c.metrics[d.id].status, c.metrics[d.id].score]),
  modules: Object.values(c.modules).map((m) => [m.id, m.score, m.weight, m.metrics]),
  composite: c.composite,
  bonus: c.bonus,
  total: c.total,
  goodReviewRate: c.goodReviewRate.value?.toString(),
});

describe('scoreValues: the law', () => {
  it("scores a store's own values exactly as evaluateStore does, without peers", () => {
    fc.assert(
      fc.property(storeArb, (data) => {
        const card = evaluateStore(data, { asOf: AS_OF });
        expect(scoresOf(scoreValues(valuesOf(card)))).toEqual(scoresOf(card));
      }),
      { numRuns: 80 },
    );
  });

  it('and with peers, the standing included', () => {
    fc.assert(
      fc.property(storeArb, (data) => {
        const card = evaluateStore(data, { asOf: AS_OF, peers: samplePeers });
        const values: StoreValues = {
          ...valuesOf(card),
          peers: samplePeers,
          ...(card.standing ? { facts: { chatMonth: card.standing.chatPenalty.figures } } : {}),
        };
        const v = scoreValues(values);
        expect(scoresOf(v)).toEqual(scoresOf(card));
        expect(v.standing).toEqual(card.standing);
      }),
      { numRuns: 60 },
    );
  });

  it('marks each metric source: values; a metric left out is no-data', () => {
    const v = scoreValues({ asOf: '2026-11-23', metrics: { 'reviews.negative-rate': 0.01 } });
    expect(v.metrics['reviews.negative-rate']).toMatchObject({ source: 'values', status: 'ok' });
    expect(v.metrics['reviews.negative-rate'].value?.toString()).toBe('0.01');
    expect(v.metrics['disputes.dispute-rate'].status).toBe('no-data');
    expect(v.metrics['reviews.negative-rate'].window).toEqual({
      from: '2026-08-25',
      to: '2026-11-22',
    });
  });
});

describe('scoreValues: the three forms of a value', () => {
  it('a value alone is ok; with its sample or counts, below the minimum sample it is too little data', () => {
    const v = scoreValues({
      asOf: '2026-11-23',
      metrics: {
        'consultation.response-rate-30s': 0.92,
        'reviews.negative-rate': { value: 0.05, sample: 9 },
        'after-sales.return-rate': { numerator: 1, denominator: 10 },
        'disputes.dispute-rate': { numerator: 0, denominator: 0 },
      },
    });
    expect(
      [
        'consultation.response-rate-30s',
        'reviews.negative-rate',
        'after-sales.return-rate',
        'disputes.dispute-rate',
      ].map((id) => v.metrics[id as 'reviews.negative-rate'].status),
    ).toEqual(['ok', 'too-little-data', 'ok', 'no-data']);
    expect(v.metrics['reviews.negative-rate'].numerator.toString()).toBe('0.45');
  });
});

describe('scoreValues: samples and what was not given', () => {
  it('applies the minimum sample only where a sample is given; the facilitated share’s is its consultations', () => {
    const v = scoreValues({
      asOf: '2026-11-23',
      metrics: {
        'consultation.facilitated-amount-share': { numerator: 30, denominator: 100, sample: 5 },
        'consultation.conversion-rate': { numerator: 3, denominator: 5 },
        'consultation.response-rate-30s': 0.92,
      },
      industryAverages: { 'disputes.dispute-rate': 0.001 },
    });
    const share = v.metrics['consultation.facilitated-amount-share'];
    expect([share.status, share.sample?.toString(), share.value?.toString()]).toEqual([
      'too-little-data',
      '5',
      '0.3',
    ]);
    // Its amounts alone give no sample: no minimum-sample rule (¥100 is not 100 cases).
    const amounts = scoreValues({
      asOf: '2026-11-23',
      metrics: { 'consultation.facilitated-amount-share': { numerator: 3, denominator: 5 } },
    }).metrics['consultation.facilitated-amount-share'];
    expect([amounts.status, amounts.sample]).toEqual(['ok', null]);
    expect(v.metrics['consultation.conversion-rate'].status).toBe('too-little-data');
    expect(v.metrics['consultation.response-rate-30s']).toMatchObject({
      status: 'ok',
      sample: null,
    });
    // A metric left out is not given: unknown, never scored at its industry average.
    const left = v.metrics['disputes.dispute-rate'];
    expect([left.status, left.reason, left.score, left.industryAverage]).toEqual([
      'no-data',
      'not-given',
      null,
      0.001,
    ]);
  });
});

describe('scoreValues: checked input', () => {
  it('names every bad field: a percentage given for a fraction, a negative count, an unknown id', () => {
    expect(
      storeValuesIssues({
        asOf: '2026-11-31',
        metrics: {
          'reviews.negative-rate': 3.2,
          'reviews.negativ-rate': 0.1,
          'after-sales.return-rate': { numerator: -1, denominator: 10 },
          'after-sales.duration': { value: -1, sample: 3 },
        },
        services: ['freight-insurence'],
        metric: {},
      }),
    ).toEqual([
      { path: 'metric', message: expect.stringMatching(/did you mean "metrics"/) },
      { path: 'asOf', message: 'expected the evaluation day as YYYY-MM-DD, found "2026-11-31"' },
      {
        path: 'metrics.reviews.negative-rate',
        message: 'expected a ratio as a fraction from 0 to 1 (3.2% is 0.032), found 3.2',
      },
      {
        path: 'metrics.reviews.negativ-rate',
        message: expect.stringMatching(
          /unknown "reviews.negativ-rate": did you mean "reviews.negative-rate"/,
        ),
      },
      {
        path: 'metrics.after-sales.return-rate.numerator',
        message: 'expected a finite number ≥ 0 (or a decimal string), found -1',
      },
      { path: 'metrics.after-sales.duration.value', message: expect.stringMatching(/found -1/) },
      { path: 'services[0]', message: expect.stringMatching(/did you mean "freight-insurance"/) },
    ]);
    expect(() =>
      scoreValues({ asOf: '2026-11-23', metrics: { 'reviews.negative-rate': 3.2 } }),
    ).toThrow(InvalidInputError);
  });
});

describe('scoreValues: labels and industry averages', () => {
  it('labels each module 高 at 70%, 低 below 30%, 中 between (the lines are exact)', () => {
    const v = scoreValues({
      asOf: '2026-11-23',
      metrics: {},
      ranking: {
        rate: 0.5,
        modules: { consultation: 0.7, reviews: 0.6999, 'after-sales': 0.3, logistics: 0.2999 },
      },
    });
    expect(v.standing?.moduleLabels).toEqual({
      consultation: '高',
      reviews: '中',
      'after-sales': '中',
      logistics: '低',
    });
  });

  it('says better or worse than a supplied average, by how much, never a label', () => {
    const v = scoreValues({
      asOf: '2026-11-23',
      metrics: {
        'reviews.negative-rate': 0.012,
        'consultation.response-rate-30s': 0.85,
        'logistics.average-delivery-time': 40,
      },
      industryAverages: {
        'reviews.negative-rate': 0.02,
        'consultation.response-rate-30s': 0.9,
        'logistics.average-delivery-time': 40,
      },
    });
    expect(v.metrics['reviews.negative-rate'].versusAverage).toEqual({
      average: 0.02,
      difference: -0.008,
      comparison: 'better',
    });
    expect(v.metrics['consultation.response-rate-30s'].versusAverage?.comparison).toBe('worse');
    expect(v.metrics['logistics.average-delivery-time'].versusAverage?.comparison).toBe('equal');
    expect(v.standing).toBeUndefined();
  });
});
