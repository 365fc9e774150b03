-- jd-weather-vane: the tables the metric SQL reads (one per collection, plus store_id), in
-- ClickHouse's dialect: the same tables and columns as sql/duckdb/schema.sql. Instants are
-- epoch milliseconds (Int64, UTC), money integer fen, as the library's parsed records hold
-- them (docs/warehouse.md). Optional fields are Nullable, NULL when absent. MergeTree ordered
-- by store_id: on a cluster, each is the local table under a Distributed table sharded by
-- store_id (docs/warehouse.md, "ClickHouse on a cluster").

CREATE TABLE IF NOT EXISTS stores (
  store_id String,
  name Nullable(String),
  category_level1 Nullable(String),
  category_level2 Nullable(String)
) ENGINE = MergeTree ORDER BY store_id
;
-- One row per chat session record (咚咚 session or 留言); its messages in chat_messages.
CREATE TABLE IF NOT EXISTS chat_sessions (
  store_id String,
  id String,
  customer_id String,
  kind String,                    -- 'consultation' | 'offline-message'
  stage Nullable(String),         -- 'pre-sales' | 'after-sales' | NULL (derived)
  rating Nullable(String),        -- 'very-satisfied' … 'very-dissatisfied' | NULL
  rated_at_ms Nullable(Int64)
) ENGINE = MergeTree ORDER BY (store_id, id)
;
-- One row per message; seq is the message's position in its record as listed (0-based):
-- the order of messages stamped at the same instant.
CREATE TABLE IF NOT EXISTS chat_messages (
  store_id String,
  session_id String,
  seq Int64,
  sender String,                  -- 'customer' | 'agent' | 'robot'
  at_ms Int64
) ENGINE = MergeTree ORDER BY (store_id, session_id, seq)
;
CREATE TABLE IF NOT EXISTS orders (
  store_id String,
  id String,
  customer_id String,
  placed_at_ms Int64,
  paid_at_ms Nullable(Int64),
  cash_on_delivery Bool,
  amount_fen Int64,
  units Int64,
  cancelled_at_ms Nullable(Int64),
  outbound_at_ms Nullable(Int64),
  collected_at_ms Nullable(Int64),
  delivered_at_ms Nullable(Int64)
) ENGINE = MergeTree ORDER BY (store_id, id)
;
CREATE TABLE IF NOT EXISTS reviews (
  store_id String,
  id String,
  customer_id String,
  order_id Nullable(String),
  created_at_ms Int64,
  stars Int64,
  replied_at_ms Nullable(Int64),
  excluded Bool
) ENGINE = MergeTree ORDER BY (store_id, id)
;
CREATE TABLE IF NOT EXISTS service_orders (
  store_id String,
  id String,
  order_id String,
  type String,                    -- 'return' | 'exchange' | 'repair'
  reason String,
  applied_at_ms Int64,
  approved_at_ms Nullable(Int64),
  rejected_at_ms Nullable(Int64),
  completed_at_ms Nullable(Int64),
  rating Nullable(String),
  rated_at_ms Nullable(Int64)
) ENGINE = MergeTree ORDER BY (store_id, id)
;
CREATE TABLE IF NOT EXISTS disputes (
  store_id String,
  id String,
  order_id String,
  opened_at_ms Int64,
  ruling Nullable(String),        -- 'merchant' | 'shared' | 'customer' | 'platform' | NULL
  ruled_at_ms Nullable(Int64),
  appeal_upheld_at_ms Nullable(Int64)
) ENGINE = MergeTree ORDER BY (store_id, id)
;
CREATE TABLE IF NOT EXISTS assured_services (
  store_id String,
  service String,
  enabled_at_ms Int64,
  disabled_at_ms Nullable(Int64)
) ENGINE = MergeTree ORDER BY (store_id, service)
