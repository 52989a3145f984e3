import { chainRpc } from '../chain/chainRpc.js';
import type { ApiContext } from '../server/context.js';
import type { SearchHit } from './searchEntities.js';

/** Whether the node knows a hash as a transaction or a block (any of them, not only the protocol's). */
export async function chainHashHits(ctx: ApiContext, hash: string): Promise<SearchHit[]> {
  if (!ctx.services.rpcUrl) return [];
  try {
    const [tx, block] = await chainRpc(ctx).batch<{ number?: string } | null>([
      { method: 'eth_getTransactionByHash', params: [hash] },
      { method: 'eth_getBlockByHash', params: [hash, false] },
    ]);
    const hits: SearchHit[] = [];
    if (tx)
      hits.push({
        kind: 'TRANSACTION',
        id: hash,
        nodeId: null,
        label: `transaction ${hash}`,
        matchedBy: 'txHash',
        exact: true,
      });
    if (block?.number) {
      const n = BigInt(block.number).toString();
      hits.push({
        kind: 'BLOCK',
        id: n,
        nodeId: null,
        label: `block ${n}`,
        matchedBy: 'blockHash',
        exact: true,
      });
    }
    return hits;
  } catch {
    return [];
  }
}
