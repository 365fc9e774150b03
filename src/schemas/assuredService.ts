/**
 * The 放心购 assured-purchase service input schema.
 *
 * @module
 */
import type { z } from 'zod';
import type { AssuredService, AssuredServiceId } from '../model.js';
import type { InstantInput } from '../time/shanghai.js';
import {
  ALWAYS,
  enumOf,
  instantSchema,
  notBefore,
  optionalInstantSchema,
  type RecordProblem,
  reportProblems,
  strictObject,
} from './_common.js';
import { FAIL, fastInstant, fastOptionalInstant, fastRecord, keysOf } from './_fast.js';

/**
 * The ids of the 放心购 services (`docs/sources.md`), in the order the domain lists them.
 *
 * @example
 * ```ts
 * ASSURED_SERVICE_IDS.length;
 * //=> 9
 * ASSURED_SERVICE_IDS.includes('freight-insurance');
 * //=> true
 * ```
 */
export const ASSURED_SERVICE_IDS = [
  'freight-insurance',
  'lightning-refund',
  'damage-compensation',
  'late-delivery-compensation',
  'return-or-exchange-180d',
  'product-liability-insurance',
  'no-reason-return-7d',
  'door-pickup',
  'price-protection',
] as const satisfies readonly AssuredServiceId[];

const SERVICE_SET: ReadonlySet<string> = new Set(ASSURED_SERVICE_IDS);

/** An assured service's impossible order of events: disabled before enabled. */
export function assuredServiceProblems(a: {
  readonly enabledAt?: unknown;
  readonly disabledAt?: unknown;
}): RecordProblem[] {
  const out: RecordProblem[] = [];
  notBefore(out, a, 'disabledAt', 'enabledAt');
  return out;
}

/**
 * Schema of an 放心购 service the store opened: its id (one of {@link ASSURED_SERVICE_IDS};
 * an unknown id is an error that lists them), when it was enabled and, optionally, disabled.
 *
 * @example
 * ```ts
 * assuredServiceSchema.parse({ service: 'freight-insurance', enabledAt: '2026-01-01 00:00:00' });
 * //=> { service: 'freight-insurance', enabledAt: 1767196800000, disabledAt: undefined }
 * assuredServiceSchema.safeParse({ service: 'free-lunch', enabledAt: 1767196800000 }).success;
 * //=> false   (the message lists the 9 allowed ids)
 * ```
 */
export const assuredServiceSchema = strictObject(
  {
    service: enumOf(ASSURED_SERVICE_IDS, 'an assured service id'),
    enabledAt: instantSchema,
    disabledAt: optionalInstantSchema,
  },
  'an assured service object',
)
  .superRefine((a, ctx) => {
    reportProblems(assuredServiceProblems(a), ctx.issues, a);
  }, ALWAYS)
  .transform(
    (a): AssuredService => ({
      service: a.service,
      enabledAt: a.enabledAt,
      disabledAt: a.disabledAt,
    }),
  );

/**
 * An assured service as accepted on input.
 *
 * @example
 * ```ts
 * const a: AssuredServiceInput = { service: 'lightning-refund', enabledAt: 1767196800000, disabledAt: null };
 * assuredServiceSchema.parse(a).disabledAt;
 * //=> undefined
 * ```
 */
export interface AssuredServiceInput {
  /** The 放心购 service's id (see {@link ASSURED_SERVICE_IDS}). */
  readonly service: AssuredServiceId;
  /** When the store opened it: an instant: ISO-8601 with an offset or `Z` (`2026-11-01T09:00:00+08:00`), Shanghai local time without an offset (`2026-11-01 09:00:00`, as JD's exports print it), epoch milliseconds, or a `Date`. */
  readonly enabledAt: InstantInput;
  /** When the store closed it, if it did. */
  readonly disabledAt?: InstantInput | null | undefined;
}

const ASSURED_SERVICE_KEYS = keysOf(assuredServiceSchema.in);

/** Fast path of {@link assuredServiceSchema} (see `_fast.ts`): the service, or `undefined`. */
export function fastAssuredService(input: unknown): AssuredService | undefined {
  const r = fastRecord(input, ASSURED_SERVICE_KEYS);
  if (r === undefined) return undefined;
  const service = r.service;
  const enabledAt = fastInstant(r.enabledAt);
  const disabledAt = fastOptionalInstant(r.disabledAt);
  if (
    typeof service !== 'string' ||
    !SERVICE_SET.has(service) ||
    enabledAt === FAIL ||
    disabledAt === FAIL ||
    (disabledAt !== undefined && disabledAt < enabledAt)
  ) {
    return undefined;
  }
  return { service: service as AssuredServiceId, enabledAt, disabledAt };
}
