import { BaseError, CONTRACT_NAMES, type ContractName } from '@ae/core';
import {
  type Account,
  type Address,
  type Chain,
  encodeDeployData,
  encodeFunctionData,
  getContractAddress,
  type Hex,
  type PublicClient,
  parseEther,
  type Transport,
  type WalletClient,
  zeroHash,
} from 'viem';
import { protocolArtifacts } from '../artifacts.js';
import { GENESIS_POA_METHODS } from '../governance/genesisMethods.js';
import { AccessRole } from '../roles.js';
import { governanceArgs, handOverToTimelock } from './handOverToTimelock.js';

/** Governed parameters fixed at deployment (all changeable later by governance). */
export interface ProtocolParams {
  minPosterStake: bigint;
  minProviderStake: bigint;
  /** Seconds between requestUnstake and withdraw. */
  unstakeCooldown: bigint;
  /** Seconds during which an attribution can be disputed. */
  challengeWindow: bigint;
  minBond: bigint;
  /** Taken from the poster's stake when a dispute is upheld (capped by the stake). */
  slashAmount: bigint;
  /** Governor settings, in seconds of the timestamp clock (see docs/governance.md). */
  votingDelay: bigint;
  votingPeriod: bigint;
  /** Votes (wei of delegated stake) an account needs to propose. */
  proposalThreshold: bigint;
  /** Percent of the total active stake at the snapshot that must vote for or abstain. */
  quorumPercent: bigint;
  /** Seconds between queueing a passed proposal in the Timelock and its execution. */
  timelockDelay: bigint;
  /** Seconds after the eta during which a queued proposal may still run (then it is Expired). */
  gracePeriod: bigint;
}

export const DEFAULT_PARAMS: ProtocolParams = {
  minPosterStake: parseEther('100'),
  minProviderStake: parseEther('50'),
  unstakeCooldown: 86_400n,
  challengeWindow: 3_600n,
  minBond: parseEther('1'),
  slashAmount: parseEther('50'),
  votingDelay: 300n,
  votingPeriod: 3_600n,
  proposalThreshold: parseEther('10'),
  quorumPercent: 4n,
  timelockDelay: 600n,
  gracePeriod: 86_400n * 14n,
};

export interface DeployProtocolOptions {
  publicClient: PublicClient;
  /** Deploys and wires; the Timelock becomes DEFAULT_ADMIN of every AccessControl contract. */
  walletClient: WalletClient<Transport, Chain | undefined, Account>;
  /**
   * Whether the deployer keeps DEFAULT_ADMIN_ROLE next to the Timelock. False (the default) renounces it
   * at the end of the deployment, so only governance can change a parameter; the local devnet and the tests
   * keep it to set up worlds quickly (docs/governance.md).
   */
  deployerKeepsAdmin?: boolean;
  params?: Partial<ProtocolParams>;
  posters?: readonly Address[];
  arbiters?: readonly Address[];
  /** Compute providers approved at deployment (governance approves the others by proposal); default none. */
  providers?: readonly Address[];
  /** PoA methods allowed at deployment, any parameters; default GENESIS_POA_METHODS. */
  methods?: readonly string[];
}

export interface ProtocolDeployment {
  contracts: Record<ContractName, Address>;
  /** The block of the first deployment transaction: where an indexer starts. */
  startBlock: number;
}

/**
 * Deploys the protocol and its governance and wires their roles. Addresses follow from the deployer's nonces, so every
 * transaction is sent before any receipt is awaited: with a block time of seconds the whole deployment
 * still takes a block or two rather than one block per transaction.
 */
