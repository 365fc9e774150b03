import { describe, expect, it } from 'vitest';
import { displayWidth, pad } from '../src/cli/render.js';
import { Dec } from '../src/decimal.js';
import { InvalidInputError } from '../src/errors.js';
import { formatMetricValue, formatValue } from '../src/format.js';
import { parsePeerData } from '../src/schemas/peers.js';
import { evaluateStore } from '../src/scorecard/evaluateStore.js';
import { storeData } from './_helpers.js';

describe('formatValue', () => {
  it.each([
    [new Dec('0.97345'), 'ratio', '97.35%'],
    [new Dec('0.973449'), 'ratio', '97.34%'],
    [0, 'ratio', '0.00%'],
    [new Dec(12.5), 'seconds', '12.50 s'],
    [new Dec('36.005'), 'hours', '36.01 h'],
    [9.26, 'points', '9.26'],
    [null, 'hours', '—'],
  ] as const)('formats %s as %s → %s', (v, unit, s) => {
    expect(formatValue(v, unit)).toBe(s);
  });
  it('says no data for an empty window', () => {
    expect(
      formatMetricValue(
        evaluateStore(storeData(), { asOf: '2026-11-23' }).metrics[
          'logistics.average-delivery-time'
        ],
      ),
    ).toBe('no data');
  });
});

describe('display width', () => {
  it('counts CJK characters as two columns', () => {
    expect(displayWidth('差评率 Negative')).toBe(15);
    expect(pad('差评', 6)).toBe('差评  ');
    expect(pad('ab', 4, 'right')).toBe('  ab');
  });
});

describe('parsePeerData', () => {
  it('accepts valid peers and names every bad field', () => {
    expect(
      parsePeerData({ composites: [9.1], metrics: { 'disputes.dispute-rate': [0.001] } })
        .composites,
    ).toEqual([9.1]);
    try {
      parsePeerData({ composites: ['x'], modules: { shipping: [1] }, metrics: { nope: [1] } });
      throw new Error('expected a throw');
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as InvalidInputError).issues.map((i) => i.path)).toEqual(['composites[0]']);
    }
    try {
      parsePeerData({ modules: { shipping: [1] }, metrics: { nope: [1] } });
      throw new Error('expected a throw');
    } catch (e) {
      expect((e as InvalidInputError).issues.map((i) => i.path)).toEqual([
        'modules.shipping',
        'metrics.nope',
      ]);
    }
  });
});
