import {
  AccessRole,
  attributionRegistryAbi,
  computeRegistryAbi,
  datanetRegistryAbi,
  inferenceLedgerAbi,
  modelRegistryAbi,
  rewardDistributorAbi,
  stakingAbi,
} from '@ae/contracts';
import type { ContractName } from '@ae/core';
import { type Abi, type Address, encodeFunctionData, type Hex, type LocalAccount } from 'viem';
import type { TxRequest } from './runner/blockRunner.js';

export interface Posting {
  inferenceId: bigint;
  method: string;
  paramsHash: Hex;
  resultHash: Hex;
  resultURI: string;
  contributionIds: bigint[];
  weightsPpm: number[];
  scores: bigint[];
}

export interface InferenceItem {
  modelId: bigint;
  provider: Address;
  inputHash: Hex;
  outputHash: Hex;
  fee: bigint;
}

export interface Attestation {
  taskId: bigint;
  kind: number;
  taskHash: Hex;
  resultHash: Hex;
}

/**
 * Calldata and gas bounds for every protocol entry point the scenario uses: the one place that knows the
 * contracts' function signatures. Gas bounds are generous upper limits (gas is free on the scenario's
 * blocks) used to pack blocks, never estimates.
 */
export class ProtocolCalls {
  constructor(readonly contracts: Record<ContractName, Address>) {}

  private tx(
    from: LocalAccount,
    c: ContractName,
    abi: Abi,
    fn: string,
    args: unknown[],
    gas: number,
    label: string,
    value?: bigint,
  ): TxRequest {
    return {
      from,
      to: this.contracts[c],
      data: encodeFunctionData({ abi, functionName: fn, args } as never),
      gas: BigInt(gas),
      value,
      label,
    };
  }

  grantPoster(gov: LocalAccount, who: Address): TxRequest {
    return this.tx(
      gov,
      'AttributionRegistry',
      attributionRegistryAbi,
      'grantRole',
      [AccessRole.POSTER, who],
      120_000,
      'grant poster',
    );
  }

  grantArbiter(gov: LocalAccount, who: Address): TxRequest {
    return this.tx(
      gov,
      'AttributionRegistry',
      attributionRegistryAbi,
      'grantRole',
      [AccessRole.ARBITER, who],
      120_000,
      'grant arbiter',
    );
  }

  stake(from: LocalAccount, amount: bigint): TxRequest {
    return this.tx(from, 'Staking', stakingAbi, 'stake', [], 300_000, 'stake', amount);
  }

  requestUnstake(from: LocalAccount, amount: bigint): TxRequest {
    return this.tx(from, 'Staking', stakingAbi, 'requestUnstake', [amount], 300_000, 'request unstake');
  }

  withdraw(from: LocalAccount): TxRequest {
    return this.tx(from, 'Staking', stakingAbi, 'withdraw', [], 120_000, 'withdraw stake');
  }

  harvest(from: LocalAccount): TxRequest {
    return this.tx(from, 'Staking', stakingAbi, 'harvest', [], 200_000, 'harvest staking rewards');
  }

  claim(from: LocalAccount): TxRequest {
    return this.tx(from, 'RewardDistributor', rewardDistributorAbi, 'claim', [], 120_000, 'claim rewards');
  }

  registerProvider(from: LocalAccount, endpointURI: string, stake: bigint): TxRequest {
    return this.tx(
      from,
      'ComputeRegistry',
      computeRegistryAbi,
      'registerProvider',
      [endpointURI],
      500_000,
      'register provider',
      stake,
    );
  }

  attest(from: LocalAccount, items: readonly Attestation[]): TxRequest {
    return this.tx(
      from,
      'ComputeRegistry',
      computeRegistryAbi,
      'attestBatch',
      [
        items.map((i) => i.taskId),
        items.map((i) => i.kind),
        items.map((i) => i.taskHash),
        items.map((i) => i.resultHash),
      ],
      60_000 + 20_000 * items.length,
      'attest compute',
    );
  }

  createDatanet(
    from: LocalAccount,
    name: string,
    metadataURI: string,
    curated: boolean,
    minStake: bigint,
  ): TxRequest {
    return this.tx(
      from,
      'DatanetRegistry',
      datanetRegistryAbi,
      'createDatanet',
      [name, metadataURI, curated, minStake],
      300_000,
      `create datanet ${name}`,
    );
  }

  addCurator(from: LocalAccount, datanetId: bigint, curator: Address): TxRequest {
    return this.tx(
      from,
      'DatanetRegistry',
      datanetRegistryAbi,
      'addCurator',
      [datanetId, curator],
      100_000,
      'add curator',
    );
  }

