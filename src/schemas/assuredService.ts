/**
 * The 放心购 assured-purchase service input schema.
 *
 * @module
 */
import { expectObjectArgument } from '../errors.js';
import type { Name } from '../ids.js';
import type { AssuredService, BuiltInAssuredServiceId } from '../model.js';
import type { InstantInput } from '../time/shanghai.js';
import {
  ALWAYS,
  idSchema,
  instantSchema,
  notBefore,
  optionalInstantSchema,
  type RecordProblem,
  reportProblems,
  strictObject,
} from './_common.js';
import { FAIL, fastId, fastInstant, fastOptionalInstant, fastRecord, keysOf } from './_fast.js';

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
] as const satisfies readonly BuiltInAssuredServiceId[];

const BUILT_IN: ReadonlySet<string> = new Set(ASSURED_SERVICE_IDS);

/**
 * The Chinese and English names of the built-in 放心购 services, as JD's merchant back-end
 * and the public sources name them (`docs/sources.md`).
 *
 * @example
 * ```ts
 * ASSURED_SERVICE_NAMES['freight-insurance'];
 * //=> { zh: '运费险', en: 'freight insurance' }
 * ```
 */
export const ASSURED_SERVICE_NAMES: Readonly<Record<BuiltInAssuredServiceId, Name>> = Object.freeze(
  {
    'freight-insurance': { zh: '运费险', en: 'freight insurance' },
    'lightning-refund': { zh: '闪电退款', en: 'lightning refund' },
    'damage-compensation': { zh: '破损包赔', en: 'damage compensation' },
    'late-delivery-compensation': { zh: '晚必赔', en: 'late-delivery compensation' },
    'return-or-exchange-180d': { zh: '180天可退可换', en: '180-day return or exchange' },
    'product-liability-insurance': { zh: '产品责任险', en: 'product liability insurance' },
    'no-reason-return-7d': { zh: '7天无理由退货', en: '7-day no-reason return' },
    'door-pickup': { zh: '上门取件', en: 'door pickup' },
    'price-protection': { zh: '价保', en: 'price protection' },
  },
);

/**
 * Whether an id is one of the built-in {@link ASSURED_SERVICE_IDS}.
 *
 * @example
 * ```ts
 * isBuiltInServiceId('freight-insurance');
 * //=> true
 * isBuiltInServiceId('green-packaging');
 * //=> false
 * ```
 */
export function isBuiltInServiceId(id: string): boolean {
  return BUILT_IN.has(id);
}

/**
 * Every 放心购 service id a rule set's bonus knows: the built-in {@link ASSURED_SERVICE_IDS},
 * then the ids it adds in `servicePoints`.
 *
 * @example
 * ```ts
 * knownServiceIds().length;
 * //=> 9
 * knownServiceIds({ servicePoints: { 'green-packaging': {} } }).at(-1);
 * //=> 'green-packaging'
 * ```
 */
export function knownServiceIds(
  bonus: { readonly servicePoints: Readonly<Record<string, unknown>> } = { servicePoints: {} },
): string[] {
  expectObjectArgument('knownServiceIds', 'the bonus rules', bonus);
  expectObjectArgument('knownServiceIds', 'their servicePoints', bonus.servicePoints);
  const out: string[] = [...ASSURED_SERVICE_IDS];
  for (const id of Object.keys(bonus.servicePoints)) if (!BUILT_IN.has(id)) out.push(id);
  return out;
}

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
 * Schema of an 放心购 service the store opened: its id, when it was enabled and, optionally,
 * disabled. The list of services is open: whether the id is one the rule set knows (the
 * built-in {@link ASSURED_SERVICE_IDS} and any it adds in `bonus.servicePoints`) is checked by
 * `parseStoreData`, which names every unknown one.
 *
 * @example
 * ```ts
 * assuredServiceSchema.parse({ service: 'freight-insurance', enabledAt: '2026-01-01 00:00:00' });
 * //=> { service: 'freight-insurance', enabledAt: 1767196800000, disabledAt: undefined }
 * assuredServiceSchema.safeParse({ service: '', enabledAt: 1767196800000 }).success;
 * //=> false
 * ```
 */
export const assuredServiceSchema = strictObject(
  {
    service: idSchema,
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
  /**
   * The 放心购 service's id: one of {@link ASSURED_SERVICE_IDS}, or an id the rule set adds in
   * `bonus.servicePoints`.
   */
  readonly service: string;
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
    fastId(service) === undefined ||
    enabledAt === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every enabledAt, so the check below declines it
    disabledAt === FAIL ||
    (disabledAt !== undefined && disabledAt < enabledAt)
  ) {
    return undefined;
  }
  return { service: service as string, enabledAt, disabledAt };
}
