/**
 * The after-sales service order (售后服务单) input schema.
 *
 * @module
 */
import type { Rating, ServiceOrder, ServiceReason, ServiceType } from '../model.js';
import type { InstantInput } from '../time/shanghai.js';
import {
  ALWAYS,
  enumOf,
  idSchema,
  instantSchema,
  notBefore,
  optionalInstantSchema,
  optionalRatingSchema,
  present,
  RATINGS,
  type RecordProblem,
  ratingProblems,
  reportProblems,
  strictObject,
} from './_common.js';
import {
  FAIL,
  fastId,
  fastInstant,
  fastOptionalEnum,
  fastOptionalInstant,
  fastRecord,
  keysOf,
} from './_fast.js';

const TYPES = ['return', 'exchange', 'repair'] as const satisfies readonly ServiceType[];
const REASONS = [
  'quality',
  'fake-or-used',
  'dead-on-arrival',
  'missing-parts',
  'soft-failure',
  'appearance',
  'no-reason',
  'other',
] as const satisfies readonly ServiceReason[];

const TYPE_SET: ReadonlySet<string> = new Set(TYPES);
const REASON_SET: ReadonlySet<string> = new Set(REASONS);
const RATING_SET: ReadonlySet<string> = new Set(RATINGS);

/**
 * A service order's impossible states: approved, rejected, completed or rated before applied;
 * both approved and rejected; a `ratedAt` without its rating. A rating without `ratedAt` is
 * not a problem (see {@link serviceOrderSchema}).
 */
export function serviceOrderProblems(
  s: {
    readonly appliedAt?: unknown;
    readonly approvedAt?: unknown;
    readonly rejectedAt?: unknown;
    readonly completedAt?: unknown;
    readonly rating?: unknown;
    readonly ratedAt?: unknown;
  },
  out: RecordProblem[] = [],
): RecordProblem[] {
  notBefore(out, s, 'approvedAt', 'appliedAt');
  notBefore(out, s, 'rejectedAt', 'appliedAt');
  notBefore(out, s, 'completedAt', 'appliedAt');
  notBefore(out, s, 'ratedAt', 'appliedAt');
  if (present(s.approvedAt) && present(s.rejectedAt)) {
    out.push({
      field: 'rejectedAt',
      message: 'expected either approvedAt or rejectedAt, found both',
    });
  }
  out.push(...ratingProblems(s));
  return out;
}

/**
 * Schema of an after-sales service order (售后服务单): type, reason, applied / approved /
 * rejected / completed instants and an optional rating with its `ratedAt`.
 *
 * A rating exported without `ratedAt` is accepted and left undated here: as of each evaluation
 * day it is dated at `completedAt`, else `approvedAt`, else `appliedAt`, taking only those that
 * have happened by then (`assumption`, so that nothing stamped after the as-of instant changes
 * a result).
 *
 * @example
 * ```ts
 * serviceOrderSchema.parse({ id: 'so1', orderId: 'o1', type: 'return', reason: 'quality',
 *   appliedAt: '2026-11-02 10:00:00', approvedAt: '2026-11-02 12:00:00' }).approvedAt;
 * //=> 1793592000000
 * serviceOrderSchema.safeParse({ id: 'so1', orderId: 'o1', type: 'refund', reason: 'quality',
 *   appliedAt: 1793494800000 }).error?.issues[0]?.message;
 * //=> 'expected a service type: one of "return", "exchange", "repair", found "refund"'
 * ```
 */
export const serviceOrderSchema = strictObject(
  {
    id: idSchema,
    orderId: idSchema,
    type: enumOf(TYPES, 'a service type'),
    reason: enumOf(REASONS, 'a service reason'),
    appliedAt: instantSchema,
    approvedAt: optionalInstantSchema,
    rejectedAt: optionalInstantSchema,
    completedAt: optionalInstantSchema,
    rating: optionalRatingSchema,
    ratedAt: optionalInstantSchema,
  },
  'a service order object',
)
  .superRefine((s, ctx) => {
    reportProblems(serviceOrderProblems(s), ctx.issues, s);
  }, ALWAYS)
  .transform(
    (s): ServiceOrder => ({
      id: s.id,
      orderId: s.orderId,
      type: s.type,
      reason: s.reason,
      appliedAt: s.appliedAt,
      approvedAt: s.approvedAt,
      rejectedAt: s.rejectedAt,
      completedAt: s.completedAt,
      rating: s.rating ?? undefined,
      ratedAt: s.ratedAt,
    }),
  );

