import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/errors.js';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import {
  bestAttainable,
  peerMean,
  peerMedian,
  rankingRate,
  scoreAgainstPeers,
} from '../../src/scoring/percentile.js';
import { order, storeData } from '../_helpers.js';

describe('scoreAgainstPeers', () => {
  it('is 10 × the share of peers beaten, ties counting half', () => {
    expect(scoreAgainstPeers(0.9, [0.8, 0.9, 0.95, 0.7], 'higher-is-better')).toBe(6.25);
    expect(scoreAgainstPeers(12, [10, 12, 15, 20], 'lower-is-better')).toBe(6.25);
    expect(scoreAgainstPeers(5, [5, 5, 5], 'higher-is-better')).toBe(5);
    expect(scoreAgainstPeers(5, [5, 5, 5], 'lower-is-better')).toBe(5);
  });

  it('gives 10 to the best and 0 to the worst', () => {
    expect(scoreAgainstPeers(1, [0.5, 0.6], 'higher-is-better')).toBe(10);
    expect(scoreAgainstPeers(0.1, [0.5, 0.6], 'higher-is-better')).toBe(0);
    expect(scoreAgainstPeers(1, [5, 6], 'lower-is-better')).toBe(10);
    expect(scoreAgainstPeers(9, [5, 6], 'lower-is-better')).toBe(0);
  });

  it('is null without peers', () => {
    expect(scoreAgainstPeers(1, [], 'higher-is-better')).toBeNull();
    expect(scoreAgainstPeers(0, [], 'lower-is-better', 'ratio')).toBeNull();
  });

  it('gives 10 to the best attainable ratio that no peer beats, ties or not', () => {
    // Ties half without the unit; with it, 0 disputes cannot improve: 10.
    expect(scoreAgainstPeers(0, [0, 0, 0.01, 0.02], 'lower-is-better')).toBe(7.5);
    expect(scoreAgainstPeers(0, [0, 0, 0.01, 0.02], 'lower-is-better', 'ratio')).toBe(10);
    expect(scoreAgainstPeers(0, [0, 0, 0], 'lower-is-better', 'ratio')).toBe(10);
    expect(scoreAgainstPeers(1, [1, 1, 0.9], 'higher-is-better', 'ratio')).toBe(10);
    // Not the best attainable: ties still count half.
    expect(scoreAgainstPeers(0.001, [0.001, 0.002], 'lower-is-better', 'ratio')).toBe(7.5);
    expect(scoreAgainstPeers(0.999, [0.999, 0.5], 'higher-is-better', 'ratio')).toBe(7.5);
    // Other units have no best attainable value: 0 s among 0 s ties.
    expect(scoreAgainstPeers(0, [0, 0], 'lower-is-better', 'seconds')).toBe(5);
    expect(scoreAgainstPeers(10, [10, 10], 'higher-is-better', 'points')).toBe(5);
    // The ranking rate keeps ties at half.
    expect(rankingRate(10, [10, 10])).toBe(0.5);
  });

  it('bestAttainable: 0 for a ↓ ratio, 1 for an ↑ ratio, none otherwise', () => {
    expect(bestAttainable('ratio', 'lower-is-better')).toBe(0);
    expect(bestAttainable('ratio', 'higher-is-better')).toBe(1);
    expect(bestAttainable('hours', 'lower-is-better')).toBeUndefined();
    expect(bestAttainable('points', 'higher-is-better')).toBeUndefined();
  });

  it('a store with no disputes among peers with none scores 10 and loses 0', () => {
    const data = storeData({
      orders: Array.from({ length: 12 }, (_, i) => order(`u${i}`, '2026-11-01 10:00:00')),
    });
    const card = evaluateStore(data, {
      asOf: '2026-11-23',
      peers: { metrics: { 'disputes.dispute-rate': [0, 0, 0, 0] } },
    });
    const r = card.metrics['disputes.dispute-rate'];
    expect([r.status, r.value?.toString(), r.score]).toEqual(['ok', '0', 10]);
    expect(card.modules.disputes.score).toBe(10);
    expect(card.modules.disputes.metrics[0]).toMatchObject({ pointsLost: 0, method: 'peers' });
  });

  it('rejects NaN', () => {
    expect(() => scoreAgainstPeers(Number.NaN, [1], 'higher-is-better')).toThrow(ArgumentError);
    expect(() => scoreAgainstPeers(1, [1, Number.NaN], 'higher-is-better')).toThrow(/peer 1/);
  });
});

describe('rankingRate', () => {
  it('is the share of peers the store is ahead of, ties counting half', () => {
    expect(rankingRate(9.37, [9.1, 9.2, 9.37, 9.5])).toBe(0.625);
    expect(rankingRate(9, [8, 8, 8, 8, 8, 8, 8, 8, 8, 10])).toBe(0.9);
    expect(rankingRate(9, [9, 9])).toBe(0.5);
    expect(rankingRate(1, [2, 3])).toBe(0);
    expect(rankingRate(4, [2, 3])).toBe(1);
  });

  it('is null without peers and rejects NaN', () => {
    expect(rankingRate(9, [])).toBeNull();
    expect(() => rankingRate(9, [Number.NaN])).toThrow(ArgumentError);
  });
});

describe('peerMean', () => {
  it('is the exact decimal mean (what stands in below the minimum sample), null when empty', () => {
    expect(peerMean([0.1, 0.2])).toBe(0.15); // 0.1 + 0.2 in doubles would give 0.15000000000000002
    expect(peerMean([0.01, 0.01, 0.1])).toBe(0.04);
    expect(peerMean([])).toBeNull();
    expect(() => peerMean([1, Number.NaN])).toThrow(ArgumentError);
  });
});

describe('peerMedian', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(peerMedian([3, 1, 2])).toBe(2);
    expect(peerMedian([4, 1, 3, 2])).toBe(2.5);
    expect(peerMedian([7])).toBe(7);
    expect(peerMedian([-1, 1])).toBe(0);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    peerMedian(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('is null when empty and rejects NaN', () => {
    expect(peerMedian([])).toBeNull();
    expect(() => peerMedian([1, Number.NaN])).toThrow(ArgumentError);
  });
});
