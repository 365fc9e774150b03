/**
 * The industry averages file: 行业均值 read off JD's back-end, one per metric, to score a metric
 * with too little data at and to compare each metric with. Checked like the peers file: every
 * issue at once, each with its path, unknown ids with the name they resemble, every value in
 * its metric's unit and range.
 *
 * @module
 */
import { didYouMean } from '../_suggest.js';
import { type InputIssue, InvalidInputError } from '../errors.js';
import { getMetricDefinition, type MetricId, metricCatalogue } from '../metrics/catalogue.js';
import { expectedFound } from '../schemas/_common.js';
import { UNIT_RULES, valueIssue } from './peers.js';

/**
 * Industry averages (行业均值) by metric id, each in its metric's unit (ratios as fractions 0–1,
 * so 3.2% is `0.032`; seconds and hours ≥ 0; points 0–10).
 */
export type IndustryAverages = Readonly<Partial<Record<MetricId, number>>>;

const METRIC_IDS: readonly string[] = metricCatalogue.map((m) => m.id);

/**
 * Every problem of an industry averages object as {@link InputIssue}s (empty when it is valid):
 * not an object, an unknown metric id (with the id it resembles), a value that is not a number
 * in its metric's unit and range (a ratio of 3.2 is named as the percentage it looks like).
 * `prefix` is put before each path (`industryAverages` inside a values file).
 *
 * @example
 * ```ts
 * industryAveragesIssues({ 'reviews.negative-rate': 3.2, 'reviews.negativ-rate': 0.01 });
 * //=> [{ path: 'reviews.negative-rate', message: 'expected a ratio as a fraction from 0 to 1 (3.2% is 0.032), found 3.2' },
 * //    { path: 'reviews.negativ-rate', message: 'expected a metric id of the catalogue, found unknown "reviews.negativ-rate": did you mean "reviews.negative-rate"?' }]
 * ```
 */
export function industryAveragesIssues(input: unknown, prefix = ''): InputIssue[] {
  const at = (id: string) => (prefix === '' ? id : `${prefix}.${id}`);
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return [
      {
        path: prefix,
        message: expectedFound('industry averages as an object { <metric id>: average }', input),
      },
    ];
  const out: InputIssue[] = [];
  for (const [id, v] of Object.entries(input)) {
    const def = getMetricDefinition(id);
    if (def === undefined) {
      out.push({
        path: at(id),
        message: `expected a metric id of the catalogue, found unknown ${JSON.stringify(id)}${didYouMean(id, METRIC_IDS)}`,
      });
      continue;
    }
    const m = valueIssue(v, UNIT_RULES[def.unit]);
    if (m !== undefined) out.push({ path: at(id), message: m });
  }
  return out;
}

/**
 * Validates an industry averages object (a parsed `--averages` file, or the `industryAverages`
 * option); throws {@link InvalidInputError} listing every issue at once (see
 * {@link industryAveragesIssues}). Returns the same object, typed.
 *
 * @example
 * ```ts
 * parseIndustryAverages({ 'consultation.response-rate-30s': 0.85 })['consultation.response-rate-30s'];
 * //=> 0.85
 * parseIndustryAverages({ 'after-sales.duration': -1 }); // throws InvalidInputError:
 * //   after-sales.duration: expected a duration in hours, at least 0, found -1
 * ```
 */
export function parseIndustryAverages(input: unknown): IndustryAverages {
  const issues = industryAveragesIssues(input);
  if (issues.length > 0) throw new InvalidInputError(issues, 'industry averages');
  return input as IndustryAverages;
}
