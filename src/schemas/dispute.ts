/**
 * The transaction dispute (交易纠纷) input schema.
 *
 * @module
 */
import type { Dispute, DisputeRuling } from '../model.js';
import type { InstantInput } from '../time/shanghai.js';
import {
  ALWAYS,
  idSchema,
  instantSchema,
  notBefore,
  optionalEnumOf,
  optionalInstantSchema,
  present,
  type RecordProblem,
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

const RULINGS = [
  'merchant',
  'shared',
  'customer',
  'platform',
] as const satisfies readonly DisputeRuling[];
const RULING_SET: ReadonlySet<string> = new Set(RULINGS);

/**
 * A dispute's impossible states: ruled before opened; a `ruledAt` without a ruling; an appeal
 * upheld before the dispute was opened or before its ruling. A ruling without `ruledAt` and an
 * upheld appeal without a ruling are not problems (see {@link disputeSchema}).
 */
export function disputeProblems(
  d: {
    readonly openedAt?: unknown;
    readonly ruling?: unknown;
    readonly ruledAt?: unknown;
    readonly appealUpheldAt?: unknown;
  },
  out: RecordProblem[] = [],
): RecordProblem[] {
  notBefore(out, d, 'ruledAt', 'openedAt');
  if (present(d.ruledAt) && !present(d.ruling))
    out.push({ field: 'ruling', message: 'expected a ruling with ruledAt, found nothing' });
  notBefore(out, d, 'appealUpheldAt', 'openedAt');
  notBefore(out, d, 'appealUpheldAt', 'ruledAt');
  return out;
}

/**
 * Schema of a transaction dispute (交易纠纷): opened, optionally ruled, and optionally reversed
 * on appeal (`appealUpheldAt`, after the ruling).
 *
 * Real exports leave out some decision instants; they are accepted and dated, never rejected
 * (`assumption`, so that every result stays replayable): a ruling without `ruledAt` is dated at
 * `openedAt` (and marked `ruledAtInferred: true`); an upheld appeal without a ruling (the
 * ruling cleared once the appeal was upheld) removes nothing. A `ruledAt` without a ruling is
 * still an error: nothing says what was ruled.
 *
 * @example
 * ```ts
 * disputeSchema.parse({ id: 'd1', orderId: 'o1', openedAt: '2026-11-03 10:00:00' }).ruling;
 * //=> undefined
 * disputeSchema.parse({ id: 'd1', orderId: 'o1', openedAt: 1793584800000, ruling: 'merchant' })
 *   .ruledAt;
 * //=> 1793584800000   (dated at openedAt; ruledAtInferred: true)
 * ```
 */
export const disputeSchema = strictObject(
  {
    id: idSchema,
    orderId: idSchema,
    openedAt: instantSchema,
    ruling: optionalEnumOf(RULINGS, 'a ruling'),
    ruledAt: optionalInstantSchema,
    appealUpheldAt: optionalInstantSchema,
  },
  'a dispute object',
)
  .superRefine((d, ctx) => {
    reportProblems(disputeProblems(d), ctx.issues, d);
  }, ALWAYS)
  .transform(
    (d): Dispute =>
      withInferredRuledAt(
        d.id,
        d.orderId,
        d.openedAt,
        d.ruling ?? undefined,
        d.ruledAt,
        d.appealUpheldAt,
      ),
  );

/** The parsed dispute, its missing `ruledAt` dated at `openedAt` when it has a ruling. */
function withInferredRuledAt(
  id: string,
  orderId: string,
  openedAt: number,
  ruling: DisputeRuling | undefined,
  ruledAt: number | undefined,
  appealUpheldAt: number | undefined,
): Dispute {
  const d: Dispute = { id, orderId, openedAt, ruling, ruledAt, appealUpheldAt };
  if (ruling === undefined || ruledAt !== undefined) return d;
  return { ...d, ruledAt: openedAt, ruledAtInferred: true };
}

/**
 * A dispute as accepted on input.
 *
 * @example
 * ```ts
 * const d: DisputeInput = { id: 'd1', orderId: 'o1', openedAt: '2026-11-03 10:00:00',
 *   ruling: 'shared', ruledAt: '2026-11-05 10:00:00' };
 * disputeSchema.parse(d).ruling;
 * //=> 'shared'
 * ```
 */
export interface DisputeInput {
  /** The dispute's id, unique among the disputes. */
  readonly id: string;
  /** The order disputed; must be in `orders`. */
  readonly orderId: string;
  /** When it was opened (发起时间): an instant: ISO-8601 with an offset or `Z` (`2026-11-01T09:00:00+08:00`), Shanghai local time without an offset (`2026-11-01 09:00:00`, as JD's exports print it), epoch milliseconds, or a `Date`. */
  readonly openedAt: InstantInput;
  /** Who JD held responsible: `'merchant'` 商家责任, `'shared'` 双方责任, `'customer'` or `'platform'`. */
  readonly ruling?: DisputeRuling | null | undefined;
  /** When JD ruled (判责时间). */
  readonly ruledAt?: InstantInput | null | undefined;
  /** When the merchant's appeal was upheld (申诉成功): the dispute then counts no more. */
  readonly appealUpheldAt?: InstantInput | null | undefined;
}

const SCRATCH: RecordProblem[] = [];

const DISPUTE_KEYS = keysOf(disputeSchema.in);

/** Fast path of {@link disputeSchema} (see `_fast.ts`): the dispute, or `undefined` to ask zod. */
export function fastDispute(input: unknown): Dispute | undefined {
  const r = fastRecord(input, DISPUTE_KEYS);
  if (r === undefined) return undefined;
  const id = fastId(r.id);
  const orderId = fastId(r.orderId);
  const openedAt = fastInstant(r.openedAt);
  const ruling = fastOptionalEnum<DisputeRuling>(r.ruling, RULING_SET);
  const ruledAt = fastOptionalInstant(r.ruledAt);
  const appealUpheldAt = fastOptionalInstant(r.appealUpheldAt);
  if (
    id === undefined ||
    orderId === undefined ||
    openedAt === FAIL ||
    ruling === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every openedAt: disputeProblems declines it
    ruledAt === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every openedAt: disputeProblems declines it
    appealUpheldAt === FAIL
  ) {
    return undefined;
  }
  SCRATCH.length = 0;
  if (disputeProblems({ openedAt, ruling, ruledAt, appealUpheldAt }, SCRATCH).length > 0)
    return undefined;
  return withInferredRuledAt(id, orderId, openedAt, ruling, ruledAt, appealUpheldAt);
}
