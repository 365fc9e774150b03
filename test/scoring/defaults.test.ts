import { describe, expect, it } from 'vitest';
import { metricCatalogue } from '../../src/metrics/catalogue.js';
import type { Provenance, Sourced } from '../../src/rules/provenance.js';
import * as defaults from '../../src/rules/scoringDefaults.js';
import { defaultRuleSet } from '../../src/ruleset/ruleSet.js';

/** Every Sourced value in an object tree. */
function sourcedValues(x: unknown, path: string, out: [string, Sourced<unknown>][] = []) {
  if (typeof x !== 'object' || x === null) return out;
  if ('value' in x && 'source' in x) {
    out.push([path, x as Sourced<unknown>]);
    return out;
  }
  for (const [k, v] of Object.entries(x)) sourcedValues(v, `${path}.${k}`, out);
  return out;
}

const all = sourcedValues(
  { defaults, metrics: metricCatalogue.map((d) => d.defaults) },
  'defaults',
);

describe('scoring defaults', () => {
  it('every default carries a provenance', () => {
    expect(all.length).toBeGreaterThan(40);
    for (const [path, s] of all) {
      const p: Provenance = s.source;
      expect(['seed', 'published', 'assumption'], path).toContain(p.tag);
      if (p.tag === 'published') expect(p.url, path).toMatch(/^https:\/\//);
      if (p.tag === 'seed') expect(['000', '001'], path).toContain(p.seed);
      expect(p.note, path).toBeTruthy();
    }
  });

  it('cites the published module weights', () => {
    expect(defaults.DEFAULT_MODULE_WEIGHTS.value).toEqual({
      consultation: 22,
      reviews: 22,
      'after-sales': 22,
      logistics: 12,
      disputes: 22,
    });
    expect(defaults.DEFAULT_MODULE_WEIGHTS.source.url).toBe(
      'https://m.cnqd.net/hyzx/zixun/10072.html',
    );
  });

  it('holds the control-point table of the brief', () => {
    const cp = defaultRuleSet.controlPoints;
    expect(cp['consultation.average-response-time'].value).toEqual({ good: 10, poor: 40 });
    expect(cp['reviews.negative-rate'].value).toEqual({ good: 0.005, poor: 0.03 });
    expect(cp['reviews.satisfaction-score'].value).toEqual({ good: 9.6, poor: 8.5 });
    expect(cp['after-sales.duration'].value).toEqual({ good: 24, poor: 60 });
    expect(cp['logistics.average-delivery-time'].value).toEqual({ good: 36, poor: 100 });
    expect(cp['disputes.dispute-rate'].value).toEqual({ good: 0.001, poor: 0.01 });
    expect(cp['reviews.negative-handling-rate-24h'].source).toMatchObject({
      tag: 'seed',
      seed: '001',
    });
    expect(cp['consultation.conversion-rate'].source.tag).toBe('assumption');
  });

  it('marks the bonus amounts and the 4.5 fallback as assumptions', () => {
    expect(defaults.DEFAULT_BONUS.pointsPerService.source.tag).toBe('assumption');
    expect(defaults.DEFAULT_BONUS.cap.source.tag).toBe('assumption');
    expect(defaults.DEFAULT_STAR_TABLE.topFallbackStars.source.tag).toBe('assumption');
    expect(defaults.DEFAULT_STAR_TABLE.topModuleFloor.source.url).toBe(
      'https://edu.yunjiglobal.com/?p=1585',
    );
  });

  it('is frozen', () => {
    expect(Object.isFrozen(defaultRuleSet.controlPoints)).toBe(true);
    expect(Object.isFrozen(defaults.DEFAULT_MODULE_WEIGHTS.value)).toBe(true);
    expect(Object.isFrozen(defaults.DEFAULT_STAR_TABLE.bands.value)).toBe(true);
  });
});
