import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  countRecords,
  type GeneratedStoreData,
  type GenerateStoreOptions,
  generateStore,
  ordersPerDayFor,
  RECORDS_PER_ORDER_DAY,
  SAMPLE_STORE_OPTIONS,
  writeStoreJson,
} from '../../../bench/generate/index.js';
import { ASSURED_SERVICE_IDS, type InstantInput } from '../../../src/index.js';
import { parseStoreDataLenient } from '../../../src/schemas/parse.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

/** Epoch ms of an emitted instant, computed without any Date local-time method. */
function toMs(x: InstantInput | null): number {
  if (typeof x === 'number') return x;
  // The input types allow both; the generator writes neither.
  if (x === null || x instanceof Date) throw new Error(`not a generated instant: ${x}`);
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(x);
  if (!m) throw new Error(`not a Shanghai local time: ${x}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return Date.UTC(y, mo - 1, d, h, mi, s) - OFFSET;
}
const dayStartOf = (key: string): number => Date.parse(`${key}T00:00:00Z`) - OFFSET;
const timeOfDay = (ms: number): number => (((ms + OFFSET) % DAY) + DAY) % DAY;

const SMALL: GenerateStoreOptions = { seed: 11, endDay: '2026-11-22', days: 60, ordersPerDay: 20 };

/** Every validity invariant of the brief; returns the problems found. */
function problems(store: GeneratedStoreData, options: GenerateStoreOptions): string[] {
  const out: string[] = [];
  const endMs = dayStartOf(options.endDay) + DAY;
  const startMs = endMs - options.days * DAY;
  const check = (ok: boolean, what: string): void => {
    if (!ok && out.length < 50) out.push(what);
  };
  const inRange = (x: InstantInput | null | undefined, what: string): number | undefined => {
    if (x === undefined) return undefined;
    if (options.instantFormat === 'epoch-ms') check(Number.isInteger(x), `${what} not an integer`);
    else check(typeof x === 'string', `${what} not a string`);
    const ms = toMs(x);
    check(ms < endMs, `${what} after the end`);
    check(ms >= startMs, `${what} before the first day`);
    return ms;
  };
  const order = (a: number | undefined, b: number | undefined, what: string): void => {
    if (a !== undefined && b !== undefined) check(a <= b, what);
  };
  const unique = (ids: readonly string[], what: string): void =>
    check(new Set(ids).size === ids.length, `${what} ids not unique`);

  unique(
    store.chatSessions.map((s) => s.id),
    'chat',
  );
  unique(
    store.orders.map((o) => o.id),
    'order',
  );
  unique(
    store.reviews.map((r) => r.id),
    'review',
  );
  unique(
    store.serviceOrders.map((s) => s.id),
    'service order',
  );
  unique(
    store.disputes.map((d) => d.id),
    'dispute',
  );
  unique(
    store.assuredServices.map((a) => a.service),
    'assured service',
  );
  const orders = new Map(store.orders.map((o) => [o.id, o]));

  for (const s of store.chatSessions) {
    const w = `chat ${s.id}`;
    check(s.messages.length >= 1, `${w} empty`);
    check(
      s.messages.some((m) => m.from === 'customer'),
      `${w} has no customer message`,
    );
    check(s.messages[0]?.from === 'customer', `${w} does not start with the customer`);
    let prev = Number.NEGATIVE_INFINITY;
    for (const [i, m] of s.messages.entries()) {
      const at = inRange(m.at, `${w}.messages[${i}]`) ?? 0;
      check(at >= prev, `${w} messages out of order`);
      prev = at;
    }
    if (s.kind !== 'offline-message') check(s.messages.length <= 8, `${w} too many messages`);
    check((s.rating === undefined) === (s.ratedAt === undefined), `${w} rating iff ratedAt`);
    const rated = inRange(s.ratedAt, `${w}.ratedAt`);
    order(toMs(s.messages[0]?.at ?? 0), rated, `${w} rated before it started`);
  }
  for (const o of store.orders) {
    const w = `order ${o.id}`;
    const placed = inRange(o.placedAt, `${w}.placedAt`);
    const paid = inRange(o.paidAt, `${w}.paidAt`);
    const cancelled = inRange(o.cancelledAt, `${w}.cancelledAt`);
    const outbound = inRange(o.outboundAt, `${w}.outboundAt`);
    const collected = inRange(o.collectedAt, `${w}.collectedAt`);
    const delivered = inRange(o.deliveredAt, `${w}.deliveredAt`);
    order(placed, paid, `${w} paid before placed`);
    order(placed, cancelled, `${w} cancelled before placed`);
    order(paid ?? placed, outbound, `${w} outbound before paid`);
    order(outbound, collected, `${w} collected before outbound`);
    order(collected, delivered, `${w} delivered before collected`);
    check(collected === undefined || outbound !== undefined, `${w} collected, never outbound`);
    check(delivered === undefined || collected !== undefined, `${w} delivered, never collected`);
    check(!(o.cashOnDelivery === true && o.paidAt !== undefined), `${w} cash on delivery but paid`);
    check(typeof o.amount === 'string' && /^\d+\.\d{2}$/.test(o.amount), `${w} amount ${o.amount}`);
    check(
      o.units === undefined || (o.units !== null && o.units >= 2 && o.units <= 3),
      `${w} units`,
    );
  }
  for (const r of store.reviews) {
    const w = `review ${r.id}`;
    const created = inRange(r.createdAt, `${w}.createdAt`);
    order(created, inRange(r.repliedAt, `${w}.repliedAt`), `${w} replied before created`);
    check(Number.isInteger(r.stars) && r.stars >= 1 && r.stars <= 5, `${w} stars`);
    check(r.orderId !== null, `${w} orderId null`);
    if (typeof r.orderId === 'string') {
      const o = orders.get(r.orderId);
      check(o !== undefined, `${w} names an unknown order`);
      check(o?.customerId === r.customerId, `${w} is not by the order's customer`);
      order(
        o?.deliveredAt === undefined ? undefined : toMs(o.deliveredAt),
        created,
        `${w} before delivery`,
      );
    }
  }
  for (const s of store.serviceOrders) {
    const w = `service order ${s.id}`;
    check(orders.has(s.orderId), `${w} names an unknown order`);
    const applied = inRange(s.appliedAt, `${w}.appliedAt`);
    const approved = inRange(s.approvedAt, `${w}.approvedAt`);
    const rejected = inRange(s.rejectedAt, `${w}.rejectedAt`);
    const completed = inRange(s.completedAt, `${w}.completedAt`);
    const rated = inRange(s.ratedAt, `${w}.ratedAt`);
    check(!(approved !== undefined && rejected !== undefined), `${w} approved and rejected`);
    check(completed === undefined || approved !== undefined, `${w} completed, never approved`);
    order(applied, approved, `${w} approved before applied`);
    order(applied, rejected, `${w} rejected before applied`);
    order(applied, completed, `${w} completed before applied`);
    order(approved, completed, `${w} completed before approved`);
    order(applied, rated, `${w} rated before applied`);
    check((s.rating === undefined) === (s.ratedAt === undefined), `${w} rating iff ratedAt`);
  }
  for (const d of store.disputes) {
    const w = `dispute ${d.id}`;
    check(orders.has(d.orderId), `${w} names an unknown order`);
    const opened = inRange(d.openedAt, `${w}.openedAt`);
    const ruled = inRange(d.ruledAt, `${w}.ruledAt`);
    const upheld = inRange(d.appealUpheldAt, `${w}.appealUpheldAt`);
    check((d.ruling === undefined) === (d.ruledAt === undefined), `${w} ruling iff ruledAt`);
    order(opened, ruled, `${w} ruled before opened`);
    order(ruled, upheld, `${w} appeal upheld before ruling`);
    check(upheld === undefined || ruled !== undefined, `${w} appeal without ruling`);
  }
  for (const a of store.assuredServices) {
    check((ASSURED_SERVICE_IDS as readonly string[]).includes(a.service), `unknown ${a.service}`);
    const enabled = toMs(a.enabledAt);
    check(enabled < endMs, `${a.service} enabled after the end`);
    if (a.disabledAt !== undefined) {
      check(toMs(a.disabledAt) < endMs, `${a.service} disabled after the end`);
      check(enabled < toMs(a.disabledAt), `${a.service} disabled before enabled`);
    }
  }
  return out;
}

