import { COLUMN, TABLE } from '@ae/core/tables';
import type { ClientBase, Pool } from 'pg';

export interface IndexerStatus {
  chainId: number;
  headHeight: number;
  headHash: string | null;
  indexedHeight: number;
  indexedHash: string;
  /** Blocks between the chain head (as last seen by the indexer) and the indexed height. */
  lag: number;
  /** Height up to which the indexer considers the chain final (the processor's status table). */
  finalizedHeight: number | null;
  digest: string;
  digestHeight: number;
  updatedAt: Date;
}

/**
 * What the API's indexerStatus returns, read from the indexer's tables (indexer_state, and
 * squid_processor.status for the finalized height). Null before the indexer's first batch.
 */
export async function getIndexerStatus(db: Pick<ClientBase | Pool, 'query'>): Promise<IndexerStatus | null> {
  const r = await db.query(
    `SELECT chain_id, indexed_height, indexed_hash, chain_head_height, chain_head_hash, digest, digest_height, updated_at
       FROM ${TABLE.indexerState} WHERE ${COLUMN.indexerState.id} = 'current'`,
  );
  const s = r.rows[0];
  if (!s) return null;
  const f = await db
    .query(`SELECT height FROM ${TABLE.squidProcessorStatus} WHERE id = 0`)
    .catch(() => ({ rows: [] }));
  const finalizedHeight = f.rows[0] ? Number(f.rows[0].height) : null;
  return {
    chainId: Number(s.chain_id),
    headHeight: Number(s.chain_head_height),
    headHash: s.chain_head_hash,
    indexedHeight: Number(s.indexed_height),
    indexedHash: s.indexed_hash,
    lag: Math.max(0, Number(s.chain_head_height) - Number(s.indexed_height)),
    finalizedHeight,
    digest: s.digest,
    digestHeight: Number(s.digest_height),
    updatedAt: s.updated_at,
  };
}
