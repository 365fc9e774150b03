import { describe, expect, it } from 'vitest';
import { metricCatalogue } from '../../src/metrics/catalogue.js';
import * as measurement from '../../src/rules/measurement.js';
import * as scoringDefaults from '../../src/rules/scoringDefaults.js';
import { defaultRuleSet } from '../../src/ruleset/ruleSet.js';

/** Every object reachable from `value`, with its path. */
function objects(value: unknown, path: string, out: [string, object][] = []): [string, object][] {
  if (typeof value !== 'object' || value === null) return out;
  out.push([path, value]);
  for (const [k, v] of Object.entries(value)) objects(v, `${path}.${k}`, out);
  return out;
}

describe('defaults are deeply frozen', () => {
  it('every object of the default rule set is frozen', () => {
    const all = objects(defaultRuleSet, 'defaultRuleSet');
    expect(all.length).toBeGreaterThan(200);
    const thawed = all.filter(([, o]) => !Object.isFrozen(o)).map(([p]) => p);
    expect(thawed).toEqual([]);
  });

  it('every DEFAULT_* constant of the rules and every metric definition is frozen all the way down', () => {
    const defaults = [
      ...Object.entries({ ...measurement, ...scoringDefaults }).filter(([name]) =>
        name.startsWith('DEFAULT_'),
      ),
      ...metricCatalogue.map((d) => [d.id, d] as const),
    ];
    expect(defaults.length).toBeGreaterThanOrEqual(30);
    for (const [name, value] of defaults) {
      const thawed = objects(value, name).filter(([, o]) => !Object.isFrozen(o));
      expect(thawed.map(([p]) => p)).toEqual([]);
    }
  });

  it('an assignment cannot change the defaults for the whole process', () => {
    const before = defaultRuleSet.chat.responseThresholdSeconds.value;
    expect(() => {
      (measurement.DEFAULT_CHAT_RULES.responseThresholdSeconds as { value: number }).value = 60;
    }).toThrow(TypeError);
    expect(() => {
      (
        defaultRuleSet.windows['disputes.dispute-rate'].value as { fromDaysBack: number }
      ).fromDaysBack = 1;
    }).toThrow(TypeError);
    expect(defaultRuleSet.chat.responseThresholdSeconds.value).toBe(before);
  });
});
