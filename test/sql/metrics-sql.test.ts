import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateStore } from '../../examples/generate.js';
import type { StoreData } from '../../src/model.js';
import { parseStoreData, parseStoreDataLenient } from '../../src/schemas/parse.js';
import { evaluateStore } from '../../src/scorecard/evaluateStore.js';
import { dayStartMs, parseDayKey } from '../../src/time/shanghai.js';
import { baseUnits, createTables, loadStores, metricTallies } from '../../sql/duckdb.js';

let instance: DuckDBInstance;
let conn: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
});
afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
});

async function freshConnection(): Promise<DuckDBConnection> {
  conn?.closeSync();
  conn = await instance.connect();
  for (const t of [
    'stores',
    'chat_sessions',
    'chat_messages',
    'orders',
    'reviews',
    'service_orders',
    'disputes',
    'assured_services',
  ]) {
    await conn.run(`DROP TABLE IF EXISTS ${t}`);
  }
  await createTables(conn);
  return conn;
}

/** Every store × metric where SQL and library differ, as readable lines. */
async function differences(stores: readonly StoreData[], asOfs: readonly string[]) {
  const c = await freshConnection();
  await loadStores(c, stores);
  const out: string[] = [];
  let compared = 0;
  for (const asOf of asOfs) {
    const tallies = await metricTallies(c, asOf);
    const cards = new Map(stores.map((s) => [s.store.id, evaluateStore(s, { asOf })]));
    for (const t of tallies) {
      const m = cards.get(t.storeId)?.metrics[t.metricId];
      if (m === undefined) {
        out.push(`${asOf} ${t.storeId} ${t.metricId}: no library result`);
        continue;
      }
      const lib = baseUnits(t.metricId, m.numerator, m.denominator);
      const sql = { numerator: String(t.numerator), denominator: String(t.denominator) };
      compared++;
      if (lib.numerator !== sql.numerator || lib.denominator !== sql.denominator) {
        out.push(
          `${asOf} ${t.storeId} ${t.metricId}: library ${lib.numerator}/${lib.denominator}, SQL ${sql.numerator}/${sql.denominator}`,
        );
      }
    }
  }
  return { out, compared };
}

describe('sql/metrics.sql equals the library (DuckDB)', () => {
  it('on generated stores loaded together, for several as-of days', async () => {
    const stores = [11, 12, 13].map((seed) =>
      parseStoreData(
        generateStore({
          seed,
          endDay: '2026-11-22',
          days: 150,
          ordersPerDay: 6 + seed,
          storeId: `gen-${seed}`,
        }),
      ),
    );
    const { out, compared } = await differences(stores, [
      '2026-11-23',
      '2026-11-01',
      '2026-10-02',
      '2026-08-15',
      '2026-07-01',
    ]);
    expect(compared).toBe(3 * 19 * 5);
    expect(out).toEqual([]);
  });

  it('on random stores crowded at the boundaries (several per run)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(crowdedStoreArb, { minLength: 3, maxLength: 6 }), async (raw) => {
        const stores = raw.map((r, i) => {
          const { data } = parseStoreDataLenient({ ...r, store: { id: `r${i}` } });
          return data;
        });
        const { out } = await differences(stores, [AS_OF, DAY_AFTER, DAY_BEFORE]);
        expect(out).toEqual([]);
      }),
      { numRuns: 25, seed: 20261123, endOnFailure: true },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Random raw stores whose instants crowd the edges that decide results: the as-of instant and
// midnights (±1 ms), the 10-minute merge gap, the 30-second rate, the 24-hour deadlines, the
// collection cut-off, equal instants, and missing ratedAt / ruledAt.

const AS_OF = '2026-11-23';
const DAY_AFTER = '2026-11-24';
const DAY_BEFORE = '2026-11-22';
const A = dayStartMs(parseDayKey(AS_OF));
const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const edgeInstant = fc.oneof(
  // near the as-of instant and the midnights around it, to the millisecond
  fc
    .tuple(fc.integer({ min: -40, max: 2 }), fc.constantFrom(-1, 0, 1, -MIN, 30_000))
    .map(([d, e]) => A + d * DAY + e),
  // the collection cut-off hour and the assessment hours' edges
  fc
    .tuple(fc.integer({ min: -40, max: 1 }), fc.constantFrom(8, 16, 23, 0), fc.constantFrom(-1, 0))
    .map(([d, h, e]) => A + d * DAY + h * HOUR + e),
  // anywhere in the last 200 days, to the second
  fc.integer({ min: -200 * 24 * 3600, max: 2 * 24 * 3600 }).map((s) => A + s * 1000),
);
const delay = fc.oneof(
  fc.constantFrom(0, 1, 30_000, 30_001, 10 * MIN - 1, 10 * MIN, 24 * HOUR, 24 * HOUR + 1),
  fc.integer({ min: 0, max: 3 * DAY }),
);
const customer = fc.constantFrom('c0', 'c1', 'c2');
const rating = fc.constantFrom(
  'very-satisfied',
  'satisfied',
  'neutral',
  'dissatisfied',
  'very-dissatisfied',
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });

