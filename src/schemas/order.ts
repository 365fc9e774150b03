/**
 * The order (订单) input schema.
 *
 * @module
 */
import { z } from 'zod';
import type { Order } from '../model.js';
import type { InstantInput } from '../time/shanghai.js';
import {
  ALWAYS,
  booleanWithDefault,
  describeValue,
  idSchema,
  instantSchema,
  moneySchema,
  notBefore,
  optionalInstantSchema,
  type RecordProblem,
  reportProblems,
  strictObject,
  withDefault,
} from './_common.js';
import {
  FAIL,
  fastBoolean,
  fastId,
  fastInstant,
  fastMoney,
  fastOptionalInstant,
  fastRecord,
  keysOf,
} from './_fast.js';

function unitsMessage(iss: { input?: unknown }): string {
  const v = iss.input;
  return `expected units as a positive integer, found ${describeValue(v)}`;
}

/** Units (件数): a positive integer, default 1. */
const unitsSchema = withDefault(
  z.number({ error: unitsMessage }).int({ error: unitsMessage }).min(1, { error: unitsMessage }),
  1,
);

/** The fields whose order of events is checked. */
interface OrderTimes {
  readonly cashOnDelivery?: unknown;
  readonly placedAt?: unknown;
  readonly paidAt?: unknown;
  readonly cancelledAt?: unknown;
  readonly outboundAt?: unknown;
  readonly collectedAt?: unknown;
  readonly deliveredAt?: unknown;
}

/**
 * The impossible orders of events of an order (paid, cancelled, outbound, collected or delivered
 * before placed; collected before outbound; delivered before outbound or collected; a prepaid
 * order outbound, collected or delivered before it was paid: it was not shippable yet).
 * Fields that are missing or not numbers are skipped.
 */
export function orderProblems(o: OrderTimes, out: RecordProblem[] = []): RecordProblem[] {
  notBefore(out, o, 'paidAt', 'placedAt');
  notBefore(out, o, 'cancelledAt', 'placedAt');
  notBefore(out, o, 'outboundAt', 'placedAt');
  notBefore(out, o, 'collectedAt', 'placedAt');
  notBefore(out, o, 'collectedAt', 'outboundAt');
  notBefore(out, o, 'deliveredAt', 'placedAt');
  notBefore(out, o, 'deliveredAt', 'outboundAt');
  notBefore(out, o, 'deliveredAt', 'collectedAt');
  if (o.cashOnDelivery !== true) {
    notBefore(out, o, 'outboundAt', 'paidAt');
    notBefore(out, o, 'collectedAt', 'paidAt');
    notBefore(out, o, 'deliveredAt', 'paidAt');
  }
  return out;
}

/** Whether `a` and `b` are both known and `a` is before `b`. */
function before(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && b !== undefined && a < b;
}

/**
 * Whether a normalised order's events are in a possible order: {@link orderProblems} finds
 * nothing. Compared field by field rather than by name: the fast path and the line scanner
 * ask this of every order, and the generic check by field name cost 5 % of a folder read.
 */
export function eventsInOrder(o: Order): boolean {
  const { placedAt, paidAt, outboundAt, collectedAt, deliveredAt } = o;
  return !(
    before(paidAt, placedAt) ||
    before(o.cancelledAt, placedAt) ||
    before(outboundAt, placedAt) ||
    before(collectedAt, placedAt) ||
    before(collectedAt, outboundAt) ||
    before(deliveredAt, placedAt) ||
    before(deliveredAt, outboundAt) ||
    before(deliveredAt, collectedAt) ||
    (!o.cashOnDelivery &&
      (before(outboundAt, paidAt) || before(collectedAt, paidAt) || before(deliveredAt, paidAt)))
  );
}

/**
 * Schema of an order (订单). Instants become epoch ms; `amount` (yuan, string or number)
 * becomes `amountFen` (integer fen, exact); `units` defaults to 1 and `cashOnDelivery` to
 * `false`; absent or `null` optional instants become `undefined`. Rejects an impossible
 * order of events (see {@link Order}), and every unknown key, with the field it resembles.
 *
 * @example
 * ```ts
 * orderSchema.parse({ id: 'o1', customerId: 'c1', placedAt: '2026-11-01 09:00:00', amount: '19.99' });
 * //=> { id: 'o1', customerId: 'c1', placedAt: 1793494800000, paidAt: undefined, cashOnDelivery: false,
 * //     amountFen: 1999, units: 1, cancelledAt: undefined, outboundAt: undefined, collectedAt: undefined,
 * //     deliveredAt: undefined }
 * orderSchema.safeParse({ id: 'o1', customerId: 'c1', placedAt: 1793494800000, amount: 1.005 }).error?.issues[0]?.message;
 * //=> 'expected money in yuan with at most two decimals, found 1.005'
 * ```
 */
export const orderSchema = strictObject(
  {
    id: idSchema,
    customerId: idSchema,
    placedAt: instantSchema,
    paidAt: optionalInstantSchema,
    cashOnDelivery: booleanWithDefault('cashOnDelivery', false),
    amount: moneySchema,
    units: unitsSchema,
    cancelledAt: optionalInstantSchema,
    outboundAt: optionalInstantSchema,
    collectedAt: optionalInstantSchema,
    deliveredAt: optionalInstantSchema,
  },
  'an order object',
)
  .superRefine((o, ctx) => {
    reportProblems(orderProblems(o), ctx.issues, o);
  }, ALWAYS)
  .transform(
    (o): Order => ({
      id: o.id,
      customerId: o.customerId,
      placedAt: o.placedAt,
      paidAt: o.paidAt,
      cashOnDelivery: o.cashOnDelivery,
      amountFen: o.amount,
      units: o.units,
      cancelledAt: o.cancelledAt,
      outboundAt: o.outboundAt,
      collectedAt: o.collectedAt,
      deliveredAt: o.deliveredAt,
    }),
  );

