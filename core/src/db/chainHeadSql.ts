import { COLUMN, TABLE } from '../generated/tables.js';

const S = COLUMN.indexerState;
const D = COLUMN.blockDigest;

/**
 * The chain's clock as the index knows it, one row (height, time): the indexed height and the timestamp of the
 * latest indexed block that carried events at or below it; nulls before anything is indexed. Off-chain records
 * (replay verdicts, auditors' flags) store it beside wall-clock time, so pages count time on the chain's clock
 * (issue #14), and a record made after its subject was indexed is never dated before it.
 */
export const CHAIN_HEAD_SQL = `SELECT s.${S.indexedHeight} AS height,
  (SELECT d.${D.timestamp} FROM ${TABLE.blockDigest} d WHERE d.${D.height} <= s.${S.indexedHeight} ORDER BY d.${D.height} DESC LIMIT 1) AS time
  FROM (SELECT 1) one LEFT JOIN ${TABLE.indexerState} s ON s.${S.id} = 'current'`;
