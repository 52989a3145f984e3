import { attributionRegistryAbi } from '@ae/contracts';
import { type Address, createPublicClient, http, type PublicClient } from 'viem';

/**
 * Seconds left in a posting's challenge window on the chain clock (the head block's timestamp against
 * postedAt + the registry's challengeWindow): what the worker says when it cannot dispute in time. The
 * window is read once a minute, the head at most once a second; undefined when the chain does not answer.
 */
export class ChallengeClock {
  private readonly client: PublicClient;
  private window: { at: number; value: Promise<bigint> } | undefined;
  private head: { at: number; value: Promise<bigint> } | undefined;

  constructor(
    rpcUrl: string,
    private readonly registry: Address,
  ) {
    this.client = createPublicClient({ transport: http(rpcUrl, { timeout: 5_000, retryCount: 1 }) });
  }

  async secondsLeft(postedAt: Date): Promise<number | undefined> {
    try {
      const now = Date.now();
      if (!this.window || now - this.window.at > 60_000)
        this.window = {
          at: now,
          value: this.client.readContract({
            address: this.registry,
            abi: attributionRegistryAbi,
            functionName: 'challengeWindow',
          }) as Promise<bigint>,
        };
      if (!this.head || now - this.head.at > 1_000)
        this.head = { at: now, value: this.client.getBlock().then((b) => b.timestamp) };
      const [window, head] = await Promise.all([this.window.value, this.head.value]);
      return Number(BigInt(Math.floor(postedAt.getTime() / 1000)) + window - head);
    } catch {
      this.window = undefined;
      this.head = undefined;
      return undefined;
    }
  }
}
