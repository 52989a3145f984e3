import { attributionRegistryAbi, rewardDistributorAbi, stakingAbi } from '@ae/contracts';
import { namedAccounts } from '@ae/contracts/devnet';
import type { ContractName } from '@ae/core';
import { JsonRpc } from '@ae/core';
import { type Address, createPublicClient, http, keccak256, type LocalAccount, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { scenarioAccounts } from './accounts.js';
import { buildTruth } from './buildTruth.js';
import type { ScenarioEngine } from './engine.js';
import { eventStreamHash } from './eventStreamHash.js';
import { governancePhase } from './governance/governancePhase.js';
import { Ledger } from './ledger.js';
import { type LiveOptions, runLive } from './live.js';
import { datanetsPhase } from './phases/datanets.js';
import { finalePhase, unstakeRequests } from './phases/finale.js';
import { modelsPhase } from './phases/models.js';
import { playRound, roundSize } from './phases/rounds.js';
import { setupPhase } from './phases/setup.js';
import { planScenario } from './plan.js';
import { ProtocolCalls } from './protocol.js';
import { BlockRunner, SCENARIO_RPC } from './runner/blockRunner.js';
import { SCALES, type ScaleName, type ScalePreset } from './scales.js';
import { seedStartTimestamp } from './seedClock.js';
import { type ScenarioTruth, writeTruth } from './truth.js';
import type { World } from './world.js';

export interface RunScenarioOptions {
  rpcUrl: string;
  deployment: { contracts: Record<ContractName, Address>; chainId?: number; startBlock?: number };
  scale?: ScaleName | ScalePreset;
  seed?: number;
  /** Share of attributions posted manipulated (default 0.03). */
  manipulatedShare?: number;
  artifactsDir?: string;
  /** Where scenario-truth.json goes; undefined = do not write it. */
  dataDir?: string;
  /**
   * Timestamp of the scenario's first block. Default: derived from the seed (seedStartTimestamp), so the same
   * seed repeats the whole stream; a chain whose head is already later starts right after its head instead.
   */
  startTimestamp?: number;
  /** The devnet's block time, restored after the run (undefined: instant mining). */
  blockTime?: number;
  /** The deployment's governance (grants poster/arbiter roles); default the devnet's named deployer. */
  governance?: LocalAccount;
  /** Model Factory + artifact store + PoA engine; default binds the real ones. */
  engine?: ScenarioEngine;
  log?: (line: string) => void;
  /** Keep producing activity after the run until the signal aborts (the truth file covers the run only). */
  live?: Omit<LiveOptions, 'signal' | 'dataDir'> & { signal: AbortSignal };
  /**
   * Leave every posting inside its challenge window: no round jumps the clock past it and settles, and the
   * finale does not wait out the unstake cooldown (that would close every window too). Auditors and the
   * replay worker then get the whole window; the live phase moves the clock and settles what is due.
   * Default: on when `live` is set, off otherwise (a still chain then shows the whole story settled).
   */
  deferSettlement?: boolean;
}

/**
 * Plays the seeded scenario on a chain where the protocol is deployed and returns the truth file's
 * content (also written to `dataDir`). Same seed, scale and start timestamp on a fresh chain → the same
 * event stream.
 */
export async function runScenario(opts: RunScenarioOptions): Promise<ScenarioTruth> {
  const began = performance.now();
  const scale = typeof opts.scale === 'object' ? opts.scale : SCALES[opts.scale ?? 'small'];
  const seed = opts.seed ?? 1;
  const log = opts.log ?? (() => {});
  const rpc = new JsonRpc(opts.rpcUrl, SCENARIO_RPC);
  const chainId = Number(BigInt(await rpc.call<string>('eth_chainId')));
  const engine = opts.engine ?? (await defaultEngine(opts.artifactsDir));
  const corpus = await engine.corpus();
  const plan = planScenario({
    seed,
    scale,
    corpusSize: corpus.length,
    manipulatedShare: opts.manipulatedShare,
  });
  const gov = opts.governance ?? namedAccounts().deployer;
  const contracts = opts.deployment.contracts;
  const params = await readParams(opts.rpcUrl, contracts);
  const runner = new BlockRunner(rpc, chainId, {
    startTimestamp: opts.startTimestamp,
    defaultStartTimestamp: seedStartTimestamp(seed),
    blockTimeAfter: opts.blockTime,
  });
  const { startBlock, startTimestamp } = await runner.start();
  const w: World = {
    rpc,
    runner,
    calls: new ProtocolCalls(contracts),
    contracts,
    chainId,
    plan,
    accounts: scenarioAccounts(seed, scale),
    gov,
    arbiter: privateKeyToArbiter(seed),
    treasury: params.treasury,
    params,
    ledger: new Ledger(params.split, params.treasury),
    engine,
    corpus,
    log,
    contributionIds: [],
    contributionHashes: [],
    datanets: [],
    modelIds: [],
    models: [],
    modelTraining: [],
    modelAccuracy: [],
    inferenceIds: [],
    all: [],
    keeper: gov,
    contributorById: new Map(),
    datanetById: new Map(),
    truth: { honest: [], manipulated: [], badHash: [], upheld: [], rejected: [] },
    caches: { inference: new Map(), posting: new Map() },
  };
  try {
    await setupPhase(w);
    await datanetsPhase(w);
    await modelsPhase(w);
    w.governance = await governancePhase(w);
    const size = roundSize(w);
    const defer = opts.deferSettlement ?? opts.live !== undefined;
    for (let s = 0; s < plan.inferences.length; s += size) {
      await playRound(w, plan.inferences.slice(s, s + size), { settle: !defer });
      if (s === 0) await unstakeRequests(w);
      log(
        `round: ${Math.min(s + size, plan.inferences.length)}/${plan.inferences.length} inferences attributed`,
      );
    }
    await finalePhase(w, { waitCooldown: !defer });
    const endBlock = BigInt(await rpc.call<string>('eth_blockNumber'));
    const digest = await eventStreamHash(rpc, {
      fromBlock: 0n,
      toBlock: endBlock,
      timestampsFrom: startBlock,
    });
    const wallSeconds = (performance.now() - began) / 1000;
    const truth = buildTruth(w, {
      startBlock,
      endBlock,
      startTimestamp,
      digest,
      wallSeconds,
      rpcUrl: opts.rpcUrl,
    });
    if (opts.dataDir) log(`truth written to ${await writeTruth(opts.dataDir, truth)}`);
    const ms = runner.ms;
    log(
      `chain time: send ${(ms.send / 1000).toFixed(1)} s, mine ${(ms.mine / 1000).toFixed(1)} s, receipts ${(ms.receipts / 1000).toFixed(1)} s`,
    );
    log(
      `scenario ${scale.name} seed ${seed}: ${truth.timing.events} events in ${wallSeconds.toFixed(1)} s (${truth.timing.eventsPerSecond} events/s)`,
    );
    if (opts.live) await runLive(w, { ...opts.live, dataDir: opts.dataDir });
    return truth;
  } finally {
    await runner.stop().catch((e: unknown) => {
      if (!opts.live?.signal.aborted) throw e; // after Ctrl-C the chain may be gone already
    });
  }
}

/** The arbiter resolving disputes: its own key, granted ARBITER_ROLE by governance during setup. */
function privateKeyToArbiter(seed: number): LocalAccount {
  return privateKeyToAccount(keccak256(toHex(`ae-devnet-scenario:${seed}:arbiter`)));
}

async function defaultEngine(artifactsDir?: string): Promise<ScenarioEngine> {
  const { bindEngine } = await import('./engineBinding.js');
  return bindEngine({ artifactsDir });
}

async function readParams(rpcUrl: string, c: Record<ContractName, Address>) {
  const client = createPublicClient({ transport: http(rpcUrl) });
  const read = <T>(address: Address, abi: unknown, functionName: string) =>
    client.readContract({ address, abi: abi as never, functionName } as never) as Promise<T>;
  const [
    minPosterStake,
    minProviderStake,
    unstakeCooldown,
    challengeWindow,
    minBond,
    slashAmount,
    split,
    treasury,
  ] = await Promise.all([
    read<bigint>(c.Staking, stakingAbi, 'minPosterStake'),
    read<bigint>(c.Staking, stakingAbi, 'minProviderStake'),
    read<bigint>(c.Staking, stakingAbi, 'unstakeCooldown'),
    read<bigint>(c.AttributionRegistry, attributionRegistryAbi, 'challengeWindow'),
    read<bigint>(c.AttributionRegistry, attributionRegistryAbi, 'minBond'),
    read<bigint>(c.AttributionRegistry, attributionRegistryAbi, 'slashAmount'),
    read<readonly [number, number, number, number, number]>(
      c.RewardDistributor,
      rewardDistributorAbi,
      'split',
    ),
    read<Address>(c.RewardDistributor, rewardDistributorAbi, 'treasury'),
  ]);
  return {
    minPosterStake,
    minProviderStake,
    unstakeCooldown: Number(unstakeCooldown),
    challengeWindow: Number(challengeWindow),
    minBond,
    slashAmount,
    treasury,
    split: {
      protocolBps: BigInt(split[0]),
      modelOwnerBps: BigInt(split[1]),
      providerBps: BigInt(split[2]),
      stakersBps: BigInt(split[3]),
      contributorsBps: BigInt(split[4]),
    },
  };
}