export async function deployProtocol(opts: DeployProtocolOptions): Promise<ProtocolDeployment> {
  const { publicClient, walletClient } = opts;
  const account = walletClient.account;
  const gov = account.address;
  const p = { ...DEFAULT_PARAMS, ...opts.params };
  const firstNonce = await publicClient.getTransactionCount({ address: gov, blockTag: 'pending' });
  const at = (i: number) => getContractAddress({ from: gov, nonce: BigInt(firstNonce + i) });
  const a = Object.fromEntries(CONTRACT_NAMES.map((n, i) => [n, at(i)])) as Record<ContractName, Address>;
  const args: Record<ContractName, readonly unknown[]> = {
    Staking: [gov, p.minPosterStake, p.minProviderStake, p.unstakeCooldown],
    RewardDistributor: [gov, a.Treasury, a.Staking],
    DatanetRegistry: [gov, a.Staking],
    ModelRegistry: [a.DatanetRegistry],
    ComputeRegistry: [gov, a.Staking],
    InferenceLedger: [a.ModelRegistry, a.ComputeRegistry, a.RewardDistributor],
    AttributionRegistry: [
      gov,
      a.Staking,
      a.DatanetRegistry,
      a.InferenceLedger,
      a.RewardDistributor,
      p.challengeWindow,
      p.minBond,
      p.slashAmount,
    ],
    ...governanceArgs(a, p),
  };
  const txs: { to?: Address; data: Hex; gas: bigint }[] = CONTRACT_NAMES.map((n) => ({
    data: encodeDeployData({ ...protocolArtifacts[n], args: args[n] } as Parameters<
      typeof encodeDeployData
    >[0]),
    gas: 6_000_000n,
  }));
  const call = (
    to: Address,
    abi: (typeof protocolArtifacts)[ContractName]['abi'],
    functionName: string,
    fargs: unknown[],
  ) => txs.push({ to, data: encodeFunctionData({ abi, functionName, args: fargs } as never), gas: 200_000n });
  const grant = (c: 'Staking' | 'RewardDistributor' | 'AttributionRegistry', role: Hex, who: Address) =>
    call(a[c], protocolArtifacts[c].abi, 'grantRole', [role, who]);
  call(a.Staking, protocolArtifacts.Staking.abi, 'setRewardDistributor', [a.RewardDistributor]);
  grant('Staking', AccessRole.SLASHER, a.AttributionRegistry);
  grant('Staking', AccessRole.DISTRIBUTOR, a.RewardDistributor);
  grant('RewardDistributor', AccessRole.LEDGER, a.InferenceLedger);
  grant('RewardDistributor', AccessRole.SETTLER, a.AttributionRegistry);
  grant('RewardDistributor', AccessRole.DEPOSITOR, a.Staking);
  grant('RewardDistributor', AccessRole.DEPOSITOR, a.AttributionRegistry);
  for (const who of opts.posters ?? []) grant('AttributionRegistry', AccessRole.POSTER, who);
  for (const who of opts.arbiters ?? []) grant('AttributionRegistry', AccessRole.ARBITER, who);
  for (const m of opts.methods ?? GENESIS_POA_METHODS)
    call(a.AttributionRegistry, protocolArtifacts.AttributionRegistry.abi, 'setMethod', [m, true, zeroHash]);
  for (const who of opts.providers ?? [])
    call(a.ComputeRegistry, protocolArtifacts.ComputeRegistry.abi, 'setProviderApproval', [who, true]);
  for (const step of handOverToTimelock(a, gov, opts.deployerKeepsAdmin ?? false)) call(...step);

  const hashes: Hex[] = [];
  for (const [i, tx] of txs.entries()) {
    hashes.push(
      await walletClient.sendTransaction({
        ...tx,
        account,
        chain: walletClient.chain ?? null,
        nonce: firstNonce + i,
      }),
    );
  }
  const receipts = await Promise.all(hashes.map((hash) => publicClient.waitForTransactionReceipt({ hash })));
  const failed = receipts.findIndex((r) => r.status !== 'success');
  if (failed >= 0) {
    throw new BaseError('protocol deployment failed', {
      details: `transaction ${failed} (${receipts[failed].transactionHash}) reverted`,
      meta: { step: failed },
    });
  }
  for (const n of CONTRACT_NAMES) {
    const r = receipts[CONTRACT_NAMES.indexOf(n)];
    if (r.contractAddress?.toLowerCase() !== a[n].toLowerCase()) {
      throw new BaseError('protocol deployment landed at an unexpected address', { meta: { contract: n } });
    }
  }
  return { contracts: a, startBlock: Number(receipts[0].blockNumber) };
}
