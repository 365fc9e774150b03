import { sourced } from '../../rules/provenance.js';
import { dayNumberOf, HOUR_MS } from '../../time/shanghai.js';
import type { WindowSpec } from '../../time/window.js';
import { defineMetric } from '../_calculate.js';
import { cp, EQUAL, goodPoint, TEN_CASES, URL_CONSUMER_WARNINGS } from '../_defaults.js';
import { rejectionKnown } from './_outboundUnits.js';

/**
 * 售后时效 after-sales duration: Σ(completed − applied) / number of approved service orders
 * completed, in hours, anchored on the completion day; window `[D−30, D−1]` (article EN). Article ZH
 * gives the formula as total service time / approved service orders; where service time starts
 * and ends, the completed-only denominator and the anchor are assumptions.
 *
 * A service order counts when it is completed (its completion day in the window, so the
 * completion has happened), its approval has happened before the as-of instant, and its
 * rejection (if any) has not. Each counts once, whatever its units.
 *
 * | service order | counts |
 * |---|---|
 * | completed D−1 23:59:59.999, approved earlier | yes |
 * | completed D−31 23:59:59.999 | no (out of the window) |
 * | completed, approval at or after D 00:00 | not yet |
 * | completed, never approved, or rejection happened | no |
 *
 * @example
 * ```ts
 * afterSalesDurationDefinition.unit;
 * //=> 'hours'
 * ```
 */
export const afterSalesDurationDefinition = defineMetric({
  id: 'after-sales.duration',
  module: 'after-sales',
  name: { zh: '售后时效', en: 'After-sales duration' },
  unit: 'hours',
  direction: 'lower-is-better',
  formula: 'Σ(completed − applied) / number of approved service orders completed',
  numerator: 'total time from application to completion, hours',
  denominator: 'approved service orders completed',
  anchor: 'completion day',
  reads: ['serviceOrders'],
  source: [
    {
      tag: 'seed',
      seed: '001',
      aspect: 'formula',
      note: '售后总服务时长/审核通过总售后服务单量: total service time / approved service orders',
    },
    {
      tag: 'assumption',
      aspect: 'service time',
      note: 'the seed does not say when service time starts and ends: from application (appliedAt) to completion (completedAt)',
    },
    {
      tag: 'assumption',
      aspect: 'denominator',
      note: 'only approved service orders that are completed, each once whatever its units: one not completed has no service time yet',
    },
    {
      tag: 'assumption',
      aspect: 'anchor',
      note: 'the completion day (the seed’s 30-day window does not say which day of a service order it reads)',
    },
  ],
  notes: [
    {
      id: 'completed-minus-applied',
      text: 'Duration = `completedAt` − `appliedAt`, for service orders approved and completed; every type and reason, each once whatever its units.',
    },
    {
      id: 'approved-not-rejected',
      text: 'The approval must have happened before the as-of instant; a service order whose `rejectedAt` has happened counts nowhere.',
    },
    {
      id: 'not-completed-not-yet',
      text: 'A service order approved but not completed is not in the average yet (there is no duration to add).',
    },
    {
      id: 'total-and-count',
      text: 'The numerator is the total in hours and the denominator the count: value = numerator / denominator.',
    },
  ],
  // Tallies are milliseconds; the result is in hours.
  numeratorScale: HOUR_MS,
  denominatorScale: 1,
  basis: ['completed service order', 'completed service orders'],
  defaults: {
    window: sourced<WindowSpec>(
      { fromDaysBack: 30, toDaysBack: 1 },
      {
        tag: 'seed',
        seed: '000',
        note: '"after-sales service duration is data from 1 day to 30 days before evaluation"',
      },
    ),
    controlPoints: cp(
      24,
      60,
      {
        tag: 'published',
        url: URL_CONSUMER_WARNINGS,
        aspect: 'poor point',
        note: 'poor 60 h: consumer warning "long after-sales times" (> 60 h)',
      },
      goodPoint('good 24 h: not published'),
    ),
    weight: EQUAL,
    minimumSample: TEN_CASES,
  },
  measure: {
    serviceOrder(view, ctx, slot) {
      const s = view.serviceOrder;
      // Stryker disable next-line ConditionalExpression: without an approval, !ctx.known(s.approvedAt) returns just below
      if (s.completedAt === undefined || s.approvedAt === undefined) return;
      // The completion day is in the window only once the completion has happened; the
      // approval and the rejection are other facts and must be asked about.
      if (!ctx.known(s.approvedAt) || rejectionKnown(s, ctx)) return;
      ctx.add(slot, dayNumberOf(s.completedAt), s.completedAt - s.appliedAt, 1);
    },
  },
});
