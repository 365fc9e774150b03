import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/errors.js';
import { peerMedian, rankingRate, scoreAgainstPeers } from '../../src/scoring/percentile.js';

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
