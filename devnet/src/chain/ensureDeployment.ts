import { deployProtocol, type ProtocolParams, stakingAbi } from '@ae/contracts';
import { namedAccounts } from '@ae/contracts/devnet';
import { CONTRACT_NAMES, type Deployment, parseDeployment, readDeployment, writeDeployment } from '@ae/core';
import {
  type Account,
  type Address,
  createPublicClient,
  createWalletClient,
  http,
  type PublicClient,
} from 'viem';
import { devnetChain } from './devnetChain.js';

export interface EnsureDeploymentOptions {
  rpcUrl: string;
  /** Where deployment.json lives (read to reuse, written after a deployment). */
  deploymentPath: string;
  /** Deploys and governs; defaults to the named deployer. */
  deployer?: Account;
  posters?: readonly Address[];
  arbiters?: readonly Address[];
  params?: Partial<ProtocolParams>;
}

export interface EnsuredDeployment {
  deployment: Deployment;
  /** True when the file's deployment was found intact on the chain and nothing was sent. */
  reused: boolean;
}

/**
 * Makes sure the chain at rpcUrl has the protocol and deployment.json describes it. A deployment on file
 * is reused only if it names this rpcUrl and chain id and every address has code wired as we deploy it;
 * anything else (a fresh anvil, another chain) gets a new deployment and a new file.
 */
export async function ensureDeployment(opts: EnsureDeploymentOptions): Promise<EnsuredDeployment> {
  const probe = createPublicClient({ transport: http(opts.rpcUrl) });
  const chainId = await probe.getChainId();
  const chain = devnetChain(opts.rpcUrl, chainId);
  const publicClient = createPublicClient({
    chain,
    transport: http(opts.rpcUrl),
    pollingInterval: 100,
  }) as PublicClient;
  const existing = readDeployment(opts.deploymentPath);
  if (existing && existing.rpcUrl === opts.rpcUrl && existing.chainId === chainId) {
    if (await isLive(publicClient, existing)) return { deployment: existing, reused: true };
  }
  const named = namedAccounts();
  const account = opts.deployer ?? named.deployer;
  const walletClient = createWalletClient({ chain, transport: http(opts.rpcUrl), account });
  const { contracts, startBlock } = await deployProtocol({
    publicClient,
    walletClient,
    params: opts.params,
    // The local devnet's deployer keeps DEFAULT_ADMIN_ROLE next to the Timelock: the scenario grants poster
    // and arbiter roles with it; every governed parameter it plays still changes through a proposal.
    deployerKeepsAdmin: true,
    posters: opts.posters ?? [named.poster.address],
    arbiters: opts.arbiters ?? [named.arbiter.address],
  });
  const deployment = parseDeployment({ chainId, rpcUrl: opts.rpcUrl, startBlock, contracts });
  writeDeployment(opts.deploymentPath, deployment);
  return { deployment, reused: false };
}

/** eth_getCode is non-empty at every address and Staking points at the file's RewardDistributor. */
export async function isLive(client: PublicClient, d: Deployment): Promise<boolean> {
  for (const name of CONTRACT_NAMES) {
    const code = await client.getCode({ address: d.contracts[name] });
    if (!code || code === '0x') return false;
  }
  try {
    const rd = await client.readContract({
      address: d.contracts.Staking,
      abi: stakingAbi,
      functionName: 'rewardDistributor',
    });
    return rd.toLowerCase() === d.contracts.RewardDistributor.toLowerCase();
  } catch {
    return false;
  }
}
