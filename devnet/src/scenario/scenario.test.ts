import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  attributionRegistryAbi,
  computeRegistryAbi,
  datanetRegistryAbi,
  openGovernorAbi,
  ProposalState,
  rewardDistributorAbi,
  squid,
} from '@ae/contracts';
import type { ContractName } from '@ae/core';
import { JsonRpc } from '@ae/core';
import { type Address, createPublicClient, type Hex, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDeployment } from '../chain/ensureDeployment.js';
import { type Anvil, startAnvil } from '../chain/startAnvil.js';
import { RETIRED_METHOD } from './governance/scenarioProposals.js';
import { LIVE_TRUTH_FILE, type LiveTruthLine } from './liveTruth.js';
import type { RawLog } from './runner/blockRunner.js';
import { runScenario } from './runScenario.js';
import { seedStartTimestamp } from './seedClock.js';
import { TEXT_MODEL_NAME } from './textPlan.js';
import type { ScenarioTruth } from './truth.js';

const OPEN_START = 1_000_000n * 10n ** 18n;

interface ChainEvent {
  name: string;
  args: Record<string, unknown>;
}

/** The protocol as `npm run devnet` deploys it (deployment file in a temporary folder). */
async function deploy(anvil: Anvil, dir: string) {
  const { deployment } = await ensureDeployment({
    rpcUrl: anvil.rpcUrl,
    deploymentPath: join(dir, 'deployment.json'),
  });
  return deployment;
}

/** Every protocol log of the range, decoded with the generated Subsquid decoders. */
async function chainEvents(
  rpc: JsonRpc,
  contracts: Record<ContractName, Address>,
  from: string,
  to: string,
): Promise<ChainEvent[]> {
  const byAddress = new Map<
    string,
    Record<string, { topic: string; decode: (l: { topics: string[]; data: string }) => unknown }>
  >();
  for (const [name, address] of Object.entries(contracts)) {
    byAddress.set(
      address.toLowerCase(),
      (squid as unknown as Record<string, { events: never }>)[name].events,
    );
  }
  const logs = await rpc.call<RawLog[]>('eth_getLogs', [
    { fromBlock: `0x${BigInt(from).toString(16)}`, toBlock: `0x${BigInt(to).toString(16)}` },
  ]);
  const out: ChainEvent[] = [];
  for (const log of logs) {
    const events = byAddress.get(log.address.toLowerCase());
    if (!events) continue;
    const hit = Object.entries(events).find(([, e]) => e.topic === log.topics[0]);
    if (!hit) continue; // AccessControl's RoleGranted etc.
    out.push({
      name: hit[0],
      args: hit[1].decode({ topics: log.topics, data: log.data }) as Record<string, unknown>,
    });
  }
  return out;
}

