/**
 * What one generated store is built in, shared by the record families: the validated options,
 * the day range, the seeded stream, how instants are written, and the per-day buckets the
 * records are exported from.
 *
 * Time is the library's own Shanghai calendar (`src/time/shanghai.ts`: integer day numbers,
 * UTC+8 without daylight saving), never the host's local-time methods, so the output does not
 * depend on the host's zone. Nothing is stamped at or after `endMs` (the end of `endDay`): an
 * event that would fall later is absent, as in a real export taken that night.
 *
 * @module
 */
import type {
  ChatSessionInput,
  DisputeInput,
  OrderInput,
  ReviewInput,
  ServiceOrderInput,
} from '../../src/index.js';
import {
  DAY_MS,
  type DayNumber,
  dayKeyOf,
  dayNumberOf,
  dayStartMs,
  HOUR_MS,
  tryParseDayKey,
} from '../../src/time/shanghai.js';
import { Customers } from './customers.js';
import { createRandom, type Random } from './random.js';

/** A second, in ms. */
export const SECOND = 1000;
/** A minute, in ms. */
export const MINUTE = 60 * SECOND;
/** An hour, in ms (the library's). */
export const HOUR = HOUR_MS;
/** A Shanghai day, in ms (the library's). */
export const DAY = DAY_MS;

/** A record under construction: the library's input type, writable until it is exported. */
export type Draft<T> = { -readonly [K in keyof T]: T[K] };

/** An instant as written: Shanghai local time `YYYY-MM-DD HH:mm:ss`, or epoch milliseconds. */
export type WrittenInstant = string | number;

/** A band of waits, `[upTo, lo, hi]`: taken while the draw is below `upTo` (cumulative), uniform in [lo, hi] ms. */
export type WaitBand = readonly [upTo: number, lo: number, hi: number];

/** The satisfaction levels of chats and service orders, best first. */
export type Rating = NonNullable<ChatSessionInput['rating']>;

const RATINGS: readonly Rating[] = [
  'very-satisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
  'very-dissatisfied',
];

