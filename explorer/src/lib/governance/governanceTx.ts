import { openGovernorAbi } from '@ae/contracts/abi';
import { UserError } from '@ae/core/errors';
import type { Address, Hex } from 'viem';
import { getClient } from '../graphql/client.js';
import { getSigner, type Signer, type SignMode } from '../wallet/signer.js';
import { toGovernanceError } from './governanceErrors.js';
import type { INDEXED_VOTE } from './queries.js';

/** Where the explorer finds the Governor (from the deployment the explorer serves) and on which chain. */
export interface GovernanceContracts {
  chainId: number;
  governor: Address;
}

/** Who signs: an injected wallet, or on a devnet one of its named accounts (by label). */
export interface SignWith {
  mode: SignMode;
  devnetAccount?: string;
  devnetAllowed: boolean;
}

const DEVNET_PREFIX = 'devnet:';

/** SignWithPicker's value ("injected" or "devnet:<label>") as the SignWith a transaction takes. */
export function signWithChoice(value: string, devnetAllowed: boolean): SignWith {
  const devnet = value.startsWith(DEVNET_PREFIX);
  return {
    mode: devnet ? 'devnet' : 'injected',
    devnetAccount: devnet ? value.slice(DEVNET_PREFIX.length) : undefined,
    devnetAllowed,
  };
}

/** A transaction's progress as the page shows it: the wallet asked, sent (pending), mined, then indexed. */
export type TxStage =
  | { stage: 'wallet'; from: Address }
  | { stage: 'pending'; from: Address; hash: Hex }
  | { stage: 'mined'; from: Address; hash: Hex; block: bigint }
  | { stage: 'indexed'; from: Address; hash: Hex; block: bigint }
  | { stage: 'not-indexed'; from: Address; hash: Hex; block: bigint };

export type OnStage = (s: TxStage) => void;
const INDEX_WAIT_MS = 60_000;

/** The signer for a governance transaction, on the deployment's chain. */
export async function signerFor(c: GovernanceContracts, w: SignWith): Promise<Signer> {
  return getSigner(w.mode, { chainId: c.chainId }, w.devnetAllowed, w.devnetAccount);
}

/** The vote's or delegation's row appears in the index (the API), or the wait ends; true when it did. */
async function waitIndexed(doc: typeof INDEXED_VOTE, field: string, hash: Hex): Promise<boolean> {
  const end = Date.now() + INDEX_WAIT_MS;
  while (Date.now() < end) {
    const r = await getClient()
      .query<Record<string, unknown[]>>({ query: doc, variables: { tx: hash.toLowerCase() } })
      .catch(() => null);
    if ((r?.data?.[field]?.length ?? 0) > 0) return true;
    await new Promise((ok) => setTimeout(ok, 700));
  }
  return false;
}

/**
 * Sends a call (simulated first, so a revert is named before the wallet asks) and follows it: wallet →
 * pending → mined → indexed (its row in the API, by transaction hash), reporting each step.
 */
export async function sendGovernanceTx(
  s: Signer,
  call: { address: Address; abi: readonly unknown[]; functionName: string; args: readonly unknown[] },
  onStage: OnStage,
  indexed: { doc: typeof INDEXED_VOTE; field: string },
) {
  const from = s.address;
  let hash: Hex;
  try {
    const { request } = await s.reads.simulateContract({ ...call, account: s.wallet.account } as never);
    onStage({ stage: 'wallet', from });
    hash = await s.wallet.writeContract(request as never);
  } catch (e) {
    throw toGovernanceError(e);
  }
  onStage({ stage: 'pending', from, hash });
  const receipt = await s.reads.waitForTransactionReceipt({ hash, timeout: 120_000 }).catch((e) => {
    throw toGovernanceError(e);
  });
  if (receipt.status !== 'success')
    throw new UserError(`The transaction ${hash} reverted`, { code: 'FORBIDDEN' });
  onStage({ stage: 'mined', from, hash, block: receipt.blockNumber });
  const ok = await waitIndexed(indexed.doc, indexed.field, hash);
  onStage({ stage: ok ? 'indexed' : 'not-indexed', from, hash, block: receipt.blockNumber });
  return receipt;
}

/** The Staking contract (the Governor's IVotes token), read from the Governor itself. */
export async function stakingOf(s: Signer, c: GovernanceContracts): Promise<Address> {
  return (await s.reads.readContract({
    address: c.governor,
    abi: openGovernorAbi,
    functionName: 'token',
  })) as Address;
}
