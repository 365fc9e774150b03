/**
 * Cards travel: a scorecard read back from JSON (`score --json`, `JSON.stringify`) is accepted by
 * whatIf and pathToTarget, or refused with an InvalidInputError naming the field; never a
 * TypeError, a DecimalError or NaN, whatever was edited.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { InvalidInputError, WeatherVaneError } from '../../src/errors.js';
import { evaluateStore, type Scorecard } from '../../src/evaluate/evaluate.js';
import { defineRuleSet } from '../../src/ruleset/defineRuleSet.js';
import { parseStoreData } from '../../src/schemas/parse.js';
import { parsePeerData } from '../../src/scorecard/peers.js';
import { parseScorecard, scorecardSchema } from '../../src/values/parseScorecard.js';
import { pathToTarget } from '../../src/values/pathToTarget.js';
import { scoreValues } from '../../src/values/scoreValues.js';
import { whatIf } from '../../src/values/whatIf.js';

const data = parseStoreData(JSON.parse(readFileSync('examples/sample-store.json', 'utf8')));
const peers = parsePeerData(JSON.parse(readFileSync('examples/sample-peers.json', 'utf8')));
const card = evaluateStore(data, { asOf: '2026-11-23', peers, goodShop: { certified: true } });
const json = (): Record<string, unknown> => JSON.parse(JSON.stringify(card));
const RATE = 'consultation.response-rate-30s';

/** The issues of an InvalidInputError thrown by `f` (fails the test on anything else). */
function issuesOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    return (e as InvalidInputError).issues;
  }
  throw new Error('expected an InvalidInputError, found none');
}

describe('a card read back from JSON', () => {
  it('is accepted by whatIf and pathToTarget as the card itself (once a TypeError)', () => {
    const back = json() as unknown as Scorecard;
    const change = { metrics: { [RATE]: 0.95 } };
    expect(whatIf(back, change, { peers, goodShop: { certified: true } }).difference).toEqual(
      whatIf(card, change, { peers, goodShop: { certified: true } }).difference,
    );
    expect(pathToTarget(back, { total: 9 }, { peers, goodShop: { certified: true } }).plan).toEqual(
      pathToTarget(card, { total: 9 }, { peers, goodShop: { certified: true } }).plan,
    );
  });

  it('parseScorecard makes its decimals exact again, from strings or numbers', () => {
    const back = parseScorecard(json());
    expect(back.metrics[RATE].value?.equals(card.metrics[RATE].value ?? 0)).toBe(true);
    expect(back.metrics[RATE].numerator.toString()).toBe(card.metrics[RATE].numerator.toString());
    const asNumbers = json() as { metrics: Record<string, Record<string, unknown>> };
    const m = asNumbers.metrics[RATE] as Record<string, unknown>;
    m.value = 0.8423645320197044;
    m.numerator = 171;
    m.denominator = 203;
    expect(parseScorecard(asNumbers).metrics[RATE].denominator.toNumber()).toBe(203);
    expect(scorecardSchema.safeParse(json()).success).toBe(true);
  });

  it('the score --json output, from values too', async () => {
    let out = '';
    const io = {
      stdout: (s: string) => {
        out += s;
      },
      stderr: () => {},
    };
    await runCli(['score', 'examples/sample-store.json', '--as-of', '2026-11-23', '--json'], io);
    const back = parseScorecard(JSON.parse(out));
    expect(whatIf(back, {}).difference.total).toBe(0);
    const values = scoreValues({ asOf: '2026-11-23', metrics: { [RATE]: 0.8 } });
    const v = parseScorecard(JSON.parse(JSON.stringify(values)));
    expect(v.metrics[RATE].valueOnly).toBe(true);
    expect(whatIf(v, { metrics: { [RATE]: 0.9 } }).after.metrics[RATE].status).toBe('ok');
  });
});

