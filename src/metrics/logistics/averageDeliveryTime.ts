import { sourced } from '../../rules/provenance.js';
import { dayNumberOf, HOUR_MS } from '../../time/shanghai.js';
import { defineMetric } from '../_calculate.js';
import { cp, goodPoint, LOGISTICS_WINDOW, TEN_CASES, URL_CONSUMER_WARNINGS } from '../_defaults.js';
import { inLogistics } from './_shippable.js';

/**
 * 平均妥投时长 average delivery time: Σ(delivered − shippable) / delivered orders, in hours,
 * anchored on the delivered day, logistics window `[D−30, D−1]`.
 *
 * Shippable = placed for cash on delivery, else paid. The result's numerator is the total in
 * hours and its denominator the number of delivered orders. No source gives the formula: it is
 * our reading of the name, which JD's consumer-warning rule uses ("long delivery times" when the
 * average is above 100 h, published m.hunanlong.com/c/2965856.html).
 *
 * @example
 * ```ts
 * averageDeliveryTimeDefinition.numeratorScale; // ms → hours
 * //=> 3600000
 * ```
 */
export const averageDeliveryTimeDefinition = defineMetric({
  id: 'logistics.average-delivery-time',
  module: 'logistics',
  name: { zh: '平均妥投时长', en: 'Average delivery time' },
  unit: 'hours',
  direction: 'lower-is-better',
  formula: 'Σ(delivered − shippable) / delivered orders',
  numerator: 'total time from shippable to delivered (妥投), hours',
  denominator: 'delivered orders',
  anchor: 'delivered day',
  reads: ['orders'],
  source: [
    {
      tag: 'published',
      url: 'https://m.hunanlong.com/c/2965856.html',
      aspect: 'use',
      note: 'the consumer warning "long delivery times" (2022-12-27) uses the average delivery time, above 100 h; no formula given',
    },
    {
      tag: 'assumption',
      aspect: 'formula',
      note: 'read from the name: Σ(delivered − shippable) / delivered orders, shippable = paid (placed for cash on delivery)',
    },
  ],
  notes: [
    { id: 'never-shippable', text: 'An order never shippable is in no logistics metric.' },
    {
      id: 'cancelled-before-due-end',
      text: 'An order cancelled before the end of its collection due day is in no logistics metric, even when delivered.',
    },
    {
      id: 'delivered-before-shippable',
      text: 'An order delivered before it became shippable (paid after delivery) is inconsistent and left out.',
    },
    { id: 'exact', text: 'The value is exact: 30 h and 42 h average to 36 h.' },
  ],
  numeratorScale: HOUR_MS,
  denominatorScale: 1,
  basis: ['delivered order', 'delivered orders'],
  defaults: {
    window: LOGISTICS_WINDOW,
    controlPoints: cp(
      36,
      100,
      {
        tag: 'published',
        url: URL_CONSUMER_WARNINGS,
        aspect: 'poor point',
        note: 'poor 100 h: consumer warning "long delivery times" (> 100 h)',
      },
      goodPoint('good 36 h: not published'),
    ),
    weight: sourced(0, {
      tag: 'seed',
      seed: '000',
      note: 'the logistics score has two indicators (same-day collection, next-day arrival); the average delivery time is measured and reported, weighs nothing in the module, and feeds the "long delivery times" consumer warning',
    }),
    minimumSample: TEN_CASES,
  },
  measure: {
    order(view, ctx, slot) {
      const shippableAt = view.shippableAt;
      const deliveredAt = view.order.deliveredAt;
      // Stryker disable next-line ConditionalExpression: an order never shippable has no collection due day either, and inLogistics declines it
      if (shippableAt === undefined || deliveredAt === undefined || deliveredAt < shippableAt)
        return;
      // Anchored on the delivered day: in the window, delivery (and so shippability) has happened.
      const deliveredDay = dayNumberOf(deliveredAt);
      if (!inLogistics(view, deliveredDay, ctx)) return;
      ctx.add(slot, deliveredDay, deliveredAt - shippableAt, 1);
    },
  },
});
