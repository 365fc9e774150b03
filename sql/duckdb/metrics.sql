-- jd-weather-vane: every metric's numerator and denominator per store, for one as-of day,
-- in plain SQL with window functions (DuckDB dialect; docs/warehouse.md lists what to change
-- for Spark SQL, Trino and ClickHouse). Reads the tables of sql/schema.sql and two parameter
-- tables the caller fills from the rule set (sql/duckdb.ts does):
--
--   params(as_of_ms, tz_offset_ms, assessment_from_hour, assessment_to_hour, merge_gap_ms,
--          response_ms, robot_replies_count, attribution_ms, latest_per_customer,
--          handling_ms, cutoff_hour, arrival_days)
--   metric_windows(metric_id, from_day, to_day)   -- day numbers, both inclusive; every
--     metric of the catalogue, plus the supplementary reviews.good-rate (好评率)
--
-- A day number is floor((epoch ms + tz_offset_ms) / 86 400 000): Asia/Shanghai calendar
-- days. The as-of instant is the as-of day's 00:00 Shanghai; anything at or after it has not
-- happened. Statements are separated by a line holding only ";" and run in order; the last
-- one returns metric_tallies: (store_id, metric_id, numerator, denominator) for every store
-- and metric, in integer base units: milliseconds for durations (the library reports
-- seconds or hours), fen for money (the library: yuan), 2 × stars for the review
-- satisfaction score, counts otherwise.

-- Chat messages that have happened (later ones are dropped before sessions are merged).
CREATE OR REPLACE TEMP TABLE happened_messages AS
SELECT m.store_id, m.session_id, m.seq, m.sender, m.at_ms
FROM chat_messages m CROSS JOIN params p
WHERE m.at_ms < p.as_of_ms
;
-- Session records ("pieces") that exist as of the as-of instant: start = earliest message,
-- end = latest, any sender.
CREATE OR REPLACE TEMP TABLE pieces AS
SELECT s.store_id, s.id, s.customer_id, s.kind, s.stage, s.rating, s.rated_at_ms,
       b.start_ms, b.end_ms
FROM chat_sessions s
JOIN (
  SELECT store_id, session_id, MIN(at_ms) AS start_ms, MAX(at_ms) AS end_ms
  FROM happened_messages
  GROUP BY store_id, session_id
) b ON b.store_id = s.store_id AND b.session_id = s.id
;
-- Merging: per store, customer and kind, pieces by start then id; a piece starts a new
-- session when its start is at least merge_gap after the latest message before it (merges
-- chain). session_no numbers the merged sessions; piece_rank orders pieces. Only sessions
-- that can count are kept: those starting in a chat window, or up to attribution_ms before
-- one (their orders may be placed in it).
CREATE OR REPLACE TEMP TABLE merged_pieces AS
WITH ordered AS (
  SELECT pc.*,
    MAX(pc.end_ms) OVER (
      PARTITION BY pc.store_id, pc.customer_id, pc.kind
      ORDER BY pc.start_ms, pc.id
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
    ) AS previous_end_ms,
    ROW_NUMBER() OVER (
      PARTITION BY pc.store_id, pc.customer_id, pc.kind ORDER BY pc.start_ms, pc.id
    ) AS piece_rank
  FROM pieces pc
),
numbered AS (
  SELECT o.*,
    SUM(CASE WHEN o.previous_end_ms IS NULL OR o.start_ms - o.previous_end_ms >= p.merge_gap_ms
             THEN 1 ELSE 0 END) OVER (
      PARTITION BY o.store_id, o.customer_id, o.kind
      ORDER BY o.piece_rank
      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
    ) AS session_no
  FROM ordered o CROSS JOIN params p
),
heads AS (
  SELECT store_id, customer_id, kind, session_no, MIN(start_ms) AS head_ms
  FROM numbered
  GROUP BY store_id, customer_id, kind, session_no
),
chat_from AS (
  SELECT CAST(MIN(w.from_day) AS BIGINT) * 86400000 - p.tz_offset_ms - p.attribution_ms AS from_ms
  FROM metric_windows w CROSS JOIN params p
  WHERE w.metric_id LIKE 'consultation.%' OR w.metric_id = 'after-sales.satisfaction'
  GROUP BY p.tz_offset_ms, p.attribution_ms
)
SELECT n.*
FROM numbered n
JOIN heads h USING (store_id, customer_id, kind, session_no)
CROSS JOIN chat_from c
WHERE h.head_ms >= c.from_ms
;
-- The messages of each merged session in order: by instant, then piece, then listed order.
CREATE OR REPLACE TEMP TABLE session_messages AS
SELECT mp.store_id, mp.customer_id, mp.kind, mp.session_no, m.sender, m.at_ms,
  ROW_NUMBER() OVER (
    PARTITION BY mp.store_id, mp.customer_id, mp.kind, mp.session_no
    ORDER BY m.at_ms, mp.piece_rank, m.seq
  ) AS pos
