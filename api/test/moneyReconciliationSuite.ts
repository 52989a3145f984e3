import { CONTRACT_NAMES } from '@ae/core';
import { type Books, buildChainLedger, type ScenarioHarness, startScenarioHarness } from '@ae/testkit';
import pg from 'pg';
import { createPublicClient, http, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiInstance, createApi, migrateApi } from '../src/index.js';

const TOTALS = `totalFees totalRewardsAccrued totalRewardsClaimed totalStaked totalSlashed totalFeeProtocol
  totalFeeModelOwner totalFeeProvider totalStakerRewards totalStakerHarvested totalEscrowed totalEscrowReleased
  totalEscrowLeftover totalEscrowForfeited escrowHeld totalBondsPosted totalBondsRefunded totalBondsForfeited
  totalPendingUnstake totalUnstaked`;
const METRICS =
  `FEES REWARDS CONTRIBUTOR_REWARDS CLAIMS FEE_PROTOCOL FEE_MODEL_OWNER FEE_PROVIDER STAKER_REWARDS
  STAKER_HARVESTED ESCROWED ESCROW_LEFTOVER ESCROW_FORFEITED BONDS_POSTED BONDS_REFUNDED BONDS_FORFEITED STAKED
  UNSTAKED SLASHED`.split(/\s+/);
const ACCOUNT =
  `totalEarned earnedAsContributor earnedAsModelOwner earnedAsProvider earnedAsStaker earnedAsProtocol
  receivedSlashedStake receivedForfeitedBonds totalCredited totalClaimed pendingRewards stake pendingUnstake
  totalSlashed feesPaid stakerRewardsUnharvested`.split(/\s+/);
const FLOW_TOTAL: Record<string, string> = {
  FEE_PROTOCOL: 'totalFeeProtocol',
  FEE_MODEL_OWNER: 'totalFeeModelOwner',
  FEE_PROVIDER: 'totalFeeProvider',
  FEE_STAKERS: 'totalStakerRewards',
  CONTRIBUTOR_RELEASED: 'totalEscrowReleased',
  ESCROW_LEFTOVER: 'totalEscrowLeftover',
  ESCROW_FORFEITED: 'totalEscrowForfeited',
  CONTRIBUTOR_ESCROWED: 'escrowHeld',
  SLASHED_STAKE: 'totalSlashed',
  BOND_FORFEITED: 'totalBondsForfeited',
};

/**
 * Every money figure of the API against an independent ledger built from raw chain logs, balances and the
 * contracts' views (testkit/src/money), on one scenario: real anvil, the real indexer process, the API. Each
 * test file that calls it plays its own scale (moneyReconciliation.test.ts small, *.medium.test.ts medium).
 */
