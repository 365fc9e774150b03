import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/errors.js';
import { chatDefectPenalty } from '../../src/standing/chatDefectPenalty.js';
import { consumerWarnings } from '../../src/standing/consumerWarnings.js';

describe('chatDefectPenalty', () => {
  const good = {
    ratings: 11,
    satisfaction: 0.9,
    consultations: 301,
    averageResponseSeconds: 20,
    messageRate: 0.1,
  };
  const all = { satisfaction: true, averageResponseTime: true, messageRate: true };

  it('costs nothing when every check passes', () => {
    expect(chatDefectPenalty(good)).toEqual({ points: 0, failures: [], assessed: all });
  });

  it('exactly 10 ratings → satisfaction not assessed; 11 → assessed', () => {
    const r = chatDefectPenalty({ ...good, ratings: 10, satisfaction: 0.1 });
    expect(r.assessed.satisfaction).toBe(false);
    expect(r.points).toBe(0);
    expect(chatDefectPenalty({ ...good, ratings: 11, satisfaction: 0.1 }).failures).toEqual([
      'satisfaction',
    ]);
  });

  it('satisfaction must be strictly above 85%', () => {
    expect(chatDefectPenalty({ ...good, satisfaction: 0.85 }).failures).toEqual(['satisfaction']);
    expect(chatDefectPenalty({ ...good, satisfaction: 0.8501 }).failures).toEqual([]);
  });

  it('exactly 300 consultations → response and message rate not assessed', () => {
    const r = chatDefectPenalty({
      ...good,
      consultations: 300,
      averageResponseSeconds: 500,
      messageRate: 0.9,
    });
    expect(r.assessed).toEqual({
      satisfaction: true,
      averageResponseTime: false,
      messageRate: false,
    });
    expect(r.points).toBe(0);
  });

  it('an average of exactly 40 s fails; 39.999 s passes', () => {
    expect(chatDefectPenalty({ ...good, averageResponseSeconds: 40 }).failures).toEqual([
      'average-response-time',
    ]);
    expect(chatDefectPenalty({ ...good, averageResponseSeconds: 39.999 }).failures).toEqual([]);
  });

  it('a message rate of exactly 50% fails', () => {
    expect(chatDefectPenalty({ ...good, messageRate: 0.5 }).failures).toEqual(['message-rate']);
    expect(chatDefectPenalty({ ...good, messageRate: 0.4999 }).failures).toEqual([]);
  });

  it('costs 2, 4, 8 points for one, two, three failures', () => {
    expect(chatDefectPenalty({ ...good, satisfaction: 0.5 }).points).toBe(2);
    expect(chatDefectPenalty({ ...good, satisfaction: 0.5, messageRate: 0.6 }).points).toBe(4);
    const three = chatDefectPenalty({
      ...good,
      satisfaction: 0.5,
      averageResponseSeconds: 41,
      messageRate: 0.6,
    });
    expect(three).toEqual({
      points: 8,
      failures: ['satisfaction', 'average-response-time', 'message-rate'],
      assessed: all,
    });
  });

  it('does not assess a check whose value is unknown', () => {
    const r = chatDefectPenalty({
      ...good,
      satisfaction: null,
      averageResponseSeconds: null,
      messageRate: null,
    });
    expect(r).toEqual({
      points: 0,
      failures: [],
      assessed: { satisfaction: false, averageResponseTime: false, messageRate: false },
    });
  });

  it('rejects bad arguments', () => {
    expect(() => chatDefectPenalty({ ...good, ratings: -1 })).toThrow(ArgumentError);
    expect(() => chatDefectPenalty({ ...good, consultations: Number.NaN })).toThrow(ArgumentError);
    expect(() => chatDefectPenalty({ ...good, satisfaction: 90 })).toThrow(ArgumentError);
    expect(() => chatDefectPenalty({ ...good, averageResponseSeconds: -1 })).toThrow(ArgumentError);
  });
});

describe('consumerWarnings', () => {
  const weak = {
    stars: 3.5,
    rankings: { 'after-sales': 0.2, disputes: 0.2, logistics: 0.2 },
    afterSalesDurationHours: 60.01,
    averageDeliveryHours: 100.01,
  };

  it('raises both warnings at every bound', () => {
    expect(consumerWarnings(weak)).toEqual(['long-after-sales-times', 'long-delivery-times']);
  });

  it('reads undefined hours or stars (a JavaScript caller) as unknown, never as a crash', () => {
    const loose = { ...weak, averageDeliveryHours: undefined } as unknown as typeof weak;
    expect(consumerWarnings(loose)).toEqual(['long-after-sales-times']);
    const noStars = { ...weak, stars: undefined } as unknown as typeof weak;
    expect(consumerWarnings(noStars)).toEqual([]);
  });

  it('needs stars ≤ 3.5', () => {
    expect(consumerWarnings({ ...weak, stars: 4 })).toEqual([]);
    expect(consumerWarnings({ ...weak, stars: 3 })).toHaveLength(2);
    expect(consumerWarnings({ ...weak, stars: null })).toEqual([]);
  });

  it('needs durations strictly above 60 h and 100 h', () => {
    expect(
      consumerWarnings({ ...weak, afterSalesDurationHours: 60, averageDeliveryHours: 100 }),
    ).toEqual([]);
    expect(consumerWarnings({ ...weak, afterSalesDurationHours: null })).toEqual([
      'long-delivery-times',
    ]);
    expect(consumerWarnings({ ...weak, averageDeliveryHours: null })).toEqual([
      'long-after-sales-times',
    ]);
  });

  it('needs the after-sales ranking ≤ 20% for the after-sales warning only', () => {
    const r = consumerWarnings({ ...weak, rankings: { ...weak.rankings, 'after-sales': 0.2001 } });
    expect(r).toEqual(['long-delivery-times']);
  });

  it('needs the logistics ranking ≤ 20% for the delivery warning only', () => {
    const r = consumerWarnings({ ...weak, rankings: { ...weak.rankings, logistics: 0.2001 } });
    expect(r).toEqual(['long-after-sales-times']);
  });

  it('needs the disputes ranking ≤ 20% for both warnings', () => {
    expect(consumerWarnings({ ...weak, rankings: { ...weak.rankings, disputes: 0.2001 } })).toEqual(
      [],
    );
    expect(consumerWarnings({ ...weak, rankings: { ...weak.rankings, disputes: null } })).toEqual(
      [],
    );
    expect(consumerWarnings({ ...weak, rankings: { 'after-sales': 0.1, logistics: 0.1 } })).toEqual(
      [],
    );
  });

  it('rejects bad arguments', () => {
    expect(() => consumerWarnings({ ...weak, rankings: { disputes: 20 } })).toThrow(ArgumentError);
    expect(() => consumerWarnings({ ...weak, averageDeliveryHours: -1 })).toThrow(ArgumentError);
  });
});