  submitContributions(
    from: LocalAccount,
    datanetId: bigint,
    hashes: readonly Hex[],
    sizes: readonly bigint[],
    license: string,
  ): TxRequest {
    return this.tx(
      from,
      'DatanetRegistry',
      datanetRegistryAbi,
      'submitContributions',
      [datanetId, hashes, sizes, license],
      80_000 + 60_000 * hashes.length,
      'submit contributions',
    );
  }

  reviewContributions(from: LocalAccount, ids: readonly bigint[], accepted: readonly boolean[]): TxRequest {
    return this.tx(
      from,
      'DatanetRegistry',
      datanetRegistryAbi,
      'reviewContributions',
      [ids, accepted],
      60_000 + 20_000 * ids.length,
      'review contributions',
    );
  }

  publishVersion(from: LocalAccount, datanetId: bigint, root: Hex, count: number): TxRequest {
    return this.tx(
      from,
      'DatanetRegistry',
      datanetRegistryAbi,
      'publishVersion',
      [datanetId, root, count],
      120_000,
      'publish datanet version',
    );
  }

  registerModel(
    from: LocalAccount,
    m: {
      name: string;
      kind: number;
      baseModelId: bigint;
      artifactHash: Hex;
      artifactURI: string;
      trainingConfigHash: Hex;
    },
  ): TxRequest {
    return this.tx(
      from,
      'ModelRegistry',
      modelRegistryAbi,
      'registerModel',
      [m.name, m.kind, m.baseModelId, m.artifactHash, m.artifactURI, m.trainingConfigHash],
      300_000,
      `register model ${m.name}`,
    );
  }

  recordTrainedOn(from: LocalAccount, modelId: bigint, datanetId: bigint, version: number): TxRequest {
    return this.tx(
      from,
      'ModelRegistry',
      modelRegistryAbi,
      'recordTrainedOn',
      [modelId, datanetId, version],
      100_000,
      'record trained on',
    );
  }

  postCheckpoint(
    from: LocalAccount,
    modelId: bigint,
    step: number,
    hash: Hex,
    learningRateWad: bigint,
  ): TxRequest {
    return this.tx(
      from,
      'ModelRegistry',
      modelRegistryAbi,
      'postCheckpoint',
      [modelId, step, hash, learningRateWad],
      100_000,
      'post checkpoint',
    );
  }

  publishModel(from: LocalAccount, modelId: bigint, fee: bigint): TxRequest {
    return this.tx(
      from,
      'ModelRegistry',
      modelRegistryAbi,
      'publishModel',
      [modelId, fee],
      100_000,
      'publish model',
    );
  }

  recordInferences(from: LocalAccount, items: readonly InferenceItem[]): TxRequest {
    return this.tx(
      from,
      'InferenceLedger',
      inferenceLedgerAbi,
      'recordInferences',
      [
        items.map((i) => i.modelId),
        items.map((i) => i.provider),
        items.map((i) => i.inputHash),
        items.map((i) => i.outputHash),
      ],
      100_000 + 260_000 * items.length,
      'record inferences',
      items.reduce((s, i) => s + i.fee, 0n),
    );
  }

  postAttributions(from: LocalAccount, postings: readonly Posting[]): TxRequest {
    const shares = postings.reduce((s, p) => s + p.contributionIds.length, 0);
    return this.tx(
      from,
      'AttributionRegistry',
      attributionRegistryAbi,
      'postAttributions',
      [postings],
      100_000 + 200_000 * postings.length + 80_000 * shares,
      'post attributions',
    );
  }

  dispute(from: LocalAccount, attributionId: bigint, evidenceHash: Hex, bond: bigint): TxRequest {
    return this.tx(
      from,
      'AttributionRegistry',
      attributionRegistryAbi,
      'disputeAttribution',
      [attributionId, evidenceHash],
      200_000,
      'dispute attribution',
      bond,
    );
  }

  resolve(from: LocalAccount, disputeId: bigint, upheld: boolean): TxRequest {
    return this.tx(
      from,
      'AttributionRegistry',
      attributionRegistryAbi,
      'resolveDispute',
      [disputeId, upheld],
      600_000,
      'resolve dispute',
    );
  }

  settleMany(from: LocalAccount, ids: readonly bigint[], shares: number): TxRequest {
    return this.tx(
      from,
      'AttributionRegistry',
      attributionRegistryAbi,
      'settleMany',
      [ids],
      80_000 + 90_000 * ids.length + 40_000 * shares,
      'settle attributions',
    );
  }
}