FROM happened_messages m
JOIN merged_pieces mp ON mp.store_id = m.store_id AND mp.id = m.session_id
;
-- Per merged session: start, explicit stage (first among its pieces), rating (the piece with
-- the latest effective ratedAt, a missing one dated at the piece's last message that has
-- happened; equal: the later piece), first customer message, first reply (agent, or robot
-- when robot replies count).
CREATE OR REPLACE TEMP TABLE sessions AS
WITH heads AS (
  SELECT store_id, customer_id, kind, session_no, MIN(start_ms) AS start_ms
  FROM merged_pieces
  GROUP BY store_id, customer_id, kind, session_no
),
stages AS (
  SELECT store_id, customer_id, kind, session_no, stage
  FROM (
    SELECT mp.*, ROW_NUMBER() OVER (
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
    SELECT mp.*, ROW_NUMBER() OVER (
      PARTITION BY store_id, customer_id, kind, session_no
      ORDER BY COALESCE(rated_at_ms, end_ms) DESC, piece_rank DESC
    ) AS r
    FROM merged_pieces mp CROSS JOIN params p
    WHERE rating IS NOT NULL AND COALESCE(rated_at_ms, end_ms) < p.as_of_ms
  ) x
  WHERE r = 1
),
first_customer AS (
  SELECT store_id, customer_id, kind, session_no, MIN(pos) AS pos
  FROM session_messages
  WHERE sender = 'customer'
  GROUP BY store_id, customer_id, kind, session_no
),
first_reply AS (
  SELECT sm.store_id, sm.customer_id, sm.kind, sm.session_no,
    MIN(sm.pos) AS reply_pos
  FROM session_messages sm
  JOIN first_customer fc USING (store_id, customer_id, kind, session_no)
  CROSS JOIN params p
  WHERE sm.pos > fc.pos
    AND (sm.sender = 'agent' OR (sm.sender = 'robot' AND p.robot_replies_count))
  GROUP BY sm.store_id, sm.customer_id, sm.kind, sm.session_no
)
SELECT h.store_id, h.customer_id, h.kind, h.session_no, h.start_ms,
  (h.start_ms + p.tz_offset_ms) // 86400000 AS start_day,
  ((h.start_ms + p.tz_offset_ms) % 86400000) // 3600000 AS start_hour,
  COALESCE(
    st.stage,
    CASE WHEN EXISTS (
      SELECT 1 FROM orders o
      WHERE o.store_id = h.store_id AND o.customer_id = h.customer_id
        AND o.placed_at_ms < h.start_ms
    ) THEN 'after-sales' ELSE 'pre-sales' END
  ) AS stage,
  ra.rating,
  fr.reply_pos IS NOT NULL AS received,
  cm.at_ms AS first_customer_ms,
  rm.at_ms AS first_reply_ms
FROM heads h
CROSS JOIN params p
LEFT JOIN stages st USING (store_id, customer_id, kind, session_no)
LEFT JOIN ratings ra USING (store_id, customer_id, kind, session_no)
LEFT JOIN first_customer fc USING (store_id, customer_id, kind, session_no)
LEFT JOIN session_messages cm
  ON cm.store_id = h.store_id AND cm.customer_id = h.customer_id AND cm.kind = h.kind
  AND cm.session_no = h.session_no AND cm.pos = fc.pos
LEFT JOIN first_reply fr USING (store_id, customer_id, kind, session_no)
LEFT JOIN session_messages rm
  ON rm.store_id = h.store_id AND rm.customer_id = h.customer_id AND rm.kind = h.kind
  AND rm.session_no = h.session_no AND rm.pos = fr.reply_pos
;
-- Manual replies (average response time): robot messages ignored; an agent message right
-- after one or more customer messages answers the earliest of them.
CREATE OR REPLACE TEMP TABLE manual_replies AS
WITH human AS (
  SELECT sm.*,
    COALESCE(SUM(CASE WHEN sender = 'agent' THEN 1 ELSE 0 END) OVER (
      PARTITION BY store_id, customer_id, kind, session_no ORDER BY pos
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
    ), 0) AS agents_before
  FROM session_messages sm
  WHERE sender <> 'robot'
)
SELECT store_id, customer_id, kind, session_no,
  MIN(CASE WHEN sender = 'agent' THEN at_ms END)
    - MIN(CASE WHEN sender = 'customer' THEN at_ms END) AS response_ms
FROM human
GROUP BY store_id, customer_id, kind, session_no, agents_before
HAVING COUNT(CASE WHEN sender = 'agent' THEN 1 END) = 1
   AND COUNT(CASE WHEN sender = 'customer' THEN 1 END) > 0
;
-- Orders with the facts the metrics read: happened, cancelled as of the as-of instant,
-- shippable instant (placed for cash on delivery, else paid), collection due day.
CREATE OR REPLACE TEMP TABLE order_facts AS
WITH base AS (
  SELECT o.*,
    o.cancelled_at_ms IS NOT NULL AND o.cancelled_at_ms < p.as_of_ms AS cancelled,
    CASE WHEN o.cash_on_delivery THEN o.placed_at_ms ELSE o.paid_at_ms END AS shippable_ms,
    (o.placed_at_ms + p.tz_offset_ms) // 86400000 AS placed_day
  FROM orders o CROSS JOIN params p
  WHERE o.placed_at_ms < p.as_of_ms
)
SELECT b.*,
  CASE WHEN b.shippable_ms IS NOT NULL AND b.shippable_ms < p.as_of_ms
       THEN (b.shippable_ms + p.tz_offset_ms) // 86400000 END AS shippable_day,
  CASE WHEN b.shippable_ms IS NOT NULL AND b.shippable_ms < p.as_of_ms
       THEN (b.shippable_ms + p.tz_offset_ms) // 86400000
            + CASE WHEN ((b.shippable_ms + p.tz_offset_ms) % 86400000) // 3600000 >= p.cutoff_hour
                   THEN 1 ELSE 0 END
  END AS due_day
FROM base b CROSS JOIN params p
;
-- Pre-sales consultation sessions that were received, with the orders attributed to them
-- (same customer, placed no earlier than the start and at most attribution_ms after it,
-- not cancelled as of the as-of instant).
CREATE OR REPLACE TEMP TABLE attributions AS
SELECT s.store_id, s.customer_id, s.session_no, s.start_day, o.id AS order_id
FROM sessions s
JOIN order_facts o ON o.store_id = s.store_id AND o.customer_id = s.customer_id
CROSS JOIN params p
WHERE s.kind = 'consultation' AND s.stage = 'pre-sales' AND s.received
  AND NOT o.cancelled
  AND o.placed_at_ms >= s.start_ms AND o.placed_at_ms <= s.start_ms + p.attribution_ms
;
-- Reviews that count: not excluded, happened; anchors per metric.
CREATE OR REPLACE TEMP TABLE review_facts AS
SELECT r.*,
  (r.created_at_ms + p.tz_offset_ms) // 86400000 AS created_day,
  (r.created_at_ms + p.handling_ms + p.tz_offset_ms) // 86400000 AS deadline_day,
  r.replied_at_ms IS NOT NULL AND r.replied_at_ms < p.as_of_ms
    AND r.replied_at_ms - r.created_at_ms <= p.handling_ms AS handled
FROM reviews r CROSS JOIN params p
WHERE NOT r.excluded AND r.created_at_ms < p.as_of_ms
;
-- A metric's reviews: in its window by its anchor, then each customer's latest N.
CREATE OR REPLACE TEMP TABLE window_reviews AS
SELECT * FROM (
  SELECT w.metric_id, rf.*,
    ROW_NUMBER() OVER (
      PARTITION BY w.metric_id, rf.store_id, rf.customer_id
      ORDER BY rf.created_at_ms DESC, rf.id DESC
    ) AS latest_rank
  FROM review_facts rf
  JOIN metric_windows w
    ON w.metric_id IN ('reviews.negative-rate', 'reviews.satisfaction-score',
                       'reviews.negative-handling-rate-24h', 'reviews.good-rate')
   AND (CASE WHEN w.metric_id = 'reviews.negative-handling-rate-24h'
             THEN rf.deadline_day ELSE rf.created_day END) BETWEEN w.from_day AND w.to_day
) x CROSS JOIN params p
WHERE x.latest_rank <= p.latest_per_customer
;
-- Service orders with their anchors: approved, completed, and rated. A rating without ratedAt
-- is dated at completedAt, else approvedAt, else appliedAt, each taken only when it has
-- happened (a fact stamped at or after the as-of instant must not change a result).
CREATE OR REPLACE TEMP TABLE service_facts AS
WITH known AS (
  SELECT so.*,
    COALESCE(
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
       THEN (k.approved_at_ms + p.tz_offset_ms) // 86400000 END AS approved_day,
  CASE WHEN k.approved_at_ms < p.as_of_ms AND k.completed_at_ms < p.as_of_ms
       THEN (k.completed_at_ms + p.tz_offset_ms) // 86400000 END AS completed_day,
  CASE WHEN k.rating IS NOT NULL AND k.effective_rated_ms < p.as_of_ms
       THEN (k.effective_rated_ms + p.tz_offset_ms) // 86400000 END AS rated_day
FROM known k CROSS JOIN params p
;
-- Logistics: shippable before the as-of instant and not cancelled before the end of the due day.
CREATE OR REPLACE TEMP TABLE logistics_orders AS
SELECT o.*, o.shippable_day + p.arrival_days AS arrival_day
FROM order_facts o CROSS JOIN params p
WHERE o.due_day IS NOT NULL
  AND NOT (o.cancelled
           AND o.cancelled_at_ms < (o.due_day + 1) * 86400000 - p.tz_offset_ms)
;
-- Every metric's tally per store (stores without a case get 0 / 0).
CREATE OR REPLACE TEMP TABLE metric_tallies_raw AS
-- consultation: sessions anchored on their start, in the chat window
SELECT s.store_id, w.metric_id,
  SUM(mr.response_ms) AS numerator, COUNT(mr.response_ms) AS denominator
FROM sessions s
JOIN metric_windows w ON w.metric_id = 'consultation.average-response-time'
CROSS JOIN params p
JOIN manual_replies mr USING (store_id, customer_id, kind, session_no)
WHERE s.kind = 'consultation' AND s.start_day BETWEEN w.from_day AND w.to_day
  AND s.start_hour >= p.assessment_from_hour AND s.start_hour < p.assessment_to_hour
GROUP BY s.store_id, w.metric_id
UNION ALL
SELECT s.store_id, w.metric_id,
  COUNT(CASE WHEN s.rating IN ('very-satisfied', 'satisfied') THEN 1 END),
  COUNT(s.rating)
FROM sessions s
JOIN metric_windows w
  ON (w.metric_id = 'consultation.presales-satisfaction' AND s.stage = 'pre-sales')
  OR (w.metric_id = 'after-sales.satisfaction' AND s.stage = 'after-sales')
WHERE s.kind = 'consultation' AND s.start_day BETWEEN w.from_day AND w.to_day
GROUP BY s.store_id, w.metric_id
UNION ALL
SELECT s.store_id, w.metric_id,
  COUNT(CASE WHEN s.first_reply_ms - s.first_customer_ms <= p.response_ms THEN 1 END),
  COUNT(*)
FROM sessions s
JOIN metric_windows w ON w.metric_id = 'consultation.response-rate-30s'
CROSS JOIN params p
WHERE s.kind = 'consultation' AND s.stage = 'pre-sales'
  AND s.start_day BETWEEN w.from_day AND w.to_day
  AND s.start_hour >= p.assessment_from_hour AND s.start_hour < p.assessment_to_hour
GROUP BY s.store_id, w.metric_id
UNION ALL
SELECT s.store_id, w.metric_id,
  COUNT(DISTINCT a.customer_id),
  COUNT(DISTINCT s.customer_id)
FROM sessions s
JOIN metric_windows w ON w.metric_id = 'consultation.conversion-rate'
LEFT JOIN attributions a
  ON a.store_id = s.store_id AND a.customer_id = s.customer_id AND a.session_no = s.session_no
WHERE s.kind = 'consultation' AND s.stage = 'pre-sales' AND s.received
  AND s.start_day BETWEEN w.from_day AND w.to_day
GROUP BY s.store_id, w.metric_id
UNION ALL
SELECT o.store_id, w.metric_id,
  SUM(CASE WHEN EXISTS (
        SELECT 1 FROM attributions a WHERE a.store_id = o.store_id AND a.order_id = o.id
      ) THEN o.amount_fen ELSE 0 END),
  SUM(o.amount_fen)
FROM order_facts o
JOIN metric_windows w ON w.metric_id = 'consultation.facilitated-amount-share'
WHERE NOT o.cancelled AND o.placed_day BETWEEN w.from_day AND w.to_day
GROUP BY o.store_id, w.metric_id
UNION ALL
SELECT s.store_id, w.metric_id,
  COUNT(CASE WHEN s.kind = 'offline-message' THEN 1 END),
  COUNT(*)
FROM sessions s
JOIN metric_windows w ON w.metric_id = 'consultation.message-rate'
CROSS JOIN params p
WHERE s.start_day BETWEEN w.from_day AND w.to_day
  AND s.start_hour >= p.assessment_from_hour AND s.start_hour < p.assessment_to_hour
GROUP BY s.store_id, w.metric_id
UNION ALL
-- reviews: already windowed and cut to each customer's latest N per metric
SELECT store_id, metric_id,
  CASE metric_id
    WHEN 'reviews.negative-rate' THEN COUNT(CASE WHEN stars = 1 THEN 1 END)
    WHEN 'reviews.satisfaction-score' THEN 2 * SUM(stars)
    WHEN 'reviews.good-rate' THEN COUNT(CASE WHEN stars >= 4 THEN 1 END)
    ELSE COUNT(CASE WHEN stars <= 3 AND handled THEN 1 END)
  END,
  CASE metric_id
    WHEN 'reviews.negative-handling-rate-24h' THEN COUNT(CASE WHEN stars <= 3 THEN 1 END)
    ELSE COUNT(*)
  END
FROM window_reviews
GROUP BY store_id, metric_id
UNION ALL
-- after-sales: approved service orders over outbound units (cancelled orders included)
SELECT sf.store_id, w.metric_id,
  COUNT(CASE
    WHEN w.metric_id = 'after-sales.repair-rate' THEN 1
    WHEN w.metric_id = 'after-sales.quality-repair-rate'
     -- quality reasons (docs/metrics.md, after-sales.quality-repair-rate): 产品质量, 假旧货, 开箱残, 缺少配件, 软性故障, 外观原因
     AND sf.reason IN ('quality', 'fake-or-used', 'dead-on-arrival', 'missing-parts',
                       'soft-failure', 'appearance') THEN 1
    WHEN w.metric_id = 'after-sales.return-rate' AND sf.type = 'return' THEN 1
  END),
  0
FROM service_facts sf
JOIN metric_windows w
  ON w.metric_id IN ('after-sales.repair-rate', 'after-sales.quality-repair-rate',
                     'after-sales.return-rate')
WHERE sf.approved_day BETWEEN w.from_day AND w.to_day
GROUP BY sf.store_id, w.metric_id
UNION ALL
SELECT o.store_id, w.metric_id, 0, SUM(o.units)
FROM orders o
CROSS JOIN params p
JOIN metric_windows w
  ON w.metric_id IN ('after-sales.repair-rate', 'after-sales.quality-repair-rate',
                     'after-sales.return-rate')
WHERE o.outbound_at_ms < p.as_of_ms
  AND (o.outbound_at_ms + p.tz_offset_ms) // 86400000 BETWEEN w.from_day AND w.to_day
GROUP BY o.store_id, w.metric_id
UNION ALL
SELECT sf.store_id, w.metric_id, SUM(sf.completed_at_ms - sf.applied_at_ms), COUNT(*)
FROM service_facts sf
JOIN metric_windows w ON w.metric_id = 'after-sales.duration'
WHERE sf.completed_day BETWEEN w.from_day AND w.to_day
GROUP BY sf.store_id, w.metric_id
UNION ALL
SELECT sf.store_id, w.metric_id,
  COUNT(CASE WHEN sf.rating IN ('very-satisfied', 'satisfied') THEN 1 END), COUNT(*)
FROM service_facts sf
JOIN metric_windows w ON w.metric_id = 'after-sales.return-satisfaction'
WHERE sf.type = 'return' AND sf.rated_day BETWEEN w.from_day AND w.to_day
GROUP BY sf.store_id, w.metric_id
UNION ALL
-- logistics
SELECT lo.store_id, w.metric_id,
  COUNT(CASE WHEN lo.collected_at_ms < (lo.due_day + 1) * 86400000 - p.tz_offset_ms THEN 1 END),
  COUNT(*)
FROM logistics_orders lo
JOIN metric_windows w ON w.metric_id = 'logistics.same-day-collection-rate'
CROSS JOIN params p
WHERE lo.due_day BETWEEN w.from_day AND w.to_day
GROUP BY lo.store_id, w.metric_id
UNION ALL
SELECT lo.store_id, w.metric_id,
  COUNT(CASE WHEN lo.delivered_at_ms < (lo.arrival_day + 1) * 86400000 - p.tz_offset_ms
             THEN 1 END),
  COUNT(*)
FROM logistics_orders lo
JOIN metric_windows w ON w.metric_id = 'logistics.next-day-arrival-rate'
CROSS JOIN params p
WHERE lo.arrival_day BETWEEN w.from_day AND w.to_day
GROUP BY lo.store_id, w.metric_id
UNION ALL
SELECT lo.store_id, w.metric_id, SUM(lo.delivered_at_ms - lo.shippable_ms), COUNT(*)
FROM logistics_orders lo
JOIN metric_windows w ON w.metric_id = 'logistics.average-delivery-time'
CROSS JOIN params p
WHERE lo.delivered_at_ms < p.as_of_ms
  AND (lo.delivered_at_ms + p.tz_offset_ms) // 86400000 BETWEEN w.from_day AND w.to_day
GROUP BY lo.store_id, w.metric_id
UNION ALL
-- disputes: orders placed in the window that count (paid before the as-of instant, or cash
-- on delivery), and the disputes on them ruled merchant or shared, ruling known (a missing
-- ruledAt dated at openedAt), appeal not upheld as known
SELECT o.store_id, w.metric_id,
  (SELECT COUNT(*) FROM disputes d
   WHERE d.store_id = o.store_id AND d.order_id = o.id
     AND d.opened_at_ms < p.as_of_ms
     AND d.ruling IN ('merchant', 'shared')
     AND COALESCE(d.ruled_at_ms, d.opened_at_ms) < p.as_of_ms
     AND NOT COALESCE(d.appeal_upheld_at_ms < p.as_of_ms, FALSE)),
  1
FROM order_facts o
JOIN metric_windows w ON w.metric_id = 'disputes.dispute-rate'
CROSS JOIN params p
WHERE o.placed_day BETWEEN w.from_day AND w.to_day
  AND (o.cash_on_delivery OR o.paid_at_ms < p.as_of_ms)
;
SELECT st.store_id, w.metric_id,
  COALESCE(SUM(t.numerator), 0)::BIGINT AS numerator,
  COALESCE(SUM(t.denominator), 0)::BIGINT AS denominator
FROM stores st
CROSS JOIN metric_windows w
LEFT JOIN metric_tallies_raw t ON t.store_id = st.store_id AND t.metric_id = w.metric_id
GROUP BY st.store_id, w.metric_id
ORDER BY st.store_id, w.metric_id
