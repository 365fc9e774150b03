/**
 * Parsed stores as the rows of the SQL tables, shared by the DuckDB and ClickHouse loaders.
 *
 * @module
 */
import type { StoreData } from '../model.js';

/**
 * The tables of the schema (`sql/<dialect>/schema.sql`), in load order.
 *
 * @example
 * ```ts
 * import { SQL_TABLES } from 'jd-weather-vane/sql';
 * SQL_TABLES.slice(0, 3);
 * //=> ['stores', 'chat_sessions', 'chat_messages']
 * ```
 */
export const SQL_TABLES = [
  'stores',
  'chat_sessions',
  'chat_messages',
  'orders',
  'reviews',
  'service_orders',
  'disputes',
  'assured_services',
] as const;

/** @internal The columns of each table of {@link SQL_TABLES}, in order. */
export const SQL_TABLE_COLUMNS: Readonly<Record<(typeof SQL_TABLES)[number], readonly string[]>> = {
  stores: ['store_id', 'name', 'category_level1', 'category_level2'],
  chat_sessions: ['store_id', 'id', 'customer_id', 'kind', 'stage', 'rating', 'rated_at_ms'],
  chat_messages: ['store_id', 'session_id', 'seq', 'sender', 'at_ms'],
  orders: [
    'store_id',
    'id',
    'customer_id',
    'placed_at_ms',
    'paid_at_ms',
    'cash_on_delivery',
    'amount_fen',
    'units',
    'cancelled_at_ms',
    'outbound_at_ms',
    'collected_at_ms',
    'delivered_at_ms',
  ],
  reviews: [
    'store_id',
    'id',
    'customer_id',
    'order_id',
    'created_at_ms',
    'stars',
    'replied_at_ms',
    'excluded',
  ],
  service_orders: [
    'store_id',
    'id',
    'order_id',
    'type',
    'reason',
    'applied_at_ms',
    'approved_at_ms',
    'rejected_at_ms',
    'completed_at_ms',
    'rating',
    'rated_at_ms',
  ],
  disputes: [
    'store_id',
    'id',
    'order_id',
    'opened_at_ms',
    'ruling',
    'ruled_at_ms',
    'appeal_upheld_at_ms',
  ],
  assured_services: ['store_id', 'service', 'enabled_at_ms', 'disabled_at_ms'],
};

/** @internal One cell of a row: `undefined` is NULL. */
export type SqlCell = string | number | boolean | undefined;

/**
 * @internal Every row of the tables for parsed stores: the table's index in
 * {@link SQL_TABLES}, the cells in column order and each cell's kind (`v` text, `b` bigint,
 * `i` integer, `x` boolean). Shared by the DuckDB and ClickHouse loaders.
 */
export function* storeRows(
  stores: readonly StoreData[],
): Generator<{ table: number; cells: readonly SqlCell[]; kinds: string }> {
  for (const d of stores) {
    const id = d.store.id;
    yield {
      table: 0,
      cells: [id, d.store.name, d.store.category?.level1, d.store.category?.level2],
      kinds: 'vvvv',
    };
    for (const s of d.chatSessions) {
      yield {
        table: 1,
        cells: [id, s.id, s.customerId, s.kind, s.stage, s.rating, s.ratedAt],
        kinds: 'vvvvvvb',
      };
      for (let i = 0; i < s.messages.length; i++) {
        const m = s.messages[i] as (typeof s.messages)[number];
        yield { table: 2, cells: [id, s.id, i, m.from, m.at], kinds: 'vvivb' };
      }
    }
    for (const o of d.orders) {
      yield {
        table: 3,
        cells: [
          id,
          o.id,
          o.customerId,
          o.placedAt,
          o.paidAt,
          o.cashOnDelivery,
          o.amountFen,
          o.units,
          o.cancelledAt,
          o.outboundAt,
          o.collectedAt,
          o.deliveredAt,
        ],
        kinds: 'vvvbbxbibbbb',
      };
    }
    for (const r of d.reviews) {
      yield {
        table: 4,
        cells: [id, r.id, r.customerId, r.orderId, r.createdAt, r.stars, r.repliedAt, r.excluded],
        kinds: 'vvvvbibx',
      };
    }
    for (const s of d.serviceOrders) {
      yield {
        table: 5,
        cells: [
          id,
          s.id,
          s.orderId,
          s.type,
          s.reason,
          s.appliedAt,
          s.approvedAt,
          s.rejectedAt,
          s.completedAt,
          s.rating,
          s.ratedAt,
        ],
        kinds: 'vvvvvbbbbvb',
      };
    }
    for (const x of d.disputes) {
      yield {
        table: 6,
        cells: [
          id,
          x.id,
          x.orderId,
          x.openedAt,
          x.ruling,
          x.ruledAtInferred ? undefined : x.ruledAt,
          x.appealUpheldAt,
        ],
        kinds: 'vvvbvbb',
      };
    }
    for (const a of d.assuredServices) {
      yield { table: 7, cells: [id, a.service, a.enabledAt, a.disabledAt], kinds: 'vvbb' };
    }
  }
}
