import { getAddress, type Hex } from 'viem';
import { ROLES } from './accounts.js';
import type { EventStreamDigest } from './eventStreamHash.js';
import type { ScenarioTruth } from './truth.js';
import type { World } from './world.js';

/** Assembles scenario-truth.json from what the run learnt (ids) and what its ledger expects (totals). */
export function buildTruth(
  w: World,
  run: {
    startBlock: bigint;
    endBlock: bigint;
    startTimestamp: number;
    digest: EventStreamDigest;
    wallSeconds: number;
    rpcUrl: string;
  },
): ScenarioTruth {
  const { ledger, plan } = w;
  const deepest = plan.models.reduce((a, b) => (b.depth > a.depth ? b : a));
  const path: string[] = [];
  for (let m: number | undefined = deepest.key; m !== undefined; m = plan.models[m].base)
    path.unshift(w.modelIds[m].toString());
  const accounts: Record<string, Hex[]> = {};
  for (const r of ROLES) accounts[`${r}s`] = w.accounts[r].map((a) => a.address);
  accounts.colluders = w.accounts.colluders.map((a) => a.address);
  accounts.arbiter = [w.arbiter.address];
  accounts.governance = [w.gov.address];
  accounts.treasury = [w.treasury];
  const claims: Record<string, string> = {};
  for (const [a, v] of ledger.claimed) claims[getAddress(a)] = v.toString();
  const events = run.digest.scenarioLogs;
  const totalClaimed = [...ledger.claimed.values()].reduce((x, y) => x + y, 0n);
  const lineage = w.truth.lineage!;
  return {
    version: 1,
    seed: plan.seed,
    scale: plan.scale.name,
    manipulatedShare: plan.manipulatedShare,
    chainId: w.chainId,
    rpcUrl: run.rpcUrl,
    contracts: w.contracts,
    startBlock: run.startBlock.toString(),
    endBlock: run.endBlock.toString(),
    startTimestamp: run.startTimestamp,
    eventStreamHash: run.digest.hash,
    accounts,
    attributions: {
      honest: w.truth.honest.map(String),
      manipulated: w.truth.manipulated,
      badHash: w.truth.badHash,
    },
    disputes: { upheld: w.truth.upheld, rejected: w.truth.rejected },
    expected: {
      eventCounts: Object.fromEntries(Object.entries(ledger.events).sort(([a], [b]) => a.localeCompare(b))),
      entityCounts: {
        accounts: Object.values(accounts).reduce((n, l) => n + l.length, 0),
        datanets: w.datanets.length,
        datanetVersions: w.datanets.reduce((n, d) => n + d.versions.length, 0),
        contributions: w.contributionIds.length,
        contributionsAccepted: plan.datanets.reduce(
          (n, d) => n + d.contributions.filter((c) => c.accept).length,
          0,
        ),
        contributionsRejected: plan.datanets.reduce(
          (n, d) => n + d.contributions.filter((c) => !c.accept).length,
          0,
        ),
        models: w.modelIds.length,
        checkpoints: w.models.reduce((n, m) => n + m.checkpoints.length, 0),
        inferences: w.inferenceIds.length,
        attributions: w.all.length,
        attributionShares: w.all.reduce((n, r) => n + r.weights.length, 0),
        disputes: w.truth.upheld.length + w.truth.rejected.length,
        providers: w.accounts.provider.length,
      },
      paidPerRole: {
        CONTRIBUTOR: ledger.paid.CONTRIBUTOR.toString(),
        MODEL_OWNER: ledger.paid.MODEL_OWNER.toString(),
        PROVIDER: ledger.paid.PROVIDER.toString(),
        STAKER: ledger.paid.STAKER.toString(),
        PROTOCOL: ledger.paid.PROTOCOL.toString(),
      },
      totalFees: ledger.totalFees.toString(),
      totalClaimed: totalClaimed.toString(),
      totalSlashed: ledger.totalSlashed.toString(),
      claims,
    },
    models: plan.models.map((m) => ({
      modelId: w.modelIds[m.key].toString(),
      name: m.name,
      kind: m.kind,
      baseModelId: m.base === undefined ? '0' : w.modelIds[m.base].toString(),
      heldOutAccuracy: Math.round(w.modelAccuracy[m.key] * 10_000) / 10_000,
    })),
    modelEvaluation: {
      messages: w.modelEvaluation?.messages ?? 0,
      majorityRate: Math.round((w.modelEvaluation?.majorityRate ?? 0) * 10_000) / 10_000,
    },
    lineage: {
      maxDepth: deepest.depth,
      path,
      inferenceId: lineage.inferenceId.toString(),
      attributionId: lineage.attributionId.toString(),
      topContributionId: lineage.topContributionId.toString(),
      topContributionDatanetId: lineage.topDatanetId.toString(),
    },
    governance: w.governance,
    timing: {
      wallSeconds: Math.round(run.wallSeconds * 10) / 10,
      events,
      eventsPerSecond: Math.round(events / run.wallSeconds),
      blocks: Number(run.endBlock - run.startBlock + 1n),
      transactions: w.runner.sentTxs,
    },
  };
}
