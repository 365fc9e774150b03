/**
 * The equality tests of the metric SQL, shared by every engine: DuckDB (test/sql/, in `npm
 * test`) and ClickHouse through chDB (test/clickhouse/, `npm run test:clickhouse`). Each engine
 * runs the same cases on the same stores: generated stores loaded together, JSON Lines folders
 * loaded in SQL, random stores crowded at the boundaries, and undated decisions; every
 * numerator and denominator of every metric is compared with the library's, for several as-of
 * days.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateStore } from '../../bench/generate/index.js';
import { evaluateStore } from '../../src/evaluate/evaluate.js';
import { STORE_DATA_COLLECTIONS, type StoreData } from '../../src/model.js';
import { writeStoreDir } from '../../src/node/index.js';
import { parseStoreData, parseStoreDataLenient } from '../../src/schemas/parse.js';
import { baseUnits, resultFromTally, type SqlTally } from '../../src/sql/index.js';
import { dayStartMs, parseDayKey } from '../../src/time/shanghai.js';

/** An engine under test: empty tables, two ways to load, and the tallies of an as-of day. */
export interface SqlEngine {
  /** Drops and creates the tables (no data). */
  fresh(): Promise<void>;
  loadStores(stores: readonly StoreData[]): Promise<void>;
  loadJsonl(root: string): Promise<void>;
  tallies(asOf: string): Promise<SqlTally[]>;
}

/** Every store × metric where SQL and library differ, as readable lines. */
async function differences(
  engine: SqlEngine,
  stores: readonly StoreData[],
  asOfs: readonly string[],
) {
  await engine.fresh();
  await engine.loadStores(stores);
  const out: string[] = [];
  let compared = 0;
  for (const asOf of asOfs) {
    const tallies = await engine.tallies(asOf);
    const cards = new Map(stores.map((s) => [s.store.id, evaluateStore(s, { asOf })]));
    for (const t of tallies) {
      const card = cards.get(t.storeId);
      const m =
        t.metricId === 'reviews.good-rate' ? card?.goodReviewRate : card?.metrics[t.metricId];
      if (m === undefined) {
        out.push(`${asOf} ${t.storeId} ${t.metricId}: no library result`);
        continue;
      }
      const lib = baseUnits(t.metricId, m.numerator, m.denominator);
      const sql = { numerator: String(t.numerator), denominator: String(t.denominator) };
      compared++;
      const fromSql = resultFromTally(t, asOf);
      // The facilitated share's status rests on its sample (received consultations), which
      // sql/metrics.sql does not tally yet: its sums are compared, its status and value not.
      const ownSample = m.sample !== undefined;
      if (ownSample) {
        if (JSON.stringify(fromSql.window) !== JSON.stringify(m.window))
          out.push(`${asOf} ${t.storeId} ${t.metricId}: window differs`);
      } else if (
        fromSql.status !== m.status ||
        String(fromSql.value) !== String(m.value) ||
        JSON.stringify(fromSql.window) !== JSON.stringify(m.window)
      ) {
        out.push(`${asOf} ${t.storeId} ${t.metricId}: result from the tally differs`);
      }
      if (lib.numerator !== sql.numerator || lib.denominator !== sql.denominator) {
        out.push(
          `${asOf} ${t.storeId} ${t.metricId}: library ${lib.numerator}/${lib.denominator}, SQL ${sql.numerator}/${sql.denominator}`,
        );
      }
    }
  }
  return { out, compared };
}

