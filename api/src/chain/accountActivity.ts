import { COLUMN, TABLE } from '@ae/core/tables';
import type { Db } from '../db/db.js';
import type { ApiContext } from '../server/context.js';
import { chainRpc } from './chainRpc.js';
import { isoTime, type RpcBlock } from './rpcTypes.js';

const T = COLUMN.tokenTransfer;

const ADDRESS = /^0x[0-9a-f]{40}$/;

export const normalizeAddress = (a: string): string | null => {
  const t = a.trim().toLowerCase();
  const x = t.startsWith('0x') ? t : `0x${t}`;
  return ADDRESS.test(x) ? x : null;
};

// grouped by category too (a PROTOCOL credit may be a fee part, a slash or a bond: docs/accounting.md); amounts
// are sorted as numbers, not as their text
const FLOWS_SQL = `
  SELECT direction, kind, category, counterparty, amount::text AS amount, count FROM (
    SELECT 'OUT' AS direction, kind, category, "to" AS counterparty, sum(amount) AS amount, count(*)::int AS count
      FROM ${TABLE.tokenTransfer} WHERE ${T.from} = $1 GROUP BY kind, category, "to"
    UNION ALL
    SELECT 'IN', kind, category, "from", sum(amount), count(*)::int
      FROM ${TABLE.tokenTransfer} WHERE ${T.to} = $1 GROUP BY kind, category, "from"
    UNION ALL
    SELECT 'ACCRUED', role, category, NULL, sum(amount), count(*)::int
      FROM ${TABLE.rewardAccrual} WHERE ${COLUMN.rewardAccrual.accountId} = $1 GROUP BY role, category
  ) f ORDER BY direction, f.amount DESC, kind, category, counterparty`;

/**
 * Where an account's OPEN came from and went, as the index has it: native transfers in and out grouped by kind,
 * money category and counterparty, and credits grouped by role and category (credits are paid out later by
 * claims; slashed stake and forfeited bonds are credits but not rewards). Exact wei.
 */
export async function accountFlows(db: Db, address: string) {
  const a = normalizeAddress(address);
  if (!a) return [];
  return db.query<{
    direction: string;
    kind: string;
    category: string;
    counterparty: string | null;
    amount: string;
    count: number;
  }>(FLOWS_SQL, [a]);
}

/**
 * The account's native OPEN balance as the chain reports it (eth_getBalance) at the latest blocks in which it
 * moved OPEN through the protocol, and now: at most `points` values, oldest first, one batch to the node. A node
 * that has pruned old state answers only for the head; `complete` says so.
 */
export async function balanceHistory(ctx: ApiContext, address: string, points: number) {
  const a = normalizeAddress(address);
  if (!a) return { complete: true, points: [] };
  const rows = await ctx.db.query<{ block_number: number; timestamp: Date | string }>(
    `SELECT block_number, max(timestamp) AS timestamp FROM ${TABLE.tokenTransfer} WHERE ${T.from} = $1 OR ${T.to} = $1
       GROUP BY block_number ORDER BY block_number DESC LIMIT $2`,
    [a, Math.max(0, points - 1)],
  );
  const rpc = chainRpc(ctx);
  const head = await rpc.call<RpcBlock>('eth_getBlockByNumber', ['latest', false]);
  const at = [...rows].reverse().map((r) => ({
    blockNumber: r.block_number,
    timestamp: new Date(r.timestamp).toISOString(),
  }));
  const headPoint = { blockNumber: Number(BigInt(head.number)), timestamp: isoTime(head.timestamp) };
  const all = at.at(-1)?.blockNumber === headPoint.blockNumber ? at : [...at, headPoint];
  try {
    const balances = await rpc.batch<string>(
      all.map((p) => ({ method: 'eth_getBalance', params: [a, `0x${p.blockNumber.toString(16)}`] })),
    );
    return { complete: true, points: all.map((p, i) => ({ ...p, balance: BigInt(balances[i]).toString() })) };
  } catch {
    const now = await rpc.call<string>('eth_getBalance', [a, head.number]);
    return { complete: false, points: [{ ...headPoint, balance: BigInt(now).toString() }] };
  }
}
