/**
 * scoreModules called directly, as the public API allows: how each metric's score was
 * obtained when the caller does not say, what a missing metric or weight does, and errors
 * that name the function.
 */
import { describe, expect, it } from 'vitest';
import type { MetricId } from '../../src/metrics/catalogue.js';
import { defaultRuleSet, type RuleSet } from '../../src/ruleset/ruleSet.js';
import type { MetricResult } from '../../src/scoring/metric.js';
import { scoreModules } from '../../src/scoring/modules.js';
import { scoreValues } from '../../src/values/scoreValues.js';

// 30 s response rate scored by its curve; the conversion rate measured on one consultation
// (too little data); the other consultation metrics without data.
const card = scoreValues({
  asOf: '2026-11-23',
  metrics: {
    'consultation.response-rate-30s': 0.9,
    'consultation.average-response-time': 45,
    'consultation.conversion-rate': { value: 0.5, sample: 1 },
  },
});
const methodsOf = (modules: ReturnType<typeof scoreModules>) =>
  Object.fromEntries(modules.consultation.metrics.map((c) => [c.id, c.method]));

describe('scoreModules', () => {
  it('says how each score was obtained when the caller does not', () => {
    expect(methodsOf(scoreModules(card.metrics))).toEqual({
      'consultation.response-rate-30s': 'curve',
      'consultation.average-response-time': 'curve',
      'consultation.presales-satisfaction': 'none',
      'consultation.conversion-rate': 'too-little-data',
      'consultation.facilitated-amount-share': 'none',
      'consultation.message-rate': 'none',
    });
    // What the caller says comes first.
    expect(
      methodsOf(
        scoreModules(card.metrics, defaultRuleSet, { 'consultation.message-rate': 'peers' }),
      )['consultation.message-rate'],
    ).toBe('peers');
  });

  it('gives a metric missing from the record, or without a weight, no part', () => {
    const full = scoreModules(card.metrics).consultation;
    // Leaving out the average response time: the module is the 30 s rate's score alone.
    const { 'consultation.average-response-time': _, ...rest } = card.metrics;
    const withoutIt = scoreModules(rest as Record<MetricId, MetricResult>).consultation;
    const alone = scoreModules({
      ...card.metrics,
      'consultation.average-response-time': {
        ...card.metrics['consultation.average-response-time'],
        score: null,
      },
    }).consultation;
    expect(full.score).not.toBe(alone.score);
    expect(withoutIt.score).toBe(alone.score);
    expect(withoutIt.metrics.find((c) => c.id === 'consultation.average-response-time')).toEqual(
      expect.objectContaining({ score: null, method: 'none', weight: 0, pointsLost: 0 }),
    );
    // A rule set without that metric's weight (a hand-made one): weight 0, the same module score.
    const { 'consultation.average-response-time': __, ...weights } = defaultRuleSet.metricWeights;
    const noWeight = { ...defaultRuleSet, metricWeights: weights } as unknown as RuleSet;
    expect(scoreModules(card.metrics, noWeight).consultation.score).toBe(alone.score);
  });

  it('names itself when a weight is negative, a metric’s or a module’s', () => {
    const metricWeights = {
      ...defaultRuleSet.metricWeights,
      'consultation.message-rate': {
        ...defaultRuleSet.metricWeights['consultation.message-rate'],
        value: -1,
      },
    };
    expect(() =>
      scoreModules(card.metrics, { ...defaultRuleSet, metricWeights } as RuleSet),
    ).toThrow(/scoreModules: expected items\[5\]\.weight to be ≥ 0, found -1$/);
    const moduleWeights = {
      ...defaultRuleSet.moduleWeights,
      value: { ...defaultRuleSet.moduleWeights.value, reviews: -1 },
    };
    expect(() =>
      scoreModules(card.metrics, { ...defaultRuleSet, moduleWeights } as RuleSet),
    ).toThrow(/scoreModules: expected items\[1\]\.weight to be ≥ 0, found -1$/);
  });
});
