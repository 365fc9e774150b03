import { describe, expect, it } from 'vitest';
import { RuleSetError } from '../../src/errors.js';
import { defineRuleSet, validateRuleSet } from '../../src/ruleset/defineRuleSet.js';
import { ruleSetFingerprint } from '../../src/ruleset/fingerprint.js';
import { defaultRuleSet } from '../../src/ruleset/ruleSet.js';

function issuesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RuleSetError);
    expect((e as RuleSetError).code).toBe('invalid_rule_set');
    return (e as RuleSetError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected a RuleSetError');
}

describe('defineRuleSet', () => {
  it('validates the default rule set', () => {
    expect(() => validateRuleSet(defaultRuleSet)).not.toThrow();
  });

  it('derives a custom rule set, tagging overrides custom', () => {
    const r = defineRuleSet({
      id: 'jd-2021-12',
      chat: { assessmentHours: { fromHour: 9, toHour: 23 } },
      logistics: { arrivalDays: 2 },
      windows: { 'reviews.negative-rate': { fromDaysBack: 180, toDaysBack: 1 } },
      moduleWeights: { logistics: 20 },
      controlPoints: { 'disputes.dispute-rate': { good: 0.002, poor: 0.02 } },
      bonus: { cap: 1 },
      reviews: { latestPerCustomer: 10 },
    });
    expect(r.id).toBe('jd-2021-12');
    expect(r.chat.assessmentHours).toEqual({
      value: { fromHour: 9, toHour: 23 },
      source: { tag: 'custom' },
    });
    expect(r.chat.sessionMergeGapMinutes).toBe(defaultRuleSet.chat.sessionMergeGapMinutes);
    expect(r.logistics.arrivalDays.value).toBe(2);
    expect(r.windows['reviews.negative-rate'].source.tag).toBe('custom');
    expect(r.moduleWeights.value).toEqual({ ...defaultRuleSet.moduleWeights.value, logistics: 20 });
    expect(r.bonus.cap.value).toBe(1);
    expect(r.bonus.pointsPerService).toBe(defaultRuleSet.bonus.pointsPerService);
    // The default id names the content: two different rule sets never share it.
    expect(defineRuleSet({}).id).toBe(
      `jd-default+custom-${ruleSetFingerprint(defaultRuleSet).slice(0, 8)}`,
    );
    expect(defineRuleSet({ moduleWeights: { logistics: 20 } }).id).not.toBe(
      defineRuleSet({ moduleWeights: { logistics: 21 } }).id,
    );
    expect(defineRuleSet({ id: 'mine' }).id).toBe('mine');
  });

  it('fingerprints the rules, not their names or provenance', () => {
    const a = defineRuleSet({ moduleWeights: { logistics: 20 } });
    expect(ruleSetFingerprint(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(ruleSetFingerprint(defineRuleSet({ id: 'x', description: 'y' }))).toBe(
      ruleSetFingerprint(defaultRuleSet),
    );
    // The same numbers overridden to their default values: tagged custom, the same rules.
    expect(
      ruleSetFingerprint(defineRuleSet({ moduleWeights: defaultRuleSet.moduleWeights.value })),
    ).toBe(ruleSetFingerprint(defaultRuleSet));
    expect(ruleSetFingerprint(a)).not.toBe(ruleSetFingerprint(defaultRuleSet));
    expect(
      ruleSetFingerprint(defineRuleSet({ minimumSample: { 'reviews.negative-rate': 31 } })),
    ).not.toBe(ruleSetFingerprint(defaultRuleSet));
  });

  it('rejects unknown ids', () => {
    expect(
      issuesOf(() =>
        defineRuleSet({
          windows: { 'reviews.nope': { fromDaysBack: 3, toDaysBack: 1 } } as never,
          moduleWeights: { shipping: 1 } as never,
          controlPoints: { 'x.y': { good: 1, poor: 2 } } as never,
        }),
      ),
    ).toEqual([
      'windows.reviews.nope: expected a metric id of the catalogue, found unknown "reviews.nope"',
      'moduleWeights.shipping: expected one of consultation, reviews, after-sales, logistics, disputes, found unknown "shipping"',
      'controlPoints.x.y: expected a metric id of the catalogue, found unknown "x.y"',
    ]);
  });

  it('rejects negative or all-zero weights', () => {
    expect(issuesOf(() => defineRuleSet({ moduleWeights: { disputes: -1 } }))).toEqual([
      'moduleWeights.disputes: expected a finite weight ≥ 0, found -1',
    ]);
    expect(
      issuesOf(() =>
        defineRuleSet({
          moduleWeights: {
            consultation: 0,
            reviews: 0,
            'after-sales': 0,
            logistics: 0,
            disputes: 0,
          },
        }),
      ),
    ).toEqual(['moduleWeights: expected at least one weight above 0, found none']);
    expect(
      issuesOf(() => defineRuleSet({ metricWeights: { 'disputes.dispute-rate': 0 } })),
    ).toEqual([
      'metricWeights: expected a weight above 0 for some metric of module disputes, found none',
    ]);
    expect(
      issuesOf(() => defineRuleSet({ metricWeights: { 'disputes.dispute-rate': -2 } }))[0],
    ).toMatch(/metricWeights.disputes.dispute-rate/);
  });

  it('rejects control points in the wrong order', () => {
    const issues = issuesOf(() =>
      defineRuleSet({
        controlPoints: {
          'consultation.average-response-time': { good: 40, poor: 10 },
          'consultation.response-rate-30s': { good: 0.8, poor: 0.95 },
        },
      }),
    );
    expect(issues.length).toBeGreaterThanOrEqual(2);
    expect(issues.join('\n')).toMatch(/controlPoints.consultation.average-response-time/);
    expect(issues.join('\n')).toMatch(/controlPoints.consultation.response-rate-30s/);
  });

  it('rejects windows, hours and counts out of range, all at once', () => {
    const issues = issuesOf(() =>
      defineRuleSet({
        windows: { 'disputes.dispute-rate': { fromDaysBack: 35, toDaysBack: 0 } },
        chat: {
          assessmentHours: { fromHour: 23, toHour: 9 },
          sessionMergeGapMinutes: 0,
          attributionHours: -1,
          responseThresholdSeconds: Number.NaN,
        },
        reviews: { latestPerCustomer: 2.5, handlingHours: 0 },
        logistics: { collectionCutoffHour: 25, arrivalDays: 0 },
        bonus: { pointsPerService: -0.1, cap: Number.POSITIVE_INFINITY },
      }),
    );
    expect(issues.map((i) => i.split(':')[0])).toEqual([
      'windows.disputes.dispute-rate',
      'chat.assessmentHours',
      'chat.sessionMergeGapMinutes',
      'chat.responseThresholdSeconds',
      'chat.attributionHours',
      'reviews.latestPerCustomer',
      'reviews.handlingHours',
      'logistics.arrivalDays',
      'logistics.collectionCutoffHour',
      'bonus.pointsPerService',
      'bonus.cap',
    ]);
  });

  it('reports a missing window or curve', () => {
    const broken = {
      ...defaultRuleSet,
      windows: { ...defaultRuleSet.windows, 'disputes.dispute-rate': undefined },
      controlPoints: { ...defaultRuleSet.controlPoints, 'disputes.dispute-rate': undefined },
    };
    const issues = issuesOf(() => validateRuleSet(broken as never));
    expect(issues).toContain('windows.disputes.dispute-rate: missing');
    expect(issues).toContain(
      'controlPoints.disputes.dispute-rate: expected control points, found none',
    );
  });
});

describe('unknown override keys (issue 14)', () => {
  it('are reported at every level with the name they resemble, not ignored', () => {
    try {
      defineRuleSet({
        chat: { assesmentHours: { fromHour: 9, toHour: 23 } },
        logistics: { arrivalDay: 2 },
        windows: { 'reviews.negative-rate': { fromDaysBack: 90, toDaysBack: 1, to: 2 } },
        controlPoint: {},
        moduleWeights: { dispute: 1 },
      } as never);
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleSetError);
      expect((e as RuleSetError).issues).toEqual([
        {
          path: 'chat.assesmentHours',
          message:
            'expected a field of chat, found unknown "assesmentHours": did you mean "assessmentHours"?',
        },
        {
          path: 'logistics.arrivalDay',
          message:
            'expected a field of logistics, found unknown "arrivalDay": did you mean "arrivalDays"?',
        },
        {
          path: 'windows.reviews.negative-rate.to',
          message:
            'expected a field of windows.reviews.negative-rate (fromDaysBack, toDaysBack), found unknown "to"',
        },
        {
          path: 'controlPoint',
          message:
            'expected a field of rule-set overrides, found unknown "controlPoint": did you mean "controlPoints"?',
        },
        {
          path: 'moduleWeights.dispute',
          message:
            'expected one of consultation, reviews, after-sales, logistics, disputes, found unknown "dispute": did you mean "disputes"?',
        },
      ]);
    }
  });
});

describe('a metric the rule set does not name', () => {
  it("measures with its own definition's defaults (window, minimum sample)", async () => {
    const { measureDay, defineMetric } = await import('../../src/metrics/_calculate.js');
    const { disputeRateDefinition } = await import('../../src/metrics/disputes/disputeRate.js');
    const { storeData, order, dispute, sh } = await import('../_helpers.js');
    const custom = defineMetric({
      ...disputeRateDefinition,
      id: 'disputes.custom-rate' as typeof disputeRateDefinition.id,
    });
    const o = order('u1', '2026-11-10 10:00:00');
    const data = storeData({
      orders: [o],
      disputes: [
        dispute(o.id, '2026-11-12 10:00:00', {
          ruling: 'merchant',
          ruledAt: sh('2026-11-15 10:00:00'),
        }),
      ],
    });
    const mine = measureDay(custom, data, '2026-11-23', defaultRuleSet);
    expect(mine).toEqual({
      ...measureDay(disputeRateDefinition, data, '2026-11-23'),
      id: 'disputes.custom-rate',
    });
    expect(mine.value?.toString()).toBe('1');
  });
});