const sample = generateStore(SAMPLE_STORE_OPTIONS);
const bigOptions: GenerateStoreOptions = {
  seed: 3,
  endDay: '2026-11-22',
  days: 400,
  ordersPerDay: 60,
  instantFormat: 'epoch-ms',
};
const big = generateStore(bigOptions);

describe('generateStore: determinism', () => {
  it('gives the same JSON for the same options', () => {
    expect(JSON.stringify(generateStore(SMALL))).toBe(JSON.stringify(generateStore(SMALL)));
  });

  it('gives different stores for different seeds', () => {
    const a = JSON.stringify(generateStore(SMALL));
    const b = JSON.stringify(generateStore({ ...SMALL, seed: 12 }));
    expect(a).not.toBe(b);
  });

  it('writes the committed examples/sample-store.json byte for byte', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jwv-generate-')), 'store.json');
    const bytes = writeStoreJson(sample, file);
    const committed = readFileSync('examples/sample-store.json');
    expect(bytes).toBe(committed.length);
    expect(readFileSync(file).equals(committed)).toBe(true);
  });

  it('does not depend on the host time zone (each zone in its own process)', () => {
    const child = fileURLToPath(new URL('./_tz-child.ts', import.meta.url));
    const zones: [string, number][] = [
      ['America/Los_Angeles', 480],
      ['Asia/Kolkata', -330],
      ['Pacific/Chatham', -825],
      ['UTC', 0],
    ];
    const runs = zones.map(([zone, offset]) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', child], {
        input: JSON.stringify(SMALL),
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as { offset: number; store: unknown };
      // The zone took effect in the child: a test that could not fail otherwise.
      expect([zone, out.offset]).toEqual([zone, offset]);
      return JSON.stringify(out.store);
    });
    expect(new Set(runs).size).toBe(1);
    expect(runs[0]).toBe(JSON.stringify(generateStore(SMALL)));
  });

  it('gives the same instants in both formats, Shanghai local strings meaning UTC+8', () => {
    const local = generateStore(SMALL);
    const epoch = generateStore({ ...SMALL, instantFormat: 'epoch-ms' });
    const instants = (x: unknown, out: number[] = []): number[] => {
      if (typeof x === 'number' && x > 1e12) out.push(x);
      else if (typeof x === 'string' && /^\d{4}-\d\d-\d\d /.test(x)) out.push(toMs(x));
      else if (Array.isArray(x)) for (const v of x) instants(v, out);
      else if (x !== null && typeof x === 'object')
        for (const v of Object.values(x)) instants(v, out);
      return out;
    };
    const a = instants(local);
    expect(a.length).toBeGreaterThan(5000);
    expect(instants(epoch)).toEqual(a);
    // The first order is placed on the first day, Shanghai time.
    const first = toMs(local.orders[0]?.placedAt ?? '');
    expect(first).toBeGreaterThanOrEqual(dayStartOf('2026-09-24'));
    expect(first).toBeLessThan(dayStartOf('2026-09-25'));
  });

  it('rejects bad options', () => {
    expect(() => generateStore({ ...SMALL, endDay: '2026-02-30' })).toThrow(RangeError);
    expect(() => generateStore({ ...SMALL, days: 0 })).toThrow(RangeError);
    expect(() => generateStore({ ...SMALL, ordersPerDay: 0 })).toThrow(RangeError);
  });
});

