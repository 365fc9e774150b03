import { describe, expect, it } from 'vitest';
import {
  countByTag,
  ruleProvenances,
  sourcedLeaves,
  withProvenanceSummary,
} from '../../scripts/provenance-doc.js';
import { afterSalesDurationDefinition } from '../../src/metrics/after-sales/afterSalesDuration.js';
import { qualityRepairRateDefinition } from '../../src/metrics/after-sales/qualityRepairRate.js';
import { repairRateDefinition } from '../../src/metrics/after-sales/repairRate.js';
import { returnRateDefinition } from '../../src/metrics/after-sales/returnRate.js';
import { returnSatisfactionDefinition } from '../../src/metrics/after-sales/returnSatisfaction.js';
import { averageDeliveryTimeDefinition } from '../../src/metrics/logistics/averageDeliveryTime.js';
import { nextDayArrivalRateDefinition } from '../../src/metrics/logistics/nextDayArrivalRate.js';
import { sameDayCollectionRateDefinition } from '../../src/metrics/logistics/sameDayCollectionRate.js';
import type { MetricDefinition } from '../../src/metrics/types.js';
import {
  formatProvenance,
  type Provenance,
  provenancesOf,
  sourced,
} from '../../src/rules/provenance.js';
import { defaultRuleSet, type RuleSet } from '../../src/ruleset/ruleSet.js';

const W = defaultRuleSet.windows;

/** The provenance of a definition's aspect (the formula when the aspect is not named). */
function aspectOf(def: MetricDefinition, aspect: string): Provenance | undefined {
  return def.source.find((p) => (p.aspect ?? 'formula') === aspect);
}

describe('provenance of the after-sales rules', () => {
  it('the repair and return rates: formula from seed 001 (repair rates), window an assumption', () => {
    for (const id of [
      'after-sales.repair-rate',
      'after-sales.quality-repair-rate',
      'after-sales.return-rate',
    ] as const) {
      expect(W[id].value, id).toEqual({ fromDaysBack: 30, toDaysBack: 1 });
      expect(W[id].source.tag, id).toBe('assumption');
      expect(W[id].source.note, id).toContain('出库月销量');
    }
    expect(aspectOf(repairRateDefinition, 'formula')).toMatchObject({ tag: 'seed', seed: '001' });
    expect(aspectOf(qualityRepairRateDefinition, 'formula')).toMatchObject({
      tag: 'seed',
      seed: '001',
    });
    expect(aspectOf(returnRateDefinition, 'formula')?.tag).toBe('assumption');
    // No definition restates the window with a seed tag.
    for (const d of [repairRateDefinition, qualityRepairRateDefinition, returnRateDefinition])
      expect(d.source.filter((p) => p.tag === 'seed' && p.seed === '000')).toEqual([]);
  });

  it('the after-sales duration: window seed 000, formula seed 001, denominator and anchor assumptions', () => {
    const w = W['after-sales.duration'];
    expect(w.value).toEqual({ fromDaysBack: 30, toDaysBack: 1 });
    expect(w.source).toMatchObject({ tag: 'seed', seed: '000' });
    const d = afterSalesDurationDefinition;
    expect(aspectOf(d, 'formula')).toMatchObject({ tag: 'seed', seed: '001' });
    expect(aspectOf(d, 'denominator')?.tag).toBe('assumption');
    expect(aspectOf(d, 'anchor')?.tag).toBe('assumption');
    expect(aspectOf(d, 'service time')?.tag).toBe('assumption');
  });

  it('return satisfaction: window seed 000, formula an assumption', () => {
    expect(W['after-sales.return-satisfaction'].source).toMatchObject({ tag: 'seed', seed: '000' });
    expect(W['after-sales.return-satisfaction'].value).toEqual({
      fromDaysBack: 180,
      toDaysBack: 1,
    });
    expect(aspectOf(returnSatisfactionDefinition, 'formula')?.tag).toBe('assumption');
  });
});

describe('provenance of the logistics rules', () => {
  it('seed 000 names the two indicators; their formulas are our reading, with the option that changes them', () => {
    expect(aspectOf(sameDayCollectionRateDefinition, 'name')).toMatchObject({
      tag: 'seed',
      seed: '000',
    });
    expect(aspectOf(sameDayCollectionRateDefinition, 'formula')).toMatchObject({
      tag: 'assumption',
      option: 'logistics.collectionCutoffHour',
    });
    expect(aspectOf(nextDayArrivalRateDefinition, 'name')).toMatchObject({
      tag: 'seed',
      seed: '000',
    });
    expect(aspectOf(nextDayArrivalRateDefinition, 'formula')).toMatchObject({
      tag: 'assumption',
      option: 'logistics.arrivalDays',
    });
    expect(aspectOf(averageDeliveryTimeDefinition, 'formula')?.tag).toBe('assumption');
    expect(defaultRuleSet.logistics.collectionCutoffHour.source.tag).toBe('assumption');
  });
});