export function moneyReconciliationSuite(opts: {
  scale: 'small' | 'medium';
  seed: number;
  timeoutMs: number;
}) {
  let h: ScenarioHarness;
  let pool: pg.Pool;
  let api: ApiInstance;
  let client: PublicClient;
  let books: Books;
  let head: bigint;
  /** Every comparison made and every one that differed (the test reports both). */
  const compared: string[] = [];
  const differ: string[] = [];
  function same(name: string, api: unknown, ledger: bigint | undefined): void {
    compared.push(name);
    const a = BigInt(String(api ?? '0'));
    if (a !== (ledger ?? 0n)) differ.push(`${name}: api ${a} ledger ${ledger ?? 0n}`);
  }

  // biome-ignore lint/suspicious/noExplicitAny: responses are compared field by field
  async function gql(query: string): Promise<any> {
    const r = await api.fetch('http://api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = await r.json();
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  beforeAll(async () => {
    h = await startScenarioHarness({ scale: opts.scale, seed: opts.seed, prefix: `api_money_${opts.scale}` });
    await migrateApi(h.db.url);
    pool = new pg.Pool({ connectionString: h.db.url, max: 4 });
    api = createApi({
      pool,
      services: { rpcUrl: h.anvil.rpcUrl, deployment: () => h.deployment, chainId: h.deployment.chainId },
    });
    client = createPublicClient({ transport: http(h.anvil.rpcUrl) }) as PublicClient;
    head = await client.getBlockNumber();
    books = await buildChainLedger(client, h.anvil.rpcUrl, h.deployment.contracts, head);
  }, opts.timeoutMs);

  afterAll(async () => {
    await pool?.end();
    await h?.close();
  });

  describe(`money reconciles with the chain to the wei (${opts.scale} scenario, seed ${opts.seed})`, () => {
    it('every money figure of the API equals the independent ledger', async () => {
      const d = await gql(`{ networkTotals { ${TOTALS} }
      flows: tokenFlows(groupBy: ROLE) { totalFees totalSlashed totalBondsForfeited totals { category amountWei } }
      topContributors(limit: 100, orderBy: REWARDS) { account { id } rewards }
      topDatanets(limit: 100, orderBy: REWARDS) { datanet { id } rewards }
      reconciliation { contract chainBalanceWei indexedBalanceWei differenceWei atBlock }
      accounts(limit: 1000) { id ${ACCOUNT.join(' ')} } }`);
      const t = books.totals;
      for (const f of TOTALS.split(/\s+/).filter(Boolean))
        same(`networkTotals.${f}`, d.networkTotals[f], t[f]);
      for (const m of METRICS) {
        const s = (await gql(`{ timeSeries(metric: ${m}) { t amount } }`)).timeSeries as Array<{
          t: string;
          amount: string;
        }>;
        const api = new Map(s.map((p) => [p.t.slice(0, 10), p.amount]));
        const ledger = books.daily.get(m) ?? new Map<string, bigint>();
        for (const day of new Set([...api.keys(), ...ledger.keys()]))
          same(`${m}@${day}`, api.get(day), ledger.get(day));
      }
      same('tokenFlows.totalFees', d.flows.totalFees, t.totalFees);
      same('tokenFlows.totalSlashed', d.flows.totalSlashed, t.totalSlashed);
      same('tokenFlows.totalBondsForfeited', d.flows.totalBondsForfeited, t.totalBondsForfeited);
      const flowTotals = new Map<string, string>(
        d.flows.totals.map((x: { category: string; amountWei: string }) => [x.category, x.amountWei]),
      );
      for (const [c, f] of Object.entries(FLOW_TOTAL)) same(`tokenFlows.${c}`, flowTotals.get(c), t[f]);
      // each model and datanet node passes on exactly what it receives (it holds nothing)
      const g = (
        await gql(
          '{ tokenFlows(groupBy: DATANET, limit: 50) { nodes { id stage } links { source target amount } } }',
        )
      ).tokenFlows;
      for (const n of g.nodes.filter(
        (x: { stage: string }) => x.stage === 'MODEL' || x.stage === 'DATANET',
      )) {
        const sum = (k: 'source' | 'target') =>
          g.links
            .filter((l: Record<string, string>) => l[k] === n.id)
            .reduce((a: bigint, l: { amount: string }) => a + BigInt(l.amount), 0n);
        same(`tokenFlows node ${n.id} outflow = inflow`, sum('source'), sum('target'));
      }
      for (const id of d.accounts.map((a: { id: string }) => a.id)) books.account(id);
      await books.readViews(client, head);
      const apiAccounts = new Map<string, Record<string, string>>(
        d.accounts.map((a: Record<string, string>) => [a.id, a]),
      );
      expect(apiAccounts.size).toBe(books.accounts.size);
      for (const [id, acc] of books.accounts) {
        for (const f of ACCOUNT) same(`account ${id}.${f}`, apiAccounts.get(id)?.[f], acc[f]);
        same(
          `account ${id} credited = claimed + pending`,
          acc.totalCredited,
          acc.totalClaimed + acc.pendingRewards,
        );
      }
      // the account page's flows: credits by category (slashed stake and forfeited bonds apart from rewards)
      for (const [id, acc] of books.accounts) {
        const flows = (await gql(`{ accountFlows(address: "${id}") { direction category amount } }`))
          .accountFlows as Array<{ direction: string; category: string; amount: string }>;
        const credited = (c?: string) =>
          flows
            .filter((x) => x.direction === 'ACCRUED' && (c === undefined || x.category === c))
            .reduce((s, x) => s + BigInt(x.amount), 0n);
        same(`accountFlows ${id} credited`, credited(), acc.totalCredited);
        same(`accountFlows ${id} SLASHED_STAKE`, credited('SLASHED_STAKE'), acc.receivedSlashedStake);
        same(`accountFlows ${id} BOND_FORFEITED`, credited('BOND_FORFEITED'), acc.receivedForfeitedBonds);
      }
      for (const r of d.topContributors)
        same(
          `topContributors ${r.account.id}`,
          r.rewards,
          books.accounts.get(r.account.id)?.earnedAsContributor,
        );
      for (const r of d.topDatanets)
        same(`topDatanets ${r.datanet.id}`, r.rewards, books.datanetRewards.get(r.datanet.id));
      const held = impliedHoldings(books);
      expect(d.reconciliation).toHaveLength(CONTRACT_NAMES.length);
      for (const r of d.reconciliation) {
        expect(r.atBlock).toBe(Number(head));
        const name = r.contract as (typeof CONTRACT_NAMES)[number];
        same(`ledger holds ${name} = its balance`, books.chainBalance[name], held[name]);
        same(`reconciliation ${name}.chainBalanceWei`, r.chainBalanceWei, books.chainBalance[name]);
        same(`reconciliation ${name}.indexedBalanceWei`, r.indexedBalanceWei, held[name]);
        same(`reconciliation ${name}.differenceWei`, r.differenceWei, 0n);
      }
      console.log(
        `money reconciliation (${opts.scale}): ${compared.length} figures compared, ${differ.length} differ`,
      );
      expect(differ).toEqual([]);
      // the scenario exercises every category (a zero everywhere would prove nothing)
      for (const f of [
        'totalEscrowLeftover',
        'totalEscrowForfeited',
        'totalBondsForfeited',
        'totalSlashed',
        'totalStakerRewards',
      ])
        expect(t[f] ?? 0n, f).toBeGreaterThan(0n);
      expect(BigInt(d.networkTotals.totalRewardsAccrued)).toBe(t.totalFees - t.escrowHeld);
    });

    it('sees value moved to a contract without an event as a difference', async () => {
      const ledger = h.deployment.contracts.InferenceLedger;
      const before = await client.getBalance({ address: ledger });
      await client.request({
        method: 'anvil_setBalance' as never,
        params: [ledger, `0x${(before + 1234n).toString(16)}`] as never,
      });
      await client.request({ method: 'evm_mine' as never, params: [] as never });
      await h.index();
      const d = await gql('{ reconciliation { contract differenceWei atBlock } }');
      const row = d.reconciliation.find((r: { contract: string }) => r.contract === 'InferenceLedger');
      expect(row.differenceWei).toBe('1234');
      expect(row.atBlock).toBe(Number(head) + 1);
      for (const r of d.reconciliation)
        if (r.contract !== 'InferenceLedger') expect(r.differenceWei).toBe('0');
    });
  });
}

/** What each contract must hold by the ledger (docs/accounting.md, "What each contract holds"). */
function impliedHoldings(b: Books): Record<string, bigint> {
  const t = b.totals;
  const z = (k: string) => t[k] ?? 0n;
  const unclaimed = [...b.accounts.values()].reduce((s, a) => s + a.totalCredited - a.totalClaimed, 0n);
  return {
    RewardDistributor: unclaimed + z('escrowHeld'),
    Staking:
      z('totalStaked') + z('totalPendingUnstake') + z('totalStakerRewards') - z('totalStakerHarvested'),
    AttributionRegistry: z('totalBondsPosted') - z('totalBondsRefunded') - z('totalBondsForfeited'),
    InferenceLedger: 0n,
    DatanetRegistry: 0n,
    ModelRegistry: 0n,
    ComputeRegistry: 0n,
    Treasury: z('treasuryReceived') - z('treasuryGrants'),
    Timelock: 0n,
    OpenGovernor: 0n,
  };
}
