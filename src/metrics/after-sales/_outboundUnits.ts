/**
 * What the three after-sales rates share: approved service orders (numerator, from service
 * orders) per outbound unit (denominator, from orders).
 *
 * @module
 */

import type { MeasureContext } from '../../engine/types.js';
import type { ServiceOrder } from '../../model.js';
import { dayNumberOf } from '../../time/shanghai.js';
import type { OrderView, ServiceOrderView } from '../_entities.js';
import type { MetricMeasures } from '../types.js';

/**
 * Outbound units (出库件数): the units of an order, anchored on the Shanghai day of its
 * `outboundAt`, cancelled orders included. An order without `outboundAt` adds nothing.
 * The outbound day lies in the window only when the outbound instant is before the as-of
 * instant, so no `known` call is needed.
 *
 * @internal
 */
export function measureOutboundUnits(view: OrderView, ctx: MeasureContext, slot: number): void {
  const at = view.order.outboundAt;
  if (at === undefined) return;
  ctx.add(slot, dayNumberOf(at), 0, view.order.units);
}

/**
 * Whether a service order's rejection has happened as of D: a rejected service order is never
 * approved (`docs/sources.md`), from the day its `rejectedAt` has happened.
 *
 * @internal
 */
export function rejectionKnown(s: ServiceOrder, ctx: MeasureContext): boolean {
  // Stryker disable next-line ConditionalExpression: known(undefined) is false: without the guard a service order never rejected still answers false
  return s.rejectedAt !== undefined && ctx.known(s.rejectedAt);
}

/**
 * The measures of a rate "approved service orders that pass `counts` / outbound units":
 * each approved service order adds 1 to the numerator on its approval day (once, whatever
 * its units); each outbound order adds its units to the denominator on its outbound day.
 *
 * @internal
 */
export function approvedPerOutboundUnit(counts: (s: ServiceOrder) => boolean): MetricMeasures {
  return {
    serviceOrder(view: ServiceOrderView, ctx: MeasureContext, slot: number): void {
      const s = view.serviceOrder;
      // The approval day is in the window [D−a, D−b] (b ≥ 1) only once the approval has
      // happened: no `known` call for it.
      if (s.approvedAt === undefined || !counts(s) || rejectionKnown(s, ctx)) return;
      ctx.add(slot, dayNumberOf(s.approvedAt), 1, 0);
    },
    order: measureOutboundUnits,
  };
}
