/**
 * Trade disputes (交易纠纷), as `DisputeInput`.
 *
 * Rare, as on a healthy store (the dispute rate is counted in ten-thousandths): 0.28% of
 * delivered orders, 10% of those whose service order was rejected, 30% of the lost parcels.
 * 85% are ruled within 1 to 6 days, the merchant held responsible (alone or shared) half the
 * time; an appeal is upheld on the first such ruling and on a fifth of the later ones, so that
 * every store has a dispute that stops counting when its appeal is upheld.
 *
 * @module
 */
import type { DisputeInput } from '../../src/index.js';
import { DAY, type Draft, type Generation, HOUR } from './context.js';
import { cumulative } from './random.js';

type Ruling = NonNullable<DisputeInput['ruling']>;

const RULINGS: readonly Ruling[] = ['merchant', 'shared', 'customer', 'platform'];
const RULING_WEIGHTS = cumulative([0.35, 0.15, 0.35, 0.15]);
/** Delivered orders disputed (rejected service orders and lost parcels add more). */
const DISPUTE_SHARE = 0.0028;

/** A dispute about `orderId` opened at `opened` (none when at or after the end). */
function addDispute(g: Generation, orderId: string, opened: number): void {
  const { rng } = g;
  if (opened >= g.endMs) return;
  const dispute: Draft<DisputeInput> = { id: '', orderId, openedAt: g.fmt(opened) };
  if (rng.chance(0.85)) {
    const ruled = opened + g.secs(DAY, 6 * DAY);
    if (ruled < g.endMs) {
      const ruling = RULINGS[rng.weighted(RULING_WEIGHTS)] as Ruling;
      dispute.ruling = ruling;
      dispute.ruledAt = g.fmt(ruled);
      if (
        (ruling === 'merchant' || ruling === 'shared') &&
        (g.appealsUpheld === 0 || rng.chance(0.2))
      ) {
        const upheld = ruled + g.secs(DAY, 7 * DAY);
        if (upheld < g.endMs) {
          dispute.appealUpheldAt = g.fmt(upheld);
          g.appealsUpheld++;
        }
      }
    }
  }
  g.disputes.add(opened, dispute);
}

/** Maybe a dispute about a parcel lost after its collection at `collected`. */
export function disputeAfterLoss(g: Generation, orderId: string, collected: number): void {
  if (g.rng.chance(0.3)) addDispute(g, orderId, collected + g.secs(3 * DAY, 8 * DAY));
}

/**
 * Maybe a dispute about an order delivered at `delivered`, more likely when its service order
 * was rejected at `rejected` (-1: none was).
 */
export function disputeAfterDelivery(
  g: Generation,
  orderId: string,
  delivered: number,
  rejected: number,
): void {
  if (g.rng.chance(rejected >= 0 ? 0.1 : DISPUTE_SHARE)) {
    addDispute(g, orderId, (rejected >= 0 ? rejected : delivered) + g.secs(HOUR, 5 * DAY));
  }
}
