/**
 * whatIf: nothing changed changes nothing; a better value never lowers a score; services and
 * module rankings; arguments.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { MODULE_IDS } from '../../src/ids.js';
import { metricCatalogue } from '../../src/metrics/catalogue.js';
import { defineRuleSet } from '../../src/ruleset/defineRuleSet.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { parsePeerData } from '../../src/scorecard/peers.js';
import { scoreValues } from '../../src/values/scoreValues.js';
import { whatIf } from '../../src/values/whatIf.js';
import { AS_OF, storeArb } from '../laws/_arbitraries.js';

const data = parseStoreData(JSON.parse(readFileSync('examples/sample-store.json', 'utf8')));
const peers = parsePeerData(JSON.parse(readFileSync('examples/sample-peers.json', 'utf8')));

describe('whatIf: a change of nothing changes nothing', () => {
  it('over random stores, every difference is 0 or null', () => {
    fc.assert(
      fc.property(storeArb, (store) => {
        const card = evaluateStore(store, { asOf: AS_OF });
        const { after, difference } = whatIf(card, {});
        expect(after.composite).toBe(card.composite);
        expect(after.total).toBe(card.total);
        for (const d of metricCatalogue) {
          expect(after.metrics[d.id].score).toBe(card.metrics[d.id].score);
          expect([0, null]).toContain(difference.metrics[d.id]);
        }
        expect(difference.bonus).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('on the sample store with peers: the standing too', () => {
    const card = evaluateStore(data, { asOf: '2026-11-23', peers });
    const { after, difference } = whatIf(card, {}, { peers });
    expect(after.standing).toEqual(card.standing);
    expect(difference.stars).toBe(0);
    expect(difference.rankingRate).toBe(0);
  });
});

describe('whatIf: a better value never lowers a score', () => {
  const card = evaluateStore(data, { asOf: '2026-11-23', peers });
  const range = (unit: string) => (unit === 'ratio' ? 1 : unit === 'points' ? 10 : 200);
  it.each(metricCatalogue.map((d) => [d.id, d.direction, d.unit] as const))(
    '%s (%s, %s)',
    (id, direction, unit) => {
      fc.assert(
        fc.property(
          fc.double({ min: 0, max: range(unit), noNaN: true }),
          fc.double({ min: 0, max: range(unit), noNaN: true }),
          (x, y) => {
            const [lo, hi] = x <= y ? [x, y] : [y, x];
            const [worse, better] = direction === 'higher-is-better' ? [lo, hi] : [hi, lo];
            const a = whatIf(card, { metrics: { [id]: worse } }, { peers }).after;
            const b = whatIf(card, { metrics: { [id]: better } }, { peers }).after;
            const def = metricCatalogue.find((m) => m.id === id);
            expect(b.metrics[id].score as number).toBeGreaterThanOrEqual(
              a.metrics[id].score as number,
            );
            const m = def?.module as (typeof MODULE_IDS)[number];
            expect(b.modules[m].score as number).toBeGreaterThanOrEqual(
              a.modules[m].score as number,
            );
            expect(b.total as number).toBeGreaterThanOrEqual(a.total as number);
          },
        ),
        { numRuns: 15 },
      );
    },
  );
});

describe('whatIf: services, module rankings, differences', () => {
  it('opening a service adds its points to the bonus and the total; closing one takes them away', () => {
    const card = scoreValues({ asOf: '2026-11-23', metrics: { 'reviews.negative-rate': 0.01 } });
    const opened = whatIf(card, { open: ['door-pickup', 'freight-insurance'] });
    expect(opened.difference.bonus).toBe(0.2);
    expect(opened.difference.total).toBe(0.2);
    expect(opened.after.bonus.active).toEqual(['freight-insurance', 'door-pickup']);
    expect(whatIf(opened.after, { close: ['door-pickup'] }).difference.bonus).toBe(-0.1);
  });

  it('assumes module rankings and shows what they decide (labels, stars)', () => {
    const card = evaluateStore(data, { asOf: '2026-11-23', ranking: { rate: 0.95 } });
    const all = Object.fromEntries(MODULE_IDS.map((m) => [m, 0.8]));
    const { after, difference } = whatIf(
      card,
      { moduleRankings: all },
      { ranking: { rate: 0.95 } },
    );
    expect(card.standing?.stars).toBe(4.5);
    expect(after.standing?.stars).toBe(4.9);
    expect(difference.stars).toBe(0.4);
    expect(after.standing?.moduleLabels.logistics).toBe('高');
  });

  it('refuses an unknown metric or service, a percentage, another rule set, rankings without a rate', () => {
    const card = evaluateStore(data, { asOf: '2026-11-23' });
    expect(() => whatIf(card, { metrics: { 'reviews.nope': 0.1 } as never })).toThrow(
      /reviews\.nope/,
    );
    expect(() => whatIf(card, { metrics: { 'reviews.negative-rate': 3 } })).toThrow(/3% is 0\.03/);
    expect(() => whatIf(card, { open: ['teleport'] })).toThrow(/teleport/);
    expect(() =>
      whatIf(
        card,
        {},
        { ruleSet: defineRuleSet({ id: 'other', moduleWeights: { logistics: 22 } }) },
      ),
    ).toThrow(/jd-default/);
    expect(() => whatIf(card, { moduleRankings: { logistics: 0.5 } })).toThrow(/ranking rate/);
  });
});
