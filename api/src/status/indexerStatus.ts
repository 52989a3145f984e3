import { COLUMN, TABLE } from '@ae/core/tables';
import type { Db } from '../db/db.js';
import type { ApiServices } from '../server/services.js';

/**
 * Where the indexer stands: its own view (IndexerState row) and, when RPC_URL is set, the node's head, so the
 * lag is measured against the chain and not only against what the indexer last saw.
 */
export async function indexerStatus(db: Db, services: ApiServices) {
  const [rows, head] = await Promise.all([
    db.query<Record<string, unknown>>(
      `SELECT chain_id, indexed_height, indexed_hash, chain_head_height, chain_head_hash, digest, digest_height, updated_at
       FROM ${TABLE.indexerState} WHERE ${COLUMN.indexerState.id} = 'current'`,
    ),
    services.chainHead(),
  ]);
  const s = rows[0];
  const indexedHeight = s ? Number(s.indexed_height) : 0;
  const headHeight = head?.height ?? (s ? Number(s.chain_head_height) : null);
  return {
    chainId: s ? Number(s.chain_id) : (services.flagDomain()?.chainId ?? null),
    headHeight,
    headHash: head?.hash ?? (s?.chain_head_hash as string | null) ?? null,
    headSource: head ? 'RPC' : s ? 'INDEXER' : null,
    indexedHeight,
    indexedHash: (s?.indexed_hash as string | undefined) ?? null,
    lag: headHeight === null ? null : Math.max(0, headHeight - indexedHeight),
    digest: (s?.digest as string | undefined) ?? null,
    digestHeight: s ? Number(s.digest_height) : null,
    updatedAt: (s?.updated_at as Date | undefined) ?? null,
  };
}
