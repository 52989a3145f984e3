import type { Abi, Account, Address, Hex, PublicClient, TransactionReceipt, WalletClient } from 'viem';

export interface ContractCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  value?: bigint;
}

export interface SentCall {
  hash: Hex;
  receipt: TransactionReceipt;
  /** The gas limit the transaction was sent with (estimate plus headroom). */
  gasLimit: bigint;
}

/**
 * Sends a contract call with a gas limit of the node's estimate plus half again, and waits for its receipt.
 * The estimate is taken on the head block, but the call is mined in a later one whose state can cost more
 * (on the devnet other services' transactions and the live phase's timestamp jumps land in between; a vote
 * checkpoint written in a new second takes a fresh storage slot where the same second would update one).
 * In the audit-loop e2e one ruling sent with the bare estimate reverted; the cause was not pinned down, so
 * callers also log the gas used against the limit, which tells running out of gas from a contract error.
 */
export async function sendContractCall(
  client: PublicClient,
  wallet: WalletClient & { account: Account },
  call: ContractCall,
): Promise<SentCall> {
  const request = { ...call, account: wallet.account } as never;
  const estimate = await client.estimateContractGas(request);
  const gasLimit = estimate + estimate / 2n;
  const hash = await wallet.writeContract({ ...call, gas: gasLimit, chain: null } as never);
  const receipt = await client.waitForTransactionReceipt({ hash, timeout: 120_000 });
  return { hash, receipt, gasLimit };
}

/** "tx 0x…, gas used N of M": what a reverted call's log line needs to tell out-of-gas from a revert. */
export function describeReverted(sent: SentCall): string {
  const { hash, receipt, gasLimit } = sent;
  return `tx ${hash}, gas used ${receipt.gasUsed} of ${gasLimit}${receipt.gasUsed >= gasLimit ? ': out of gas' : ''}`;
}
