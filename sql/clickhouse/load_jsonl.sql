-- jd-weather-vane: loads many store folders (docs/files.md: store.json and one JSON Lines file
-- per collection) into the tables of sql/clickhouse/schema.sql, in ClickHouse (chDB, or
-- clickhouse-local / a server that can read the files). {{root}} is replaced by the folder
-- holding one sub-folder per store (quoted by the caller). Instants are normalised as the
-- library does: epoch milliseconds, an offset or Z, or Shanghai local time without one.
-- Records are taken as valid: validate them with the library first (readStoreDir) when they
-- do not come from a trusted export. Every collection file must exist (writeStoreDir writes
-- each one, empty when the collection is). Numbers are read as text where the column is
-- String (input_format_json_read_numbers_as_strings), so epoch milliseconds and amounts keep
-- their digits.

CREATE OR REPLACE FUNCTION jwv_instant_ms AS (v) ->
  multiIf(
    v IS NULL, NULL,
    match(v, '^-?[0-9]+$'), toInt64OrNull(v),
    match(v, '(Z|[+-][0-9]{2}:?[0-9]{2})$'),
      toUnixTimestamp64Milli(parseDateTime64BestEffortOrNull(v, 3, 'UTC')),
    -- Asia/Shanghai: UTC+8, no daylight saving since 1991
    toUnixTimestamp64Milli(parseDateTime64BestEffortOrNull(v, 3, 'Asia/Shanghai'))
  )
;
CREATE OR REPLACE TABLE store_folders ENGINE = Memory AS
SELECT id AS store_id, replaceRegexpOne(_path, '/[^/]*$', '') AS folder, name,
  tupleElement(category, 'level1') AS category_level1,
  tupleElement(category, 'level2') AS category_level2
FROM file('{{root}}/*/store.json', 'JSONEachRow',
  'id String, name Nullable(String), category Tuple(level1 Nullable(String), level2 Nullable(String))')
;
INSERT INTO stores
SELECT store_id, name, category_level1, category_level2 FROM store_folders
;
INSERT INTO chat_sessions
SELECT f.store_id, s.id, s.customerId, coalesce(s.kind, 'consultation'), s.stage, s.rating,
  jwv_instant_ms(s.ratedAt)
FROM file('{{root}}/*/chatSessions.jsonl', 'JSONEachRow',
  'id String, customerId String, kind Nullable(String), stage Nullable(String),
   rating Nullable(String), ratedAt Nullable(String)') s
JOIN store_folders f ON f.folder = replaceRegexpOne(s._path, '/[^/]*$', '')
SETTINGS input_format_json_read_numbers_as_strings = 1
;
INSERT INTO chat_messages
SELECT f.store_id, x.id, x.seq - 1, tupleElement(x.message, 'from'),
  jwv_instant_ms(tupleElement(x.message, 'at'))
FROM (
  SELECT id, _path AS path, message, seq
  FROM file('{{root}}/*/chatSessions.jsonl', 'JSONEachRow',
    'id String, messages Array(Tuple(from String, at Nullable(String)))')
  ARRAY JOIN messages AS message, arrayEnumerate(messages) AS seq
) x
JOIN store_folders f ON f.folder = replaceRegexpOne(x.path, '/[^/]*$', '')
SETTINGS input_format_json_read_numbers_as_strings = 1
;
INSERT INTO orders
SELECT f.store_id, o.id, o.customerId, jwv_instant_ms(o.placedAt), jwv_instant_ms(o.paidAt),
  coalesce(o.cashOnDelivery, FALSE),
  toInt64(toDecimal128(o.amount, 2) * 100),
  coalesce(o.units, 1),
  jwv_instant_ms(o.cancelledAt), jwv_instant_ms(o.outboundAt), jwv_instant_ms(o.collectedAt),
  jwv_instant_ms(o.deliveredAt)
FROM file('{{root}}/*/orders.jsonl', 'JSONEachRow',
  'id String, customerId String, placedAt Nullable(String), paidAt Nullable(String),
   cashOnDelivery Nullable(Bool), amount String, units Nullable(Int64),
   cancelledAt Nullable(String), outboundAt Nullable(String), collectedAt Nullable(String),
   deliveredAt Nullable(String)') o
JOIN store_folders f ON f.folder = replaceRegexpOne(o._path, '/[^/]*$', '')
SETTINGS input_format_json_read_numbers_as_strings = 1
;
INSERT INTO reviews
SELECT f.store_id, r.id, r.customerId, r.orderId, jwv_instant_ms(r.createdAt), r.stars,
  jwv_instant_ms(r.repliedAt), coalesce(r.excluded, FALSE)
FROM file('{{root}}/*/reviews.jsonl', 'JSONEachRow',
  'id String, customerId String, orderId Nullable(String), createdAt Nullable(String),
   stars Int64, repliedAt Nullable(String), excluded Nullable(Bool)') r
JOIN store_folders f ON f.folder = replaceRegexpOne(r._path, '/[^/]*$', '')
SETTINGS input_format_json_read_numbers_as_strings = 1
;
INSERT INTO service_orders
SELECT f.store_id, s.id, s.orderId, s.type, s.reason, jwv_instant_ms(s.appliedAt),
  jwv_instant_ms(s.approvedAt), jwv_instant_ms(s.rejectedAt), jwv_instant_ms(s.completedAt),
  s.rating, jwv_instant_ms(s.ratedAt)
FROM file('{{root}}/*/serviceOrders.jsonl', 'JSONEachRow',
  'id String, orderId String, type String, reason String, appliedAt Nullable(String),
   approvedAt Nullable(String), rejectedAt Nullable(String), completedAt Nullable(String),
   rating Nullable(String), ratedAt Nullable(String)') s
JOIN store_folders f ON f.folder = replaceRegexpOne(s._path, '/[^/]*$', '')
SETTINGS input_format_json_read_numbers_as_strings = 1
;
INSERT INTO disputes
SELECT f.store_id, d.id, d.orderId, jwv_instant_ms(d.openedAt), d.ruling,
  jwv_instant_ms(d.ruledAt), jwv_instant_ms(d.appealUpheldAt)
FROM file('{{root}}/*/disputes.jsonl', 'JSONEachRow',
  'id String, orderId String, openedAt Nullable(String), ruling Nullable(String),
   ruledAt Nullable(String), appealUpheldAt Nullable(String)') d
JOIN store_folders f ON f.folder = replaceRegexpOne(d._path, '/[^/]*$', '')
SETTINGS input_format_json_read_numbers_as_strings = 1
;
INSERT INTO assured_services
SELECT f.store_id, a.service, jwv_instant_ms(a.enabledAt), jwv_instant_ms(a.disabledAt)
FROM file('{{root}}/*/assuredServices.jsonl', 'JSONEachRow',
  'service String, enabledAt Nullable(String), disabledAt Nullable(String)') a
JOIN store_folders f ON f.folder = replaceRegexpOne(a._path, '/[^/]*$', '')
SETTINGS input_format_json_read_numbers_as_strings = 1
