/**
 * pathToTarget: each metric alone, a plan whose change reaches the target, arguments.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { parsePeerData } from '../../src/scorecard/peers.js';
import { pathToTarget } from '../../src/values/pathToTarget.js';
import { scoreValues } from '../../src/values/scoreValues.js';
import { whatIf } from '../../src/values/whatIf.js';

const data = parseStoreData(JSON.parse(readFileSync('examples/sample-store.json', 'utf8')));
const peers = parsePeerData(JSON.parse(readFileSync('examples/sample-peers.json', 'utf8')));
const card = evaluateStore(data, { asOf: '2026-11-23' });

describe('pathToTarget', () => {
  it('gives the least cases of a metric that alone reaches the target, exactly the least', () => {
    const way = pathToTarget(card, { total: 8 });
    const rate = way.perMetric.find((p) => p.metric === 'consultation.response-rate-30s');
    expect(rate?.alone).toBe(true);
    const k = rate?.cases?.change as number;
    const { numerator, denominator } = card.metrics['consultation.response-rate-30s'];
    const withK = (n: number) =>
      whatIf(card, {
        metrics: {
          'consultation.response-rate-30s': {
            numerator: numerator.toNumber() + n,
            denominator: denominator.toNumber(),
          },
        },
      }).after.total as number;
    expect(withK(k)).toBeGreaterThanOrEqual(8);
    expect(withK(k - 1)).toBeLessThan(8);
    expect(rate?.cases?.of).toBe(denominator.toNumber());
  });

  it("plans cases greedily, and whatIf with the plan's change reaches the target", () => {
    for (const target of [
      { total: 8 },
      { composite: 7.5 },
      { module: 'reviews' as const, score: 7 },
    ]) {
      const way = pathToTarget(card, target);
      expect(way.plan.reachable).toBe(true);
      expect(way.plan.steps.length).toBeGreaterThan(0);
      const after = whatIf(card, way.plan.change).after;
      const q =
        'total' in target
          ? after.total
          : 'composite' in target
            ? after.composite
            : after.modules.reviews.score;
      expect(q as number).toBeGreaterThanOrEqual(
        Object.values(target).find((v) => typeof v === 'number') as number,
      );
    }
  });

  it('says a target reached already, and why a metric cannot alone', () => {
    expect(pathToTarget(card, { total: 5 })).toMatchObject({ reached: true, plan: { steps: [] } });
    const way = pathToTarget(card, { total: 8 });
    expect(way.perMetric.find((p) => p.metric === 'disputes.dispute-rate')?.reason).toBe('at-best');
    expect(way.plan.caveat).toMatch(/assumption/);
  });

  it("reaches stars through the ranking among peers' totals", () => {
    const withPeers = evaluateStore(data, { asOf: '2026-11-23', peers });
    const way = pathToTarget(withPeers, { stars: 4.5 }, { peers });
    expect(way.current).toBe(withPeers.standing?.stars);
    if (way.plan.reachable)
      expect(
        whatIf(withPeers, way.plan.change, { peers }).after.standing?.stars,
      ).toBeGreaterThanOrEqual(4.5);
  });

  it('works from values alone (no cases: the value each metric needs)', () => {
    const v = scoreValues({
      asOf: '2026-11-23',
      metrics: { 'consultation.response-rate-30s': 0.8 },
    });
    const way = pathToTarget(v, { total: 9.5 });
    const rate = way.perMetric.find((p) => p.metric === 'consultation.response-rate-30s');
    expect(rate?.alone).toBe(true);
    expect(rate?.cases).toBeUndefined();
    expect(
      whatIf(v, {
        metrics: { 'consultation.response-rate-30s': rate?.value?.toNumber() as number },
      }).after.total,
    ).toBeGreaterThanOrEqual(9.5);
  });

  it('refuses a target above 10, an unknown module, stars off the table or without peers', () => {
    expect(() => pathToTarget(card, { total: 11 })).toThrow(/0 to 10/);
    expect(() => pathToTarget(card, { module: 'shipping' as never, score: 8 })).toThrow(
      /module id/,
    );
    expect(() => pathToTarget(card, { stars: 4.7 }, { peers })).toThrow(/on the table/);
    expect(() => pathToTarget(card, { stars: 4.5 })).toThrow(/peers' totals/);
  });
});
