import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { displayWidth, pad } from '../src/cli/render.js';
import { Dec } from '../src/decimal.js';
import { ArgumentError, InvalidInputError } from '../src/errors.js';
import { goodReviewRate } from '../src/evaluate/calculators.js';
import { evaluateStore } from '../src/evaluate/evaluate.js';
import { formatValue } from '../src/format.js';
import { formatBasis, formatMetricValue } from '../src/metrics/format.js';
import type { Measurement } from '../src/metrics/types.js';
import { PARSED_STORE_DATA } from '../src/model.js';
import { chatStageCounts, dataSpan } from '../src/scorecard/dataSummary.js';
import { parsePeerData, peerDataIssues, peerDataSchema } from '../src/scorecard/peers.js';
import { scoreValues } from '../src/values/scoreValues.js';
import { VERSION } from '../src/version.js';
import { chat, order, review, storeData } from './_helpers.js';

describe('formatValue', () => {
  it.each([
    [new Dec('0.97345'), 'ratio', '97.35%'],
    [new Dec('0.973449'), 'ratio', '97.34%'],
    [0, 'ratio', '0.00%'],
    [new Dec(12.5), 'seconds', '12.50 s'],
    [new Dec('36.005'), 'hours', '36.01 h'],
    [9.26, 'points', '9.26'],
    [null, 'hours', '—'],
  ] as const)('formats %s as %s → %s', (v, unit, s) => {
    expect(formatValue(v, unit)).toBe(s);
  });
  it('says no data for an empty window', () => {
    expect(
      formatMetricValue(
        evaluateStore(storeData(), { asOf: '2026-11-23' }).metrics[
          'logistics.average-delivery-time'
        ],
      ),
    ).toBe('no data');
  });
});

describe('display width', () => {
  it('counts CJK characters as two columns', () => {
    expect(displayWidth('差评率 Negative')).toBe(15);
    expect(pad('差评', 6)).toBe('差评  ');
    expect(pad('ab', 4, 'right')).toBe('  ab');
  });
});

describe('parsePeerData', () => {
  it('accepts valid peers and names every bad field', () => {
    expect(
      parsePeerData({ composites: [9.1], metrics: { 'disputes.dispute-rate': [0.001] } })
        .composites,
    ).toEqual([9.1]);
    try {
      parsePeerData({ composites: ['x'], modules: { shipping: [1] }, metrics: { nope: [1] } });
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      // A wrong type no longer hides the unknown ids: every issue at once.
      expect((e as InvalidInputError).issues.map((i) => i.path)).toEqual([
        'composites[0]',
        'modules.shipping',
        'metrics.nope',
      ]);
    }
    try {
      parsePeerData({ modules: { shipping: [1] }, metrics: { nope: [1] } });
      throw new Error('expected a throw');
    } catch (e) {
      expect((e as InvalidInputError).issues.map((i) => i.path)).toEqual([
        'modules.shipping',
        'metrics.nope',
      ]);
    }
  });
});

describe('peer data is checked like records (issue 14)', () => {
  const issues = (input: unknown) => peerDataIssues(input);
  it('names a percentage given for a fraction', () => {
    expect(issues({ metrics: { 'consultation.response-rate-30s': [0.9, 84.5] } })).toEqual([
      {
        path: 'metrics.consultation.response-rate-30s[1]',
        message: 'expected a ratio as a fraction from 0 to 1 (84.5% is 0.845), found 84.5',
      },
    ]);
    expect(issues({ metrics: { 'reviews.negative-rate': [3.2] } })[0]?.message).toBe(
      'expected a ratio as a fraction from 0 to 1 (3.2% is 0.032), found 3.2',
    );
  });

  it('rejects values out of range, in the unit of each list', () => {
    expect(
      issues({
        composites: [11, -3, 9.5, 10, 0],
        modules: { reviews: [10.01] },
        metrics: {
          'disputes.dispute-rate': [-0.01, 1, 1.5e3],
          'consultation.average-response-time': [-1, 3600],
          'reviews.satisfaction-score': [10.5],
        },
      }),
    ).toEqual([
      { path: 'composites[0]', message: 'expected a score from 0 to 10, found 11' },
      { path: 'composites[1]', message: 'expected a score from 0 to 10, found -3' },
      { path: 'modules.reviews[0]', message: 'expected a score from 0 to 10, found 10.01' },
      {
        path: 'metrics.disputes.dispute-rate[0]',
        message: 'expected a ratio as a fraction from 0 to 1, found -0.01',
      },
      {
        path: 'metrics.disputes.dispute-rate[2]',
        message: 'expected a ratio as a fraction from 0 to 1, found 1500',
      },
      {
        path: 'metrics.consultation.average-response-time[0]',
        message: 'expected a duration in seconds, at least 0, found -1',
      },
      {
        path: 'metrics.reviews.satisfaction-score[0]',
        message: 'expected points from 0 to 10, found 10.5',
      },
    ]);
  });

  it('reports unknown keys and ids with the name they resemble, and words types once', () => {
    expect(issues({ foo: 1 })).toEqual([
      {
        path: 'foo',
        message:
          'expected a field of peer data (category, asOf, composites, modules, metrics), found unknown "foo"',
      },
    ]);
    expect(
      issues({
        composite: [9],
        modules: { review: [9] },
        metrics: { 'reviews.negative-rat': ['3'] },
      }),
    ).toEqual([
      {
        path: 'composite',
        message:
          'expected a field of peer data, found unknown "composite": did you mean "composites"?',
      },
      {
        path: 'modules.review',
        message: 'expected a module id, found unknown "review": did you mean "reviews"?',
      },
      {
        path: 'metrics.reviews.negative-rat',
        message:
          'expected a metric id of the catalogue, found unknown "reviews.negative-rat": did you mean "reviews.negative-rate"?',
      },
    ]);
    expect(issues({ composites: ['9.1'], modules: [] })).toEqual([
      { path: 'composites[0]', message: 'expected a score from 0 to 10, found "9.1"' },
      {
        path: 'modules',
        message: 'expected modules as an object { <module id>: [scores] }, found an array',
      },
    ]);
    expect(issues('x')[0]?.path).toBe('');
  });

  it('evaluateStore checks peers given in code too', () => {
    const data = storeData();
    expect(() => evaluateStore(data, { asOf: '2026-11-23', peers: { composites: [95] } })).toThrow(
      InvalidInputError,
    );
    expect(peerDataSchema.safeParse({ composites: [-3] }).error?.issues[0]?.path).toEqual([
      'composites',
      0,
    ]);
  });
});

