import type { ContractName } from '@ae/core';
import type { Address } from 'viem';
import { protocolArtifacts } from '../artifacts.js';
import { AccessRole } from '../roles.js';
import type { ProtocolParams } from './deployProtocol.js';

/** The AccessControl contracts whose DEFAULT_ADMIN_ROLE governance (the Timelock) holds. */
export const GOVERNED_CONTRACTS = [
  'Staking',
  'RewardDistributor',
  'AttributionRegistry',
  'DatanetRegistry',
  'ComputeRegistry',
] as const;

/** Constructor arguments of the governance contracts, from the predicted addresses of the deployment. */
export function governanceArgs(
  a: Record<ContractName, Address>,
  p: ProtocolParams,
): Record<'Treasury' | 'Timelock' | 'OpenGovernor', readonly unknown[]> {
  return {
    Treasury: [a.Timelock, a.RewardDistributor],
    Timelock: [p.timelockDelay, a.OpenGovernor],
    OpenGovernor: [
      a.Staking,
      a.Timelock,
      Number(p.votingDelay),
      Number(p.votingPeriod),
      p.proposalThreshold,
      p.quorumPercent,
      p.gracePeriod,
    ],
  };
}

type Call = [Address, (typeof protocolArtifacts)[ContractName]['abi'], string, unknown[]];

/**
 * The calls that make the Timelock the admin of every governed contract and, unless the deployer keeps its
 * key (local devnet, tests), renounce the deployer's admin role: after them no key can change a parameter.
 */
export function handOverToTimelock(
  a: Record<ContractName, Address>,
  deployer: Address,
  keep: boolean,
): Call[] {
  const calls: Call[] = GOVERNED_CONTRACTS.map((c) => [
    a[c],
    protocolArtifacts[c].abi,
    'grantRole',
    [AccessRole.DEFAULT_ADMIN, a.Timelock],
  ]);
  if (!keep) {
    for (const c of GOVERNED_CONTRACTS) {
      calls.push([a[c], protocolArtifacts[c].abi, 'renounceRole', [AccessRole.DEFAULT_ADMIN, deployer]]);
    }
  }
  return calls;
}
