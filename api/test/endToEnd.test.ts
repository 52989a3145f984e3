import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Anvil, ensureDeployment, runScenario, type ScenarioTruth, startAnvil } from '@ae/devnet';
import { createTestDatabase, readTruthFigures, startIndexer, type TestDatabase } from '@ae/testkit';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiInstance, createApi, migrateApi } from '../src/index.js';

/**
 * The whole path: the small scenario on a fresh anvil, indexed by the real indexer process, served by the API,
 * checked against the chain (RPC head) and against .data/scenario-truth.json's expectations.
 */
let dir: string;
let anvil: Anvil;
let tdb: TestDatabase;
let pool: pg.Pool;
let api: ApiInstance;
let truth: ScenarioTruth;

// biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field
async function gql(query: string, variables?: Record<string, unknown>): Promise<any> {
  const r = await api.fetch('http://api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await r.json();
  expect(body.errors).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ae-api-e2e-'));
  anvil = await startAnvil();
  const { deployment } = await ensureDeployment({
    rpcUrl: anvil.rpcUrl,
    deploymentPath: join(dir, 'deployment.json'),
  });
  truth = await runScenario({
    rpcUrl: anvil.rpcUrl,
    deployment: deployment as never,
    scale: 'small',
    seed: 7,
    artifactsDir: join(dir, 'artifacts'),
    dataDir: dir,
  });
  tdb = await createTestDatabase({ prefix: 'api_e2e' });
  const head = Number(truth.endBlock);
  const indexer = startIndexer({
    databaseUrl: tdb.url,
    rpcUrl: anvil.rpcUrl,
    deployment: deployment as never,
    finalityConfirmations: 0,
    stopAt: head,
  });
  await indexer.waitForHeight(head, 240_000);
  await indexer.stop();
  await migrateApi(tdb.url);
  pool = new pg.Pool({ connectionString: tdb.url, max: 4 });
  api = createApi({
    pool,
    services: {
      rpcUrl: anvil.rpcUrl,
      chainId: deployment.chainId,
      attributionRegistry: deployment.contracts.AttributionRegistry,
    },
  });
});

afterAll(async () => {
  await pool?.end();
  await tdb?.drop();
  await anvil?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('API over an indexed scenario', () => {
  it('counts entities as the scenario created them', async () => {
    const c = truth.expected.entityCounts;
    const f = await readTruthFigures(gql);
    expect(f.networkTotals).toMatchObject({
      datanets: c.datanets,
      contributions: c.contributions,
      models: c.models,
      inferences: c.inferences,
      attributions: c.attributions,
      disputes: c.disputes,
      totalFees: truth.expected.totalFees,
    });
    expect(f.checkpoints).toBe(c.checkpoints);
    expect(f.attributionShares).toBe(c.attributionShares);
    expect(f.rejectedContributions).toBe(c.contributionsRejected);
  });

  it('adds up rewards per role to the truth file', async () => {
    expect((await readTruthFigures(gql)).paidPerRole).toEqual(truth.expected.paidPerRole);
    const flows = await gql('{ tokenFlows(groupBy: ROLE) { totalFees links { source amount } } }');
    expect(flows.tokenFlows.totalFees).toBe(truth.expected.totalFees);
  });

  it('traces the lineage of the known inference to its model chain and top contribution', async () => {
    const l = truth.lineage;
    const d = await gql(
      'query($id: ID!, $depth: Int) { lineage(id: $id, direction: UPSTREAM, depth: $depth, maxNodes: 5000) { truncated nodes { id depth } edges { source target kind weight } } }',
      { id: `inference:${l.inferenceId}`, depth: l.path.length + 1 },
    );
    const ids = new Set(d.lineage.nodes.map((n: { id: string }) => n.id));
    for (const m of l.path) expect(ids, `model ${m}`).toContain(`model:${m}`);
    expect(ids).toContain(`contribution:${l.topContributionId}`);
    expect(ids).toContain(`attribution:${l.attributionId}`);
    const credited = d.lineage.edges.filter(
      (e: { kind: string; target: string }) =>
        e.kind === 'CREDITED' && e.target === `inference:${l.inferenceId}`,
    );
    expect(credited.length).toBeGreaterThan(0);
    expect(credited.map((e: { source: string }) => e.source)).toContain(
      `contribution:${l.topContributionId}`,
    );
    const first = await gql(
      'query($a: String!) { attributionShares(where: {attribution: {id_eq: $a}}, orderBy: [rank_ASC], limit: 1) { contribution { id datanet { id } } } }',
      { a: l.attributionId },
    );
    expect(first.attributionShares[0].contribution).toEqual({
      id: l.topContributionId,
      datanet: { id: l.topContributionDatanetId },
    });
    const down = await gql(
      'query($id: ID!) { lineage(id: $id, direction: DOWNSTREAM, depth: 2) { nodes { id } } }',
      { id: `contribution:${l.topContributionId}` },
    );
    const dn = new Set(down.lineage.nodes.map((n: { id: string }) => n.id));
    expect(dn).toContain(`inference:${l.inferenceId}`);
    expect(dn).toContain(`datanet:${l.topContributionDatanetId}`);
  });

  it('reports the chain head and the disputes with their outcomes', async () => {
    const d = await gql(`{ indexerStatus { chainId headSource headHeight indexedHeight lag digest }
      disputes(limit: 1000) { id status attribution { id } } }`);
    expect(d.indexerStatus).toMatchObject({
      headSource: 'RPC',
      indexedHeight: Number(truth.endBlock),
      lag: 0,
    });
    expect(d.indexerStatus.digest).toMatch(/^0x[0-9a-f]{64}$|^[0-9a-f]{64}$/);
    const upheld = new Set(truth.disputes.upheld.map((x) => x.disputeId));
    for (const disp of d.disputes) if (upheld.has(disp.id)) expect(disp.status).toBe('UPHELD');
    expect(d.disputes.length).toBe(truth.disputes.upheld.length + truth.disputes.rejected.length);
  });
});
