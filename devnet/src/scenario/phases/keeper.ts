import { attributionRegistryAbi, stakingAbi } from '@ae/contracts';
import { type Address, decodeFunctionResult, encodeFunctionData, type Hex, type LocalAccount } from 'viem';
import { idsOf } from '../decodeLogs.js';
import type { TxRequest } from '../runner/blockRunner.js';
import type { AttributionRecord, World } from '../world.js';

/** AttributionRegistry.State: Posted is the only state that can still settle. */
const STATE = { Posted: 1, Disputed: 2, Settled: 3, Upheld: 4 } as const;

/**
 * The devnet's keeper: settles every posting whose challenge window has passed on the chain clock. The
 * registry's settleMany skips a posting under dispute, so the keeper never races the auditors; what it
 * skipped is read back from the chain: a final one (upheld, or settled by someone else) leaves the list, a
 * disputed one is tried again on a later call (it settles once the arbiter rejects the dispute).
 */
export async function settleDue(w: World): Promise<{ settled: number; skipped: number }> {
  const now = w.runner.timestamp;
  const due = w.all.filter((r) => !r.settled && r.postedAt + w.params.challengeWindow <= now);
  if (due.length === 0) return { settled: 0, skipped: 0 };
  const txs: TxRequest[] = [];
  const chunk = w.plan.scale.batch * 2;
  for (let s = 0; s < due.length; s += chunk) {
    const part = due.slice(s, s + chunk);
    const shares = part.reduce((n, r) => n + r.weights.length, 0);
    txs.push(
      w.calls.settleMany(
        w.keeper,
        part.map((r) => r.attributionId),
        shares,
      ),
    );
  }
  const settledIds = new Set(idsOf(await w.runner.run(txs), 'AttributionSettled', 'attributionId'));
  const skipped: AttributionRecord[] = [];
  for (const r of due) {
    if (settledIds.has(r.attributionId)) {
      w.ledger.settle(r.inferenceId, r.contributors, r.weights);
      r.settled = true;
    } else skipped.push(r);
  }
  const states = await attributionStates(
    w,
    skipped.map((r) => r.attributionId),
  );
  skipped.forEach((r, i) => {
    if (states[i] === STATE.Settled || states[i] === STATE.Upheld) r.settled = true;
  });
  return { settled: settledIds.size, skipped: skipped.length };
}

/** AttributionRegistry.getAttribution(id).state of each id, in one JSON-RPC batch. */
export async function attributionStates(w: World, ids: readonly bigint[]): Promise<number[]> {
  const results = await w.rpc.batch<Hex>(
    ids.map((id) => ({
      method: 'eth_call',
      params: [
        {
          to: w.contracts.AttributionRegistry,
          data: encodeFunctionData({
            abi: attributionRegistryAbi,
            functionName: 'getAttribution',
            args: [id],
          }),
        },
        'latest',
      ],
    })),
  );
  return results.map((data) =>
    Number(decodeFunctionResult({ abi: attributionRegistryAbi, functionName: 'getAttribution', data })[3]),
  );
}

/**
 * Posters whose stake an upheld dispute took below the posting minimum (plus one more slash) stake again, so
 * that the devnet keeps playing through slashes: a real poster would have to as well.
 */
export async function topUpPosters(w: World, posters: readonly LocalAccount[]): Promise<number> {
  const unique = [...new Map(posters.map((p) => [p.address.toLowerCase(), p])).values()];
  if (unique.length === 0) return 0;
  const stakes = await w.rpc.batch<Hex>(
    unique.map((p) => ({
      method: 'eth_call',
      params: [
        {
          to: w.contracts.Staking,
          data: encodeFunctionData({
            abi: stakingAbi,
            functionName: 'stakeOf',
            args: [p.address as Address],
          }),
        },
        'latest',
      ],
    })),
  );
  const floor = w.params.minPosterStake + w.params.slashAmount;
  const txs: TxRequest[] = [];
  unique.forEach((p, i) => {
    const stake = decodeFunctionResult({
      abi: stakingAbi,
      functionName: 'stakeOf',
      data: stakes[i],
    }) as bigint;
    if (stake >= floor) return;
    const amount = floor + w.params.slashAmount - stake;
    txs.push(w.calls.stake(p, amount));
    w.ledger.doStake(p.address, amount);
  });
  if (txs.length) await w.runner.run(txs);
  return txs.length;
}

/**
 * A scripted auditor disputes an honest posting whose window is still open (a frivolous dispute): nothing in
 * the scenario resolves it, so the devnet arbiter's replay must reject it and the bond is forfeited.
 * Returns the dispute id, or undefined when the posting was no longer open to dispute.
 */
export async function frivolousDispute(
  w: World,
  r: AttributionRecord,
  auditor: LocalAccount,
): Promise<bigint | undefined> {
  const [state] = await attributionStates(w, [r.attributionId]);
  if (state !== STATE.Posted || r.postedAt + w.params.challengeWindow <= w.runner.timestamp) return undefined;
  const evidence = new TextEncoder().encode(
    JSON.stringify({
      attributionId: r.attributionId.toString(),
      claim: 'suspected manipulation (no replay)',
    }),
  );
  const tx = w.calls.dispute(auditor, r.attributionId, await w.engine.put(evidence), w.params.minBond);
  try {
    return idsOf(await w.runner.run([tx]), 'AttributionDisputed', 'disputeId')[0];
  } catch (e) {
    w.log(`live: frivolous dispute of attribution ${r.attributionId} not opened: ${(e as Error).message}`);
    return undefined;
  }
}
