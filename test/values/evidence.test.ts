/**
 * What-if keeps the evidence: a value given alone keeps the card's sample (a metric with too
 * little data stays so), and `moved` lists every metric whose score or status changed, and every
 * metric the change names, with the reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderWhatIf } from '../../src/cli/plan.js';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { defineRuleSet } from '../../src/ruleset/defineRuleSet.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { scoreValues } from '../../src/values/scoreValues.js';
import { whatIf } from '../../src/values/whatIf.js';

const data = parseStoreData(JSON.parse(readFileSync('examples/sample-store.json', 'utf8')));
const RATE = 'consultation.response-rate-30s';
// The sample store has 203 cases of the 30-second rate: with a minimum of 300 it has too little.
const ruleSet = defineRuleSet({ minimumSample: { [RATE]: 300 } });
const card = evaluateStore(data, { asOf: '2026-11-23', ruleSet });

describe('a value given alone keeps the card sample', () => {
  it('a metric with too little data stays so: nothing moves, and the metric is listed with why', () => {
    expect(card.metrics[RATE].status).toBe('too-little-data');
    const w = whatIf(card, { metrics: { [RATE]: 0.92 } }, { ruleSet });
    expect(w.after.metrics[RATE].status).toBe('too-little-data');
    expect(w.after.metrics[RATE].denominator.toString()).toBe('203');
    expect(w.after.metrics[RATE].value?.toString()).toBe('0.92');
    expect(w.after.metrics[RATE].score).toBeNull();
    expect(w.difference.modules.consultation).toBe(0);
    expect(w.difference.total).toBe(0);
    expect(w.moved).toEqual([
      {
        metric: RATE,
        before: { status: 'too-little-data', score: null },
        after: { status: 'too-little-data', score: null },
        reason: 'too-little-data',
        text: expect.stringMatching(/still too little data \(203 .*the minimum is 300\)/),
      },
    ]);
    expect(renderWhatIf(card, w)).toMatch(/30秒应答率.*still too little data/);
  });

  it('the same from values: a value with its sample of 7 stays too little data', () => {
    const values = scoreValues({
      asOf: '2026-11-23',
      metrics: {
        [RATE]: { value: 0.5, sample: 7 },
        'consultation.conversion-rate': { numerator: 30, denominator: 100 },
      },
    });
    const w = whatIf(values, { metrics: { [RATE]: 0.92 } });
    expect(w.after.metrics[RATE].status).toBe('too-little-data');
    expect(w.difference.modules.consultation).toBe(0);
    expect(w.moved.map((m) => [m.metric, m.reason])).toEqual([[RATE, 'too-little-data']]);
  });

  it('a sample given with the value replaces the card one: status and score move, with why', () => {
    const w = whatIf(card, { metrics: { [RATE]: { value: 0.92, sample: 300 } } }, { ruleSet });
    expect(w.after.metrics[RATE].status).toBe('ok');
    expect(w.after.metrics[RATE].score).toBeGreaterThan(0);
    expect(w.moved).toMatchObject([
      {
        metric: RATE,
        before: { status: 'too-little-data', score: null },
        after: { status: 'ok' },
        reason: 'status',
      },
    ]);
    expect(renderWhatIf(card, w)).toMatch(/30秒应答率 30-second response rate\s+— → \d/);
  });

  it('a sample below the minimum takes a scored metric out of its module, and says so', () => {
    const plain = evaluateStore(data, { asOf: '2026-11-23' });
    const w = whatIf(plain, { metrics: { [RATE]: { value: 0.99, sample: 3 } } });
    expect(w.after.metrics[RATE]).toMatchObject({ status: 'too-little-data', score: null });
    expect(w.moved).toMatchObject([
      { metric: RATE, before: { status: 'ok' }, reason: 'status', after: { score: null } },
    ]);
    expect(w.moved[0]?.text).toMatch(/ok → too-little-data \(3 .*the minimum is 10\)/);
  });

  it('a value alone on a card with a sample keeps it; on a value-only card it stays value-only', () => {
    const plain = evaluateStore(data, { asOf: '2026-11-23' });
    const w = whatIf(plain, { metrics: { [RATE]: 0.92 } });
    expect(w.after.metrics[RATE].denominator.toString()).toBe('203');
    expect(w.moved).toMatchObject([{ metric: RATE, reason: 'value' }]);
    const values = scoreValues({ asOf: '2026-11-23', metrics: { [RATE]: 0.5 } });
    const v = whatIf(values, { metrics: { [RATE]: 0.92 } });
    expect(v.after.metrics[RATE]).toMatchObject({ status: 'ok', valueOnly: true });
    expect(v.difference.metrics[RATE]).toBeGreaterThan(0);
  });

  it('a named metric whose score does not move is still listed, with why', () => {
    const plain = evaluateStore(data, { asOf: '2026-11-23' });
    const same = plain.metrics['disputes.dispute-rate'];
    const w = whatIf(plain, {
      metrics: {
        'disputes.dispute-rate': {
          numerator: same.numerator.toNumber(),
          denominator: same.denominator.toNumber(),
        },
      },
    });
    expect(w.moved).toMatchObject([{ metric: 'disputes.dispute-rate', reason: 'same-score' }]);
  });
});
