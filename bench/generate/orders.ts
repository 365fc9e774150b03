/**
 * Orders (订单), as `OrderInput`, and what follows each one: its chats, service order, review
 * and dispute, drawn in that fixed order.
 *
 * A 厨房小电 (small kitchen appliance) catalogue of 13 products from 59.90 to 599.00 yuan, 1 to 3
 * units, a coupon on 30% of orders. Orders are placed by the hour of a Chinese shopping day
 * (busy 09:00–23:00, an evening peak). 3% are cash on delivery; 2% are never paid and cancelled;
 * 85% of the others are paid within 5 minutes. 2.8% are cancelled before shipping. Shippable
 * before 16:00, an order leaves the warehouse within hours, else the next morning (3% a day
 * late), and the carrier collects it at 17:30–19:00 the same day 96% of the time when it left
 * at least 5 minutes before (the same-day collection rate), else the next day; 0.5% are
 * intercepted after leaving, 0.2% lost. Delivery takes 0 (same city), 1 (72%), 2 or 3 days,
 * arriving 09:00–20:00 (the next-day arrival rate and the average delivery time).
 *
 * @module
 */
import type { OrderInput } from '../../src/index.js';
import { dayNumberOf, dayStartMs, msOfDay } from '../../src/time/shanghai.js';
import { deliveryInquiry, preSalesChat } from './chatSessions.js';
import {
  DAY,
  type Draft,
  type Generation,
  HOUR,
  MINUTE,
  SECOND,
  type WaitBand,
} from './context.js';
import { disputeAfterDelivery, disputeAfterLoss } from './disputes.js';
import { cumulative } from './random.js';
import { review } from './reviews.js';
import { serviceOrder } from './serviceOrders.js';

/** Relative order volume by Shanghai hour (busy 09–23, evening peak). */
const ORDER_HOURS = cumulative([
  2.0, 1.0, 0.5, 0.3, 0.3, 0.4, 0.8, 1.5, 2.8, 4.2, 5.2, 5.0, 4.3, 4.5, 5.0, 5.0, 4.6, 4.2, 4.0,
  4.8, 6.0, 6.4, 5.2, 3.5,
]);
/** The product catalogue: price in fen and relative popularity. */
const PRODUCTS: readonly { priceFen: number; weight: number }[] = [
  { priceFen: 5990, weight: 8 }, // 煮蛋器
  { priceFen: 8990, weight: 10 }, // 电水壶
  { priceFen: 9900, weight: 6 }, // 三明治机
  { priceFen: 12900, weight: 9 }, // 榨汁杯
  { priceFen: 15900, weight: 8 }, // 养生壶
  { priceFen: 16900, weight: 5 }, // 电火锅
  { priceFen: 19900, weight: 6 }, // 电饼铛
  { priceFen: 25900, weight: 5 }, // 豆浆机
  { priceFen: 29900, weight: 9 }, // 电饭煲
  { priceFen: 35900, weight: 8 }, // 空气炸锅
  { priceFen: 39900, weight: 4 }, // 电压力锅
  { priceFen: 45900, weight: 3 }, // 烤箱
  { priceFen: 59900, weight: 3 }, // 破壁机
];
const PRODUCT_WEIGHTS = cumulative(PRODUCTS.map((p) => p.weight));
/** Units 1..3. */
const UNITS = cumulative([0.7, 0.22, 0.08]);
/** How long after placing an order is paid: 85% within 5 minutes. */
const PAYMENT: readonly WaitBand[] = [
  [0.85, 10 * SECOND, 5 * MINUTE],
  [0.98, 5 * MINUTE, HOUR],
  [1, HOUR, 12 * HOUR],
];
/** Delivery days after collection: 0 (same-city), 1, 2, 3. */
const DELIVERY_DAYS = cumulative([0.02, 0.72, 0.2, 0.06]);

/** Amounts in yuan with two decimals (`'59.90'`), by fen (a handful of distinct values). */
const AMOUNTS = new Map<number, string>();
function yuan(fen: number): string {
  let s = AMOUNTS.get(fen);
  if (s === undefined) {
    s = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
    AMOUNTS.set(fen, s);
  }
  return s;
}

/** 00:00 (Shanghai) of the day `days` after the instant's (0: its own day). */
const dayStartAfter = (ms: number, days: number): number => dayStartMs(dayNumberOf(ms) + days);

