import { sourced } from '../../rules/provenance.js';
import { dayNumberOf } from '../../time/shanghai.js';
import { defineMetric } from '../_calculate.js';
import { cp, EQUAL, TEN_CASES } from '../_defaults.js';
import { isSatisfied } from '../consultation/_satisfaction.js';

/**
 * 退货满意度 return satisfaction: ratings very satisfied or satisfied of return-type service
 * orders / rated return-type service orders, anchored on the rating day (`ratedAt`, or for an
 * undated rating the date the table gives); window
 * `[D−180, D−1]` (article EN). Article EN gives the window only: the formula is an assumption.
 *
 * | service order | counts |
 * |---|---|
 * | type `return`, `rating` and `ratedAt` on D−180 … D−1 | yes |
 * | rated on D−181, or at/after D 00:00 | no / not yet |
 * | `rating` without `ratedAt` | yes, dated at `completedAt`, else `approvedAt`, else `appliedAt`, the first that has happened (assumption) |
 * | type `exchange` or `repair` | no |
 *
 * @example
 * ```ts
 * returnSatisfactionDefinition.anchor;
 * //=> 'rating day (ratedAt)'
 * ```
 */
export const returnSatisfactionDefinition = defineMetric({
  id: 'after-sales.return-satisfaction',
  module: 'after-sales',
  name: { zh: '退货满意度', en: 'Return satisfaction' },
  unit: 'ratio',
  direction: 'higher-is-better',
  formula: 'return service orders rated (very satisfied + satisfied) / rated return service orders',
  numerator: 'return-type service orders rated very satisfied or satisfied',
  denominator: 'rated return-type service orders',
  anchor: 'rating day (ratedAt)',
  reads: ['serviceOrders'],
  source: [
    {
      tag: 'assumption',
      aspect: 'formula',
      note: 'article EN names return satisfaction and its 180-day window only; the satisfied share (very satisfied + satisfied) of rated return-type service orders, by rating day, is our reading',
    },
  ],
  notes: [
    {
      id: 'rated-returns',
      text: 'Covers return-type (退货) service orders with a rating, anchored on the rating day: `ratedAt`, or for a rating without `ratedAt` the first of `completedAt`, `approvedAt`, `appliedAt` that has happened (an assumption: nothing stamped at or after the as-of instant changes a result).',
    },
    {
      id: 'approval-irrelevant',
      text: 'Approval does not matter: a rated return counts whether it was approved, rejected or neither.',
    },
    { id: 'satisfied', text: 'Satisfied = very satisfied (非常满意) or satisfied (满意).' },
  ],
  numeratorScale: 1,
  denominatorScale: 1,
  basis: ['rated return', 'rated returns'],
  defaults: {
    window: sourced(
      { fromDaysBack: 180, toDaysBack: 1 },
      {
        tag: 'seed',
        seed: '000',
        note: '"return satisfaction is data from 1 day to 180 days before evaluation"',
      },
    ),
    controlPoints: cp(0.95, 0.85, {
      tag: 'assumption',
      note: 'not published; 95% / 85% satisfied ratings',
    }),
    weight: EQUAL,
    minimumSample: TEN_CASES,
  },
  measure: {
    serviceOrder(view, ctx, slot) {
      const s = view.serviceOrder;
      if (s.type !== 'return' || s.rating === undefined) return;
      // The rating day is in the window only once the rating has happened: no `known` call for
      // a given ratedAt. An undated rating is dated at completion, else approval, else
      // application, each only once it has happened (a completion still to come must not
      // change a result); the `known` calls record when that date moves.
      const ratedAt =
        s.ratedAt ??
        (ctx.known(s.completedAt)
          ? (s.completedAt as number)
          : ctx.known(s.approvedAt)
            ? (s.approvedAt as number)
            : s.appliedAt);
      ctx.add(slot, dayNumberOf(ratedAt), isSatisfied(s.rating) ? 1 : 0, 1);
    },
  },
});