describe('formatBasis, chatStageCounts, dataSpan (issue 14)', () => {
  it('words a denominator with what it counts', () => {
    const r = evaluateStore(
      storeData({ orders: [order('c1', '2026-11-01 09:00', { amountFen: 1_234_567_89 })] }),
      { asOf: '2026-11-23' },
    );
    expect(formatBasis(r.metrics['disputes.dispute-rate'])).toBe('1 order');
    expect(formatBasis(r.metrics['reviews.negative-rate'])).toBe('0 reviews');
    // The facilitated share rests on received consultations (none here), then the amount.
    expect(formatBasis(r.metrics['consultation.facilitated-amount-share'])).toBe(
      '0 received pre-sales consultations, ¥1,234,567.89 of orders',
    );
    const one = evaluateStore(
      storeData({
        chatSessions: [
          chat('c1', [
            ['customer', '2026-11-01 08:00'],
            ['agent', '2026-11-01 08:00'],
          ]),
        ],
      }),
      { asOf: '2026-11-23' },
    );
    expect(formatBasis(one.metrics['consultation.facilitated-amount-share'])).toBe(
      '1 received pre-sales consultation',
    );
  });

  it('invents no basis for a value given without a count (scoreValues)', () => {
    const v = scoreValues({
      asOf: '2026-11-23',
      metrics: {
        'consultation.response-rate-30s': 0.92,
        'consultation.facilitated-amount-share': 0.3,
        'reviews.negative-rate': { value: 0.01, sample: 40 },
        'consultation.conversion-rate': { numerator: 3, denominator: 5 },
      },
    });
    // Before: "1 pre-sales consultation" and "¥1.00 of orders", counts nobody gave.
    expect(formatBasis(v.metrics['consultation.response-rate-30s'])).toBe('value given');
    expect(formatBasis(v.metrics['consultation.facilitated-amount-share'])).toBe('value given');
    expect(formatBasis(v.metrics['reviews.negative-rate'])).toBe('40 reviews');
    expect(formatBasis(v.metrics['consultation.conversion-rate'])).toBe(
      '5 customers received pre-sales',
    );
  });

  it('words the good review rate’s basis, a measured value, and an id it does not know', () => {
    const g = goodReviewRate(storeData({ reviews: [review('u', '2026-11-10 10:00', 5)] }), {
      asOf: '2026-11-23',
    });
    expect([formatBasis(g), formatMetricValue(g)]).toEqual(['1 review', '100.00%']);
    expect(formatBasis({ ...g, id: 'custom.metric' } as unknown as Measurement)).toBe('1');
  });

  it('counts how the stage of the window’s consultations was decided', () => {
    const data = storeData({
      orders: [order('c2', '2026-10-01 09:00')],
      chatSessions: [
        chat('c1', [['customer', '2026-10-20 10:00']]),
        chat('c2', [['customer', '2026-10-20 10:00']]),
        chat('c3', [['customer', '2026-10-20 10:00']], { stage: 'after-sales' }),
        chat('c1', [['customer', '2026-10-20 10:00']], { kind: 'offline-message' }),
        chat('c1', [['customer', '2026-11-20 10:00']]), // after the window
      ],
    });
    expect(chatStageCounts(data, { asOf: '2026-11-23' })).toEqual({
      window: { from: '2026-10-19', to: '2026-11-17' },
      sessions: 3,
      explicit: 1,
      derivedPreSales: 1,
      derivedAfterSales: 1,
    });
    expect(dataSpan(data)).toEqual({ from: '2026-10-01', to: '2026-11-20' });
    expect(dataSpan(storeData())).toBeNull();
    expect(() => dataSpan({ ...storeData(), [PARSED_STORE_DATA]: false } as never)).toThrow(
      ArgumentError,
    );
    expect(() => chatStageCounts(JSON.parse('{}'), { asOf: '2026-11-23' })).toThrow(ArgumentError);
  });

  it('VERSION is the package version', () => {
    expect(VERSION).toBe(pkg.version);
  });
});