describe('generateStore: validity', () => {
  it('the committed sample and an epoch-ms store parse without any issue', () => {
    const committed: unknown = JSON.parse(readFileSync('examples/sample-store.json', 'utf8'));
    for (const input of [committed, generateStore({ ...SMALL, instantFormat: 'epoch-ms' })]) {
      const { data, rejected } = parseStoreDataLenient(input);
      expect(rejected.map((r) => r.issues)).toEqual([]);
      const raw = input as GeneratedStoreData;
      expect(data.orders).toHaveLength(raw.orders.length);
      expect(data.chatSessions).toHaveLength(raw.chatSessions.length);
      expect(data.reviews).toHaveLength(raw.reviews.length);
      expect(data.serviceOrders).toHaveLength(raw.serviceOrders.length);
      expect(data.disputes).toHaveLength(raw.disputes.length);
      expect(data.assuredServices).toHaveLength(raw.assuredServices.length);
    }
  });

  it.each([
    ['the sample', SAMPLE_STORE_OPTIONS, sample],
    ['a 400-day store in epoch ms', bigOptions, big],
  ] as const)('every record of %s is valid', (_name, options, store) => {
    expect(problems(store, options)).toEqual([]);
  });

  it.each([1, 2, 3, 4, 5, 99, -4, 2 ** 40])('seed %d gives valid records', (seed) => {
    const options: GenerateStoreOptions = {
      seed,
      endDay: '2025-03-01',
      days: 45,
      ordersPerDay: 15,
      storeId: 's',
    };
    const store = generateStore(options);
    expect(problems(store, options)).toEqual([]);
    expect(store.store.id).toBe('s');
  });

  it('puts nothing after endDay 24:00 even for a one-day store', () => {
    const options: GenerateStoreOptions = {
      seed: 5,
      endDay: '2026-01-01',
      days: 1,
      ordersPerDay: 200,
    };
    const store = generateStore(options);
    expect(store.orders.length).toBeGreaterThan(100);
    expect(problems(store, options)).toEqual([]);
  });
});