describe('small scenario on a fresh anvil', () => {
  let anvil: Anvil;
  let dir: string;
  let truth: ScenarioTruth;
  let events: ChainEvent[];
  let rpc: JsonRpc;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ae-scenario-'));
    anvil = await startAnvil();
    const deployment = await deploy(anvil, dir);
    truth = await runScenario({
      rpcUrl: anvil.rpcUrl,
      deployment,
      scale: 'small',
      seed: 42,
      artifactsDir: join(dir, 'artifacts'),
      dataDir: dir,
    });
    rpc = new JsonRpc(anvil.rpcUrl);
    events = await chainEvents(rpc, deployment.contracts, truth.startBlock, truth.endBlock);
  }, 900_000); // the small scenario: ~2 min idle since issue 19's models, 5+ min seen at load 25-30

  afterAll(async () => {
    await anvil?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const count = (name: string) => events.filter((e) => e.name === name).length;
  const sum = (name: string, field: string, where: (a: Record<string, unknown>) => boolean = () => true) =>
    events
      .filter((e) => e.name === name && where(e.args))
      .reduce((s, e) => s + (e.args[field] as bigint), 0n);

  it('writes the truth file it returns', async () => {
    const file = JSON.parse(await readFile(join(dir, 'scenario-truth.json'), 'utf8'));
    expect(file).toEqual(JSON.parse(JSON.stringify(truth)));
  });

  it('emits exactly the events the truth file expects, per type', () => {
    const onChain: Record<string, number> = {};
    for (const e of events) onChain[e.name] = (onChain[e.name] ?? 0) + 1;
    expect(onChain).toEqual(truth.expected.eventCounts);
    expect(truth.expected.eventCounts.InferenceRecorded).toBe(truth.expected.entityCounts.inferences);
    expect(count('AttributionPosted')).toBe(count('InferenceRecorded')); // all attributed
    expect(count('ContributionReviewed')).toBeGreaterThan(0);
    expect(events.some((e) => e.name === 'ContributionReviewed' && e.args.accepted === false)).toBe(true);
  });

  it('moves the OPEN the truth file expects, per role, and pays claims and slashes', () => {
    const roles = ['CONTRIBUTOR', 'MODEL_OWNER', 'PROVIDER', 'STAKER', 'PROTOCOL'] as const;
    // slashed stake and forfeited bonds are credited to the treasury but are not rewards (docs/accounting.md)
    const bondOf = new Map(
      events
        .filter((e) => e.name === 'AttributionDisputed')
        .map((e) => [e.args.disputeId, e.args.bond as bigint]),
    );
    const forfeitedBonds = events
      .filter((e) => e.name === 'DisputeResolved' && e.args.upheld === false)
      .reduce((s, e) => s + (bondOf.get(e.args.disputeId) ?? 0n), 0n);
    const notRewards = { PROTOCOL: sum('Slashed', 'amount') + forfeitedBonds } as Record<string, bigint>;
    expect(forfeitedBonds).toBeGreaterThan(0n);
    for (const [i, r] of roles.entries()) {
      const rewards = sum('RewardAccrued', 'amount', (a) => a.role === i) - (notRewards[r] ?? 0n);
      expect(rewards.toString(), r).toBe(truth.expected.paidPerRole[r]);
    }
    expect(sum('InferenceRecorded', 'fee').toString()).toBe(truth.expected.totalFees);
    expect(sum('RewardClaimed', 'amount').toString()).toBe(truth.expected.totalClaimed);
    expect(sum('Slashed', 'amount').toString()).toBe(truth.expected.totalSlashed);
    expect(BigInt(truth.expected.totalSlashed)).toBeGreaterThan(0n);
  });

  it('leaves balances as the payments say: users paid their fees, claimers hold nothing accrued', async () => {
    const client = createPublicClient({ transport: http(anvil.rpcUrl) });
    for (const user of truth.accounts.users.slice(0, 4) as Address[]) {
      const paid = sum(
        'InferenceRecorded',
        'fee',
        (a) => (a.user as string).toLowerCase() === user.toLowerCase(),
      );
      expect(await client.getBalance({ address: user })).toBe(OPEN_START - paid);
    }
    for (const [account, claimed] of Object.entries(truth.expected.claims).slice(0, 6)) {
      expect(
        await client.readContract({
          address: truth.contracts.RewardDistributor,
          abi: rewardDistributorAbi,
          functionName: 'accrued',
          args: [account as Address],
        }),
      ).toBe(0n);
      expect(
        sum('RewardClaimed', 'amount', (a) => (a.account as string).toLowerCase() === account.toLowerCase()),
      ).toBe(BigInt(claimed));
    }
  });

  it('builds a model lineage of depth 3 or more, and the known path is on chain', () => {
    const base = new Map(
      events
        .filter((e) => e.name === 'ModelRegistered')
        .map((e) => [String(e.args.modelId), String(e.args.baseModelId)]),
    );
    const depth = (id: string): number => (base.get(id) === '0' ? 0 : 1 + depth(base.get(id)!));
    const max = Math.max(...[...base.keys()].map(depth));
    expect(max).toBeGreaterThanOrEqual(3);
    expect(truth.lineage.maxDepth).toBe(max);
    const leaf = truth.lineage.path[truth.lineage.path.length - 1];
    expect(depth(leaf)).toBe(truth.lineage.path.length - 1);
    const kinds = ['BASE', 'FINETUNE', 'ADAPTER'];
    const registered = events.filter((e) => e.name === 'ModelRegistered');
    expect(truth.models.map((m) => [m.modelId, m.kind, m.baseModelId])).toEqual(
      registered.map((e) => [String(e.args.modelId), kinds[Number(e.args.kind)], String(e.args.baseModelId)]),
    );
    expect(new Set(truth.models.map((m) => m.kind))).toEqual(new Set(kinds));
    // real classifiers (issue 19): ≥ 0.85 on 1,000 unused messages, well above the majority rate (a model
    // that predicts one class scores at most that rate, so this also says both classes are predicted)
    expect(truth.modelEvaluation.messages).toBe(1_000);
    expect(truth.modelEvaluation.majorityRate).toBeGreaterThan(0.5);
    // the text model's figure is its held-out next-token accuracy instead (textEngineBinding.test.ts)
    for (const m of truth.models.filter((x) => x.name !== TEXT_MODEL_NAME)) {
      expect(m.heldOutAccuracy, m.name).toBeGreaterThanOrEqual(0.85);
      expect(m.heldOutAccuracy, m.name).toBeGreaterThan(truth.modelEvaluation.majorityRate + 0.1);
    }
    const inf = events.find(
      (e) => e.name === 'InferenceRecorded' && String(e.args.inferenceId) === truth.lineage.inferenceId,
    );
    expect(String(inf?.args.modelId)).toBe(leaf);
  });

  it('posts the manipulated attributions it lists, crediting the colluder', () => {
    expect(truth.attributions.manipulated.length).toBeGreaterThanOrEqual(1);
    for (const m of truth.attributions.manipulated) {
      const shares = events.filter(
        (e) => e.name === 'AttributionShare' && String(e.args.attributionId) === m.attributionId,
      );
      expect(shares.map((s) => String(s.args.contributionId))).toEqual(
        expect.arrayContaining(m.overCredited),
      );
      const colluderIds = new Set(
        events
          .filter(
            (e) =>
              e.name === 'ContributionSubmitted' &&
              (e.args.contributor as string).toLowerCase() === m.colluder.toLowerCase(),
          )
          .map((e) => String(e.args.contributionId)),
      );
      expect(m.overCredited.every((c) => colluderIds.has(c))).toBe(true);
    }
    const all = [
      ...truth.attributions.honest,
      ...truth.attributions.manipulated.map((m) => m.attributionId),
      ...truth.attributions.badHash.map((b) => b.attributionId),
    ];
    expect(new Set(all).size).toBe(count('AttributionPosted'));
  });

  it('posts bad-hash attributions whose hash names no stored artifact', () => {
    expect(truth.attributions.badHash.length).toBeGreaterThanOrEqual(2);
    for (const b of truth.attributions.badHash) {
      const posted = events.find(
        (e) => e.name === 'AttributionPosted' && String(e.args.attributionId) === b.attributionId,
      )!;
      expect([posted.args.resultHash, posted.args.paramsHash]).toContain(b.artifact);
      expect(existsSync(join(dir, 'artifacts', 'sha256', (b.artifact as Hex).slice(2)))).toBe(false);
    }
    const honest = events.find(
      (e) => e.name === 'AttributionPosted' && String(e.args.attributionId) === truth.attributions.honest[0],
    )!;
    expect(existsSync(join(dir, 'artifacts', 'sha256', (honest.args.resultHash as Hex).slice(2)))).toBe(true);
  });

  it('resolves disputes as the truth file says', () => {
    const resolved = new Map(
      events
        .filter((e) => e.name === 'DisputeResolved')
        .map((e) => [String(e.args.disputeId), e.args.upheld]),
    );
    expect(truth.disputes.upheld.length).toBeGreaterThan(0);
    expect(truth.disputes.rejected.length).toBeGreaterThan(0);
    for (const d of truth.disputes.upheld) expect(resolved.get(d.disputeId)).toBe(true);
    for (const d of truth.disputes.rejected) expect(resolved.get(d.disputeId)).toBe(false);
  });

  it('plays governance as the truth file says: states, tallies, the new fee split, the grant', async () => {
    const g = truth.governance;
    if (!g) throw new Error('no governance in the truth file');
    const client = createPublicClient({ transport: http(anvil.rpcUrl) });
    const c = truth.contracts as Record<string, Address>;
    const read = (address: Address, abi: unknown, functionName: string, args: unknown[] = []) =>
      client.readContract({ address, abi, functionName, args } as never) as Promise<unknown>;
    expect(g.proposals.map((p) => [p.key, p.state])).toEqual([
      ['feeSplit', 'Executed'],
      ['votedDown', 'Defeated'],
      ['noQuorum', 'Defeated'],
      ['grant', 'Executed'],
      ['queued', 'Queued'],
      ['retireMethod', 'Executed'],
      ['curatedDatanet', 'Executed'],
      ['providers', 'Executed'],
    ]);
    for (const p of g.proposals) {
      // the rounds and the finale move the clock by a day or so: under the 14-day grace of a queued proposal
      expect(
        ProposalState[Number(await read(c.OpenGovernor, openGovernorAbi, 'state', [BigInt(p.id)]))],
        p.key,
      ).toBe(p.state);
      const [against, forVotes, abstain] = (await read(c.OpenGovernor, openGovernorAbi, 'proposalVotes', [
        BigInt(p.id),
      ])) as bigint[];
      expect([forVotes, against, abstain].map(String), p.key).toEqual([
        p.forVotes,
        p.againstVotes,
        p.abstainVotes,
      ]);
    }
    expect(count('VoteCast')).toBe(g.proposals.reduce((t, p) => t + p.votes, 0));
    const split = (await read(c.RewardDistributor, rewardDistributorAbi, 'split')) as number[];
    expect(split).toEqual(Object.values(g.splitAfter));
    const fs = events.filter((e) => e.name === 'FeeSplit');
    expect(fs.length).toBeGreaterThan(0);
    const first = fs[0].args as Record<string, bigint>;
    const fee = first.protocol + first.modelOwner + first.provider + first.stakers + first.contributors;
    expect(first.contributors).toBe((fee * BigInt(g.splitAfter.contributorsBps)) / 10_000n);
    const paid = events.filter((e) => e.name === 'GrantPaid');
    expect(
      paid.map((e) => [
        String(e.args.grantId),
        String(e.args.recipient).toLowerCase(),
        String(e.args.amount),
      ]),
    ).toEqual(g.grants.map((x) => [x.grantId, x.recipient.toLowerCase(), x.amount]));
    // the approvals hold on chain, and take effect: no knn-shapley@1 posting after its retirement, every
    // inference served by a provider the providers' proposal approved
    for (const x of g.settings) {
      const [fn, args, contract] =
        x.functionName === 'setMethod'
          ? ['isMethodAllowed', [x.subject], c.AttributionRegistry]
          : x.functionName === 'setApproval'
            ? ['approved', [BigInt(x.subject)], c.DatanetRegistry]
            : ['isApproved', [x.subject], c.ComputeRegistry];
      const abi =
        { [c.AttributionRegistry]: attributionRegistryAbi, [c.DatanetRegistry]: datanetRegistryAbi }[
          contract
        ] ?? computeRegistryAbi;
      expect(await read(contract, abi, fn, args), `${fn} ${x.subject}`).toBe(x.on);
    }
    expect(events.filter((e) => e.name === 'AttributionPosted' && e.args.method === RETIRED_METHOD)).toEqual(
      [],
    );
    const approved = new Set(
      g.settings.filter((x) => x.functionName === 'setProviderApproval').map((x) => x.subject.toLowerCase()),
    );
    expect(approved.size).toBe(truth.accounts.providers.length);
    for (const e of events.filter((e) => e.name === 'InferenceRecorded'))
      expect(approved.has(String(e.args.provider).toLowerCase())).toBe(true);
  });

  it('plays the same event stream again from the same seed on a fresh chain (the clock comes from the seed)', async () => {
    expect(truth.startTimestamp).toBe(seedStartTimestamp(42));
    const second = await startAnvil();
    const dir2 = await mkdtemp(join(tmpdir(), 'ae-scenario-'));
    // then the live phase, until two live proposals ended (a grant executed, a bond rise voted down)
    const stop = new AbortController();
    const ended: string[] = [];
    let ticks = 0;
    const log = (line: string) => {
      if (/^live tick/.test(line)) ticks++;
      const m = /^live governance: .* ended (\w+)$/.exec(line);
      if (m) ended.push(m[1]);
      if (ended.length >= 2 || ticks >= 60) stop.abort();
    };
    try {
      const again = await runScenario({
        rpcUrl: second.rpcUrl,
        deployment: await deploy(second, dir2),
        scale: 'small',
        seed: 42,
        artifactsDir: join(dir2, 'artifacts'),
        dataDir: dir2,
        log,
        deferSettlement: false, // as without live: the same stream
        live: { intervalMs: 0, secondsPerTick: 1800, fraudShare: 0, frivolousEvery: 0, signal: stop.signal },
      });
      expect(again.eventStreamHash).toBe(truth.eventStreamHash);
      expect(again.timing.events).toBe(truth.timing.events);
      expect(ended).toEqual(['Executed', 'Defeated']);
      const lines = (await readFile(join(dir2, LIVE_TRUTH_FILE), 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as LiveTruthLine);
      const proposed = lines.flatMap((l) => (l.event === 'proposed' ? [l.proposalId] : []));
      expect(proposed.length).toBeGreaterThanOrEqual(2);
      const rpc2 = new JsonRpc(second.rpcUrl);
      const head = await rpc2.call<string>('eth_blockNumber');
      const live = (
        await chainEvents(
          rpc2,
          again.contracts as Record<ContractName, Address>,
          String(BigInt(again.endBlock) + 1n),
          head,
        )
      ).filter((e) => e.name === 'VoteCast' && String(e.args.proposalId) === proposed[0]);
      // named accounts voted (each once, some with a reason) while the proposal was active
      expect(live.length).toBeGreaterThanOrEqual(3);
      expect(live.some((e) => String(e.args.reason).length > 0)).toBe(true);
      expect(new Set(live.map((e) => e.args.voter)).size).toBe(live.length);
    } finally {
      await second.stop();
      await rm(dir2, { recursive: true, force: true });
    }
  }, 900_000); // a whole small scenario again (≈ 2 min on a loaded 2-core machine since issue 19's models), then ~12 live ticks
});
