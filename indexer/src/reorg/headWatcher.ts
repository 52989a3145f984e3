import type { JsonRpc } from '@ae/core';
import pg from 'pg';
import { STATE_TABLES } from '../db/stateTables.js';
import { blockHashAt } from './blockHashAt.js';

export interface ReplacedHead {
  height: number;
  indexedHash: string;
  chainHash: string;
}

/**
 * Notices a reorg that keeps the head's height (anvil_reorg, an L2 sequencer replacing its latest block):
 * the processor polls the head's number and moves only when it grows, so it would serve the replaced block
 * until the next one. Every poll interval this compares the newest unfinalized block the indexer committed
 * with the chain's block at that height; a different hash, seen on two reads in a row, is reported once.
 * What to do is the caller's (runIndexer restarts the processor, whose Database rolls the block back).
 */
export class HeadWatcher {
  private timer?: NodeJS.Timeout;
  private reported = false;
  private busy = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly rpc: JsonRpc,
    private readonly intervalMs: number,
    private readonly onReplaced: (r: ReplacedHead) => void,
  ) {}

  start(): this {
    this.timer = setInterval(() => void this.poll(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One comparison; answers the replaced head when this poll confirmed one (also for tests). */
  async poll(): Promise<ReplacedHead | undefined> {
    if (this.busy || this.reported) return undefined;
    this.busy = true;
    try {
      const top = await this.topHotBlock();
      if (!top) return undefined;
      let chainHash = await blockHashAt(this.rpc, top.height);
      if (!chainHash || chainHash === top.hash) return undefined;
      // Read again (a node behind a load balancer may have answered from a replica on another branch).
      await new Promise((r) => setTimeout(r, 100));
      chainHash = await blockHashAt(this.rpc, top.height);
      if (!chainHash || chainHash === top.hash) return undefined;
      // A higher head: the processor sees a new height and navigates the fork itself.
      const head = await this.rpc.call<string>('eth_blockNumber').catch(() => undefined);
      if (head === undefined || Number(head) > top.height) return undefined;
      // Still the block the indexer committed? (The processor may have moved on meanwhile.)
      const now = await this.topHotBlock();
      if (now?.height !== top.height || now.hash !== top.hash) return undefined;
      const r = { height: top.height, indexedHash: top.hash, chainHash };
      this.reported = true;
      this.stop();
      this.onReplaced(r);
      return r;
    } finally {
      this.busy = false;
    }
  }

  private async topHotBlock(): Promise<{ height: number; hash: string } | undefined> {
    const c = new pg.Client({ connectionString: this.databaseUrl });
    try {
      await c.connect();
      const r = await c.query(
        `SELECT height, hash FROM ${STATE_TABLES.hotBlock} ORDER BY height DESC LIMIT 1`,
      );
      return r.rows[0]
        ? { height: Number(r.rows[0].height), hash: String(r.rows[0].hash).toLowerCase() }
        : undefined;
    } catch {
      return undefined;
    } finally {
      await c.end().catch(() => {});
    }
  }
}
