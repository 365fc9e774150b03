-- jd-weather-vane: every metric's numerator and denominator per store, for one as-of day, in
-- ClickHouse's dialect (ClickHouse 24+, chDB). The same statements, tables and results as
-- sql/duckdb/metrics.sql, written for ClickHouse: intDiv for integer division, Memory tables
-- for the intermediate results, conditions that are not equalities between two tables moved
-- from ON to WHERE, correlated subqueries turned into LEFT JOINs on grouped tables, counts
-- cast to Int64 so that the branches of a UNION ALL share a type, and join_use_nulls = 1 where
-- a LEFT JOIN's missing row must read as NULL (ClickHouse's default fills in 0 or ''). Both
-- files are tested equal to the library on the same stores (test/sql/).
--
-- Reads the tables of sql/clickhouse/schema.sql and the two parameter tables the caller fills
-- from the rule set (parameterStatements('clickhouse', …) in jd-weather-vane/sql):
--
--   params(as_of_ms, tz_offset_ms, assessment_from_hour, assessment_to_hour, merge_gap_ms,
--          response_ms, robot_replies_count, attribution_ms, latest_per_customer,
--          handling_ms, cutoff_hour, arrival_days)
--   metric_windows(metric_id, from_day, to_day)   -- day numbers, both inclusive
--
-- A day number is intDiv(epoch ms + tz_offset_ms, 86 400 000): Asia/Shanghai calendar days.
-- The as-of instant is the as-of day's 00:00 Shanghai; anything at or after it has not
-- happened. Statements are separated by a line holding only ";" and run in order; the last
-- one returns (store_id, metric_id, numerator, denominator) for every store and metric, in
-- integer base units (docs/warehouse.md, "Output").

-- Chat messages that have happened (later ones are dropped before sessions are merged).
CREATE OR REPLACE TABLE happened_messages ENGINE = Memory AS
SELECT m.store_id, m.session_id, m.seq, m.sender, m.at_ms
FROM chat_messages m CROSS JOIN params p
WHERE m.at_ms < p.as_of_ms
;
-- Session records ("pieces") that exist as of the as-of instant: start = earliest message,
-- end = latest, any sender.
CREATE OR REPLACE TABLE pieces ENGINE = Memory AS
SELECT s.store_id AS store_id, s.id AS id, s.customer_id AS customer_id, s.kind AS kind,
       s.stage AS stage, s.rating AS rating, s.rated_at_ms AS rated_at_ms,
       b.start_ms AS start_ms, b.end_ms AS end_ms