/**
 * An order as accepted on input (before normalisation): instants as ISO strings, Shanghai
 * local time, epoch ms or `Date`; `amount` in yuan.
 *
 * @example
 * ```ts
 * const raw: OrderInput = { id: 'o1', customerId: 'c1', placedAt: new Date(), amount: '0' };
 * orderSchema.parse(raw).units;
 * //=> 1
 * ```
 */
export interface OrderInput {
  /** The order number (订单号), unique among the orders. */
  readonly id: string;
  /** The buyer's id (用户账号/PIN): links the order to the customer's chat sessions. */
  readonly customerId: string;
  /** When it was placed (下单时间): an instant: ISO-8601 with an offset or `Z` (`2026-11-01T09:00:00+08:00`), Shanghai local time without an offset (`2026-11-01 09:00:00`, as JD's exports print it), epoch milliseconds, or a `Date`. */
  readonly placedAt: InstantInput;
  /** When it was paid (付款时间), absent or `null` when unpaid or cash on delivery. */
  readonly paidAt?: InstantInput | null | undefined;
  /** Cash on delivery (货到付款): shippable when placed. Default `false`. */
  readonly cashOnDelivery?: boolean | null | undefined;
  /**
   * The amount after discounts (实付金额) in **yuan**, a string or number with at most two
   * decimals (`'19.90'`, `19.9`), never negative; normalised to integer fen (`Order.amountFen`).
   */
  readonly amount: string | number;
  /** Units (件数): a positive integer. Default 1. */
  readonly units?: number | null | undefined;
  /** When it was cancelled (取消时间). */
  readonly cancelledAt?: InstantInput | null | undefined;
  /** When it left the warehouse (出库时间): the after-sales rates count units by this day. */
  readonly outboundAt?: InstantInput | null | undefined;
  /** When the carrier collected it (揽收时间). */
  readonly collectedAt?: InstantInput | null | undefined;
  /** When it was delivered (妥投时间). */
  readonly deliveredAt?: InstantInput | null | undefined;
}

const ORDER_KEYS = keysOf(orderSchema.in);

/** Fast path of {@link orderSchema} (see `_fast.ts`): the order, or `undefined` to ask zod. */
export function fastOrder(input: unknown): Order | undefined {
  const r = fastRecord(input, ORDER_KEYS);
  if (r === undefined) return undefined;
  const id = fastId(r.id);
  const customerId = fastId(r.customerId);
  const placedAt = fastInstant(r.placedAt);
  const paidAt = fastOptionalInstant(r.paidAt);
  const cashOnDelivery = fastBoolean(r.cashOnDelivery, false);
  const amountFen = fastMoney(r.amount);
  const u = r.units;
  const units =
    u === undefined ? 1 : typeof u === 'number' && Number.isSafeInteger(u) && u >= 1 ? u : FAIL;
  const cancelledAt = fastOptionalInstant(r.cancelledAt);
  const outboundAt = fastOptionalInstant(r.outboundAt);
  const collectedAt = fastOptionalInstant(r.collectedAt);
  const deliveredAt = fastOptionalInstant(r.deliveredAt);
  return orderOf(
    id,
    customerId,
    placedAt,
    paidAt,
    cashOnDelivery,
    amountFen,
    units,
    cancelledAt,
    outboundAt,
    collectedAt,
    deliveredAt,
  );
}

/**
 * The order a fast path read (`fastOrder` from an object, `scanOrder` from a line's text),
 * from its values as read: `undefined` when one was not taken (`undefined` or `FAIL`) or the
 * events are out of order. One literal for both paths: the same keys in the same order.
 */
export function orderOf(
  id: string | undefined,
  customerId: string | undefined,
  placedAt: number,
  paidAt: number | undefined,
  cashOnDelivery: boolean | undefined,
  amountFen: number,
  units: number,
  cancelledAt: number | undefined,
  outboundAt: number | undefined,
  collectedAt: number | undefined,
  deliveredAt: number | undefined,
): Order | undefined {
  if (
    id === undefined ||
    customerId === undefined ||
    placedAt === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every placedAt: orderProblems declines it
    paidAt === FAIL ||
    cashOnDelivery === undefined ||
    amountFen === FAIL ||
    units === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every placedAt: orderProblems declines it
    cancelledAt === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every placedAt: orderProblems declines it
    outboundAt === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every placedAt: orderProblems declines it
    collectedAt === FAIL ||
    // Stryker disable next-line ConditionalExpression: FAIL (-1) is before every placedAt: orderProblems declines it
    deliveredAt === FAIL
  ) {
    return undefined;
  }
  const o: Order = {
    id,
    customerId,
    placedAt,
    paidAt,
    cashOnDelivery,
    amountFen,
    units,
    cancelledAt,
    outboundAt,
    collectedAt,
    deliveredAt,
  };
  return eventsInOrder(o) ? o : undefined;
}
