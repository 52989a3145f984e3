import {
  attributionRegistryAbi,
  computeRegistryAbi,
  datanetRegistryAbi,
  GENESIS_POA_METHODS,
  openGovernorAbi,
  ProposalState,
  stakingAbi,
  timelockAbi,
} from '@ae/contracts';
import { TABLE } from '@ae/core/tables';
import { type ScenarioHarness, startScenarioHarness } from '@ae/testkit';
import pg from 'pg';
import { type Address, createPublicClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Indexed governance state against the scenario's truth file and the contracts' own reads. */
let h: ScenarioHarness;
let db: pg.Client;
let read: (address: Address, abi: unknown, functionName: string, args?: unknown[]) => Promise<unknown>;
beforeAll(async () => {
  h = await startScenarioHarness({ prefix: 'gov_index', seed: 1 });
  db = new pg.Client({ connectionString: h.db.url });
  await db.connect();
  const client = createPublicClient({ transport: http(h.anvil.rpcUrl) });
  read = (address, abi, functionName, args = []) =>
    client.readContract({ address, abi, functionName, args } as never) as Promise<unknown>;
}, 900_000);
afterAll(async () => {
  await db?.end();
  await h?.close();
});

const rows = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows;
const EVENT_OF = { Executed: 'EXECUTED', Queued: 'QUEUED', Defeated: 'CREATED' } as Record<string, string>;

describe('indexed governance', () => {
  it('has every proposal with its tally, last event and the chain state the truth file names', async () => {
    const g = h.truth.governance!;
    const c = h.deployment.contracts as Record<string, Address>;
    const got = await rows(`SELECT * FROM ${TABLE.governanceProposal} ORDER BY created_block, id`);
    expect(got.map((r) => r.id).sort()).toEqual(g.proposals.map((p) => p.id).sort());
    for (const p of g.proposals) {
      const r = got.find((x) => x.id === p.id);
      expect([r.for_votes, r.against_votes, r.abstain_votes], p.key).toEqual([
        p.forVotes,
        p.againstVotes,
        p.abstainVotes,
      ]);
      expect(r.vote_count, p.key).toBe(p.votes);
      expect(r.last_event, p.key).toBe(EVENT_OF[p.state]);
      expect(r.proposer_id).toBe(g.proposer.toLowerCase());
      const [against, forVotes, abstain] = (await read(c.OpenGovernor, openGovernorAbi, 'proposalVotes', [
        BigInt(p.id),
      ])) as bigint[];
      expect([forVotes, against, abstain].map(String)).toEqual([
        r.for_votes,
        r.against_votes,
        r.abstain_votes,
      ]);
      expect(
        ProposalState[Number(await read(c.OpenGovernor, openGovernorAbi, 'state', [BigInt(p.id)]))],
      ).toBe(p.state);
      expect(r.vote_start).toBe(
        String(await read(c.OpenGovernor, openGovernorAbi, 'proposalSnapshot', [BigInt(p.id)])),
      );
      expect(r.vote_end).toBe(
        String(await read(c.OpenGovernor, openGovernorAbi, 'proposalDeadline', [BigInt(p.id)])),
      );
    }
    const votes = await rows(
      `SELECT proposal_id, count(*)::int AS n, sum(weight)::text AS w FROM ${TABLE.governanceVote} GROUP BY 1`,
    );
    expect(votes.reduce((t, v) => t + v.n, 0)).toBe(g.proposals.reduce((t, p) => t + p.votes, 0));
  });

  it('decodes actions, links the timelock operations and the parameter changes to their proposal', async () => {
    const g = h.truth.governance!;
    const c = h.deployment.contracts as Record<string, Address>;
    const fee = g.proposals.find((p) => p.key === 'feeSplit')!;
    const [action] = await rows(`SELECT * FROM ${TABLE.proposalAction} WHERE proposal_id = $1`, [fee.id]);
    expect([action.contract, action.function_name]).toEqual(['RewardDistributor', 'setSplit']);
    expect(JSON.parse(action.args)[0].contributorsBps).toBe(g.splitAfter.contributorsBps);
    const ops = await rows(`SELECT * FROM ${TABLE.timelockOperation} ORDER BY id`);
    const queued = g.proposals.filter((p) => p.state !== 'Defeated');
    expect(ops.map((o) => o.proposal_id).sort()).toEqual(queued.map((p) => p.id).sort());
    for (const o of ops) {
      const done = (await read(c.Timelock, timelockAbi, 'isOperationDone', [o.id])) as boolean;
      expect(o.status).toBe(done ? 'EXECUTED' : 'SCHEDULED');
      const p = await rows(`SELECT timelock_operation_id FROM ${TABLE.governanceProposal} WHERE id = $1`, [
        o.proposal_id,
      ]);
      expect(p[0].timelock_operation_id).toBe(o.id);
    }
    const changes = await rows(
      `SELECT * FROM ${TABLE.parameterChange} WHERE parameter = 'split.contributorsBps' ORDER BY id`,
    );
    expect(changes.at(-1).proposal_id).toBe(fee.id);
    expect(Number(changes.at(-1).value)).toBe(g.splitAfter.contributorsBps);
    expect(changes[0].proposal_id).toBeNull(); // the constructor's split: no proposal
  });

  it('records the grant, linked to its datanet and proposal, and voting power as the chain counts it', async () => {
    const g = h.truth.governance!;
    const c = h.deployment.contracts as Record<string, Address>;
    const grants = await rows(`SELECT * FROM ${TABLE.treasuryGrant}`);
    expect(grants.map((x) => [x.recipient_id, x.amount, x.datanet_id])).toEqual(
      g.grants.map((x) => [x.recipient.toLowerCase(), x.amount, x.targetId]),
    );
    expect(grants[0].proposal_id).toBe(g.proposals.find((p) => p.key === 'grant')!.id);
    // what the treasury received, less what it paid, is what it holds on chain (its seed included)
    const [{ received }] = await rows(
      `SELECT coalesce(sum(amount), 0)::text AS received FROM ${TABLE.treasuryReceipt}`,
    );
    expect(BigInt(received)).toBeGreaterThanOrEqual(BigInt(g.treasurySeed));
    const paid = grants.reduce((s, x) => s + BigInt(x.amount), 0n);
    const chain = createPublicClient({ transport: http(h.anvil.rpcUrl) });
    expect(BigInt(received) - paid).toBe(await chain.getBalance({ address: c.Treasury }));
    expect((await rows(`SELECT count(*)::int AS n FROM ${TABLE.delegationEvent}`))[0].n).toBe(
      g.delegations.length,
    );
    const accounts = await rows(`SELECT * FROM ${TABLE.governanceAccount}`);
    for (const d of new Set(g.delegations.map((x) => x.delegatee.toLowerCase()))) {
      const r = accounts.find((a) => a.id === d);
      expect(r?.votes, d).toBe(String(await read(c.Staking, stakingAbi, 'getVotes', [d])));
    }
    for (const x of g.delegations) {
      const r = accounts.find((a) => a.id === x.delegator.toLowerCase());
      expect(r?.delegate).toBe(
        String(await read(c.Staking, stakingAbi, 'delegates', [x.delegator])).toLowerCase(),
      );
    }
  });

  it('records the governed approvals as parameter changes of their proposal, and their current value as the chain reads it', async () => {
    const g = h.truth.governance!;
    const c = h.deployment.contracts as Record<string, Address>;
    const KIND = {
      setMethod: 'poaMethod',
      setApproval: 'curatedDatanet',
      setProviderApproval: 'computeProvider',
    };
    expect(new Set(g.settings.map((x) => x.functionName))).toEqual(new Set(Object.keys(KIND)));
    for (const x of g.settings) {
      const kind = KIND[x.functionName as keyof typeof KIND];
      const subject = kind === 'computeProvider' ? x.subject.toLowerCase() : x.subject;
      const [row] = await rows(`SELECT * FROM ${TABLE.governedSetting} WHERE id = $1`, [
        `${kind}:${subject}`,
      ]);
      expect(row?.enabled, `${kind}:${subject}`).toBe(x.on);
      const [change] = await rows(`SELECT * FROM ${TABLE.parameterChange} WHERE id = $1`, [row.last_change]);
      expect([change.parameter, change.value, change.proposal_id]).toEqual([
        `${kind}.${subject}`,
        x.on ? '1' : '0',
        x.proposal,
      ]);
    }
    // the deployment allowed every genesis method with an admin key (no proposal)
    for (const m of GENESIS_POA_METHODS) {
      const [first] = await rows(
        `SELECT * FROM ${TABLE.parameterChange} WHERE parameter = $1 ORDER BY block_number, id LIMIT 1`,
        [`poaMethod.${m}`],
      );
      expect([first.value, first.proposal_id, first.contract]).toEqual(['1', null, 'AttributionRegistry']);
    }
    for (const r of await rows(`SELECT * FROM ${TABLE.governedSetting} WHERE kind = 'poaMethod'`)) {
      expect(r.enabled, r.subject).toBe(
        await read(c.AttributionRegistry, attributionRegistryAbi, 'isMethodAllowed', [r.subject]),
      );
    }
    for (const d of await rows(`SELECT id, approved FROM ${TABLE.datanet}`)) {
      expect(d.approved, `datanet ${d.id}`).toBe(
        await read(c.DatanetRegistry, datanetRegistryAbi, 'approved', [BigInt(d.id)]),
      );
    }
    const providers = await rows(`SELECT id, approved FROM ${TABLE.computeProvider}`);
    expect(providers.length).toBe(h.truth.accounts.providers.length);
    for (const p of providers) {
      expect(p.approved, p.id).toBe(await read(c.ComputeRegistry, computeRegistryAbi, 'isApproved', [p.id]));
      expect(p.approved).toBe(true);
    }
  });
});
