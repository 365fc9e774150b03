import { defineMetric } from '../_calculate.js';
import { cp, LOGISTICS_INDICATOR, LOGISTICS_WINDOW, TEN_CASES } from '../_defaults.js';
import { dayEndMs, inLogistics } from './_shippable.js';

/**
 * 次日达占比 next-day arrival ratio: orders delivered by the end of the day after they became
 * shippable / orders due, anchored on that deadline day (shippable day + arrival days),
 * logistics window `[D−30, D−1]`.
 *
 * No cut-off hour applies: an order paid at 23:59 must still arrive by the end of the next
 * day. `rules.logistics.arrivalDays` is 1 (次日达) by default; 2 is the 2018 notice's 隔日达
 * variant (published, shuaishou.com/school/infos26590.html). Article EN (`docs/sources.md`) names the metric; the
 * formula is our reading of its name.
 *
 * | delivered (paid 2026-11-01, arrivalDays 1) | in time? |
 * |---|---|
 * | 2026-11-02 23:59:59.999 | yes |
 * | 2026-11-03 00:00:00.000 | no (in time with arrivalDays 2) |
 * | never (or never collected) | no, stays in the denominator |
 *
 * @example
 * ```ts
 * nextDayArrivalRateDefinition.unit;
 * //=> 'ratio'
 * ```
 */
export const nextDayArrivalRateDefinition = defineMetric({
  id: 'logistics.next-day-arrival-rate',
  module: 'logistics',
  name: { zh: '次日达占比', en: 'Next-day arrival rate' },
  unit: 'ratio',
  direction: 'higher-is-better',
  formula: 'orders delivered by the end of the day after they became shippable / orders due',
  numerator: 'orders due delivered (妥投) before the end of shippable day + arrival days',
  denominator: 'orders due (shippable, not cancelled before the end of their collection due day)',
  anchor: 'shippable day + arrival days (the delivery deadline day)',
  reads: ['orders'],
  source: [
    {
      tag: 'seed',
      seed: '000',
      aspect: 'name',
      note: 'names "the order arrival ratio on the next day" without a formula',
    },
    {
      tag: 'assumption',
      aspect: 'formula',
      option: 'logistics.arrivalDays',
      note: 'read from the name: delivered by the end of the shippable day + 1 / orders due; no cut-off hour',
    },
  ],
  notes: [
    {
      id: 'shippable',
      text: 'Shippable = placed for cash on delivery, else paid; an order never shippable is in no logistics metric.',
    },
    {
      id: 'deadline',
      text: 'Deadline = end of the shippable day + arrival days (1 by default); no cut-off hour applies.',
    },
    {
      id: 'late-stays',
      text: 'An order not delivered in time (uncollected, undelivered or late) stays in the denominator.',
    },
    {
      id: 'cancelled',
      text: 'An order cancelled before the end of its collection due day is in no logistics metric; one cancelled later stays in the denominator.',
    },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['order due', 'orders due'],
  // Due `arrivalDays` after the shippable day.
  anchorLagDays: (rules) => rules.logistics.arrivalDays.value,
  defaults: {
    window: LOGISTICS_WINDOW,
    controlPoints: cp(0.8, 0.4, {
      tag: 'assumption',
      note: 'not published; 80% / 40% delivered by the next day',
    }),
    weight: LOGISTICS_INDICATOR,
    minimumSample: TEN_CASES,
  },
  measure: {
    order(view, ctx, slot) {
      const shippableDay = view.shippableDay;
      // Stryker disable next-line ConditionalExpression: an order never shippable has no collection due day either, and inLogistics declines it
      if (shippableDay === undefined) return;
      const deadlineDay = shippableDay + ctx.rules.logistics.arrivalDays.value;
      if (!inLogistics(view, deadlineDay, ctx)) return;
      const deliveredAt = view.order.deliveredAt;
      // The anchor is in the window only once the deadline day is over: compare with it directly.
      ctx.add(
        slot,
        deadlineDay,
        // Stryker disable next-line ConditionalExpression: a comparison with undefined is false: without the guard an undelivered order still adds 0
        deliveredAt !== undefined && deliveredAt < dayEndMs(deadlineDay) ? 1 : 0,
        1,
      );
    },
  },
});
