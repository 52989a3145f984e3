import type { ContractName } from '@ae/core';
import type { Abi, Hex } from 'viem';
import * as g from '../generated/abi.js';

/** ABI and creation bytecode of each deployed contract, keyed by its name in deployment.json. */
export const protocolArtifacts = {
  Staking: { abi: g.stakingAbi, bytecode: g.stakingBytecode },
  RewardDistributor: { abi: g.rewardDistributorAbi, bytecode: g.rewardDistributorBytecode },
  DatanetRegistry: { abi: g.datanetRegistryAbi, bytecode: g.datanetRegistryBytecode },
  ModelRegistry: { abi: g.modelRegistryAbi, bytecode: g.modelRegistryBytecode },
  ComputeRegistry: { abi: g.computeRegistryAbi, bytecode: g.computeRegistryBytecode },
  InferenceLedger: { abi: g.inferenceLedgerAbi, bytecode: g.inferenceLedgerBytecode },
  AttributionRegistry: { abi: g.attributionRegistryAbi, bytecode: g.attributionRegistryBytecode },
  Treasury: { abi: g.treasuryAbi, bytecode: g.treasuryBytecode },
  Timelock: { abi: g.timelockAbi, bytecode: g.timelockBytecode },
  OpenGovernor: { abi: g.openGovernorAbi, bytecode: g.openGovernorBytecode },
} as const satisfies Record<ContractName, { abi: Abi; bytecode: Hex }>;
