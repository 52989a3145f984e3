import {
  attributionRegistryAbi,
  datanetRegistryAbi,
  inferenceLedgerAbi,
  RewardRole,
  rewardDistributorAbi,
  stakingAbi,
  treasuryAbi,
} from '@ae/contracts';
import { CONTRACT_NAMES, type ContractName, JsonRpc } from '@ae/core';
import {
  type Address,
  formatLog,
  type Log,
  type PublicClient,
  parseEventLogs,
  type RpcLog,
  toHex,
} from 'viem';
import { Books } from './books.js';

const ABI = [
  ...stakingAbi,
  ...rewardDistributorAbi,
  ...datanetRegistryAbi,
  ...inferenceLedgerAbi,
  ...attributionRegistryAbi,
  ...treasuryAbi,
] as const;

type Decoded = { eventName: string; args: Record<string, unknown> } & Log;

/** Largest eth_getLogs answer read at once: one medium-scenario block carries ~15 MB of logs. */
const MAX_LOGS_RESPONSE = 512 * 1024 * 1024;

/**
 * An independent ledger of every money figure, built from raw chain logs (eth_getLogs), block timestamps,
 * contract balances (getBalance) and the contracts' own views; it shares no code with the indexer's handlers.
 * A PROTOCOL credit is classified by what its whole transaction contains (not by event order, as the indexer
 * does), so the two derivations can disagree and the reconciliation test would see it.
 */
export async function buildChainLedger(
  client: PublicClient,
  rpcUrl: string,
  contracts: Record<ContractName, Address>,
  toBlock: bigint,
): Promise<Books> {
  const rpc = new JsonRpc(rpcUrl, { timeoutMs: 300_000, maxResponseBytes: MAX_LOGS_RESPONSE });
  const raw = await logsIn(rpc, Object.values(contracts), 0n, toBlock);
  const logs = parseEventLogs({ abi: ABI, logs: raw, strict: false }) as unknown as Decoded[];
  const days = new Map<bigint, string>();
  for (const n of new Set(logs.map((l) => l.blockNumber!))) {
    const b = await client.getBlock({ blockNumber: n });
    days.set(n, new Date(Number(b.timestamp) * 1000).toISOString().slice(0, 10));
  }
  const byTx = new Map<string, Decoded[]>();
  for (const l of logs) byTx.set(l.transactionHash!, [...(byTx.get(l.transactionHash!) ?? []), l]);
  const b = new Books(contracts);
  for (const l of logs) {
    const a = l.args;
    const day = days.get(l.blockNumber!)!;
    const tx = byTx.get(l.transactionHash!)!;
    switch (l.eventName) {
      case 'InferenceRecorded':
        b.fee(day, a.user as string, a.fee as bigint);
        break;
      case 'FeeSplit':
        b.feeSplit(day, a as Record<string, bigint>);
        break;
      case 'RewardAccrued':
        b.credit(day, a.account as string, creditCategory(a, tx), Number(a.role), a.amount as bigint);
        if (Number(a.role) === RewardRole.CONTRIBUTOR)
          b.released(a.inferenceId as bigint, a.amount as bigint);
        break;
      case 'RewardClaimed':
        b.claim(day, a.account as string, a.amount as bigint);
        break;
      case 'Staked':
        b.add(day, 'STAKED', a.amount as bigint);
        break;
      case 'Unstaked':
        b.add(day, 'UNSTAKED', a.amount as bigint);
        break;
      case 'Slashed':
        b.add(day, 'SLASHED', a.amount as bigint);
        b.account(a.account as string).totalSlashed += a.amount as bigint;
        break;
      case 'AttributionDisputed':
        b.bondPosted(day, a.disputeId as bigint, a.bond as bigint);
        break;
      case 'DisputeResolved':
        b.bondResolved(day, a.disputeId as bigint, a.upheld as boolean);
        break;
      case 'ContributionSubmitted':
        b.datanetOf.set(a.contributionId as bigint, String(a.datanetId));
        break;
      case 'AttributionPosted':
        b.inferenceOf.set(a.attributionId as bigint, a.inferenceId as bigint);
        break;
      case 'AttributionShare':
        b.share(a.attributionId as bigint, a.contributionId as bigint, Number(a.weightPpm));
        break;
      case 'Received':
        if (sameAddress(l.address, contracts.Treasury)) b.add(day, 'TREASURY_RECEIVED', a.amount as bigint);
        break;
      case 'GrantPaid':
        if (sameAddress(l.address, contracts.Treasury)) b.add(day, 'TREASURY_GRANTS', a.amount as bigint);
        break;
      case 'AttributionSettled':
        if (a.paid) b.settledPaid(a.attributionId as bigint, a.amount as bigint);
        break;
    }
  }
  for (const name of CONTRACT_NAMES)
    b.chainBalance[name] = await client.getBalance({ address: contracts[name], blockNumber: toBlock });
  await b.readViews(client, toBlock);
  return b;
}

/** What a credit is, from everything its transaction emitted (docs/accounting.md, "Why the role is not enough"). */
function creditCategory(a: Record<string, unknown>, tx: Decoded[]): string {
  const role = Number(a.role);
  if (role === RewardRole.CONTRIBUTOR) return 'CONTRIBUTOR_RELEASED';
  if (role === RewardRole.MODEL_OWNER) return 'FEE_MODEL_OWNER';
  if (role === RewardRole.PROVIDER) return 'FEE_PROVIDER';
  if (role === RewardRole.STAKER) return 'STAKER_HARVESTED';
  const id = a.inferenceId as bigint;
  const has = (name: string, pred: (x: Record<string, unknown>) => boolean = () => true) =>
    tx.some((l) => l.eventName === name && pred(l.args));
  if (id === 0n && has('Slashed')) return 'SLASHED_STAKE';
  if (has('FeeSplit', (x) => x.inferenceId === id)) return 'FEE_PROTOCOL';
  if (has('DisputeResolved', (x) => x.upheld === false)) return 'BOND_FORFEITED';
  if (has('DisputeResolved', (x) => x.upheld === true)) return 'ESCROW_FORFEITED';
  return 'ESCROW_LEFTOVER';
}

/**
 * Every log of the range through core's JSON-RPC helper (viem's public client stops at 10 MB, under one
 * medium block), halving the range while an answer is still too big or too slow.
 */
async function logsIn(rpc: JsonRpc, address: Address[], from: bigint, to: bigint): Promise<Log[]> {
  try {
    const raw = await rpc.call<RpcLog[]>('eth_getLogs', [
      { address, fromBlock: toHex(from), toBlock: toHex(to) },
    ]);
    return raw.map((l) => formatLog(l));
  } catch (e) {
    if (from === to) throw e;
    const mid = (from + to) / 2n;
    return [...(await logsIn(rpc, address, from, mid)), ...(await logsIn(rpc, address, mid + 1n, to))];
  }
}

function sameAddress(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
