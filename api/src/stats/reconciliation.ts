import { BaseError, CONTRACT_NAMES, type ContractName } from '@ae/core';
import { TABLE } from '@ae/core/tables';
import { chainRpc, knownDeployment } from '../chain/chainRpc.js';
import type { ApiContext } from '../server/context.js';

/**
 * What the index says each protocol contract holds, wei, in one statement (one snapshot with the indexed
 * height). docs/accounting.md derives each line: RewardDistributor holds every credit not yet claimed plus
 * the escrow not yet settled; Staking the active and cooling stake plus the stakers' parts not yet harvested
 * (their rounding dust included); AttributionRegistry the open dispute bonds; the others pass value through.
 */
const SQL = `
SELECT s.indexed_height AS height,
  ((SELECT coalesce(sum(pending_rewards), 0) FROM ${TABLE.account})
    + g.total_escrowed - g.total_escrow_released - g.total_escrow_leftover - g.total_escrow_forfeited)::text AS "RewardDistributor",
  (g.total_staked + g.total_pending_unstake + g.total_staker_rewards - g.total_staker_harvested)::text AS "Staking",
  (g.total_bonds_posted - g.total_bonds_refunded - g.total_bonds_forfeited)::text AS "AttributionRegistry",
  ((SELECT coalesce(sum(amount), 0) FROM ${TABLE.treasuryReceipt})
    - (SELECT coalesce(sum(amount), 0) FROM ${TABLE.treasuryGrant}))::text AS "Treasury"
FROM ${TABLE.indexerState} s LEFT JOIN ${TABLE.globalStat} g ON g.id = 'global' WHERE s.id = 'current'`;

const HOLDS: Record<ContractName, string> = {
  RewardDistributor: 'credits not yet claimed + contributor escrow not yet settled',
  Staking: 'active stake + stake in cooldown + staker rewards not yet harvested (with their rounding dust)',
  AttributionRegistry: 'bonds of open disputes',
  InferenceLedger: 'nothing (fees pass through to RewardDistributor)',
  DatanetRegistry: 'nothing',
  ModelRegistry: 'nothing',
  ComputeRegistry: 'nothing (registration value is staked in Staking)',
  Treasury: 'OPEN received (collected fees and slashes, direct funding) − grants paid',
  Timelock: 'nothing',
  OpenGovernor: 'nothing',
};

export interface ReconciliationRow {
  contract: string;
  address: string;
  holds: string;
  chainBalanceWei: string;
  indexedBalanceWei: string;
  differenceWei: string;
  atBlock: number;
}

/**
 * Each protocol contract's native balance on chain (eth_getBalance at the indexed height) beside what the
 * index says it holds: the books prove themselves, and any difference (value moved without an event, a
 * handler bug) shows as a non-zero differenceWei = chain - index.
 */
export async function reconciliation(ctx: ApiContext): Promise<ReconciliationRow[]> {
  const deployment = knownDeployment(ctx);
  if (!deployment)
    throw new BaseError('reconciliation needs the deployment', {
      code: 'UNAVAILABLE',
      details: 'the API knows no deployment file, so it cannot tell which addresses to read',
    });
  const rpc = chainRpc(ctx);
  const [row] = await ctx.db.query<Record<string, string | number | null>>(SQL);
  if (!row) return [];
  const atBlock = Number(row.height);
  const tag = `0x${atBlock.toString(16)}`;
  return Promise.all(
    CONTRACT_NAMES.map(async (name) => {
      const address = deployment.contracts[name].toLowerCase();
      const chain = BigInt(await rpc.call<string>('eth_getBalance', [address, tag]));
      const indexed = BigInt((row[name] as string | null | undefined) ?? '0');
      return {
        contract: name,
        address,
        holds: HOLDS[name],
        chainBalanceWei: chain.toString(),
        indexedBalanceWei: indexed.toString(),
        differenceWei: (chain - indexed).toString(),
        atBlock,
      };
    }),
  );
}
