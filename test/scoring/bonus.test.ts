import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../../src/errors.js';
import type { AssuredService } from '../../src/model.js';
import { sourced } from '../../src/rules/provenance.js';
import { DEFAULT_BONUS } from '../../src/rules/scoringDefaults.js';
import { defineRuleSet } from '../../src/ruleset/defineRuleSet.js';
import {
  ASSURED_SERVICE_IDS,
  assuredBonus,
  isServiceOpen,
  knownServiceIds,
  servicePointsOf,
  totalScore,
} from '../../src/scoring/bonus.js';

/** 2026-11-01 00:00 Asia/Shanghai. */
const AS_OF = Date.UTC(2026, 9, 31, 16);
const DAY = 86_400_000;
const on = (
  service: AssuredService['service'],
  extra: Partial<AssuredService> = {},
): AssuredService => ({
  service,
  enabledAt: AS_OF - 10 * DAY,
  ...extra,
});

describe('assuredBonus', () => {
  it('gives 0.1 per service, exactly', () => {
    const b = assuredBonus(
      [on('freight-insurance'), on('lightning-refund'), on('door-pickup')],
      AS_OF,
    );
    expect(b).toEqual({
      points: 0.3,
      active: ['freight-insurance', 'lightning-refund', 'door-pickup'],
      counted: 3,
    });
  });

  it('counts the 先行理赔 group once, whatever how many of its members are open', () => {
    const one = assuredBonus([on('damage-compensation')], AS_OF);
    const all = assuredBonus(
      [on('damage-compensation'), on('return-or-exchange-180d'), on('product-liability-insurance')],
      AS_OF,
    );
    expect(one.counted).toBe(1);
    expect(all.counted).toBe(1);
    expect(all.points).toBe(0.1);
    expect(all.active).toEqual([
      'damage-compensation',
      'return-or-exchange-180d',
      'product-liability-insurance',
    ]);
  });

  it('counts several records of one service once', () => {
    const b = assuredBonus(
      [on('price-protection'), on('price-protection', { enabledAt: AS_OF - DAY })],
      AS_OF,
    );
    expect(b).toEqual({ points: 0.1, active: ['price-protection'], counted: 1 });
  });

  it('caps the points at 0.5', () => {
    const b = assuredBonus(
      ASSURED_SERVICE_IDS.map((s) => on(s)),
      AS_OF,
    );
    expect(b.counted).toBe(7);
    expect(b.points).toBe(0.5);
    expect(b.active).toEqual(ASSURED_SERVICE_IDS);
  });

  it('does not count a service enabled at exactly the as-of instant, or after', () => {
    expect(assuredBonus([on('door-pickup', { enabledAt: AS_OF })], AS_OF).counted).toBe(0);
    expect(assuredBonus([on('door-pickup', { enabledAt: AS_OF + 1 })], AS_OF).counted).toBe(0);
    expect(assuredBonus([on('door-pickup', { enabledAt: AS_OF - 1 })], AS_OF).counted).toBe(1);
  });

  it('does not count a service disabled before the as-of instant', () => {
    expect(assuredBonus([on('door-pickup', { disabledAt: AS_OF - 1 })], AS_OF)).toEqual({
      points: 0,
      active: [],
      counted: 0,
    });
  });

  it('counts a service disabled at or after the as-of instant (not happened yet)', () => {
    expect(assuredBonus([on('door-pickup', { disabledAt: AS_OF })], AS_OF).counted).toBe(1);
    expect(assuredBonus([on('door-pickup', { disabledAt: AS_OF + DAY })], AS_OF).counted).toBe(1);
  });

  it('counts a service re-enabled after an earlier record was disabled', () => {
    const b = assuredBonus(
      [
        on('freight-insurance', { enabledAt: AS_OF - 20 * DAY, disabledAt: AS_OF - 15 * DAY }),
        on('freight-insurance', { enabledAt: AS_OF - 2 * DAY }),
      ],
      AS_OF,
    );
    expect(b.counted).toBe(1);
  });

  it('takes custom rules', () => {
    const rules = {
      pointsPerService: sourced(0.25, { tag: 'custom' as const }),
      servicePoints: {},
      cap: sourced(1, { tag: 'custom' as const }),
      groups: sourced([], { tag: 'custom' as const }),
    };
    const b = assuredBonus(
      [on('damage-compensation'), on('return-or-exchange-180d'), on('door-pickup')],
      AS_OF,
      rules,
    );
    expect(b).toMatchObject({ points: 0.75, counted: 3 });
    expect(DEFAULT_BONUS.pointsPerService.source.tag).toBe('assumption');
  });

  it('counts a service the rule set adds, with its own points; a group counts its best member', () => {
    const rules = defineRuleSet({
      bonus: { servicePoints: { 'green-packaging': 0.2, 'damage-compensation': 0.15 } },
    }).bonus;
    expect(knownServiceIds(rules)).toContain('green-packaging');
    expect(servicePointsOf('green-packaging', rules)).toBe(0.2);
    expect(servicePointsOf('green-packaging')).toBeUndefined();
    expect(servicePointsOf('door-pickup', rules)).toBe(0.1);
    const b = assuredBonus(
      [
        on('green-packaging'),
        on('door-pickup'),
        on('damage-compensation'),
        on('product-liability-insurance'),
      ],
      AS_OF,
      rules,
    );
    // door pickup 0.1 + 先行理赔 once at its best member 0.15 + green packaging 0.2 = 0.45
    expect(b).toEqual({
      points: 0.45,
      active: [
        'damage-compensation',
        'product-liability-insurance',
        'door-pickup',
        'green-packaging',
      ],
      counted: 3,
    });
    // The default rule set does not know it: it adds nothing.
    expect(assuredBonus([on('green-packaging')], AS_OF).points).toBe(0);
  });

  it('rejects a non-finite as-of instant', () => {
    expect(() => assuredBonus([], Number.NaN)).toThrow(ArgumentError);
  });

  it('isServiceOpen follows the same rule', () => {
    expect(
      isServiceOpen(on('door-pickup', { enabledAt: AS_OF - 1, disabledAt: AS_OF }), AS_OF),
    ).toBe(true);
    expect(isServiceOpen(on('door-pickup', { enabledAt: AS_OF }), AS_OF)).toBe(false);
  });
});

describe('totalScore', () => {
  it('adds the bonus exactly and rounds to 2 decimals', () => {
    expect(totalScore(9.37, 0.3)).toBe(9.67);
    expect(totalScore(9.1, 0.2)).toBe(9.3);
    expect(totalScore(9.365, 0)).toBe(9.37);
  });

  it('stays at most the cap', () => {
    expect(totalScore(9.8, 0.5)).toBe(10);
    expect(totalScore(9.5, 0.5)).toBe(10);
    expect(totalScore(9.8, 0.5, 12)).toBe(10.3);
  });

  it('is null when the composite is null', () => {
    expect(totalScore(null, 0.5)).toBeNull();
  });

  it('rejects non-finite inputs', () => {
    expect(() => totalScore(Number.NaN, 0)).toThrow(ArgumentError);
    expect(() => totalScore(9, Number.POSITIVE_INFINITY)).toThrow(ArgumentError);
  });
});
