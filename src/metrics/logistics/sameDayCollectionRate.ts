import { defineMetric } from '../_calculate.js';
import { cp, LOGISTICS_INDICATOR, LOGISTICS_WINDOW, TEN_CASES } from '../_defaults.js';
import { dayEndMs, inLogistics } from './_shippable.js';

/**
 * 当日揽收率 same-day collection rate: orders collected by the carrier by the end of their
 * collection due day / orders due, anchored on the due day, logistics window `[D−30, D−1]`.
 *
 * The due day is the day the order became shippable (paid; placed for cash on delivery), or
 * the next day when it became shippable at or after the cut-off hour (16:00 by default,
 * `rules.logistics.collectionCutoffHour`, an assumption). Article EN (`docs/sources.md`) names the metric; the
 * formula is our reading of its name.
 *
 * | instant | in time? |
 * |---|---|
 * | shippable 15:59:59.999 | due the same day |
 * | shippable 16:00:00.000 | due the next day |
 * | collected 23:59:59.999 of the due day | yes |
 * | collected 00:00:00.000 the day after | no |
 * | cancelled 23:59:59.999 of the due day | order excluded |
 * | cancelled 00:00:00.000 the day after | order stays, uncollected |
 *
 * @example
 * ```ts
 * sameDayCollectionRateDefinition.anchor;
 * //=> 'collection due day (shippable day, or the next day when shippable at or after the cut-off hour)'
 * ```
 */
export const sameDayCollectionRateDefinition = defineMetric({
  id: 'logistics.same-day-collection-rate',
  module: 'logistics',
  name: { zh: '当日揽收率', en: 'Same-day collection rate' },
  unit: 'ratio',
  direction: 'higher-is-better',
  formula: 'orders collected by the carrier by the end of their collection due day / orders due',
  numerator: 'orders due whose collection (揽收) happened before the end of the due day',
  denominator: 'orders due (shippable, not cancelled before the end of the due day)',
  anchor:
    'collection due day (shippable day, or the next day when shippable at or after the cut-off hour)',
  reads: ['orders'],
  source: [
    {
      tag: 'seed',
      seed: '000',
      aspect: 'name',
      note: 'names "the merchant’s collection rate on the same day" without a formula',
    },
    {
      tag: 'assumption',
      aspect: 'formula',
      option: 'logistics.collectionCutoffHour',
      note: 'read from the name: collected by the end of the due day / orders due; the due day set by the collection cut-off hour (default 16:00)',
    },
  ],
  notes: [
    {
      id: 'shippable',
      text: 'Shippable = placed for cash on delivery, else paid; an order never shippable is in no logistics metric.',
    },
    {
      id: 'due-day',
      text: 'Due day = the shippable day, or the next day when shippable at or after the cut-off hour (16:00:00.000 is the next day).',
    },
    {
      id: 'collected-in-time',
      text: 'Collected in time = collectedAt before 00:00 of the day after the due day; an order never collected stays in the denominator.',
    },
    {
      id: 'cancelled',
      text: 'An order cancelled before the end of its due day is in no logistics metric; one cancelled later stays, uncollected unless collected in time.',
    },
    {
      id: 'collection-proof',
      text: 'Only `collectedAt` proves collection: a delivery without a collection time does not count as collected.',
    },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['order due', 'orders due'],
  // Due the next day when shippable at or after the cut-off hour.
  anchorLagDays: () => 1,
  defaults: {
    window: LOGISTICS_WINDOW,
    controlPoints: cp(0.95, 0.8, {
      tag: 'assumption',
      note: 'not published; 95% / 80% collected on the due day',
    }),
    weight: LOGISTICS_INDICATOR,
    minimumSample: TEN_CASES,
  },
  measure: {
    order(view, ctx, slot) {
      const due = view.collectionDueDay;
      // Stryker disable next-line ConditionalExpression: inLogistics declines an order without a due day too
      if (due === undefined || !inLogistics(view, due, ctx)) return;
      const collectedAt = view.order.collectedAt;
      // The anchor is in the window only once the due day is over: compare with the deadline.
      // Stryker disable next-line ConditionalExpression: a comparison with undefined is false: without the guard an uncollected order still adds 0
      ctx.add(slot, due, collectedAt !== undefined && collectedAt < dayEndMs(due) ? 1 : 0, 1);
    },
  },
});
