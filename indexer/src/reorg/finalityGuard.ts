import pg from 'pg';

export interface DeepReorg {
  height: number;
  indexedHash: string;
  chainHash: string;
}

/**
 * Detects a reorganisation deeper than the finality setting: the block the indexer committed as final
 * (<stateSchema>.status) is no longer on the chain. Hot blocks are rolled back by the store; a final block
 * cannot be, so the indexer must stop and say so instead of mixing two chains. A node that errs or lags (no
 * block at that height) proves nothing: only a different hash, seen twice, counts.
 */
export class FinalityGuard {
  constructor(
    private readonly databaseUrl: string,
    private readonly rpcUrl: string,
    private readonly stateSchema: string,
  ) {}

  async check(): Promise<DeepReorg | undefined> {
    const final = await this.finalized();
    if (!final || final.height < 0 || final.hash === '0x') return undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      const chainHash = await this.chainHash(final.height);
      if (!chainHash || chainHash === final.hash) return undefined;
      if (attempt === 0) await new Promise((r) => setTimeout(r, 300));
      else return { height: final.height, indexedHash: final.hash, chainHash };
    }
    return undefined;
  }

  static message(r: DeepReorg, finality: number): string {
    return (
      `reorg deeper than the finality setting (FINALITY_CONFIRMATIONS=${finality}): block ${r.height} was ` +
      `indexed as final with hash ${r.indexedHash} but the chain now has ${r.chainHash}. The indexed state ` +
      'cannot be rolled back past a final block; reindex into an empty database, and raise FINALITY_CONFIRMATIONS ' +
      'if this chain reorganises that deep.'
    );
  }

  private async finalized(): Promise<{ height: number; hash: string } | undefined> {
    const c = new pg.Client({ connectionString: this.databaseUrl });
    try {
      await c.connect();
      const r = await c.query(`SELECT height, hash FROM "${this.stateSchema}".status WHERE id = 0`);
      return r.rows[0]
        ? { height: Number(r.rows[0].height), hash: String(r.rows[0].hash).toLowerCase() }
        : undefined;
    } catch {
      return undefined;
    } finally {
      await c.end().catch(() => {});
    }
  }

  private async chainHash(height: number): Promise<string | undefined> {
    try {
      const res = await fetch(this.rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'eth_getBlockByNumber',
          params: [`0x${height.toString(16)}`, false],
        }),
        signal: AbortSignal.timeout(5_000),
      });
      const body = (await res.json()) as { result?: { hash?: unknown } | null };
      const h = body.result?.hash;
      return typeof h === 'string' && /^0x[0-9a-fA-F]{64}$/.test(h) ? h.toLowerCase() : undefined;
    } catch {
      return undefined;
    }
  }
}
