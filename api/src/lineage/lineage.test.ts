import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDR, insertRow, insertWorld } from '../../test/fixtures.js';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('api_lineage');
  await insertWorld(h.pool);
});
afterAll(() => h?.close());

const Q = `query($id: ID!, $dir: LineageDirection, $depth: Int, $kinds: [NodeKind!], $max: Int) {
  lineage(id: $id, direction: $dir, depth: $depth, kinds: $kinds, maxNodes: $max) {
    root truncated nodes { id kind label depth data } edges { source target kind weight unit amount } } }`;

type Graph = {
  root: string;
  truncated: boolean;
  nodes: Array<{ id: string; kind: string; label: string; depth: number; data: Record<string, unknown> }>;
  edges: Array<{
    source: string;
    target: string;
    kind: string;
    weight: number | null;
    unit: string | null;
    amount: string | null;
  }>;
};

async function lineage(vars: Record<string, unknown>): Promise<Graph> {
  const r = await h.gql<{ lineage: Graph }>(Q, vars);
  expect(r.errors).toBeUndefined();
  return r.data!.lineage;
}

describe('lineage', () => {
  it('upstream of an inference reaches its model, base models, datanets and credited contributions', async () => {
    const g = await lineage({ id: 'inference:1', dir: 'UPSTREAM', depth: 4 });
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const id of [
      'model:3',
      'model:2',
      'model:1',
      'datanet:2',
      'datanet:1',
      'contribution:1',
      'contribution:3',
      'attribution:1',
      `account:${ADDR.user}`,
    ]) {
      expect(ids, id).toContain(id);
    }
    expect(ids).not.toContain('inference:2');
    const credited = g.edges.find((e) => e.source === 'contribution:1' && e.target === 'inference:1');
    expect(credited).toMatchObject({
      kind: 'CREDITED',
      weight: 600000,
      unit: 'PPM',
      amount: '3000000000000000000',
    });
    expect(g.edges.find((e) => e.source === 'model:3' && e.target === 'inference:1')).toMatchObject({
      kind: 'SERVED',
      weight: 10,
      unit: 'OPEN',
    });
    expect(g.nodes.find((n) => n.id === 'model:1')?.depth).toBe(3);
    expect(g.truncated).toBe(false);
  });

  it('downstream of a contribution reaches models trained on its datanet, credited inferences and rewards', async () => {
    const g = await lineage({ id: 'contribution:1', dir: 'DOWNSTREAM', depth: 3 });
    const ids = new Set(g.nodes.map((n) => n.id));
    for (const id of ['datanet:1', 'model:1', 'model:2', 'inference:1', 'inference:2', 'reward:r1'])
      expect(ids, id).toContain(id);
    expect(ids).not.toContain(`account:${ADDR.alice}`);
    expect(g.edges).toContainEqual({
      source: 'contribution:1',
      target: 'reward:r1',
      kind: 'REWARDED',
      weight: 3,
      unit: 'OPEN',
      amount: '3000000000000000000',
    });
    expect(g.nodes.find((n) => n.id === 'reward:r1')?.data).toMatchObject({
      role: 'CONTRIBUTOR',
      amount: '3000000000000000000',
    });
  });

  it('upstream of a contributor reward reaches the contribution it paid and the inference that accrued it', async () => {
    const g = await lineage({ id: 'reward:r1', dir: 'UPSTREAM', depth: 1 });
    expect(g.edges).toContainEqual({
      source: 'contribution:1',
      target: 'reward:r1',
      kind: 'REWARDED',
      weight: 3,
      unit: 'OPEN',
      amount: '3000000000000000000',
    });
    expect(g.nodes.map((n) => n.id)).toContain('inference:1');
  });

  it('BOTH walks upstream and downstream but not sideways, and depth bounds it', async () => {
    const g = await lineage({ id: 'model:2', dir: 'BOTH', depth: 1 });
    expect(g.nodes.map((n) => n.id).sort()).toEqual(
      ['account:' + ADDR.owner, 'checkpoint:2-1', 'datanet:2', 'model:1', 'model:2', 'model:3'].sort(),
    );
    const deeper = await lineage({ id: 'model:2', dir: 'BOTH', depth: 2 });
    const ids = deeper.nodes.map((n) => n.id);
    expect(ids).toContain('inference:1');
    // model:1's other child would be sideways: upstream to model:1, then downstream again — never taken.
    expect(ids).not.toContain('inference:2');
  });

  it('filters node kinds and accepts a bare id when one kind is given', async () => {
    const g = await lineage({ id: '3', kinds: ['MODEL'], dir: 'UPSTREAM', depth: 5 });
    expect(g.root).toBe('model:3');
    expect(g.nodes.map((n) => n.id)).toEqual(['model:3', 'model:2', 'model:1']);
  });

  it('cuts at the node budget and says so', async () => {
    const g = await lineage({ id: 'inference:1', dir: 'UPSTREAM', depth: 6, max: 4 });
    expect(g.nodes.length).toBe(4);
    expect(g.truncated).toBe(true);
    expect(g.nodes[0]!.id).toBe('inference:1');
    for (const e of g.edges) {
      expect(g.nodes.some((n) => n.id === e.source) && g.nodes.some((n) => n.id === e.target)).toBe(true);
    }
  });

  it('keeps datanets and models before credits and rewards when the budget is tight', async () => {
    const all = await lineage({ id: 'contribution:1', dir: 'DOWNSTREAM', depth: 2 });
    const depth2 = all.nodes.filter((n) => n.depth <= 2);
    expect(depth2.length).toBeGreaterThan(4);
    // a budget of three: the root, its datanet and the model trained on it, before any credited inference
    const g = await lineage({ id: 'contribution:1', dir: 'DOWNSTREAM', depth: 2, max: 3 });
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['contribution:1', 'datanet:1', 'model:1']);
    expect(g.truncated).toBe(true);
  });

  it('runs one SQL statement per call', async () => {
    const before = h.statements();
    await lineage({ id: 'contribution:1', dir: 'BOTH', depth: 6 });
    expect(h.statements() - before).toBe(1);
  });

  it('rejects malformed ids, unknown nodes and out-of-range depth with clear errors', async () => {
    const bad = await h.gql(Q, { id: "model:1' OR 1=1 --" });
    expect(bad.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(bad.errors?.[0]?.message).toMatch(/invalid model id/);
    const kind = await h.gql(Q, { id: 'planet:1' });
    expect(kind.errors?.[0]?.message).toMatch(/expected <kind>:<id>/);
    const missing = await h.gql(Q, { id: 'inference:999' });
    expect(missing.errors?.[0]).toMatchObject({
      message: 'inference:999 not found',
      extensions: { code: 'NOT_FOUND' },
    });
    const deep = await h.gql(Q, { id: 'inference:1', depth: 50 });
    expect(deep.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    const budget = await h.gql(Q, { id: 'inference:1', max: 1_000_000 });
    expect(budget.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
  });

  it('accepts mixed-case account ids', async () => {
    const g = await lineage({
      id: `account:${ADDR.alice.toUpperCase().replace('0X', '0x')}`,
      dir: 'DOWNSTREAM',
      depth: 1,
    });
    expect(g.nodes.map((n) => n.id).sort()).toEqual([
      `account:${ADDR.alice}`,
      'contribution:1',
      'contribution:2',
    ]);
  });

  it('shows the Treasury grants that funded a datanet or a model (last: it adds rows)', async () => {
    const grant = (id: string, kind: number, target: string, amount: string) =>
      insertRow(h.pool, 'treasury_grant', {
        id,
        recipient_id: ADDR.owner,
        amount,
        kind,
        target_id: target,
        datanet_id: kind === 1 ? target : null,
        model_id: kind === 2 ? target : null,
        memo: `grant ${id}`,
      });
    await grant('1', 1, '1', '20000000000000000000');
    await grant('2', 2, '2', '1000000000000000000');
    const up = await lineage({ id: 'datanet:1', dir: 'UPSTREAM', depth: 1 });
    expect(up.edges.find((e) => e.source === 'grant:1')).toMatchObject({
      target: 'datanet:1',
      kind: 'FUNDED',
      unit: 'OPEN',
      amount: '20000000000000000000',
    });
    const node = up.nodes.find((n) => n.id === 'grant:1');
    expect(node).toMatchObject({ kind: 'GRANT', label: 'grant #1' });
    expect(node?.data).toMatchObject({ recipient: ADDR.owner, datanet: '1', memo: 'grant 1' });
    const down = await lineage({ id: 'grant:2', dir: 'DOWNSTREAM', depth: 2 });
    expect(down.edges.find((e) => e.source === 'grant:2')).toMatchObject({
      target: 'model:2',
      kind: 'FUNDED',
    });
    expect(down.nodes.map((n) => n.id)).toContain('model:3'); // what was built on the funded model follows
  });
});
