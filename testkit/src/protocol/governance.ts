import { ProposalState, type ProposalStateName, protocolArtifacts } from '@ae/contracts';
import type { ContractName } from '@ae/core';
import { type Abi, encodeFunctionData, type Hex, keccak256, toHex } from 'viem';
import type { Actor, ProtocolDriver, Wallet } from './ProtocolDriver.js';

/** One call a proposal makes through the Timelock. */
export interface GovAction {
  contract: ContractName;
  functionName: string;
  args: unknown[];
  value?: bigint;
}

export { ProposalState, type ProposalStateName } from '@ae/contracts';

/** Vote support as GovernorCountingSimple counts it. */
export const Support = { against: 0, for: 1, abstain: 2 } as const;

/** The (targets, values, calldatas, descriptionHash) tuple the Governor hashes, queues and executes. */
export function proposalCall(f: ProtocolDriver, actions: GovAction[], description: string) {
  return {
    targets: actions.map((a) => f.contracts[a.contract]),
    values: actions.map((a) => a.value ?? 0n),
    calldatas: actions.map((a) =>
      encodeFunctionData({
        abi: protocolArtifacts[a.contract].abi as Abi,
        functionName: a.functionName,
        args: a.args,
      } as never),
    ),
    descriptionHash: keccak256(toHex(description)) as Hex,
  };
}

/**
 * Test driver of the Governor: proposes, votes and moves the clock past the voting delay, the voting period
 * and the timelock delay, so a test reads as the lifecycle it checks.
 */
export class GovernanceDriver {
  constructor(readonly f: ProtocolDriver) {}

  /**
   * Proposes. The Governor reads the proposer's votes at clock() - 1, so the clock first moves a second:
   * a delegation a test made in this very second (anvil mines instantly) then counts, as it would on a chain.
   */
  async propose(who: Actor | Wallet, actions: GovAction[], description: string): Promise<bigint> {
    await this.f.increaseTime(1);
    const c = proposalCall(this.f, actions, description);
    await this.f.write(who, 'OpenGovernor', 'propose', [c.targets, c.values, c.calldatas, description]);
    return this.id(actions, description);
  }

  async id(actions: GovAction[], description: string): Promise<bigint> {
    const c = proposalCall(this.f, actions, description);
    return (await this.f.read('OpenGovernor', 'hashProposal', [
      c.targets,
      c.values,
      c.calldatas,
      c.descriptionHash,
    ])) as bigint;
  }

  async state(id: bigint): Promise<ProposalStateName> {
    return ProposalState[Number(await this.f.read('OpenGovernor', 'state', [id]))];
  }

  vote(who: Actor | Wallet, id: bigint, support: keyof typeof Support, reason = '') {
    return this.f.write(who, 'OpenGovernor', 'castVoteWithReason', [id, Support[support], reason]);
  }

  /** Moves the clock past the proposal's snapshot (voting opens). */
  async toVoting(id: bigint): Promise<void> {
    await this.until((await this.f.read('OpenGovernor', 'proposalSnapshot', [id])) as bigint);
  }

  /** Moves the clock past the proposal's deadline (voting closes). */
  async toDeadline(id: bigint): Promise<void> {
    await this.until((await this.f.read('OpenGovernor', 'proposalDeadline', [id])) as bigint);
  }

  /** Moves the clock past the queued proposal's eta (the timelock delay is over). */
  async toEta(id: bigint): Promise<void> {
    await this.until((await this.f.read('OpenGovernor', 'proposalEta', [id])) as bigint);
  }

  queue(who: Actor | Wallet, actions: GovAction[], description: string) {
    const c = proposalCall(this.f, actions, description);
    return this.f.write(who, 'OpenGovernor', 'queue', [c.targets, c.values, c.calldatas, c.descriptionHash]);
  }

  execute(who: Actor | Wallet, actions: GovAction[], description: string) {
    const c = proposalCall(this.f, actions, description);
    return this.f.write(who, 'OpenGovernor', 'execute', [
      c.targets,
      c.values,
      c.calldatas,
      c.descriptionHash,
    ]);
  }

  /** Proposes, votes for with `voters`, queues and executes: the whole happy path. */
  async pass(proposer: Actor, voters: Actor[], actions: GovAction[], description: string): Promise<bigint> {
    const id = await this.propose(proposer, actions, description);
    await this.toVoting(id);
    for (const v of voters) await this.vote(v, id, 'for');
    await this.toDeadline(id);
    await this.queue(proposer, actions, description);
    await this.toEta(id);
    await this.execute(proposer, actions, description);
    return id;
  }

  /** Advances the chain clock so the next block's timestamp is past `timepoint`. */
  private async until(timepoint: bigint): Promise<void> {
    const block = await this.f.pub.getBlock({ blockTag: 'latest' });
    const ahead = timepoint + 1n - block.timestamp;
    await this.f.increaseTime(ahead > 0n ? ahead : 1n);
  }
}
