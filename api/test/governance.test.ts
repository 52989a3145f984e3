import { GENESIS_POA_METHODS, openGovernorAbi } from '@ae/contracts';
import { type ScenarioHarness, startScenarioHarness } from '@ae/testkit';
import pg from 'pg';
import { type Address, createPublicClient, http } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiInstance, createApi } from '../src/index.js';

/** The governance API over an indexed scenario, checked against the Governor's own reads. */
let h: ScenarioHarness;
let pool: pg.Pool;
let api: ApiInstance;
beforeAll(async () => {
  h = await startScenarioHarness({ scale: 'small', seed: 3, prefix: 'api_gov' });
  pool = new pg.Pool({ connectionString: h.db.url, max: 4 });
  api = createApi({
    pool,
    logError: () => {},
    services: { rpcUrl: h.anvil.rpcUrl, deployment: () => h.deployment },
  });
}, 900_000);
afterAll(async () => {
  await pool?.end();
  await h?.close();
});

async function gql(query: string, variables?: Record<string, unknown>) {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  };
  return (await (await api.fetch('http://api/graphql', init)).json()) as {
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

const STATES = ['PENDING', 'ACTIVE', 'CANCELED', 'DEFEATED', 'SUCCEEDED', 'QUEUED', 'EXPIRED', 'EXECUTED'];

describe('governance API', () => {
  it('reports each proposal in the state, tally and quorum the Governor reports', async () => {
    const client = createPublicClient({ transport: http(h.anvil.rpcUrl) });
    const gov = h.deployment.contracts.OpenGovernor as Address;
    const r = await gql(
      '{ governanceProposalOverviews { id title status forVotes againstVotes abstainVotes quorum quorumReached timeline { step done } actions { functionName summary } } }',
    );
    expect(r.errors).toBeUndefined();
    const list = r.data?.governanceProposalOverviews as Record<string, unknown>[];
    expect(list.length).toBe(h.truth.governance?.proposals.length);
    for (const p of list) {
      const id = BigInt(p.id as string);
      const state = await client.readContract({
        address: gov,
        abi: openGovernorAbi,
        functionName: 'state',
        args: [id],
      });
      expect(p.status, p.title as string).toBe(STATES[state]);
      const snapshot = await client.readContract({
        address: gov,
        abi: openGovernorAbi,
        functionName: 'proposalSnapshot',
        args: [id],
      });
      const quorum = await client.readContract({
        address: gov,
        abi: openGovernorAbi,
        functionName: 'quorum',
        args: [snapshot],
      });
      expect(p.quorum).toBe(quorum.toString());
    }
    const fee = list.find((p) => (p.title as string).startsWith('Fee split: contributors')) as {
      actions: { summary: string }[];
      timeline: { step: string; done: boolean }[];
    };
    expect(fee.actions[0].summary).toBe('fee split: model owners 30 % → 25 %, contributors 40 % → 45 %');
    expect(fee.timeline.map((t) => t.step)).toEqual([
      'CREATED',
      'VOTING_STARTS',
      'VOTING_ENDS',
      'QUEUED',
      'EXECUTABLE',
      'EXECUTED',
    ]);
    expect(fee.timeline.every((t) => t.done)).toBe(true);
  });

  it('serves votes, parameter history and grants through the entity queries', async () => {
    const r = await gql(`{
      governanceVotes(orderBy: weight_DESC, limit: 3) { voter { id } support weight reason proposal { title } }
      parameterChanges(where: { parameter_eq: "split.contributorsBps" }, orderBy: blockNumber_ASC) { value proposal { id title } timestamp }
      treasuryGrants { amount recipient { id } datanet { id } proposal { title } }
    }`);
    expect(r.errors).toBeUndefined();
    const d = r.data as Record<string, Record<string, unknown>[]>;
    expect(d.governanceVotes.length).toBe(3);
    expect(d.parameterChanges.map((c) => c.value)).toEqual(['4000', '4500']);
    expect(d.parameterChanges[0].proposal).toBeNull();
    expect((d.parameterChanges[1].proposal as { title: string }).title).toMatch(/^Fee split/);
    expect(d.treasuryGrants[0].datanet).toEqual({ id: h.truth.governance?.grants[0].targetId });
  });

  it('serves the governed approvals: actions in words, current settings, approved datanets and providers', async () => {
    const g = h.truth.governance!;
    const r = await gql(`{
      governanceProposalOverviews { id actions { summary } }
      governedSettings(orderBy: id_ASC) { id kind subject enabled paramsHash }
      datanets(orderBy: id_ASC) { id curated approved }
      computeProviders { id approved }
      parameterChanges(where: { parameter_startsWith: "poaMethod." }, orderBy: [blockNumber_ASC, id_ASC]) { parameter value proposal { id } }
    }`);
    expect(r.errors).toBeUndefined();
    const d = r.data as Record<string, Record<string, unknown>[]>;
    const words = (key: string) =>
      (
        d.governanceProposalOverviews.find((p) => p.id === g.proposals.find((x) => x.key === key)?.id)
          ?.actions as { summary: string }[]
      ).map((a) => a.summary);
    expect(words('retireMethod')).toEqual(['method knn-shapley@1 disallowed']);
    const datanet = g.settings.find((x) => x.functionName === 'setApproval')!.subject;
    expect(words('curatedDatanet')).toEqual([`datanet ${datanet} approved as curated`]);
    expect(words('providers')).toEqual(
      h.truth.accounts.providers.map((p) => `compute provider ${p.toLowerCase()} approved`),
    );
    expect(d.datanets.filter((x) => x.approved).map((x) => x.id)).toEqual([datanet]);
    expect(d.computeProviders.every((p) => p.approved)).toBe(true);
    const methods = d.governedSettings.filter((x) => x.kind === 'poaMethod');
    expect(methods.map((m) => [m.subject, m.enabled, m.paramsHash]).sort()).toEqual(
      [...GENESIS_POA_METHODS].sort().map((m) => [m, m !== 'knn-shapley@1', null]),
    );
    const retired = d.parameterChanges.filter((c) => c.parameter === 'poaMethod.knn-shapley@1');
    expect(retired.map((c) => [c.value, (c.proposal as { id: string } | null)?.id ?? null])).toEqual([
      ['1', null],
      ['0', g.proposals.find((x) => x.key === 'retireMethod')?.id],
    ]);
  });

  it('answers a malformed proposal id as a user error', async () => {
    const r = await gql('{ governanceProposalOverview(id: "12; drop") { id } }');
    expect(r.errors?.[0].extensions?.code).not.toBe('INTERNAL');
    expect(r.errors?.[0].message).toMatch(/decimal proposal id/);
  });
});
