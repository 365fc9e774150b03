/**
 * The shared selection of the review metrics (`docs/sources.md`): each customer's
 * latest N reviews among those whose anchor (by the metric's own anchor) lies in the metric's
 * window.
 *
 * Order of the rules: excluded reviews are already left out of the view, and a review whose
 * anchor is in a window `[D−a, D−b]` (b ≥ 1) has happened, so the window comes first; then each
 * customer's latest N (latest by `createdAt`; equal instants in the view's order, the larger id
 * first); then the metric's star classes, applied by its tally.
 *
 * @module
 */

import type { MeasureContext } from '../../engine/types.js';
import type { Review, Stars } from '../../model.js';
import type { MeasurementParameters } from '../../rules/measurement.js';
import { type DayNumber, dayNumberOf, HOUR_MS } from '../../time/shanghai.js';
import type { ReviewGroupView } from '../_entities.js';

/**
 * What one review metric adds for one selected review: its anchor day and its integer sums.
 * The functions read the rules only, never the evaluation day, so results stay replayable.
 * @internal
 */
export interface ReviewTally {
  /** The review's anchor day (Shanghai day number). */
  anchor(review: Review, rules: MeasurementParameters): DayNumber;
  /** The numerator the review adds once selected (0 when none). */
  numerator(review: Review, rules: MeasurementParameters): number;
  /** The denominator the review adds once selected (0 when the star class is not counted). */
  denominator(review: Review, rules: MeasurementParameters): number;
}

/**
 * Adds the tally of a customer's latest `latestPerCustomer` reviews whose anchor is in the
 * slot's window. A group no larger than the limit needs no selection: each review is added at
 * its anchor and the engine windows it. A larger group selects inside the window through
 * {@link MeasureContext.inWindow}, so a review before the window never takes a place.
 *
 * @internal
 * @example
 * ```ts
 * // 21 one-star reviews of one customer in the window: the oldest does not count.
 * addLatestReviews(view, ctx, slot, negativeTally); // adds (20, 20) for the window
 * ```
 */
export function addLatestReviews(
  view: ReviewGroupView,
  ctx: MeasureContext,
  slot: number,
  tally: ReviewTally,
): void {
  const rules = ctx.rules;
  const limit = rules.reviews.latestPerCustomer.value;
  const reviews = view.reviews;
  if (reviews.length <= limit) {
    for (const r of reviews) {
      const den = tally.denominator(r, rules);
      const num = tally.numerator(r, rules);
      // A review counted in a numerator is always in its denominator: den = 0 adds nothing.
      if (den !== 0) ctx.add(slot, tally.anchor(r, rules), num, den, r.id);
    }
    return;
  }
  let taken = 0;
  // Latest first: once `limit` reviews in the window are taken, the older ones only matter
  // after one of those leaves the window, and inWindow has recorded that day. Each selected
  // review adds its own sums, so that a trace names the review that joins or leaves.
  for (const r of reviews) {
    if (!ctx.inWindow(slot, tally.anchor(r, rules))) continue;
    const den = tally.denominator(r, rules);
    const num = tally.numerator(r, rules);
    if (den !== 0) ctx.addWindowed(slot, num, den, r.id);
    if (++taken === limit) break;
  }
}

/**
 * The anchor of the created-day review metrics: the Shanghai day of `createdAt`.
 * @internal
 */
export function createdDay(review: Review): DayNumber {
  return dayNumberOf(review.createdAt);
}

/**
 * The 24-hour handling deadline of a review: `createdAt` + the rule set's handling hours
 * (a reply at exactly this instant is in time).
 * @internal
 */
export function handlingDeadlineMs(review: Review, rules: MeasurementParameters): number {
  return review.createdAt + rules.reviews.handlingHours.value * HOUR_MS;
}

/**
 * Star classes: 4–5 good (好评), 2–3 medium (中评), 1 negative (差评).
 * @internal
 */
export function isNegative(stars: Stars): boolean {
  return stars === 1;
}

/**
 * Medium (2–3 stars) or negative (1 star): the reviews the 24-hour handling rate covers.
 * @internal
 */
export function isMediumOrNegative(stars: Stars): boolean {
  return stars <= 3;
}