describe('generateStore: every family and case is present', () => {
  it.each([
    ['the sample', sample],
    ['the 400-day store', big],
  ] as const)('in %s', (_name, s) => {
    expect(s.store.category).toEqual({ level1: '家用电器', level2: '厨房小电' });
    for (const key of ['chatSessions', 'orders', 'reviews', 'serviceOrders', 'disputes'] as const) {
      expect(s[key].length, key).toBeGreaterThan(0);
    }
    expect(s.assuredServices.length).toBeGreaterThanOrEqual(3);
    expect(s.assuredServices.filter((a) => a.disabledAt !== undefined)).toHaveLength(1);
    const chats = s.chatSessions;
    expect(chats.some((c) => c.kind === 'offline-message')).toBe(true);
    expect(chats.some((c) => c.messages.some((m) => m.from === 'robot'))).toBe(true);
    expect(chats.some((c) => c.messages.every((m) => m.from === 'customer'))).toBe(true);
    expect(chats.some((c) => c.stage === 'pre-sales')).toBe(true);
    expect(chats.some((c) => c.stage === 'after-sales')).toBe(true);
    expect(chats.some((c) => c.stage === undefined)).toBe(true);
    expect(chats.some((c) => timeOfDay(toMs(c.messages[0]?.at ?? 0)) < 8 * HOUR)).toBe(true);
    for (const r of [
      'very-satisfied',
      'satisfied',
      'neutral',
      'dissatisfied',
      'very-dissatisfied',
    ]) {
      expect(
        chats.some((c) => c.rating === r),
        r,
      ).toBe(true);
    }
    expect(s.orders.some((o) => o.cashOnDelivery === true)).toBe(true);
    expect(s.orders.some((o) => o.cancelledAt !== undefined)).toBe(true);
    expect(s.orders.some((o) => o.units === 3)).toBe(true);
    expect(s.reviews.some((r) => r.excluded === true)).toBe(true);
    expect(s.reviews.some((r) => r.orderId === undefined)).toBe(true);
    for (const stars of [1, 2, 3, 4, 5])
      expect(s.reviews.some((r) => r.stars === stars)).toBe(true);
    for (const type of ['return', 'exchange', 'repair']) {
      expect(s.serviceOrders.some((o) => o.type === type)).toBe(true);
    }
    expect(s.serviceOrders.some((o) => o.reason === 'quality')).toBe(true);
    expect(s.serviceOrders.some((o) => o.rejectedAt !== undefined)).toBe(true);
    expect(s.serviceOrders.some((o) => o.type === 'return' && o.rating !== undefined)).toBe(true);
    expect(s.disputes.some((d) => d.ruling === 'merchant' || d.ruling === 'shared')).toBe(true);
    expect(s.disputes.some((d) => d.appealUpheldAt !== undefined)).toBe(true);
  });

  it('has a few customers with more than 20 reviews in 90 days', () => {
    const end = dayStartOf('2026-11-23');
    const byCustomer = new Map<string, number>();
    for (const r of sample.reviews) {
      if (toMs(r.createdAt) >= end - 90 * DAY) {
        byCustomer.set(r.customerId, (byCustomer.get(r.customerId) ?? 0) + 1);
      }
    }
    const heavy = [...byCustomer.values()].filter((n) => n > 20);
    expect(heavy.length).toBeGreaterThanOrEqual(1);
    expect(heavy.length).toBeLessThanOrEqual(5);
  });

  it('exports sessions that merge (a return within 10 minutes, same customer and kind)', () => {
    const byCustomer = new Map<string, { start: number; end: number; kind: string }[]>();
    for (const c of sample.chatSessions) {
      const list = byCustomer.get(c.customerId) ?? [];
      list.push({
        start: toMs(c.messages[0]?.at ?? 0),
        end: toMs(c.messages.at(-1)?.at ?? 0),
        kind: c.kind ?? 'consultation',
      });
      byCustomer.set(c.customerId, list);
    }
    let merges = 0;
    for (const list of byCustomer.values()) {
      list.sort((a, b) => a.start - b.start);
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1];
        const next = list[i];
        if (prev && next && prev.kind === next.kind && next.start - prev.end < 10 * 60_000)
          merges++;
      }
    }
    expect(merges).toBeGreaterThan(10);
  });
});