/** The day's orders: `expected` on average, placed by the hour, a few by power reviewers. */
export function ordersOn(g: Generation, day: number, expected: number): void {
  const n = g.rng.roundStochastic(expected);
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = g.timeOn(day, ORDER_HOURS);
  times.sort();
  const powerAt = g.customers.powerOrders(g.rng, n);
  for (let i = 0; i < n; i++) addOrder(g, times[i] as number, powerAt[i] as number);
}

/** One order placed at `placed` (by power reviewer `powerIndex`, or -1), and what follows. */
function addOrder(g: Generation, placed: number, powerIndex: number): void {
  const { rng, endMs } = g;
  const isPower = powerIndex >= 0;
  const customer = g.customers.forOrder(rng, powerIndex);
  if (!isPower) preSalesChat(g, customer, placed);
  g.customers.ordered(customer, placed);

  const product = PRODUCTS[rng.weighted(PRODUCT_WEIGHTS)] as { priceFen: number };
  const units = 1 + rng.weighted(UNITS);
  let fen = product.priceFen * units;
  if (rng.chance(0.3)) fen -= (fen >= 30000 ? rng.int(2, 5) : rng.int(0, 1)) * 1000; // coupon
  // The order's life, in ms; -1 when it does not happen.
  let paid = -1;
  let shippable = -1;
  let cancelled = -1;
  let outbound = -1;
  let collected = -1;
  let delivered = -1;
  let lost = false;
  const cashOnDelivery = rng.chance(0.03);
  if (cashOnDelivery) {
    shippable = placed;
  } else if (rng.chance(0.02)) {
    cancelled = placed + g.secs(15 * MINUTE, 24 * HOUR); // never paid
  } else {
    paid = placed + g.wait(PAYMENT);
    shippable = paid;
  }
  if (shippable >= 0) {
    if (rng.chance(0.028)) {
      cancelled = shippable + g.secs(2 * MINUTE, 3 * HOUR);
    } else {
      outbound =
        msOfDay(shippable) < 16 * HOUR
          ? shippable +
            (rng.chance(0.9) ? g.secs(15 * MINUTE, 150 * MINUTE) : g.secs(150 * MINUTE, 6 * HOUR))
          : dayStartAfter(shippable, 1) + 8 * HOUR + g.secs(0, 3 * HOUR);
      if (rng.chance(0.03)) outbound += DAY;
      if (rng.chance(0.005)) {
        cancelled = outbound + g.secs(10 * MINUTE, 3 * HOUR); // intercepted
      } else {
        const pickup =
          dayStartAfter(outbound, 0) + 17 * HOUR + 30 * MINUTE + g.secs(0, 90 * MINUTE);
        collected =
          outbound + 5 * MINUTE <= pickup && rng.chance(0.96)
            ? pickup
            : dayStartAfter(outbound, 1) + 10 * HOUR + g.secs(0, 8 * HOUR);
        if (rng.chance(0.002)) {
          lost = true;
        } else {
          const k = rng.weighted(DELIVERY_DAYS);
          delivered =
            k === 0
              ? collected + g.secs(2 * HOUR, 5 * HOUR)
              : dayStartAfter(collected, k) + 9 * HOUR + g.secs(0, 11 * HOUR);
        }
      }
    }
  }
  // Keys in the documented order: id, customerId, placedAt, paidAt, cashOnDelivery, amount…
  const order = {
    id: `O${String(g.orders.length + 1).padStart(9, '0')}`,
    customerId: g.customers.ids[customer] as string,
    placedAt: g.fmt(placed),
  } as Draft<OrderInput>;
  g.orders.push(order);
  if (paid >= 0 && paid < endMs) order.paidAt = g.fmt(paid);
  if (cashOnDelivery) order.cashOnDelivery = true;
  order.amount = yuan(Math.max(fen, 990));
  if (units > 1) order.units = units;
  if (cancelled >= 0 && cancelled < endMs) order.cancelledAt = g.fmt(cancelled);
  if (outbound >= 0 && outbound < endMs) order.outboundAt = g.fmt(outbound);
  if (collected >= 0 && collected < endMs) order.collectedAt = g.fmt(collected);
  if (delivered >= 0 && delivered < endMs) order.deliveredAt = g.fmt(delivered);

  if (shippable >= 0 && !isPower) deliveryInquiry(g, customer, shippable);
  if (lost && collected < endMs) disputeAfterLoss(g, order.id, collected);
  if (delivered < 0 || delivered >= endMs) return;

  // After delivery: service order, review, dispute.
  const { unhappy, rejected } = serviceOrder(g, order.id, customer, delivered);
  review(g, order.id, customer, delivered, unhappy, isPower);
  disputeAfterDelivery(g, order.id, delivered, rejected);
}