/** Options of `generateStore`. */
export interface GenerateStoreOptions {
  /** Seed of the pseudo-random stream; same options, same output. */
  seed: number;
  /** Last day with data, `YYYY-MM-DD` (Shanghai). Nothing is stamped at or after its end. */
  endDay: string;
  /** Number of days with orders, ending with `endDay` (at least 1). */
  days: number;
  /** Mean orders per day (> 0); the daily count varies by weekday and promotions. */
  ordersPerDay: number;
  /** Store id; default `jd-store-<seed>`. */
  storeId?: string;
  /** `'shanghai-local'` (default): `2026-11-01 09:00:00`; `'epoch-ms'`: integers. */
  instantFormat?: 'shanghai-local' | 'epoch-ms';
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** A formatter to Shanghai local time, with cached day prefixes and times of day. */
function shanghaiFormatter(): (ms: number) => string {
  const times: string[] = new Array(86400);
  for (let s = 0; s < 86400; s++) {
    times[s] = `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
  }
  const prefixes = new Map<number, string>();
  return (ms) => {
    const day = dayNumberOf(ms);
    let prefix = prefixes.get(day);
    if (prefix === undefined) {
      prefix = `${dayKeyOf(day)} `;
      prefixes.set(day, prefix);
    }
    return prefix + times[Math.floor((ms - dayStartMs(day)) / SECOND)];
  };
}

/** Records of one family, kept by the Shanghai day they are exported under. */
export class DayBuckets<T extends { id: string }> {
  readonly #firstDay: DayNumber;
  readonly #days: T[][] = [];

  constructor(firstDay: DayNumber, days: number) {
    this.#firstDay = firstDay;
    for (let d = 0; d < days; d++) this.#days.push([]);
  }

  /** Files `record` under the day of `at` (outside the range: dropped). */
  add(at: number, record: T): void {
    this.#days[dayNumberOf(at) - this.#firstDay]?.push(record);
  }

  /** Every record, day by day, numbered `<prefix>000000001`, … in that order. */
  export(prefix: string): T[] {
    const out: T[] = [];
    for (const bucket of this.#days) {
      for (const record of bucket) {
        record.id = `${prefix}${String(out.length + 1).padStart(9, '0')}`;
        out.push(record);
      }
    }
    return out;
  }
}

/** One store being generated: options, stream, day range, customers. */
export class Generation {
  readonly options: GenerateStoreOptions;
  readonly rng: Random;
  /** Writes an instant in the chosen format. */
  readonly fmt: (ms: number) => WrittenInstant;
  readonly firstDay: DayNumber;
  readonly endDay: DayNumber;
  /** 00:00 of the first day. */
  readonly startMs: number;
  /** 24:00 of the last day: nothing is stamped at or after it. */
  readonly endMs: number;
  readonly customers: Customers;
  /** The records so far; orders in the order they are placed, the others by day. */
  readonly orders: Draft<OrderInput>[] = [];
  readonly chatSessions: DayBuckets<Draft<ChatSessionInput>>;
  readonly reviews: DayBuckets<Draft<ReviewInput>>;
  readonly serviceOrders: DayBuckets<Draft<ServiceOrderInput>>;
  readonly disputes: DayBuckets<Draft<DisputeInput>>;
  /** Disputes whose appeal was upheld so far (`disputes.ts` makes sure there is one). */
  appealsUpheld = 0;

  /** Validates the options (a `RangeError` naming the bad one) and starts the stream. */
  constructor(options: GenerateStoreOptions) {
    const { seed, days, ordersPerDay } = options;
    if (!Number.isInteger(days) || days < 1) {
      throw new RangeError(`generateStore: days must be a positive integer, got ${days}`);
    }
    if (!(ordersPerDay > 0) || !Number.isFinite(ordersPerDay)) {
      throw new RangeError(`generateStore: ordersPerDay must be > 0, got ${ordersPerDay}`);
    }
    const endDay = tryParseDayKey(options.endDay);
    if (endDay === undefined) {
      throw new RangeError(
        `generateStore: endDay must be a calendar day YYYY-MM-DD, got ${options.endDay}`,
      );
    }
    this.options = options;
    this.rng = createRandom(seed);
    this.fmt = options.instantFormat === 'epoch-ms' ? (ms) => ms : shanghaiFormatter();
    this.endDay = endDay;
    this.firstDay = endDay - days + 1;
    this.startMs = dayStartMs(this.firstDay);
    this.endMs = dayStartMs(endDay + 1);
    this.customers = new Customers(seed, ordersPerDay);
    this.chatSessions = new DayBuckets(this.firstDay, days);
    this.reviews = new DayBuckets(this.firstDay, days);
    this.serviceOrders = new DayBuckets(this.firstDay, days);
    this.disputes = new DayBuckets(this.firstDay, days);
  }

  /** A duration in whole seconds, drawn uniformly from [lo, hi] ms. */
  secs(lo: number, hi: number): number {
    return Math.round(lo / SECOND + this.rng.next() * ((hi - lo) / SECOND)) * SECOND;
  }

  /** A wait from bands: one draw picks the first band whose `upTo` exceeds it, a second the wait. */
  wait(bands: readonly WaitBand[]): number {
    const u = this.rng.next();
    const [, lo, hi] = bands.find(([upTo]) => u < upTo) ?? (bands.at(-1) as WaitBand);
    return this.secs(lo, hi);
  }

  /** An instant on `day`: the hour drawn from cumulative hourly weights, then a second in it. */
  timeOn(day: DayNumber, hours: Float64Array): number {
    return dayStartMs(day) + this.rng.weighted(hours) * HOUR + this.rng.int(0, 3599) * SECOND;
  }

  /** A rating drawn from cumulative weights over the five levels, best first. */
  rating(weights: Float64Array): Rating {
    return RATINGS[this.rng.weighted(weights)] as Rating;
  }
}
