/**
 * Follows the chain head for progress lines and indexerStatus, independently of the processor (which does not
 * expose it). Errors are ignored: a flaky RPC only makes the reported head older.
 */
export class HeadPoller {
  head?: { height: number; hash: string };
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly rpcUrl: string,
    private readonly intervalMs: number,
  ) {}

  start(): this {
    const tick = async () => {
      try {
        const res = await fetch(this.rpcUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            jsonrpc: '2.0',
            id: 1,
            method: 'eth_getBlockByNumber',
            params: ['latest', false],
          }),
          signal: AbortSignal.timeout(5_000),
        });
        const body = (await res.json()) as { result?: { number?: string; hash?: string } };
        const n = body.result?.number;
        const h = body.result?.hash;
        if (typeof n === 'string' && typeof h === 'string' && /^0x[0-9a-f]+$/i.test(n)) {
          const height = Number.parseInt(n, 16);
          // A lagging node behind a load balancer may report an older head: keep the highest seen.
          if (!this.head || height >= this.head.height) this.head = { height, hash: h.toLowerCase() };
        }
      } catch {
        // ignored, see above
      }
    };
    void tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
