import type { JsonRpc } from '@ae/core';
import type { Address, Hex } from 'viem';

/**
 * Local nonce per sender: the scenario signs thousands of transactions per block without waiting for the
 * pool, so nonces come from here, read once from the chain (pending) for each new sender.
 */
export class NonceBook {
  private readonly next = new Map<string, number>();

  constructor(private readonly rpc: JsonRpc) {}

  async load(addresses: readonly Address[]): Promise<void> {
    const missing = [...new Set(addresses.map((a) => a.toLowerCase()))].filter((a) => !this.next.has(a));
    for (let i = 0; i < missing.length; i += 256) {
      const chunk = missing.slice(i, i + 256);
      const counts = await this.rpc.batch<Hex>(
        chunk.map((a) => ({ method: 'eth_getTransactionCount', params: [a, 'pending'] })),
      );
      for (const [j, a] of chunk.entries()) this.next.set(a, Number(BigInt(counts[j])));
    }
  }

  take(address: Address): number {
    const key = address.toLowerCase();
    const n = this.next.get(key);
    if (n === undefined) throw new Error(`nonce of ${address} not loaded`);
    this.next.set(key, n + 1);
    return n;
  }
}
