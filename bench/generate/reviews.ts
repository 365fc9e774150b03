/**
 * Product reviews (商品评价), as `ReviewInput`.
 *
 * 30% of delivered orders are reviewed (97% of a power reviewer's), half an hour or more after
 * delivery with an exponential wait (mean 2.5 days, capped at 20). Stars follow a healthy
 * store's skew (88% five stars, about 2% one star, so the negative rate is a few percent); power
 * reviewers are pickier, and a customer made unhappy by a service order gives one star a third
 * of the time. 80% of the medium and negative reviews (1 to 3 stars) are replied to within 23.5
 * hours, 10% later (the 24-hour handling rate's both sides), 15% of the good ones at leisure.
 * 3% name no order; 12% of medium and negative reviews and 1% of the others are excluded by JD.
 *
 * @module
 */
import type { ReviewInput } from '../../src/index.js';
import { DAY, type Draft, type Generation, HOUR, MINUTE, SECOND } from './context.js';
import { cumulative } from './random.js';

/** Delivered orders reviewed (an ordinary customer's). */
const REVIEW_SHARE = 0.3;
/** A power reviewer's delivered orders reviewed. */
const POWER_REVIEW_SHARE = 0.97;
/** Stars 1..5: an ordinary customer, a power reviewer, an unhappy customer. */
const STARS_NORMAL = cumulative([0.022, 0.012, 0.02, 0.07, 0.876]);
const STARS_PICKY = cumulative([0.06, 0.05, 0.09, 0.2, 0.6]);
const STARS_UNHAPPY = cumulative([0.35, 0.15, 0.15, 0.15, 0.2]);

/**
 * Maybe a review by `customer` of `orderId`, delivered at `delivered`; `unhappy` after a
 * service order for a quality reason or a rejected one.
 */
export function review(
  g: Generation,
  orderId: string,
  customer: number,
  delivered: number,
  unhappy: boolean,
  isPower: boolean,
): void {
  const { rng } = g;
  if (!rng.chance(isPower ? POWER_REVIEW_SHARE : REVIEW_SHARE)) return;
  const created =
    delivered +
    30 * MINUTE +
    Math.round(Math.min(rng.exponential(2.5 * DAY), 20 * DAY) / SECOND) * SECOND;
  if (created >= g.endMs) return;
  const stars = (1 +
    rng.weighted(
      unhappy ? STARS_UNHAPPY : isPower ? STARS_PICKY : STARS_NORMAL,
    )) as ReviewInput['stars'];
  const customerId = g.customers.ids[customer] as string;
  const createdAt = g.fmt(created);
  const record: Draft<ReviewInput> = rng.chance(0.03)
    ? { id: '', customerId, createdAt, stars }
    : { id: '', customerId, orderId, createdAt, stars };
  let replied = -1;
  if (stars <= 3) {
    const u = rng.next();
    if (u < 0.8) replied = created + g.secs(10 * MINUTE, 23.5 * HOUR);
    else if (u < 0.9) replied = created + g.secs(25 * HOUR, 72 * HOUR);
  } else if (rng.chance(0.15)) {
    replied = created + g.secs(10 * MINUTE, 48 * HOUR);
  }
  if (replied >= 0 && replied < g.endMs) record.repliedAt = g.fmt(replied);
  if (rng.chance(stars <= 3 ? 0.12 : 0.01)) record.excluded = true;
  g.reviews.add(created, record);
}
