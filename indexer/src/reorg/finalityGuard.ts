import { COLUMN, TABLE } from '@ae/core/tables';
import pg from 'pg';
import { rpcCall } from './rpcCall.js';

export interface DeepReorg {
  /** The indexed block that is no longer on the node's chain. */
  height: number;
  indexedHash: string;
  /** What the chain has at that height now. */
  chainHash: string;
  /** Set when the node's chain ends below the final block (a replaced, shorter chain). */
  chainHead?: number;
}

/**
 * Detects that the chain the indexer committed as final is gone: the final block (squid_processor.status) has
 * another hash on the node (a reorg deeper than the finality setting), or the node's chain ends below it and an
 * indexed block at or below its head has another hash (a replaced, shorter chain: a new node with the same
 * deployment). Hot blocks are rolled back by the store; a final block cannot be, so the indexer must stop and
 * say so instead of mixing two chains. A node that errs or lags (no block there, nothing indexed that differs)
 * proves nothing: only a different hash, seen twice, counts.
 */
export class FinalityGuard {
  constructor(
    private readonly databaseUrl: string,
    private readonly rpcUrl: string,
  ) {}

  async check(): Promise<DeepReorg | undefined> {
    const final = await this.query<{ height: string; hash: string }>(
      `SELECT height, hash FROM ${TABLE.squidProcessorStatus} WHERE id = 0`,
    );
    if (!final || Number(final.height) < 0 || final.hash === '0x') return undefined;
    const height = Number(final.height);
    const first = await this.differs(height, final.hash.toLowerCase());
    if (first !== 'missing') return first;
    // No block at the final height: a lagging node, or a shorter chain. Compare the highest indexed block the
    // node does have (block_digest keeps the hash of every block with protocol events).
    const head = await rpcCall<string>(this.rpcUrl, 'eth_blockNumber', []);
    if (typeof head !== 'string') return undefined;
    const chainHead = Number.parseInt(head, 16);
    if (!(chainHead < height)) return undefined;
    const known = await this.query<{ height: number; hash: string }>(
      `SELECT height, hash FROM ${TABLE.blockDigest} WHERE ${COLUMN.blockDigest.height} <= $1 ORDER BY height DESC LIMIT 1`,
      [chainHead],
    );
    if (!known) return undefined;
    const r = await this.differs(known.height, known.hash.toLowerCase());
    return r && r !== 'missing' ? { ...r, chainHead } : undefined;
  }

  /** One line: which indexed block is gone, what the chain has instead, what to do. */
  static message(r: DeepReorg, finality: number): string {
    const gone =
      r.chainHead === undefined
        ? `reorg deeper than the finality setting (FINALITY_CONFIRMATIONS=${finality}): block ${r.height} was ` +
          `indexed as final with hash ${r.indexedHash} but the chain now has ${r.chainHash}.`
        : `the chain was replaced (reorg deeper than the finality setting): indexed block ${r.height} ` +
          `(${r.indexedHash}) is no longer on chain; the node's chain ends at block ${r.chainHead} and has ` +
          `${r.chainHash} at ${r.height}.`;
    return (
      `${gone} The indexed state cannot be rolled back past a final block; reindex into an empty database, and ` +
      'raise FINALITY_CONFIRMATIONS if this chain reorganises that deep.'
    );
  }

  /** The reorg when the chain has another hash at height (twice), 'missing' when it has no block there. */
  private async differs(height: number, indexedHash: string): Promise<DeepReorg | 'missing' | undefined> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const block = await rpcCall<{ hash?: unknown } | null>(this.rpcUrl, 'eth_getBlockByNumber', [
        `0x${height.toString(16)}`,
        false,
      ]);
      if (block === null) return 'missing';
      const h = block?.hash;
      const chainHash = typeof h === 'string' && /^0x[0-9a-fA-F]{64}$/.test(h) ? h.toLowerCase() : undefined;
      if (!chainHash || chainHash === indexedHash) return undefined;
      if (attempt === 0) await new Promise((r) => setTimeout(r, 300));
      else return { height, indexedHash, chainHash };
    }
    return undefined;
  }

  private async query<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const c = new pg.Client({ connectionString: this.databaseUrl });
    try {
      await c.connect();
      return (await c.query(sql, params)).rows[0] as T | undefined;
    } catch {
      return undefined;
    } finally {
      await c.end().catch(() => {});
    }
  }
}
