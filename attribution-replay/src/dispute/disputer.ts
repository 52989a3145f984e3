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
import type { DisputeBudget } from './disputeBudget.js';
import { describeReverted, sendContractCall } from './sendContractCall.js';

/** State codes of AttributionRegistry.State. */
const POSTED = 1;

/** Why a dispute was not opened; `window-closed`, `bond-ceiling` and `budget` mean the posting may settle unverified. */
export type NotOpened = 'not-open' | 'window-closed' | 'bond-ceiling' | 'budget' | 'reverted';

export type DisputeOutcome =
  | { opened: true; txHash: Hex; bond: bigint; closesAt: bigint; disputedAt: bigint }
  | { opened: false; code: NotOpened; reason: string; closesAt?: bigint };

/** What a key may spend: a ceiling per bond and a budget of bonds per period of chain time. */
export interface DisputePolicy {
  bondWei?: bigint;
  maxBondWei?: bigint;
  budgetWei?: bigint;
  periodS: number;
  /** Shared spend ledger (several workers, one key); without it the budget is this process's own. */
  budget?: DisputeBudget;
}

/**
 * Opens on-chain disputes for the verdicts that must not be paid. Checks the attribution's state and
 * challenge window first (a closed window or an existing dispute is reported, not an error), the bond
 * against its ceiling and the period's budget, and waits for the receipt so the indexer sees
 * AttributionDisputed. Disputes of one key are serialized: in this process by a queue, across processes by
 * the budget's lock, so nonces never collide.
 */
export class Disputer {
  private readonly client: PublicClient;
  private readonly wallet;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly spentHere = new Map<bigint, bigint>();

  constructor(
    rpcUrl: string,
    private readonly registry: Address,
    key: Hex,
    private readonly policy: DisputePolicy = { periodS: 86_400 },
  ) {
    const account = privateKeyToAccount(key);
    this.client = createPublicClient({ transport: http(rpcUrl), pollingInterval: 250 });
    this.wallet = createWalletClient({ account, transport: http(rpcUrl) });
  }

  get address(): Address {
    return this.wallet.account.address;
  }

  /** Disputes one attribution; calls are serialized so nonces never collide within this process. */
  dispute(attributionId: string, evidenceHash: Hex): Promise<DisputeOutcome> {
    const run = this.queue.then(() =>
      this.policy.budget
        ? this.policy.budget.withLock(this.address, () => this.send(attributionId, evidenceHash))
        : this.send(attributionId, evidenceHash),
    );
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
      const closesAt = postedAt + window;
      if (Number(state) !== POSTED)
        return {
          opened: false,
          code: 'not-open',
          reason: `attribution is no longer open to dispute (state ${state})`,
        };
      if (block.timestamp >= closesAt)
        return {
          opened: false,
          code: 'window-closed',
          reason: `the challenge window closed ${block.timestamp - closesAt} s ago on the chain clock`,
          closesAt,
        };
      const bond = this.policy.bondWei ?? minBond;
      if (bond < minBond)
        throw new UserError(
          `cannot dispute: REPLAY_DISPUTE_BOND_WEI ${bond} is below the registry's minBond ${minBond}`,
        );
      if (this.policy.maxBondWei !== undefined && bond > this.policy.maxBondWei)
        return {
          opened: false,
          code: 'bond-ceiling',
          reason: `the bond ${bond} wei is above the ceiling REPLAY_DISPUTE_MAX_BOND_WEI ${this.policy.maxBondWei}`,
          closesAt,
        };
      const period = block.timestamp / BigInt(this.policy.periodS);
      const spent =
        (await this.policy.budget?.spent(this.address, period)) ?? this.spentHere.get(period) ?? 0n;
      if (this.policy.budgetWei !== undefined && spent + bond > this.policy.budgetWei)
        return {
          opened: false,
          code: 'budget',
          reason: `the dispute budget is spent (${spent} of ${this.policy.budgetWei} wei this period of ${this.policy.periodS} s)`,
          closesAt,
        };
      const sent = await sendContractCall(this.client, this.wallet, {
        address: this.registry,
        abi: attributionRegistryAbi,
        functionName: 'disputeAttribution',
        args: [id, evidenceHash],
        value: bond,
      });
      const { hash, receipt } = sent;
      if (receipt.status !== 'success')
        return {
          opened: false,
          code: 'reverted',
          reason: `dispute transaction reverted (${describeReverted(sent)})`,
          closesAt,
        };
      this.spentHere.set(period, spent + bond);
      await this.policy.budget?.spend(this.address, period, bond);
      const mined = await this.client.getBlock({ blockNumber: receipt.blockNumber });
      return { opened: true, txHash: hash, bond, closesAt, disputedAt: mined.timestamp };
    } catch (cause) {
      if (cause instanceof UserError) throw cause;
      const msg = (cause as { shortMessage?: string; message?: string }).shortMessage ?? String(cause);
      const full = String((cause as Error).message);
      if (/ChallengeWindowClosed/.test(full)) return { opened: false, code: 'window-closed', reason: msg };
      if (/AlreadyDisputed|AttributionFinal/.test(full))
        return { opened: false, code: 'not-open', reason: msg };
      if (/BondTooLow|insufficient funds/i.test(full))
        throw new UserError(`cannot dispute attribution ${attributionId}: ${msg}`, { cause });
      throw new RetryableError(`dispute of attribution ${attributionId} failed`, { cause, details: msg });
    }
  }
}