describe('generateStore: rates', () => {
  const s = big;
  const n = s.orders.length;
  const share = (k: number, of: number): number => k / of;

  it('produces about RECORDS_PER_ORDER_DAY records per order-day', () => {
    const perOrderDay = countRecords(s) / (bigOptions.ordersPerDay * bigOptions.days);
    expect(perOrderDay).toBeGreaterThan(RECORDS_PER_ORDER_DAY * 0.97);
    expect(perOrderDay).toBeLessThan(RECORDS_PER_ORDER_DAY * 1.03);
    expect(n / (bigOptions.ordersPerDay * bigOptions.days)).toBeCloseTo(1, 1);
    expect(ordersPerDayFor(5_000_000, 400)).toBe(
      Math.round(5_000_000 / (RECORDS_PER_ORDER_DAY * 400)),
    );
    expect(countRecords({})).toBe(0);
  });

  it('has plausible order rates', () => {
    expect(share(s.orders.filter((o) => o.cashOnDelivery).length, n)).toBeGreaterThan(0.02);
    expect(share(s.orders.filter((o) => o.cashOnDelivery).length, n)).toBeLessThan(0.04);
    const cancelled = share(s.orders.filter((o) => o.cancelledAt !== undefined).length, n);
    expect(cancelled).toBeGreaterThan(0.04);
    expect(cancelled).toBeLessThan(0.065);
    const paid = s.orders.filter((o) => o.paidAt !== undefined);
    const quick = paid.filter((o) => toMs(o.paidAt ?? 0) - toMs(o.placedAt) <= 10 * 60_000);
    expect(share(quick.length, paid.length)).toBeGreaterThan(0.8);
    const delivered = s.orders.filter((o) => o.deliveredAt !== undefined);
    expect(share(delivered.length, n)).toBeGreaterThan(0.9);
    // Collected the same day when shippable before 16:00.
    const early = s.orders.filter((o) => {
      const ship = o.paidAt ?? (o.cashOnDelivery ? o.placedAt : undefined);
      return ship !== undefined && o.collectedAt !== undefined && timeOfDay(toMs(ship)) < 16 * HOUR;
    });
    const sameDay = early.filter((o) => {
      const ship = toMs(o.paidAt ?? o.placedAt);
      return (
        Math.floor((toMs(o.collectedAt ?? 0) + OFFSET) / DAY) === Math.floor((ship + OFFSET) / DAY)
      );
    });
    expect(share(sameDay.length, early.length)).toBeGreaterThan(0.75);
    const days = delivered.map((o) => (toMs(o.deliveredAt ?? 0) - toMs(o.collectedAt ?? 0)) / DAY);
    expect(Math.max(...days)).toBeLessThan(4);
  });

  it('has ~40% of ordering customers chatting pre-sales within 24 h before', () => {
    const starts = new Map<string, number[]>();
    for (const c of s.chatSessions) {
      const list = starts.get(c.customerId) ?? [];
      list.push(toMs(c.messages[0]?.at ?? 0));
      starts.set(c.customerId, list);
    }
    let chatted = 0;
    for (const o of s.orders) {
      const placed = toMs(o.placedAt);
      if ((starts.get(o.customerId) ?? []).some((t) => t <= placed && placed - t <= DAY)) chatted++;
    }
    expect(share(chatted, n)).toBeGreaterThan(0.33);
    expect(share(chatted, n)).toBeLessThan(0.47);
  });

  it('has plausible chat rates', () => {
    const chats = s.chatSessions;
    const offline = chats.filter((c) => c.kind === 'offline-message');
    expect(share(offline.length, chats.length)).toBeGreaterThan(0.05);
    expect(share(offline.length, chats.length)).toBeLessThan(0.1);
    const night = offline.filter((c) => timeOfDay(toMs(c.messages[0]?.at ?? 0)) < 8 * HOUR);
    expect(share(night.length, offline.length)).toBeGreaterThan(0.5);
    const consultations = chats.filter((c) => c.kind === undefined);
    const firstReply = (c: (typeof chats)[number]): number | undefined => {
      const start = toMs(c.messages[0]?.at ?? 0);
      const reply = c.messages.find((m) => m.from !== 'customer');
      return reply === undefined ? undefined : toMs(reply.at) - start;
    };
    const delays = consultations.map(firstReply);
    const unanswered = delays.filter((d) => d === undefined).length;
    expect(share(unanswered, consultations.length)).toBeGreaterThan(0.01);
    expect(share(unanswered, consultations.length)).toBeLessThan(0.08);
    const within30 = delays.filter((d) => d !== undefined && d <= 30_000).length;
    expect(share(within30, consultations.length)).toBeGreaterThan(0.75);
    expect(share(within30, consultations.length)).toBeLessThan(0.95);
    const rated = chats.filter((c) => c.rating !== undefined);
    expect(share(rated.length, chats.length)).toBeGreaterThan(0.22);
    expect(share(rated.length, chats.length)).toBeLessThan(0.35);
    const satisfied = rated.filter(
      (c) => c.rating === 'very-satisfied' || c.rating === 'satisfied',
    );
    expect(share(satisfied.length, rated.length)).toBeGreaterThan(0.8);
    for (const c of consultations) {
      expect(c.messages.length).toBeGreaterThanOrEqual(1);
      expect(c.messages.length).toBeLessThanOrEqual(8);
    }
  });

  it('has plausible review, after-sales and dispute rates', () => {
    const delivered = s.orders.filter((o) => o.deliveredAt !== undefined).length;
    expect(share(s.reviews.length, delivered)).toBeGreaterThan(0.27);
    expect(share(s.reviews.length, delivered)).toBeLessThan(0.34);
    const negative = s.reviews.filter((r) => r.stars === 1).length;
    expect(share(negative, s.reviews.length)).toBeGreaterThan(0.01);
    expect(share(negative, s.reviews.length)).toBeLessThan(0.06);
    const medNeg = s.reviews.filter((r) => r.stars <= 3);
    const inTime = medNeg.filter(
      (r) => r.repliedAt !== undefined && toMs(r.repliedAt) - toMs(r.createdAt) <= DAY,
    );
    expect(share(inTime.length, medNeg.length)).toBeGreaterThan(0.7);
    expect(share(inTime.length, medNeg.length)).toBeLessThan(0.9);
    const excluded = s.reviews.filter((r) => r.excluded).length;
    expect(share(excluded, s.reviews.length)).toBeGreaterThan(0.01);
    expect(share(excluded, s.reviews.length)).toBeLessThan(0.04);

    expect(share(s.serviceOrders.length, n)).toBeGreaterThan(0.03);
    expect(share(s.serviceOrders.length, n)).toBeLessThan(0.05);
    const approved = s.serviceOrders.filter((o) => o.approvedAt !== undefined).length;
    expect(share(approved, s.serviceOrders.length)).toBeGreaterThan(0.8);
    const durations = s.serviceOrders
      .filter((o) => o.completedAt !== undefined)
      .map((o) => (toMs(o.completedAt ?? 0) - toMs(o.appliedAt)) / DAY);
    expect(Math.min(...durations)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...durations)).toBeLessThanOrEqual(5);

    expect(share(s.disputes.length, n)).toBeGreaterThan(0.001);
    expect(share(s.disputes.length, n)).toBeLessThan(0.006);
  });
});