describe('a hand-edited card is named, field by field', () => {
  const edited = (edit: (c: Record<string, unknown>) => void) => {
    const c = json();
    edit(c);
    return c;
  };
  const metrics = (c: Record<string, unknown>) =>
    c.metrics as Record<string, Record<string, unknown>>;

  it('a metric removed', () => {
    const c = edited((c) => {
      delete metrics(c)['reviews.negative-rate'];
    });
    expect(issuesOf(() => parseScorecard(c))).toEqual([
      {
        path: 'metrics.reviews.negative-rate',
        message: 'expected the result of reviews.negative-rate, found nothing',
      },
    ]);
    expect(() => whatIf(c as unknown as Scorecard, {}, { peers })).toThrow(InvalidInputError);
  });

  it('a score as a string, a NaN total, a value that is not a decimal (once a DecimalError)', () => {
    const c = edited((c) => {
      (metrics(c)[RATE] as Record<string, unknown>).score = '2.75';
      c.total = Number.NaN;
      (metrics(c)['reviews.negative-rate'] as Record<string, unknown>).value = 'abc';
      c.composite = 'NaN';
    });
    expect(
      issuesOf(() => whatIf(c as unknown as Scorecard, {}, { peers })).map((i) => i.path),
    ).toEqual([
      `metrics.${RATE}.score`,
      'metrics.reviews.negative-rate.value',
      'composite',
      'total',
    ]);
  });

  it('an unknown key, a __proto__ key, a status that contradicts the value', () => {
    const c = JSON.parse(
      JSON.stringify(json()).replace('"asOf":', '"__proto__":{"x":1},"totl":1,"asOf":'),
    );
    (c.metrics[RATE] as Record<string, unknown>).status = 'no-data';
    expect(issuesOf(() => parseScorecard(c)).map((i) => i.path)).toEqual([
      '__proto__',
      'totl',
      `metrics.${RATE}.value`,
    ]);
  });

  it('a card scored under another rule set', () => {
    const other = defineRuleSet({ moduleWeights: { logistics: 30 } });
    expect(issuesOf(() => parseScorecard(json(), { ruleSet: other }))).toEqual([
      {
        path: 'scoredWith.ruleSet',
        message: expect.stringMatching(
          /expected a card scored with the rule set "jd-default\+custom-/,
        ),
      },
    ]);
    expect(parseScorecard(json(), {}).asOf).toBe('2026-11-23');
  });

  it('not a card at all', () => {
    for (const x of [null, 'card', 5, [], {}])
      expect(() => whatIf(x as unknown as Scorecard, {})).toThrow(InvalidInputError);
  });
});

describe('law: whatever is edited, only the library errors, and never NaN', () => {
  /** Every path to a leaf of a JSON value. */
  function leaves(v: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (typeof v !== 'object' || v === null) return [path];
    const out: (string | number)[][] = [path];
    for (const [k, x] of Object.entries(v))
      out.push(...leaves(x, [...path, Array.isArray(v) ? Number(k) : k]));
    return out;
  }
  const paths = leaves(json()).filter((p) => p.length > 0);
  const junk = fc.oneof(
    fc.constantFrom(
      undefined,
      null,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -1,
      11,
      '',
      'abc',
      '1e400',
      [],
      {},
      true,
    ),
    fc.anything(),
  );

  it('one field replaced or removed: whatIf and pathToTarget accept it or name it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...paths), junk, fc.boolean(), (path, value, remove) => {
        const c = json();
        let o = c as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
        const last = path[path.length - 1] as string | number;
        if (remove) delete o[last];
        else o[last] = value;
        for (const f of [
          () =>
            whatIf(
              c as unknown as Scorecard,
              { metrics: { [RATE]: 0.9 } },
              { peers, goodShop: { certified: true } },
            ),
          () =>
            pathToTarget(
              c as unknown as Scorecard,
              { total: 8 },
              { peers, goodShop: { certified: true } },
            ),
        ]) {
          try {
            const r = f();
            expect(JSON.stringify(r)).not.toMatch(/NaN|null,null/);
          } catch (e) {
            expect(e).toBeInstanceOf(WeatherVaneError);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('anything at all: parseScorecard throws only InvalidInputError', () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        try {
          parseScorecard(x);
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidInputError);
        }
      }),
    );
  });
});
