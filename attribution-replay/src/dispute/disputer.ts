import { attributionRegistryAbi } from '@ae/contracts';
import { RetryableError, UserError } from '@ae/core';
import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

/** State codes of AttributionRegistry.State. */
const POSTED = 1;

export type DisputeOutcome = { opened: true; txHash: Hex } | { opened: false; reason: string };

/**
 * Opens on-chain disputes for MISMATCH verdicts. Checks the attribution's state and challenge window first
 * (a closed window or an existing dispute is reported, not an error), sends the registry's minimum bond
 * unless told otherwise, and waits for the receipt so the indexer sees AttributionDisputed.
 */
export class Disputer {
  private readonly client: PublicClient;
  private readonly wallet;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    rpcUrl: string,
    private readonly registry: Address,
    key: Hex,
    private readonly bondWei?: bigint,
  ) {
    const account = privateKeyToAccount(key);
    this.client = createPublicClient({ transport: http(rpcUrl) });
    this.wallet = createWalletClient({ account, transport: http(rpcUrl) });
  }

  get address(): Address {
    return this.wallet.account.address;
  }

  /** Disputes one attribution; calls are serialized so nonces never collide within this process. */
  dispute(attributionId: string, evidenceHash: Hex): Promise<DisputeOutcome> {
    const run = this.queue.then(() => this.send(attributionId, evidenceHash));
    this.queue = run.catch(() => {});
    return run;
  }

  private async send(attributionId: string, evidenceHash: Hex): Promise<DisputeOutcome> {
    const id = BigInt(attributionId);
    const read = <T>(functionName: string, args: readonly unknown[] = []) =>
      this.client.readContract({
        address: this.registry,
        abi: attributionRegistryAbi,
        functionName,
        args,
      } as never) as Promise<T>;
    try {
      const [att, window, minBond, block] = await Promise.all([
        read<readonly [bigint, Address, bigint, number, readonly Address[], readonly number[]]>(
          'getAttribution',
          [id],
        ),
        read<bigint>('challengeWindow'),
        read<bigint>('minBond'),
        this.client.getBlock(),
      ]);
      const [, , postedAt, state] = att;
      if (Number(state) !== POSTED)
        return { opened: false, reason: `attribution is no longer open to dispute (state ${state})` };
      if (block.timestamp >= postedAt + window)
        return { opened: false, reason: 'the challenge window has closed' };
      const bond = this.bondWei ?? minBond;
      const hash = await this.wallet.writeContract({
        address: this.registry,
        abi: attributionRegistryAbi,
        functionName: 'disputeAttribution',
        args: [id, evidenceHash],
        value: bond,
        chain: null,
      } as never);
      const receipt = await this.client.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success')
        return { opened: false, reason: `dispute transaction ${hash} reverted` };
      return { opened: true, txHash: hash };
    } catch (cause) {
      const msg = (cause as { shortMessage?: string; message?: string }).shortMessage ?? String(cause);
      if (/ChallengeWindowClosed|AlreadyDisputed|AttributionFinal/.test(String((cause as Error).message)))
        return { opened: false, reason: msg };
      if (/BondTooLow|insufficient funds/i.test(String((cause as Error).message)))
        throw new UserError(`cannot dispute attribution ${attributionId}: ${msg}`, { cause });
      throw new RetryableError(`dispute of attribution ${attributionId} failed`, { cause, details: msg });
    }
  }
}
