import type { JsonRpc } from '@ae/core';

/**
 * The chain's hash of the block at `height`, lower-case; undefined when the node has no such block, answers
 * something that is not a hash, or fails. Callers treat undefined as "no evidence", never as a mismatch:
 * a lagging or flaky node must not make the indexer roll back.
 */
export async function blockHashAt(rpc: JsonRpc, height: number): Promise<string | undefined> {
  try {
    const b = await rpc.call<{ hash?: unknown } | null>('eth_getBlockByNumber', [
      `0x${height.toString(16)}`,
      false,
    ]);
    const h = b?.hash;
    return typeof h === 'string' && /^0x[0-9a-fA-F]{64}$/.test(h) ? h.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}
