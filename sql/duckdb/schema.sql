-- jd-weather-vane: the tables the metric SQL reads (one per collection, plus store_id).
-- Instants are epoch milliseconds (BIGINT, UTC), money integer fen, as the library's parsed
-- records hold them (docs/warehouse.md). Optional fields are NULL when absent.

CREATE TABLE IF NOT EXISTS stores (
  store_id VARCHAR NOT NULL,
  name VARCHAR,
  category_level1 VARCHAR,
  category_level2 VARCHAR
)
;

-- One row per chat session record (咚咚 session or 留言); its messages in chat_messages.
CREATE TABLE IF NOT EXISTS chat_sessions (
  store_id VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  customer_id VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,          -- 'consultation' | 'offline-message'
  stage VARCHAR,                  -- 'pre-sales' | 'after-sales' | NULL (derived)
  rating VARCHAR,                 -- 'very-satisfied' … 'very-dissatisfied' | NULL
  rated_at_ms BIGINT
)
;

-- One row per message; seq is the message's position in its record as listed (0-based):
-- the order of messages stamped at the same instant.
CREATE TABLE IF NOT EXISTS chat_messages (
  store_id VARCHAR NOT NULL,
  session_id VARCHAR NOT NULL,
  seq INTEGER NOT NULL,
  sender VARCHAR NOT NULL,        -- 'customer' | 'agent' | 'robot'
  at_ms BIGINT NOT NULL
)
;

CREATE TABLE IF NOT EXISTS orders (
  store_id VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  customer_id VARCHAR NOT NULL,
  placed_at_ms BIGINT NOT NULL,
  paid_at_ms BIGINT,
  cash_on_delivery BOOLEAN NOT NULL,
  amount_fen BIGINT NOT NULL,
  units INTEGER NOT NULL,
  cancelled_at_ms BIGINT,
  outbound_at_ms BIGINT,
  collected_at_ms BIGINT,
  delivered_at_ms BIGINT
)
;

CREATE TABLE IF NOT EXISTS reviews (
  store_id VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  customer_id VARCHAR NOT NULL,
  order_id VARCHAR,
  created_at_ms BIGINT NOT NULL,
  stars INTEGER NOT NULL,
  replied_at_ms BIGINT,
  excluded BOOLEAN NOT NULL
)
;

CREATE TABLE IF NOT EXISTS service_orders (
  store_id VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  order_id VARCHAR NOT NULL,
  type VARCHAR NOT NULL,          -- 'return' | 'exchange' | 'repair'
  reason VARCHAR NOT NULL,
  applied_at_ms BIGINT NOT NULL,
  approved_at_ms BIGINT,
  rejected_at_ms BIGINT,
  completed_at_ms BIGINT,
  rating VARCHAR,
  rated_at_ms BIGINT
)
;

CREATE TABLE IF NOT EXISTS disputes (
  store_id VARCHAR NOT NULL,
  id VARCHAR NOT NULL,
  order_id VARCHAR NOT NULL,
  opened_at_ms BIGINT NOT NULL,
  ruling VARCHAR,                 -- 'merchant' | 'shared' | 'customer' | 'platform' | NULL
  ruled_at_ms BIGINT,
  appeal_upheld_at_ms BIGINT
)
;

CREATE TABLE IF NOT EXISTS assured_services (
  store_id VARCHAR NOT NULL,
  service VARCHAR NOT NULL,
  enabled_at_ms BIGINT NOT NULL,
  disabled_at_ms BIGINT
)