/**
 * A service order as accepted on input.
 *
 * @example
 * ```ts
 * const s: ServiceOrderInput = { id: 'so1', orderId: 'o1', type: 'repair', reason: 'other',
 *   appliedAt: '2026-11-02T02:00:00Z', rating: null, ratedAt: null };
 * serviceOrderSchema.parse(s).rating;
 * //=> undefined
 * ```
 */
export interface ServiceOrderInput {
  /** The service order's id (服务单号), unique among the service orders. */
  readonly id: string;
  /** The order it is about; must be in `orders`. */
  readonly orderId: string;
  /** `'return'` (退货), `'exchange'` (换货) or `'repair'` (维修). */
  readonly type: ServiceType;
  /**
   * The reason: `'quality'` 产品质量, `'fake-or-used'` 假旧货, `'dead-on-arrival'` 开箱残,
   * `'missing-parts'` 缺少配件, `'soft-failure'` 软性故障, `'appearance'` 外观原因 (the six quality
   * reasons), `'no-reason'` 无理由 or `'other'`.
   */
  readonly reason: ServiceReason;
  /** When the customer applied (申请时间): an instant: ISO-8601 with an offset or `Z` (`2026-11-01T09:00:00+08:00`), Shanghai local time without an offset (`2026-11-01 09:00:00`, as JD's exports print it), epoch milliseconds, or a `Date`. */
  readonly appliedAt: InstantInput;
  /** When it was approved (审核通过): the repair and return rates count it on this day. */
  readonly approvedAt?: InstantInput | null | undefined;
  /** When it was rejected (审核驳回); not with `approvedAt`. */
  readonly rejectedAt?: InstantInput | null | undefined;
  /** When it was completed (完成时间): the after-sales duration is completed − applied. */
  readonly completedAt?: InstantInput | null | undefined;
  /** The customer's rating of the service: `'very-satisfied'` 非常满意 … `'very-dissatisfied'` 非常不满意. */
  readonly rating?: Rating | null | undefined;
  /** When the rating was given. */
  readonly ratedAt?: InstantInput | null | undefined;
}

const SCRATCH: RecordProblem[] = [];

const SERVICE_ORDER_KEYS = keysOf(serviceOrderSchema.in);

/** Fast path of {@link serviceOrderSchema} (see `_fast.ts`): the service order, or `undefined`. */
export function fastServiceOrder(input: unknown): ServiceOrder | undefined {
  const r = fastRecord(input, SERVICE_ORDER_KEYS);
  if (r === undefined) return undefined;
  const id = fastId(r.id);
  const orderId = fastId(r.orderId);
  const type = r.type;
  const reason = r.reason;
  const appliedAt = fastInstant(r.appliedAt);
  const approvedAt = fastOptionalInstant(r.approvedAt);
  const rejectedAt = fastOptionalInstant(r.rejectedAt);
  const completedAt = fastOptionalInstant(r.completedAt);
  const rating = fastOptionalEnum<Rating>(r.rating, RATING_SET);
  const ratedAt = fastOptionalInstant(r.ratedAt);
  if (
    id === undefined ||
    orderId === undefined ||
    // Stryker disable next-line ConditionalExpression: TYPE_SET.has is false for every non-string
    typeof type !== 'string' ||
    !TYPE_SET.has(type) ||
    // Stryker disable next-line ConditionalExpression: REASON_SET.has is false for every non-string
    typeof reason !== 'string' ||
    !REASON_SET.has(reason) ||
    appliedAt === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every appliedAt: serviceOrderProblems declines it
    approvedAt === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every appliedAt: serviceOrderProblems declines it
    rejectedAt === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every appliedAt: serviceOrderProblems declines it
    completedAt === FAIL ||
    rating === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every appliedAt: serviceOrderProblems declines it
    ratedAt === FAIL
  ) {
    return undefined;
  }
  const s: ServiceOrder = {
    id,
    orderId,
    type: type as ServiceType,
    reason: reason as ServiceReason,
    appliedAt,
    approvedAt,
    rejectedAt,
    completedAt,
    rating,
    ratedAt,
  };
  SCRATCH.length = 0;
  return serviceOrderProblems(s, SCRATCH).length === 0 ? s : undefined;
}
