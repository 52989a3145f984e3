-- The replay worker's own state (schema `replay`; the pg-boss queue keeps its own `pgboss` schema).
-- IF NOT EXISTS because workers created the feeder cursor themselves before migrations existed.
CREATE SCHEMA IF NOT EXISTS replay;
-- The highest attribution index each queue's feeders have enqueued (locked FOR UPDATE while they advance it).
CREATE TABLE IF NOT EXISTS replay.feeder_cursor (queue text PRIMARY KEY, last_index numeric NOT NULL);
-- The bonds a dispute key has put up per period of chain time: the budget every worker with that key shares.
CREATE TABLE IF NOT EXISTS replay.dispute_spend (
  challenger text NOT NULL,
  period numeric NOT NULL,
  spent numeric NOT NULL,
  disputes int NOT NULL,
  PRIMARY KEY (challenger, period)
);
