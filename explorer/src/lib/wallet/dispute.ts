import { attributionRegistryAbi } from '@ae/contracts/abi';
import { type Hex, parseEventLogs } from 'viem';
import { flagDomain } from './flag.js';
import { getSigner, type SignMode } from './signer.js';

/** AttributionRegistry.State */
const POSTED = 1;

/**
 * Escalates a flag to an on-chain dispute: reads the attribution's state, its challenge window and the
 * registry's minimum bond on the chain itself (the registry is the flag domain's verifying contract), then
 * sends disputeAttribution with that bond and the evidence hash, signed by the chosen wallet, and waits for
 * the receipt. Returns the dispute id and transaction.
 */
export async function escalate(
  mode: SignMode,
  attributionId: string,
  evidenceHash: Hex,
  devnetAllowed = false,
): Promise<{ disputeId: string; txHash: Hex; challenger: string; bond: bigint }> {
  if (!/^\d+$/.test(attributionId)) throw new Error('The attribution id is a number');
  const domain = await flagDomain();
  const { address, wallet, reads } = await getSigner(mode, domain, devnetAllowed);
  const registry = domain.verifyingContract;
  const read = (functionName: string, args: unknown[] = []) =>
    reads.readContract({
      address: registry,
      abi: attributionRegistryAbi,
      functionName,
      args,
    } as never) as Promise<unknown>;
  const id = BigInt(attributionId);
  const [att, window, minBond, head] = await Promise.all([
    read('getAttribution', [id]) as Promise<readonly [bigint, string, bigint, number]>,
    read('challengeWindow') as Promise<bigint>,
    read('minBond') as Promise<bigint>,
    reads.getBlock(),
  ]);
  if (Number(att[3]) !== POSTED) throw new Error('This attribution is no longer open to dispute');
  if (head.timestamp >= att[2] + window)
    throw new Error('Its challenge window has closed on the chain clock');
  const txHash = await wallet.writeContract({
    account: wallet.account,
    address: registry,
    abi: attributionRegistryAbi,
    functionName: 'disputeAttribution',
    args: [id, evidenceHash],
    value: minBond,
  } as never);
  const receipt = await reads.waitForTransactionReceipt({ hash: txHash, timeout: 120_000 });
  if (receipt.status !== 'success') throw new Error(`The dispute transaction ${txHash} reverted`);
  const [ev] = parseEventLogs({
    abi: attributionRegistryAbi,
    logs: receipt.logs,
    eventName: 'AttributionDisputed',
  });
  return { disputeId: String(ev?.args.disputeId ?? ''), txHash, challenger: address, bond: minBond };
}
