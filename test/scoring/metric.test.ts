/**
 * scoreMetric called directly, as the public API allows: a measurement without a value (or
 * with too little data) is scored at the industry average, else at the peers' mean, and a
 * measurement of no metric the catalogue knows has no score.
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { Measurement } from '../../src/metrics/types.js';
import { scoreMetric } from '../../src/scoring/metric.js';
import { scoreValues } from '../../src/values/scoreValues.js';

const measured: Measurement = scoreValues({
  asOf: '2026-11-23',
  metrics: { 'consultation.response-rate-30s': 0.95 },
}).metrics['consultation.response-rate-30s'];

describe('scoreMetric', () => {
  it('scores a measurement without a value at the peers’ mean, whatever its status says', () => {
    const peerValues = [0.8, 0.9, 0.96];
    expect(scoreMetric(measured, { peerValues })).toEqual({
      score: expect.any(Number),
      method: 'peers',
    });
    // The mean 0.8867 beats one peer of three (the median 0.9 would beat one and tie one).
    const mean = scoreMetric({ ...measured, value: new Decimal(0.8867) }, { peerValues }).score;
    expect(mean).toBe(10 / 3);
    // A hand-made measurement may say 'ok' with no value: it is scored as having none.
    const noValue = { ...measured, value: null } as Measurement;
    expect(scoreMetric(noValue, { peerValues })).toEqual({ score: mean, method: 'peers-mean' });
    const tooLittle = { ...measured, status: 'too-little-data' } as Measurement;
    expect(scoreMetric(tooLittle, { peerValues })).toEqual({ score: mean, method: 'peers-mean' });
  });

  it('below the minimum sample scores the industry average first, by peers or by the curve', () => {
    const tooLittle = { ...measured, status: 'too-little-data' } as Measurement;
    // By the curve: 95% is the good control point, 9.
    expect(scoreMetric(tooLittle, { industryAverage: 0.95 })).toEqual({
      score: 9,
      method: 'industry-average',
    });
    // Among peers, the average wins over the peers' mean: 0.97 beats all three.
    expect(scoreMetric(tooLittle, { industryAverage: 0.97, peerValues: [0.8, 0.9, 0.96] })).toEqual(
      { score: 10, method: 'industry-average' },
    );
    // No data of its own: the same.
    const none = { ...measured, status: 'no-data', value: null } as Measurement;
    expect(scoreMetric(none, { industryAverage: 0.95 }).method).toBe('industry-average');
    // Its own value, when it has enough data, whatever the average.
    expect(scoreMetric(measured, { industryAverage: 0.5 })).toEqual({ score: 9, method: 'curve' });
  });

  it('a metric whose data was not provided has no score, whatever could stand in', () => {
    const unknown = {
      ...measured,
      status: 'no-data',
      value: null,
      reason: 'not-provided',
      notProvided: ['chatSessions'],
    } as Measurement;
    expect(scoreMetric(unknown, { industryAverage: 0.95, peerValues: [0.9] })).toEqual({
      score: null,
      method: 'none',
    });
  });

  it('gives no score to a measurement of a metric it does not know', () => {
    const unknown = { ...measured, id: 'consultation.response-rate-60s' } as unknown as Measurement;
    expect(scoreMetric(unknown)).toEqual({ score: null, method: 'none' });
  });
});
