/**
 * The store's 放心购 assured services, as `AssuredServiceInput`: five of the library's nine
 * (`ASSURED_SERVICE_IDS`).
 *
 * Three that stores commonly keep (freight insurance, lightning refund, 7-day no-reason
 * return) opened long before the data starts; one other opened inside the range and one closed
 * inside it, so that the 放心购 bonus changes over a score history. Each is stamped at a random
 * second between 09:00 and 18:00. Drawn after every other record, from the same stream.
 *
 * @module
 */
import { ASSURED_SERVICE_IDS, type AssuredServiceInput } from '../../src/index.js';
import { type DayNumber, dayStartMs } from '../../src/time/shanghai.js';
import { type Generation, HOUR, SECOND } from './context.js';

/** The services that stay open throughout. */
const LONG_STANDING = ['freight-insurance', 'lightning-refund', 'no-reason-return-7d'];

/** Five of the nine services: three long-standing, one opened, one closed in range. */
export function assuredServices(g: Generation): AssuredServiceInput[] {
  const { rng, fmt, firstDay, endDay } = g;
  const at = (day: DayNumber): number => dayStartMs(day) + 9 * HOUR + rng.int(0, 9 * 3600) * SECOND;
  const span = endDay - firstDay + 1;
  const out: AssuredServiceInput[] = [
    { service: 'freight-insurance', enabledAt: fmt(at(firstDay - rng.int(200, 700))) },
    { service: 'lightning-refund', enabledAt: fmt(at(firstDay - rng.int(100, 500))) },
    { service: 'no-reason-return-7d', enabledAt: fmt(at(firstDay - rng.int(300, 900))) },
  ];
  const others = ASSURED_SERVICE_IDS.filter((s) => !LONG_STANDING.includes(s));
  const opened = others.splice(rng.int(0, others.length - 1), 1)[0] ?? 'door-pickup';
  const closed = others[rng.int(0, others.length - 1)] ?? 'price-protection';
  out.push({
    service: opened,
    enabledAt: fmt(at(firstDay + Math.floor(span * rng.between(0.3, 0.7)))),
  });
  out.push({
    service: closed,
    enabledAt: fmt(at(firstDay - rng.int(60, 400))),
    disabledAt: fmt(at(firstDay + Math.floor(span * rng.between(0.2, 0.9)))),
  });
  return out;
}