/** The equality tests, on the engine `engine()` gives (set up in the caller's beforeAll). */
export function describeMetricSqlEquality(name: string, engine: () => SqlEngine): void {
  describe(`the metric SQL equals the library (${name})`, () => {
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
      const { out, compared } = await differences(engine(), stores, [
        '2026-11-23',
        '2026-11-01',
        '2026-10-02',
        '2026-08-15',
        '2026-07-01',
      ]);
      expect(compared).toBe(3 * 20 * 5);
      expect(out).toEqual([]);
    });

    it('loads JSON Lines store folders in SQL to the same tallies', async () => {
      const root = mkdtempSync(join(tmpdir(), 'jwv-sql-'));
      const raw = [21, 22].map((seed) =>
        generateStore({
          seed,
          endDay: '2026-11-22',
          days: 90,
          ordersPerDay: 8,
          storeId: `dir-${seed}`,
          instantFormat: seed === 21 ? 'shanghai-local' : 'epoch-ms',
        }),
      );
      for (const r of raw) await writeStoreDir(join(root, r.store.id), r);
      const e = engine();
      await e.fresh();
      await e.loadJsonl(root);
      const fromFiles = await e.tallies('2026-11-23');
      const { out, compared } = await differences(
        e,
        raw.map((r) => parseStoreData(r)),
        ['2026-11-23'],
      );
      expect(out).toEqual([]);
      expect(compared).toBe(2 * 20);
      // differences() left the same stores loaded from parsed records.
      expect(fromFiles).toEqual(await e.tallies('2026-11-23'));
      expect(fromFiles.filter((t) => t.denominator > 0n).length).toBeGreaterThan(30);
    });

    it('on random stores crowded at the boundaries (several per run)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(crowdedStoreArb, { minLength: 3, maxLength: 6 }), async (raw) => {
          const stores = raw.map((r, i) => {
            // Every collection given (empty when the store has none): SQL measures what is
            // loaded, and cannot tell a collection not provided from an empty one.
            const given = Object.fromEntries(
              STORE_DATA_COLLECTIONS.map((c) => [c, (r as Record<string, unknown>)[c] ?? []]),
            );
            const { data } = parseStoreDataLenient({ ...r, ...given, store: { id: `r${i}` } });
            return data;
          });
          const { out } = await differences(engine(), stores, [AS_OF, DAY_AFTER, DAY_BEFORE]);
          expect(out).toEqual([]);
        }),
        { numRuns: 25, seed: 20261123, endOnFailure: true },
      );
    });

    it('dates a missing ratedAt from facts that have happened, as the library does', async () => {
      const data = parseStoreData({
        store: { id: 'f1' },
        orders: [{ id: 'o1', customerId: 'c2', placedAt: '2026-10-01 10:00:00', amount: 5 }],
        chatSessions: [
          {
            id: 'a',
            customerId: 'c1',
            messages: [
              { from: 'customer', at: '2026-11-01 10:00:00' },
              { from: 'agent', at: '2026-11-23 00:00:05' },
            ],
            rating: 'satisfied',
          },
        ],
        serviceOrders: [
          {
            id: 'v1',
            orderId: 'o1',
            type: 'return',
            reason: 'quality',
            appliedAt: '2026-11-10 10:00:00',
            approvedAt: '2026-11-10 12:00:00',
            completedAt: '2026-11-23 09:00:00',
            rating: 'satisfied',
          },
        ],
      });
      const e = engine();
      await e.fresh();
      await e.loadStores([data]);
      const sql = Object.fromEntries(
        (await e.tallies(AS_OF)).map((t) => [t.metricId, `${t.numerator}/${t.denominator}`]),
      );
      // The agent's message at 00:00:05 on the as-of day has not happened: the rating is dated
      // at the last message that has (11-01 10:00) and counts; so is the completion at 09:00:
      // the return's rating is dated at its approval (11-10) and counts.
      expect(sql['consultation.presales-satisfaction']).toBe('1/1');
      expect(sql['after-sales.return-satisfaction']).toBe('1/1');
      const card = evaluateStore(data, { asOf: AS_OF });
      const lib = (id: 'consultation.presales-satisfaction' | 'after-sales.return-satisfaction') =>
        `${card.metrics[id].numerator}/${card.metrics[id].denominator}`;
      // The library agrees: a fact stamped after the as-of instant never changes a result.
      expect([
        lib('consultation.presales-satisfaction'),
        lib('after-sales.return-satisfaction'),
      ]).toEqual(['1/1', '1/1']);
    });
  });
}

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

