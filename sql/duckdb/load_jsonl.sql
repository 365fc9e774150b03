-- jd-weather-vane: loads many store folders (docs/files.md: store.json and one JSON Lines file
-- per collection) into the tables of sql/schema.sql, in DuckDB. {{root}} is replaced by the
-- folder holding one sub-folder per store (quoted by the caller). Instants are normalised as
-- the library does: epoch milliseconds, an offset or Z, or Shanghai local time without one.
-- Records are taken as valid: validate them with the library first (readStoreDir) when they
-- do not come from a trusted export. Missing collection files are not allowed by read_json:
-- write every file (writeStoreDir does), empty when the collection is.

CREATE OR REPLACE TEMP MACRO instant_ms(v) AS
  CASE
    WHEN v IS NULL THEN NULL
    WHEN regexp_full_match(v, '-?[0-9]+') THEN TRY_CAST(v AS BIGINT)
    WHEN regexp_matches(v, '(Z|[+-][0-9]{2}:?[0-9]{2})$')
      THEN epoch_ms(TRY_CAST(v AS TIMESTAMPTZ))
    -- Asia/Shanghai: UTC+8, no daylight saving since 1991
    ELSE epoch_ms(TRY_CAST(replace(v, 'T', ' ') AS TIMESTAMP)) - 28800000
  END
;
CREATE OR REPLACE TEMP MACRO folder_of(f) AS regexp_replace(f, '/[^/]*$', '')
;
CREATE OR REPLACE TEMP TABLE store_folders AS
SELECT id AS store_id, folder_of(filename) AS folder, name, category
FROM read_json('{{root}}/*/store.json', format = 'auto', filename = true,
  columns = {id: 'VARCHAR', name: 'VARCHAR',
             category: 'STRUCT(level1 VARCHAR, level2 VARCHAR)'})
;
INSERT INTO stores
SELECT store_id, name, category.level1, category.level2 FROM store_folders
;
INSERT INTO chat_sessions
SELECT f.store_id, s.id, s.customerId, COALESCE(s.kind, 'consultation'), s.stage, s.rating,
  instant_ms(s.ratedAt)
FROM read_json('{{root}}/*/chatSessions.jsonl', format = 'newline_delimited', filename = true,
  columns = {id: 'VARCHAR', customerId: 'VARCHAR', kind: 'VARCHAR', stage: 'VARCHAR',
             rating: 'VARCHAR', ratedAt: 'VARCHAR'}) s
JOIN store_folders f ON f.folder = folder_of(s.filename)
;
INSERT INTO chat_messages
SELECT f.store_id, x.id, x.seq - 1, x.message."from", instant_ms(x.message."at")
FROM (
  SELECT id, filename, UNNEST(messages) AS message, generate_subscripts(messages, 1) AS seq
  FROM read_json('{{root}}/*/chatSessions.jsonl', format = 'newline_delimited',
    filename = true,
    columns = {id: 'VARCHAR', messages: 'STRUCT("from" VARCHAR, "at" VARCHAR)[]'})
) x
JOIN store_folders f ON f.folder = folder_of(x.filename)
;
INSERT INTO orders
SELECT f.store_id, o.id, o.customerId, instant_ms(o.placedAt), instant_ms(o.paidAt),
  COALESCE(o.cashOnDelivery, FALSE),
  CAST(ROUND(CAST(o.amount AS DECIMAL(18, 2)) * 100) AS BIGINT),
  COALESCE(o.units, 1),
  instant_ms(o.cancelledAt), instant_ms(o.outboundAt), instant_ms(o.collectedAt),
  instant_ms(o.deliveredAt)
FROM read_json('{{root}}/*/orders.jsonl', format = 'newline_delimited', filename = true,
  columns = {id: 'VARCHAR', customerId: 'VARCHAR', placedAt: 'VARCHAR', paidAt: 'VARCHAR',
             cashOnDelivery: 'BOOLEAN', amount: 'VARCHAR', units: 'INTEGER',
             cancelledAt: 'VARCHAR', outboundAt: 'VARCHAR', collectedAt: 'VARCHAR',
             deliveredAt: 'VARCHAR'}) o
JOIN store_folders f ON f.folder = folder_of(o.filename)
;
INSERT INTO reviews
SELECT f.store_id, r.id, r.customerId, r.orderId, instant_ms(r.createdAt), r.stars,
  instant_ms(r.repliedAt), COALESCE(r.excluded, FALSE)
FROM read_json('{{root}}/*/reviews.jsonl', format = 'newline_delimited', filename = true,
  columns = {id: 'VARCHAR', customerId: 'VARCHAR', orderId: 'VARCHAR', createdAt: 'VARCHAR',
             stars: 'INTEGER', repliedAt: 'VARCHAR', excluded: 'BOOLEAN'}) r
JOIN store_folders f ON f.folder = folder_of(r.filename)
;
INSERT INTO service_orders
SELECT f.store_id, s.id, s.orderId, s.type, s.reason, instant_ms(s.appliedAt),
  instant_ms(s.approvedAt), instant_ms(s.rejectedAt), instant_ms(s.completedAt), s.rating,
  instant_ms(s.ratedAt)
FROM read_json('{{root}}/*/serviceOrders.jsonl', format = 'newline_delimited', filename = true,
  columns = {id: 'VARCHAR', orderId: 'VARCHAR', type: 'VARCHAR', reason: 'VARCHAR',
             appliedAt: 'VARCHAR', approvedAt: 'VARCHAR', rejectedAt: 'VARCHAR',
             completedAt: 'VARCHAR', rating: 'VARCHAR', ratedAt: 'VARCHAR'}) s
JOIN store_folders f ON f.folder = folder_of(s.filename)
;
INSERT INTO disputes
SELECT f.store_id, d.id, d.orderId, instant_ms(d.openedAt), d.ruling, instant_ms(d.ruledAt),
  instant_ms(d.appealUpheldAt)
FROM read_json('{{root}}/*/disputes.jsonl', format = 'newline_delimited', filename = true,
  columns = {id: 'VARCHAR', orderId: 'VARCHAR', openedAt: 'VARCHAR', ruling: 'VARCHAR',
             ruledAt: 'VARCHAR', appealUpheldAt: 'VARCHAR'}) d
JOIN store_folders f ON f.folder = folder_of(d.filename)
;
INSERT INTO assured_services
SELECT f.store_id, a.service, instant_ms(a.enabledAt), instant_ms(a.disabledAt)
FROM read_json('{{root}}/*/assuredServices.jsonl', format = 'newline_delimited',
  filename = true,
  columns = {service: 'VARCHAR', enabledAt: 'VARCHAR', disabledAt: 'VARCHAR'}) a
JOIN store_folders f ON f.folder = folder_of(a.filename)
