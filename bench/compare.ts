/**
 * Compares the baseline's tallies with a library scorecard: numerator and denominator of every
 * metric, scaled back to tally units (counts, ms, fen, points), must be equal.
 *
 * @module
 */

import type { Scorecard } from '../src/evaluate/evaluate.js';
import { metricCatalogue } from '../src/metrics/catalogue.js';
import { BASELINE_METRIC_IDS, type BaselineResult } from './baseline.js';

/** Equal, or within 1e-12 relative (the scaled-back Decimal of a sum of ms can end in …9999). */
function same(x: number, y: number): boolean {
  return x === y || Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x), Math.abs(y));
}

/**
 * The differences between the baseline and the library, one line each; empty when they agree.
 *
 * @example
 * ```ts
 * compareWithLibrary(baselineMetrics(data, '2026-11-23'), evaluateStore(data, { asOf: '2026-11-23' }));
 * //=> []
 * ```
 */
export function compareWithLibrary(base: BaselineResult, card: Scorecard): string[] {
  const out: string[] = [];
  if ((metricCatalogue.length as number) !== BASELINE_METRIC_IDS.length) {
    out.push(
      `catalogue has ${metricCatalogue.length} metrics, the baseline ${BASELINE_METRIC_IDS.length}`,
    );
  }
  for (const def of metricCatalogue) {
    const b = base[def.id];
    const r = card.metrics[def.id];
    if (b === undefined || r === undefined) {
      out.push(`${def.id}: missing from ${b === undefined ? 'the baseline' : 'the scorecard'}`);
      continue;
    }
    const num = r.numerator.times(def.numeratorScale).toNumber();
    const den = r.denominator.times(def.denominatorScale).toNumber();
    if (!same(num, b.num) || !same(den, b.den)) {
      out.push(`${def.id}: library ${num} / ${den}, baseline ${b.num} / ${b.den}`);
    }
  }
  return out;
}
