/**
 * Plans that add up: one step per metric, cases counted once, each step's figure what whatIf
 * gives for the steps so far (so the figures only rise, and the last is the plan's), and the
 * law that the steps' cases add up to the cases of `plan.change`.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTarget } from '../../src/cli/plan.js';
import { evaluateStore, type Scorecard } from '../../src/evaluate/evaluate.js';
import { type MetricId, metricCatalogue } from '../../src/metrics/catalogue.js';
import { defineRuleSet } from '../../src/ruleset/defineRuleSet.js';
import type { RuleSet } from '../../src/ruleset/ruleSet.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { type PeerData, parsePeerData } from '../../src/scorecard/peers.js';
import { type PathToTarget, pathToTarget, type Target } from '../../src/values/pathToTarget.js';
import { whatIf } from '../../src/values/whatIf.js';
import { AS_OF, storeArb } from '../laws/_arbitraries.js';

const data = parseStoreData(JSON.parse(readFileSync('examples/sample-store.json', 'utf8')));
const peers = parsePeerData(JSON.parse(readFileSync('examples/sample-peers.json', 'utf8')));

const quantity = (card: Scorecard, target: Target) =>
  'total' in target
    ? card.total
    : 'composite' in target
      ? card.composite
      : 'module' in target
        ? card.modules[target.module].score
        : (card.standing?.stars ?? null);

/** Cases one metric's change moves, against the card. */
function casesIn(card: Scorecard, way: PathToTarget): number {
  let sum = 0;
  for (const [id, v] of Object.entries(way.plan.change.metrics ?? {})) {
    const n = (v as { numerator: number }).numerator;
    sum += Math.abs(n - card.metrics[id as MetricId].numerator.toNumber());
  }
  return sum;
}

/** Every promise of a plan, checked against whatIf. */
function addsUp(
  card: Scorecard,
  target: Target,
  way: PathToTarget,
  options: { peers?: PeerData; ruleSet?: RuleSet },
) {
  const { steps, change } = way.plan;
  const ids = steps.map((s) => s.metric);
  expect(new Set(ids).size).toBe(ids.length);
  expect(steps.reduce((a, s) => a + s.cases, 0)).toBe(casesIn(card, way));
  expect(Object.keys(change.metrics ?? {}).sort()).toEqual([...ids].sort());
  let before = way.current ?? 0;
  steps.forEach((s, i) => {
    const sofar = Object.fromEntries(
      steps.slice(0, i + 1).map((t) => [t.metric, change.metrics?.[t.metric]]),
    );
    const q = quantity(whatIf(card, { metrics: sofar }, options).after, target);
    expect(s.reaches).toBe(q);
    expect(s.cases).toBeGreaterThan(0);
    expect(s.reaches as number).toBeGreaterThanOrEqual(before);
    before = s.reaches as number;
  });
  if (steps.length > 0)
    expect(steps[steps.length - 1]?.reaches).toBe(
      quantity(whatIf(card, change, options).after, target),
    );
}

describe('pathToTarget: plans that add up', () => {
  it('target --total 9 on the sample store: one step per metric, rising to what the change gives', () => {
    const card = evaluateStore(data, { asOf: '2026-11-23' });
    const way = pathToTarget(card, { total: 9 });
    expect(way.plan.reachable).toBe(true);
    addsUp(card, { total: 9 }, way, {});
    expect(way.plan.steps[way.plan.steps.length - 1]?.reaches).toBeGreaterThanOrEqual(9);
    // The text says each metric once, with its figures rising.
    const text = renderTarget(card, { total: 9 }, way);
    const figures = [...text.matchAll(/→ ([\d.]+)$/gm)].map((m) => Number(m[1]));
    expect(figures).toEqual([...figures].sort((a, b) => a - b));
    expect(figures).toHaveLength(way.plan.steps.length);
  });

  it('with peers, a module target and a composite target', () => {
    const withPeers = evaluateStore(data, { asOf: '2026-11-23', peers });
    for (const target of [{ total: 8 }, { module: 'reviews', score: 8 }] as Target[])
      addsUp(withPeers, target, pathToTarget(withPeers, target, { peers }), { peers });
    const card = evaluateStore(data, { asOf: '2026-11-23' });
    addsUp(card, { composite: 8.5 }, pathToTarget(card, { composite: 8.5 }), {});
  });

  it('law: over random stores and targets above them, the steps add up to the change, rising', () => {
    // Random stores are small: without a minimum sample their metrics are scored and counted.
    const ruleSet = defineRuleSet({
      minimumSample: Object.fromEntries(metricCatalogue.map((d) => [d.id, 0])),
    });
    let planned = 0;
    fc.assert(
      fc.property(storeArb, fc.integer({ min: 1, max: 30 }), (store, tenths) => {
        const card = evaluateStore(store, { asOf: AS_OF, ruleSet });
        if (card.total === null) return;
        const target = { total: Math.min(10, card.total + tenths / 10) };
        const way = pathToTarget(card, target, { ruleSet });
        if (way.plan.steps.length > 0) planned++;
        addsUp(card, target, way, { ruleSet });
      }),
      { numRuns: 30 },
    );
    expect(planned).toBeGreaterThan(5);
  });
});