FROM chat_sessions s
JOIN (
  SELECT store_id, session_id, min(at_ms) AS start_ms, max(at_ms) AS end_ms
  FROM happened_messages
  GROUP BY store_id, session_id
) b ON b.store_id = s.store_id AND b.session_id = s.id
;
-- Merging: per store, customer and kind, pieces by start then id; a piece starts a new
-- session when its start is at least merge_gap after the latest message before it (merges
-- chain; the first piece's empty frame gives NULL through toNullable). session_no numbers
-- the merged sessions; piece_rank orders pieces. Only sessions that can count are kept.
CREATE OR REPLACE TABLE merged_pieces ENGINE = Memory AS
WITH ordered AS (
  SELECT pc.*,
    max(toNullable(pc.end_ms)) OVER (
      PARTITION BY pc.store_id, pc.customer_id, pc.kind
      ORDER BY pc.start_ms, pc.id
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
    ) AS previous_end_ms,
    row_number() OVER (
      PARTITION BY pc.store_id, pc.customer_id, pc.kind ORDER BY pc.start_ms, pc.id
    ) AS piece_rank
  FROM pieces pc
),
numbered AS (
  SELECT o.*,
    sum(CASE WHEN o.previous_end_ms IS NULL OR o.start_ms - o.previous_end_ms >= p.merge_gap_ms
             THEN 1 ELSE 0 END) OVER (
      PARTITION BY o.store_id, o.customer_id, o.kind
      ORDER BY o.piece_rank
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS session_no
  FROM ordered o CROSS JOIN params p
),
heads AS (
  SELECT store_id, customer_id, kind, session_no, min(start_ms) AS head_ms
  FROM numbered
  GROUP BY store_id, customer_id, kind, session_no
),
chat_from AS (
  SELECT toInt64(min(w.from_day)) * 86400000 - any(p.tz_offset_ms) - any(p.attribution_ms)
    AS from_ms
  FROM metric_windows w CROSS JOIN params p
  WHERE w.metric_id LIKE 'consultation.%' OR w.metric_id = 'after-sales.satisfaction'
)
SELECT n.store_id AS store_id, n.id AS id, n.customer_id AS customer_id, n.kind AS kind,
  n.stage AS stage, n.rating AS rating, n.rated_at_ms AS rated_at_ms, n.start_ms AS start_ms,
  n.end_ms AS end_ms, n.piece_rank AS piece_rank, n.session_no AS session_no
FROM numbered n
JOIN heads h ON h.store_id = n.store_id AND h.customer_id = n.customer_id
  AND h.kind = n.kind AND h.session_no = n.session_no
CROSS JOIN chat_from c
WHERE h.head_ms >= c.from_ms
;
-- The messages of each merged session in order: by instant, then piece, then listed order.
CREATE OR REPLACE TABLE session_messages ENGINE = Memory AS
SELECT mp.store_id AS store_id, mp.customer_id AS customer_id, mp.kind AS kind,
  mp.session_no AS session_no, m.sender AS sender, m.at_ms AS at_ms,
  row_number() OVER (
    PARTITION BY mp.store_id, mp.customer_id, mp.kind, mp.session_no
    ORDER BY m.at_ms, mp.piece_rank, m.seq
  ) AS pos
FROM happened_messages m
JOIN merged_pieces mp ON mp.store_id = m.store_id AND mp.id = m.session_id
;
-- Per merged session: start, explicit stage (first among its pieces), rating (the piece with
-- the latest effective ratedAt, a missing one dated at the piece's last message that has
-- happened; equal: the later piece), first customer message, first reply (agent, or robot
-- when robot replies count). A session without an explicit stage is after-sales when the
-- customer placed an order before it started.
CREATE OR REPLACE TABLE sessions ENGINE = Memory AS
WITH heads AS (
  SELECT store_id, customer_id, kind, session_no, min(start_ms) AS start_ms
  FROM merged_pieces
  GROUP BY store_id, customer_id, kind, session_no
),
stages AS (
  SELECT store_id, customer_id, kind, session_no, stage
  FROM (
    SELECT mp.*, row_number() OVER (
      PARTITION BY store_id, customer_id, kind, session_no ORDER BY piece_rank
    ) AS r
    FROM merged_pieces mp
    WHERE stage IS NOT NULL
  ) x
  WHERE r = 1
),
ratings AS (
  SELECT store_id, customer_id, kind, session_no, rating
  FROM (
    SELECT mp.*, row_number() OVER (
      PARTITION BY mp.store_id, mp.customer_id, mp.kind, mp.session_no
      ORDER BY coalesce(mp.rated_at_ms, mp.end_ms) DESC, mp.piece_rank DESC
    ) AS r
    FROM merged_pieces mp CROSS JOIN params p
    WHERE mp.rating IS NOT NULL AND coalesce(mp.rated_at_ms, mp.end_ms) < p.as_of_ms
  ) x
  WHERE r = 1
),
first_customer AS (
  SELECT store_id, customer_id, kind, session_no, min(pos) AS customer_pos
  FROM session_messages
  WHERE sender = 'customer'
  GROUP BY store_id, customer_id, kind, session_no
),
first_reply AS (
  SELECT sm.store_id AS store_id, sm.customer_id AS customer_id, sm.kind AS kind,
    sm.session_no AS session_no, min(sm.pos) AS reply_pos
  FROM session_messages sm
  JOIN first_customer fc ON fc.store_id = sm.store_id AND fc.customer_id = sm.customer_id
    AND fc.kind = sm.kind AND fc.session_no = sm.session_no
  CROSS JOIN params p
  WHERE sm.pos > fc.customer_pos
    AND (sm.sender = 'agent' OR (sm.sender = 'robot' AND p.robot_replies_count))
  GROUP BY sm.store_id, sm.customer_id, sm.kind, sm.session_no
),
first_orders AS (
  SELECT store_id, customer_id, min(placed_at_ms) AS first_placed_ms
  FROM orders
  GROUP BY store_id, customer_id
)
SELECT h.store_id AS store_id, h.customer_id AS customer_id, h.kind AS kind,
  h.session_no AS session_no, h.start_ms AS start_ms,
  intDiv(h.start_ms + p.tz_offset_ms, 86400000) AS start_day,
  intDiv((h.start_ms + p.tz_offset_ms) % 86400000, 3600000) AS start_hour,
  coalesce(
    st.stage,
    CASE WHEN fo.first_placed_ms < h.start_ms THEN 'after-sales' ELSE 'pre-sales' END
  ) AS stage,
  ra.rating AS rating,
  fr.reply_pos IS NOT NULL AS received,
  cm.at_ms AS first_customer_ms,
  rm.at_ms AS first_reply_ms
FROM heads h
CROSS JOIN params p
LEFT JOIN stages st ON st.store_id = h.store_id AND st.customer_id = h.customer_id
  AND st.kind = h.kind AND st.session_no = h.session_no
LEFT JOIN ratings ra ON ra.store_id = h.store_id AND ra.customer_id = h.customer_id
  AND ra.kind = h.kind AND ra.session_no = h.session_no
LEFT JOIN first_customer fc ON fc.store_id = h.store_id AND fc.customer_id = h.customer_id
  AND fc.kind = h.kind AND fc.session_no = h.session_no
LEFT JOIN session_messages cm
  ON cm.store_id = h.store_id AND cm.customer_id = h.customer_id AND cm.kind = h.kind
  AND cm.session_no = h.session_no AND cm.pos = fc.customer_pos
LEFT JOIN first_reply fr ON fr.store_id = h.store_id AND fr.customer_id = h.customer_id
  AND fr.kind = h.kind AND fr.session_no = h.session_no
LEFT JOIN session_messages rm
  ON rm.store_id = h.store_id AND rm.customer_id = h.customer_id AND rm.kind = h.kind
  AND rm.session_no = h.session_no AND rm.pos = fr.reply_pos
LEFT JOIN first_orders fo ON fo.store_id = h.store_id AND fo.customer_id = h.customer_id
SETTINGS join_use_nulls = 1
;
-- Manual replies (average response time): robot messages ignored; an agent message right
-- after one or more customer messages answers the earliest of them.
CREATE OR REPLACE TABLE manual_replies ENGINE = Memory AS
WITH human AS (
  SELECT sm.*,
    sum(CASE WHEN sender = 'agent' THEN 1 ELSE 0 END) OVER (
      PARTITION BY store_id, customer_id, kind, session_no ORDER BY pos
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
    ) AS agents_before
  FROM session_messages sm
  WHERE sender <> 'robot'
)
SELECT store_id, customer_id, kind, session_no,
  min(CASE WHEN sender = 'agent' THEN at_ms END)
    - min(CASE WHEN sender = 'customer' THEN at_ms END) AS response_ms
FROM human
GROUP BY store_id, customer_id, kind, session_no, agents_before
HAVING count(CASE WHEN sender = 'agent' THEN 1 END) = 1
   AND count(CASE WHEN sender = 'customer' THEN 1 END) > 0
;
-- Orders with the facts the metrics read: happened, cancelled as of the as-of instant,
-- shippable instant (placed for cash on delivery, else paid), collection due day.
CREATE OR REPLACE TABLE order_facts ENGINE = Memory AS
WITH base AS (
  SELECT o.*,
    o.cancelled_at_ms IS NOT NULL AND o.cancelled_at_ms < p.as_of_ms AS cancelled,
    CASE WHEN o.cash_on_delivery THEN o.placed_at_ms ELSE o.paid_at_ms END AS shippable_ms,
    intDiv(o.placed_at_ms + p.tz_offset_ms, 86400000) AS placed_day
  FROM orders o CROSS JOIN params p
  WHERE o.placed_at_ms < p.as_of_ms
)
SELECT b.*,
  CASE WHEN b.shippable_ms IS NOT NULL AND b.shippable_ms < p.as_of_ms
       THEN intDiv(b.shippable_ms + p.tz_offset_ms, 86400000) END AS shippable_day,
  CASE WHEN b.shippable_ms IS NOT NULL AND b.shippable_ms < p.as_of_ms
       THEN intDiv(b.shippable_ms + p.tz_offset_ms, 86400000)
            + CASE WHEN intDiv((b.shippable_ms + p.tz_offset_ms) % 86400000, 3600000)
                        >= p.cutoff_hour
                   THEN 1 ELSE 0 END
  END AS due_day
FROM base b CROSS JOIN params p
;
-- Pre-sales consultation sessions that were received, with the orders attributed to them
-- (same customer, placed no earlier than the start and at most attribution_ms after it,
-- not cancelled as of the as-of instant).
CREATE OR REPLACE TABLE attributions ENGINE = Memory AS
SELECT s.store_id AS store_id, s.customer_id AS customer_id, s.session_no AS session_no,
  s.start_day AS start_day, o.id AS order_id
FROM sessions s
JOIN order_facts o ON o.store_id = s.store_id AND o.customer_id = s.customer_id
CROSS JOIN params p
WHERE s.kind = 'consultation' AND s.stage = 'pre-sales' AND s.received
  AND NOT o.cancelled
  AND o.placed_at_ms >= s.start_ms AND o.placed_at_ms <= s.start_ms + p.attribution_ms
;
-- Reviews that count: not excluded, happened; anchors per metric.
CREATE OR REPLACE TABLE review_facts ENGINE = Memory AS
SELECT r.*,
  intDiv(r.created_at_ms + p.tz_offset_ms, 86400000) AS created_day,
  intDiv(r.created_at_ms + p.handling_ms + p.tz_offset_ms, 86400000) AS deadline_day,
  r.replied_at_ms IS NOT NULL AND r.replied_at_ms < p.as_of_ms
    AND r.replied_at_ms - r.created_at_ms <= p.handling_ms AS handled
FROM reviews r CROSS JOIN params p
WHERE NOT r.excluded AND r.created_at_ms < p.as_of_ms
;
-- A metric's reviews: in its window by its anchor, then each customer's latest N.
CREATE OR REPLACE TABLE window_reviews ENGINE = Memory AS
SELECT x.* FROM (
  SELECT w.metric_id AS metric_id, rf.*,
    row_number() OVER (
      PARTITION BY w.metric_id, rf.store_id, rf.customer_id
      ORDER BY rf.created_at_ms DESC, rf.id DESC
    ) AS latest_rank
  FROM review_facts rf
  CROSS JOIN metric_windows w
  WHERE w.metric_id IN ('reviews.negative-rate', 'reviews.satisfaction-score',
                        'reviews.negative-handling-rate-24h', 'reviews.good-rate')
   AND (CASE WHEN w.metric_id = 'reviews.negative-handling-rate-24h'
             THEN rf.deadline_day ELSE rf.created_day END) BETWEEN w.from_day AND w.to_day
) x CROSS JOIN params p
WHERE x.latest_rank <= p.latest_per_customer
;
-- Service orders with their anchors: approved, completed, and rated. A rating without ratedAt
-- is dated at completedAt, else approvedAt, else appliedAt, each taken only when it has
-- happened (a fact stamped at or after the as-of instant must not change a result).
CREATE OR REPLACE TABLE service_facts ENGINE = Memory AS
WITH known AS (
  SELECT so.*,
    coalesce(
      so.rated_at_ms,
      CASE WHEN so.completed_at_ms < p.as_of_ms THEN so.completed_at_ms END,
      CASE WHEN so.approved_at_ms < p.as_of_ms THEN so.approved_at_ms END,
      so.applied_at_ms
    ) AS effective_rated_ms
  FROM service_orders so CROSS JOIN params p
  WHERE so.applied_at_ms < p.as_of_ms
)
SELECT k.*,
  CASE WHEN k.approved_at_ms < p.as_of_ms
       THEN intDiv(k.approved_at_ms + p.tz_offset_ms, 86400000) END AS approved_day,
  CASE WHEN k.approved_at_ms < p.as_of_ms AND k.completed_at_ms < p.as_of_ms
       THEN intDiv(k.completed_at_ms + p.tz_offset_ms, 86400000) END AS completed_day,
  CASE WHEN k.rating IS NOT NULL AND k.effective_rated_ms < p.as_of_ms
       THEN intDiv(k.effective_rated_ms + p.tz_offset_ms, 86400000) END AS rated_day
FROM known k CROSS JOIN params p
;
-- Logistics: shippable before the as-of instant and not cancelled before the end of the due day.
CREATE OR REPLACE TABLE logistics_orders ENGINE = Memory AS
SELECT o.*, o.shippable_day + p.arrival_days AS arrival_day
FROM order_facts o CROSS JOIN params p
WHERE o.due_day IS NOT NULL
  AND NOT (o.cancelled
           AND o.cancelled_at_ms < (o.due_day + 1) * 86400000 - p.tz_offset_ms)
;
-- Every metric's tally per store (stores without a case get 0 / 0).
CREATE OR REPLACE TABLE metric_tallies_raw ENGINE = Memory AS
-- consultation: sessions anchored on their start, in the chat window
SELECT s.store_id AS store_id, w.metric_id AS metric_id,
  toInt64(sum(mr.response_ms)) AS numerator, toInt64(count(mr.response_ms)) AS denominator
FROM sessions s
CROSS JOIN metric_windows w
CROSS JOIN params p
JOIN manual_replies mr ON mr.store_id = s.store_id AND mr.customer_id = s.customer_id
  AND mr.kind = s.kind AND mr.session_no = s.session_no
WHERE w.metric_id = 'consultation.average-response-time'
  AND s.kind = 'consultation' AND s.start_day BETWEEN w.from_day AND w.to_day
  AND s.start_hour >= p.assessment_from_hour AND s.start_hour < p.assessment_to_hour
GROUP BY s.store_id, w.metric_id
UNION ALL
SELECT s.store_id, w.metric_id,
  toInt64(count(CASE WHEN s.rating IN ('very-satisfied', 'satisfied') THEN 1 END)),
  toInt64(count(s.rating))
FROM sessions s
CROSS JOIN metric_windows w
WHERE ((w.metric_id = 'consultation.presales-satisfaction' AND s.stage = 'pre-sales')
    OR (w.metric_id = 'after-sales.satisfaction' AND s.stage = 'after-sales'))
  AND s.kind = 'consultation' AND s.start_day BETWEEN w.from_day AND w.to_day
GROUP BY s.store_id, w.metric_id
UNION ALL
SELECT s.store_id, w.metric_id,
  toInt64(count(CASE WHEN s.first_reply_ms - s.first_customer_ms <= p.response_ms THEN 1 END)),
  toInt64(count(*))
FROM sessions s
CROSS JOIN metric_windows w
CROSS JOIN params p
WHERE w.metric_id = 'consultation.response-rate-30s'
  AND s.kind = 'consultation' AND s.stage = 'pre-sales'
  AND s.start_day BETWEEN w.from_day AND w.to_day
  AND s.start_hour >= p.assessment_from_hour AND s.start_hour < p.assessment_to_hour
GROUP BY s.store_id, w.metric_id
UNION ALL
SELECT s.store_id, w.metric_id,
  toInt64(count(DISTINCT a.customer_id)),
  toInt64(count(DISTINCT s.customer_id))
FROM sessions s
CROSS JOIN metric_windows w
LEFT JOIN attributions a
  ON a.store_id = s.store_id AND a.customer_id = s.customer_id AND a.session_no = s.session_no
WHERE w.metric_id = 'consultation.conversion-rate'
  AND s.kind = 'consultation' AND s.stage = 'pre-sales' AND s.received
  AND s.start_day BETWEEN w.from_day AND w.to_day
GROUP BY s.store_id, w.metric_id
UNION ALL
SELECT o.store_id, w.metric_id,
  toInt64(sum(CASE WHEN fa.order_id IS NOT NULL THEN o.amount_fen ELSE 0 END)),
  toInt64(sum(o.amount_fen))
FROM order_facts o
CROSS JOIN metric_windows w
LEFT JOIN (SELECT DISTINCT store_id, order_id FROM attributions) fa
  ON fa.store_id = o.store_id AND fa.order_id = o.id
WHERE w.metric_id = 'consultation.facilitated-amount-share'
  AND NOT o.cancelled AND o.placed_day BETWEEN w.from_day AND w.to_day
GROUP BY o.store_id, w.metric_id
UNION ALL
SELECT s.store_id, w.metric_id,
  toInt64(count(CASE WHEN s.kind = 'offline-message' THEN 1 END)),
  toInt64(count(*))
FROM sessions s
CROSS JOIN metric_windows w
CROSS JOIN params p
WHERE w.metric_id = 'consultation.message-rate'
  AND s.start_day BETWEEN w.from_day AND w.to_day
  AND s.start_hour >= p.assessment_from_hour AND s.start_hour < p.assessment_to_hour
GROUP BY s.store_id, w.metric_id
UNION ALL
-- reviews: already windowed and cut to each customer's latest N per metric
SELECT store_id, metric_id,
  CASE metric_id
    WHEN 'reviews.negative-rate' THEN toInt64(count(CASE WHEN stars = 1 THEN 1 END))
    WHEN 'reviews.satisfaction-score' THEN toInt64(2 * sum(stars))
    WHEN 'reviews.good-rate' THEN toInt64(count(CASE WHEN stars >= 4 THEN 1 END))
    ELSE toInt64(count(CASE WHEN stars <= 3 AND handled THEN 1 END))
  END,
  CASE metric_id
    WHEN 'reviews.negative-handling-rate-24h' THEN toInt64(count(CASE WHEN stars <= 3 THEN 1 END))
    ELSE toInt64(count(*))
  END
FROM window_reviews
GROUP BY store_id, metric_id
UNION ALL
-- after-sales: approved service orders over outbound units (cancelled orders included)
SELECT sf.store_id, w.metric_id,
  toInt64(count(CASE
    WHEN w.metric_id = 'after-sales.repair-rate' THEN 1
    WHEN w.metric_id = 'after-sales.quality-repair-rate'
     -- quality reasons (docs/metrics.md, after-sales.quality-repair-rate): 产品质量, 假旧货, 开箱残, 缺少配件, 软性故障, 外观原因
     AND sf.reason IN ('quality', 'fake-or-used', 'dead-on-arrival', 'missing-parts',
                       'soft-failure', 'appearance') THEN 1
    WHEN w.metric_id = 'after-sales.return-rate' AND sf.type = 'return' THEN 1
  END)),
  toInt64(0)
FROM service_facts sf
CROSS JOIN metric_windows w
WHERE w.metric_id IN ('after-sales.repair-rate', 'after-sales.quality-repair-rate',
                      'after-sales.return-rate')
  AND sf.approved_day BETWEEN w.from_day AND w.to_day
GROUP BY sf.store_id, w.metric_id
UNION ALL
SELECT o.store_id, w.metric_id, toInt64(0), toInt64(sum(o.units))
FROM orders o
CROSS JOIN params p
CROSS JOIN metric_windows w
WHERE w.metric_id IN ('after-sales.repair-rate', 'after-sales.quality-repair-rate',
                      'after-sales.return-rate')
  AND o.outbound_at_ms < p.as_of_ms
  AND intDiv(o.outbound_at_ms + p.tz_offset_ms, 86400000) BETWEEN w.from_day AND w.to_day
GROUP BY o.store_id, w.metric_id
UNION ALL
SELECT sf.store_id, w.metric_id, toInt64(sum(sf.completed_at_ms - sf.applied_at_ms)),
  toInt64(count(*))
FROM service_facts sf
CROSS JOIN metric_windows w
WHERE w.metric_id = 'after-sales.duration'
  AND sf.completed_day BETWEEN w.from_day AND w.to_day
GROUP BY sf.store_id, w.metric_id
UNION ALL
SELECT sf.store_id, w.metric_id,
  toInt64(count(CASE WHEN sf.rating IN ('very-satisfied', 'satisfied') THEN 1 END)),
  toInt64(count(*))
FROM service_facts sf
CROSS JOIN metric_windows w
WHERE w.metric_id = 'after-sales.return-satisfaction'
  AND sf.type = 'return' AND sf.rated_day BETWEEN w.from_day AND w.to_day
GROUP BY sf.store_id, w.metric_id
UNION ALL
-- logistics
SELECT lo.store_id, w.metric_id,
  toInt64(count(CASE WHEN lo.collected_at_ms < (lo.due_day + 1) * 86400000 - p.tz_offset_ms
                     THEN 1 END)),
  toInt64(count(*))
FROM logistics_orders lo
CROSS JOIN metric_windows w
CROSS JOIN params p
WHERE w.metric_id = 'logistics.same-day-collection-rate'
  AND lo.due_day BETWEEN w.from_day AND w.to_day
GROUP BY lo.store_id, w.metric_id
UNION ALL
SELECT lo.store_id, w.metric_id,
  toInt64(count(CASE WHEN lo.delivered_at_ms < (lo.arrival_day + 1) * 86400000 - p.tz_offset_ms
                     THEN 1 END)),
  toInt64(count(*))
FROM logistics_orders lo
CROSS JOIN metric_windows w
CROSS JOIN params p
WHERE w.metric_id = 'logistics.next-day-arrival-rate'
  AND lo.arrival_day BETWEEN w.from_day AND w.to_day
GROUP BY lo.store_id, w.metric_id
UNION ALL
SELECT lo.store_id, w.metric_id, toInt64(sum(lo.delivered_at_ms - lo.shippable_ms)),
  toInt64(count(*))
FROM logistics_orders lo
CROSS JOIN metric_windows w
CROSS JOIN params p
WHERE w.metric_id = 'logistics.average-delivery-time'
  AND lo.delivered_at_ms < p.as_of_ms
  AND intDiv(lo.delivered_at_ms + p.tz_offset_ms, 86400000) BETWEEN w.from_day AND w.to_day
GROUP BY lo.store_id, w.metric_id
UNION ALL
-- disputes: orders placed in the window that count (paid before the as-of instant, or cash
-- on delivery), and the disputes on them ruled merchant or shared, ruling known (a missing
-- ruledAt dated at openedAt), appeal not upheld as known
SELECT o.store_id, w.metric_id, toInt64(sum(coalesce(dc.n, 0))), toInt64(count(*))
FROM order_facts o
CROSS JOIN metric_windows w
CROSS JOIN params p
LEFT JOIN (
  SELECT d.store_id AS store_id, d.order_id AS order_id, count(*) AS n
  FROM disputes d CROSS JOIN params q
  WHERE d.opened_at_ms < q.as_of_ms
    AND d.ruling IN ('merchant', 'shared')
    AND coalesce(d.ruled_at_ms, d.opened_at_ms) < q.as_of_ms
    AND NOT coalesce(d.appeal_upheld_at_ms < q.as_of_ms, FALSE)
  GROUP BY d.store_id, d.order_id
) dc ON dc.store_id = o.store_id AND dc.order_id = o.id
WHERE w.metric_id = 'disputes.dispute-rate'
  AND o.placed_day BETWEEN w.from_day AND w.to_day
  AND (o.cash_on_delivery OR o.paid_at_ms < p.as_of_ms)
GROUP BY o.store_id, w.metric_id
SETTINGS join_use_nulls = 1
;
SELECT st.store_id AS store_id, w.metric_id AS metric_id,
  toInt64(coalesce(sum(t.numerator), 0)) AS numerator,
  toInt64(coalesce(sum(t.denominator), 0)) AS denominator
FROM stores st
CROSS JOIN metric_windows w
LEFT JOIN metric_tallies_raw t ON t.store_id = st.store_id AND t.metric_id = w.metric_id
GROUP BY st.store_id, w.metric_id
ORDER BY st.store_id, w.metric_id
SETTINGS join_use_nulls = 1