describe('curves whose two points come from different places', () => {
  it('carry one provenance per point', () => {
    const cp = defaultRuleSet.controlPoints;
    expect(
      provenancesOf(cp['after-sales.satisfaction']).map((p) => [p.aspect, p.tag, p.seed]),
    ).toEqual([
      ['good point', 'seed', '001'],
      ['poor point', 'assumption', undefined],
    ]);
    expect(
      provenancesOf(cp['consultation.average-response-time']).map((p) => [p.aspect, p.tag]),
    ).toEqual([
      ['poor point', 'published'],
      ['good point', 'seed'],
    ]);
    expect(
      provenancesOf(cp['reviews.negative-handling-rate-24h']).map((p) => [p.aspect, p.tag]),
    ).toEqual([
      ['poor point', 'seed'],
      ['good point', 'assumption'],
    ]);
    expect(provenancesOf(cp['disputes.dispute-rate']).map((p) => p.tag)).toEqual(['assumption']);
  });

  it('the 30-second rate’s weight: seed 000 makes it the main one, its half is an assumption', () => {
    const w = defaultRuleSet.metricWeights['consultation.response-rate-30s'];
    expect(w.value).toBe(5);
    expect(provenancesOf(w).map((p) => [p.tag, p.seed])).toEqual([
      ['seed', '000'],
      ['assumption', undefined],
    ]);
  });

  it('sourced() keeps the extra provenances in `also`, frozen; formatProvenance renders one as before', () => {
    const s = sourced(
      1,
      { tag: 'seed', seed: '001' },
      { tag: 'assumption', aspect: 'b', note: 'x' },
    );
    expect(s.also).toEqual([{ tag: 'assumption', aspect: 'b', note: 'x' }]);
    expect(Object.isFrozen(s.also)).toBe(true);
    expect('also' in sourced(1, { tag: 'seed', seed: '001' })).toBe(false);
    expect(formatProvenance({ tag: 'seed', seed: '001', aspect: 'formula', note: 'y' })).toBe(
      'seed (article ZH, docs/sources.md): y',
    );
  });
});

describe('the provenance census', () => {
  const rules = ruleProvenances();

  it('every provenance is well formed and cites no internal file', () => {
    for (const { rule, provenance: p } of rules) {
      expect(['seed', 'published', 'assumption'], rule).toContain(p.tag);
      if (p.tag === 'seed') expect(['000', '001'], rule).toContain(p.seed);
      if (p.tag === 'published') expect(p.url, rule).toMatch(/^https:\/\//);
      if (p.tag === 'assumption') expect(p.note, rule).toBeTruthy();
      expect(p.note ?? '', rule).not.toMatch(/DOMAIN|DESIGN|STYLE|seeds\//);
    }
  });

  it('names every assumption of a rule-set value by its path, the option that changes it', () => {
    const byRule = new Map(rules.map((r) => [r.rule, r]));
    expect(byRule.get("windows['after-sales.repair-rate']")).toMatchObject({
      option: "windows['after-sales.repair-rate']",
      provenance: { tag: 'assumption' },
    });
    expect(byRule.get('logistics.collectionCutoffHour')?.option).toBe(
      'logistics.collectionCutoffHour',
    );
    expect(byRule.get("controlPoints['after-sales.satisfaction'] (poor point)")).toMatchObject({
      provenance: { tag: 'assumption' },
    });
    // A formula's assumption with no option says so.
    expect(byRule.get('after-sales.return-rate formula')?.option).toBeNull();
  });

  it('counts every tag, and the counts add up', () => {
    const c = countByTag(rules);
    expect(c.seed + c.published + c.assumption + c.custom).toBe(rules.length);
    expect(c.custom).toBe(0);
    expect(c.seed).toBeGreaterThan(0);
    expect(c.published).toBeGreaterThan(0);
    expect(c.assumption).toBeGreaterThan(0);
  });

  it('finds a rule added anywhere in a rule set without being told about it', () => {
    const extended = {
      ...defaultRuleSet,
      minimumSamples: {
        'reviews.negative-rate': sourced(10, { tag: 'assumption', note: 'ten reviews' }),
      },
      deep: { list: [sourced(1, { tag: 'published', url: 'https://example.com/x' })] },
    } as RuleSet;
    const more = ruleProvenances(extended);
    expect(more.length).toBe(rules.length + 2);
    expect(more.find((r) => r.rule === "minimumSamples['reviews.negative-rate']")).toMatchObject({
      option: "minimumSamples['reviews.negative-rate']",
      provenance: { tag: 'assumption', note: 'ten reviews' },
    });
    expect(more.find((r) => r.rule === 'deep.list[0]')?.provenance.tag).toBe('published');
    expect(countByTag(more).assumption).toBe(countByTag(rules).assumption + 1);
  });

  it('walks paths as code writes them, and never enters a sourced value', () => {
    const tree = {
      a: { b: sourced({ value: 1, source: { tag: 'seed' } }, { tag: 'assumption', note: 'n' }) },
      'x.y': sourced(2, { tag: 'assumption', note: 'n' }),
      id: 'not a rule',
    };
    expect(sourcedLeaves(tree).map(([p]) => p)).toEqual(['a.b', "['x.y']"]);
  });

  it('replaces the README block between its markers, and only it', () => {
    const readme =
      'top\n<!-- provenance-counts:start -->\nold\n<!-- provenance-counts:end -->\nend\n';
    const out = withProvenanceSummary(readme);
    expect(out.startsWith('top\n<!-- provenance-counts:start -->\nOf the ')).toBe(true);
    expect(out.endsWith('\n<!-- provenance-counts:end -->\nend\n')).toBe(true);
    expect(out).not.toContain('old');
    expect(() => withProvenanceSummary('no markers')).toThrow(/provenance-counts/);
  });
});
