/**
 * The chain's clock as the index knows it, one row (height, time): the indexed height and the timestamp of the
 * latest indexed block that carried events at or below it; nulls before anything is indexed. Off-chain records
 * (replay verdicts, auditors' flags) store it beside wall-clock time, so pages count time on the chain's clock
 * (issue #14), and a record made after its subject was indexed is never dated before it.
 */
export const CHAIN_HEAD_SQL = `SELECT s.indexed_height AS height,
  (SELECT d.timestamp FROM block_digest d WHERE d.height <= s.indexed_height ORDER BY d.height DESC LIMIT 1) AS time
  FROM (SELECT 1) one LEFT JOIN indexer_state s ON s.id = 'current'`;