const sessionArb = (id: string) =>
  fc
    .record({
      customerId: customer,
      start: edgeInstant,
      steps: fc.array(
        fc.tuple(
          fc.constantFrom('customer', 'agent', 'robot'),
          fc.constantFrom(0, 0, 1000, 30_000, 30_001, 5 * MIN, 10 * MIN),
        ),
        { maxLength: 4 },
      ),
      kind: fc.constantFrom('consultation', 'consultation', 'offline-message'),
      stage: maybe(fc.constantFrom('pre-sales', 'after-sales')),
      rating: maybe(rating),
      ratedDelay: maybe(delay),
    })
    .map((s) => {
      const messages = [{ from: 'customer', at: s.start }];
      let t = s.start;
      for (const [from, g] of s.steps) {
        t += g;
        messages.push({ from, at: t });
      }
      return {
        id,
        customerId: s.customerId,
        kind: s.kind,
        stage: s.stage,
        messages,
        rating: s.rating,
        ratedAt: s.rating === undefined || s.ratedDelay === undefined ? undefined : t + s.ratedDelay,
      };
    });

const orderArb = (id: string) =>
  fc
    .record({
      customerId: customer,
      placedAt: edgeInstant,
      cod: fc.boolean(),
      paid: maybe(delay),
      cancelled: maybe(delay),
      outbound: maybe(delay),
      collected: maybe(delay),
      delivered: maybe(delay),
      amountFen: fc.integer({ min: 0, max: 50_000 }),
      units: fc.integer({ min: 1, max: 3 }),
    })
    .map((o) => {
      const paidAt = o.cod || o.paid === undefined ? undefined : o.placedAt + o.paid;
      const ship = o.cod ? o.placedAt : paidAt;
      const outboundAt = ship === undefined || o.outbound === undefined ? undefined : ship + o.outbound;
      const collectedAt =
        outboundAt === undefined || o.collected === undefined ? undefined : outboundAt + o.collected;
      const deliveredAt =
        collectedAt === undefined || o.delivered === undefined ? undefined : collectedAt + o.delivered;
      return {
        id,
        customerId: o.customerId,
        placedAt: o.placedAt,
        paidAt,
        cashOnDelivery: o.cod,
        amount: o.amountFen / 100,
        units: o.units,
        cancelledAt: o.cancelled === undefined ? undefined : o.placedAt + o.cancelled,
        outboundAt,
        collectedAt,
        deliveredAt,
      };
    });

const crowdedStoreArb = fc
  .record({ nSessions: fc.integer({ min: 0, max: 10 }), nOrders: fc.integer({ min: 1, max: 10 }) })
  .chain(({ nSessions, nOrders }) =>
    fc.record({
      chatSessions: fc.tuple(...Array.from({ length: nSessions }, (_, i) => sessionArb(`s${i}`))),
      orders: fc.tuple(...Array.from({ length: nOrders }, (_, i) => orderArb(`o${i}`))),
      reviews: fc.array(
        fc.record({
          customerId: customer,
          createdAt: edgeInstant,
          stars: fc.integer({ min: 1, max: 5 }),
          reply: maybe(delay),
          excluded: fc.boolean(),
        }),
        { maxLength: 25 },
      ),
      serviceOrders: fc.array(
        fc.record({
          order: fc.integer({ min: 0, max: nOrders - 1 }),
          type: fc.constantFrom('return', 'exchange', 'repair'),
          reason: fc.constantFrom('quality', 'appearance', 'no-reason', 'other'),
          appliedAt: edgeInstant,
          approve: maybe(delay),
          complete: maybe(delay),
          rating: maybe(rating),
          rated: maybe(delay),
        }),
        { maxLength: 6 },
      ),
      disputes: fc.array(
        fc.record({
          order: fc.integer({ min: 0, max: nOrders - 1 }),
          opened: delay,
          ruling: maybe(fc.constantFrom('merchant', 'shared', 'customer', 'platform')),
          ruled: maybe(delay),
          appeal: maybe(delay),
        }),
        { maxLength: 4 },
      ),
    }),
  )
  .map((s) => ({
    chatSessions: s.chatSessions,
    orders: s.orders,
    reviews: s.reviews.map((r, i) => ({
      id: `r${i}`,
      customerId: r.customerId,
      createdAt: r.createdAt,
      stars: r.stars,
      repliedAt: r.reply === undefined ? undefined : r.createdAt + r.reply,
      excluded: r.excluded && r.stars === 1,
    })),
    serviceOrders: s.serviceOrders.map((v, i) => {
      const approvedAt = v.approve === undefined ? undefined : v.appliedAt + v.approve;
      const completedAt =
        approvedAt === undefined || v.complete === undefined ? undefined : approvedAt + v.complete;
      return {
        id: `v${i}`,
        orderId: `o${v.order}`,
        type: v.type,
        reason: v.reason,
        appliedAt: v.appliedAt,
        approvedAt,
        completedAt,
        rating: v.rating,
        ratedAt:
          v.rating === undefined || v.rated === undefined ? undefined : v.appliedAt + v.rated,
      };
    }),
    disputes: s.disputes.map((d, i) => {
      const placed = (s.orders[d.order] as { placedAt: number }).placedAt;
      const openedAt = placed + d.opened;
      const ruledAt =
        d.ruling === undefined || d.ruled === undefined ? undefined : openedAt + d.ruled;
      return {
        id: `d${i}`,
        orderId: `o${d.order}`,
        openedAt,
        ruling: d.ruling,
        ruledAt,
        appealUpheldAt: d.appeal === undefined ? undefined : (ruledAt ?? openedAt) + d.appeal,
      };
    }),
  }));
