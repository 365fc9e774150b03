/**
 * scoreMetric called directly, as the public API allows: peers score a measurement without a
 * value at their median, and a measurement of no metric the catalogue knows has no score.
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
  it('scores a measurement without a value at the peers’ median, whatever its status says', () => {
    const peerValues = [0.8, 0.9, 0.96];
    expect(scoreMetric(measured, { peerValues })).toEqual({
      score: expect.any(Number),
      method: 'peers',
    });
    const median = scoreMetric({ ...measured, value: new Decimal(0.9) }, { peerValues }).score;
    // A hand-made measurement may say 'ok' with no value: it is scored as having none.
    const noValue = { ...measured, value: null } as Measurement;
    expect(scoreMetric(noValue, { peerValues })).toEqual({ score: median, method: 'peer-median' });
    const tooLittle = { ...measured, status: 'too-little-data' } as Measurement;
    expect(scoreMetric(tooLittle, { peerValues })).toEqual({
      score: median,
      method: 'peer-median',
    });
  });

  it('gives no score to a measurement of a metric it does not know', () => {
    const unknown = { ...measured, id: 'consultation.response-rate-60s' } as unknown as Measurement;
    expect(scoreMetric(unknown)).toEqual({ score: null, method: 'none' });
  });
});
