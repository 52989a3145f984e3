import {
  attributionRegistryAbi,
  computeRegistryAbi,
  datanetRegistryAbi,
  openGovernorAbi,
  rewardDistributorAbi,
  stakingAbi,
  treasuryAbi,
} from '@ae/contracts';
import type { ContractName } from '@ae/core';
import {
  type Abi,
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  type Hex,
  keccak256,
  type LocalAccount,
  toHex,
} from 'viem';
import type { TxRequest } from '../runner/blockRunner.js';

/** One call of a proposal, to a protocol contract. */
export interface ScenarioAction {
  contract: ContractName;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
}

export interface ScenarioProposal {
  description: string;
  actions: ScenarioAction[];
}

const abiOf = {
  RewardDistributor: rewardDistributorAbi,
  AttributionRegistry: attributionRegistryAbi,
  Treasury: treasuryAbi,
  Staking: stakingAbi,
  DatanetRegistry: datanetRegistryAbi,
  ComputeRegistry: computeRegistryAbi,
} as const;

/** A proposal action on a governed contract, typed by the contract's ABI. */
export function action(
  contract: keyof typeof abiOf,
  functionName: string,
  args: readonly unknown[],
): ScenarioAction {
  return { contract, abi: abiOf[contract] as Abi, functionName, args };
}

/** The Governor's (targets, values, calldatas, descriptionHash) for a proposal. */
export function proposalTuple(c: Record<ContractName, Address>, p: ScenarioProposal) {
  return {
    targets: p.actions.map((a) => c[a.contract]),
    values: p.actions.map(() => 0n),
    calldatas: p.actions.map((a) =>
      encodeFunctionData({ abi: a.abi, functionName: a.functionName, args: a.args } as never),
    ),
    descriptionHash: keccak256(toHex(p.description)),
  };
}

/** Governor.hashProposal, computed here: the id is a function of the proposal alone. */
export function proposalId(c: Record<ContractName, Address>, p: ScenarioProposal): bigint {
  const t = proposalTuple(c, p);
  return BigInt(
    keccak256(
      encodeAbiParameters(
        [{ type: 'address[]' }, { type: 'uint256[]' }, { type: 'bytes[]' }, { type: 'bytes32' }],
        [t.targets, t.values, t.calldatas as Hex[], t.descriptionHash],
      ),
    ),
  );
}

/** Transactions of the governance phase (gas bounds hold in any state: blocks are packed by them). */
export class GovernanceCalls {
  constructor(private readonly c: Record<ContractName, Address>) {}

  private tx(
    from: LocalAccount,
    to: ContractName,
    abi: Abi,
    fn: string,
    args: unknown[],
    gas: number,
    label: string,
  ) {
    const data = encodeFunctionData({ abi, functionName: fn, args } as never);
    return { from, to: this.c[to], data, gas: BigInt(gas), label } satisfies TxRequest;
  }

  delegate(from: LocalAccount, to: Address): TxRequest {
    return this.tx(from, 'Staking', stakingAbi as Abi, 'delegate', [to], 150_000, 'delegate');
  }

  fundTreasury(from: LocalAccount, value: bigint): TxRequest {
    return { from, to: this.c.Treasury, data: '0x', value, gas: 60_000n, label: 'fund treasury' };
  }

  propose(from: LocalAccount, p: ScenarioProposal): TxRequest {
    const t = proposalTuple(this.c, p);
    const args = [t.targets, t.values, t.calldatas, p.description];
    return this.tx(from, 'OpenGovernor', openGovernorAbi as Abi, 'propose', args, 800_000, 'propose');
  }

  vote(from: LocalAccount, id: bigint, support: 0 | 1 | 2, reason: string): TxRequest {
    const args = [id, support, reason];
    return this.tx(from, 'OpenGovernor', openGovernorAbi as Abi, 'castVoteWithReason', args, 250_000, 'vote');
  }

  queue(from: LocalAccount, p: ScenarioProposal): TxRequest {
    const t = proposalTuple(this.c, p);
    const args = [t.targets, t.values, t.calldatas, t.descriptionHash];
    return this.tx(from, 'OpenGovernor', openGovernorAbi as Abi, 'queue', args, 500_000, 'queue');
  }

  execute(from: LocalAccount, p: ScenarioProposal): TxRequest {
    const t = proposalTuple(this.c, p);
    const args = [t.targets, t.values, t.calldatas, t.descriptionHash];
    return this.tx(from, 'OpenGovernor', openGovernorAbi as Abi, 'execute', args, 800_000, 'execute');
  }
}
