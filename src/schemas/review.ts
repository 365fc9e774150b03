/**
 * The product review (商品评价) input schema.
 *
 * @module
 */
import { z } from 'zod';
import type { Review, Stars } from '../model.js';
import type { InstantInput } from '../time/shanghai.js';
import {
  ALWAYS,
  booleanWithDefault,
  expecting,
  idSchema,
  instantSchema,
  notBefore,
  optionalIdSchema,
  optionalInstantSchema,
  type RecordProblem,
  reportProblems,
  strictObject,
} from './_common.js';
import {
  FAIL,
  fastBoolean,
  fastId,
  fastInstant,
  fastOptionalInstant,
  fastRecord,
  keysOf,
} from './_fast.js';

const STARS = [1, 2, 3, 4, 5] as const satisfies readonly Stars[];

/** A review's impossible order of events: replied before created. */
export function reviewProblems(r: {
  readonly createdAt?: unknown;
  readonly repliedAt?: unknown;
}): RecordProblem[] {
  const out: RecordProblem[] = [];
  notBefore(out, r, 'repliedAt', 'createdAt');
  return out;
}

/**
 * Schema of a product review (商品评价). `stars` is an integer 1–5, `excluded` defaults to
 * `false`, `orderId` is optional (when given, it must name an order of the store: checked by
 * `storeDataSchema`); the merchant's reply cannot precede the review.
 *
 * @example
 * ```ts
 * reviewSchema.parse({ id: 'r1', customerId: 'c1', createdAt: '2026-11-01 09:00:00', stars: 1 }).excluded;
 * //=> false
 * reviewSchema.safeParse({ id: 'r1', customerId: 'c1', createdAt: 1793494800000, stars: 4.5 }).error?.issues[0]?.message;
 * //=> 'expected stars as an integer from 1 to 5, found 4.5'
 * ```
 */
export const reviewSchema = strictObject(
  {
    id: idSchema,
    customerId: idSchema,
    orderId: optionalIdSchema,
    createdAt: instantSchema,
    stars: z.literal(STARS, expecting('stars as an integer from 1 to 5')),
    repliedAt: optionalInstantSchema,
    excluded: booleanWithDefault('excluded', false),
  },
  'a review object',
)
  .superRefine((r, ctx) => {
    reportProblems(reviewProblems(r), ctx.issues, r);
  }, ALWAYS)
  .transform(
    (r): Review => ({
      id: r.id,
      customerId: r.customerId,
      orderId: r.orderId ?? undefined,
      createdAt: r.createdAt,
      stars: r.stars,
      repliedAt: r.repliedAt,
      excluded: r.excluded,
    }),
  );

/**
 * A review as accepted on input.
 *
 * @example
 * ```ts
 * const r: ReviewInput = { id: 'r1', customerId: 'c1', orderId: null, createdAt: new Date(), stars: 5 };
 * reviewSchema.parse(r).orderId;
 * //=> undefined   (null means none)
 * ```
 */
export interface ReviewInput {
  /** The review's id, unique among the reviews. */
  readonly id: string;
  /** The reviewer's id: only each customer's latest 20 reviews in a window count. */
  readonly customerId: string;
  /** The order reviewed (optional); when given it must be in `orders`. */
  readonly orderId?: string | null | undefined;
  /** When it was written (评价时间): an instant: ISO-8601 with an offset or `Z` (`2026-11-01T09:00:00+08:00`), Shanghai local time without an offset (`2026-11-01 09:00:00`, as JD's exports print it), epoch milliseconds, or a `Date`. */
  readonly createdAt: InstantInput;
  /** Stars, an integer 1–5: 4–5 good (好评), 2–3 medium (中评), 1 negative (差评). */
  readonly stars: 1 | 2 | 3 | 4 | 5;
  /** When the merchant replied (回复时间): the 24-hour handling rate reads it. */
  readonly repliedAt?: InstantInput | null | undefined;
  /** Excluded by JD (appeal upheld, fake, refunded return, unreasonable): counts nowhere. Default `false`. */
  readonly excluded?: boolean | null | undefined;
}

const REVIEW_KEYS = keysOf(reviewSchema.in);

/** Fast path of {@link reviewSchema} (see `_fast.ts`): the review, or `undefined` to ask zod. */
export function fastReview(input: unknown): Review | undefined {
  const r = fastRecord(input, REVIEW_KEYS);
  if (r === undefined) return undefined;
  const id = fastId(r.id);
  const customerId = fastId(r.customerId);
  const o = r.orderId;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: fastId(undefined) and fastId(null) are undefined too
  const orderId = o === undefined || o === null ? undefined : fastId(o);
  const createdAt = fastInstant(r.createdAt);
  const stars = r.stars;
  const repliedAt = fastOptionalInstant(r.repliedAt);
  const excluded = fastBoolean(r.excluded, false);
  if (
    id === undefined ||
    customerId === undefined ||
    (orderId === undefined && o !== undefined && o !== null) ||
    createdAt === FAIL ||
    (stars !== 1 && stars !== 2 && stars !== 3 && stars !== 4 && stars !== 5) ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every createdAt, so the check below declines it
    repliedAt === FAIL ||
    excluded === undefined ||
    (repliedAt !== undefined && repliedAt < createdAt)
  ) {
    return undefined;
  }
  return { id, customerId, orderId, createdAt, stars, repliedAt, excluded };
}
