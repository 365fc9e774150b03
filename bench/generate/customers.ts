/**
 * The store's customers: who places each order and who starts each chat.
 *
 * A quarter of orders come from earlier buyers (`REPEAT_CUSTOMER_SHARE`), so the stage of a
 * chat derived from the customer's earlier orders is sometimes after-sales; a quarter of the
 * chats that lead to no order come from a known customer. A few *power reviewers* (one per 8
 * orders a day, 1 to 3) order every few days and review nearly everything: the reviews module
 * counts only each customer's latest 20 reviews in a window, and these customers exercise it.
 * Ids are `jd_<hex>`, salted by the seed so that two generated stores share no customer.
 *
 * @module
 */
import type { Random } from './random.js';

/** Orders placed by an earlier buyer. */
const REPEAT_CUSTOMER_SHARE = 0.25;
/** Chats without an order started by a known customer. */
const KNOWN_VISITOR_SHARE = 0.25;
/** Power reviewers per order a day (rounded, 1 to 3). */
const POWER_REVIEWERS_PER_ORDER_DAY = 1 / 8;

/** The customers so far, by index. */
export class Customers {
  /** Customer ids, by index. */
  readonly ids: string[] = [];
  /** When each first ordered, epoch ms; -1 while they have not. */
  readonly firstOrderAt: number[] = [];
  /** Indices of the customers who have ordered, in the order they first did. */
  readonly #buyers: number[] = [];
  /** Indices of the power reviewers. */
  readonly #power: number[] = [];
  readonly #idSalt: number;
  /** Chance that a power reviewer orders on a given day. */
  readonly #powerDailyChance: number;

  constructor(seed: number, ordersPerDay: number) {
    this.#idSalt = (seed >>> 0) % 9973;
    const powerCount = Math.min(
      3,
      Math.max(1, Math.round(ordersPerDay * POWER_REVIEWERS_PER_ORDER_DAY)),
    );
    for (let i = 0; i < powerCount; i++) this.#power.push(this.add());
    this.#powerDailyChance = Math.min(0.35, 0.05 * ordersPerDay);
  }

  /** A new customer; returns its index. */
  add(): number {
    const i = this.ids.length;
    this.ids.push(`jd_${(0x10000000 + (i + this.#idSalt) * 7919).toString(16)}`);
    this.firstOrderAt.push(-1);
    return i;
  }

  /** Which of a day's `n` orders each power reviewer places (-1: an ordinary customer's). */
  powerOrders(rng: Random, n: number): Int32Array {
    const powerAt = new Int32Array(n).fill(-1);
    if (n > 0) {
      for (let p = 0; p < this.#power.length; p++) {
        if (rng.chance(this.#powerDailyChance)) powerAt[rng.int(0, n - 1)] = p;
      }
    }
    return powerAt;
  }

  /** The customer of an order: power reviewer `powerIndex` (≥ 0), an earlier buyer or a new one. */
  forOrder(rng: Random, powerIndex: number): number {
    if (powerIndex >= 0) return this.#power[powerIndex] as number;
    const buyers = this.#buyers;
    return buyers.length > 0 && rng.chance(REPEAT_CUSTOMER_SHARE)
      ? (buyers[rng.int(0, buyers.length - 1)] as number)
      : this.add();
  }

  /** The customer of a chat that leads to no order: a known one or a new one. */
  forVisit(rng: Random): number {
    return this.ids.length > 0 && rng.chance(KNOWN_VISITOR_SHARE)
      ? rng.int(0, this.ids.length - 1)
      : this.add();
  }

  /** Records that `customer` placed an order at `placed` (only the first one counts). */
  ordered(customer: number, placed: number): void {
    if ((this.firstOrderAt[customer] ?? -1) < 0) {
      this.firstOrderAt[customer] = placed;
      this.#buyers.push(customer);
    }
  }
}
