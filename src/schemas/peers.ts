/**
 * The peers file: values of stores of the same category, to score and rank against.
 *
 * @module
 */
import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import { isMetricId } from '../metrics/catalogue.js';
import { MODULE_IDS } from '../metrics/types.js';
import type { PeerData } from '../scorecard/scoring.js';

const values = z.array(z.number().finite());

/**
 * zod schema of {@link PeerData}: `{ category?, composites?, modules?, metrics? }`, lists of finite numbers.
 *
 * @example
 * ```ts
 * peerDataSchema.safeParse({ composites: [9.1, 8.7] }).success;
 * //=> true
 * ```
 */
export const peerDataSchema = z.object({
  category: z.string().optional(),
  composites: values.optional(),
  modules: z.record(z.string(), values).optional(),
  metrics: z.record(z.string(), values).optional(),
});

/**
 * Validates a peers object; throws {@link InvalidInputError} naming every bad field, an unknown
 * module or metric id included.
 *
 * @example
 * ```ts
 * parsePeerData({ metrics: { 'reviews.negative-rate': [0.01, 0.02] } }).metrics?.['reviews.negative-rate'];
 * //=> [0.01, 0.02]
 * parsePeerData({ modules: { shipping: [9] } }); // throws InvalidInputError: modules.shipping
 * ```
 */
export function parsePeerData(input: unknown): PeerData {
  const r = peerDataSchema.safeParse(input);
  const issues = r.success
    ? []
    : r.error.issues.map((i) => ({
        path: i.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, ''),
        message: `expected ${i.code === 'invalid_type' ? i.expected : 'a valid value'}: ${i.message}`,
      }));
  if (r.success) {
    for (const id of Object.keys(r.data.modules ?? {})) {
      if (!(MODULE_IDS as readonly string[]).includes(id))
        issues.push({
          path: `modules.${id}`,
          message: `expected a module id (${MODULE_IDS.join(', ')}), found ${JSON.stringify(id)}`,
        });
    }
    for (const id of Object.keys(r.data.metrics ?? {})) {
      if (!isMetricId(id))
        issues.push({
          path: `metrics.${id}`,
          message: `expected a metric id of the catalogue, found ${JSON.stringify(id)}`,
        });
    }
  }
  if (issues.length > 0 || !r.success) throw new InvalidInputError(issues, 'peer data');
  return r.data as PeerData;
}