const sessionSpecArb = fc.record({
  customerId: customer,
  start: edgeInstant,
  // start relative to the previous session's last message: the merge gap's edges
  follow: maybe(fc.constantFrom(0, 1, 10 * MIN - 1, 10 * MIN, 10 * MIN + 1)),
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
  ratedFixed: maybe(fc.constantFrom(A - DAY, A - 1, A)),
});
type SessionSpec = typeof sessionSpecArb extends fc.Arbitrary<infer T> ? T : never;

/** Sessions in order, a follower starting relative to the previous session's last message. */
const chainSessions = (specs: readonly SessionSpec[]) => {
  let previousEnd: number | undefined;
  return specs.map((s, i) => {
    const start =
      s.follow !== undefined && previousEnd !== undefined ? previousEnd + s.follow : s.start;
    const messages = [{ from: 'customer', at: start }];
    let t = start;
    for (const [from, g] of s.steps) {
      t += g;
      messages.push({ from, at: t });
    }
    previousEnd = t;
    return {
      id: `s${i}`,
      customerId: s.customerId,
      kind: s.kind,
      stage: s.stage,
      messages,
      rating: s.rating,
      // Undated ratings too, in records going on at the as-of instant.
      ratedAt:
        s.rating === undefined
          ? undefined
          : (s.ratedFixed ?? (s.ratedDelay === undefined ? undefined : t + s.ratedDelay)),
    };
  });
};

const orderSpecArb = fc.record({
  customerId: customer,
  placedAt: edgeInstant,
  // placed relative to a session's start (same customer): the attribution window's edges
  afterSession: maybe(fc.tuple(fc.nat(), fc.constantFrom(-1, 0, HOUR, 24 * HOUR, 24 * HOUR + 1))),
  cod: fc.boolean(),
  paid: maybe(delay),
  cancelled: maybe(delay),
  outbound: maybe(delay),
  collected: maybe(delay),
  delivered: maybe(delay),
  amountFen: fc.integer({ min: 0, max: 50_000 }),
  units: fc.integer({ min: 1, max: 3 }),
});
type OrderSpec = typeof orderSpecArb extends fc.Arbitrary<infer T> ? T : never;

const buildOrder = (
  o: OrderSpec,
  i: number,
  sessions: readonly { customerId: string; messages: { at: number }[] }[],
) => {
  const session =
    o.afterSession === undefined || sessions.length === 0
      ? undefined
      : sessions[o.afterSession[0] % sessions.length];
  const placedAt =
    session === undefined
      ? o.placedAt
      : (session.messages[0] as { at: number }).at + (o.afterSession as [number, number])[1];
  const paidAt = o.cod || o.paid === undefined ? undefined : placedAt + o.paid;
  const ship = o.cod ? placedAt : paidAt;
  const outboundAt = ship === undefined || o.outbound === undefined ? undefined : ship + o.outbound;
  const collectedAt =
    outboundAt === undefined || o.collected === undefined ? undefined : outboundAt + o.collected;
  const deliveredAt =
    collectedAt === undefined || o.delivered === undefined ? undefined : collectedAt + o.delivered;
  return {
    id: `o${i}`,
    customerId: session?.customerId ?? o.customerId,
    placedAt,
    paidAt,
    cashOnDelivery: o.cod,
    amount: o.amountFen / 100,
    units: o.units,
    cancelledAt: o.cancelled === undefined ? undefined : placedAt + o.cancelled,
    outboundAt,
    collectedAt,
    deliveredAt,
  };
};

const crowdedStoreArb = fc
  .record({ nSessions: fc.integer({ min: 0, max: 10 }), nOrders: fc.integer({ min: 1, max: 10 }) })
  .chain(({ nSessions, nOrders }) =>
    fc.record({
      sessionSpecs: fc.array(sessionSpecArb, { minLength: nSessions, maxLength: nSessions }),
      orderSpecs: fc.array(orderSpecArb, { minLength: nOrders, maxLength: nOrders }),
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
  .map((spec) => {
    const chatSessions = chainSessions(spec.sessionSpecs);
    const orders = spec.orderSpecs.map((o, i) => buildOrder(o, i, chatSessions));
    return { ...spec, chatSessions, orders };
  })
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
        // Undated ratings too, whose approval or completion is at or after the as-of instant.
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
